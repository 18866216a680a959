"""Time comes from an injected clock so that tests and screenshots are deterministic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

Clock = Callable[[], datetime]
"""A function returning the current time as an aware datetime."""


def system_clock() -> datetime:
    """The real time in the machine's time zone, with its rules (so a date typed for after a
    daylight-saving change gets that day's offset, not today's)."""
    from tzlocal import get_localzone

    return datetime.now(get_localzone())


def fixed_clock(at: datetime) -> Clock:
    """A clock stopped at ``at`` (which must be aware)."""
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: at


def ensure_aware(value: datetime) -> datetime:
    """Reject naive datetimes: every timestamp informa stores is aware."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"naive datetime {value!r}: informa stores aware timestamps only")
    return value


def local_zone(clock: Clock) -> tzinfo:
    zone = clock().tzinfo
    assert zone is not None
    return zone


def zone_name(zone: tzinfo) -> str:
    """The IANA name of ``zone`` (``Europe/Berlin``) for files that need one; ``UTC`` for a
    zone without a name (a fixed offset, as in tests)."""
    key = getattr(zone, "key", None)  # zoneinfo.ZoneInfo
    return key if isinstance(key, str) and key else "UTC"


def humanize_ago(then: datetime, now: datetime) -> str:
    """'just now', '5m ago', '3h ago', '3d ago', '5w ago', '8mo ago', '2y ago'."""
    delta = now - then
    if delta < timedelta(0):
        return humanize_in(then, now)
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60}m ago"
    if seconds < 86400:
        return f"{seconds // 3600}h ago"
    days = delta.days
    if days < 14:
        return f"{days}d ago"
    if days < 60:
        return f"{days // 7}w ago"
    if days < 730:
        return f"{days // 30}mo ago"
    return f"{days // 365}y ago"


def humanize_in(then: datetime, now: datetime) -> str:
    delta = then - now
    seconds = int(delta.total_seconds())
    if seconds < 3600:
        return f"in {max(seconds // 60, 1)}m"
    if seconds < 86400:
        return f"in {seconds // 3600}h"
    return f"in {delta.days}d"
