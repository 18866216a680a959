"""The agenda's input, read from the database, and snoozes."""

from __future__ import annotations

from datetime import datetime, timedelta

from informa.domain.followup import AgendaKind, Rules
from informa.domain.model import ActivityKind, ContactDraft
from informa.store import Store


def test_records_hold_every_contact_with_their_timeline_and_calls(
    store: Store, now: datetime
) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Acme"))
    bob = store.contacts.create(ContactDraft(name="Bob"))
    store.activities.log(ada.id, ActivityKind.OUTREACH, at=now - timedelta(days=2))
    call = store.interviews.prepare(bob.id)
    records = store.followups.records()
    assert [c.name for c in records.contacts] == ["Ada", "Bob"]
    kinds = [a.kind for a in records.activities[ada.id]]
    assert kinds == [ActivityKind.OUTREACH, ActivityKind.STAGE_CHANGE]  # to Reached out
    assert [i.id for i in records.interviews[bob.id]] == [call.id]
    assert records.industries == {ada.company_id: ""}
    inputs = {item.contact.id: item for item in records.inputs()}
    assert inputs[bob.id].activities == ()


def test_a_finished_call_puts_a_thank_you_on_the_agenda_until_snoozed(
    store: Store, now: datetime
) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.prepare(ada.id)
    store.interviews.start(call.id, at=now - timedelta(minutes=30))
    store.interviews.finish(call.id, at=now - timedelta(minutes=5))
    (item,) = [i for i in store.followups.agenda(Rules()) if i.kind is AgendaKind.THANK_YOU]
    assert item.interview_id == call.id
    assert item.due_at == now - timedelta(minutes=5) + timedelta(hours=24)
    store.followups.snooze(item.key, now.date() + timedelta(days=2))
    assert store.followups.snoozed() == {item.key: now.date() + timedelta(days=2)}
    assert all(i.key != item.key for i in store.followups.agenda(Rules()))
    store.followups.snooze(item.key, now.date())  # replaced: back today
    assert any(i.key == item.key for i in store.followups.agenda(Rules()))
    store.interviews.mark_thank_you_sent(call.id)
    assert all(i.kind is not AgendaKind.THANK_YOU for i in store.followups.agenda(Rules()))
