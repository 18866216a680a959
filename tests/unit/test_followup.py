"""Follow-up rules, as tables, at a fixed clock: Friday 20 November 2026, 15:30 UTC.

November 2026: Mon 16, Thu 19, Fri 20, Mon 23, Thu 26 (a holiday in some rows), Mon 30.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from informa.domain.agenda import AgendaItem, AgendaKind, day_label, group_by_day
from informa.domain.followup import ADVICE_NUDGE_WEEKS, FollowUpInput, Rules, agenda, agenda_for
from informa.domain.model import (
    Activity,
    ActivityKind,
    Consent,
    Contact,
    Interview,
    InterviewStatus,
    Source,
    Stage,
)
from informa.domain.responsiveness import Responsiveness, responsiveness
from tests.builders import NOW, make_contact

TODAY = NOW.date()
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
THANKSGIVING = date(2026, 11, 26)
K = AgendaKind

_ids = itertools.count(1)


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(text: str, hour: int = 10, minute: int = 0, tz: ZoneInfo | None = None) -> datetime:
    """``at("2026-11-16")``: 10:00 UTC that day (or wall-clock time in ``tz``)."""
    day = d(text)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz or UTC)


def noon(text: str) -> datetime:
    return at(text, 12)


ADDED = at("2026-09-01")  # a Tuesday
CALL_ENDED = at("2026-11-20", 15, 30)


def contact(**fields: Any) -> Contact:
    """Maya Okafor, a data scientist at Acme found on LinkedIn, reached out to, added on
    ``ADDED`` (unless ``fields`` say otherwise)."""
    mine: dict[str, Any] = {
        "name": "Maya Okafor",
        "role": "Data scientist",
        "company": "Acme",
        "source": Source.LINKEDIN,
        "stage": Stage.REACHED_OUT,
        "created_at": ADDED,
    }
    return make_contact(**(mine | fields))


def act(kind: ActivityKind, when: datetime, contact_id: int = 1) -> Activity:
    return Activity(id=next(_ids), contact_id=contact_id, kind=kind, at=when, detail="")


def outreach(day: str, hour: int = 10) -> Activity:
    return act(ActivityKind.OUTREACH, at(day, hour))


def reply(day: str, hour: int = 10) -> Activity:
    return act(ActivityKind.REPLY, at(day, hour))


def message(day: str) -> Activity:
    return act(ActivityKind.MESSAGE, at(day))


def interview(
    *,
    id: int = 7,
    ended_at: datetime | None = CALL_ENDED,
    thank_you_sent_at: datetime | None = None,
    status: InterviewStatus = InterviewStatus.DONE,
    started_at: datetime | None = None,
) -> Interview:
    return Interview(
        id=id,
        contact_id=1,
        contact_name="Maya Okafor",
        status=status,
        scheduled_at=None,
        started_at=started_at or (ended_at - timedelta(minutes=25) if ended_at else None),
        ended_at=ended_at,
        target_minutes=25,
        link="",
        recording_consent=Consent.NOT_ASKED,
        notes="",
        notes_revision=0,
        thank_you_sent_at=thank_you_sent_at,
    )


def follow(
    person: Contact | None = None,
    *activities: Activity,
    interviews: tuple[Interview, ...] = (),
    check_in_weeks: int | None = None,
) -> FollowUpInput:
    return FollowUpInput(
        person or contact(), tuple(activities), interviews, check_in_weeks=check_in_weeks
    )


def items_at(
    item: FollowUpInput, now: datetime = NOW, rules: Rules | None = None
) -> list[AgendaItem]:
    return agenda_for(item, now=now, rules=rules or Rules())


def summary(items: list[AgendaItem]) -> list[tuple[AgendaKind, date]]:
    return [(one.kind, one.due) for one in items]


# ---------------------------------------------------------------------------------------------
# No reply: 3b7

MON = "2026-11-16"
SC, FU, UN = K.SECOND_CONTACT, K.FOLLOW_UP, K.UNRESPONSIVE


@pytest.mark.parametrize(
    ("sent", "company", "nudges", "holidays", "today", "expected"),
    [
        # Outreach Monday: second contact Thursday (3), follow-up Wednesday (7), unresponsive
        # the Monday after (10). Before a step's day the step to come is listed; after it, it
        # stays (overdue) until the next one replaces it.
        (MON, "Acme", (), (), "2026-11-16", (SC, "2026-11-19")),
        (MON, "Acme", (), (), "2026-11-18", (SC, "2026-11-19")),
        (MON, "Acme", (), (), "2026-11-19", (SC, "2026-11-19")),
        (MON, "Acme", (), (), "2026-11-24", (SC, "2026-11-19")),
        (MON, "Acme", (), (), "2026-11-25", (FU, "2026-11-25")),
        (MON, "Acme", (), (), "2026-11-27", (FU, "2026-11-25")),
        (MON, "Acme", (), (), "2026-11-30", (UN, "2026-11-30")),
        (MON, "Acme", (), (), "2027-02-01", (UN, "2026-11-30")),
        # No company: no second contact.
        (MON, "", (), (), "2026-11-17", (FU, "2026-11-25")),
        (MON, "", (), (), "2026-11-30", (UN, "2026-11-30")),
        # Weekends: Friday and Saturday outreach both count from the Monday after.
        ("2026-11-20", "Acme", (), (), "2026-11-20", (SC, "2026-11-25")),
        ("2026-11-21", "Acme", (), (), "2026-11-21", (SC, "2026-11-25")),
        ("2026-11-22", "Acme", (), (), "2026-11-22", (SC, "2026-11-25")),
        ("2026-11-21", "Acme", (), (), "2026-12-01", (FU, "2026-12-01")),
        # Holidays from the settings move the due day; month end.
        ("2026-11-23", "Acme", (), (), "2026-11-23", (SC, "2026-11-26")),
        ("2026-11-23", "Acme", (), ("2026-11-26",), "2026-11-23", (SC, "2026-11-27")),
        ("2026-11-26", "Acme", (), (), "2026-11-26", (SC, "2026-12-01")),
        ("2026-11-23", "", (), ("2026-11-26",), "2026-11-23", (FU, "2026-12-03")),
        # Year end, with Christmas and New Year off.
        ("2026-12-22", "Acme", (), ("2026-12-25", "2027-01-01"), "2026-12-22", (SC, "2026-12-28")),
        ("2026-12-22", "Acme", (), ("2026-12-25", "2027-01-01"), "2027-01-04", (FU, "2027-01-04")),
        ("2026-12-22", "Acme", (), ("2026-12-25", "2027-01-01"), "2027-01-07", (UN, "2027-01-07")),
        # A follow-up already sent (Friday) settles the follow-up step; the second contact
        # still stands until day 7 comes, and "unresponsive" counts from the first outreach.
        (MON, "Acme", ("2026-11-20",), (), "2026-11-19", (SC, "2026-11-19")),
        (MON, "Acme", ("2026-11-20",), (), "2026-11-24", (SC, "2026-11-19")),
        (MON, "Acme", ("2026-11-20",), (), "2026-11-25", (UN, "2026-11-30")),
        (MON, "Acme", ("2026-11-20",), (), "2026-11-30", (UN, "2026-11-30")),
        (MON, "", ("2026-11-17",), (), "2026-11-17", (UN, "2026-11-30")),
        # Sent after it was due: done, and the second contact does not come back.
        (MON, "Acme", ("2026-11-26",), (), "2026-11-26", (UN, "2026-11-30")),
    ],
)
def test_no_reply_3b7(
    sent: str,
    company: str,
    nudges: tuple[str, ...],
    holidays: tuple[str, ...],
    today: str,
    expected: tuple[AgendaKind, str],
) -> None:
    rules = Rules(holidays=frozenset(d(day) for day in holidays))
    item = follow(contact(company=company), outreach(sent), *(message(day) for day in nudges))
    kind, due = expected
    assert summary(items_at(item, noon(today), rules)) == [(kind, d(due))]


@pytest.mark.parametrize(
    ("nudges", "today", "expected", "title"),
    [
        # Outreach Monday 16: nudge on day 7 (Wed 25), again on day 14 (Fri 4 Dec),
        # unresponsive on day 21 (Tue 15 Dec) when no nudge was logged.
        ((), "2026-11-17", (FU, "2026-11-25"), "Follow up with Maya Okafor"),
        ((), "2026-11-25", (FU, "2026-11-25"), "Follow up with Maya Okafor"),
        ((), "2026-12-03", (FU, "2026-11-25"), "Follow up with Maya Okafor"),
        ((), "2026-12-04", (FU, "2026-12-04"), "Follow up once more with Maya Okafor"),
        ((), "2026-12-15", (UN, "2026-12-15"), "Mark Maya Okafor as unresponsive"),
        # A nudge logged Friday 27: once more 7 business days after it, unresponsive 7 after
        # that.
        (("2026-11-27",), "2026-11-30", (FU, "2026-12-08"), "Follow up once more with Maya Okafor"),
        (("2026-11-27",), "2026-12-08", (FU, "2026-12-08"), "Follow up once more with Maya Okafor"),
        (("2026-11-27",), "2026-12-17", (UN, "2026-12-17"), "Mark Maya Okafor as unresponsive"),
        # An early nudge (Wednesday 18) counts from its own day.
        (("2026-11-18",), "2026-11-25", (FU, "2026-11-27"), "Follow up once more with Maya Okafor"),
        # Both nudges logged: unresponsive 7 after the second.
        (
            ("2026-11-27", "2026-12-07"),
            "2026-12-10",
            (UN, "2026-12-16"),
            "Mark Maya Okafor as unresponsive",
        ),
        (
            ("2026-11-27", "2026-12-07"),
            "2026-12-16",
            (UN, "2026-12-16"),
            "Mark Maya Okafor as unresponsive",
        ),
    ],
)
def test_no_reply_7_plus_7(
    nudges: tuple[str, ...], today: str, expected: tuple[AgendaKind, str], title: str
) -> None:
    item = follow(contact(), outreach(MON), *(message(day) for day in nudges))
    items = items_at(item, noon(today), Rules(cadence="7+7"))
    kind, due = expected
    assert summary(items) == [(kind, d(due))]
    assert items[0].title == title


@pytest.mark.parametrize(
    ("today", "kind", "title", "detail"),
    [
        (
            "2026-11-19",
            SC,
            "Try a second contact at Acme",
            "no reply to the outreach on Mon 16 Nov from Maya Okafor after 3 business days",
        ),
        (
            "2026-11-25",
            FU,
            "Follow up with Maya Okafor",
            "no reply to the outreach on Mon 16 Nov after 7 business days",
        ),
        (
            "2026-11-30",
            UN,
            "Mark Maya Okafor as unresponsive",
            "no reply to the outreach on Mon 16 Nov after 10 business days",
        ),
    ],
)
def test_no_reply_titles_and_details(today: str, kind: AgendaKind, title: str, detail: str) -> None:
    (item,) = items_at(follow(contact(), outreach(MON)), noon(today))
    assert (item.kind, item.title, item.detail) == (kind, title, detail)
    assert item.interview_id is None
    assert item.due_at is None


@pytest.mark.parametrize(
    ("person", "extra", "interviews"),
    [
        (contact(), (reply("2026-11-18"),), ()),
        (contact(), (act(ActivityKind.CALL, at("2026-11-19")),), ()),
        (contact(stage=Stage.SCHEDULED), (), ()),
        (contact(stage=Stage.INTERVIEWED), (), ()),
        (contact(), (), (interview(status=InterviewStatus.SCHEDULED, ended_at=None),)),
        (contact(), (), (interview(ended_at=at("2026-11-19")),)),
    ],
    ids=["reply", "call", "scheduled", "interviewed", "call-booked", "interview-held"],
)
def test_a_reply_a_call_or_a_later_stage_ends_the_no_reply_clock(
    person: Contact, extra: tuple[Activity, ...], interviews: tuple[Interview, ...]
) -> None:
    item = follow(person, outreach(MON), *extra, interviews=interviews)
    for today in ("2026-11-19", "2026-11-25", "2026-12-31"):
        assert [i for i in items_at(item, noon(today)) if i.kind in (SC, FU, UN)] == []


def test_a_new_outreach_after_an_old_conversation_starts_a_new_clock() -> None:
    item = follow(contact(), outreach("2026-10-01"), reply("2026-10-02"), outreach(MON))
    assert summary(items_at(item, noon("2026-11-17"))) == [(SC, d("2026-11-19"))]


def test_no_outreach_no_suggestion() -> None:
    item = follow(contact(stage=Stage.PROSPECT), act(ActivityKind.CONNECTED, at(MON)))
    assert items_at(item, noon("2026-12-31")) == []


def test_the_activity_order_does_not_matter() -> None:
    ordered = (outreach(MON), message("2026-11-20"))
    forwards = items_at(follow(contact(), *ordered), noon("2026-11-30"))
    backwards = items_at(follow(contact(), *reversed(ordered)), noon("2026-11-30"))
    assert forwards == backwards == items_at(follow(contact(), *ordered), noon("2026-11-30"))


def test_an_outreach_late_at_night_in_utc_counts_on_the_local_day() -> None:
    # Sunday 22 November, 23:30 UTC is Monday 00:30 in Berlin.
    item = follow(contact(), act(ActivityKind.OUTREACH, at("2026-11-22", 23, 30)))
    in_utc = items_at(item, at("2026-11-23", 9))
    in_berlin = items_at(item, at("2026-11-23", 9, tz=BERLIN))
    assert summary(in_utc) == [(SC, d("2026-11-25"))]
    assert summary(in_berlin) == [(SC, d("2026-11-26"))]
    assert in_berlin[0].detail.startswith("no reply to the outreach on Mon 23 Nov")


# ---------------------------------------------------------------------------------------------
# Responsiveness

R = Responsiveness


@pytest.mark.parametrize(
    ("activities", "holidays", "today", "expected"),
    [
        ((), (), "2026-11-20", None),
        ((act(ActivityKind.CONNECTED, at(MON)), reply("2026-11-17")), (), "2026-11-20", None),
        ((outreach(MON), reply(MON, 15)), (), "2026-11-20", R.BOOSTER),
        ((outreach(MON), reply("2026-11-19")), (), "2026-11-20", R.BOOSTER),
        ((outreach(MON), reply("2026-11-20")), (), "2026-11-20", R.SLOW),
        ((outreach("2026-11-20"), reply("2026-11-25")), (), "2026-11-30", R.BOOSTER),  # weekend
        ((outreach("2026-11-21"), reply("2026-11-25")), (), "2026-11-30", R.BOOSTER),
        ((outreach("2026-11-23"), reply("2026-11-27")), ("2026-11-26",), "2026-11-30", R.BOOSTER),
        ((outreach("2026-11-23"), reply("2026-11-27")), (), "2026-11-30", R.SLOW),
        ((outreach(MON), act(ActivityKind.CALL, at("2026-11-18"))), (), "2026-11-20", R.BOOSTER),
        ((outreach(MON),), (), "2026-11-27", R.WAITING),
        ((outreach(MON),), (), "2026-11-30", R.UNRESPONSIVE),
        ((outreach(MON),), ("2026-11-26",), "2026-11-30", R.WAITING),
        ((outreach(MON),), (), None, R.WAITING),
        ((reply("2026-11-10"), outreach(MON)), (), "2026-11-17", R.WAITING),  # reply before
        # The first outreach and the first reply after it decide.
        (
            (outreach("2026-11-02"), reply(MON), outreach("2026-11-23"), reply("2026-11-23")),
            (),
            "2026-11-30",
            R.SLOW,
        ),
        ((reply("2026-11-19"), outreach(MON)), (), "2026-11-20", R.BOOSTER),  # any order given
        ((outreach("2026-12-22"), reply("2027-01-04")), ("2026-12-25", "2027-01-01"), None, R.SLOW),
        ((outreach("2026-12-29"), reply("2027-01-04")), ("2027-01-01",), None, R.BOOSTER),
    ],
)
def test_responsiveness(
    activities: tuple[Activity, ...],
    holidays: tuple[str, ...],
    today: str | None,
    expected: Responsiveness | None,
) -> None:
    off = frozenset(d(day) for day in holidays)
    assert responsiveness(activities, off, d(today) if today else None) is expected


def test_responsiveness_counts_local_days() -> None:
    # Thursday 19 November 23:30 UTC is already Friday in Berlin: 4 business days, not 3.
    log = (outreach(MON, 9), act(ActivityKind.REPLY, at("2026-11-19", 23, 30)))
    assert responsiveness(log) is R.BOOSTER
    assert responsiveness(log, zone=UTC) is R.BOOSTER
    assert responsiveness(log, zone=BERLIN) is R.SLOW


def test_responsiveness_labels() -> None:
    assert [r.label for r in R] == ["Booster", "Slow responder", "Unresponsive", "Waiting"]


# ---------------------------------------------------------------------------------------------
# Thank-you


def test_a_thank_you_is_due_within_24_hours_of_the_call() -> None:
    item = follow(contact(stage=Stage.INTERVIEWED), interviews=(interview(),))
    (thanks,) = [i for i in items_at(item, at("2026-11-20", 16)) if i.kind is K.THANK_YOU]
    assert thanks == AgendaItem(
        K.THANK_YOU,
        1,
        "Maya Okafor",
        d("2026-11-21"),
        "Send a thank-you to Maya Okafor",
        "call ended Fri 20 Nov 15:30; due within 24 h",
        interview_id=7,
        due_at=at("2026-11-21", 15, 30),
    )
    assert thanks.key == "thank_you:1:7"
    assert not thanks.is_overdue_at(at("2026-11-21", 15, 30))
    assert thanks.is_overdue_at(at("2026-11-21", 15, 31))
    assert not thanks.is_overdue(d("2026-11-21"))  # by day: due today, not overdue
    assert thanks.is_overdue(d("2026-11-22"))


@pytest.mark.parametrize(
    ("now", "detail"),
    [
        (at("2026-11-21", 15, 30), "call ended Fri 20 Nov 15:30; due within 24 h"),
        (at("2026-11-21", 15, 31), "call ended Fri 20 Nov 15:30; overdue since Sat 21 Nov 15:30"),
        (at("2027-01-05"), "call ended Fri 20 Nov 2026 15:30; overdue since Sat 21 Nov 2026 15:30"),
        (
            at("2026-11-21", 12, tz=BERLIN),
            "call ended Fri 20 Nov 16:30; due within 24 h",  # shown in the clock's zone
        ),
    ],
)
def test_thank_you_detail(now: datetime, detail: str) -> None:
    item = follow(contact(stage=Stage.INTERVIEWED), interviews=(interview(),))
    (thanks,) = [i for i in items_at(item, now) if i.kind is K.THANK_YOU]
    assert thanks.detail == detail
    assert thanks.due == d("2026-11-21")


@pytest.mark.parametrize(
    ("interviews", "activities", "hours", "expected"),
    [
        ((interview(),), (), 24, [("2026-11-21", 7)]),
        ((interview(),), (), 48, [("2026-11-22", 7)]),
        ((interview(),), (), 8, [("2026-11-20", 7)]),
        ((interview(thank_you_sent_at=at("2026-11-20", 18)),), (), 24, []),
        ((interview(),), (act(ActivityKind.THANK_YOU, at("2026-11-20", 18)),), 24, []),
        ((interview(),), (act(ActivityKind.THANK_YOU, at("2026-11-19")),), 24, [("2026-11-21", 7)]),
        ((interview(status=InterviewStatus.CANCELLED),), (), 24, []),
        ((interview(ended_at=None, status=InterviewStatus.IN_PROGRESS),), (), 24, []),
        # The call the store logs when the interview ends is that interview, not another.
        (
            (interview(),),
            (act(ActivityKind.CALL, at("2026-11-20", 15, 30)),),
            24,
            [("2026-11-21", 7)],
        ),
        # A call logged by hand is owed a thank-you too.
        ((), (act(ActivityKind.CALL, at("2026-11-19", 9)),), 24, [("2026-11-20", None)]),
        # Two calls, both unthanked.
        (
            (interview(id=5, ended_at=at("2026-11-13")), interview()),
            (),
            24,
            [("2026-11-14", 5), ("2026-11-21", 7)],
        ),
    ],
)
def test_thank_you_rules(
    interviews: tuple[Interview, ...],
    activities: tuple[Activity, ...],
    hours: int,
    expected: list[tuple[str, int | None]],
) -> None:
    item = follow(contact(stage=Stage.INTERVIEWED), *activities, interviews=interviews)
    thanks = [
        i for i in items_at(item, rules=Rules(thank_you_hours=hours)) if i.kind is K.THANK_YOU
    ]
    assert [(i.due, i.interview_id) for i in thanks] == [(d(day), ref) for day, ref in expected]


@pytest.mark.parametrize(
    ("zone", "ended", "due"),
    [
        # New York leaves daylight saving on Sunday 1 November 2026 at 02:00.
        (NEW_YORK, at("2026-10-31", 15, 30, NEW_YORK), at("2026-11-01", 14, 30, NEW_YORK)),
        (NEW_YORK, at("2026-10-31", 23, 30, NEW_YORK), at("2026-11-01", 22, 30, NEW_YORK)),
        # Berlin enters it on Sunday 29 March 2026 at 02:00.
        (BERLIN, at("2026-03-28", 15, 30, BERLIN), at("2026-03-29", 16, 30, BERLIN)),
        (BERLIN, at("2026-03-28", 23, 30, BERLIN), at("2026-03-30", 0, 30, BERLIN)),
    ],
)
def test_24_hours_across_a_daylight_saving_change_are_24_real_hours(
    zone: ZoneInfo, ended: datetime, due: datetime
) -> None:
    end = ended.astimezone(UTC)  # the store hands in UTC
    item = follow(contact(stage=Stage.INTERVIEWED), interviews=(interview(ended_at=end),))
    now = (end + timedelta(hours=1)).astimezone(zone)
    (thanks,) = [i for i in items_at(item, now) if i.kind is K.THANK_YOU]
    assert thanks.due_at is not None
    assert thanks.due_at - end == timedelta(hours=24)
    assert thanks.due_at.replace(tzinfo=None) == due.replace(tzinfo=None)  # local wall clock
    assert thanks.due == due.date()
    assert not thanks.is_overdue_at(end + timedelta(hours=24))
    assert thanks.is_overdue_at(end + timedelta(hours=24, seconds=1))


# ---------------------------------------------------------------------------------------------
# Stay in touch

IN_TOUCH = Stage.IN_TOUCH


@pytest.mark.parametrize(
    ("log", "setting", "override", "expected", "detail"),
    [
        # Last interaction Monday 28 September: 8 weeks later is Monday 23 November.
        (
            (reply("2026-09-28"),),
            8,
            None,
            "2026-11-23",
            "last interaction Mon 28 Sep; every 8 weeks",
        ),
        (
            (reply("2026-09-28"),),
            6,
            None,
            "2026-11-09",
            "last interaction Mon 28 Sep; every 6 weeks",
        ),
        ((reply("2026-09-28"),), 8, 4, "2026-10-26", "last interaction Mon 28 Sep; every 4 weeks"),
        ((reply("2026-09-28"),), 8, 1, "2026-10-05", "last interaction Mon 28 Sep; every week"),
        # Any interaction resets the clock; a note or a stage change does not.
        (
            (reply("2026-09-28"), message("2026-10-26")),
            8,
            None,
            "2026-12-21",
            "last interaction Mon 26 Oct; every 8 weeks",
        ),
        (
            (reply("2026-09-28"), act(ActivityKind.CHECK_IN, at("2026-10-05"))),
            8,
            None,
            "2026-11-30",
            "last interaction Mon 5 Oct; every 8 weeks",
        ),
        (
            (
                reply("2026-09-28"),
                act(ActivityKind.NOTE, at("2026-10-26")),
                act(ActivityKind.STAGE_CHANGE, at("2026-10-27")),
            ),
            8,
            None,
            "2026-11-23",
            "last interaction Mon 28 Sep; every 8 weeks",
        ),
        # A Saturday interaction: 8 weeks on is a Saturday, so Monday.
        (
            (reply("2026-10-03"),),
            8,
            None,
            "2026-11-30",
            "last interaction Sat 3 Oct; every 8 weeks",
        ),
        # Nothing logged: from when they were added (1 September).
        ((), 8, None, "2026-10-27", "added Tue 1 Sep; every 8 weeks"),
    ],
)
def test_check_in(
    log: tuple[Activity, ...], setting: int, override: int | None, expected: str, detail: str
) -> None:
    item = follow(contact(stage=IN_TOUCH), *log, check_in_weeks=override)
    checks = [
        i for i in items_at(item, rules=Rules(check_in_weeks=setting)) if i.kind is K.CHECK_IN
    ]
    assert [(i.due, i.title, i.detail) for i in checks] == [
        (d(expected), "Check in with Maya Okafor", detail)
    ]


def test_check_in_counts_thank_yous_calls_and_the_stored_last_interaction() -> None:
    rules = Rules()
    base = contact(stage=IN_TOUCH)
    thanked = interview(ended_at=at("2026-09-01"), thank_you_sent_at=at("2026-09-28"))
    by_thanks = follow(base, interviews=(thanked,))
    stored = follow(contact(stage=IN_TOUCH, last_interaction_at=at("2026-09-28")))
    for item in (by_thanks, stored):
        checks = [i for i in items_at(item, rules=rules) if i.kind is K.CHECK_IN]
        assert [i.due for i in checks] == [d("2026-11-23")]


def test_check_in_respects_holidays() -> None:
    item = follow(contact(stage=IN_TOUCH), reply("2026-10-01"))  # + 8 weeks: Thursday 26 Nov
    rules = Rules(holidays=frozenset({THANKSGIVING}))
    assert [i.due for i in items_at(item, rules=rules) if i.kind is K.CHECK_IN] == [d("2026-11-27")]


@pytest.mark.parametrize("stage", [s for s in Stage if s is not IN_TOUCH])
def test_only_contacts_in_touch_get_check_ins(stage: Stage) -> None:
    item = follow(contact(stage=stage), reply("2026-01-05"))
    assert [i for i in items_at(item) if i.kind is K.CHECK_IN] == []


# ---------------------------------------------------------------------------------------------
# Advice update

CALL_DAY = at("2026-10-30", 15, 30)  # a Friday; + 3 weeks = Friday 20 November


@pytest.mark.parametrize(
    ("log", "expected"),
    [
        ((), "2026-11-20"),
        ((act(ActivityKind.CALL, CALL_DAY),), "2026-11-20"),  # the store's own call entry
        ((act(ActivityKind.THANK_YOU, at("2026-10-31")),), "2026-11-20"),
        ((act(ActivityKind.NOTE, at("2026-11-02")),), "2026-11-20"),
        ((message("2026-11-05"),), None),
        ((reply("2026-11-05"),), None),
        ((act(ActivityKind.CHECK_IN, at("2026-11-19")),), None),
        ((message("2026-10-29"),), "2026-11-20"),  # before the call
    ],
)
def test_advice_update(log: tuple[Activity, ...], expected: str | None) -> None:
    held = interview(ended_at=CALL_DAY, thank_you_sent_at=at("2026-10-31"))
    item = follow(contact(stage=Stage.INTERVIEWED), *log, interviews=(held,))
    updates = [i for i in items_at(item) if i.kind is K.ADVICE_UPDATE]
    if expected is None:
        assert updates == []
        return
    (update,) = updates
    assert update.due == d(expected)
    assert update.interview_id == 7
    assert update.key == "advice_update:1:7"
    assert update.title == "Tell Maya Okafor what you did with their advice"
    assert update.detail == "call on Fri 30 Oct; nothing logged since but the thank-you"
    assert update.due == CALL_DAY.date() + timedelta(weeks=ADVICE_NUDGE_WEEKS)


def test_advice_update_follows_the_last_call_and_skips_holidays() -> None:
    first = interview(id=5, ended_at=at("2026-10-01"), thank_you_sent_at=at("2026-10-01", 18))
    last = interview(id=6, ended_at=at("2026-11-05"), thank_you_sent_at=at("2026-11-05", 18))
    item = follow(contact(stage=IN_TOUCH), interviews=(last, first))
    rules = Rules(holidays=frozenset({THANKSGIVING}))
    updates = [i for i in items_at(item, rules=rules) if i.kind is K.ADVICE_UPDATE]
    assert [(i.due, i.interview_id) for i in updates] == [(d("2026-11-27"), 6)]


# ---------------------------------------------------------------------------------------------
# Next actions, closed and archived contacts


@pytest.mark.parametrize(
    ("text", "due", "expected"),
    [
        ("Send the deck", "2026-11-24", ("Send the deck — Maya Okafor", "Tue 24 Nov")),
        ("  Send   the deck ", "2026-11-02", ("Send the deck — Maya Okafor", "Mon 2 Nov")),
        ("", "2026-11-24", ("Next action for Maya Okafor", "Tue 24 Nov")),
        ("Send the deck", None, None),
    ],
)
def test_next_action(text: str, due: str | None, expected: tuple[str, str] | None) -> None:
    person = contact(
        stage=Stage.PROSPECT, next_action=text, next_action_due=d(due) if due else None
    )
    items = items_at(follow(person))
    if expected is None:
        assert items == []
        return
    assert due is not None
    (item,) = items
    title, shown = expected
    assert (item.kind, item.due, item.title) == (K.NEXT_ACTION, d(due), title)
    assert item.detail == f"your next action, due {shown}"
    assert item.key == f"next_action:1:{due}"


def _busy(person: Contact) -> FollowUpInput:
    """Something due under every rule."""
    return follow(
        person,
        outreach("2026-11-02"),
        interviews=(interview(),),
    )


@pytest.mark.parametrize(
    ("stage", "archived", "empty"),
    [
        (Stage.CLOSED, False, True),
        (Stage.CLOSED, True, True),
        (Stage.REACHED_OUT, True, True),
        (IN_TOUCH, True, True),
        (Stage.REACHED_OUT, False, False),
        (IN_TOUCH, False, False),
    ],
)
def test_closed_and_archived_contacts_get_nothing(
    stage: Stage, archived: bool, empty: bool
) -> None:
    person = contact(
        stage=stage, archived=archived, next_action="Call", next_action_due=d("2026-11-19")
    )
    items = items_at(_busy(person))
    assert (items == []) is empty


def test_everything_at_once_in_agenda_order() -> None:
    person = contact(stage=IN_TOUCH, next_action="Send the deck", next_action_due=d("2026-11-20"))
    held = interview(ended_at=at("2026-10-30", 15, 30))
    item = follow(person, reply("2026-09-01"), interviews=(held,))
    assert summary(items_at(item)) == [
        (K.THANK_YOU, d("2026-10-31")),
        (K.ADVICE_UPDATE, d("2026-11-20")),
        (K.NEXT_ACTION, d("2026-11-20")),
        (K.CHECK_IN, d("2026-12-25")),
    ]


# ---------------------------------------------------------------------------------------------
# The agenda: horizon, snoozing, order, grouping


def _due_on(day: str, *, id: int = 1, name: str = "Maya Okafor") -> FollowUpInput:
    return follow(
        contact(id=id, name=name, stage=Stage.PROSPECT, next_action="Call", next_action_due=d(day))
    )


@pytest.mark.parametrize(
    ("due", "horizon", "listed"),
    [
        ("2026-10-01", 7, True),  # overdue, however long ago
        ("2026-11-19", 0, True),
        ("2026-11-20", 0, True),  # today
        ("2026-11-21", 0, False),
        ("2026-11-27", 7, True),  # the last day of the horizon
        ("2026-11-28", 7, False),
        ("2026-12-20", 30, True),
    ],
)
def test_horizon(due: str, horizon: int, listed: bool) -> None:
    items = agenda([_due_on(due)], now=NOW, rules=Rules(), horizon_days=horizon)
    assert bool(items) is listed


@pytest.mark.parametrize(
    ("until", "listed"),
    [
        (None, True),
        ("2026-11-19", True),  # the snooze has run out
        ("2026-11-20", True),  # snoozed until today: back today
        ("2026-11-21", False),
        ("2027-01-01", False),
    ],
)
def test_snoozing(until: str | None, listed: bool) -> None:
    key = "next_action:1:2026-11-19"
    snoozed = {key: d(until)} if until else {}
    snoozed["next_action:2:2026-11-19"] = d("2027-01-01")  # someone else's
    items = agenda([_due_on("2026-11-19")], now=NOW, rules=Rules(), snoozed=snoozed)
    assert [i.key for i in items] == ([key] if listed else [])


def test_snoozing_one_step_does_not_hide_the_next() -> None:
    item = follow(contact(), outreach(MON))
    (second,) = items_at(item, noon("2026-11-19"))
    snoozed = {second.key: d("2026-12-31")}
    assert agenda([item], now=noon("2026-11-20"), rules=Rules(), snoozed=snoozed) == []
    later = agenda([item], now=noon("2026-11-25"), rules=Rules(), snoozed=snoozed)
    assert summary(later) == [(FU, d("2026-11-25"))]


def test_agenda_order_is_day_then_kind_then_name() -> None:
    zoe = contact(id=3, name="zoë Adams", stage=IN_TOUCH)
    ben = contact(id=2, name="Ben Carter", next_action="Call", next_action_due=d("2026-11-19"))
    inputs = [
        _due_on("2026-11-24", id=4, name="Al Baker"),
        follow(ben, outreach("2026-11-16")),  # second contact due 19th
        follow(zoe, reply("2026-09-24")),  # check-in due Thursday 19 November
        _due_on("2026-11-19", id=5, name="Ann Lee"),
    ]
    items = agenda(inputs, now=NOW, rules=Rules())
    assert [(i.due.day, i.kind, i.contact_name) for i in items] == [
        (19, K.SECOND_CONTACT, "Ben Carter"),
        (19, K.CHECK_IN, "zoë Adams"),
        (19, K.NEXT_ACTION, "Ann Lee"),
        (19, K.NEXT_ACTION, "Ben Carter"),
        (24, K.NEXT_ACTION, "Al Baker"),
    ]


def test_negative_horizon_is_refused() -> None:
    with pytest.raises(ValueError, match="horizon_days"):
        agenda([], now=NOW, rules=Rules(), horizon_days=-1)


@pytest.mark.parametrize(
    ("day", "label"),
    [
        ("2026-11-01", "Overdue"),
        ("2026-11-19", "Overdue"),
        ("2026-11-20", "Today"),
        ("2026-11-21", "Tomorrow"),
        ("2026-11-22", "Sun 22 Nov"),
        ("2026-11-26", "Thu 26 Nov"),
        ("2026-12-01", "Tue 1 Dec"),
        ("2027-01-01", "Fri 1 Jan 2027"),
    ],
)
def test_day_labels(day: str, label: str) -> None:
    assert day_label(d(day), TODAY) == label


def test_group_by_day() -> None:
    days = ["2026-11-26", "2026-11-10", "2026-11-20", "2026-11-19", "2026-11-21", "2026-11-26"]
    items = [
        item
        for n, day in enumerate(days, start=1)
        for item in items_at(_due_on(day, id=n, name=f"Person {n}"))
    ]
    groups = group_by_day(items, TODAY)
    assert [(label, [i.contact_id for i in group]) for label, group in groups] == [
        ("Overdue", [2, 4]),
        ("Today", [3]),
        ("Tomorrow", [5]),
        ("Thu 26 Nov", [1, 6]),
    ]
    assert group_by_day([], TODAY) == []


def test_group_by_day_puts_a_late_thank_you_under_today() -> None:
    item = follow(
        contact(stage=Stage.INTERVIEWED), interviews=(interview(ended_at=at("2026-11-19", 9)),)
    )
    now = at("2026-11-20", 12)  # 3 hours past the deadline, still the same day
    (thanks,) = [i for i in items_at(item, now) if i.kind is K.THANK_YOU]
    assert thanks.is_overdue_at(now)
    assert group_by_day([thanks], now.date()) == [("Today", [thanks])]


# ---------------------------------------------------------------------------------------------
# Stable keys


@pytest.mark.parametrize("today", ["2026-11-17", "2026-11-19", "2026-11-20", "2026-11-24"])
def test_the_same_item_tomorrow_has_the_same_key(today: str) -> None:
    item = follow(contact(), outreach(MON))
    (found,) = items_at(item, noon(today))
    assert found.key == "second_contact:1:2026-11-19"


@pytest.mark.parametrize("days_later", range(0, 40, 3))
def test_keys_do_not_depend_on_today(days_later: int) -> None:
    person = contact(stage=IN_TOUCH, next_action="Call", next_action_due=d("2026-11-25"))
    item = follow(person, reply("2026-10-01"), interviews=(interview(),))
    keys = {i.key for i in items_at(item, NOW + timedelta(days=days_later))}
    assert keys == {
        "thank_you:1:7",
        "advice_update:1:7",
        "next_action:1:2026-11-25",
        "check_in:1:2027-01-15",  # 8 weeks after the call
    }


def test_key_uses_the_due_day_without_an_interview() -> None:
    item = AgendaItem(K.FOLLOW_UP, 4, "Lee", d("2026-11-25"), "Follow up with Lee", "why")
    assert item.key == "follow_up:4:2026-11-25"
    called = AgendaItem(K.THANK_YOU, 4, "Lee", d("2026-11-25"), "t", "why", interview_id=9)
    assert called.key == "thank_you:4:9"


# ---------------------------------------------------------------------------------------------
# Values


def test_rules_are_checked() -> None:
    with pytest.raises(ValueError, match="cadence"):
        Rules(cadence="weekly")
    with pytest.raises(ValueError, match="thank_you_hours"):
        Rules(thank_you_hours=0)
    with pytest.raises(ValueError, match="check_in_weeks"):
        Rules(check_in_weeks=0)
    with pytest.raises(ValueError, match="check_in_weeks"):
        follow(check_in_weeks=0)


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="naive"):
        agenda_for(follow(), now=NOW.replace(tzinfo=None), rules=Rules())


def test_kinds_are_in_agenda_order_with_labels() -> None:
    assert [k.order for k in K] == list(range(8))
    assert K.CALL.order == 0
    assert K.THANK_YOU.label == "Thank-you"
    assert f"{K.ADVICE_UPDATE}" == "advice_update"


# ---------------------------------------------------------------------------------------------
# Calls scheduled and not started yet


def booked(
    when: datetime,
    *,
    id: int = 9,
    link: str = "https://meet.example/abc",
    status: InterviewStatus = InterviewStatus.SCHEDULED,
    started_at: datetime | None = None,
) -> Interview:
    return Interview(
        id=id,
        contact_id=1,
        contact_name="Maya Okafor",
        status=status,
        scheduled_at=when,
        started_at=started_at,
        ended_at=None,
        target_minutes=25,
        link=link,
        recording_consent=Consent.NOT_ASKED,
        notes="",
        notes_revision=0,
        thank_you_sent_at=None,
    )


def test_a_scheduled_call_is_on_its_local_day_with_its_time_and_link() -> None:
    now = datetime(2026, 11, 20, 9, 0, tzinfo=BERLIN)
    # 23:30 UTC on Friday is 00:30 on Saturday in Berlin: the call is on Saturday's agenda.
    person = contact(stage=Stage.SCHEDULED)
    items = items_at(follow(person, interviews=(booked(at("2026-11-20", 23, 30)),)), now)
    assert len(items) == 1
    call = items[0]
    assert (call.kind, call.due, call.title) == (
        K.CALL,
        d("2026-11-21"),
        "00:30 call with Maya Okafor",
    )
    assert call.detail == "scheduled for Sat 21 Nov 00:30; https://meet.example/abc"
    assert call.link == "https://meet.example/abc"
    assert call.due_at == at("2026-11-20", 23, 30)
    assert call.key == "call:1:9"
    assert call.kind.label == "Call"
    assert not call.is_overdue_at(now)


def test_a_call_whose_time_passed_without_starting_is_overdue_and_says_so() -> None:
    person = contact(stage=Stage.SCHEDULED)
    items = items_at(follow(person, interviews=(booked(at("2026-11-19", 14), link=""),)))
    assert [(one.kind, one.due) for one in items] == [(K.CALL, d("2026-11-19"))]
    assert items[0].detail == "was scheduled for Thu 19 Nov 14:00 and never started; no link yet"
    assert items[0].is_overdue_at(NOW)
    assert agenda(
        [follow(person, interviews=(booked(at("2026-11-19", 14)),))], now=NOW, rules=Rules()
    )


@pytest.mark.parametrize(
    ("status", "started", "scheduled"),
    [
        (InterviewStatus.IN_PROGRESS, True, True),
        (InterviewStatus.DONE, True, True),
        (InterviewStatus.CANCELLED, False, True),
        (InterviewStatus.PLANNED, False, True),
        (InterviewStatus.SCHEDULED, True, True),
        (InterviewStatus.SCHEDULED, False, False),
    ],
    ids=["in-progress", "done", "cancelled", "planned", "started", "no-time"],
)
def test_only_scheduled_calls_not_yet_started_are_on_the_agenda(
    status: InterviewStatus, started: bool, scheduled: bool
) -> None:
    call = booked(
        at("2026-11-23", 15), status=status, started_at=at("2026-11-20", 9) if started else None
    )
    if not scheduled:
        call = replace(call, scheduled_at=None)
    items = items_at(follow(contact(stage=Stage.SCHEDULED), interviews=(call,)))
    assert K.CALL not in [one.kind for one in items]


def test_calls_come_first_on_their_day_in_time_order() -> None:
    aaron = make_contact(
        2,
        "Aaron Abbot",
        stage=Stage.SCHEDULED,
        next_action="Prepare",
        next_action_due=d("2026-11-23"),
    )
    his_call = replace(
        booked(at("2026-11-23", 16)), id=11, contact_id=2, contact_name="Aaron Abbot"
    )
    other = FollowUpInput(aaron, (), (his_call,))
    maya = follow(contact(stage=Stage.SCHEDULED), interviews=(booked(at("2026-11-23", 9)),))
    items = agenda([other, maya], now=NOW, rules=Rules())
    assert [(one.kind, one.contact_name) for one in items] == [
        (K.CALL, "Maya Okafor"),
        (K.CALL, "Aaron Abbot"),
        (K.NEXT_ACTION, "Aaron Abbot"),
    ]
    assert group_by_day(items, TODAY)[0][0] == "Mon 23 Nov"
