"""The shortcuts an import takes for the common row give exactly what the long way gives.

``clean_line``, ``check_url`` and ``profile_key`` each return early for the plain values
most cells hold (a LinkedIn profile URL, a name without stray spaces), and ``check_contact``
returns a draft that is already normal as it is; everything else takes the long way.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from informa.domain.errors import ValidationError
from informa.domain.model import ContactDraft, Source
from informa.domain.validate import (
    MAX_NAME,
    MAX_TEXT,
    _check_name,
    _check_weeks,
    _checked_url,
    _clean_line,
    _storable,
    check_contact,
    check_email,
    check_url,
    clean_line,
    normalize_tags,
)
from informa.store.imports import _profile_key, profile_key

# Strings that look like web addresses, with the characters where the shortcuts and the long
# way could part: case, www., ports, user info, queries, brackets, spaces, controls, slashes.
_URL_CHARS = "abcwWxyzLINK.-_~%/:?#@[]+ \t\n\x00\u202eé0123"
_SCHEMES = st.sampled_from(
    ["", "https://", "http://", "HTTPS://", "ftp://", "javascript:", "//", "https:/", " https://"]
)
_HOSTS = st.sampled_from(
    ["www.linkedin.com", "linkedin.com", "WWW.LinkedIn.com", "www.", "www.www.x", ".", "-", ""]
) | st.text(_URL_CHARS, max_size=12)
_PATHS = st.lists(
    st.sampled_from(["/in", "/ada-lovelace-1a", "/", "//", "/Ada_L.~%20", "?x=1", "#top"])
    | st.text(_URL_CHARS, max_size=6),
    max_size=5,
).map("".join)
URLS = st.builds(lambda *parts: "".join(parts), _SCHEMES, _HOSTS, _PATHS) | st.text(
    _URL_CHARS, max_size=30
)


def _outcome_of_check_url(value: str) -> str | type[ValidationError]:
    try:
        return check_url(value)
    except ValidationError:
        return ValidationError


def _outcome_the_long_way(value: str) -> str | type[ValidationError]:
    value = value.strip()
    if not value:
        return value
    try:
        return _checked_url(value, "url")
    except ValidationError:
        return ValidationError


@given(URLS)
@settings(max_examples=1000)
@example("https://www.linkedin.com/in/ada-lovelace-li1f")
@example("http://a/b//c/")
@example("https://./x")
@example("https://x.com:8080/a")
@example("HTTPS://x.com/a")
def test_check_url_takes_no_shortcut_the_long_way_would_not(value: str) -> None:
    assert _outcome_of_check_url(value) == _outcome_the_long_way(value)


@given(URLS)
@settings(max_examples=1000)
@example("https://www.linkedin.com/in/Ada-Lovelace/")
@example("https://www.")
@example("www.")
@example("http://www.www.x/y//")
@example("linkedin.com/in/x//")
@example("in/ada")
def test_profile_key_takes_no_shortcut_the_long_way_would_not(url: str) -> None:
    assert profile_key(url) == (_profile_key(url) if url else "")


def test_every_printable_character_is_one_clean_line_keeps() -> None:
    """The reason the shortcut is right: ``clean_line`` removes or folds no printable
    character (the space aside, which it folds only when doubled or at an end)."""
    printable = "".join(
        char for code in range(sys.maxunicode + 1) if (char := chr(code)).isprintable()
    )
    without_space = printable.replace(" ", "")
    assert _clean_line(without_space) == without_space
    assert clean_line(without_space) == without_space


@given(
    st.text(
        st.characters(codec="utf-8") | st.sampled_from(" \t\n\x1b\u2028\u202e\ud800\xa0"),
        max_size=40,
    )
)
@settings(max_examples=1000)
@example("  Ada  Lovelace ")
@example("Ada\u00a0Lovelace")
@example(" ")
@example("")
def test_clean_line_takes_no_shortcut_the_long_way_would_not(value: str) -> None:
    assert clean_line(value) == _clean_line(value)


def _check_contact_the_long_way(draft: ContactDraft) -> ContactDraft:
    """What ``check_contact`` did before it had a shortcut: always a normalised copy."""
    return replace(
        draft,
        name=_check_name(draft.name, "name", "A name"),
        role=clean_line(draft.role)[:MAX_NAME],
        company=clean_line(draft.company)[:MAX_NAME],
        email=check_email(draft.email),
        linkedin_url=check_url(draft.linkedin_url, "linkedin_url"),
        location=clean_line(draft.location)[:MAX_NAME],
        tags=normalize_tags(draft.tags),
        notes=_storable(draft.notes[:MAX_TEXT]),
        check_in_weeks=_check_weeks(draft.check_in_weeks),
    )


_TEXT = st.text(st.sampled_from("Ada Lovelace \t\x1b"), max_size=12)
DRAFTS = st.builds(
    ContactDraft,
    name=_TEXT,
    role=_TEXT,
    company=_TEXT,
    email=st.sampled_from(["", "ada@example.org", " ada@example.org ", "ada@"]),
    linkedin_url=st.sampled_from(
        ["", "https://www.linkedin.com/in/ada", "linkedin.com/in/ada", "javascript:x"]
    ),
    location=_TEXT,
    source=st.sampled_from(Source),
    tags=st.lists(st.sampled_from(["data", "Data", " ml ", "a b"]), max_size=3).map(tuple),
    notes=st.sampled_from(["", "a note", "a\ud800b"]),
    check_in_weeks=st.sampled_from([None, 0, 4, 200]),
)


@given(DRAFTS)
@settings(max_examples=500)
def test_check_contact_gives_what_a_normalised_copy_would(draft: ContactDraft) -> None:
    try:
        expected = _check_contact_the_long_way(draft)
    except ValidationError as exc:
        with pytest.raises(ValidationError) as raised:
            check_contact(draft)
        assert (str(raised.value), raised.value.field) == (str(exc), exc.field)
        return
    assert check_contact(draft) == expected
    assert check_contact(expected) is expected  # already normal: itself, no copy
