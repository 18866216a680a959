"""After a call: reading its debrief, and saving it with the referrals the user ticked.

Each function blocks on the database: call it from a thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from informa.domain.debrief import THANK_YOU_HOURS, CallSummary, summarize
from informa.domain.model import Contact, ContactDraft, Interview, Source
from informa.domain.validate import name_key

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.notes import ReferralCandidate


@dataclass(frozen=True, slots=True)
class Candidate:
    """A referral line, and the contact it already is (if any)."""

    referral: ReferralCandidate
    existing: Contact | None


@dataclass(frozen=True, slots=True)
class Debrief:
    """What the debrief of a call shows."""

    interview: Interview
    summary: CallSummary
    candidates: tuple[Candidate, ...]
    """The people named on ``R:`` lines, each once, in note order."""


def load_debrief(
    store: Store, interview_id: int, *, thank_you_hours: int = THANK_YOU_HOURS
) -> Debrief:
    """The call, what it came to, and its referral lines matched with the contacts they
    already are. A person named twice ("R: Jane Doe (Acme)", later "R: Jane Doe @ Acme")
    is offered once."""
    interview = store.interviews.get(interview_id)
    summary = summarize(interview, thank_you_hours=thank_you_hours)
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for referral in summary.referrals:
        key = name_key(referral.name)
        if key in seen:
            continue
        seen.add(key)
        found = store.contacts.find(referral.name)
        candidates.append(Candidate(referral, found[0] if found else None))
    return Debrief(interview, summary, tuple(candidates))


def referral_drafts(
    chosen: Iterable[ReferralCandidate], referred_by: int | None
) -> list[ContactDraft]:
    """The ``chosen`` referrals as new prospects, referred by contact ``referred_by``."""
    return [
        ContactDraft(
            name=referral.name,
            company=referral.company,
            source=Source.REFERRAL,
            referred_by_id=referred_by,
            notes=referral.note,
        )
        for referral in chosen
    ]


def finish_debrief(
    store: Store,
    interview_id: int,
    reflection: str,
    chosen: Iterable[ReferralCandidate] = (),
    *,
    referred_by: int | None = None,
) -> list[Contact]:
    """Save the reflection and add the ``chosen`` referrals that are not contacts yet, in one
    transaction; returns the contacts added."""
    drafts = referral_drafts(chosen, referred_by)
    return store.interviews.finish_debrief(interview_id, reflection, drafts)
