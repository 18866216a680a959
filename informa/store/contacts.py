"""Contacts: the people in the pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import cast

from peewee import JOIN, ModelSelect, fn

from informa.domain import model as d
from informa.domain.errors import NotFoundError, ValidationError
from informa.domain.validate import check_contact, clean_line
from informa.store import convert, search
from informa.store import models as m
from informa.store.activities import add_row
from informa.store.base import Service, transaction
from informa.store.companies import get_or_create_row
from informa.store.rows import contact_row

Referrer = m.Contact.alias("referrer")


def _select() -> ModelSelect[m.Contact]:
    """Contacts with their company and referrer names, in one query."""
    return (
        m.Contact.select(
            m.Contact,
            fn.COALESCE(m.Company.name, "").alias("company_name"),
            fn.COALESCE(Referrer.name, "").alias("referred_by_name"),
        )
        .join(m.Company, JOIN.LEFT_OUTER, on=(m.Contact.company == m.Company.id))
        .switch(m.Contact)
        .join(Referrer, JOIN.LEFT_OUTER, on=(m.Contact.referred_by == Referrer.id))
    )


def _value(row: m.Contact) -> d.Contact:
    return convert.contact(
        row, getattr(row, "company_name", ""), getattr(row, "referred_by_name", "")
    )


class ContactService(Service):
    @transaction
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

    @transaction
    def update(self, contact_id: int, draft: d.ContactDraft) -> d.Contact:
        draft = check_contact(draft)
        row = contact_row(contact_id)
        if draft.referred_by_id == contact_id:
            raise ValidationError("a contact cannot refer themselves", field="referred_by_id")
        now = self.now()
        self._apply(row, draft, now)
        row.updated_at = now
        row.save()
        return self._reindex(row.id)

    def _apply(self, row: m.Contact, draft: d.ContactDraft, now: datetime) -> None:
        if draft.referred_by_id is not None and not m.Contact.get_or_none(
            m.Contact.id == draft.referred_by_id
        ):
            raise ValidationError("the referring contact does not exist", field="referred_by_id")
        row.name, row.role, row.email = draft.name, draft.role, draft.email
        row.linkedin_url, row.location = draft.linkedin_url, draft.location
        row.source, row.tags, row.notes = draft.source.value, draft.tags, draft.notes
        row.referred_by = draft.referred_by_id
        row.company = get_or_create_row(draft.company, now)

    def _reindex(self, contact_id: int) -> d.Contact:
        value = _value(_select().where(m.Contact.id == contact_id).get())
        search.index_contact(contact_row(contact_id), value.company_name)
        return value

    @transaction
    def get(self, contact_id: int) -> d.Contact:
        row = _select().where(m.Contact.id == contact_id).first()
        if row is None:
            raise NotFoundError(f"contact {contact_id} does not exist")
        return _value(row)

    @transaction
    def find(self, name: str) -> list[d.Contact]:
        """Contacts with exactly this name (case-insensitive)."""
        wanted = clean_line(name).lower()
        return [_value(row) for row in _select().where(fn.lower(m.Contact.name) == wanted)]

    @transaction
    def browse(
        self,
        stage: d.Stage | None = None,
        *,
        include_archived: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[d.Contact]:
        query = _select()
        if not include_archived:
            query = query.where(m.Contact.archived == False)  # noqa: E712 - SQL, not Python
        if stage is not None:
            query = query.where(m.Contact.stage == stage.value)
        query = query.order_by(fn.lower(m.Contact.name), m.Contact.id)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        return [_value(row) for row in query]

    @transaction
    def due(self, today: date) -> list[d.Contact]:
        """Contacts whose next action is due today or overdue, most overdue first."""
        query = (
            _select()
            .where(
                (m.Contact.archived == False)  # noqa: E712
                & m.Contact.next_action_due.is_null(False)
                & (m.Contact.next_action_due <= today)
            )
            .order_by(m.Contact.next_action_due, fn.lower(m.Contact.name))
        )
        return [_value(row) for row in query]

    @transaction
    def stage_counts(self) -> list[d.StageCount]:
        query = (
            m.Contact.select(m.Contact.stage, fn.COUNT(m.Contact.id))
            .where(m.Contact.archived == False)  # noqa: E712
            .group_by(m.Contact.stage)
            .tuples()
        )
        counts = {str(stage): int(count) for stage, count in cast(Iterable[tuple[str, int]], query)}
        return [d.StageCount(stage, int(counts.get(stage.value, 0))) for stage in d.Stage]

    @transaction
    def referrals(self, contact_id: int) -> list[d.Contact]:
        query = _select().where(m.Contact.referred_by == contact_id).order_by(m.Contact.name)
        return [_value(row) for row in query]

    @transaction
    def move(self, contact_id: int, stage: d.Stage, *, at: datetime | None = None) -> d.Contact:
        """Move to ``stage`` and record the move in the timeline."""
        row = contact_row(contact_id)
        old = d.Stage(row.stage)
        if old is not stage:
            now = self.now(at)
            row.stage, row.updated_at = stage.value, now
            row.save(only=[m.Contact.stage, m.Contact.updated_at])
            add_row(row, d.ActivityKind.STAGE_CHANGE, now, f"{old.label} → {stage.label}")
        return self.get(contact_id)

    @transaction
    def set_next_action(self, contact_id: int, text: str, due: date | None) -> d.Contact:
        row = contact_row(contact_id)
        row.next_action = clean_line(text)
        row.next_action_due = due if row.next_action or due else None
        row.updated_at = self.now()
        row.save(only=[m.Contact.next_action, m.Contact.next_action_due, m.Contact.updated_at])
        return self.get(contact_id)

    @transaction
    def archive(self, contact_id: int, archived: bool = True) -> d.Contact:
        row = contact_row(contact_id)
        row.archived, row.updated_at = archived, self.now()
        row.save(only=[m.Contact.archived, m.Contact.updated_at])
        return self.get(contact_id)

    @transaction
    def count(self) -> int:
        return int(m.Contact.select().count())
