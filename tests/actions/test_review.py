"""Reading the review and logging what was done for an agenda item, against a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

from informa.actions.review import load_review, log_done
from informa.domain.followup import AgendaKind, Rules
from informa.domain.model import ActivityKind, ContactDraft, Stage
from informa.store import Store


def after_a_call(store: Store) -> int:
    maya = store.contacts.create(ContactDraft(name="Maya Okafor"))
    call = store.interviews.prepare(maya.id)
    store.interviews.start(call.id)
    store.interviews.finish(call.id)
    return maya.id


def test_load_review_reads_everything_and_what_is_due(store: Store, now: datetime) -> None:
    maya = after_a_call(store)
    store.contacts.create(ContactDraft(name="Ben"))
    review = load_review(store, Rules(thank_you_hours=6))
    assert review.now == now
    assert {c.name for c in review.records.contacts} == {"Maya Okafor", "Ben"}
    (item,) = review.agenda
    assert (item.kind, item.contact_id) == (AgendaKind.THANK_YOU, maya)
    assert item.due_at == now + timedelta(hours=6)  # by the rules given


def test_logging_a_thank_you_marks_the_call_sent(store: Store, now: datetime) -> None:
    maya = after_a_call(store)
    (item,) = load_review(store, Rules()).agenda
    sent = now - timedelta(minutes=5)
    log_done(store, item, ActivityKind.THANK_YOU, at=sent, detail="by email")
    assert load_review(store, Rules()).agenda == []
    assert item.interview_id is not None
    assert store.interviews.get(item.interview_id).thank_you_sent_at == sent
    logged = [(a.kind, a.at, a.detail) for a in store.activities.timeline(maya)]
    assert (ActivityKind.THANK_YOU, sent, "by email") in logged


def test_logging_anything_else_is_an_activity_of_the_contact(store: Store, now: datetime) -> None:
    maya = after_a_call(store)
    (item,) = load_review(store, Rules()).agenda
    log_done(store, item, ActivityKind.CHECK_IN, at=now, detail="said hello")
    (latest, *_) = store.activities.timeline(maya)
    assert (latest.kind, latest.detail) == (ActivityKind.CHECK_IN, "said hello")
    assert item.interview_id is not None
    assert store.interviews.get(item.interview_id).thank_you_sent_at is None
    assert store.contacts.get(maya).stage is Stage.INTERVIEWED
