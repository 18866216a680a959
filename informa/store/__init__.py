"""The data store: peewee on SQLite. Services are the only way in; they return domain values.

Usage::

    store = Store.open(path, clock=system_clock)
    contact = store.contacts.create(ContactDraft(name="Ada"))
"""

from __future__ import annotations

from pathlib import Path

from informa.domain.clock import Clock, system_clock
from informa.store.activities import ActivityService
from informa.store.companies import CompanyService
from informa.store.contacts import ContactService
from informa.store.db import OpenReport, close_database, open_database
from informa.store.dump import DumpService
from informa.store.exports import ExportService, Snapshot
from informa.store.followups import FollowUpService, Records
from informa.store.imports import ImportService
from informa.store.interviews import InterviewService, NotesConflictError, PlanItem
from informa.store.profile import ProfileService
from informa.store.search import SearchService
from informa.store.views import ViewService

__all__ = ["NotesConflictError", "OpenReport", "PlanItem", "Records", "Snapshot", "Store"]


class Store:
    """One open database and the services over it, sharing one clock."""

    def __init__(self, report: OpenReport, clock: Clock) -> None:
        self.report = report
        self.clock = clock
        self.companies = CompanyService(clock)
        self.contacts = ContactService(clock)
        self.activities = ActivityService(clock)
        self.interviews = InterviewService(clock)
        self.search = SearchService(clock)
        self.profile = ProfileService(clock)
        self.followups = FollowUpService(clock)
        self.exports = ExportService(clock)
        self.dump = DumpService(clock)
        self.imports = ImportService(clock)
        self.views = ViewService(
            clock,
            contacts=self.contacts,
            companies=self.companies,
            interviews=self.interviews,
            activities=self.activities,
        )

    @property
    def path(self) -> Path:
        return self.report.path

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock, create_folder: bool = False) -> Store:
        return cls(open_database(path, create_folder=create_folder, clock=clock), clock)

    def close(self) -> None:
        close_database()
