"""Row lookups shared by services (inside their transactions)."""

from __future__ import annotations

from informa.domain.errors import NotFoundError
from informa.store import models as m


def contact_row(contact_id: int) -> m.Contact:
    row = m.Contact.get_or_none(m.Contact.id == contact_id)
    if row is None:
        raise NotFoundError(f"contact {contact_id} does not exist")
    return row


def interview_row(interview_id: int) -> m.Interview:
    row = m.Interview.get_or_none(m.Interview.id == interview_id)
    if row is None:
        raise NotFoundError(f"interview {interview_id} does not exist")
    return row
