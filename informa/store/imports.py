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
10,000-row file takes well under a second: new companies and contacts get their ids up front
(the ones SQLite would give them) and are written together once every row is read, as are
the changes to people already there (which may point at a new company) and the timeline.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


# A URL whose key is plain to see (a LinkedIn profile as LinkedIn writes it): the host
# without www., the path without trailing slashes. Anything else goes through urlsplit.
_PLAIN_URL = re.compile(r"(?:https?://)?+(?:www\.)?+([a-z0-9.-]+(?:/[A-Za-z0-9._~%-]+)*)/*")


def profile_key(url: str) -> str:
    """How profile URLs are compared: ``https://www.linkedin.com/in/ada/`` is
    ``linkedin.com/in/ada``."""
    if not url:
        return ""
    if found := _PLAIN_URL.fullmatch(url):
        return found[1].lower()  # ASCII: lower() is casefold()
    return _profile_key(url)


def _profile_key(url: str) -> str:
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
    row: list[Any] | None = None
    """Its ``INSERT`` values while it waits to be written (a contact new in this import)."""


def _when(day: date) -> datetime:
    """A connection date as a moment: noon UTC, so it is the same day in most zones."""
    return datetime.combine(day, time(12), tzinfo=UTC)


_COMPANY_COLUMNS = ("id", "name", "name_key", "created_at", "updated_at")
_CONTACT_COLUMNS = (
    "id",
    "name",
    "name_key",
    "role",
    "company_id",
    "email",
    "linkedin_url",
    "location",
    "source",
    "stage",
    "archived",
    "tags",
    "notes",
    "next_action",
    "next_action_due",
    "check_in_weeks",
    "created_at",
    "updated_at",
    "last_interaction_at",
)
_LAST_INTERACTION = _CONTACT_COLUMNS.index("last_interaction_at")


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
        with _collector_paused():
            if not dry_run:  # the service's transaction: all of it or, on an error, none
                _Merge(self.now(), report, progress).run(result.contacts)
                return report
            try:
                with m.database.atomic():  # a savepoint, rolled back
                    _Merge(self.now(), report, progress).run(result.contacts)
                    raise _Rollback
            except _Rollback:
                pass
        return report


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector off while an import builds its ~150,000 objects (none in a
    cycle): its passes over them were a tenth of a 10,000-row import (benchmarks/). Switched
    back on only by whoever switched it off, so that two at once (or the app's start-up,
    see ``cli._open_app``) leave it as they found it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_AMBIGUOUS = object()


class _Merge:
    def __init__(self, now: datetime, report: ImportReport, progress: Progress | None) -> None:
        self.now = now
        self.report = report
        self.progress = progress
        self.stamp = _AT.db_value(now)
        cursor = raw_cursor()
        self.companies: dict[str, tuple[int, str]] = {
            key: (cid, name)
            for cid, key, name in cursor.execute("SELECT id, name_key, name FROM company")
        }
        self.known: dict[int, _Known] = {}
        self.by_url: dict[str, _Known] = {}
        self.by_name: dict[tuple[str, str], list[_Known]] = defaultdict(list)
        self.by_plain_name: dict[str, dict[int, _Known]] = defaultdict(dict)
        for known in _existing({cid: (key, name) for key, (cid, name) in self.companies.items()}):
            self._remember(known)
        # The ids SQLite would give new rows (max + 1, one after another): rows are written
        # in one go at the end, and may be pointed at before then.
        self.first_company_id = max((cid for cid, _ in self.companies.values()), default=0) + 1
        self.first_contact_id = max(self.known, default=0) + 1
        self.new_companies: list[tuple[Any, ...]] = []
        self.new_contacts: list[list[Any]] = []
        self.changes: list[tuple[str, tuple[Any, ...]]] = []
        """``UPDATE`` statements for people already there, in order."""
        self.connected = {
            int(cid)
            for (cid,) in cursor.execute(
                "SELECT contact_id FROM activity WHERE kind = ?",
                (d.ActivityKind.CONNECTED.value,),
            )
        }
        self.referrals: list[tuple[_Known, str, int, bool]] = []
        self.updated: set[int] = set()
        self.index: dict[tuple[str, int], tuple[str, int, str, str]] = {}
        self.activities: list[tuple[int, str, str | None, str]] = []
        self.moments: dict[date, tuple[datetime, str | None]] = {}
        self.tags_json: dict[tuple[str, ...], str] = {}

    def _remember(self, known: _Known, key: tuple[str, str] | None = None) -> None:
        """File ``known`` under its URL and names (``key``: its name's and company's keys,
        if the caller has them)."""
        self.known[known.id] = known
        if known.url_key:
            self.by_url.setdefault(known.url_key, known)
        if key is None:
            key = (name_key(known.name), known.company_key)
        if key not in known.names:
            known.names.add(key)
            self.by_name[key].append(known)
        self.by_plain_name[key[0]].setdefault(known.id, known)

    # -- the rows -------------------------------------------------------------------------

    def run(self, incoming: tuple[IncomingContact, ...]) -> None:
        total = len(incoming)
        for done, item in enumerate(incoming, start=1):
            self._one(item)
            if self.progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                self.progress(done, total)
        self._write()
        self._link_referrers()
        raw_cursor().executemany(
            "INSERT INTO activity (contact_id, kind, at, detail) VALUES (?, ?, ?, ?)",
            self.activities,
        )
        fresh = {"company": self.first_company_id, "contact": self.first_contact_id}
        entries = self.index.values()
        search.put_many(entry for entry in entries if entry[1] < fresh[entry[0]])
        search.put_many((entry for entry in entries if entry[1] >= fresh[entry[0]]), fresh=True)

    def _write(self) -> None:
        """The new companies, then the new contacts (who may work at them), then the changes
        to people already there (who may have gained one of those companies)."""
        cursor = raw_cursor()
        cursor.executemany(_insert_sql("company", _COMPANY_COLUMNS), self.new_companies)
        cursor.executemany(_insert_sql("contact", _CONTACT_COLUMNS), self.new_contacts)
        start = 0
        while start < len(self.changes):  # runs of one statement: one executemany each
            sql = self.changes[start][0]
            end = start + 1
            while end < len(self.changes) and self.changes[end][0] == sql:
                end += 1
            cursor.executemany(sql, [params for _, params in self.changes[start:end]])
            start = end

    def _match(
        self, draft: d.ContactDraft, url_key: str, key: tuple[str, str]
    ) -> _Known | object | None:
        """Who ``draft`` is (``url_key``: its profile URL's key; ``key``: its name's and
        company's), ``None`` for nobody yet, ``_AMBIGUOUS`` for one of several namesakes."""
        if url_key and url_key in self.by_url:
            return self.by_url[url_key]
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
        url_key = profile_key(draft.linkedin_url)
        key = (name_key(draft.name), name_key(draft.company))
        found = self._match(draft, url_key, key)
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
            known = self._create(draft, item, url_key, key)
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
        if day not in self.moments:
            moment = _when(day)
            self.moments[day] = (moment, _AT.db_value(moment))
        at, stored = self.moments[day]
        detail = "Connected on LinkedIn" if source is d.Source.LINKEDIN else "Connected"
        self.activities.append((known.id, d.ActivityKind.CONNECTED.value, stored, detail))
        last = known.values.get("last_interaction_at")
        if last is None or last < at:
            if known.row is not None:  # not written yet
                known.row[_LAST_INTERACTION] = stored
            else:
                self.changes.append(
                    ("UPDATE contact SET last_interaction_at = ? WHERE id = ?", (stored, known.id))
                )
            known.values["last_interaction_at"] = at

    # -- writing --------------------------------------------------------------------------

    def _company(self, name: str) -> tuple[int, str] | None:
        cleaned = clean_line(name)
        if not cleaned:
            return None
        key = name_key(cleaned)
        if key not in self.companies:
            company_id = self.first_company_id + len(self.new_companies)
            self.new_companies.append((company_id, cleaned, key, self.stamp, self.stamp))
            self.index[("company", company_id)] = ("company", company_id, cleaned, "")
            self.companies[key] = (company_id, cleaned)
            self.report.companies_created += 1
        return self.companies[key]

    def _create(
        self, draft: d.ContactDraft, item: IncomingContact, url_key: str, key: tuple[str, str]
    ) -> _Known:
        stage = item.stage or d.Stage.PROSPECT
        company = self._company(draft.company)
        contact_id = self.first_contact_id + len(self.new_contacts)
        if draft.tags not in self.tags_json:
            self.tags_json[draft.tags] = _TAGS.db_value(draft.tags)
        row = [
            contact_id,
            draft.name,
            key[0],
            draft.role,
            company[0] if company else None,
            draft.email,
            draft.linkedin_url,
            draft.location,
            draft.source.value,
            stage.value,
            0,
            self.tags_json[draft.tags],
            draft.notes,
            clean_line(item.next_action),
            item.next_action_due.isoformat() if item.next_action_due else None,
            draft.check_in_weeks,
            self.stamp,
            self.stamp,
            None,  # last_interaction_at: set by _connect
        ]
        self.new_contacts.append(row)
        known = _Known(
            id=contact_id,
            name=draft.name,
            company_key=key[1],
            company_name=company[1] if company else "",
            url_key=url_key,
            values={
                "role": draft.role,
                "email": draft.email,
                "linkedin_url": draft.linkedin_url,
                "location": draft.location,
                "notes": draft.notes,
                "tags": draft.tags,
                "last_interaction_at": None,
            },
            line=item.line,
            row=row,
        )
        self._reindex(known)
        self._remember(known, key)
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
        self.changes.append(
            (f"UPDATE contact SET {assignments} WHERE id = ?", (*columns.values(), known.id))
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
            found = list(self.by_plain_name.get(name_key(who), {}).values())
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


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


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
    rows = cast(
        Iterable[tuple[Any, ...]],
        raw_cursor().execute(
            "SELECT id, name, company_id, referred_by_id, role, email, linkedin_url, location,"
            " notes, tags, last_interaction_at FROM contact ORDER BY id"
        ),
    )
    tags: dict[str, tuple[str, ...]] = {}  # most people have no tags, or the same few
    known: list[_Known] = []
    for row in rows:
        cid, name, company_id, referred_by, role, email, url, location, notes, tag_text, last = row
        if tag_text not in tags:
            tags[tag_text] = _TAGS.python_value(tag_text)
        company_key, company_name = companies.get(company_id, ("", ""))
        known.append(
            _Known(
                id=cid,
                name=name,
                company_key=company_key,
                company_name=company_name,
                url_key=profile_key(url),
                values={
                    "role": role,
                    "email": email,
                    "linkedin_url": url,
                    "location": location,
                    "notes": notes,
                    "tags": tags[tag_text],
                    "last_interaction_at": _AT.python_value(last),
                },
                referred_by=referred_by,
            )
        )
    return known
