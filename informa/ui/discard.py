"""Throwing a call away, from the call or its debrief: say what goes and ask
(:func:`confirm_discard`), then discard it on the screen's writer thread (:func:`discarded`,
through ``informa.actions.call.discard_call``)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, Any

from informa.domain.errors import InformaError

if TYPE_CHECKING:
    from informa.actions.call import DiscardedCall
    from informa.domain.model import Interview
    from informa.ui.screens.base import WorkspaceScreen


def what_goes(interview: Interview, notes: str) -> str:
    """The confirmation's text: what discarding ``interview`` (its notes as the editor has
    them: ``notes``) deletes."""
    lines = sum(1 for line in notes.splitlines() if line.strip())
    planned = len(interview.questions)
    parts = [
        f"the notes ({lines} line{'s' * (lines != 1)})" if lines else "the notes (empty)",
        f"{planned} planned question{'s' * (planned != 1)}",
    ]
    if interview.debrief.strip():
        parts.append("the debrief")
    text = f"This deletes {', '.join(parts)} and the interview itself"
    text += ": it leaves Progress, the agenda and search."
    if interview.ended_at is not None:
        text += f" {interview.contact_name} goes back to the stage before the call."
    return text + " It cannot be undone."


async def confirm_discard(screen: WorkspaceScreen[Any], interview: Interview, notes: str) -> bool:
    """Ask whether to throw ``interview`` away, saying what goes. Call it from a worker."""
    from informa.ui.dialogs.confirm import Confirm

    question = Confirm(
        title=f"Discard the call with {interview.contact_name}?",
        message=what_goes(interview, notes),
        confirm_label="Discard",
    )
    confirmed: bool = await screen.app.push_screen_wait(question)
    return confirmed


async def discarded(screen: WorkspaceScreen[Any], interview_id: int) -> bool:
    """Discard the call on ``screen``'s writer thread, after what is queued there; ``True``
    once it is gone (and said so). The screen stops saving first: nothing is left to save."""
    from informa.actions.call import discard_call

    job = partial(discard_call, screen.store, interview_id)
    try:
        gone: DiscardedCall = await asyncio.wrap_future(screen.submit(job))
    except InformaError as exc:
        screen.notify(str(exc), title="The call was not discarded", severity="error", timeout=10)
        return False
    screen.notify(f"Discarded the call with {gone.contact_name}", markup=False)
    return True
