"""The project's own error types: every message is meant to be shown to a user as is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class InformaError(Exception):
    """Base for every error informa reports to the user in one clear line."""


class ValidationError(InformaError):
    """Input that fails a rule; ``field`` names the form field it belongs to."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(InformaError):
    """A record that was asked for by id does not exist (any more)."""


class ConflictError(InformaError):
    """A change that clashes with what is stored (a duplicate, a changed record)."""


class DatabaseFileError(InformaError):
    """The database file cannot be used: missing folder, not SQLite, newer schema, locked."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a file the user wrote, located as ``FILE:LINE: message``."""

    path: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {self.message}"


class FileProblems(InformaError):
    """One or more located problems in a user file (a bank, the settings)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class BadFileError(InformaError):
    """A file given to import (or restore) is not what it claims to be; nothing was written.

    The message names the file and, where it can, the line: ``FILE:LINE: what is wrong``.
    """
