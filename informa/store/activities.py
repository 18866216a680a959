"""The timeline: everything that happened with a contact, newest first."""

from __future__ import annotations

from datetime import datetime

from informa.domain import model as d
from informa.domain.validate import MAX_TEXT
from informa.store import convert
from informa.store import models as m
from informa.store.base import Service, reads, writes
from informa.store.rows import contact_row


def add_row(contact: m.Contact, kind: d.ActivityKind, at: datetime, detail: str = "") -> m.Activity:
    """Record an activity inside the caller's transaction, moving 'last interaction' on."""
    row = m.Activity.create(contact=contact, kind=kind.value, at=at, detail=detail[:MAX_TEXT])
    if kind.is_interaction and (
        contact.last_interaction_at is None or at > contact.last_interaction_at
    ):
        contact.last_interaction_at = at
        contact.save(only=[m.Contact.last_interaction_at])
    return row


def advance_row(contact: m.Contact, stage: d.Stage, at: datetime) -> None:
    """Move a contact forward to ``stage`` (never backwards), recording the move."""
    current = d.Stage(contact.stage)
    if current.position < stage.position:
        contact.stage, contact.updated_at, contact.archived = stage.value, at, False
        contact.save(only=[m.Contact.stage, m.Contact.updated_at, m.Contact.archived])
        add_row(contact, d.ActivityKind.STAGE_CHANGE, at, f"{current.label} → {stage.label}")


class ActivityService(Service):
    @writes
    def log(
        self,
        contact_id: int,
        kind: d.ActivityKind,
        *,
        at: datetime | None = None,
        detail: str = "",
    ) -> d.Activity:
        """Record what happened; a first outreach also moves a prospect to Reached out."""
        contact = contact_row(contact_id)
        when = self.now(at)
        row = add_row(contact, kind, when, detail)
        advance_row(contact, d.Stage(contact.stage).after(kind), when)
        return convert.activity(row)

    @reads
    def timeline(self, contact_id: int, limit: int | None = None) -> list[d.Activity]:
        query = (
            m.Activity.select()
            .where(m.Activity.contact == contact_id)
            .order_by(m.Activity.at.desc(), m.Activity.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        return [convert.activity(row) for row in query]
