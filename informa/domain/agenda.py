"""The agenda's items: one thing to do for one contact, due on a local day, and the day
headings they are listed under. The follow-up rules (``informa.domain.followup``) make them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from informa.domain.clock import ensure_aware
from informa.domain.wording import counted

AHEAD_DAYS = 7
"""How many days past today the review's agenda looks ahead."""


def agenda_title(horizon_days: int) -> str:
    """What an agenda up to ``horizon_days`` after today lists, as its title."""
    if horizon_days <= 0:
        return "Overdue and due today"
    if horizon_days == 1:
        return "Overdue, today and tomorrow"
    return f"Overdue, today and the next {counted(horizon_days, 'day')}"


class AgendaKind(StrEnum):
    """What an agenda item asks for. Declaration order is the order on a day's agenda."""

    CALL = "call"
    THANK_YOU = "thank_you"
    SECOND_CONTACT = "second_contact"
    FOLLOW_UP = "follow_up"
    UNRESPONSIVE = "unresponsive"
    CHECK_IN = "check_in"
    ADVICE_UPDATE = "advice_update"
    NEXT_ACTION = "next_action"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def order(self) -> int:
        return list(AgendaKind).index(self)


_KIND_LABELS = {
    AgendaKind.CALL: "Call",
    AgendaKind.THANK_YOU: "Thank-you",
    AgendaKind.SECOND_CONTACT: "Second contact",
    AgendaKind.FOLLOW_UP: "Follow-up",
    AgendaKind.UNRESPONSIVE: "Unresponsive",
    AgendaKind.CHECK_IN: "Check-in",
    AgendaKind.ADVICE_UPDATE: "Advice update",
    AgendaKind.NEXT_ACTION: "Next action",
}


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing to do for one contact, due on a local day."""

    kind: AgendaKind
    contact_id: int
    contact_name: str
    due: date
    """The local day it is due."""
    title: str
    """Short and imperative: "Send a thank-you to Maya Okafor"."""
    detail: str
    """One line of why: "call ended Fri 20 Nov 15:30; due within 24 h"."""
    interview_id: int | None = None
    due_at: datetime | None = None
    """The exact moment it falls due, for rules that have one (the thank-you, a call's
    start); else None."""
    link: str = ""
    """A call's link (video, phone), when the item is a call that has one."""

    @property
    def key(self) -> str:
        """A stable id for snoozing: ``kind:contact_id:interview_id`` when the item comes from a
        call, else ``kind:contact_id:due`` (ISO day).

        The due day is computed from the triggering event alone (the outreach and the nudges,
        the last interaction, the call, the date the user set), never from today, so the same
        item computed tomorrow has the same key, and a new event (a nudge, an interaction, a
        new due date) makes a new item. Changing the rules (cadence, holidays, check-in weeks)
        moves due days, and so lets a snooze on the old item lapse.
        """
        ref = str(self.interview_id) if self.interview_id is not None else self.due.isoformat()
        return f"{self.kind}:{self.contact_id}:{ref}"

    def is_overdue(self, today: date) -> bool:
        """Due on a day before ``today`` (a local day)."""
        return self.due < today

    def is_overdue_at(self, now: datetime) -> bool:
        """Past its exact moment when it has one (a thank-you is overdue the minute its
        24 hours are up); otherwise due on a day before ``now``'s day."""
        if self.due_at is not None:
            return ensure_aware(now) > self.due_at
        return self.is_overdue(now.date())

    @property
    def sort_key(self) -> tuple[date, int, datetime, str, int, datetime, str]:
        """The agenda's order: due day, kind, (calls by their time,) name (case-folded), then
        contact id, exact moment and key, so that equal-looking items still sort the same way
        every time."""
        moment = self.due_at.astimezone(UTC) if self.due_at is not None else _FAR
        return (
            self.due,
            self.kind.order,
            moment if self.kind is AgendaKind.CALL else _FAR,
            self.contact_name.casefold(),
            self.contact_id,
            moment,
            self.key,
        )


_FAR = datetime.max.replace(tzinfo=UTC)


def group_by_day(items: Iterable[AgendaItem], today: date) -> list[tuple[str, list[AgendaItem]]]:
    """Items under day headings, in agenda order: "Overdue" (due before today), "Today",
    "Tomorrow", then one heading per later day ("Thu 26 Nov"; the year is added when it is
    not today's). Empty headings are left out."""
    groups: dict[str, list[AgendaItem]] = {}
    for agenda_item in sorted(items, key=lambda one: one.sort_key):
        groups.setdefault(day_label(agenda_item.due, today), []).append(agenda_item)
    return list(groups.items())


def day_label(day: date, today: date) -> str:
    """The agenda heading for ``day``: "Overdue", "Today", "Tomorrow" or "Thu 26 Nov"."""
    if day < today:
        return "Overdue"
    if day == today:
        return "Today"
    if day == today + timedelta(days=1):
        return "Tomorrow"
    return show_day(day, today)


def show_day(day: date, today: date) -> str:
    """'Thu 26 Nov', with the year when it is not today's: 'Fri 1 Jan 2027'."""
    shown = f"{day:%a} {day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"
