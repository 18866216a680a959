"""Follow-up rules: what to do next, with whom, and by when — the agenda.

Pure functions of a contact's record and an explicit ``now`` (an aware datetime): nothing here
reads the clock or the database. The store hands in one ``FollowUpInput`` per contact; the
rules hand back ``AgendaItem`` values.

Conventions the rules share:

* **Local days.** Timestamps are aware (the store keeps UTC). Every rule that counts days first
  turns a timestamp into the local day in ``now.tzinfo``: a reply at 23:30 UTC can be the next
  day in Berlin.
* **Business days** are Monday to Friday, except the configured holidays. "*n* business days
  after *d*" is the *n*-th business day strictly after *d*, whatever *d* itself is: an outreach
  on Friday or Saturday plus 1 is Monday; plus 0 is the day itself.
* **Due on the day.** A suggestion is due *on* the business day it becomes due (outreach Monday
  → "try a second contact" due Thursday) and stays on the agenda, overdue, until something is
  logged that settles it. ``agenda_for`` lists a suggestion before it is due, too; ``agenda``
  keeps what falls inside its horizon.
* **Closed or archived contacts** get nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from types import MappingProxyType

from informa.domain.clock import ensure_aware
from informa.domain.model import (
    Activity,
    ActivityKind,
    Contact,
    Interview,
    InterviewStatus,
    Stage,
)

CADENCE_3B7 = "3b7"
"""Second contact at the company after 3 business days, follow-up after 7, unresponsive
after 10 (all counted from the first outreach)."""
CADENCE_7_7 = "7+7"
"""A nudge after 7 business days, a second one 7 after that, unresponsive 7 after that."""
CADENCES = (CADENCE_3B7, CADENCE_7_7)

SECOND_CONTACT_AFTER = 3
"""3b7: business days without a reply before trying a second person at the company."""
FOLLOW_UP_AFTER = 7
"""3b7: business days without a reply before following up with the first contact."""
UNRESPONSIVE_AFTER = 10
"""Business days without a reply before a contact counts as unresponsive (3b7, and the
responsiveness classes)."""
NUDGE_EVERY = 7
"""7+7: business days between the outreach, the two nudges and the unresponsive mark."""
BOOSTER_WITHIN = 3
"""A reply within this many business days of the outreach makes a contact a booster."""
ADVICE_NUDGE_WEEKS = 3
"""Weeks after the last call before suggesting telling the contact what came of their advice."""

_WEEKEND = (5, 6)  # date.weekday(): Saturday, Sunday
_REPLIES = (ActivityKind.REPLY, ActivityKind.CALL)
_FOLLOW_UPS = (ActivityKind.OUTREACH, ActivityKind.MESSAGE)
_NOTHING_SNOOZED: Mapping[str, date] = MappingProxyType({})


# ---------------------------------------------------------------------------------------------
# Business days


def _holiday_set(holidays: Collection[date]) -> AbstractSet[date]:
    return holidays if isinstance(holidays, AbstractSet) else frozenset(holidays)


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Monday to Friday, and not one of ``holidays``."""
    return day.weekday() not in _WEEKEND and day not in _holiday_set(holidays)


def add_business_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """The ``days``-th business day after ``start`` (before it, for a negative ``days``).

    ``start`` itself never counts, business day or not: Friday + 1 is Monday, Saturday + 1 is
    Monday, Sunday + 3 is Wednesday, a holiday in between is stepped over. ``days == 0``
    returns ``start`` unchanged (even on a weekend). For ``days >= 0``,
    ``business_days_between(start, add_business_days(start, days)) == days``.
    """
    off = _holiday_set(holidays)
    step = timedelta(days=1 if days >= 0 else -1)
    day, left = start, abs(days)
    while left:
        day += step
        if is_business_day(day, off):
            left -= 1
    return day


def business_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """How many business days there are after ``start``, up to and including ``end``.

    ``start`` itself never counts; 0 when ``end <= start``. Monday → Thursday is 3,
    Friday → Monday is 1, Saturday → Sunday is 0.
    """
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * 5  # every run of 7 consecutive days holds 5 weekdays
    count += sum(
        1 for offset in range(1, rest + 1) if (start + timedelta(offset)).weekday() not in _WEEKEND
    )
    count -= sum(
        1 for day in _holiday_set(holidays) if start < day <= end and day.weekday() not in _WEEKEND
    )
    return count


def roll_to_business_day(day: date, holidays: Collection[date] = ()) -> date:
    """``day`` if it is a business day, else the next business day."""
    off = _holiday_set(holidays)
    while not is_business_day(day, off):
        day += timedelta(days=1)
    return day


# ---------------------------------------------------------------------------------------------
# Values


class AgendaKind(StrEnum):
    """What an agenda item asks for. Declaration order is the order on a day's agenda."""

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
    AgendaKind.THANK_YOU: "Thank-you",
    AgendaKind.SECOND_CONTACT: "Second contact",
    AgendaKind.FOLLOW_UP: "Follow-up",
    AgendaKind.UNRESPONSIVE: "Unresponsive",
    AgendaKind.CHECK_IN: "Check-in",
    AgendaKind.ADVICE_UPDATE: "Advice update",
    AgendaKind.NEXT_ACTION: "Next action",
}


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
    """The exact moment it falls due, for rules that have one (the thank-you); else None."""

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
    def sort_key(self) -> tuple[date, int, str, int, datetime, str]:
        """The agenda's order: due day, kind, name (case-folded), then contact id, exact moment
        and key, so that equal-looking items still sort the same way every time."""
        moment = self.due_at.astimezone(UTC) if self.due_at is not None else _FAR
        return (
            self.due,
            self.kind.order,
            self.contact_name.casefold(),
            self.contact_id,
            moment,
            self.key,
        )


_FAR = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class FollowUpInput:
    """What the store hands in for one contact."""

    contact: Contact
    activities: tuple[Activity, ...]
    """The contact's timeline, in any order."""
    interviews: tuple[Interview, ...]
    check_in_weeks: int | None = None
    """Per-contact override of ``Rules.check_in_weeks``; None uses the setting."""

    def __post_init__(self) -> None:
        if self.check_in_weeks is not None and self.check_in_weeks < 1:
            raise ValueError(f"check_in_weeks must be at least 1, not {self.check_in_weeks}")


@dataclass(frozen=True, slots=True)
class Rules:
    """The user's follow-up settings (``settings.yaml``: ``follow_up_cadence``,
    ``thank_you_hours``, ``check_in_weeks``, ``holidays`` — pass ``frozenset(holidays)``)."""

    cadence: str = CADENCE_3B7
    thank_you_hours: int = 24
    check_in_weeks: int = 8
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.cadence not in CADENCES:
            raise ValueError(f"unknown cadence {self.cadence!r}: use one of {', '.join(CADENCES)}")
        if self.thank_you_hours < 1:
            raise ValueError(f"thank_you_hours must be at least 1, not {self.thank_you_hours}")
        if self.check_in_weeks < 1:
            raise ValueError(f"check_in_weeks must be at least 1, not {self.check_in_weeks}")


# ---------------------------------------------------------------------------------------------
# Responsiveness


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
    timeline = _ordered(activities)
    first = next((i for i, a in enumerate(timeline) if a.kind is ActivityKind.OUTREACH), None)
    if first is None:
        return None
    sent = _day(timeline[first].at, zone)
    off = _holiday_set(holidays)
    reply = next((a for a in timeline[first + 1 :] if a.kind in _REPLIES), None)
    if reply is not None:
        waited = business_days_between(sent, _day(reply.at, zone), off)
        return Responsiveness.BOOSTER if waited <= BOOSTER_WITHIN else Responsiveness.SLOW
    if today is not None and business_days_between(sent, today, off) >= UNRESPONSIVE_AFTER:
        return Responsiveness.UNRESPONSIVE
    return Responsiveness.WAITING


# ---------------------------------------------------------------------------------------------
# The agenda


def agenda_for(item: FollowUpInput, *, now: datetime, rules: Rules) -> list[AgendaItem]:
    """Everything the rules suggest for one contact, due or not yet due, in agenda order.

    * **Thank-you** for every call (a finished interview, or a call logged by hand) not yet
      marked sent — ``Interview.thank_you_sent_at``, or a thank-you logged at or after the
      call's end. Due ``thank_you_hours`` real hours after the call ends (daylight-saving
      changes do not stretch it); overdue the moment after.
    * **No reply** to an outreach: one suggestion from the cadence (see ``_no_reply``).
    * **Check-in** for contacts "In touch", every N weeks from the last interaction.
    * **Advice update** ``ADVICE_NUDGE_WEEKS`` after the last call, unless something other
      than the thank-you was logged since.
    * **Next action** the user dated.

    Closed or archived contacts get nothing.
    """
    contact = item.contact
    if contact.stage is Stage.CLOSED or contact.archived:
        return []
    zone = ensure_aware(now).tzinfo
    assert zone is not None
    ctx = _Context(item, now, zone, rules, _ordered(item.activities))
    found = [
        *_thank_yous(ctx),
        *_no_reply(ctx),
        *_check_in(ctx),
        *_advice_update(ctx),
        *_next_action(ctx),
    ]
    return sorted(found, key=lambda agenda_item: agenda_item.sort_key)


def agenda(
    inputs: Iterable[FollowUpInput],
    *,
    now: datetime,
    rules: Rules,
    snoozed: Mapping[str, date] = _NOTHING_SNOOZED,
    horizon_days: int = 7,
) -> list[AgendaItem]:
    """The agenda: every item due up to ``horizon_days`` after today (overdue included), less
    those snoozed until a day after today (a snooze "until Thursday" shows the item again on
    Thursday), sorted by due day, then kind (``AgendaKind`` order), then name."""
    if horizon_days < 0:
        raise ValueError(f"horizon_days must not be negative, not {horizon_days}")
    today = ensure_aware(now).date()
    last = today + timedelta(days=horizon_days)
    items = [
        agenda_item
        for one in inputs
        for agenda_item in agenda_for(one, now=now, rules=rules)
        if agenda_item.due <= last and snoozed.get(agenda_item.key, today) <= today
    ]
    return sorted(items, key=lambda agenda_item: agenda_item.sort_key)


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
    return _show_day(day, today)


# ---------------------------------------------------------------------------------------------
# The rules, one function each


@dataclass(frozen=True, slots=True)
class _Context:
    item: FollowUpInput
    now: datetime
    zone: tzinfo
    rules: Rules
    timeline: Sequence[Activity]
    """The activities, oldest first."""

    @property
    def contact(self) -> Contact:
        return self.item.contact

    @property
    def today(self) -> date:
        return self.now.date()

    def day(self, at: datetime) -> date:
        return _day(at, self.zone)

    def show(self, day: date) -> str:
        return _show_day(day, self.today)

    def show_moment(self, at: datetime) -> str:
        local = at.astimezone(self.zone)
        return f"{self.show(local.date())} {local:%H:%M}"

    def make(
        self,
        kind: AgendaKind,
        due: date,
        title: str,
        detail: str,
        *,
        interview_id: int | None = None,
        due_at: datetime | None = None,
    ) -> AgendaItem:
        return AgendaItem(
            kind, self.contact.id, self.contact.name, due, title, detail, interview_id, due_at
        )


@dataclass(frozen=True, slots=True)
class _Call:
    ended_at: datetime
    interview: Interview | None


def _calls(ctx: _Context) -> list[_Call]:
    """Finished calls, oldest first: interviews that ended (not cancelled), and calls logged by
    hand. The call activity the store logs when an interview ends (at its end) is that
    interview, not a second call."""
    calls = [
        _Call(interview.ended_at, interview)
        for interview in ctx.item.interviews
        if interview.ended_at is not None and interview.status is not InterviewStatus.CANCELLED
    ]
    ends = {call.ended_at for call in calls}
    calls += [
        _Call(activity.at, None)
        for activity in ctx.timeline
        if activity.kind is ActivityKind.CALL and activity.at not in ends
    ]
    return sorted(calls, key=lambda call: (call.ended_at, call.interview is None))


def _thank_yous(ctx: _Context) -> list[AgendaItem]:
    hours = ctx.rules.thank_you_hours
    thanked = [a.at for a in ctx.timeline if a.kind is ActivityKind.THANK_YOU]
    items = []
    for call in _calls(ctx):
        if call.interview is not None and call.interview.thank_you_sent_at is not None:
            continue
        if any(at >= call.ended_at for at in thanked):
            continue
        # Real hours: add in UTC, then show in the local zone (a DST change does not count).
        due_at = (call.ended_at.astimezone(UTC) + timedelta(hours=hours)).astimezone(ctx.zone)
        ended = ctx.show_moment(call.ended_at)
        if ctx.now > due_at:
            detail = f"call ended {ended}; overdue since {ctx.show_moment(due_at)}"
        else:
            detail = f"call ended {ended}; due within {hours} h"
        items.append(
            ctx.make(
                AgendaKind.THANK_YOU,
                due_at.date(),
                f"Send a thank-you to {ctx.contact.name}",
                detail,
                interview_id=call.interview.id if call.interview is not None else None,
                due_at=due_at,
            )
        )
    return items


@dataclass(frozen=True, slots=True)
class _Step:
    kind: AgendaKind
    due: date
    done: bool
    title: str
    detail: str


def _no_reply(ctx: _Context) -> list[AgendaItem]:
    """At most one suggestion for an outreach nobody answered.

    The outreach counted from is the first one after the last reply or call (so a new round of
    outreach after an old conversation starts a new clock); a reply, a call (logged, or an
    interview started since, or one scheduled), or a stage past "Reached out" ends it. Later
    outreach or message activities are the follow-ups (nudges) the user sent.

    * ``3b7``: second contact at the company on business day 3 (only with a company), follow-up
      on day 7 (settled by any follow-up already sent), unresponsive on day 10 — all counted
      from the first outreach.
    * ``7+7``: a nudge on day 7, a second nudge 7 business days after the first (as logged;
      day 14 if none was logged), unresponsive 7 after the second (day 21 if none).

    The step listed is the most advanced one whose day has come, if it is still to do; when it
    is done (the follow-up was sent), the next step to come is listed instead, and before the
    first day comes, the first step is listed as upcoming.
    """
    contact = ctx.contact
    if contact.stage.position > Stage.REACHED_OUT.position:
        return []
    if any(
        interview.status in (InterviewStatus.SCHEDULED, InterviewStatus.IN_PROGRESS)
        for interview in ctx.item.interviews
    ):
        return []
    timeline = ctx.timeline
    last_reply = max((i for i, a in enumerate(timeline) if a.kind in _REPLIES), default=-1)
    anchor = next(
        (
            i
            for i in range(last_reply + 1, len(timeline))
            if timeline[i].kind is ActivityKind.OUTREACH
        ),
        None,
    )
    if anchor is None:
        return []
    outreach_at = timeline[anchor].at
    if any(
        interview.started_at is not None
        and interview.started_at > outreach_at
        and interview.status is not InterviewStatus.CANCELLED
        for interview in ctx.item.interviews
    ):
        return []
    sent = ctx.day(outreach_at)
    nudges = [ctx.day(a.at) for a in timeline[anchor + 1 :] if a.kind in _FOLLOW_UPS]
    off = ctx.rules.holidays
    name = contact.name
    since = f"no reply to the outreach on {ctx.show(sent)}"

    def after(days: int, start: date = sent) -> date:
        return add_business_days(start, days, off)

    steps: list[_Step] = []
    if ctx.rules.cadence == CADENCE_3B7:
        company = contact.company_name.strip()
        if company or contact.company_id is not None:
            steps.append(
                _Step(
                    AgendaKind.SECOND_CONTACT,
                    after(SECOND_CONTACT_AFTER),
                    False,
                    f"Try a second contact at {company or name + '’s company'}",
                    f"{since} from {name} after {SECOND_CONTACT_AFTER} business days",
                )
            )
        steps.append(
            _Step(
                AgendaKind.FOLLOW_UP,
                after(FOLLOW_UP_AFTER),
                bool(nudges),
                f"Follow up with {name}",
                f"{since} after {FOLLOW_UP_AFTER} business days",
            )
        )
        steps.append(
            _Step(
                AgendaKind.UNRESPONSIVE,
                after(UNRESPONSIVE_AFTER),
                False,
                f"Mark {name} as unresponsive",
                f"{since} after {UNRESPONSIVE_AFTER} business days",
            )
        )
    else:
        first_due = after(NUDGE_EVERY)
        first = nudges[0] if nudges else first_due
        second_due = after(NUDGE_EVERY, first)
        second = nudges[1] if len(nudges) > 1 else second_due
        if nudges:
            second_why = f"no reply to the nudge on {ctx.show(first)} after {NUDGE_EVERY}"
        else:
            second_why = f"{since} after {2 * NUDGE_EVERY}"
        if len(nudges) > 1:
            last_why = f"no reply to the second nudge on {ctx.show(second)} after {NUDGE_EVERY}"
        elif nudges:
            last_why = f"no reply to the nudge on {ctx.show(first)} after {2 * NUDGE_EVERY}"
        else:
            last_why = f"{since} after {3 * NUDGE_EVERY}"
        steps += [
            _Step(
                AgendaKind.FOLLOW_UP,
                first_due,
                bool(nudges),
                f"Follow up with {name}",
                f"{since} after {NUDGE_EVERY} business days",
            ),
            _Step(
                AgendaKind.FOLLOW_UP,
                second_due,
                len(nudges) > 1,
                f"Follow up once more with {name}",
                f"{second_why} business days",
            ),
            _Step(
                AgendaKind.UNRESPONSIVE,
                after(NUDGE_EVERY, second),
                False,
                f"Mark {name} as unresponsive",
                f"{last_why} business days",
            ),
        ]
    step = _current_step(steps, ctx.today)
    if step is None:
        return []
    return [ctx.make(step.kind, step.due, step.title, step.detail)]


def _current_step(steps: list[_Step], today: date) -> _Step | None:
    ordered = sorted(steps, key=lambda step: step.due)  # stable: ties keep the cadence order
    reached = [step for step in ordered if step.due <= today]
    if reached and not reached[-1].done:
        return reached[-1]
    return next((step for step in ordered if step.due > today and not step.done), None)


def _last_interaction(ctx: _Context) -> datetime | None:
    """The latest interaction of any kind: an activity that is not a stage change or a note
    (``ActivityKind.is_interaction``), a call's end, a thank-you marked sent, or the contact's
    own ``last_interaction_at``."""
    moments = [a.at for a in ctx.timeline if a.kind.is_interaction]
    moments += [call.ended_at for call in _calls(ctx)]
    moments += [
        interview.thank_you_sent_at
        for interview in ctx.item.interviews
        if interview.thank_you_sent_at is not None
    ]
    if ctx.contact.last_interaction_at is not None:
        moments.append(ctx.contact.last_interaction_at)
    return max(moments, default=None)


def _check_in(ctx: _Context) -> list[AgendaItem]:
    """Contacts "In touch" get a check-in every N weeks (the contact's own ``check_in_weeks``,
    else the setting) after the last interaction — or after they were added, if nothing was
    ever logged — rolled forward to a business day. Logging any interaction restarts it."""
    contact = ctx.contact
    if contact.stage is not Stage.IN_TOUCH:
        return []
    weeks = ctx.item.check_in_weeks or ctx.rules.check_in_weeks
    last = _last_interaction(ctx)
    since = ctx.day(last if last is not None else contact.created_at)
    due = roll_to_business_day(since + timedelta(weeks=weeks), ctx.rules.holidays)
    what = "last interaction" if last is not None else "added"
    every = "every week" if weeks == 1 else f"every {weeks} weeks"
    return [
        ctx.make(
            AgendaKind.CHECK_IN,
            due,
            f"Check in with {contact.name}",
            f"{what} {ctx.show(since)}; {every}",
        )
    ]


def _advice_update(ctx: _Context) -> list[AgendaItem]:
    """``ADVICE_NUDGE_WEEKS`` after the last call (rolled forward to a business day): tell the
    contact what you did with their advice — unless an interaction other than the thank-you
    was logged after the call."""
    calls = _calls(ctx)
    if not calls:
        return []
    call = calls[-1]
    if any(
        a.at > call.ended_at and a.kind.is_interaction and a.kind is not ActivityKind.THANK_YOU
        for a in ctx.timeline
    ):
        return []
    day = ctx.day(call.ended_at)
    due = roll_to_business_day(day + timedelta(weeks=ADVICE_NUDGE_WEEKS), ctx.rules.holidays)
    return [
        ctx.make(
            AgendaKind.ADVICE_UPDATE,
            due,
            f"Tell {ctx.contact.name} what you did with their advice",
            f"call on {ctx.show(day)}; nothing logged since but the thank-you",
            interview_id=call.interview.id if call.interview is not None else None,
        )
    ]


def _next_action(ctx: _Context) -> list[AgendaItem]:
    """The next action the user set, on the day they set (only when it has a date)."""
    contact = ctx.contact
    if contact.next_action_due is None:
        return []
    text = " ".join(contact.next_action.split())
    title = f"{text} — {contact.name}" if text else f"Next action for {contact.name}"
    return [
        ctx.make(
            AgendaKind.NEXT_ACTION,
            contact.next_action_due,
            title,
            f"your next action, due {ctx.show(contact.next_action_due)}",
        )
    ]


# ---------------------------------------------------------------------------------------------
# Helpers


def _ordered(activities: Iterable[Activity]) -> list[Activity]:
    """Oldest first; ties in time keep the order they were logged in (by id)."""
    return sorted(activities, key=lambda a: (a.at.astimezone(UTC), a.id))


def _day(at: datetime, zone: tzinfo | None) -> date:
    return (ensure_aware(at).astimezone(zone) if zone is not None else at).date()


def _show_day(day: date, today: date) -> str:
    """'Thu 26 Nov', with the year when it is not today's: 'Fri 1 Jan 2027'."""
    shown = f"{day:%a} {day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"
