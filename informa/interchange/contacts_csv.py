"""informa's own contacts CSV: the same columns written and read, so a file round-trips.

Columns: ``name, company, role, email, linkedin_url, location, source, stage, tags,
referred_by, next_action, next_action_due, check_in_weeks, notes``. Tags are separated by
``; ``; ``referred_by`` is the referrer's name; dates are ``YYYY-MM-DD``; ``source`` and
``stage`` are written as their values (``reached_out``) and read as values or labels
(``Reached out``), in any case.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula, so every such cell is written with a leading ``'`` (OWASP's advice on
CSV injection) and the ``'`` is taken off again on reading. A cell that already starts with
quotes before such a character gets one more, so what was written is exactly what is read.
NUL characters are dropped on export (no spreadsheet keeps them, and a file with them reads
as binary).

Reading is forgiving where a hand-edited file would differ: the header row is found by what
it says (any row with a ``name`` column; the other columns are optional and in any order;
unknown columns are ignored with a warning), and a value that cannot be used (an address that
is not http(s), a date that is not a date) is left out with a warning naming the line while
the rest of the row still imports. Only the notes are kept exactly as written; every other
cell is trimmed to one line.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from informa.domain.errors import ValidationError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped
from informa.domain.model import Contact, ContactDraft, Source, Stage
from informa.domain.validate import (
    MAX_CHECK_IN_WEEKS,
    check_email,
    check_url,
    clean_line,
    normalize_tags,
)
from informa.interchange.csvrows import read_people
from informa.interchange.files import read_text

if TYPE_CHECKING:  # the UI may import this module; it never imports the store
    from informa.domain.records import Snapshot

EXPECTED = "a contacts CSV"
COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "role",
    "email",
    "linkedin_url",
    "location",
    "source",
    "stage",
    "tags",
    "referred_by",
    "next_action",
    "next_action_due",
    "check_in_weeks",
    "notes",
)
TAG_SEPARATOR = "; "
BOM = "\ufeff"

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Other names people give these columns in a file they made themselves.
_ALIASES = {
    "linkedin": "linkedin_url",
    "linkedin_profile": "linkedin_url",
    "email_address": "email",
    "e_mail": "email",
    "position": "role",
    "title": "role",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_E = TypeVar("_E", Source, Stage)


# --- neutralising formulas -----------------------------------------------------------------


def _looks_like_formula(value: str) -> bool:
    """Whether ``value``, after any leading quotes, starts with a formula trigger."""
    return value.lstrip("'").startswith(_TRIGGERS)


def neutralise(value: str) -> str:
    """``value`` as written to a cell: a formula trigger gets a leading ``'``."""
    return f"'{value}" if _looks_like_formula(value) else value


def restore(value: str) -> str:
    """Undo :func:`neutralise`: exactly one ``'`` comes off a neutralised cell."""
    if value.startswith("'") and _looks_like_formula(value):
        return value[1:]
    return value


# --- export --------------------------------------------------------------------------------


def export_csv(snapshot: Snapshot, *, bom: bool = False) -> str:
    """Every contact of ``snapshot`` as CSV text: a header, then one row per contact.

    RFC 4180 line ends (``\\r\\n``); cells quoted only when they must be. ``bom`` starts the
    text with a byte-order mark, which Excel needs to read a UTF-8 file's accents right
    (leave it out for standard output).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for contact in snapshot.contacts:
        writer.writerow([neutralise(cell.replace("\x00", "")) for cell in _cells(contact)])
    return (BOM if bom else "") + buffer.getvalue()


def _cells(contact: Contact) -> list[str]:
    values = {
        "name": contact.name,
        "company": contact.company_name,
        "role": contact.role,
        "email": contact.email,
        "linkedin_url": contact.linkedin_url,
        "location": contact.location,
        "source": contact.source.value,
        "stage": contact.stage.value,
        "tags": TAG_SEPARATOR.join(contact.tags),
        "referred_by": contact.referred_by_name if contact.referred_by_id is not None else "",
        "next_action": contact.next_action,
        "next_action_due": (contact.next_action_due.isoformat() if contact.next_action_due else ""),
        "check_in_weeks": "" if contact.check_in_weeks is None else str(contact.check_in_weeks),
        "notes": contact.notes,
    }
    return [values[column] for column in COLUMNS]


# --- reading -------------------------------------------------------------------------------


def read_csv(path: Path) -> ReadResult:
    """The people in a contacts CSV, ready for ``store.imports.merge``.

    Raises ``BadFileError`` (one line naming the file) for anything that is not such a file.
    """
    text = read_text(path, expected=EXPECTED)
    warnings: list[str] = []
    return read_people(
        text,
        path,
        header=lambda cells: _header(cells, warnings),
        person=lambda line, cells, columns: _Row(line, cells, columns, warnings).read(),
        no_header='no header row with a "name" column found (is this a contacts CSV?)',
        no_rows="the header is there but no contacts follow",
        warnings=warnings,
    )


def _column_id(cell: str) -> str:
    """``Next action due`` and ``next-action-due`` are ``next_action_due``."""
    key = "_".join(re.split(r"[\s_-]+", clean_line(cell).casefold())).strip("_")
    return _ALIASES.get(key, key)


def _header(cells: list[str], warnings: list[str]) -> dict[str, int] | None:
    """Column positions if ``cells`` is the header row (it has a ``name`` column)."""
    ids = [_column_id(cell) for cell in cells]
    if "name" not in ids:
        return None
    found: dict[str, int] = {}
    unknown: list[str] = []
    for position, (column, cell) in enumerate(zip(ids, cells, strict=True)):
        if column in COLUMNS:
            if column in found:
                warnings.append(f"the column '{clean_line(cell)}' appears twice; the first is used")
            else:
                found[column] = position
        elif column:
            unknown.append(f"'{clean_line(cell)}'")
    if unknown:
        warnings.append(f"unknown columns ignored: {', '.join(unknown)}")
    return found


class _Row:
    """One data row read into an ``IncomingContact`` (or a ``Skipped``), adding warnings."""

    def __init__(
        self, line: int, cells: list[str], columns: dict[str, int], warnings: list[str]
    ) -> None:
        self.line = line
        self.cells = cells
        self.columns = columns
        self.warnings = warnings
        self.where = f"line {line}"

    def raw(self, column: str) -> str:
        position = self.columns.get(column)
        if position is None or position >= len(self.cells):
            return ""
        return self.cells[position]

    def cell(self, column: str) -> str:
        """A one-line value: trimmed, inner whitespace folded, neutralisation undone."""
        return clean_line(restore(self.raw(column).strip()))

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.where}: {message}")

    def read(self) -> IncomingContact | Skipped:
        name = self.cell("name")
        if not name:
            return Skipped(self.line, "", "no name")
        self.where = f"line {self.line} ({name})"
        draft = ContactDraft(
            name=name,
            role=self.cell("role"),
            company=self.cell("company"),
            email=self._email(),
            linkedin_url=self._url(),
            location=self.cell("location"),
            source=self._source(),
            tags=normalize_tags(re.split(r"[;,]", self.cell("tags"))),
            notes=restore(self.raw("notes")),
            check_in_weeks=self._weeks(),
        )
        return IncomingContact(
            draft=draft,
            line=self.line,
            stage=self._stage(),
            next_action=self.cell("next_action"),
            next_action_due=self._due(),
            referred_by=self.cell("referred_by"),
        )

    def _email(self) -> str:
        value = self.cell("email")
        try:
            return check_email(value)
        except ValidationError:
            self.warn(f"'{value}' is not an email address; left out")
            return ""

    def _url(self) -> str:
        value = self.cell("linkedin_url")
        try:
            return check_url(value, "linkedin_url")
        except (ValidationError, ValueError):  # urlsplit raises ValueError ("http://[x")
            self.warn(f"'{value}' is not a web address (http or https); left out")
            return ""

    def _source(self) -> Source:
        value = self.cell("source")
        if not value:
            return Source.OTHER
        found = _by_name(value, {item: item.label for item in Source})
        if found is None:
            self.warn(f"source '{value}' is not one informa knows; imported as Other")
            return Source.OTHER
        return found

    def _stage(self) -> Stage | None:
        value = self.cell("stage")
        if not value:
            return None
        found = _by_name(value, {item: item.label for item in Stage})
        if found is None:
            self.warn(f"stage '{value}' is not one informa knows; a new contact starts as Prospect")
        return found

    def _due(self) -> date | None:
        value = self.cell("next_action_due")
        if not value:
            return None
        try:
            if _ISO_DATE.match(value):
                return date.fromisoformat(value)
        except ValueError:
            pass
        self.warn(f"next_action_due '{value}' is not a date (YYYY-MM-DD); left out")
        return None

    def _weeks(self) -> int | None:
        value = self.cell("check_in_weeks")
        if not value:
            return None
        digits = value.isascii() and value.isdigit() and len(value) <= 3
        if digits and 1 <= int(value) <= MAX_CHECK_IN_WEEKS:
            return int(value)
        self.warn(
            f"check_in_weeks '{value}' is not a whole number from 1 to "
            f"{MAX_CHECK_IN_WEEKS}; left out"
        )
        return None


def _by_name(value: str, labels: dict[_E, str]) -> _E | None:
    """The member whose value or label is ``value`` (case, spaces, ``_`` and ``-`` ignored)."""
    key = _folded(value)
    for member, label in labels.items():
        if key in (_folded(member.value), _folded(label)):
            return member
    return None


def _folded(text: str) -> str:
    return " ".join(re.split(r"[\s_-]+", text.casefold())).strip()
