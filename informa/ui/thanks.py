"""Drafting a call's thank-you, from wherever the user asks for it (the debrief, the agenda,
the pipeline): read the call, open the dialog, record what was sent."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from informa.domain.errors import InformaError
from informa.domain.model import Contact, Interview
from informa.domain.thanks import introductions, learned_items

if TYPE_CHECKING:
    from textual.screen import Screen

    from informa.ui.app import InformaApp


async def draft_thank_you(screen: Screen[Any], interview_id: int) -> bool:
    """Open the thank-you dialog for ``interview_id`` over ``screen``; ``True`` once the
    user has marked it sent and that is saved. Call it from a worker."""
    from informa.ui.dialogs.thank_you import ThankYouDialog

    app: InformaApp = screen.app  # type: ignore[assignment]
    store = app.store

    def load() -> tuple[Interview, Contact, list[str]]:
        interview = store.interviews.get(interview_id)
        contact = store.contacts.get(interview.contact_id)
        referred = [c.name for c in store.contacts.referrals(contact.id)]
        return interview, contact, referred

    try:
        interview, contact, referred = await asyncio.to_thread(load)
    except InformaError as exc:
        screen.notify(str(exc), title="Thank-you", severity="error", markup=False)
        return False
    now = app.clock()
    result = await app.push_screen_wait(
        ThankYouDialog(
            contact_name=contact.name,
            company=contact.company_name,
            call_end=interview.ended_at or now,
            items=learned_items(interview.notes),
            introductions=introductions(interview.notes, referred),
            templates=app.thank_you_templates.templates,
            my_name=app.settings.your_name,
            now=now,
        )
    )
    if result is None or not result.sent:
        return False
    try:
        await asyncio.to_thread(
            store.interviews.mark_thank_you_sent, interview_id, detail=result.detail
        )
    except InformaError as exc:
        screen.notify(str(exc), title="Not marked sent", severity="error", markup=False)
        return False
    screen.notify(f"Thank-you to {contact.name} marked sent", markup=False)
    return True
