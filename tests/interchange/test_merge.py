"""How an import decides who is who: the matching rules of ``store.imports``."""

from __future__ import annotations

from datetime import date

from informa.domain.incoming import IncomingContact, ReadResult
from informa.domain.model import ContactDraft
from informa.store import Store


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
    assert alice.referred_by_id == bob.id and bob.referred_by_id is None
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
