"""Opening and ending a call, against a real database on a fixed clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from informa.actions.call import CallWorkspace, DiscardedCall, discard_call, end_call, open_call
from informa.actions.notes import SEPARATOR, Conflict, NotesSession
from informa.actions.review import load_review
from informa.domain.errors import NotFoundError
from informa.domain.followup import AgendaKind, Rules
from informa.domain.model import (
    ActivityKind,
    ContactDraft,
    Interview,
    InterviewStatus,
    PitchCard,
    Stage,
)
from informa.domain.plan import PlanItem
from informa.store import Store
from tests.builders import NOW

PLAN = [
    PlanItem("How did you get your start?", "core/opening/get-started", "opening"),
    PlanItem("Who else should I talk to?", "core/closing/who-else", "closing"),
]


@pytest.fixture
def planned(store: Store) -> Interview:
    """A call prepared (a plan, a pitch, two companies) and not started."""
    ada = store.contacts.create(ContactDraft(name="Ada Quill", company="Lumen"))
    store.contacts.create(ContactDraft(name="Bo Chen", company="Acme Labs"))
    store.profile.save_pitch(PitchCard(background="Postdoc in ecology", goals="Data"))
    interview = store.interviews.prepare(ada.id)
    return store.interviews.set_plan(interview.id, PLAN)


def session_for(interview: Interview) -> NotesSession:
    return NotesSession(interview.id, notes=interview.notes, revision=interview.notes_revision)


# -- opening ---------------------------------------------------------------------------------


def test_opening_a_call_starts_it(store: Store, planned: Interview) -> None:
    opened = open_call(store, planned.id)
    assert isinstance(opened, CallWorkspace)
    assert not opened.resumed
    assert opened.interview.id == planned.id
    assert opened.interview.started_at == NOW
    assert opened.interview.status is InterviewStatus.IN_PROGRESS
    assert [q.text for q in opened.interview.questions] == [item.text for item in PLAN]
    assert opened.pitch == PitchCard(background="Postdoc in ecology", goals="Data")
    assert sorted(opened.companies) == ["Acme Labs", "Lumen"]
    assert store.interviews.get(planned.id).started_at == NOW  # stored, not only shown


def test_opening_a_call_under_way_resumes_it(store: Store, planned: Interview) -> None:
    started = NOW - timedelta(minutes=12)
    store.interviews.start(planned.id, at=started)
    store.interviews.save_notes(planned.id, "A: be curious\n", base_revision=0)
    opened = open_call(store, planned.id)
    assert opened.resumed
    assert opened.interview.started_at == started  # not started again
    assert (opened.interview.notes, opened.interview.notes_revision) == ("A: be curious\n", 1)


def test_opening_a_call_that_ended_leaves_it_ended(store: Store, planned: Interview) -> None:
    store.interviews.start(planned.id, at=NOW - timedelta(minutes=30))
    ended = store.interviews.finish(planned.id, at=NOW - timedelta(minutes=5))
    opened = open_call(store, planned.id)
    assert not opened.resumed
    assert opened.interview.ended_at == ended.ended_at
    assert opened.interview.status is InterviewStatus.DONE


def test_opening_a_call_that_is_not_there(store: Store) -> None:
    with pytest.raises(NotFoundError):
        open_call(store, 404)


# -- ending ----------------------------------------------------------------------------------


def test_ending_a_call_saves_its_notes_then_ends_it(store: Store, planned: Interview) -> None:
    interview = open_call(store, planned.id).interview
    ended = end_call(store, session_for(interview), "A: learn dbt\n")
    assert isinstance(ended, Interview)
    assert ended.status is InterviewStatus.DONE
    assert ended.ended_at == NOW
    assert store.interviews.get(planned.id).notes == "A: learn dbt\n"
    contact = store.contacts.get(planned.contact_id)
    assert contact.stage is Stage.INTERVIEWED
    kinds = [a.kind for a in store.activities.timeline(planned.contact_id)]
    assert ActivityKind.CALL in kinds


def test_a_call_whose_notes_changed_elsewhere_stays_open(store: Store, planned: Interview) -> None:
    interview = open_call(store, planned.id).interview
    session = session_for(interview)
    store.interviews.save_notes(planned.id, "theirs", base_revision=0)  # another informa
    outcome = end_call(store, session, "mine")
    assert outcome == Conflict("theirs", 1)
    after = store.interviews.get(planned.id)
    assert after.notes == "theirs"
    assert after.ended_at is None
    assert after.status is InterviewStatus.IN_PROGRESS
    # Once the editor holds both, the call ends with both.
    assert isinstance(outcome, Conflict)
    both = f"{session.take_in(outcome)}mine"
    session.resolve(outcome)
    ended = end_call(store, session, both)
    assert isinstance(ended, Interview)
    assert ended.status is InterviewStatus.DONE
    assert store.interviews.get(planned.id).notes == f"theirs\n{SEPARATOR}\nmine"


# -- discarding ------------------------------------------------------------------------------


def test_discarding_a_call_under_way_leaves_no_trace(store: Store, planned: Interview) -> None:
    ada = planned.contact_id
    store.contacts.move(ada, Stage.REACHED_OUT)
    before = store.contacts.get(ada)
    timeline = store.activities.timeline(ada)
    open_call(store, planned.id)
    store.interviews.save_notes(planned.id, "A: zanzibar pipelines\n", base_revision=0)
    assert [hit.ref_id for hit in store.search.search("zanzibar")] == [planned.id]
    gone = discard_call(store, planned.id)
    assert gone == DiscardedCall(ada, "Ada Quill", len(PLAN), Stage.REACHED_OUT)
    with pytest.raises(NotFoundError):
        store.interviews.get(planned.id)
    assert store.interviews.for_contact(ada) == []
    assert store.search.search("zanzibar") == []
    assert store.activities.timeline(ada) == timeline
    after = store.contacts.get(ada)
    assert (after.stage, after.last_interaction_at) == (before.stage, before.last_interaction_at)


def test_discarding_an_ended_call_takes_back_the_call_and_the_stage(
    store: Store, planned: Interview
) -> None:
    ada = planned.contact_id
    reached = NOW - timedelta(days=3)
    store.activities.log(ada, ActivityKind.OUTREACH, at=reached)
    assert store.contacts.get(ada).stage is Stage.REACHED_OUT
    timeline = store.activities.timeline(ada)
    store.interviews.start(planned.id, at=NOW - timedelta(minutes=30))
    store.interviews.save_notes(planned.id, "I: zanzibar team\n", base_revision=0)
    store.interviews.finish(planned.id, at=NOW - timedelta(minutes=5))
    store.interviews.save_debrief(planned.id, "## What did I learn?\nquokka facts")
    assert store.contacts.get(ada).stage is Stage.INTERVIEWED
    (thanks,) = [i for i in load_review(store, Rules()).agenda if i.interview_id == planned.id]
    assert thanks.kind is AgendaKind.THANK_YOU
    store.followups.snooze(thanks.key, NOW.date() + timedelta(days=1))

    gone = discard_call(store, planned.id)

    assert gone.stage is Stage.REACHED_OUT
    after = store.contacts.get(ada)
    assert after.stage is Stage.REACHED_OUT
    assert after.last_interaction_at == reached
    assert store.activities.timeline(ada) == timeline  # no call, no move to Interviewed
    assert store.interviews.for_contact(ada) == []
    assert store.search.search("zanzibar") == []
    assert store.search.search("quokka") == []
    agenda = load_review(store, Rules()).agenda
    assert [i for i in agenda if i.interview_id == planned.id] == []
    assert [i.kind for i in agenda] == [AgendaKind.SECOND_CONTACT]  # as before the call
    assert thanks.key not in store.followups.snoozed()


def test_discarding_keeps_a_stage_the_user_chose_since(store: Store, planned: Interview) -> None:
    ada = planned.contact_id
    store.interviews.start(planned.id, at=NOW - timedelta(minutes=30))
    store.interviews.finish(planned.id, at=NOW - timedelta(minutes=5))
    store.contacts.move(ada, Stage.IN_TOUCH)
    assert discard_call(store, planned.id).stage is Stage.IN_TOUCH
    assert store.contacts.get(ada).stage is Stage.IN_TOUCH


def test_discarding_leaves_the_contacts_other_calls(store: Store, planned: Interview) -> None:
    ada = planned.contact_id
    store.interviews.start(planned.id, at=NOW - timedelta(days=7))
    store.interviews.finish(planned.id, at=NOW - timedelta(days=7) + timedelta(minutes=25))
    second = store.interviews.prepare(ada)
    store.interviews.start(second.id)
    discard_call(store, second.id)
    assert [call.id for call in store.interviews.for_contact(ada)] == [planned.id]
    assert store.contacts.get(ada).stage is Stage.INTERVIEWED


def test_discarding_a_call_that_is_not_there(store: Store) -> None:
    with pytest.raises(NotFoundError):
        discard_call(store, 404)
