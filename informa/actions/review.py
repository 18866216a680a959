"""Between calls: reading what the review shows, and logging what was done for an item of
the agenda.

Each function blocks on the database: call it from a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from informa.domain.agenda import AHEAD_DAYS
from informa.domain.enums import ActivityKind

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.followup import AgendaItem, Rules
    from informa.domain.records import Records


@dataclass(frozen=True, slots=True)
class Review:
    """Every record, and what is due or overdue now by the user's rules."""

    records: Records
    agenda: list[AgendaItem]
    now: datetime


def load_review(store: Store, rules: Rules) -> Review:
    """Everything, read in one go, and the agenda it makes at the store's clock's now."""
    records, now = store.followups.records(), store.clock()
    return Review(records, records.agenda(now=now, rules=rules, horizon_days=AHEAD_DAYS), now)


def log_done(
    store: Store, item: AgendaItem, kind: ActivityKind, *, at: datetime, detail: str
) -> None:
    """Record what the user did about agenda ``item``: a thank-you for a call marks that
    call's thank-you sent; anything else is an activity of the item's contact."""
    if kind is ActivityKind.THANK_YOU and item.interview_id is not None:
        store.interviews.mark_thank_you_sent(item.interview_id, at=at, detail=detail)
    else:
        store.activities.log(item.contact_id, kind, at=at, detail=detail)
