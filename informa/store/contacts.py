"""Contacts: the people in the pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, cast

from peewee import JOIN, ModelSelect, fn

from informa.domain import model as d
from informa.domain.errors import NotFoundError, ValidationError
from informa.domain.validate import check_contact, clean_line, name_key
from informa.store import convert, search
from informa.store import models as m
from informa.store.activities import add_row
from informa.store.base import Service, raw_cursor, reads, writes
from informa.store.companies import get_or_create_row
from informa.store.rows import contact_row

Referrer = m.Contact.alias("referrer")


def _select() -> ModelSelect[m.Contact]:
    """Contacts with their company and referrer names, in one query."""
    return (
        m.Contact.select(
            *convert.CONTACT_COLUMNS,
            fn.COALESCE(m.Company.name, "").alias("company_name"),
            fn.COALESCE(Referrer.name, "").alias("referred_by_name"),
        )
        .join(m.Company, JOIN.LEFT_OUTER, on=(m.Contact.company == m.Company.id))
        .switch(m.Contact)
        .join(Referrer, JOIN.LEFT_OUTER, on=(m.Contact.referred_by == Referrer.id))
    )


ARCHIVED_MARK = " (archived)"


def _due_on(today: date) -> Any:
    """Next actions due by ``today``; closed contacts have nothing due."""
    return (
        m.Contact.next_action_due.is_null(False)
        & (m.Contact.next_action_due <= today)
        & (m.Contact.stage != d.Stage.CLOSED.value)
    )


def _stage_from_label(label: str) -> d.Stage:
    return next((stage for stage in d.Stage if stage.label == label), d.Stage.PROSPECT)


def _check_referrer(contact_id: int | None, referrer_id: int | None) -> None:
    """The referrer must exist, and following referrals up must never come back round."""
    seen: set[int] = set()
    current = referrer_id
    while current is not None:
        if current == contact_id:
            raise ValidationError(
                "that would make a referral loop (they were referred through this contact)"
                if current != referrer_id
                else "a contact cannot refer themselves",
                field="referred_by_id",
            )
        if current in seen:
            break  # an old loop in the data: not this edit's doing
        seen.add(current)
        row = m.Contact.get_or_none(m.Contact.id == current)
        if row is None:
            raise ValidationError("the referring contact does not exist", field="referred_by_id")
        current = row.referred_by_id


def _values(query: ModelSelect[m.Contact]) -> list[d.Contact]:
    """Contacts from a ``_select()`` query, read as raw SQLite rows (``convert.contact``)."""
    sql, params = query.sql()
    return [convert.contact(row) for row in raw_cursor().execute(sql, params).fetchall()]


def _one(contact_id: int) -> d.Contact:
    found = _values(_select().where(m.Contact.id == contact_id))
    if not found:
        raise NotFoundError(f"contact {contact_id} does not exist")
    return found[0]


class ContactService(Service):
    @writes
    def create(
        self,
        draft: d.ContactDraft,
        *,
        stage: d.Stage = d.Stage.PROSPECT,
        at: datetime | None = None,
    ) -> d.Contact:
        draft = check_contact(draft)
        now = self.now(at)
        row = m.Contact(created_at=now, updated_at=now, stage=stage.value)
        self._apply(row, draft, now)
        row.save()
        return self._reindex(row.id)

    @writes
    def add_new(self, drafts: Sequence[d.ContactDraft]) -> list[d.Contact]:
        """Create each draft whose name is not a contact's yet (case-insensitive), all in one
        transaction: everything is added or nothing is. Returns those created."""
        added: list[d.Contact] = []
        for draft in drafts:
            key = name_key(draft.name)
            if m.Contact.select().where(m.Contact.name_key == key).exists():
                continue
            added.append(self.create(draft))
        return added

    @writes
    def update(self, contact_id: int, draft: d.ContactDraft) -> d.Contact:
        draft = check_contact(draft)
        row = contact_row(contact_id)
        now = self.now()
        self._apply(row, draft, now)
        row.updated_at = now
        row.save()
        return self._reindex(row.id)

    def _apply(self, row: m.Contact, draft: d.ContactDraft, now: datetime) -> None:
        _check_referrer(row.id, draft.referred_by_id)
        row.name, row.name_key = draft.name, name_key(draft.name)
        row.role, row.email = draft.role, draft.email
        row.linkedin_url, row.location = draft.linkedin_url, draft.location
        row.source, row.tags, row.notes = draft.source.value, draft.tags, draft.notes
        row.referred_by = draft.referred_by_id
        row.check_in_weeks = draft.check_in_weeks
        row.company = get_or_create_row(draft.company, now)

    def _reindex(self, contact_id: int) -> d.Contact:
        value = _one(contact_id)
        search.index_contact(value)
        return value

    @reads
    def get(self, contact_id: int) -> d.Contact:
        return _one(contact_id)

    @reads
    def find(self, name: str) -> list[d.Contact]:
        """Contacts with exactly this name (case-insensitive)."""
        wanted = name_key(name)
        return _values(_select().where(m.Contact.name_key == wanted))

    @reads
    def browse(
        self,
        stage: d.Stage | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[d.Contact]:
        query = _select()
        if stage is not None:
            query = query.where(m.Contact.stage == stage.value)
        query = query.order_by(m.Contact.name_key, m.Contact.id)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return _values(query)

    @reads
    def due(self, today: date, *, limit: int | None = None) -> list[d.Contact]:
        """Contacts whose next action is due today or overdue, most overdue first."""
        query = (
            _select().where(_due_on(today)).order_by(m.Contact.next_action_due, m.Contact.name_key)
        )
        if limit is not None:
            query = query.limit(limit)
        return _values(query)

    @reads
    def due_count(self, today: date) -> int:
        return int(m.Contact.select().where(_due_on(today)).count())

    @reads
    def stage_counts(self) -> list[d.StageCount]:
        query = (
            m.Contact.select(m.Contact.stage, fn.COUNT(m.Contact.id))
            .group_by(m.Contact.stage)
            .tuples()
        )
        counts = {str(stage): int(count) for stage, count in cast(Iterable[tuple[str, int]], query)}
        return [d.StageCount(stage, int(counts.get(stage.value, 0))) for stage in d.Stage]

    @reads
    def referrals(self, contact_id: int) -> list[d.Contact]:
        query = _select().where(m.Contact.referred_by == contact_id).order_by(m.Contact.name_key)
        return _values(query)

    @writes
    def move(self, contact_id: int, stage: d.Stage, *, at: datetime | None = None) -> d.Contact:
        """Move to ``stage`` and record the move in the timeline (a move ends an archive)."""
        row = contact_row(contact_id)
        old = d.Stage(row.stage)
        if old is not stage:
            now = self.now(at)
            row.stage, row.updated_at, row.archived = stage.value, now, False
            row.save(only=[m.Contact.stage, m.Contact.updated_at, m.Contact.archived])
            add_row(row, d.ActivityKind.STAGE_CHANGE, now, f"{old.label} → {stage.label}")
        return self.get(contact_id)

    @writes
    def set_next_action(self, contact_id: int, text: str, due: date | None) -> d.Contact:
        row = contact_row(contact_id)
        row.next_action = clean_line(text)
        row.next_action_due = due if row.next_action or due else None
        row.updated_at = self.now()
        row.save(only=[m.Contact.next_action, m.Contact.next_action_due, m.Contact.updated_at])
        return self.get(contact_id)

    @writes
    def archive(self, contact_id: int) -> d.Contact:
        """Close the contact, remembering the stage so that ``restore`` can bring them back."""
        row = contact_row(contact_id)
        if row.archived:
            return self.get(contact_id)
        now = self.now()
        old = d.Stage(row.stage)
        row.stage, row.archived, row.updated_at = d.Stage.CLOSED.value, True, now
        row.save(only=[m.Contact.stage, m.Contact.archived, m.Contact.updated_at])
        add_row(row, d.ActivityKind.STAGE_CHANGE, now, f"{old.label} → Closed{ARCHIVED_MARK}")
        return self.get(contact_id)

    @writes
    def restore(self, contact_id: int) -> d.Contact:
        """Undo ``archive``: back to the stage the contact had when archived."""
        row = contact_row(contact_id)
        if not row.archived:
            return self.get(contact_id)
        last = (
            m.Activity.select(m.Activity.detail)
            .where(
                (m.Activity.contact == contact_id)
                & (m.Activity.kind == d.ActivityKind.STAGE_CHANGE.value)
                & m.Activity.detail.endswith(ARCHIVED_MARK)
            )
            .order_by(m.Activity.at.desc(), m.Activity.id.desc())
            .first()
        )
        previous = _stage_from_label(last.detail.split(" → ")[0]) if last else d.Stage.PROSPECT
        now = self.now()
        row.stage, row.archived, row.updated_at = previous.value, False, now
        row.save(only=[m.Contact.stage, m.Contact.archived, m.Contact.updated_at])
        add_row(row, d.ActivityKind.STAGE_CHANGE, now, f"Closed → {previous.label} (restored)")
        return self.get(contact_id)

    @writes
    def delete(self, contact_id: int) -> None:
        """Delete a contact with their interviews and timeline. People they referred stay
        (their "referred by" is cleared)."""
        row = contact_row(contact_id)
        for interview in m.Interview.select(m.Interview.id).where(m.Interview.contact == row):
            search.drop("interview", interview.id)
        search.drop("contact", contact_id)
        row.delete_instance()

    @reads
    def lookup(self, text: str, limit: int = 20) -> list[d.Contact]:
        """Contacts whose name or company contains ``text`` (for jumping to someone)."""
        needle = name_key(text)  # instr, not LIKE: "_" and "%" are plain characters here
        query = (
            _select()
            .where(
                (fn.instr(m.Contact.name_key, needle) > 0)
                | (fn.instr(fn.COALESCE(m.Company.name_key, ""), needle) > 0)
            )
            .order_by(m.Contact.name_key)
            .limit(limit)
        )
        return _values(query)

    @reads
    def count(self) -> int:
        return int(m.Contact.select().count())
