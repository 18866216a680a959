"""Loading a call's debrief and saving it with the ticked referrals, against a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from informa.actions.debrief import finish_debrief, load_debrief, referral_drafts
from informa.domain.debrief import compose_reflection
from informa.domain.errors import NotFoundError
from informa.domain.model import ContactDraft, Interview, Source, Stage
from informa.domain.notes import ReferralCandidate, Tag
from informa.store import Store

NOTES = """\
## [02:10] What does a typical day look like?
A: Learn SQL window functions
I: The team ships weekly
R: Jane Doe (Acme Labs) — data lead, mention Kenji
R: Sam Lee @ Beta Corp
R: Priya Shah (Lumen)
R: jane  doe @ Acme Labs
TODO: send the portfolio link
"""


def ended_call(store: Store, notes: str = NOTES) -> Interview:
    kenji = store.contacts.create(ContactDraft(name="Kenji Sato", company="Lumen"))
    store.contacts.create(ContactDraft(name="Priya Shah"))
    call = store.interviews.prepare(kenji.id, target_minutes=30)
    store.interviews.start(call.id)
    store.interviews.save_notes(call.id, notes, base_revision=call.notes_revision)
    return store.interviews.finish(call.id)


def test_load_debrief_reads_the_call_and_matches_the_referrals_with_contacts(
    store: Store, now: datetime
) -> None:
    call = ended_call(store)
    debrief = load_debrief(store, call.id, thank_you_hours=12)
    assert debrief.interview.id == call.id
    summary = debrief.summary
    assert summary.contact_name == "Kenji Sato"
    assert [line.text for line in summary.items[Tag.ADVICE]] == ["Learn SQL window functions"]
    assert [line.text for line in summary.items[Tag.INFO]] == ["The team ships weekly"]
    assert summary.thank_you_due == now + timedelta(hours=12)
    # Each person once (Jane Doe is named twice), the known one matched with their contact.
    found = [(c.referral.name, c.existing.name if c.existing else None) for c in debrief.candidates]
    assert found == [("Jane Doe", None), ("Sam Lee", None), ("Priya Shah", "Priya Shah")]
    assert debrief.candidates[0].referral.company == "Acme Labs"


def test_load_debrief_without_referrals(store: Store) -> None:
    call = ended_call(store, "A: Ask for the org chart\n")
    debrief = load_debrief(store, call.id)
    assert debrief.candidates == ()
    assert debrief.summary.thank_you_due is not None


def test_load_debrief_of_a_call_that_does_not_exist(store: Store) -> None:
    with pytest.raises(NotFoundError):
        load_debrief(store, 404)


def test_referral_drafts_are_prospects_referred_by_the_contact() -> None:
    jane = ReferralCandidate("Jane Doe", "Acme Labs", "data lead", 4, "")
    (draft,) = referral_drafts([jane], 7)
    assert (draft.name, draft.company, draft.notes) == ("Jane Doe", "Acme Labs", "data lead")
    assert (draft.source, draft.referred_by_id) == (Source.REFERRAL, 7)


def test_finish_debrief_saves_the_reflection_and_adds_the_chosen_referrals(
    store: Store,
) -> None:
    call = ended_call(store)
    debrief = load_debrief(store, call.id)
    jane, sam, priya = (c.referral for c in debrief.candidates)
    reflection = compose_reflection(["A lot", "Well", "Write to Jane"])
    added = finish_debrief(store, call.id, reflection, [jane, priya], referred_by=call.contact_id)
    assert [c.name for c in added] == ["Jane Doe"]  # Priya is a contact already
    (new,) = added
    assert (new.stage, new.source, new.company_name) == (
        Stage.PROSPECT,
        Source.REFERRAL,
        "Acme Labs",
    )
    assert new.referred_by_id == call.contact_id
    assert [c.name for c in store.contacts.referrals(call.contact_id)] == ["Jane Doe"]
    assert store.contacts.find(sam.name) == []
    assert store.interviews.get(call.id).debrief == reflection


def test_finish_debrief_without_referrals_saves_the_reflection_only(store: Store) -> None:
    call = ended_call(store)
    count = store.contacts.count()
    assert finish_debrief(store, call.id, "## What did I learn?\nplenty") == []
    assert store.contacts.count() == count
    assert store.interviews.get(call.id).debrief == "## What did I learn?\nplenty"
