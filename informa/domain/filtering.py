"""Filter-as-you-type over contacts: every word typed must match name, company, role, tags or
email. A word matches as a substring; when no contact matches that way, near misses count too
(typos: "okafr" still finds Okafor), scored by rapidfuzz."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from informa.domain.model import Contact

FUZZY_CUTOFF = 80


def haystack(contact: Contact) -> str:
    parts = (
        contact.name,
        contact.company_name,
        contact.role,
        " ".join(contact.tags),
        contact.email,
    )
    return " ".join(part for part in parts if part).casefold()


class ContactMatcher:
    """Prepared once per list, then asked once per keystroke."""

    def __init__(self, contacts: Sequence[Contact]) -> None:
        self.contacts = list(contacts)

    @cached_property
    def _haystacks(self) -> list[str]:
        """Built at the first keystroke, not with the list: a stage switch need not pay."""
        return [haystack(contact) for contact in self.contacts]

    def filter(self, query: str) -> list[Contact]:
        """The contacts matching ``query``, in their original order."""
        words = query.casefold().split()
        if not words:
            return list(self.contacts)
        candidates: list[int] = list(range(len(self.contacts)))
        for word in words:
            hits = [index for index in candidates if word in self._haystacks[index]]
            if not hits and len(word) >= 3:
                hits = self._fuzzy(word, candidates)
            candidates = hits
            if not candidates:
                break
        return [self.contacts[index] for index in candidates]

    def _fuzzy(self, word: str, candidates: Sequence[int]) -> list[int]:
        choices = {index: self._haystacks[index] for index in candidates}
        from rapidfuzz import fuzz, process  # only a typo needs it: kept off start-up

        found = process.extract(
            word, choices, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return sorted(key for _, _, key in found)
