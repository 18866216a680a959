"""Natural date input, read relative to a fixed clock: Friday 20 November 2026, 15:30 UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from informa.domain.dates import (
    HINT,
    MAX_INPUT,
    Prefer,
    When,
    at_time_of,
    day_start,
    describe_day,
    describe_when,
    parse_day,
    parse_when,
)
from informa.domain.errors import ValidationError
from tests.builders import NOW  # a Friday

TOKYO = timezone(timedelta(hours=9))


def at(day: int, month: int = 11, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_now_is_a_friday() -> None:
    assert NOW.strftime("%A") == "Friday"


@pytest.mark.parametrize(
    ("text", "prefer", "expected", "has_time"),
    [
        ("today", "future", at(20), False),
        ("today", "past", at(20), False),
        ("Today", "future", at(20), False),
        ("yesterday", "past", at(19), False),
        ("yesterday", "future", at(19), False),
        ("tomorrow", "future", at(21), False),
        ("thu 3pm", "future", at(26, hour=15), True),
        ("thu", "past", at(19), False),
        ("thu", "future", at(26), False),
        ("in 2 weeks", "future", at(4, 12), False),
        ("2026-12-03", "future", at(3, 12), False),
        ("2026-12-03", "past", at(3, 12), False),
        ("friday noon", "future", at(27, hour=12), True),
        ("tomorrow at 9 am", "future", at(21, hour=9), True),
        ("2 days ago", "past", at(18), False),
        ("next monday", "future", at(23), False),
        ("dec 3", "future", at(3, 12), False),
        ("3 dec", "past", at(3, 12, year=2025), False),
        ("in 2 hours", "future", at(20, hour=17, minute=30), True),
        ("5 minutes ago", "past", at(20, hour=15, minute=25), True),
        ("now", "future", NOW, True),
        ("10:15", "future", at(21, hour=10, minute=15), True),
        ("  thu    3pm  ", "future", at(26, hour=15), True),  # spacing does not matter
    ],
)
def test_parse_when(text: str, prefer: Prefer, expected: datetime, has_time: bool) -> None:
    when = parse_when(text, NOW, prefer=prefer)
    assert when == When(expected, has_time)
    assert when.at.tzinfo is UTC
    assert when.day == expected.date()


def test_the_default_prefers_the_future() -> None:
    assert parse_when("thu", NOW) == parse_when("thu", NOW, prefer="future")


def test_a_day_alone_is_midnight_in_the_clock_zone() -> None:
    now = NOW.astimezone(TOKYO)  # Saturday 21 November, 00:30 in Tokyo
    when = parse_when("today", now)
    assert when == When(datetime(2026, 11, 21, tzinfo=TOKYO), False)
    assert parse_when("thu 3pm", now).at == datetime(2026, 11, 26, 15, 0, tzinfo=TOKYO)


def test_parse_day() -> None:
    assert parse_day("yesterday", NOW, prefer="past") == date(2026, 11, 19)
    assert parse_day("in 2 weeks", NOW) == date(2026, 12, 4)


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("today", NOW.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("", "a date is needed"),
        ("   \t\n ", "a date is needed"),
        ("blah blah", "could not read 'blah blah' as a date"),
        ("asdf", "could not read 'asdf' as a date"),
        ("2026-02-30", "could not read '2026-02-30' as a date"),
        ("monday 25:00", "could not read 'monday 25:00' as a date"),
        ("99999", "could not read '99999' as a date"),
        ("x" * (MAX_INPUT + 1), "that is too long for a date"),
        ("tomorrow " * 20, "that is too long for a date"),
    ],
)
def test_unreadable_input_is_a_validation_error_with_the_hint(text: str, start: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_when(text, NOW)
    assert caught.value.field == "when"
    assert str(caught.value) == f"{start} ({HINT})"


def test_the_error_names_the_field_it_belongs_to() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_when("nonsense", NOW, field="scheduled_at")
    assert caught.value.field == "scheduled_at"
    with pytest.raises(ValidationError) as caught:
        parse_day("nonsense", NOW)
    assert caught.value.field == "due"
    assert HINT in str(caught.value)


def test_the_longest_input_allowed_is_still_read() -> None:
    text = "tomorrow" + " " * (MAX_INPUT - len("tomorrow") - 2) + "9am"
    assert len(text) > MAX_INPUT  # spaces are collapsed before the length is checked
    assert parse_when(text, NOW) == When(at(21, hour=9), True)


# --- describing what was understood -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 20), "Fri 20 Nov 2026 (today)"),
        (date(2026, 11, 21), "Sat 21 Nov 2026 (tomorrow)"),
        (date(2026, 11, 19), "Thu 19 Nov 2026 (yesterday)"),
        (date(2026, 11, 26), "Thu 26 Nov 2026 (in 6 days)"),
        (date(2026, 11, 18), "Wed 18 Nov 2026 (2 days ago)"),
        (date(2027, 1, 1), "Fri 01 Jan 2027 (in 42 days)"),
        (date(2025, 11, 20), "Thu 20 Nov 2025 (365 days ago)"),
    ],
)
def test_describe_day(day: date, text: str) -> None:
    assert describe_day(day, NOW.date()) == text


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("thu 3pm", "Thu 26 Nov 2026, 15:00 (in 6 days)"),
        ("2026-12-03", "Thu 03 Dec 2026 (in 13 days)"),
        ("today", "Fri 20 Nov 2026 (today)"),
        ("now", "Fri 20 Nov 2026, 15:30 (today)"),
        ("tomorrow at 9 am", "Sat 21 Nov 2026, 09:00 (tomorrow)"),
    ],
)
def test_describe_when(typed: str, text: str) -> None:
    assert describe_when(parse_when(typed, NOW), NOW) == text


def test_day_start_and_at_time_of() -> None:
    assert day_start(date(2026, 11, 19), NOW) == at(19)
    assert at_time_of(date(2026, 11, 19), NOW) == at(19, hour=15, minute=30)
    tokyo = NOW.astimezone(TOKYO)
    assert at_time_of(date(2026, 11, 19), tokyo) == datetime(2026, 11, 19, 0, 30, tzinfo=TOKYO)


# --- any text -----------------------------------------------------------------------------

WORDS = [
    "today", "tomorrow", "yesterday", "in", "ago", "next", "last", "at", "on", "of", "the",
    "thu", "friday", "dec", "feb", "noon", "midnight", "now", "3pm", "9", "am", "25:00",
    "10:15", "2026-02-29", "2026-12-03", "0001-01-01", "9999-12-31", "weeks", "days", "hours",
    "years", "99999999999999999999", "+14:00", "UTC", "-", "/", ".", "¿", "日",
]  # fmt: skip


def _outcome(text: str, prefer: Prefer) -> None:
    try:
        when = parse_when(text, NOW, prefer=prefer)
    except ValidationError as exc:
        assert exc.field == "when"
        assert HINT in str(exc)
        return
    assert isinstance(when.at, datetime)
    assert when.at.tzinfo is not None
    assert when.at.utcoffset() == timedelta(0)
    if not when.has_time:
        assert (when.at.hour, when.at.minute) == (0, 0)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=100), st.sampled_from(["past", "future"]))
def test_any_text_gives_an_aware_datetime_or_a_validation_error(text: str, prefer: Prefer) -> None:
    _outcome(text, prefer)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["past", "future"]),
)
def test_date_like_text_gives_an_aware_datetime_or_a_validation_error(
    text: str, prefer: Prefer
) -> None:
    _outcome(text, prefer)


# --- explicit zones, lone articles, bare hours ----------------------------------------------


def test_an_explicit_offset_is_respected() -> None:
    # 10:00 at +05:00 is 05:00 UTC.
    when = parse_when("2026-12-03 10:00+05:00", NOW)
    assert when.at == at(3, 12, hour=5)


@pytest.mark.parametrize("text", ["a", "an"])
def test_a_lone_article_is_not_a_date(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_when(text, NOW)


def test_at_a_bare_hour_is_a_time() -> None:
    when = parse_when("at 9", NOW)
    assert when.has_time
    assert when.day in (date(2026, 11, 20), date(2026, 11, 21))


def test_a_date_across_daylight_saving_gets_that_days_offset() -> None:
    from zoneinfo import ZoneInfo

    new_york = ZoneInfo("America/New_York")
    november = datetime(2026, 11, 20, 10, 0, tzinfo=new_york)  # EST, UTC-5
    when = parse_when("2027-04-01 15:00", november)
    assert (when.at.hour, when.at.minute) == (15, 0)
    assert when.at.utcoffset() == timedelta(hours=-4)  # EDT in April
    assert describe_when(when, november).startswith("Thu 01 Apr 2027, 15:00")
