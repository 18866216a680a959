"""Follow-up rules: what to do next, with whom, and by when — the agenda.

Pure functions of a contact's record and an explicit ``now`` (an aware datetime): nothing here
reads the clock or the database. The store hands in one ``FollowUpInput`` per contact; the
rules hand back ``AgendaItem`` values (``informa.domain.agenda``, named here too).

Conventions the rules share:

* **Local days** and **business days** as ``informa.domain.business_days`` counts them: a
  timestamp counts on its local day in ``now.tzinfo``; "*n* business days after *d*" is the
  *n*-th business day strictly after *d*.
* **Due on the day.** A suggestion is due *on* the business day it becomes due (outreach Monday
  → "try a second contact" due Thursday) and stays on the agenda, overdue, until something is
  logged that settles it. ``agenda_for`` lists a suggestion before it is due, too; ``agenda``
  keeps what falls inside its horizon.
* **Closed or archived contacts** get nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from types import MappingProxyType

from informa.domain.agenda import (
    AHEAD_DAYS,
    AgendaItem,
    AgendaKind,
    day_label,
    group_by_day,
    show_day,
)
from informa.domain.business_days import add_business_days, local_day, roll_to_business_day
from informa.domain.clock import ensure_aware
from informa.domain.model import (
    Activity,
    ActivityKind,
    Contact,
    Interview,
    InterviewStatus,
    Stage,
)
from informa.domain.responsiveness import REPLIES, UNRESPONSIVE_AFTER, oldest_first

__all__ = [  # the agenda's values are named here too: the rules hand them out
    "ADVICE_NUDGE_WEEKS",
    "CADENCES",
    "CADENCE_3B7",
    "CADENCE_7_7",
    "FOLLOW_UP_AFTER",
    "NUDGE_EVERY",
    "SECOND_CONTACT_AFTER",
    "UNRESPONSIVE_AFTER",
    "AgendaItem",
    "AgendaKind",
    "FollowUpInput",
    "Rules",
    "agenda",
    "agenda_for",
    "day_label",
    "group_by_day",
]

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
NUDGE_EVERY = 7
"""7+7: business days between the outreach, the two nudges and the unresponsive mark."""
ADVICE_NUDGE_WEEKS = 3
"""Weeks after the last call before suggesting telling the contact what came of their advice."""


_FOLLOW_UPS = (ActivityKind.OUTREACH, ActivityKind.MESSAGE)
_NOTHING_SNOOZED: Mapping[str, date] = MappingProxyType({})


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
# The agenda


def agenda_for(item: FollowUpInput, *, now: datetime, rules: Rules) -> list[AgendaItem]:
    """Everything the rules suggest for one contact, due or not yet due, in agenda order.

    * **Call** for every call scheduled and not yet started, on its day (at its time); one
      whose time has passed and that was never started stays on the agenda, overdue.
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
    ctx = _Context(item, now, zone, rules, oldest_first(item.activities))
    found = [
        *_calls_ahead(ctx),
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
    horizon_days: int = AHEAD_DAYS,
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
        return local_day(at, self.zone)

    def show(self, day: date) -> str:
        return show_day(day, self.today)

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
        link: str = "",
    ) -> AgendaItem:
        return AgendaItem(
            kind,
            self.contact.id,
            self.contact.name,
            due,
            title,
            detail,
            interview_id,
            due_at,
            link,
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


def _calls_ahead(ctx: _Context) -> list[AgendaItem]:
    """Calls scheduled and not started yet, each due on its local day at its time. One whose
    time has passed stays, overdue, until it is started or cancelled."""
    items = []
    for interview in ctx.item.interviews:
        at = interview.scheduled_at
        if interview.status is not InterviewStatus.SCHEDULED or at is None:
            continue
        if interview.started_at is not None:
            continue
        local = at.astimezone(ctx.zone)
        link = " ".join(interview.link.split())
        if ctx.now > local:
            detail = f"was scheduled for {ctx.show_moment(local)} and never started"
        else:
            detail = f"scheduled for {ctx.show_moment(local)}"
        items.append(
            ctx.make(
                AgendaKind.CALL,
                local.date(),
                f"{local:%H:%M} call with {ctx.contact.name}",
                f"{detail}; {link}" if link else f"{detail}; no link yet",
                interview_id=interview.id,
                due_at=local,
                link=link,
            )
        )
    return items


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
    last_reply = max((i for i, a in enumerate(timeline) if a.kind in REPLIES), default=-1)
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
