"""Merging people read from outside files (LinkedIn, CSV, vCard) into the database.

One import is one transaction: a file that fails half-way changes nothing, and a dry run
does all the work and rolls it back, so its report is exactly what the import would do.

Matching, in order:

1. the LinkedIn profile URL (scheme, ``www.``, query and trailing ``/`` ignored);
2. the name and company (case-insensitive; someone stored without a company matches a row
   without one) — but never someone whose stored profile URL is a different one;
3. if that still leaves two or more people (namesakes at one company), nobody is merged: the
   row is skipped with a warning, unless one of them already holds everything it says.

A match gains what it was missing (role, email, URL, location, company, notes, tags,
referrer, connection date); nothing the user typed is overwritten. Importing the same file
twice adds nothing the second time. Writes are plain SQL statements built once, so a
10,000-row file takes well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while an import runs (from the importing thread)."""

PROGRESS_EVERY = 250
_FILLABLE = ("role", "email", "linkedin_url", "location", "notes")
_AT = m.Contact.created_at
_TAGS = m.Contact.tags


def profile_key(url: str) -> str:
    """How profile URLs are compared: ``https://www.linkedin.com/in/ada/`` is
    ``linkedin.com/in/ada``."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip() if "://" in url else f"https://{url.strip()}")
    except ValueError:
        return url.strip().casefold()
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".casefold()


@dataclass(slots=True, eq=False)  # compared by identity
class _Known:
    """An existing (or just created) contact, as far as matching and filling need it."""

    id: int
    name: str
    company_key: str
    company_name: str
    url_key: str
    values: dict[str, Any]
    """The fillable fields, ``tags`` and ``last_interaction_at``."""
    referred_by: int | None = None
    line: int | None = None
    """The file line that created it in this import (for duplicates within the file)."""
    names: set[tuple[str, str]] = field(default_factory=set)
    """The (name, company) keys it is filed under."""


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


_AMBIGUOUS = object()


class _Merge:
    def __init__(self, now: datetime, report: ImportReport, progress: Progress | None) -> None:
        self.now = now
        self.report = report
        self.progress = progress
        self.stamp = _AT.db_value(now)
        self.companies: dict[str, tuple[int, str]] = {
            key: (cid, name)
            for cid, key, name in cast(
                Iterable[tuple[int, str, str]],
                m.Company.select(m.Company.id, m.Company.name_key, m.Company.name).tuples(),
            )
        }
        self.known: dict[int, _Known] = {}
        self.by_url: dict[str, _Known] = {}
        self.by_name: dict[tuple[str, str], list[_Known]] = defaultdict(list)
        self.by_plain_name: dict[str, list[_Known]] = defaultdict(list)
        for known in _existing({cid: (key, name) for key, (cid, name) in self.companies.items()}):
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
        self.referrals: list[tuple[_Known, str, int, bool]] = []
        self.updated: set[int] = set()
        self.index: dict[tuple[str, int], tuple[str, int, str, str]] = {}
        self.activities: list[tuple[int, str, str | None, str]] = []

    def _remember(self, known: _Known) -> None:
        self.known[known.id] = known
        if known.url_key:
            self.by_url.setdefault(known.url_key, known)
        key = (name_key(known.name), known.company_key)
        if key not in known.names:
            known.names.add(key)
            self.by_name[key].append(known)
        namesakes = self.by_plain_name[key[0]]
        if all(other is not known for other in namesakes):
            namesakes.append(known)

    # -- the rows -------------------------------------------------------------------------

    def run(self, incoming: tuple[IncomingContact, ...]) -> None:
        total = len(incoming)
        for done, item in enumerate(incoming, start=1):
            self._one(item)
            if self.progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                self.progress(done, total)
        self._link_referrers()
        raw_cursor().executemany(
            "INSERT INTO activity (contact_id, kind, at, detail) VALUES (?, ?, ?, ?)",
            self.activities,
        )
        search.put_many(self.index.values())

    def _match(self, draft: d.ContactDraft) -> _Known | object | None:
        url_key = profile_key(draft.linkedin_url)
        if url_key and url_key in self.by_url:
            return self.by_url[url_key]
        key = (name_key(draft.name), name_key(draft.company))
        candidates = self.by_name.get(key, [])
        if url_key:  # a different profile is a different person
            candidates = [known for known in candidates if not known.url_key]
        if len(candidates) > 1:
            # Namesakes: only a row that says exactly what one of them holds is theirs.
            return next((k for k in candidates if _agrees(k, draft)), _AMBIGUOUS)
        return candidates[0] if candidates else None

    def _one(self, item: IncomingContact) -> None:
        try:
            draft = check_contact(item.draft)
        except ValidationError as exc:
            self.report.skipped.append(Skipped(item.line, clean_line(item.draft.name), str(exc)))
            return
        found = self._match(draft)
        if found is _AMBIGUOUS:
            at = f" at {draft.company}" if draft.company else ""
            self.report.skipped.append(
                Skipped(
                    item.line,
                    draft.name,
                    f"more than one contact is called {draft.name}{at}; "
                    "not merged (a LinkedIn URL would tell them apart)",
                )
            )
            return
        known = found if isinstance(found, _Known) else None
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
            self._connect(known, item.connected_on, draft.source)
            changed = True
        if created:
            self.report.created.append(draft.name)
        elif changed:
            self._count_updated(known)
        else:
            self.report.unchanged += 1
        if item.referred_by:
            self.referrals.append((known, item.referred_by, item.line, not created and not changed))

    def _count_updated(self, known: _Known) -> None:
        if known.id not in self.updated:
            self.updated.add(known.id)
            self.report.updated.append(known.name)

    def _connect(self, known: _Known, day: date, source: d.Source) -> None:
        """The connection date in the timeline, and as the last interaction if later."""
        self.connected.add(known.id)
        at = _when(day)
        detail = "Connected on LinkedIn" if source is d.Source.LINKEDIN else "Connected"
        self.activities.append((known.id, d.ActivityKind.CONNECTED.value, _AT.db_value(at), detail))
        last = known.values.get("last_interaction_at")
        if last is None or last < at:
            raw_cursor().execute(
                "UPDATE contact SET last_interaction_at = ? WHERE id = ?",
                (_AT.db_value(at), known.id),
            )
            known.values["last_interaction_at"] = at

    # -- writing --------------------------------------------------------------------------

    def _company(self, name: str) -> tuple[int, str] | None:
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
            self.index[("company", company_id)] = ("company", company_id, cleaned, "")
            self.companies[key] = (company_id, cleaned)
            self.report.companies_created += 1
        return self.companies[key]

    def _create(self, draft: d.ContactDraft, item: IncomingContact) -> _Known:
        stage = item.stage or d.Stage.PROSPECT
        company = self._company(draft.company)
        values = {
            "name": draft.name,
            "name_key": name_key(draft.name),
            "role": draft.role,
            "company_id": company[0] if company else None,
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
            "created_at": self.stamp,
            "updated_at": self.stamp,
        }
        cursor = raw_cursor()
        cursor.execute(_insert_sql("contact", values), tuple(values.values()))
        known = _Known(
            id=int(cursor.lastrowid or 0),
            name=draft.name,
            company_key=name_key(draft.company),
            company_name=company[1] if company else "",
            url_key=profile_key(draft.linkedin_url),
            values={**_draft_values(draft), "last_interaction_at": None},
            line=item.line,
        )
        self._reindex(known)
        self._remember(known)
        return known

    def _changes(self, known: _Known, draft: d.ContactDraft) -> dict[str, Any]:
        """What ``draft`` would add to ``known``: only fields it lacks."""
        changes: dict[str, Any] = {}
        incoming = _draft_values(draft)
        for name in _FILLABLE:
            if not known.values[name] and incoming[name]:
                changes[name] = incoming[name]
        if not known.company_key and draft.company:
            changes["company"] = draft.company
        new_tags = tuple(tag for tag in draft.tags if tag not in known.values["tags"])
        if new_tags:
            changes["tags"] = (*known.values["tags"], *new_tags)
        return changes

    def _fill(self, known: _Known, draft: d.ContactDraft) -> bool:
        """Give ``known`` what it lacks from ``draft``; True if anything changed."""
        changes = self._changes(known, draft)
        if not changes:
            return False
        columns: dict[str, Any] = {}
        if "company" in changes:
            company = self._company(changes.pop("company"))
            if company is not None:
                columns["company_id"] = company[0]
                known.company_key, known.company_name = name_key(company[1]), company[1]
        known.values.update(changes)
        columns.update(changes)
        if "tags" in columns:
            columns["tags"] = _TAGS.db_value(columns["tags"])
        columns["updated_at"] = self.stamp
        assignments = ", ".join(f"{column} = ?" for column in columns)
        raw_cursor().execute(
            f"UPDATE contact SET {assignments} WHERE id = ?", (*columns.values(), known.id)
        )
        if "linkedin_url" in changes:
            known.url_key = profile_key(changes["linkedin_url"])
        self._remember(known)  # under its URL and its new company too
        self._reindex(known)
        return True

    def _reindex(self, known: _Known) -> None:
        values = known.values
        body = search._contact_body(
            values["role"],
            known.company_name,
            values["email"],
            values["location"],
            values["tags"],
            values["notes"],
        )
        self.index[("contact", known.id)] = ("contact", known.id, known.name, body)

    # -- referrers ------------------------------------------------------------------------

    def _link_referrers(self) -> None:
        """Link each "referred by" name to the one contact of that name, if that makes no
        loop; someone already referred keeps their referrer."""
        for known, referrer_name, line, counted_unchanged in self.referrals:
            who = clean_line(referrer_name)
            found = self.by_plain_name.get(name_key(who), [])
            problem = None
            if not found:
                problem = f"referred by '{who}', who is not a contact; left out"
            elif len(found) > 1:
                problem = f"referred by '{who}': more than one contact has that name; left out"
            elif found[0].id == known.id:
                problem = "referred by themselves; left out"
            elif self._loops(known.id, found[0].id):
                problem = f"referred by '{who}', who was referred through them; left out"
            if problem is not None:
                self.report.warnings.append(f"line {line} ({known.name}): {problem}")
                continue
            if known.referred_by is not None:
                continue
            known.referred_by = found[0].id
            raw_cursor().execute(
                "UPDATE contact SET referred_by_id = ? WHERE id = ?", (found[0].id, known.id)
            )
            if counted_unchanged:
                self.report.unchanged -= 1
                self._count_updated(known)

    def _loops(self, contact_id: int, referrer_id: int) -> bool:
        seen: set[int] = set()
        current: int | None = referrer_id
        while current is not None and current not in seen:
            if current == contact_id:
                return True
            seen.add(current)
            upstream = self.known.get(current)
            current = upstream.referred_by if upstream is not None else None
        return False


def _insert_sql(table: str, values: dict[str, Any]) -> str:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})"


def _agrees(known: _Known, draft: d.ContactDraft) -> bool:
    """Everything ``draft`` says is what ``known`` holds already."""
    incoming = _draft_values(draft)
    return (
        all(not incoming[name] or incoming[name] == known.values[name] for name in _FILLABLE)
        and set(draft.tags) <= set(known.values["tags"])
        and name_key(draft.company) == known.company_key
    )


def _draft_values(draft: d.ContactDraft) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(draft, name) for name in _FILLABLE}
    values["tags"] = draft.tags
    return values


def _existing(companies: dict[int, tuple[str, str]]) -> list[_Known]:
    rows = m.Contact.select(
        m.Contact.id,
        m.Contact.name,
        m.Contact.company,
        m.Contact.referred_by,
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
        values = {name: getattr(row, name) for name in _FILLABLE}
        values["tags"] = tuple(row.tags)
        values["last_interaction_at"] = row.last_interaction_at
        company_key, company_name = companies.get(row.company, ("", ""))
        known.append(
            _Known(
                id=row.id,
                name=row.name,
                company_key=company_key,
                company_name=company_name,
                url_key=profile_key(row.linkedin_url),
                values=values,
                referred_by=row.referred_by,
            )
        )
    return known
