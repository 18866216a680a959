"""CSV rows with the line each starts on, for the CSV readers (LinkedIn, contacts).

Lenient about stray quotes inside a cell, as spreadsheets are, but not about a quote that is
never closed: Python's lenient reader would take the rest of the file into one cell, and
the people after it would be lost without a word.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from informa.domain.errors import BadFileError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped


class _Lines:
    """The lines of a text, noting when the CSV reader asked for one past the last: it only
    does that inside a quoted cell."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.ran_out = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            return next(self._lines)
        except StopIteration:
            self.ran_out = True
            raise


def csv_rows(text: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    """Each row of ``text`` with its first line (rows may span lines inside quotes).

    Raises ``BadFileError`` for a row the CSV reader cannot read, or a quote left open.
    """
    lines = _Lines(text)
    reader = csv.reader(lines, strict=False)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BadFileError(f"{path}:{start}: not a readable CSV row ({exc})") from None
        if lines.ran_out:
            raise BadFileError(
                f"{path}:{start}: a quote opened in this row is never closed "
                "(the rest of the file would be one cell)"
            )
        yield start, row
        start = reader.line_num + 1


Columns = dict[str, int]
"""Column ids by position, from the header row."""


def read_people(
    text: str,
    path: Path,
    *,
    header: Callable[[list[str]], Columns | None],
    person: Callable[[int, list[str], Columns], IncomingContact | Skipped],
    no_header: str,
    no_rows: str,
    warnings: list[str],
) -> ReadResult:
    """The people in a CSV ``text``: rows before the first one ``header`` recognises are
    skipped (a preamble, a title); blank rows are ignored; each other row is read by
    ``person``. ``no_header`` and ``no_rows`` are the messages for a file without a header,
    or without a row under it; ``warnings`` collects what the callbacks noticed."""
    rows = csv_rows(text, path)
    columns = next((found for _line, cells in rows if (found := header(cells))), None)
    if columns is None:
        raise BadFileError(f"{path}: {no_header}")
    contacts: list[IncomingContact] = []
    skipped: list[Skipped] = []
    for line, cells in rows:
        if not "".join(cells).strip():
            continue  # blank lines between or after the rows (or cells of spaces only)
        read = person(line, cells, columns)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            contacts.append(read)
    if not contacts and not skipped:
        raise BadFileError(f"{path}: {no_rows}")
    return ReadResult(tuple(contacts), tuple(skipped), tuple(warnings))
