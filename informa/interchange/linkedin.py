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
    warnings: list[str] = []
    return read_people(
        text,
        path,
        header=_header,
        person=lambda line, cells, columns: _person(line, cells, columns, warnings),
        no_header=(
            f"no header row with First Name, Last Name and Company found; is this {EXPECTED}?"
        ),
        no_rows="the header is there but no connections follow",
        warnings=warnings,
    )


def _person(
    line: int, cells: list[str], columns: dict[str, int], warnings: list[str]
) -> IncomingContact | Skipped:
    def cell(column: str) -> str:
        position = columns.get(column)
        if position is None or position >= len(cells):
            return ""
        return clean_line(cells[position])

    name = clean_line(f"{cell('first')} {cell('last')}")
    if not name:
        return Skipped(line, "", "no name")
    where = f"line {line} ({name})"
    url = cell("url")
    if url:
        try:
            url = check_url(url, "linkedin_url")
        except ValidationError:
            warnings.append(f"{where}: '{url}' is not a web address (http or https); left out")
            url = ""
    email = cell("email")
    if email:
        try:
            email = check_email(email)
        except ValidationError:
            warnings.append(f"{where}: '{email}' is not an email address; left out")
            email = ""
    connected_text = cell("connected")
    connected_on = parse_connected_on(connected_text) if connected_text else None
    if connected_text and connected_on is None:
        warnings.append(f"{where}: '{connected_text}' is not a date; connection date left out")
    draft = ContactDraft(
        name=name,
        role=cell("position"),
        company=cell("company"),
        email=email,
        linkedin_url=url,
        source=Source.LINKEDIN,
    )
    return IncomingContact(draft=draft, line=line, connected_on=connected_on)
