"""People coming in from outside files (LinkedIn, CSV, vCard) and what importing them did.

The readers in ``informa.interchange`` turn a file into ``IncomingContact`` values; the store
merges them into the database in one transaction and answers with an ``ImportReport``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from informa.domain.model import ContactDraft, Stage


@dataclass(frozen=True, slots=True)
class IncomingContact:
    """One person read from a file, not yet matched against the database."""

    draft: ContactDraft
    line: int
    """Where the person starts in the file (1-based), for messages."""
    connected_on: date | None = None
    """When the user connected with them (LinkedIn): logged as a *connected* activity."""
    stage: Stage | None = None
    """The stage to give a new contact (our own CSV); ``None``: Prospect."""
    next_action: str = ""
    next_action_due: date | None = None
    referred_by: str = ""
    """The referrer's name (our own CSV): linked if they are a contact after the import."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A row that was not imported, and why (shown to the user)."""

    line: int
    name: str
    reason: str

    def __str__(self) -> str:
        who = f" ({self.name})" if self.name else ""
        return f"line {self.line}{who}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader found in a file: the people, rows it could not use, and warnings."""

    contacts: tuple[IncomingContact, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    created: list[str] = field(default_factory=list)
    """Names of the contacts created."""
    updated: list[str] = field(default_factory=list)
    """Names of existing contacts that gained information."""
    unchanged: int = 0
    """Rows that matched a contact and added nothing new (re-importing the same file)."""
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    companies_created: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        """One line, e.g. ``12 created, 3 updated, 40 already there, 2 skipped``."""
        verb = "would be " if self.dry_run else ""
        parts = [
            f"{len(self.created)} {verb}created",
            f"{len(self.updated)} {verb}updated",
            f"{self.unchanged} already there",
            f"{len(self.skipped)} skipped",
        ]
        if self.companies_created:
            plural = "company" if self.companies_created == 1 else "companies"
            parts.append(f"{self.companies_created} new {plural}")
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """The summary, then each skipped row and warning on a line of its own."""
        out = [self.summary()]
        out.extend(f"skipped {item}" for item in self.skipped)
        out.extend(f"warning: {text}" for text in self.warnings)
        if self.dry_run:
            out.append("Dry run: nothing was written.")
        return out
