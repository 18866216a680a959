"""How a contact answered the first outreach: a booster, a slow responder, unresponsive, or
still to be judged. A pure function of the activity log and an explicit ``today``."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, date, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from informa.domain.business_days import business_days_between, holiday_set, local_day
from informa.domain.enums import ActivityKind

if TYPE_CHECKING:
    from informa.domain.model import Activity

BOOSTER_WITHIN = 3
"""A reply within this many business days of the outreach makes a contact a booster."""
UNRESPONSIVE_AFTER = 10
"""Business days without a reply before a contact counts as unresponsive (here, and the 3b7
cadence of the follow-up rules)."""
REPLIES = (ActivityKind.REPLY, ActivityKind.CALL)
"""What answers an outreach: a reply, or a call (a logged call counts as a reply)."""


class Responsiveness(StrEnum):
    """How a contact answered the first outreach (see ``responsiveness``)."""

    BOOSTER = "booster"
    SLOW = "slow"
    UNRESPONSIVE = "unresponsive"
    WAITING = "waiting"

    @property
    def label(self) -> str:
        return _RESPONSIVENESS_LABELS[self]


_RESPONSIVENESS_LABELS = {
    Responsiveness.BOOSTER: "Booster",
    Responsiveness.SLOW: "Slow responder",
    Responsiveness.UNRESPONSIVE: "Unresponsive",
    Responsiveness.WAITING: "Waiting",
}


def oldest_first(activities: Iterable[Activity]) -> list[Activity]:
    """The timeline, oldest first; ties in time keep the order they were logged in (by id)."""
    return sorted(activities, key=lambda a: (a.at.astimezone(UTC), a.id))


def responsiveness(
    activities: Iterable[Activity],
    holidays: Collection[date] = (),
    today: date | None = None,
    *,
    zone: tzinfo | None = None,
) -> Responsiveness | None:
    """How the contact answered their first outreach, from the activity log.

    The first outreach and the first reply after it (a logged call counts as a reply) are
    compared on local days (in ``zone``; None keeps each timestamp's own offset):

    * a reply within 3 business days: ``BOOSTER``;
    * a later reply: ``SLOW``;
    * no reply and ``today`` 10 or more business days after the outreach: ``UNRESPONSIVE``;
    * no reply yet, fewer days (or no ``today`` to judge by): ``WAITING``;
    * never reached out: None.
    """
    timeline = oldest_first(activities)
    first = next((i for i, a in enumerate(timeline) if a.kind is ActivityKind.OUTREACH), None)
    if first is None:
        return None
    sent = local_day(timeline[first].at, zone)
    off = holiday_set(holidays)
    reply = next((a for a in timeline[first + 1 :] if a.kind in REPLIES), None)
    if reply is not None:
        waited = business_days_between(sent, local_day(reply.at, zone), off)
        return Responsiveness.BOOSTER if waited <= BOOSTER_WITHIN else Responsiveness.SLOW
    if today is not None and business_days_between(sent, today, off) >= UNRESPONSIVE_AFTER:
        return Responsiveness.UNRESPONSIVE
    return Responsiveness.WAITING
