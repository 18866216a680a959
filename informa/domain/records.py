"""What the exports and the review read, as values: a ``Snapshot`` of everything (the
exports) and the ``Records`` the follow-up rules and the progress figures run over."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from informa.domain import model as d
from informa.domain.agenda import AHEAD_DAYS
from informa.domain.followup import AgendaItem, FollowUpInput, Rules, agenda


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every company, contact, interview (with its plan) and activity, read at one moment.

    Contacts are in name order, interviews by contact then time, activities by time.
    """

    companies: tuple[d.Company, ...]
    contacts: tuple[d.Contact, ...]
    interviews: tuple[d.Interview, ...]
    activities: tuple[d.Activity, ...]
    pitch: d.PitchCard

    def interviews_of(self, contact_id: int) -> list[d.Interview]:
        return [item for item in self.interviews if item.contact_id == contact_id]


@dataclass(frozen=True, slots=True)
class Records:
    """Every contact (archived ones included) with their timeline and interviews."""

    contacts: tuple[d.Contact, ...]
    activities: dict[int, tuple[d.Activity, ...]]
    interviews: dict[int, tuple[d.Interview, ...]]
    industries: dict[int, str]
    """Company id → industry."""
    snoozed: dict[str, date]
    """Agenda item keys put off, and the day each comes back."""

    def inputs(self) -> list[FollowUpInput]:
        return [
            FollowUpInput(
                contact,
                self.activities.get(contact.id, ()),
                self.interviews.get(contact.id, ()),
                contact.check_in_weeks,
            )
            for contact in self.contacts
        ]

    def agenda(
        self, *, now: datetime, rules: Rules, horizon_days: int = AHEAD_DAYS
    ) -> list[AgendaItem]:
        """What is due or overdue, up to ``horizon_days`` ahead, snoozed items left out."""
        return agenda(
            self.inputs(), now=now, rules=rules, snoozed=self.snoozed, horizon_days=horizon_days
        )
