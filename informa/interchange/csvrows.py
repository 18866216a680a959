"""CSV rows with the line each starts on, for the CSV readers (LinkedIn, contacts).

Lenient about stray quotes inside a cell, as spreadsheets are, but not about a quote that is
never closed: Python's lenient reader would take the rest of the file into one cell, and
the people after it would be lost without a word.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from informa.domain.errors import BadFileError


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
