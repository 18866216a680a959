"""The user's pitch card: stored once, shown on the prepare and call screens."""

from __future__ import annotations

from informa.domain.model import PitchCard
from informa.domain.validate import MAX_TEXT
from informa.store import models as m
from informa.store.base import Service, reads, writes


def _row() -> m.Profile:
    row = m.Profile.get_or_none(m.Profile.id == 1)
    return row if row is not None else m.Profile.create(id=1)


class ProfileService(Service):
    @reads
    def pitch(self) -> PitchCard:
        row = m.Profile.get_or_none(m.Profile.id == 1)
        if row is None:
            return PitchCard()
        return PitchCard(background=row.background, goals=row.goals, skills=row.skills)

    @writes
    def save_pitch(self, card: PitchCard) -> PitchCard:
        row = _row()
        row.background = card.background.strip()[:MAX_TEXT]
        row.goals = card.goals.strip()[:MAX_TEXT]
        row.skills = card.skills.strip()[:MAX_TEXT]
        row.updated_at = self.now()
        row.save()
        return PitchCard(background=row.background, goals=row.goals, skills=row.skills)
