"""The thank-you after a call: what to mention, and the values its templates are filled with.

A thank-you names one to three specific things the user learned: the call's Advice (``A:``)
and Information (``I:``) lines, picked by the user (:func:`default_picks` pre-selects them),
plus the people the contact suggested talking to (``R:`` lines, :func:`introductions`).

:func:`thank_you_fields` gives every placeholder's value and :func:`fill_thank_you` fills a
template's text. Two placeholders can be empty, and a template still reads well then:

- a line holding an empty ``{learned}``, ``{introductions}`` or ``{introduced_names}`` is
  left out, together with a blank line it would leave doubled;
- ``{learned}`` adapts to where it stands: alone on its line, or at the end of a line right
  after a colon (``A few things I'm taking with me: {learned}``), it becomes one ``- item``
  line per pick; anywhere else, within a sentence, the picks are joined as "a, b and c".

Every other placeholder with no value shows as a ``[company]`` marker, as in outreach
templates, so the user sees what to fill in by hand.

``{call_date}`` is relative to the moment of writing, in the time zone of ``now`` (pass a
local time): "today", "yesterday", "on Thursday" (within the last week), otherwise
"on 20 November" ("on 20 November 2025" in another year). The preposition is part of the
value, so "Thank you for talking with me {call_date}." reads right in every case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from informa.domain.notes import Tag, TaggedLine, parse_notes
from informa.domain.validate import name_key

LINKEDIN_NOTE_LIMIT = 300
"""A LinkedIn connection note must be shorter than this many characters (outreach and
thank-you templates share it; ``informa.templates`` re-exports it)."""

DEFAULT_PICKS = 3
THANK_YOU_PLACEHOLDERS = (
    "first_name",
    "full_name",
    "company",
    "call_date",
    "learned",
    "introductions",
    "introduced_names",
    "my_name",
)
OPTIONAL_PLACEHOLDERS = frozenset({"learned", "introductions", "introduced_names"})
"""Placeholders that may be empty: the line holding one is then left out."""
LIST_PLACEHOLDERS = frozenset({"learned"})
"""Placeholders whose value is one item per line (a list or a sentence, by position)."""

_LEARNED_TAGS = (Tag.ADVICE, Tag.INFO)
_HONORIFICS = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev"}
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "{{" and "}}" are literal braces, "{name}" a placeholder, any other brace is kept as written.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_TRAILING = ".,;:!? "


# --- what was learned, and who they suggested ------------------------------------------------


def learned_items(notes: str) -> list[TaggedLine]:
    """The call's Advice and Info lines, in note order (each knows the question it is under)."""
    return [item for item in parse_notes(notes).tagged if item.tag in _LEARNED_TAGS]


def default_picks(items: Sequence[TaggedLine], limit: int = DEFAULT_PICKS) -> list[TaggedLine]:
    """What to pre-select: up to ``limit`` items, Advice first (it is what the contact gave
    the user), then Info to make up the number; each kind taken in note order, a repeated
    text only once. The picks come back in note order, so the draft follows the call."""
    picks: list[TaggedLine] = []
    seen: set[str] = set()
    for tag in _LEARNED_TAGS:
        for item in items:
            key = name_key(item.text)
            if len(picks) >= limit:
                break
            if item.tag is tag and key and key not in seen:
                seen.add(key)
                picks.append(item)
    return sorted(picks, key=lambda item: item.line)


def introductions(notes: str, referral_contacts_names: Iterable[str] = ()) -> list[str]:
    """The people the contact suggested talking to: those the notes' ``R:`` lines name, then
    ``referral_contacts_names`` (say, contacts already saved as referred by them), each name
    once (compared as names are: spacing and case folded)."""
    names: list[str] = []
    seen: set[str] = set()
    found = (candidate.name for candidate in parse_notes(notes).referrals)
    for name in (*found, *referral_contacts_names):
        name = " ".join(name.split())
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            names.append(name)
    return names


def referred_in_call(
    referred: Iterable[tuple[str, datetime]],
    started: datetime | None,
    later_starts: Iterable[datetime] = (),
) -> list[str]:
    """Of the people saved as referred by the contact (name, when saved), those of one call:
    saved from its start (``started``; none for a call not started) until the start of the
    contact's next call (the first of ``later_starts`` after ``started``, if any), in order.
    People referred before the call, or in a later one, are not thanked for in this one."""
    if started is None:
        return []
    until = min((at for at in later_starts if at > started), default=None)
    return [
        name for name, saved in referred if saved >= started and (until is None or saved < until)
    ]


# --- the values ------------------------------------------------------------------------------


def first_name(name: str) -> str:
    """The first word of a name after any title: "Dr. Maya Okafor" → "Maya"."""
    words = [word.strip(",") for word in name.split()]
    while len(words) > 1 and words[0].rstrip(".").lower() in _HONORIFICS:
        words.pop(0)
    return words[0] if words and words[0] else ""


def call_date(call_end: datetime, now: datetime) -> str:
    """When the call was, seen from ``now`` in ``now``'s zone: "today", "yesterday",
    "on Thursday" (2–6 days ago), else "on 20 November" (with the year if not this one)."""
    day = call_end.astimezone(now.tzinfo).date()
    today = now.date()
    days = (today - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 2 <= days <= 6:
        return f"on {_WEEKDAYS[day.weekday()]}"
    text = f"on {day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def join_words(items: Sequence[str]) -> str:
    """Items as prose: "a", "a and b", "a, b and c" (semicolons when an item has a comma)."""
    if len(items) <= 2:
        return " and ".join(items)
    if any("," in item for item in items):
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def introductions_sentence(names: Sequence[str]) -> str:
    """The sentence ``{introductions}`` stands for; empty without names."""
    if not names:
        return ""
    return f"Thank you also for suggesting I reach out to {join_words(names)}."


def thank_you_fields(
    *,
    contact_name: str,
    company: str,
    call_end: datetime,
    picked: Sequence[str],
    introductions: Sequence[str],
    my_name: str,
    now: datetime,
) -> dict[str, str]:
    """Every placeholder's value (``THANK_YOU_PLACEHOLDERS``). ``{learned}`` holds the
    ``picked`` texts one per line; unknown values are empty (shown as markers, or the line
    left out for the optional ones)."""
    names = [" ".join(name.split()) for name in introductions if name.strip()]
    return {
        "first_name": first_name(contact_name),
        "full_name": " ".join(contact_name.split()),
        "company": company.strip(),
        "call_date": call_date(call_end, now),
        "learned": "\n".join(" ".join(text.split()) for text in picked if text.strip()),
        "introductions": introductions_sentence(names),
        "introduced_names": join_words(names),
        "my_name": my_name.strip(),
    }


# --- filling in ------------------------------------------------------------------------------


def _items(value: str) -> list[str]:
    return [" ".join(line.split()) for line in value.splitlines() if line.strip()]


def _value(name: str, fields: Mapping[str, str]) -> str:
    raw = str(fields.get(name, ""))
    if name in LIST_PLACEHOLDERS:
        return join_words([item.rstrip(_TRAILING) for item in _items(raw)])
    return " ".join(raw.split())


def _fill_inline(text: str, fields: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group()
        if token in ("{{", "}}"):
            return token[0]
        if match.group(1) is None:
            return token  # a lone brace: kept as written
        name = match.group(1).strip()
        return _value(name, fields) or f"[{name}]"

    return _TOKEN.sub(replace, text)


def _fill_line(line: str, fields: Mapping[str, str], lists: bool) -> list[str] | None:
    """The line filled in (a list placeholder may make it several), or ``None`` when an
    optional placeholder in it is empty."""
    placeholders = [m for m in _TOKEN.finditer(line) if m.group(1) is not None]
    for match in placeholders:
        name = match.group(1).strip()
        if name in OPTIONAL_PLACEHOLDERS and not _items(str(fields.get(name, ""))):
            return None
    if lists and placeholders:
        last = placeholders[-1]
        name = last.group(1).strip()
        lead = line[: last.start()].rstrip()
        if (
            name in LIST_PLACEHOLDERS
            and not line[last.end() :].strip()
            and (not lead or lead.endswith(":"))
        ):
            indent = line[: len(line) - len(line.lstrip())]
            bullets = [f"{indent}- {item}" for item in _items(str(fields.get(name, "")))]
            return ([_fill_inline(lead, fields)] if lead else []) + bullets
    return [_fill_inline(line, fields)]


def fill_thank_you(text: str, fields: Mapping[str, str], *, lists: bool = True) -> str:
    """``text`` with its placeholders filled in (see the module's notes); ``lists=False``
    keeps everything on its line (for a subject)."""
    out: list[str] = []
    skip_blank = False
    for line in text.splitlines():
        filled = _fill_line(line, fields, lists)
        if filled is None:
            # A blank line before the dropped one (or none at all) makes the next one spare.
            skip_blank = not out or not out[-1].strip()
            continue
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        out.extend(filled)
    return "\n".join(out).strip("\n")


# --- checks and records ----------------------------------------------------------------------


def linkedin_note_fits(text: str) -> bool:
    """Whether ``text`` is short enough for a LinkedIn connection note."""
    return len(text) < LINKEDIN_NOTE_LIMIT


def sent_detail(channel: str) -> str:
    """What the THANK_YOU activity says about how the thank-you went out."""
    return {
        "email": "Thank-you sent by email",
        "message": "Thank-you sent as a message",
        "linkedin": "Thank-you sent with a LinkedIn connection note",
    }.get(channel, "Thank-you sent")
