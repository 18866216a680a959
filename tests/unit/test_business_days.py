"""Business days: Monday to Friday less the holidays, counted strictly after the start.

November 2026: Mon 16, Thu 19, Fri 20, Mon 23, Thu 26 (a holiday in some rows), Mon 30.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from informa.domain.business_days import (
    add_business_days,
    business_days_between,
    is_business_day,
    roll_to_business_day,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("start", "days", "holidays", "expected"),
    [
        ("2026-11-20", 1, (), "2026-11-23"),  # Friday + 1 = Monday
        ("2026-11-16", 3, (), "2026-11-19"),  # Monday + 3 = Thursday
        ("2026-11-16", 10, (), "2026-11-30"),
        ("2026-11-21", 1, (), "2026-11-23"),  # start on Saturday
        ("2026-11-22", 1, (), "2026-11-23"),  # start on Sunday
        ("2026-11-22", 3, (), "2026-11-25"),
        ("2026-11-21", 0, (), "2026-11-21"),  # + 0 is the day itself, weekend or not
        ("2026-11-25", 1, ("2026-11-26",), "2026-11-27"),  # a holiday is skipped
        ("2026-11-25", 1, (), "2026-11-26"),
        ("2026-11-26", 1, ("2026-11-26",), "2026-11-27"),  # start on a holiday
        ("2026-11-23", 5, ("2026-11-26",), "2026-12-01"),  # month end
        ("2026-10-30", 1, (), "2026-11-02"),  # month end on a Friday
        ("2026-12-24", 1, ("2026-12-25",), "2026-12-28"),
        ("2026-12-31", 1, (), "2027-01-01"),  # year end
        ("2026-12-31", 1, ("2027-01-01",), "2027-01-04"),
        ("2026-12-22", 7, ("2026-12-25", "2027-01-01"), "2027-01-04"),
        ("2026-11-23", -1, (), "2026-11-20"),  # backwards: Monday - 1 = Friday
        ("2026-11-27", -1, ("2026-11-26",), "2026-11-25"),
        ("2026-11-21", -1, (), "2026-11-20"),
    ],
)
def test_add_business_days(start: str, days: int, holidays: tuple[str, ...], expected: str) -> None:
    off = frozenset(d(day) for day in holidays)
    assert add_business_days(d(start), days, off) == d(expected)
    assert add_business_days(d(start), days, tuple(off)) == d(expected)  # any collection


@pytest.mark.parametrize(
    ("start", "end", "holidays", "expected"),
    [
        ("2026-11-16", "2026-11-19", (), 3),  # Monday → Thursday
        ("2026-11-20", "2026-11-23", (), 1),  # Friday → Monday
        ("2026-11-20", "2026-11-22", (), 0),  # Friday → Sunday
        ("2026-11-21", "2026-11-22", (), 0),  # Saturday → Sunday
        ("2026-11-21", "2026-11-23", (), 1),  # Saturday → Monday
        ("2026-11-20", "2026-11-20", (), 0),  # the same day
        ("2026-11-23", "2026-11-20", (), 0),  # end before start
        ("2026-11-16", "2026-11-30", (), 10),
        ("2026-11-25", "2026-11-27", ("2026-11-26",), 1),
        ("2026-11-20", "2026-11-23", ("2026-11-21",), 1),  # a holiday on a weekend is no loss
        ("2026-11-25", "2026-11-26", ("2026-11-26",), 0),  # ends on a holiday
        ("2026-10-30", "2026-11-02", (), 1),  # month end
        ("2026-12-24", "2027-01-04", ("2026-12-25", "2027-01-01"), 5),  # year end
        ("2026-12-24", "2027-01-04", (), 7),
    ],
)
def test_business_days_between(
    start: str, end: str, holidays: tuple[str, ...], expected: int
) -> None:
    off = frozenset(d(day) for day in holidays)
    assert business_days_between(d(start), d(end), off) == expected


@pytest.mark.parametrize(
    ("day", "holidays", "business", "rolled"),
    [
        ("2026-11-20", (), True, "2026-11-20"),
        ("2026-11-21", (), False, "2026-11-23"),
        ("2026-11-22", (), False, "2026-11-23"),
        ("2026-11-26", ("2026-11-26",), False, "2026-11-27"),
        ("2026-12-25", ("2026-12-25", "2026-12-28"), False, "2026-12-29"),
    ],
)
def test_business_day_and_rolling_forward(
    day: str, holidays: tuple[str, ...], business: bool, rolled: str
) -> None:
    off = {d(one) for one in holidays}
    assert is_business_day(d(day), off) is business
    assert roll_to_business_day(d(day), off) == d(rolled)


DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
HOLIDAYS = st.frozensets(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2092, 12, 31)), max_size=40
)


@given(start=DAYS, days=st.integers(min_value=1, max_value=400), holidays=HOLIDAYS)
def test_adding_business_days_lands_on_a_business_day(
    start: date, days: int, holidays: frozenset[date]
) -> None:
    end = add_business_days(start, days, holidays)
    assert end > start
    assert end.weekday() < 5
    assert end not in holidays
    assert add_business_days(end, -days, holidays) <= start


@given(start=DAYS, days=st.integers(min_value=0, max_value=400), holidays=HOLIDAYS)
def test_counting_undoes_adding(start: date, days: int, holidays: frozenset[date]) -> None:
    assert business_days_between(start, add_business_days(start, days, holidays), holidays) == days


@given(start=DAYS, span=st.integers(min_value=-30, max_value=400), holidays=HOLIDAYS)
def test_counting_matches_walking_day_by_day(
    start: date, span: int, holidays: frozenset[date]
) -> None:
    end = start + timedelta(days=span)
    walked = sum(
        1
        for offset in range(1, span + 1)
        if is_business_day(start + timedelta(days=offset), holidays)
    )
    assert business_days_between(start, end, holidays) == walked
