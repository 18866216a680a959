"""The thank-you after a call: what to draft it from, and recording that it was sent.

:func:`draft_thank_you` reads the call, its contact and the people saved as referred by them
during this call (from its start to the contact's next call) into a :class:`ThankYouDraft`:
what the thank-you dialog fills its templates with.
:func:`mark_thank_you_sent` records it (the interview's date and an activity).

Each function blocks on the database: call it from a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from informa.domain.notes import TaggedLine
from informa.domain.thanks import default_picks, introductions, learned_items, referred_in_call

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.model import Interview


@dataclass(frozen=True, slots=True)
class ThankYouDraft:
    """What a call's thank-you is drafted from."""

    interview_id: int
    contact_id: int
    contact_name: str
    company: str
    call_end: datetime | None
    """When the call ended (``None``: it has not)."""
    items: tuple[TaggedLine, ...]
    """The call's Advice (``A:``) and Info (``I:``) lines, in note order."""
    introductions: tuple[str, ...]
    """The people the contact suggested in this call: the notes' ``R:`` lines, then the
    contacts saved as referred by them since the call started (until their next call),
    each once."""

    @property
    def picks(self) -> list[TaggedLine]:
        """The lines to tick first (up to three, Advice first)."""
        return default_picks(self.items)


def draft_thank_you(store: Store, interview_id: int) -> ThankYouDraft:
    """What the thank-you for call ``interview_id`` is drafted from."""
    interview = store.interviews.get(interview_id)
    contact = store.contacts.get(interview.contact_id)
    starts = [call.started_at for call in store.interviews.for_contact(contact.id)]
    referred = referred_in_call(
        ((c.name, c.created_at) for c in store.contacts.referrals(contact.id)),
        interview.started_at,
        [at for at in starts if at is not None],
    )
    return ThankYouDraft(
        interview_id=interview.id,
        contact_id=contact.id,
        contact_name=contact.name,
        company=contact.company_name,
        call_end=interview.ended_at,
        items=tuple(learned_items(interview.notes)),
        introductions=tuple(introductions(interview.notes, referred)),
    )


def mark_thank_you_sent(
    store: Store, interview_id: int, *, detail: str = "", at: datetime | None = None
) -> Interview:
    """Record the thank-you for call ``interview_id`` as sent (``at``: now), ``detail``
    saying how it went out (the activity logged with it)."""
    return store.interviews.mark_thank_you_sent(interview_id, at=at, detail=detail)
