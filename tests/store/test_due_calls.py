"""The pipeline's due view: the people with a call booked today come first."""

from __future__ import annotations

from datetime import datetime, timedelta

from informa.domain.model import ALL, DUE, ContactDraft, Stage
from informa.store import Store


def test_the_due_view_lists_todays_calls_first_in_their_order(store: Store, now: datetime) -> None:
    today = now.date()
    ada = store.contacts.create(ContactDraft(name="Ada"))
    store.contacts.set_next_action(ada.id, "Write to Ada", today - timedelta(days=1))
    bob = store.contacts.create(ContactDraft(name="Bob"))
    cy = store.contacts.create(ContactDraft(name="Cy"))
    store.contacts.set_next_action(cy.id, "Read their paper", today + timedelta(days=7))
    dee = store.contacts.create(ContactDraft(name="Dee"))
    eve = store.contacts.create(ContactDraft(name="Eve"))
    late = now.replace(hour=16, minute=0)
    early = now.replace(hour=9, minute=0)  # passed, never started: still today's
    store.interviews.schedule(bob.id, late, link="https://meet.example/bob")
    store.interviews.schedule(cy.id, early)
    store.interviews.schedule(dee.id, late + timedelta(days=1))
    store.interviews.schedule(eve.id, late)
    store.contacts.move(eve.id, Stage.CLOSED)

    due = store.views.pipeline(DUE, today)
    assert [c.name for c in due.contacts] == ["Cy", "Bob", "Ada"]
    assert due.calls == ((cy.id, early), (bob.id, late))
    assert due.due_count == 3
    assert due.complete

    first = store.views.pipeline(DUE, today, limit=1)
    assert [c.name for c in first.contacts] == ["Cy", "Bob", "Ada"]
    assert first.due_count == 3

    everyone = store.views.pipeline(ALL, today)
    assert everyone.due_count == 3
    assert everyone.calls == due.calls

    store.interviews.start(store.views.dossier(bob.id).interviews[0].id, at=now)
    assert [c.name for c in store.views.pipeline(DUE, today).contacts] == ["Cy", "Ada"]
