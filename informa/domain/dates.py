"""Natural date input ("today", "thu 3pm", "in 2 weeks", "2026-12-03"), always read relative to
the injected clock, so the user can be shown exactly what informa understood.

dateparser does the parsing (imported on first use: it is slow to import).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Literal

from informa.domain.errors import ValidationError

Prefer = Literal["past", "future"]
# A date needs a digit or a word that is more than an article or a preposition.
_MEANINGFUL = re.compile(r"\d|\b(?!(?:a|an|the|at|on|in|of|by)\b)[a-z]{2,}", re.IGNORECASE)
# "at 9" is nine o'clock, not September.
_BARE_HOUR = re.compile(r"\bat\s+(\d{1,2})\b(?!\s*[:.]|\s*[ap]\.?m)", re.IGNORECASE)
_TIME_GIVEN = re.compile(
    r"\d{1,2}:\d{2}|\b\d{1,2}\s*[ap]\.?m\b|\b(noon|midnight|now)\b|\b(hours?|minutes?|mins?)\b"
    r"|\bat\s+\d{1,2}\b",
    re.IGNORECASE,
)
HINT = "try 'today', 'yesterday', 'thu 3pm', 'in 2 weeks' or 2026-12-03"
MAX_INPUT = 100


@dataclass(frozen=True, slots=True)
class When:
    """A moment the user typed: ``at`` is aware, in the clock's zone."""

    at: datetime
    has_time: bool
    """False when only a day was given ("friday", "2026-12-03")."""

    @property
    def day(self) -> date:
        return self.at.date()


def parse_when(text: str, now: datetime, *, prefer: Prefer = "future", field: str = "when") -> When:
    """Read ``text`` relative to ``now``; raises ``ValidationError`` naming ``field``.

    ``prefer`` settles ambiguous input: "thu" is last Thursday when logging what happened,
    next Thursday when planning.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError(f"a date is needed ({HINT})", field=field)
    if len(cleaned) > MAX_INPUT:
        raise ValidationError(f"that is too long for a date ({HINT})", field=field)
    zone = now.tzinfo
    if zone is None:
        raise ValueError("parse_when needs an aware 'now'")
    if not _MEANINGFUL.search(cleaned):
        raise ValidationError(f"could not read '{cleaned}' as a date ({HINT})", field=field)
    data = _parse(_BARE_HOUR.sub(r"at \1:00", cleaned), now, prefer)
    parsed = data.date_obj if data is not None else None
    if parsed is None:
        raise ValidationError(f"could not read '{cleaned}' as a date ({HINT})", field=field)
    has_time = bool(_TIME_GIVEN.search(cleaned))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    parsed = parsed.astimezone(zone)
    if not has_time:
        parsed = datetime.combine(parsed.date(), time(0, 0), tzinfo=zone)
    return When(parsed, has_time)


def _offset(now: datetime) -> str:
    """The clock's UTC offset as dateparser wants it ('+0100'): input without a zone is read
    in it, and input with one ("10:00 EST", "+05:00") is converted from it."""
    offset = now.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _parse(text: str, now: datetime, prefer: Prefer) -> Any:
    from dateparser.date import DateDataParser

    # A named zone (Europe/Berlin) knows its daylight-saving rules; a bare offset does not.
    zone = getattr(now.tzinfo, "key", None) or _offset(now)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": now.replace(tzinfo=None),
            "PREFER_DATES_FROM": prefer,
            "TIMEZONE": zone,
            "TO_TIMEZONE": zone,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    try:
        return parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None


def parse_day(text: str, now: datetime, *, prefer: Prefer = "future", field: str = "due") -> date:
    return parse_when(text, now, prefer=prefer, field=field).day


def describe_day(day: date, today: date) -> str:
    """'Thu 26 Nov 2026 (in 6 days)', 'Fri 20 Nov 2026 (today)'."""
    delta = (day - today).days
    if delta == 0:
        relative = "today"
    elif delta == 1:
        relative = "tomorrow"
    elif delta == -1:
        relative = "yesterday"
    elif delta > 0:
        relative = f"in {delta} days"
    else:
        relative = f"{-delta} days ago"
    return f"{day:%a %d %b %Y} ({relative})"


def describe_when(when: When, now: datetime) -> str:
    """What informa understood, to show back before saving."""
    text = describe_day(when.day, now.date())
    if when.has_time:
        text = text.replace(" (", f", {when.at:%H:%M} (", 1)
    return text


def day_start(day: date, now: datetime) -> datetime:
    """Midnight of ``day`` in the clock's zone."""
    return datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)


def at_time_of(day: date, now: datetime) -> datetime:
    """``day`` at the current time of day: a logged "yesterday" sorts naturally."""
    return datetime.combine(day, now.timetz()) if now.tzinfo else day_start(day, now)
