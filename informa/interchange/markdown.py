"""Markdown export: a folder of notes that reads well in Obsidian (or any Markdown viewer).

The folder gets ``index.md`` (contacts by stage, interviews by date), ``contacts/<Name>.md``
and ``interviews/<YYYY-MM-DD> <Name>.md`` (``undated <Name>.md`` for a call not yet
scheduled). Each file opens with YAML front matter (Obsidian's *properties*) and links the
others with wiki links, ``[[file name]]``. File names are unique across the whole export
(case-insensitively), so every link finds exactly one file.

Interview notes and debriefs are written exactly as typed: the notes format is already
Markdown (``## [07:42] Question`` headings), so informa's own sections use level-one
headings and the user's text keeps its own.

Safety: a file name is built from what a contact is called, which may come from someone
else's file. Separators, ``..``, leading dots, control and bidi characters, characters
Windows or Obsidian links cannot hold, Windows device names and empty names are all
replaced, names are capped at 120 UTF-8 bytes, and every path is checked to resolve inside
the folder before anything is written. A link planted where a sub-folder should be is refused.

Writing into a folder that already holds files: informa overwrites only files it wrote
itself (their front matter opens with ``exported_by: informa``); a file of the user's own
with the same name is left alone and the export takes the next free name (``Name (2).md``).
Nothing is ever deleted, so an exported file whose contact has since been renamed or
deleted stays until the user removes it. Edits made to exported files are overwritten by
the next export into the same folder.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from informa.domain.errors import BadFileError, InformaError
from informa.domain.model import Contact, Interview, InterviewStatus, Stage
from informa.domain.wording import counted
from informa.interchange.files import write_private
from informa.paths import ensure_private_dir

if TYPE_CHECKING:  # the UI may import this module; it never imports the store
    from informa.domain.records import Snapshot

CONTACTS_DIR = "contacts"
INTERVIEWS_DIR = "interviews"
INDEX_STEM = "index"
SUFFIX = ".md"
MARKER = "exported_by: informa"
MAX_FILE_NAME_BYTES = 120
"""The longest file name written (UTF-8 bytes, ``.md`` and any `` (2)`` included)."""

_OURS = re.compile(rb"\A---\r?\nexported_by: informa\r?\n")
# Characters Windows refuses in names, and those that break an Obsidian link.
_FORBIDDEN = frozenset('<>:"/\\|?*#^[]')
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³"]
)
_ESCAPE = frozenset("\\`*_[]<>#|~$%=^")
Dump = Callable[[dict[str, Any]], str]
_ORDERED = re.compile(r"^(\d+)([.)])")


@dataclass(frozen=True, slots=True)
class MarkdownReport:
    """What an export wrote."""

    folder: Path
    """The export folder, resolved."""
    files: tuple[Path, ...]
    """Every file written, in the order written (index last)."""

    def summary(self) -> str:
        count = len(self.files)
        return f"wrote {counted(count, 'Markdown file')} to {self.folder}"


def export_markdown(snapshot: Snapshot, folder: Path, *, zone: tzinfo = UTC) -> MarkdownReport:
    """Write ``snapshot`` into ``folder`` (created owner-only if missing); see the module doc.

    ``zone`` is the time zone the interview dates are given in (the app passes its clock's).
    Raises ``BadFileError`` (one line naming the path) when something cannot be written.
    """
    try:
        return _export(snapshot, folder.expanduser(), zone)
    except OSError as exc:  # a folder that cannot be listed or created, a full disk
        where = exc.filename or folder
        raise BadFileError(f"{where}: cannot export there ({exc.strerror})") from None


def _export(snapshot: Snapshot, folder: Path, zone: tzinfo) -> MarkdownReport:
    import yaml  # only exports need PyYAML's dumper; keep it out of informa's start-up

    root = _prepare(folder)
    folders = {name: _prepare_sub(root, name) for name in (CONTACTS_DIR, INTERVIEWS_DIR)}
    namer = _Namer([root, *folders.values()])
    index_path = namer.claim(root, INDEX_STEM)
    contact_paths = {
        contact.id: namer.claim(folders[CONTACTS_DIR], contact.name)
        for contact in snapshot.contacts
    }
    interviews = sorted(snapshot.interviews, key=_sort_key)
    interview_paths = {
        interview.id: namer.claim(folders[INTERVIEWS_DIR], _interview_stem(interview, zone))
        for interview in interviews
    }
    links = _Links(
        {cid: _stem(path) for cid, path in contact_paths.items()},
        {iid: _stem(path) for iid, path in interview_paths.items()},
    )

    def dump(values: dict[str, Any]) -> str:
        return str(yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=1_000_000))

    allowed = {root, *folders.values()}
    written: list[Path] = []
    by_id = {contact.id: contact for contact in snapshot.contacts}
    for contact in snapshot.contacts:
        text = _contact_file(contact, snapshot, links, dump)
        written.append(_write(allowed, contact_paths[contact.id], text))
    for interview in interviews:
        owner = by_id.get(interview.contact_id)
        text = _interview_file(interview, owner, links, dump, zone)
        written.append(_write(allowed, interview_paths[interview.id], text))
    written.append(_write(allowed, index_path, _index_file(snapshot, interviews, links, dump)))
    return MarkdownReport(root, tuple(written))


# --- file names ----------------------------------------------------------------------------


def safe_stem(name: str) -> str:
    """A file name (without ``.md``) for ``name`` that is a single, harmless path component.

    Never empty, never ``.``/``..`` or hidden, never a Windows device name, at most
    :data:`MAX_FILE_NAME_BYTES` UTF-8 bytes with the ``.md``, and valid UTF-8.
    """
    kept: list[str] = []
    for char in unicodedata.normalize("NFC", name):
        if char in _FORBIDDEN:
            kept.append("-")
        elif char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs", "Cf") and char not in "\u200c\u200d":
            continue  # control, lone surrogate, bidi and other format characters
        else:
            kept.append(char)
    text = _tidy(" ".join("".join(kept).split()))
    text = _tidy(_truncate(text, MAX_FILE_NAME_BYTES - len(SUFFIX)))
    if not text:
        text = "unnamed"
    if text.split(".")[0].rstrip().casefold() in _WINDOWS_RESERVED:
        text = f"_{text}"
    return text


def _tidy(text: str) -> str:
    """No leading dot or dash (hidden files, options), no trailing dot or space (Windows)."""
    return text.lstrip(" .-").rstrip(" .")


def _truncate(text: str, limit: int) -> str:
    """At most ``limit`` UTF-8 bytes, cut on a character boundary."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def _with_number(stem: str, number: int) -> str:
    if number == 1:
        return stem
    suffix = f" ({number})"
    room = MAX_FILE_NAME_BYTES - len(SUFFIX) - len(suffix)
    return _tidy(_truncate(stem, room)) + suffix


def _key(stem: str) -> str:
    """How file systems (macOS, Windows) and Obsidian may compare names."""
    return unicodedata.normalize("NFC", stem).casefold()


def _stem(path: Path) -> str:
    return path.name.removesuffix(SUFFIX)


class _Namer:
    """Hands out file names unique across the export, never over a file not ours, and never
    the name of a note of the user's own in the export's folders (a link would be ambiguous).
    """

    def __init__(self, folders: Iterable[Path]) -> None:
        self.used: set[str] = {
            _key(entry.name[: -len(SUFFIX)])
            for folder in folders
            for entry in folder.iterdir()
            if entry.name.lower().endswith(SUFFIX) and not _free_or_ours(entry)
        }

    def claim(self, folder: Path, wanted: str) -> Path:
        base = safe_stem(wanted)
        for number in range(1, 100_000):
            stem = _with_number(base, number)
            path = folder / f"{stem}{SUFFIX}"
            if _key(stem) in self.used or not _free_or_ours(path):
                continue
            self.used.add(_key(stem))
            return path
        raise BadFileError(f"{folder}: no free file name for {base!r}")  # pragma: no cover


def _free_or_ours(path: Path) -> bool:
    """Whether ``path`` may be written: nothing is there, or a file informa exported."""
    if not os.path.lexists(path):
        return True
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return bool(_OURS.match(head))


# --- folders and writing -------------------------------------------------------------------


def _prepare(folder: Path) -> Path:
    if folder.exists() and not folder.is_dir():
        raise BadFileError(f"{folder}: is a file; give a folder to export into")
    try:
        ensure_private_dir(folder)
    except InformaError as exc:
        raise BadFileError(str(exc)) from None
    return folder.resolve()


def _prepare_sub(root: Path, name: str) -> Path:
    folder = root / name
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise BadFileError(f"{folder}: is not a plain folder; move it away and export again")
    try:
        ensure_private_dir(folder)
    except InformaError as exc:
        raise BadFileError(str(exc)) from None
    if folder.resolve() != folder:
        raise BadFileError(f"{folder}: leads outside {root}; move it away and export again")
    return folder


def _write(allowed: set[Path], path: Path, text: str) -> Path:
    """Write ``text`` at ``path`` after checking, once more, that it lands where it should:
    in the export folder or one of its two sub-folders, as a plain file."""
    inside = path.parent.resolve() in allowed and path.resolve().parent in allowed
    if not inside or path.name in (".", "..") or path.is_symlink():
        raise BadFileError(f"{path}: outside the export folder; nothing written there")
    write_private(path, text.encode("utf-8", "replace"))
    return path


# --- contents ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Links:
    contacts: dict[int, str]
    interviews: dict[int, str]

    def contact(self, contact_id: int | None, fallback: str = "") -> str:
        stem = self.contacts.get(contact_id) if contact_id is not None else None
        return f"[[{stem}]]" if stem is not None else _inline(fallback)

    def interview(self, interview_id: int) -> str:
        return f"[[{self.interviews[interview_id]}]]"


def _clean(text: str) -> str:
    """Text that encodes as UTF-8 (a lone surrogate becomes ``?``)."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _one_line(text: str) -> str:
    """One line of text, without control or bidi characters (they could mislead a reader)."""
    kept = (
        ch
        for ch in _clean(text)
        if ch.isspace() or (unicodedata.category(ch) != "Cc" and ch not in _BIDI)
    )
    return " ".join("".join(kept).split())


def _inline(text: str) -> str:
    """User text on one line, with Markdown (and Obsidian) markup characters escaped."""
    line = "".join(f"\\{ch}" if ch in _ESCAPE else ch for ch in _one_line(text))
    line = re.sub(r"&(?=#?\w+;)", r"\\&", line)  # an entity such as &lt;
    if line.startswith(("-", "+")):  # a bullet, a rule, a heading underline
        return f"\\{line}"
    return _ORDERED.sub(r"\1\\\2", line, count=1)  # "1. " would start a numbered list


def _yaml_value(value: Any) -> Any:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, list | tuple):
        return [_yaml_value(item) for item in value]
    return value


def _front_matter(values: dict[str, Any], dump: Dump) -> str:
    """YAML front matter; the marker line first, so a later export knows the file is ours."""
    return f"---\n{MARKER}\n{dump({k: _yaml_value(v) for k, v in values.items()})}---\n"


def _block(text: str) -> str:
    """The user's text exactly as typed, ending with a line break."""
    text = _clean(text)
    return text if text.endswith(("\n", "\r")) else f"{text}\n"


def _when(interview: Interview) -> datetime | None:
    return interview.started_at or interview.scheduled_at


def _day(interview: Interview, zone: tzinfo) -> date | None:
    when = _when(interview)
    return when.astimezone(zone).date() if when is not None else None


def _sort_key(interview: Interview) -> tuple[bool, datetime, str, int]:
    when = _when(interview)
    never = datetime.max.replace(tzinfo=UTC)
    return (when is None, when or never, interview.contact_name.casefold(), interview.id)


def _interview_stem(interview: Interview, zone: tzinfo) -> str:
    day = _day(interview, zone)
    return f"{day.isoformat() if day else 'undated'} {interview.contact_name}"


def _status(interview: Interview) -> str:
    return interview.status.value.replace("_", " ")


def _about(contact: Contact) -> str:
    parts = [part for part in (contact.role, contact.company_name) if part.strip()]
    return ", ".join(_inline(part) for part in parts)


def _contact_file(contact: Contact, snapshot: Snapshot, links: _Links, dump: Dump) -> str:
    stem = links.contacts.get(contact.referred_by_id or 0)
    referrer = f"[[{stem}]]" if stem is not None else contact.referred_by_name
    values: dict[str, Any] = {
        "name": contact.name,
        "company": contact.company_name,
        "role": contact.role,
        "stage": contact.stage.label,
        "source": contact.source.label,
        "email": contact.email,
        "linkedin": contact.linkedin_url,
        "location": contact.location,
        "tags": list(contact.tags),
        "referred_by": referrer,
        "next_action": contact.next_action,
        "next_action_due": contact.next_action_due,
    }
    if contact.archived:
        values["archived"] = True
    out = [_front_matter(values, dump)]
    about = _about(contact)
    out.append(f"{_inline(contact.name)}{f' — {about}' if about else ''}\n")
    if referrer:
        out.append(f"\nReferred by {referrer if stem else _inline(referrer)}.\n")
    if contact.notes.strip():
        out.append(f"\n# Notes\n\n{_block(contact.notes)}")
    interviews = snapshot.interviews_of(contact.id)
    if interviews:
        out.append("\n# Interviews\n\n")
        for interview in sorted(interviews, key=_sort_key):
            minutes = f", {interview.minutes} min" if interview.minutes is not None else ""
            out.append(f"- {links.interview(interview.id)} ({_status(interview)}{minutes})\n")
    referred = [item for item in snapshot.contacts if item.referred_by_id == contact.id]
    if referred:
        out.append("\n# Referred\n\n")
        out.extend(f"- {links.contact(item.id, item.name)}\n" for item in referred)
    return "".join(out)


def _interview_file(
    interview: Interview, contact: Contact | None, links: _Links, dump: Dump, zone: tzinfo
) -> str:
    who = links.contact(interview.contact_id, interview.contact_name)
    values: dict[str, Any] = {
        "contact": who if contact is not None else interview.contact_name,
        "company": contact.company_name if contact else "",
        "role": contact.role if contact else "",
        "date": _day(interview, zone),
        "duration_minutes": interview.minutes,
        "status": interview.status.value,
        "tags": list(contact.tags) if contact else [],
        "link": interview.link,
    }
    out = [_front_matter(values, dump)]
    about = _about(contact) if contact else ""
    out.append(f"Call with {who}{f' ({about})' if about else ''}.\n")
    if interview.notes:
        out.append(f"\n# Notes\n\n{_block(interview.notes)}")
    held = interview.status in (InterviewStatus.IN_PROGRESS, InterviewStatus.DONE)
    open_questions = [q for q in interview.questions if q.asked_at is None]
    if open_questions:
        out.append("\n# Planned questions not asked\n\n" if held else "\n# Planned questions\n\n")
        for question in open_questions:
            skipped = " (skipped)" if question.skipped else ""
            out.append(f"- {_inline(question.text)}{skipped}\n")
    if interview.debrief.strip():
        out.append(f"\n# Debrief\n\n{_block(interview.debrief)}")
    return "".join(out)


def _index_file(
    snapshot: Snapshot, interviews: Iterable[Interview], links: _Links, dump: Dump
) -> str:
    ordered = list(interviews)
    contacts = counted(len(snapshot.contacts), "contact")
    calls = counted(len(ordered), "interview")
    out = [_front_matter({"contacts": len(snapshot.contacts), "interviews": len(ordered)}, dump)]
    out.append(f"{contacts}, {calls}, exported from informa.\n")
    out.append("\n# Contacts by stage\n")
    for stage in Stage:
        members = [c for c in snapshot.contacts if c.stage is stage]
        if not members:
            continue
        out.append(f"\n## {stage.label} ({len(members)})\n\n")
        for contact in members:
            about = _about(contact)
            out.append(f"- {links.contact(contact.id)}{f' — {about}' if about else ''}\n")
    if ordered:
        out.append("\n# Interviews by date\n\n")
        for interview in ordered:
            out.append(f"- {links.interview(interview.id)} ({_status(interview)})\n")
    return "".join(out)
