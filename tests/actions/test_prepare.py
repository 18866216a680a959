"""Preparing a call and starting one at once, against a real database."""

from __future__ import annotations

import pytest

from informa.actions.prepare import (
    plan_items,
    prepare_call,
    save_plan,
    save_preparation,
    start_call_now,
)
from informa.banks import load_banks
from informa.domain.banks import BankSet
from informa.domain.errors import NotFoundError
from informa.domain.model import ContactDraft, InterviewStatus, PitchCard
from informa.domain.plan import REFERRAL_REF, PlanEntry, PlanItem, suggest_plan
from informa.paths import bundled_banks_dir
from informa.store import Store


@pytest.fixture(scope="module")
def banks() -> BankSet:
    return load_banks(bundled_banks_dir())


def refs(store: Store, interview_id: int) -> list[str]:
    return [q.question_ref or q.text for q in store.interviews.get(interview_id).questions]


def test_prepare_call_opens_a_new_call_and_reads_what_the_screen_shows(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada Lovelace", company="Analytical Co"))
    store.profile.save_pitch(PitchCard(background="I build engines", goals="learn", skills="maths"))
    prepared = prepare_call(store, ada.id, minutes=40)
    call = prepared.interview
    assert (call.contact_id, call.status, call.target_minutes) == (
        ada.id,
        InterviewStatus.PLANNED,
        40,
    )
    assert call.questions == ()
    assert prepared.dossier.contact.name == "Ada Lovelace"
    assert prepared.dossier.company is not None
    assert prepared.dossier.company.name == "Analytical Co"
    assert prepared.asked_before == frozenset()
    assert prepared.pitch.background == "I build engines"
    again = prepare_call(store, ada.id, minutes=25)
    assert again.interview.id == call.id  # the open call, its length as it was
    assert again.interview.target_minutes == 40
    assert len(store.interviews.for_contact(ada.id)) == 1


def test_prepare_call_knows_what_the_contact_answered_in_earlier_calls(
    store: Store, banks: BankSet
) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    first = start_call_now(store, banks, ada.id, minutes=25)
    asked, skipped = first.questions[0], first.questions[1]
    store.interviews.start(first.id)
    store.interviews.mark_asked(asked.id)
    store.interviews.skip(skipped.id)
    store.interviews.finish(first.id)
    prepared = prepare_call(store, ada.id, minutes=25)
    assert prepared.interview.id != first.id
    assert prepared.asked_before == {asked.question_ref}
    assert len(prepared.dossier.interviews) == 2


def test_prepare_call_of_nobody_fails_and_creates_nothing(store: Store) -> None:
    with pytest.raises(NotFoundError):
        prepare_call(store, 999, minutes=25)
    assert store.interviews.in_progress() == []


def test_save_plan_stores_the_entries_in_order_and_keeps_asked_marks(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = prepare_call(store, ada.id, minutes=25).interview
    one = PlanEntry("What is a typical day?", "core/job-role/day", "job-role", "The role")
    two = PlanEntry("My own question")
    saved = save_plan(store, call.id, [one, two])
    assert [(q.text, q.question_ref, q.topic) for q in saved.questions] == [
        ("What is a typical day?", "core/job-role/day", "job-role"),
        ("My own question", "", ""),
    ]
    store.interviews.mark_asked(saved.questions[1].id)
    moved = save_plan(store, call.id, [two, one])
    assert [q.text for q in moved.questions] == ["My own question", "What is a typical day?"]
    assert moved.questions[0].asked_at is not None  # still asked after the move
    assert moved.questions[1].asked_at is None
    assert save_plan(store, call.id, []).questions == ()


def test_plan_items_drop_the_topic_title() -> None:
    entry = PlanEntry("Q?", "core/culture/q", "culture", "Culture")
    assert plan_items([entry, PlanEntry("Mine")]) == [
        PlanItem("Q?", "core/culture/q", "culture"),
        PlanItem("Mine"),
    ]


def test_save_preparation_stores_the_plan_and_the_checklist(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = prepare_call(store, ada.id, minutes=25).interview
    saved = save_preparation(store, call.id, [PlanEntry("Mine")], ["research", "link"])
    assert saved.prep_done == {"research", "link"}
    stored = store.interviews.get(call.id)
    assert [q.text for q in stored.questions] == ["Mine"]
    assert stored.prep_done == {"research", "link"}


def test_start_call_now_plans_a_suggested_plan_ending_with_the_referral_question(
    store: Store, banks: BankSet
) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = start_call_now(store, banks, ada.id, minutes=30)
    assert call.contact_id == ada.id
    assert call.target_minutes == 30
    assert call.status is InterviewStatus.PLANNED  # opened, not started: the call screen starts it
    expected = [e.question_ref for e in suggest_plan(banks, minutes=30)]
    assert [q.question_ref for q in call.questions] == expected
    assert call.questions[-1].question_ref == REFERRAL_REF
    assert refs(store, call.id) == expected  # stored, not only returned


def test_start_call_now_twice_returns_the_same_open_call_and_keeps_its_plan(
    store: Store, banks: BankSet
) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    first = start_call_now(store, banks, ada.id, minutes=25)
    save_plan(store, first.id, [PlanEntry("Only this")])
    again = start_call_now(store, banks, ada.id, minutes=45)
    assert again.id == first.id
    assert again.target_minutes == 25
    assert [q.text for q in again.questions] == ["Only this"]  # the user's plan, not replaced
    assert len(store.interviews.for_contact(ada.id)) == 1


def test_start_call_now_leaves_out_what_was_asked_before(store: Store, banks: BankSet) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    first = start_call_now(store, banks, ada.id, minutes=25)
    body = next(q for q in first.questions if q.topic == "culture")
    store.interviews.start(first.id)
    store.interviews.mark_asked(body.id)
    store.interviews.finish(first.id)
    second = start_call_now(store, banks, ada.id, minutes=25)
    assert second.id != first.id
    assert body.question_ref not in {q.question_ref for q in second.questions}
    assert any(q.topic == "culture" for q in second.questions)
    assert second.questions[-1].question_ref == REFERRAL_REF


def test_start_call_now_plans_an_open_call_without_questions(store: Store, banks: BankSet) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    prepared = prepare_call(store, ada.id, minutes=20).interview
    call = start_call_now(store, banks, ada.id, minutes=45)
    assert call.id == prepared.id
    assert call.target_minutes == 20
    assert [q.question_ref for q in call.questions] == [
        e.question_ref for e in suggest_plan(banks, minutes=20)
    ]


def test_start_call_now_for_nobody_fails(store: Store, banks: BankSet) -> None:
    with pytest.raises(NotFoundError):
        start_call_now(store, banks, 12345, minutes=25)
