"""Merging people read from outside files (LinkedIn, CSV, vCard) into the database.

One import is one transaction: a file that fails half-way changes nothing, and a dry run
does all the work and rolls it back, so its report is exactly what the import would do.

Matching: by LinkedIn profile URL (scheme, ``www.``, query and trailing ``/`` ignored), else
by name and company (case-insensitive). A match gains what it was missing (role, email,
URL, location, company, notes, tags); nothing the user typed is overwritten. Importing the
same file twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, cast
from urllib.parse import urlsplit

from informa.domain import model as d
from informa.domain.errors import ValidationError
from informa.domain.incoming import ImportReport, IncomingContact, ReadResult, Skipped
from informa.domain.validate import check_contact, clean_line, name_key
from informa.store import models as m
from informa.store import search
from informa.store.base import Service, raw_cursor, writes
from informa.store.contacts import _one

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while an import runs (from the importing thread)."""

PROGRESS_EVERY = 250
_FILLABLE = ("role", "email", "linkedin_url", "location", "notes")


def profile_key(url: str) -> str:
    """How profile URLs are compared: ``https://www.linkedin.com/in/ada/`` is
    ``linkedin.com/in/ada``."""
    if not url:
        return ""
    parts = urlsplit(url.strip() if "://" in url else f"https://{url.strip()}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


@dataclass(slots=True)
class _Known:
    """An existing (or just created) contact, as far as matching and filling need it."""

    id: int
    name: str
    company_key: str
    url_key: str
    values: dict[str, Any]
    line: int | None = None
    """The file line that created it in this import (for duplicates within the file)."""


def _when(day: date) -> datetime:
    """A connection date as a moment: noon UTC, so it is the same day in most zones."""
    return datetime.combine(day, time(12), tzinfo=UTC)


class _Rollback(Exception):
    """Raised inside a dry run's savepoint to undo everything it did."""


class ImportService(Service):
    @writes
    def merge(
        self, result: ReadResult, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        """Merge ``result`` into the database (see the module doc) and say what happened."""
        report = ImportReport(
            skipped=list(result.skipped), warnings=list(result.warnings), dry_run=dry_run
        )
        try:
            with m.database.atomic():  # a savepoint: rolled back for a dry run
                _Merge(self.now(), report, progress).run(result.contacts)
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        return report


class _Merge:
    def __init__(self, now: datetime, report: ImportReport, progress: Progress | None) -> None:
        self.now = now
        self.report = report
        self.progress = progress
        self.companies: dict[str, int] = {
            key: cid for cid, key in cast(Iterable[tuple[int, str]], _company_keys())
        }
        self.by_url: dict[str, _Known] = {}
        self.by_name: dict[tuple[str, str], _Known] = {}
        self.by_plain_name: dict[str, _Known] = {}
        for known in _existing(self.companies):
            self._remember(known)
        self.connected = {
            int(cid)
            for (cid,) in cast(
                Iterable[tuple[int]],
                m.Activity.select(m.Activity.contact)
                .where(m.Activity.kind == d.ActivityKind.CONNECTED.value)
                .tuples(),
            )
        }
        self.referrals: list[tuple[int, str, int]] = []
        self.stamp = _AT.db_value(now)
        self.index: list[tuple[str, int, str, str]] = []
        self.activities: list[tuple[int, str, str | None, str]] = []

    def _remember(self, known: _Known) -> None:
        if known.url_key:
            self.by_url.setdefault(known.url_key, known)
        self.by_name.setdefault((name_key(known.name), known.company_key), known)
        self.by_plain_name.setdefault(name_key(known.name), known)

    def run(self, incoming: tuple[IncomingContact, ...]) -> None:
        total = len(incoming)
        for done, item in enumerate(incoming, start=1):
            self._one(item)
            if self.progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                self.progress(done, total)
        raw_cursor().executemany(
            "INSERT INTO activity (contact_id, kind, at, detail) VALUES (?, ?, ?, ?)",
            self.activities,
        )
        search.put_many(self.index)
        self._link_referrers()

    def _one(self, item: IncomingContact) -> None:
        try:
            draft = check_contact(item.draft)
        except ValidationError as exc:
            self.report.skipped.append(Skipped(item.line, clean_line(item.draft.name), str(exc)))
            return
        company_key = name_key(draft.company)
        url_key = profile_key(draft.linkedin_url)
        known = (self.by_url.get(url_key) if url_key else None) or self.by_name.get(
            (name_key(draft.name), company_key)
        )
        if known is not None and known.line is not None:
            self.report.skipped.append(
                Skipped(item.line, draft.name, f"the same person as line {known.line}")
            )
            return
        created = known is None
        if known is None:
            known = self._create(draft, item)
        changed = not created and self._fill(known, draft)
        if item.connected_on is not None and known.id not in self.connected:
            self.connected.add(known.id)
            detail = "Connected on LinkedIn" if draft.source is d.Source.LINKEDIN else "Connected"
            self.activities.append(
                (
                    known.id,
                    d.ActivityKind.CONNECTED.value,
                    _AT.db_value(_when(item.connected_on)),
                    detail,
                )
            )
            self._touch(known, _when(item.connected_on))
            changed = True
        if created:
            self.report.created.append(draft.name)
        elif changed:
            self.report.updated.append(known.name)
        else:
            self.report.unchanged += 1
        if item.referred_by:
            self.referrals.append((known.id, item.referred_by, item.line))

    @staticmethod
    def _touch(known: _Known, at: datetime) -> None:
        """Move the contact's last interaction on to ``at`` (never back)."""
        last = known.values.get("last_interaction_at")
        if last is None or last < at:
            m.Contact.update(last_interaction_at=at).where(m.Contact.id == known.id).execute()
            known.values["last_interaction_at"] = at

    def _company(self, name: str) -> int | None:
        cleaned = clean_line(name)
        if not cleaned:
            return None
        key = name_key(cleaned)
        if key not in self.companies:
            values = {
                "name": cleaned,
                "name_key": key,
                "created_at": self.stamp,
                "updated_at": self.stamp,
            }
            cursor = raw_cursor()
            cursor.execute(_insert_sql("company", values), tuple(values.values()))
            company_id = int(cursor.lastrowid or 0)
            self.index.append(("company", company_id, cleaned, ""))
            self.companies[key] = company_id
            self.report.companies_created += 1
        return self.companies[key]

    def _create(self, draft: d.ContactDraft, item: IncomingContact) -> _Known:
        stage = item.stage or d.Stage.PROSPECT
        connected = _when(item.connected_on) if item.connected_on is not None else None
        values = {
            "name": draft.name,
            "name_key": name_key(draft.name),
            "role": draft.role,
            "company_id": self._company(draft.company),
            "email": draft.email,
            "linkedin_url": draft.linkedin_url,
            "location": draft.location,
            "source": draft.source.value,
            "stage": stage.value,
            "archived": 0,
            "tags": _TAGS.db_value(draft.tags),
            "notes": draft.notes,
            "next_action": clean_line(item.next_action),
            "next_action_due": item.next_action_due.isoformat() if item.next_action_due else None,
            "check_in_weeks": draft.check_in_weeks,
            "last_interaction_at": _AT.db_value(connected) if connected else None,
            "created_at": self.stamp,
            "updated_at": self.stamp,
        }
        cursor = raw_cursor()
        cursor.execute(_insert_sql("contact", values), tuple(values.values()))
        contact_id = int(cursor.lastrowid or 0)
        body = search._contact_body(
            draft.role, draft.company, draft.email, draft.location, draft.tags, draft.notes
        )
        self.index.append(("contact", contact_id, draft.name, body))
        known = _Known(
            id=contact_id,
            name=draft.name,
            company_key=name_key(draft.company),
            url_key=profile_key(draft.linkedin_url),
            values={**_draft_values(draft), "last_interaction_at": connected},
            line=item.line,
        )
        self._remember(known)
        return known

    def _fill(self, known: _Known, draft: d.ContactDraft) -> bool:
        """Give ``known`` what it lacks from ``draft``; True if anything changed."""
        changes: dict[str, Any] = {}
        incoming = _draft_values(draft)
        for field in _FILLABLE:
            if not known.values[field] and incoming[field]:
                changes[field] = incoming[field]
        if not known.company_key and draft.company:
            changes["company"] = self._company(draft.company)
            known.company_key = name_key(draft.company)
        new_tags = tuple(tag for tag in draft.tags if tag not in known.values["tags"])
        if new_tags:
            changes["tags"] = (*known.values["tags"], *new_tags)
        if not changes:
            return False
        m.Contact.update(**changes, updated_at=self.now).where(m.Contact.id == known.id).execute()
        known.values.update({k: v for k, v in changes.items() if k in known.values})
        if "linkedin_url" in changes:
            known.url_key = profile_key(changes["linkedin_url"])
            self.by_url.setdefault(known.url_key, known)
        search.index_contact(_one(known.id))
        return True

    def _link_referrers(self) -> None:
        for contact_id, referrer_name, line in self.referrals:
            referrer = self.by_plain_name.get(name_key(referrer_name))
            if referrer is None or referrer.id == contact_id:
                self.report.warnings.append(
                    f"line {line}: referred by '{clean_line(referrer_name)}', "
                    "who is not a contact; left out"
                )
                continue
            m.Contact.update(referred_by=referrer.id).where(
                (m.Contact.id == contact_id) & m.Contact.referred_by.is_null()
            ).execute()


_AT = m.Contact.created_at
_TAGS = m.Contact.tags


def _insert_sql(table: str, values: dict[str, Any]) -> str:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})"


def _draft_values(draft: d.ContactDraft) -> dict[str, Any]:
    values: dict[str, Any] = {field: getattr(draft, field) for field in _FILLABLE}
    values["tags"] = draft.tags
    return values


def _company_keys() -> Any:
    return m.Company.select(m.Company.id, m.Company.name_key).tuples()


def _existing(companies: dict[str, int]) -> list[_Known]:
    company_keys = {cid: key for key, cid in companies.items()}
    rows = m.Contact.select(
        m.Contact.id,
        m.Contact.name,
        m.Contact.company,
        m.Contact.role,
        m.Contact.email,
        m.Contact.linkedin_url,
        m.Contact.location,
        m.Contact.notes,
        m.Contact.tags,
        m.Contact.last_interaction_at,
    ).namedtuples()
    known: list[_Known] = []
    for row in cast(Iterable[Any], rows):
        values = {field: getattr(row, field) for field in _FILLABLE}
        values["tags"] = tuple(row.tags)
        values["last_interaction_at"] = row.last_interaction_at
        known.append(
            _Known(
                id=row.id,
                name=row.name,
                company_key=company_keys.get(row.company, ""),
                url_key=profile_key(row.linkedin_url),
                values=values,
            )
        )
    return known
