"""README's key tables and binding-id list, made from the table of keys.

README holds them in blocks between markers (``<!-- begin keys … -->`` … ``<!-- end keys
-->``). ``python -m informa.ui.keys --markdown`` prints the blocks; ``--readme README.md``
rewrites them in place. tests/architecture/test_readme.py keeps README in step.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from informa.ui.keys import binding_ids, grouped, keys_of, line_parts
from informa.ui.keys.table import SECTIONS, Section

WIDTH = 100
MADE_BY = "made by `python -m informa.ui.keys --readme README.md`; do not edit"
IDS = "binding ids"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def section_table(section: Section) -> str:
    """The section's keys (the defaults): key, action, what it does."""
    rows = ["| key | action | what |", "| --- | --- | --- |"]
    keys = [key for scope in section.scopes for key in keys_of(scope)]
    for group in grouped(keys):
        shown, labels, text = line_parts(group, {})
        if not any(key.id for key in group) and len(group) > 1:
            shown, labels = shown.replace(" / ", " "), ""  # a list's moves: ↑ ↓ home end
        rows.append(f"| {_cell(shown)} | {_cell(labels)} | {_cell(text)} |")
    rows += [f"| {keys} | {_cell(label)} | {_cell(what)} |" for keys, label, what in section.other]
    return "\n".join(rows)


def key_tables(block: str = "keys") -> str:
    """The tables of the sections in ``block``; the ``keys`` block links to the others."""
    parts = []
    for section in SECTIONS:
        if section.block == block and block != "keys":
            parts.append(section_table(section))  # under a heading of its own
        elif section.block == block:
            parts.append(f"**{section.title}**\n\n{section_table(section)}")
        elif block == "keys":
            parts.append(f"**{section.title}**: see {section.link}.")
    return "\n\n".join(parts)


def binding_id_paragraph() -> str:
    """``Binding ids: everywhere `help`, …; in a call `call_ask`, ….``"""
    listed: list[str] = []
    clauses = []
    for section in SECTIONS:
        ids = [key.id for scope in section.scopes for key in keys_of(scope) if key.id]
        ids = [name for name in dict.fromkeys(ids) if name not in listed]
        listed += ids
        if ids:
            clauses.append(f"{section.where} " + ", ".join(f"`{name}`" for name in ids))
    missing = set(binding_ids()) - set(listed)
    if missing:
        raise ValueError(f"binding ids in no README section: {', '.join(sorted(missing))}")
    text = "Binding ids: " + "; ".join(clauses) + "."
    return textwrap.fill(text, WIDTH, break_on_hyphens=False, break_long_words=False)


def blocks() -> dict[str, str]:
    """Every README block by name, without its markers."""
    made = {block: key_tables(block) for block in dict.fromkeys(s.block for s in SECTIONS)}
    made[IDS] = binding_id_paragraph()
    return made


def begin(name: str) -> str:
    return f"<!-- begin {name}: {MADE_BY} -->"


def end(name: str) -> str:
    return f"<!-- end {name} -->"


def markdown() -> str:
    """Every block with its markers, as README holds them."""
    return "\n\n".join(f"{begin(name)}\n{text}\n{end(name)}" for name, text in blocks().items())


def block_in(readme: str, name: str) -> str:
    """README's block ``name``, without its markers (``ValueError`` if it has none)."""
    pattern = re.escape(begin(name)) + r"\n(.*?)\n" + re.escape(end(name))
    found = re.search(pattern, readme, re.DOTALL)
    if found is None:
        raise ValueError(f"README has no block {name!r}: {begin(name)} … {end(name)}")
    return found.group(1)


def rewrite_readme(path: Path) -> bool:
    """Put the blocks made from the table into README; True if it changed."""
    readme = path.read_text(encoding="utf-8")
    updated = readme
    for name, text in blocks().items():
        old = f"{begin(name)}\n{block_in(updated, name)}\n{end(name)}"
        updated = updated.replace(old, f"{begin(name)}\n{text}\n{end(name)}")
    if updated == readme:
        return False
    path.write_text(updated, encoding="utf-8")
    return True
