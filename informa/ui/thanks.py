"""Drafting a call's thank-you, from wherever the user asks for it (the debrief, the agenda,
the pipeline): read what to draft it from, open the dialog, record what was sent (the reading
and the recording are ``informa.actions.thanks``)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from informa.domain.errors import InformaError

if TYPE_CHECKING:
    from textual.screen import Screen

    from informa.ui.app import InformaApp


async def draft_thank_you(screen: Screen[Any], interview_id: int) -> bool:
    """Open the thank-you dialog for ``interview_id`` over ``screen``; ``True`` once the
    user has marked it sent and that is saved. Call it from a worker."""
    from informa.actions import thanks
    from informa.ui.dialogs.thank_you import ThankYouDialog

    app: InformaApp = screen.app  # type: ignore[assignment]
    store = app.store
    try:
        draft = await asyncio.to_thread(thanks.draft_thank_you, store, interview_id)
    except InformaError as exc:
        screen.notify(str(exc), title="Thank-you", severity="error", markup=False)
        return False
    now = app.clock()
    result = await app.push_screen_wait(
        ThankYouDialog(
            contact_name=draft.contact_name,
            company=draft.company,
            call_end=draft.call_end or now,
            items=draft.items,
            introductions=draft.introductions,
            templates=app.thank_you_templates.templates,
            my_name=app.settings.your_name,
            now=now,
        )
    )
    if result is None or not result.sent:
        return False
    try:
        await asyncio.to_thread(
            thanks.mark_thank_you_sent, store, interview_id, detail=result.detail
        )
    except InformaError as exc:
        screen.notify(str(exc), title="Not marked sent", severity="error", markup=False)
        return False
    screen.notify(f"Thank-you to {draft.contact_name} marked sent", markup=False)
    return True
