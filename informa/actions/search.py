"""Full-text search, each hit resolved to what opening it shows.

The store's index finds notes, research, contacts and companies; :func:`find` turns each hit
into a :class:`SearchTarget`: the contact to show (for a company, its first person by name,
archived ones last) and, for an interview, whether it has ended (its debrief opens too).

Blocking: call it from a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from informa.domain.errors import NotFoundError
from informa.domain.model import SearchHit

if TYPE_CHECKING:
    from informa.actions.handle import Store

MAX_RESULTS = 20


@dataclass(frozen=True, slots=True)
class SearchTarget:
    """What opening a hit shows: the contact ``contact_id`` (``None``: a company without
    contacts yet) and, for an interview that has ended (``ended``), its debrief."""

    kind: str
    ref_id: int
    contact_id: int | None
    title: str = ""
    ended: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    hit: SearchHit
    target: SearchTarget


def find(store: Store, text: str, limit: int = MAX_RESULTS) -> list[Found]:
    """Search, and resolve each hit to the contact it opens, best first; hits deleted since
    they were indexed (by another informa) are left out."""
    found: list[Found] = []
    for hit in store.search.search(text, limit):
        try:
            target = _target(store, hit)
        except NotFoundError:
            continue  # deleted since it was indexed (another informa)
        found.append(Found(hit, target))
    return found


def _target(store: Store, hit: SearchHit) -> SearchTarget:
    if hit.kind == "interview":
        interview = store.interviews.get(hit.ref_id)
        return SearchTarget(
            hit.kind,
            hit.ref_id,
            interview.contact_id,
            hit.title,
            ended=interview.ended_at is not None,
        )
    if hit.kind == "company":
        people = [c for c in store.contacts.lookup(hit.title, 100) if c.company_id == hit.ref_id]
        people.sort(key=lambda contact: contact.archived)  # by name, the archived last
        return SearchTarget(hit.kind, hit.ref_id, people[0].id if people else None, hit.title)
    return SearchTarget(hit.kind, hit.ref_id, hit.ref_id, hit.title)
