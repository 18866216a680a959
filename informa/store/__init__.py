"""The data store: peewee on SQLite. Services are the only way in; they return domain values.

Usage::

    store = Store.open(path, clock=system_clock)
    contact = store.contacts.create(ContactDraft(name="Ada"))
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from informa.domain.clock import Clock, system_clock
from informa.store.activities import ActivityService
from informa.store.companies import CompanyService
from informa.store.contacts import ContactService
from informa.store.db import OpenReport, close_database, open_database
from informa.store.interviews import InterviewService, NotesConflictError
from informa.store.views import ViewService

if TYPE_CHECKING:
    from informa.store.dump import DumpService
    from informa.store.exports import ExportService
    from informa.store.followups import FollowUpService
    from informa.store.imports import ImportService
    from informa.store.profile import ProfileService
    from informa.store.search import SearchService

__all__ = ["NotesConflictError", "OpenReport", "Store"]


class Store:
    """One open database and the services over it, sharing one clock.

    The services the first screen needs are built with the store; the others (search,
    import and export, the agenda…) on first use, so their modules stay off start-up."""

    def __init__(self, report: OpenReport, clock: Clock) -> None:
        self.report = report
        self.clock = clock
        self.companies = CompanyService(clock)
        self.contacts = ContactService(clock)
        self.activities = ActivityService(clock)
        self.interviews = InterviewService(clock)
        self.views = ViewService(
            clock,
            contacts=self.contacts,
            companies=self.companies,
            interviews=self.interviews,
            activities=self.activities,
        )

    @cached_property
    def search(self) -> SearchService:
        from informa.store.search import SearchService

        return SearchService(self.clock)

    @cached_property
    def profile(self) -> ProfileService:
        from informa.store.profile import ProfileService

        return ProfileService(self.clock)

    @cached_property
    def followups(self) -> FollowUpService:
        from informa.store.followups import FollowUpService

        return FollowUpService(self.clock)

    @cached_property
    def exports(self) -> ExportService:
        from informa.store.exports import ExportService

        return ExportService(self.clock)

    @cached_property
    def dump(self) -> DumpService:
        from informa.store.dump import DumpService

        return DumpService(self.clock)

    @cached_property
    def imports(self) -> ImportService:
        from informa.store.imports import ImportService

        return ImportService(self.clock)

    @property
    def path(self) -> Path:
        return self.report.path

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock, create_folder: bool = False) -> Store:
        return cls(open_database(path, create_folder=create_folder, clock=clock), clock)

    def close(self) -> None:
        close_database()
