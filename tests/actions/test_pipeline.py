"""The pipeline's reads (informa.actions.pipeline) against a real database on a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from informa.actions.pipeline import contact_form_choices, read_pipeline
from informa.domain.clock import fixed_clock
from informa.domain.enums import ALL, Stage
from informa.domain.model import Contact, ContactDraft
from informa.store import Store

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "data" / "informa.db"
    opened = Store.open(path, clock=fixed_clock(NOW), create_folder=True)
    yield opened
    opened.close()


@pytest.fixture
def people(store: Store) -> list[Contact]:
    """Five contacts, two of them at Lumen; in the order the store lists them (by name)."""
    for name, company in [
        ("Eve", ""),
        ("Ada", "Lumen"),
        ("Dan", "Acme"),
        ("Bea", "Lumen"),
        ("Cy", ""),
    ]:
        store.contacts.create(ContactDraft(name=name, company=company))
    return store.contacts.browse()


def last(contacts: Sequence[Contact]) -> Contact:
    return contacts[-1]


def test_a_view_read_in_part_counts_everyone(store: Store, people: list[Contact]) -> None:
    read = read_pipeline(store, ALL, TODAY, limit=2)
    assert [c.name for c in read.pipeline.contacts] == ["Ada", "Bea"]
    assert not read.pipeline.complete
    assert read.pipeline.total == 5
    assert read.open_calls is None  # not asked for: not read
    assert read.first_detail is None


def test_the_whole_view(store: Store, people: list[Contact]) -> None:
    read = read_pipeline(store, Stage.PROSPECT.value, TODAY)
    assert [c.name for c in read.pipeline.contacts] == ["Ada", "Bea", "Cy", "Dan", "Eve"]
    assert read.pipeline.complete


def test_the_calls_left_in_progress_when_asked_for(store: Store, people: list[Contact]) -> None:
    assert read_pipeline(store, ALL, TODAY, open_calls=True).open_calls == ()
    call = store.interviews.prepare(people[2].id)
    store.interviews.start(call.id, at=NOW - timedelta(minutes=10))
    calls = read_pipeline(store, ALL, TODAY, open_calls=True).open_calls
    assert calls is not None
    assert [(c.id, c.contact_name) for c in calls] == [(call.id, "Cy")]


def test_the_details_of_the_contact_the_list_shows_first(
    store: Store, people: list[Contact]
) -> None:
    """``first`` picks from the rows read (here the last of a first window of three)."""
    read = read_pipeline(store, ALL, TODAY, limit=3, first=last)
    assert read.first_detail is not None
    assert read.first_detail.contact.name == "Cy"
    assert read.first_detail == store.views.dossier(people[2].id)


def test_no_details_for_an_empty_view(store: Store, people: list[Contact]) -> None:
    read = read_pipeline(store, Stage.CLOSED.value, TODAY, first=last)
    assert read.pipeline.contacts == ()
    assert read.first_detail is None


def test_details_that_cannot_be_read_are_left_out(store: Store, people: list[Contact]) -> None:
    """Someone deleted between the list and the details (another informa): the list comes
    back, and the screen reads the details as for any highlight."""
    gone = people[0]

    def deleted_meanwhile(contacts: Sequence[Contact]) -> Contact:
        store.contacts.delete(gone.id)
        return gone

    read = read_pipeline(store, ALL, TODAY, first=deleted_meanwhile)
    assert len(read.pipeline.contacts) == 5
    assert read.first_detail is None


def test_the_contact_form_offers_every_company_and_everyone(
    store: Store, people: list[Contact]
) -> None:
    choices = contact_form_choices(store)
    assert choices.companies == ("Acme", "Lumen")
    assert choices.referrers == tuple((c.id, c.name) for c in people)


def test_an_empty_database_offers_nothing(store: Store) -> None:
    choices = contact_form_choices(store)
    assert choices.companies == ()
    assert choices.referrers == ()
