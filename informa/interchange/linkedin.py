"""LinkedIn's ``Connections.csv`` (Settings → Data privacy → Get a copy of your data).

The real file is not a plain CSV: it may start with a byte-order mark, a ``Notes:`` line, a
quoted paragraph about missing e-mail addresses and a blank line before the header; lines
end in CRLF; older exports have no URL column; company and position are quoted when they
hold commas, quotes or line breaks. So the header is found by what it says, never by its
line number, and every row keeps the line it started on for messages.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from informa.domain.errors import ValidationError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped
from informa.domain.model import ContactDraft, Source
from informa.domain.validate import check_email, check_url, clean_line
from informa.interchange.csvrows import read_people
from informa.interchange.files import read_text

EXPECTED = "LinkedIn's Connections.csv"

# Column ids by the header texts LinkedIn has used (compared trimmed and case-folded).
_COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected",
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_connected_on(text: str) -> date | None:
    """``14 Feb 2023``, ``3 Feb 2021``, ``03-Feb-21`` or ``2023-02-14``; ``None`` if not a date.

    Month names are read in English whatever the machine's locale (LinkedIn writes them so).
    """
    text = text.strip()
    try:
        if found := _DAY_MONTH_YEAR.match(text):
            day, month_name, year = found.groups()
            month = _MONTHS.get(month_name.lower())
            if month is None:
                return None
            full_year = int(year) + (2000 if len(year) == 2 else 0)
            return date(full_year, month, int(day))
        if found := _ISO.match(text):
            return date(*(int(part) for part in found.groups()))
    except ValueError:  # 31 Feb
        return None
    return None


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions if ``cells`` is LinkedIn's header row."""
    found: dict[str, int] = {}
    for position, cell in enumerate(cells):
        column = _COLUMNS.get(clean_line(cell).casefold())
        if column is not None:
            found.setdefault(column, position)
    has_name = "first" in found and "last" in found
    return found if has_name and len(found) >= 3 else None


def read_connections(path: Path) -> ReadResult:
    """The people in a LinkedIn export, ready for ``store.imports.merge``.

    Raises ``BadFileError`` (one line naming the file) for anything that is not such a file.
    """
    text = read_text(path, expected=EXPECTED)
    reader = _Reader()
    return read_people(
        text,
        path,
        header=_header,
        person=reader.person,
        no_header=(
            f"no header row with First Name, Last Name and Company found; is this {EXPECTED}?"
        ),
        no_rows="the header is there but no connections follow",
        warnings=reader.warnings,
    )


_FIELDS = ("first", "last", "url", "email", "company", "position", "connected")


class _Reader:
    """Turns rows into people, collecting warnings. A file of 10,000 connections holds a
    few thousand dates, and most rows are plain: each date is read once."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._dates: dict[str, date | None] = {}
        self._columns: dict[str, int] | None = None
        self._positions: tuple[int | None, ...] = ()

    def person(
        self, line: int, cells: list[str], columns: dict[str, int]
    ) -> IncomingContact | Skipped:
        if columns is not self._columns:
            self._columns = columns
            self._positions = tuple(columns.get(column) for column in _FIELDS)
        count = len(cells)
        first, last, url, email, company, position, connected_text = [
            clean_line(cells[at]) if at is not None and at < count else "" for at in self._positions
        ]
        name = clean_line(f"{first} {last}")
        if not name:
            return Skipped(line, "", "no name")
        if url:
            try:
                url = check_url(url, "linkedin_url")
            except ValidationError:
                self._warn(line, name, f"'{url}' is not a web address (http or https); left out")
                url = ""
        if email:
            try:
                email = check_email(email)
            except ValidationError:
                self._warn(line, name, f"'{email}' is not an email address; left out")
                email = ""
        connected_on = None
        if connected_text:
            if connected_text not in self._dates:
                self._dates[connected_text] = parse_connected_on(connected_text)
            connected_on = self._dates[connected_text]
            if connected_on is None:
                self._warn(
                    line, name, f"'{connected_text}' is not a date; connection date left out"
                )
        draft = ContactDraft(
            name=name,
            role=position,
            company=company,
            email=email,
            linkedin_url=url,
            source=Source.LINKEDIN,
        )
        return IncomingContact(draft=draft, line=line, connected_on=connected_on)

    def _warn(self, line: int, name: str, problem: str) -> None:
        self.warnings.append(f"line {line} ({name}): {problem}")
