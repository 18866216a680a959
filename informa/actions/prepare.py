"""Preparing a call, and starting one at once.

``prepare_call`` reads everything the prepare screen shows (the call to prepare, the contact's
dossier, what they answered before, the pitch card); ``save_plan`` and ``save_preparation``
store what the user picked; ``start_call_now`` opens a contact's next call straight from the
pipeline, with a suggested plan if it has none yet.

Each function blocks on the database: call it from a thread.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from informa.domain.plan import PlanEntry, PlanItem, suggest_plan

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.banks import BankSet
    from informa.domain.model import ContactDossier, Interview, PitchCard


@dataclass(frozen=True, slots=True)
class PreparedCall:
    """What preparing a call shows."""

    interview: Interview
    """The call to prepare: the contact's next one not yet held, or a new one."""
    dossier: ContactDossier
    asked_before: frozenset[str]
    """Refs of the bank questions this contact answered in their other calls."""
    pitch: PitchCard


def prepare_call(store: Store, contact_id: int, *, minutes: int) -> PreparedCall:
    """The call to prepare for ``contact_id`` (created, ``minutes`` long, if there is none
    open) and what the screen shows beside its plan."""
    interview = store.interviews.prepare(contact_id, target_minutes=minutes)
    asked = store.interviews.asked_before(contact_id, excluding=interview.id)
    return PreparedCall(
        interview, store.views.dossier(contact_id), frozenset(asked), store.profile.pitch()
    )


def plan_items(plan: Iterable[PlanEntry]) -> list[PlanItem]:
    """A plan as the store keeps it (the topic titles are the banks', not stored)."""
    return [PlanItem(entry.text, entry.question_ref, entry.topic) for entry in plan]


def save_plan(store: Store, interview_id: int, plan: Iterable[PlanEntry]) -> Interview:
    """Replace the call's plan with ``plan`` (asked and skipped marks are kept)."""
    return store.interviews.set_plan(interview_id, plan_items(plan))


def save_preparation(
    store: Store, interview_id: int, plan: Iterable[PlanEntry], done: Collection[str]
) -> Interview:
    """The whole plan and the ticked checklist items, stored as the call starts."""
    store.interviews.set_plan(interview_id, plan_items(plan))
    return store.interviews.set_prep_done(interview_id, done)


def start_call_now(store: Store, banks: BankSet, contact_id: int, *, minutes: int) -> Interview:
    """The contact's next call, to open at once: the open one if there is one (its plan as it
    is), else a new one of ``minutes``. A call without a plan gets a suggested one, leaving
    out what the contact answered before; it ends with the referral question."""
    call = store.interviews.prepare(contact_id, target_minutes=minutes)
    if call.questions:
        return call
    asked = store.interviews.asked_before(contact_id, excluding=call.id)
    plan = suggest_plan(banks, minutes=call.target_minutes, asked_before=asked)
    return save_plan(store, call.id, plan)
