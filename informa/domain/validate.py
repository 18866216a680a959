"""Rules for what users type into forms. Pure: raise ``ValidationError`` naming the field."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from informa.domain.errors import ValidationError
from informa.domain.model import CompanyDraft, ContactDraft

MAX_NAME = 200
MAX_TEXT = 100_000
_TAG = re.compile(r"[^\w+#.-]+")


# Characters no one-line field needs, that would drive a terminal or a spreadsheet: control
# characters (ESC, NUL, C1 such as the one-byte CSI U+009B) and the bidirectional overrides,
# embeddings and isolates that reorder how the rest of a line is shown ("Trojan source").
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates cannot be written as UTF-8 (SQLite, every export).
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_line(value: str) -> str:
    """One line of text: trimmed, inner runs of whitespace (including newlines) folded, and
    control characters dropped (whitespace ones fold to a space first)."""
    if _is_clean(value):
        return value  # most cells (an import: tens of thousands): well under half the time
    return _clean_line(value)


def _is_clean(value: str) -> bool:
    """Whether ``clean_line`` would return ``value`` unchanged. ``str.isprintable`` is false
    for every character it removes or folds (controls, format characters such as the
    bidirectional ones, surrogates, every whitespace but the space), so a printable value
    is clean unless it has a space too many."""
    return (
        value.isprintable()
        and "  " not in value
        and not value.startswith(" ")
        and not value.endswith(" ")
    )


def _clean_line(value: str) -> str:
    return " ".join(_UNPRINTABLE.sub("", _storable(" ".join(value.split()))).split())


def _storable(value: str) -> str:
    """``value`` with any lone surrogate replaced (U+FFFD), so it can be stored."""
    return _SURROGATE.sub("\N{REPLACEMENT CHARACTER}", value)


def name_key(value: str) -> str:
    """How names are compared: whitespace folded, Unicode case-folded ("Élan" == "ÉLAN")."""
    return clean_line(value).casefold()


def check_email(value: str, field: str = "email") -> str:
    value = value.strip()
    if value and not _is_email(value):
        raise ValidationError(f"'{value}' is not an email address", field=field)
    return value


def _is_email(value: str) -> bool:
    """``name@host.domain``: one ``@``, no spaces or control characters, a dot inside the
    domain. Checked by hand: a regex such as ``^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`` backtracks
    quadratically on a long cell (seconds for one 30,000-character cell)."""
    local, _, domain = value.partition("@")
    return (
        bool(local)
        and "@" not in domain
        and "." in domain[1:-1]
        and not any(char.isspace() for char in value)
        and not _UNPRINTABLE.search(value)
    )


_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))", re.IGNORECASE)
# An address that check_url returns as it is: lower-case http(s), a plain host name, a path
# of unreserved characters (a LinkedIn profile: https://www.linkedin.com/in/ada-lovelace-1a).
_PLAIN_URL = re.compile(r"https?://[a-z0-9.-]+(?:/[A-Za-z0-9._~%-]*)*")


def check_url(value: str, field: str = "url") -> str:
    """A web address; ``example.com/x`` gets ``https://``; other schemes are refused."""
    value = value.strip()
    if not value or _PLAIN_URL.fullmatch(value):
        return value  # the common shape, ten times faster than urlsplit and the checks
    return _checked_url(value, field)


def _checked_url(value: str, field: str) -> str:
    """``check_url`` of a stripped, non-empty ``value``, the long way."""
    problem = ValidationError(f"'{value}' is not a web address (http:// or https://)", field=field)
    if "://" not in value and _OTHER_SCHEME.match(value):
        raise problem  # javascript:..., mailto:..., but not host:8080
    try:
        parts = urlsplit(value if "://" in value else f"https://{value}")  # "http://[x": bad
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise problem from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in value)
        or _UNPRINTABLE.search(value)
    ):
        raise problem
    return parts.geturl()


def normalize_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = _TAG.sub("-", tag.strip().lower()).strip("-")[:50].rstrip("-")
        if cleaned:  # cut, then trimmed: a tag stored is the same when checked again
            seen.setdefault(cleaned, None)
    return tuple(seen)


def _check_name(value: str, field: str, what: str) -> str:
    name = clean_line(value)
    if not name:
        raise ValidationError(f"{what} is required", field=field)
    if len(name) > MAX_NAME:
        raise ValidationError(f"{what} is longer than {MAX_NAME} characters", field=field)
    return name


def check_contact(draft: ContactDraft) -> ContactDraft:
    """Validate and normalise a contact draft."""
    name = _check_name(draft.name, "name", "A name")
    role = clean_line(draft.role)[:MAX_NAME]
    company = clean_line(draft.company)[:MAX_NAME]
    email = check_email(draft.email)
    linkedin_url = check_url(draft.linkedin_url, "linkedin_url")
    location = clean_line(draft.location)[:MAX_NAME]
    tags = normalize_tags(draft.tags)
    notes = _storable(draft.notes[:MAX_TEXT])
    check_in_weeks = _check_weeks(draft.check_in_weeks)
    if (name, role, company, email, linkedin_url, location, tags, notes) == (
        draft.name,
        draft.role,
        draft.company,
        draft.email,
        draft.linkedin_url,
        draft.location,
        draft.tags,
        draft.notes,
    ):
        return draft  # already normal (an import reader's rows): no copy to make
    return replace(
        draft,
        name=name,
        role=role,
        company=company,
        email=email,
        linkedin_url=linkedin_url,
        location=location,
        tags=tags,
        notes=notes,
        check_in_weeks=check_in_weeks,
    )


MAX_CHECK_IN_WEEKS = 104


def _check_weeks(weeks: int | None) -> int | None:
    if weeks is not None and not 1 <= weeks <= MAX_CHECK_IN_WEEKS:
        raise ValidationError(
            f"check in every 1 to {MAX_CHECK_IN_WEEKS} weeks, or leave it blank",
            field="check_in_weeks",
        )
    return weeks


def check_company(draft: CompanyDraft) -> CompanyDraft:
    return replace(
        draft,
        name=_check_name(draft.name, "name", "A company name"),
        industry=clean_line(draft.industry)[:MAX_NAME],
        website=check_url(draft.website, "website"),
        research=_storable(draft.research[:MAX_TEXT]),
    )
