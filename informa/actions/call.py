"""The live call: opening it (starting it the first time) and ending it.

The call screen runs these on its writer thread, in the order the user acted; the notes
typed during the call are a :class:`~informa.actions.notes.NotesSession`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from informa.actions.notes import Conflict, NotesSession

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.model import Interview, PitchCard, Stage


@dataclass(frozen=True, slots=True)
class CallWorkspace:
    """What the call screen shows when it opens."""

    interview: Interview
    """The call, started (now) if it had not started yet; its notes as stored."""
    pitch: PitchCard
    companies: tuple[str, ...]
    """Every company's name, offered when adding a referral."""
    resumed: bool
    """The call was under way (started, not ended) before it was opened."""


def open_call(store: Store, interview_id: int) -> CallWorkspace:
    """Read the call of ``interview_id``, starting it if it has not started yet (a call
    that has ended stays ended: its notes can still be edited)."""
    interviews = store.interviews
    interview = interviews.get(interview_id)
    resumed = interview.started_at is not None and interview.ended_at is None
    if interview.started_at is None and interview.ended_at is None:
        interview = interviews.start(interview_id)
    pitch = store.profile.pitch()
    companies = tuple(company.name for company in store.companies.all())
    return CallWorkspace(interview, pitch, companies, resumed)


def end_call(store: Store, notes: NotesSession, text: str) -> Interview | Conflict:
    """Save the notes (``text``), then end the call. Not if the notes met another version:
    the conflict comes back for the editor to take in, and the call stays open (the user
    should see both versions before it ends)."""
    outcome = notes.save(store, text)
    if isinstance(outcome, Conflict):
        return outcome
    return store.interviews.finish(notes.interview_id)


@dataclass(frozen=True, slots=True)
class DiscardedCall:
    """A call thrown away (:func:`discard_call`)."""

    contact_id: int
    contact_name: str
    planned: int
    """How many questions its plan had."""
    stage: Stage
    """The contact's stage now: the one before the call, if ending it had moved them on."""


def discard_call(store: Store, interview_id: int) -> DiscardedCall:
    """Throw the call of ``interview_id`` away, in one transaction: the interview with its
    notes, debrief and plan, its search entry, its agenda items (and their snoozes), and, if it
    had ended, the call on the contact's timeline and the stage it moved them to."""
    interview, stage = store.interviews.discard(interview_id)
    return DiscardedCall(
        interview.contact_id, interview.contact_name, len(interview.questions), stage
    )
