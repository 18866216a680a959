"""The user's settings: one optional, documented YAML file in the config folder.

Every key is optional. A bad value is reported as ``FILE:LINE: message`` and its default is
used; the rest of the file still applies. The theme chosen in the app and the call's panel
(``call_panel``) are written back.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from informa.domain.errors import FileProblems, Problem
from informa.paths import PRIVATE_FILE_MODE, ensure_private_dir

if TYPE_CHECKING:
    from informa.domain.followup import Rules
    from informa.yamlfile import Checker, Node

CADENCES = ("3b7", "7+7")
DEFAULT_THEME = "informa"
CALL_PANELS = ("strip", "side")
"""In a call under 120 columns: the clock and the question in a strip over the notes, or the
checklist and the pitch card beside them."""

TEMPLATE = """\
# informa settings. Every key is optional; delete a line to get its default back.
# A bad value is reported when informa starts and its default is used instead.

# Colour theme (informa, informa-light, or any built-in Textual theme such as nord).
# Changing the theme in the app (ctrl+p → "Theme") writes it here.
theme: {theme}

# How many informational interviews you aim for (progress on the review screen).
# interview_goal: 10

# Default length of a call, in minutes.
# call_minutes: 25

# Follow-up cadence after an outreach with no reply:
#   3b7  try a second person at the company after 3 business days, follow up after 7
#   7+7  nudge after 7 business days, then once more 7 later
# follow_up_cadence: 3b7

# A thank-you is due this many hours after a call ends.
# thank_you_hours: 24

# Suggest a check-in with contacts you are "in touch" with every N weeks.
# check_in_weeks: 8

# Days that do not count as business days for follow-ups (YYYY-MM-DD).
# holidays: [2026-12-25, 2027-01-01]

# You, for outreach messages: {{my_name}} and {{my_background}} in the templates.
# your_name: Sam Rivera
# your_background: a postdoc in computational biology exploring data science roles

# In a call on a screen under 120 columns: the clock and the current question in a strip
# above the notes (strip), or the checklist and the pitch card beside them (side).
# The Panel key in a call (f12) switches, and writes the choice here.
# call_panel: strip

# Remap keys by binding id (see the help panel, f1), e.g.:
# keys:
#   new_contact: ctrl+n
"""


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str = DEFAULT_THEME
    interview_goal: int = 10
    call_minutes: int = 25
    follow_up_cadence: str = "3b7"
    thank_you_hours: int = 24
    check_in_weeks: int = 8
    holidays: tuple[date, ...] = ()
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    your_name: str = ""
    your_background: str = ""
    call_panel: str = "strip"

    def follow_up_rules(self) -> Rules:
        """The follow-up rules these settings ask for."""
        from informa.domain.followup import Rules  # with the first screen that needs them

        return Rules(
            cadence=self.follow_up_cadence,
            thank_you_hours=self.thank_you_hours,
            check_in_weeks=self.check_in_weeks,
            holidays=frozenset(self.holidays),
        )


KEYS = (
    "theme",
    "interview_goal",
    "call_minutes",
    "follow_up_cadence",
    "thank_you_hours",
    "check_in_weeks",
    "holidays",
    "keys",
    "your_name",
    "your_background",
    "call_panel",
)


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read the settings file; a missing file gives the defaults and no problem."""
    if not path.exists():
        return Settings(), []  # the usual case: PyYAML is not even imported
    from informa.yamlfile import Checker, parse, read_text

    try:
        root = parse(read_text(path), path)
    except FileProblems as exc:
        return Settings(), list(exc.problems)
    if root is None:
        return Settings(), []
    checker = Checker(path)
    settings = _settings(checker, root)
    return settings, checker.problems


def _settings(checker: Checker, root: Node) -> Settings:
    fields = checker.mapping(root, "the settings", optional=KEYS)
    if fields is None:
        return Settings()
    settings = Settings()
    updates: dict[str, object] = {}
    if (theme := checker.text(fields.get("theme"), "theme")) is not None:
        updates["theme"] = theme
    for key in ("your_name", "your_background"):
        if (text := checker.text(fields.get(key), key, allow_empty=True)) is not None:
            updates[key] = text
    for key, low, high in (
        ("interview_goal", 1, 1000),
        ("call_minutes", 5, 180),
        ("thank_you_hours", 1, 24 * 14),
        ("check_in_weeks", 1, 104),
    ):
        if (number := checker.integer(fields.get(key), key, low, high)) is not None:
            updates[key] = number
    cadence = checker.choice(fields.get("follow_up_cadence"), "follow_up_cadence", CADENCES)
    if cadence is not None:
        updates["follow_up_cadence"] = cadence
    if (panel := checker.choice(fields.get("call_panel"), "call_panel", CALL_PANELS)) is not None:
        updates["call_panel"] = panel
    if (holidays := fields.get("holidays")) is not None:
        updates["holidays"] = _holidays(checker, holidays)
    if (keys := fields.get("keys")) is not None:
        updates["keys"] = MappingProxyType(_keys(checker, keys))
    return replace(settings, **updates)  # type: ignore[arg-type]


def _holidays(checker: Checker, node: Node) -> tuple[date, ...]:
    days = []
    for item in checker.sequence(node, "holidays"):
        if isinstance(item.value, date) and not isinstance(item.value, datetime):
            days.append(item.value)
        else:
            checker.error(item.line, f"holiday '{item.value}' is not a date like 2026-12-25")
    return tuple(sorted(days))


def _keys(checker: Checker, node: Node) -> dict[str, str]:
    if not node.is_mapping:
        checker.error(node.line, "keys must map binding ids to keys, like 'new_contact: ctrl+n'")
        return {}
    keys: dict[str, str] = {}
    for binding_id, value in node.value.items():
        key = checker.text(value, f"key for '{binding_id}'")
        if key is not None:
            keys[binding_id] = key
    return keys


def save_theme(path: Path, theme: str) -> None:
    """Persist the theme (``save_setting``)."""
    save_setting(path, "theme", theme)


def save_setting(path: Path, key: str, value: str) -> None:
    """Persist ``key: value`` (a plain word, such as a theme's name), keeping the rest of the
    file (and its comments) as written; a missing file gets the commented template.

    Only a block-style mapping is edited, on the key's own line; anything else (flow style,
    a value on the next line) raises ``FileProblems`` rather than risk damaging the file.
    A symlinked settings file is written through the link.
    """
    import yaml

    from informa.yamlfile import compose, read_text

    path = path.resolve() if path.is_symlink() else path
    if not path.exists():
        theme = value if key == "theme" else DEFAULT_THEME
        text = TEMPLATE.format(theme=theme)
        if key != "theme":
            text += f"{key}: {value}\n"
        write_private_text(path, text)
        return
    text = read_text(path)
    lines = text.splitlines(keepends=True)
    what = "the theme" if key == "theme" else f"'{key}'"
    try:
        root = compose(text) if text.strip() else None
    except (yaml.YAMLError, RecursionError) as exc:
        raise FileProblems(
            [Problem(path, None, f"cannot save {what}: the file is not valid YAML")]
        ) from exc
    if root is None:
        write_private_text(
            path, text + ("" if text.endswith("\n") or not text else "\n") + f"{key}: {value}\n"
        )
        return
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise FileProblems(
            [Problem(path, 1, f"cannot save {what} here: write settings as 'key: value' lines")]
        )
    for node, scalar in root.value:
        if node.value == key:
            line = node.start_mark.line
            if not isinstance(scalar, yaml.ScalarNode) or scalar.start_mark.line != line:
                example = "theme: name" if key == "theme" else f"{key}: {value}"
                raise FileProblems(
                    [Problem(path, line + 1, f"cannot save {what}: write it as '{example}'")]
                )
            # By character index, not column: PyYAML does not count U+FEFF in columns.
            before, after = text[: node.start_mark.index], text[scalar.end_mark.index :]
            write_private_text(path, f"{before}{key}: {value}{after}")
            return
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.append(f"{key}: {value}\n")
    write_private_text(path, "".join(lines))


def write_private_text(path: Path, text: str) -> None:
    """Write atomically (temp file + rename) with owner-only permissions. The temporary file
    has a random name and is created exclusively (0600), so nothing planted in its place can
    be followed or keep other permissions."""
    ensure_private_dir(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(PRIVATE_FILE_MODE)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
