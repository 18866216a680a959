"""Days as the follow-up rules count them: local days and business days.

* **Local days.** Timestamps are aware (the store keeps UTC). A rule that counts days first
  turns a timestamp into the local day in the user's zone (``local_day``): a reply at 23:30 UTC
  can be the next day in Berlin.
* **Business days** are Monday to Friday, except the configured holidays. "*n* business days
  after *d*" is the *n*-th business day strictly after *d*, whatever *d* itself is: an outreach
  on Friday or Saturday plus 1 is Monday; plus 0 is the day itself.
"""

from __future__ import annotations

from collections.abc import Collection
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timedelta, tzinfo

from informa.domain.clock import ensure_aware

WEEKEND = (5, 6)
"""``date.weekday()`` of Saturday and Sunday."""


def holiday_set(holidays: Collection[date]) -> AbstractSet[date]:
    """``holidays`` as a set (as it is, if it is one): looked up once a day counted."""
    return holidays if isinstance(holidays, AbstractSet) else frozenset(holidays)


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    """Monday to Friday, and not one of ``holidays``."""
    return day.weekday() not in WEEKEND and day not in holiday_set(holidays)


def add_business_days(start: date, days: int, holidays: Collection[date] = ()) -> date:
    """The ``days``-th business day after ``start`` (before it, for a negative ``days``).

    ``start`` itself never counts, business day or not: Friday + 1 is Monday, Saturday + 1 is
    Monday, Sunday + 3 is Wednesday, a holiday in between is stepped over. ``days == 0``
    returns ``start`` unchanged (even on a weekend). For ``days >= 0``,
    ``business_days_between(start, add_business_days(start, days)) == days``.
    """
    off = holiday_set(holidays)
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
        1 for offset in range(1, rest + 1) if (start + timedelta(offset)).weekday() not in WEEKEND
    )
    count -= sum(
        1 for day in holiday_set(holidays) if start < day <= end and day.weekday() not in WEEKEND
    )
    return count


def roll_to_business_day(day: date, holidays: Collection[date] = ()) -> date:
    """``day`` if it is a business day, else the next business day."""
    off = holiday_set(holidays)
    while not is_business_day(day, off):
        day += timedelta(days=1)
    return day


def local_day(at: datetime, zone: tzinfo | None) -> date:
    """The day ``at`` falls on in ``zone`` (None: in its own offset)."""
    return (ensure_aware(at).astimezone(zone) if zone is not None else at).date()
