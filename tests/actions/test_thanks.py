"""Drafting a call's thank-you and marking it sent, against a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from informa.actions.debrief import load_debrief
from informa.actions.thanks import draft_thank_you, mark_thank_you_sent
from informa.domain.errors import NotFoundError
from informa.domain.model import ActivityKind, ContactDraft, Interview, Source
from informa.domain.notes import Tag
from informa.store import Store

NOTES = """\
Small talk about the weather.
## [01:30] What skills matter most?
A: Learn SQL window functions
I: The data team is twelve people
R: Jane Doe (Acme Labs)
TODO: send my portfolio
## [09:00] Anything else?
I: They hire juniors in spring
A: Write a short case study
A: Go to the meetup
"""


def ended_call(store: Store) -> Interview:
    maya = store.contacts.create(ContactDraft(name="Maya Okafor", company="Lumen Analytics"))
    store.contacts.create(
        ContactDraft(name="Omar Reyes", source=Source.REFERRAL, referred_by_id=maya.id)
    )
    call = store.interviews.prepare(maya.id)
    store.interviews.start(call.id)
    store.interviews.save_notes(call.id, NOTES, base_revision=call.notes_revision)
    return store.interviews.finish(call.id)


def test_the_draft_names_the_advice_and_info_lines_learned(store: Store, now: datetime) -> None:
    call = ended_call(store)
    draft = draft_thank_you(store, call.id)
    assert (draft.interview_id, draft.contact_id) == (call.id, call.contact_id)
    assert (draft.contact_name, draft.company) == ("Maya Okafor", "Lumen Analytics")
    assert draft.call_end == now
    # The A: and I: lines, in note order, each with the question it answers; not R: or TODO:.
    assert [(item.tag, item.text) for item in draft.items] == [
        (Tag.ADVICE, "Learn SQL window functions"),
        (Tag.INFO, "The data team is twelve people"),
        (Tag.INFO, "They hire juniors in spring"),
        (Tag.ADVICE, "Write a short case study"),
        (Tag.ADVICE, "Go to the meetup"),
    ]
    assert draft.items[0].question == "What skills matter most?"
    # Three picks, advice first, in note order.
    assert [item.text for item in draft.picks] == [
        "Learn SQL window functions",
        "Write a short case study",
        "Go to the meetup",
    ]


def test_the_draft_names_the_people_suggested_in_the_notes_and_saved(store: Store) -> None:
    call = ended_call(store)
    assert draft_thank_you(store, call.id).introductions == ("Jane Doe", "Omar Reyes")


def test_a_call_not_ended_has_no_end_yet(store: Store) -> None:
    maya = store.contacts.create(ContactDraft(name="Maya"))
    call = store.interviews.prepare(maya.id)
    draft = draft_thank_you(store, call.id)
    assert draft.call_end is None
    assert draft.items == ()
    assert draft.introductions == ()


def test_drafting_for_a_missing_call_fails(store: Store) -> None:
    with pytest.raises(NotFoundError):
        draft_thank_you(store, 77)


def test_marking_it_sent_records_it_and_clears_the_reminder(store: Store, now: datetime) -> None:
    call = ended_call(store)
    assert load_debrief(store, call.id).summary.thank_you_due is not None
    marked = mark_thank_you_sent(store, call.id, detail="Thank-you sent by email")
    assert marked.thank_you_sent_at == now
    assert load_debrief(store, call.id).summary.thank_you_due is None
    (latest, *_) = store.activities.timeline(call.contact_id)
    assert (latest.kind, latest.detail, latest.at) == (
        ActivityKind.THANK_YOU,
        "Thank-you sent by email",
        now,
    )


def test_marking_it_sent_at_a_given_time(store: Store, now: datetime) -> None:
    call = ended_call(store)
    earlier = now - timedelta(hours=2)
    assert mark_thank_you_sent(store, call.id, at=earlier).thank_you_sent_at == earlier


def test_the_draft_thanks_only_for_the_referrals_of_this_call(store: Store, now: datetime) -> None:
    maya = store.contacts.create(ContactDraft(name="Maya Okafor"), at=now - timedelta(days=30))
    store.contacts.create(  # suggested by email, long before any call
        ContactDraft(name="Early Bird", source=Source.REFERRAL, referred_by_id=maya.id),
        at=now - timedelta(days=20),
    )
    first = store.interviews.prepare(maya.id)
    store.interviews.start(first.id, at=now - timedelta(days=10))
    store.interviews.save_notes(first.id, "R: Jane Doe", base_revision=first.notes_revision)
    store.interviews.finish(first.id, at=now - timedelta(days=10) + timedelta(minutes=30))
    store.contacts.create(  # ticked in the first call's debrief
        ContactDraft(name="Jane Doe", source=Source.REFERRAL, referred_by_id=maya.id),
        at=now - timedelta(days=10) + timedelta(hours=1),
    )
    second = store.interviews.prepare(maya.id)
    store.interviews.start(second.id, at=now - timedelta(hours=1))
    store.interviews.save_notes(second.id, "R: Omar Reyes", base_revision=second.notes_revision)
    store.interviews.finish(second.id, at=now - timedelta(minutes=30))
    store.contacts.create(  # added with ctrl+r in the second call
        ContactDraft(name="Omar Reyes", source=Source.REFERRAL, referred_by_id=maya.id),
        at=now - timedelta(minutes=50),
    )
    store.contacts.create(
        ContactDraft(name="Lee Park", source=Source.REFERRAL, referred_by_id=maya.id), at=now
    )
    assert draft_thank_you(store, first.id).introductions == ("Jane Doe",)
    assert draft_thank_you(store, second.id).introductions == ("Omar Reyes", "Lee Park")
