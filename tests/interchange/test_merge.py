"""How an import decides who is who: the matching rules of ``store.imports``."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from informa.domain.incoming import IncomingContact, ReadResult
from informa.domain.model import ActivityKind, ContactDraft
from informa.store import Store, search
from informa.store import models as m


def person(line: int, name: str, **fields: object) -> IncomingContact:
    referred_by = str(fields.pop("referred_by", ""))
    connected_on = fields.pop("connected_on", None)
    assert connected_on is None or isinstance(connected_on, date)
    return IncomingContact(
        draft=ContactDraft(name=name, **fields),  # type: ignore[arg-type]
        line=line,
        connected_on=connected_on,
        referred_by=referred_by,
    )


def merge(store: Store, *people: IncomingContact, dry_run: bool = False) -> list[str]:
    report = store.imports.merge(ReadResult(people), dry_run=dry_run)
    return report.lines()


JOHN_1 = "https://www.linkedin.com/in/john-smith-1"
JOHN_2 = "https://www.linkedin.com/in/john-smith-2"


def test_namesakes_with_different_profiles_are_different_people(empty_store: Store) -> None:
    merge(empty_store, person(2, "John Smith", company="Google", linkedin_url=JOHN_1))
    lines = merge(
        empty_store,
        person(2, "John Smith", company="Google", linkedin_url=JOHN_2, email="j2@x.org"),
    )
    assert lines[0].startswith("1 created, 0 updated")
    first, second = sorted(empty_store.contacts.find("John Smith"), key=lambda c: c.id)
    assert (first.linkedin_url, first.email) == (JOHN_1, "")
    assert (second.linkedin_url, second.email) == (JOHN_2, "j2@x.org")


def test_namesakes_with_different_profiles_in_one_file_are_both_created(
    empty_store: Store,
) -> None:
    lines = merge(
        empty_store,
        person(2, "John Smith", company="Google", linkedin_url=JOHN_1),
        person(3, "John Smith", company="Google", linkedin_url=JOHN_2),
    )
    assert lines == ["2 created, 0 updated, 0 already there, 0 skipped, 1 new company"]


def test_namesakes_at_one_company_are_never_merged_into_each_other(empty_store: Store) -> None:
    empty_store.contacts.create(ContactDraft(name="John Smith", company="Acme", email="j@a.com"))
    empty_store.contacts.create(
        ContactDraft(name="John Smith", company="Acme", role="CTO", location="Berlin")
    )
    before = empty_store.exports.snapshot()
    again = merge(
        empty_store,
        person(2, "John Smith", company="Acme", email="j@a.com"),  # holds nothing new
        person(3, "John Smith", company="Acme", role="CTO", location="Berlin"),
        person(4, "John Smith", company="Acme", role="Founder"),  # whose role?
    )
    assert again == [
        "0 created, 0 updated, 2 already there, 1 skipped",
        "skipped line 4 (John Smith): more than one contact is called John Smith at Acme; "
        "not merged (a LinkedIn URL would tell them apart)",
    ]
    assert empty_store.exports.snapshot() == before


def test_a_name_alone_is_not_enough_to_merge(empty_store: Store) -> None:
    """Name + company, as the issue says: a namesake elsewhere is someone else."""
    empty_store.contacts.create(ContactDraft(name="Grace Hopper"))
    lines = merge(empty_store, person(2, "Grace Hopper", company="US Navy"))
    assert lines[0] == "1 created, 0 updated, 0 already there, 0 skipped, 1 new company"
    assert len(empty_store.contacts.find("Grace Hopper")) == 2


def test_a_company_gained_through_the_profile_url_is_matched_by_later_rows(
    empty_store: Store,
) -> None:
    url = "https://www.linkedin.com/in/grace"
    grace = empty_store.contacts.create(ContactDraft(name="Grace Hopper", linkedin_url=url))
    lines = merge(
        empty_store,
        person(2, "Grace Hopper", company="US Navy", linkedin_url=url),
        person(3, "Grace Hopper", company="US Navy", role="Rear Admiral"),
    )
    assert lines[0] == "0 created, 1 updated, 0 already there, 0 skipped, 1 new company"
    (after,) = empty_store.contacts.find("Grace Hopper")
    assert (after.id, after.company_name, after.role) == (grace.id, "US Navy", "Rear Admiral")
    assert [hit.title for hit in empty_store.search.search("navy")] == ["US Navy", "Grace Hopper"]


def test_referrers_are_linked_without_loops(empty_store: Store) -> None:
    lines = merge(
        empty_store,
        person(2, "Alice", referred_by="Bob"),
        person(3, "Bob", referred_by="Alice"),
        person(4, "Carol", referred_by="Carol"),
        person(5, "Dan", referred_by="Nobody Known"),
    )
    assert lines[1:] == [
        "warning: line 3 (Bob): referred by 'Alice', who was referred through them; left out",
        "warning: line 4 (Carol): referred by themselves; left out",
        "warning: line 5 (Dan): referred by 'Nobody Known', who is not a contact; left out",
    ]
    (alice,) = empty_store.contacts.find("Alice")
    (bob,) = empty_store.contacts.find("Bob")
    assert alice.referred_by_id == bob.id
    assert bob.referred_by_id is None
    empty_store.contacts.update(alice.id, ContactDraft(name="Alice", referred_by_id=bob.id))


def test_a_new_referrer_on_someone_already_there_is_an_update(empty_store: Store) -> None:
    empty_store.contacts.create(ContactDraft(name="Alice"))
    empty_store.contacts.create(ContactDraft(name="Bob"))
    dry = merge(empty_store, person(2, "Bob", referred_by="Alice"), dry_run=True)
    assert dry[0] == "0 would be created, 1 would be updated, 0 already there, 0 skipped"
    assert merge(empty_store, person(2, "Bob", referred_by="Alice"))[0].startswith(
        "0 created, 1 updated"
    )
    again = merge(empty_store, person(2, "Bob", referred_by="Alice"))
    assert again[0].startswith("0 created, 0 updated, 1 already there")


def test_someone_twice_in_a_file_is_updated_once(empty_store: Store) -> None:
    empty_store.contacts.create(ContactDraft(name="Ada", company="Engines"))
    report = empty_store.imports.merge(
        ReadResult(
            (
                person(2, "Ada", company="Engines", role="Analyst"),
                person(3, "Ada", company="Engines", email="ada@engines.example"),
            )
        )
    )
    assert report.updated == ["Ada"]
    (ada,) = empty_store.contacts.find("Ada")
    assert (ada.role, ada.email) == ("Analyst", "ada@engines.example")


def test_filling_thousands_of_contacts_is_one_quick_pass(empty_store: Store) -> None:
    people = [person(n, f"Person {n}", company=f"Co {n % 50}") for n in range(2, 3002)]
    merge(empty_store, *people)
    filled = [
        person(n, f"Person {n}", company=f"Co {n % 50}", email=f"p{n}@example.org")
        for n in range(2, 3002)
    ]
    report = empty_store.imports.merge(ReadResult(tuple(filled)))
    assert len(report.updated) == 3000
    hits = empty_store.search.search("p2999@example.org")
    assert [hit.title for hit in hits] == ["Person 2999"]


def test_new_companies_and_connection_dates_reach_new_and_known_people(
    empty_store: Store,
) -> None:
    """New rows are written after every row is read: a known person pointed at a company
    new in the file, and the connection dates of new and known people, all arrive."""
    url = "https://www.linkedin.com/in/grace"
    grace = empty_store.contacts.create(ContactDraft(name="Grace Hopper", linkedin_url=url))
    lines = merge(
        empty_store,
        person(2, "Ada Lovelace", company="Engines", connected_on=date(2021, 3, 4)),
        person(
            3, "Grace Hopper", company="US Navy", linkedin_url=url, connected_on=date(2022, 5, 6)
        ),
    )
    assert lines == ["1 created, 1 updated, 0 already there, 0 skipped, 2 new companies"]
    (ada,) = empty_store.contacts.find("Ada Lovelace")
    after = empty_store.contacts.get(grace.id)
    assert (ada.company_name, after.company_name) == ("Engines", "US Navy")
    for who, day in ((ada, date(2021, 3, 4)), (after, date(2022, 5, 6))):
        assert who.last_interaction_at is not None
        assert who.last_interaction_at.date() == day
        timeline = empty_store.activities.timeline(who.id)
        assert [(a.kind, a.at.date()) for a in timeline] == [(ActivityKind.CONNECTED, day)]
    assert [hit.title for hit in empty_store.search.search("navy")] == ["US Navy", "Grace Hopper"]


def test_an_index_entry_left_where_a_new_contact_goes_is_replaced(empty_store: Store) -> None:
    ada = empty_store.contacts.create(ContactDraft(name="Ada Lovelace"))
    with m.database.atomic():  # a stale entry at the id the next contact will get
        search.put("contact", ada.id + 1, "Ghost", "stale words")
    merge(empty_store, person(2, "Grace Hopper", company="US Navy"))
    (grace,) = empty_store.contacts.find("Grace Hopper")
    assert grace.id == ada.id + 1
    assert empty_store.search.search("stale") == []
    assert [hit.title for hit in empty_store.search.search("navy")] == ["US Navy", "Grace Hopper"]


def test_an_import_that_fails_at_the_last_step_writes_nothing(
    empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada = empty_store.contacts.create(ContactDraft(name="Ada Lovelace", company="Engines"))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search, "put_many", broken)  # after every other write
    people = [
        person(2, "Ada Lovelace", company="Engines", role="Analyst", connected_on=date(2020, 1, 1)),
        person(3, "Grace Hopper", company="US Navy"),
    ]
    with pytest.raises(RuntimeError):
        empty_store.imports.merge(ReadResult(tuple(people)))
    assert gc.isenabled()
    monkeypatch.undo()
    assert empty_store.contacts.get(ada.id) == ada
    assert empty_store.activities.timeline(ada.id) == []
    assert empty_store.contacts.find("Grace Hopper") == []
    assert empty_store.search.search("navy") == []


def test_an_import_leaves_the_garbage_collector_as_it_found_it(empty_store: Store) -> None:
    merge(empty_store, person(2, "Ada Lovelace"))
    assert gc.isenabled()
    gc.disable()
    try:
        merge(empty_store, person(2, "Grace Hopper"), dry_run=True)
        assert not gc.isenabled()
    finally:
        gc.enable()
