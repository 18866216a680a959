"""Searching and resolving each hit to what it opens, against a real database."""

from __future__ import annotations

from informa.actions.search import SearchTarget, find
from informa.domain.model import CompanyDraft, ContactDraft
from informa.store import Store


def test_a_contact_hit_opens_the_contact(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada Lovelace", notes="loves engines"))
    (found,) = find(store, "engines")
    assert found.hit.kind == "contact"
    assert found.target == SearchTarget("contact", ada.id, ada.id, "Ada Lovelace")


def test_notes_open_their_contact_and_say_whether_the_call_ended(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.prepare(ada.id)
    store.interviews.save_notes(call.id, "A: try kubernetes", base_revision=call.notes_revision)
    (found,) = find(store, "kubernetes")
    assert (found.target.kind, found.target.ref_id, found.target.contact_id) == (
        "interview",
        call.id,
        ada.id,
    )
    assert not found.target.ended
    store.interviews.start(call.id)
    store.interviews.finish(call.id)
    (found,) = find(store, "kubernetes")
    assert found.target.ended


def test_a_company_opens_its_first_person_by_name_the_archived_last(store: Store) -> None:
    company = store.companies.create(CompanyDraft(name="Lumen", research="quantum sensors"))
    anna = store.contacts.create(ContactDraft(name="Anna", company="Lumen"))
    store.contacts.create(ContactDraft(name="Zed", company="Lumen"))
    store.contacts.archive(anna.id)
    zed = store.contacts.find("Zed")[0]
    (found,) = find(store, "quantum")
    assert found.target == SearchTarget("company", company.id, zed.id, "Lumen")


def test_a_company_without_people_opens_nobody(store: Store) -> None:
    company = store.companies.create(CompanyDraft(name="Nobody Inc", research="robots"))
    (found,) = find(store, "robots")
    assert found.target == SearchTarget("company", company.id, None, "Nobody Inc")


def test_the_best_hits_up_to_the_limit(store: Store) -> None:
    for index in range(5):
        store.contacts.create(ContactDraft(name=f"Person {index}", notes="shared word"))
    assert len(find(store, "shared")) == 5
    assert len(find(store, "shared", 3)) == 3
    assert find(store, "absent") == []
