"""Arbitrary input never raises anything but informa's own errors (or nothing at all).

Where each property lives (the ones in this file are marked ``*``):

notes parser (``informa/domain/notes.py``): never raises
    tests/unit/test_notes.py: any text parses, every heading is a section, the text renders
    back byte for byte, sections partition the lines, tagged lines and referrals point at
    their prefix, ``toggle_tag`` never raises and twice gives the line back
    * any code point at all (lone surrogates, C0/C1 controls, bidi overrides) parses, renders
      back, and tags; long runs of spaces parse within hypothesis' deadline (they took
      seconds: the heading and referral patterns backtracked quadratically)
natural dates (``informa/domain/dates.py``): an aware datetime or ``ValidationError``
    tests/unit/test_dates.py: any text (up to 100 characters) and date-like words, at a
    fixed UTC clock
    * any code point, past ``MAX_INPUT``, at any clock from 1971 to 2099 in zones with
      daylight saving, half-hour and ±14 hour offsets
question banks and settings (``informa/banks/loader.py``, ``informa/settings.py``,
``informa/yamlfile.py``)
    * any bytes or YAML-like text: a bank loads or raises ``FileProblems`` (one located line
      per problem); settings never raise (defaults and located problems)
    * a broken user bank never hides a bundled one
    * any bank written in the documented format loads with exactly its values
    * ``save_theme`` on any settings file: ``FileProblems`` and the file untouched, or the new
      theme and every other setting as it was
LinkedIn ``Connections.csv`` (``informa/interchange/linkedin.py``): people or ``BadFileError``
    tests/interchange/test_linkedin.py: any text; any text after the real header
    * any bytes; any bytes after the real header
contacts CSV (``informa/interchange/contacts_csv.py``)
    tests/interchange/test_contacts_csv.py: any text, CSV-like text, any bytes; any contact
    round-trips exactly
vCard (``informa/interchange/vcard.py``)
    tests/interchange/test_vcard.py: any contact round-trips; any property lines; an export cut
    or damaged anywhere; any bytes
all three readers
    * any text saved in another encoding (Latin-1, Windows-1252, Mac Roman, UTF-16 with and
      without a byte-order mark, UTF-32): people or one line naming the file
email and web addresses (``informa/domain/validate.py``), in forms and in every reader
    * cells of thousands of characters are checked within hypothesis' deadline (an email
      address took seconds: the pattern backtracked quadratically)
search (``informa/store/search.py``): never raises
    tests/store/test_search.py: every built query is valid FTS5; any query on a file database
    * any stored names and notes (contacts and calls) with any query and any limit; a word
      stored among arbitrary text is found; no snippet is cut at a NUL

Beside this file: ``test_bad_files.py`` (hand-made bad files, each with its exact message)
and ``test_hostile_text.py`` (escapes and overlong text in forms: stored by the rules, and
shown harmlessly by the app).
"""

from __future__ import annotations

import itertools
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from informa.banks import load_bank_file, load_banks
from informa.domain.clock import fixed_clock
from informa.domain.dates import HINT, Prefer, describe_when, parse_day, parse_when
from informa.domain.errors import BadFileError, FileProblems, ValidationError
from informa.domain.model import ContactDraft
from informa.domain.notes import Tag, is_name, parse_notes, render, tag_of, toggle_tag
from informa.domain.validate import check_email, check_url, clean_line
from informa.interchange.contacts_csv import read_csv
from informa.interchange.linkedin import read_connections
from informa.interchange.vcard import read_vcards
from informa.paths import bundled_banks_dir
from informa.settings import Settings, load_settings, save_theme
from informa.store import Store
from tests.builders import NOW

ANY_TEXT = st.text(st.characters(exclude_categories=()))
"""Every code point, lone surrogates included (``st.text()`` leaves those out)."""
CONTROLS = st.sampled_from(
    ["\x00", "\x1b[2J", "\x1b]0;title\x07", "\x9b31m", "\u202e", "\r", "\x0b", "\x85", "\u2028"]
)


@contextmanager
def written(name: str, data: bytes) -> Iterator[Path]:
    """A file holding ``data`` in a fresh folder (hypothesis runs many examples per test)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _one_line_each(problems: list[Any], path: Path) -> None:
    for problem in problems:
        text = str(problem)
        assert text.startswith((f"{path}:", f"{path} ")), text
        assert "\n" not in text


# -- the notes parser -------------------------------------------------------------------------

NOTES_PIECES = st.sampled_from(
    ["## [01:02] ", "## [1:00]", "A: ", "I:", "R: ", "TODO: ", "- ", "* ", "Jane Doe", " (Acme)"]
)
NOTES = ANY_TEXT | st.lists(NOTES_PIECES | CONTROLS | ANY_TEXT, max_size=12).map("".join)


@settings(max_examples=200)
@given(NOTES)
def test_notes_of_any_code_points_parse_and_render_back(text: str) -> None:
    parsed = parse_notes(text)
    assert render(parsed) == text
    lines = text.splitlines()
    tagged = {(item.line, item.question) for item in parsed.by_tag(Tag.REFERRAL)}
    for referral in parsed.referrals:  # each names someone on one of the R: lines
        line = lines[referral.line - 1]
        assert tag_of(line) is Tag.REFERRAL
        assert (referral.line, referral.question) in tagged
        assert is_name(referral.name)
        assert referral.name in line
    for line in text.splitlines():
        tag_of(toggle_tag(line, Tag.REFERRAL))


LONG_RUNS = st.builds(
    lambda head, space, count, tail: head + space * count + tail,
    st.sampled_from(["## [01:00] x", "## [01:00]", "R: Ann Lee", "R: Ann (Acme", "R: Ann, lead"]),
    st.sampled_from([" ", "\t", " \t", "\u00a0", "\u3000"]),
    st.integers(1_000, 20_000),
    st.sampled_from(["", "y", "-x", "at", "at Lumen", "@", "(", ", z", " — z"]),
)


@settings(max_examples=25)  # the default deadline (200 ms) is the point: it took seconds
@given(LONG_RUNS)
def test_long_runs_of_spaces_parse_within_the_deadline(line: str) -> None:
    text = f"{line}\nR: Jane Doe{line[-30:]}\n"
    assert render(parse_notes(text)) == text


# -- natural dates ----------------------------------------------------------------------------

ZONES = [
    UTC,
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-12)),
    timezone(timedelta(hours=5, minutes=45)),
    ZoneInfo("Europe/Berlin"),
    ZoneInfo("America/Los_Angeles"),
    ZoneInfo("Australia/Lord_Howe"),  # a half-hour daylight-saving shift
]
DATE_WORDS = st.sampled_from([
    "today", "tomorrow", "yesterday", "in", "ago", "next", "last", "at", "thu", "friday", "dec",
    "noon", "3pm", "9", "25:00", "2026-02-29", "2026-03-29 02:30", "9999-12-31", "weeks",
    "years", "99999999999999999999", "+14:00", "EST", "CET", "-", "1e9", "-5", "months",
])  # fmt: skip
DATE_TEXT = (
    ANY_TEXT
    | st.text(min_size=90, max_size=130)  # around MAX_INPUT (100)
    | st.lists(DATE_WORDS | CONTROLS | ANY_TEXT, min_size=1, max_size=8).map(" ".join)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=DATE_TEXT,
    # Hypothesis takes naive bounds; the test gives each moment a zone.
    naive=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)),  # noqa: DTZ001
    zone=st.sampled_from(ZONES),
    prefer=st.sampled_from(["past", "future"]),
)
def test_any_text_at_any_clock_is_a_moment_or_a_validation_error(
    text: str, naive: datetime, zone: timezone | ZoneInfo, prefer: Prefer
) -> None:
    now = naive.replace(tzinfo=zone)
    try:
        when = parse_when(text, now, prefer=prefer, field="due")
    except ValidationError as exc:
        assert exc.field == "due"
        assert HINT in str(exc)
        assert "\n" not in str(exc)
        return
    assert when.at.tzinfo is not None
    assert describe_when(when, now)
    assert parse_day(text, now, prefer=prefer) == when.day


# -- question banks and settings --------------------------------------------------------------

YAML_PIECES = st.sampled_from([
    "id: ", "title: ", "topics:", "questions:", "text: ", "priority: ", "tiara: ", "tags: ",
    "follow_ups:", "theme: ", "holidays:", "keys:", "\n", "\n  ", "\n    - ", "- ", "\t",
    "[", "]", "{", "}", ": ", "&a ", "*a", "? ", "---\n", "...", "'", '"', "#", "|", ">",
    "!!int ", "!!timestamp ", "!!binary ", "!!python/object:os.system ", "!x ", "<<: ",
    "2026-02-30", "1e999", "~", "yes", "%YAML 1.1\n", "\x00", "\ufeff", "\u2028", "\r",
])  # fmt: skip
YAML_TEXT = st.text(max_size=200) | st.lists(YAML_PIECES | st.text(max_size=4), max_size=40).map(
    "".join
)
YAML_BYTES = YAML_TEXT.map(lambda text: text.encode("utf-8")) | st.binary(max_size=200)


@settings(max_examples=50, deadline=None)
@given(YAML_BYTES)
def test_any_file_is_a_bank_or_located_problems_and_settings_never_raise(data: bytes) -> None:
    with written("mine.yaml", data) as path:
        try:
            load_bank_file(path)
        except FileProblems as exc:
            assert exc.problems
            _one_line_each(exc.problems, path)
        loaded, problems = load_settings(path)
        assert isinstance(loaded, Settings)
        _one_line_each(problems, path)


BUNDLED = load_banks(bundled_banks_dir())


@settings(max_examples=40, deadline=None)
@given(YAML_BYTES)
def test_a_broken_user_bank_never_hides_the_bundled_ones(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "mine.yaml").write_bytes(data)
        found = load_banks(bundled_banks_dir(), Path(folder))
    assert {bank.id for bank in BUNDLED.banks} <= {bank.id for bank in found.banks}
    assert len(found.banks) <= len(BUNDLED.banks) + 1


IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
# PyYAML writes U+0085, U+2028 and U+2029 unescaped, then reads them as line breaks.
WORDS = st.text(
    st.characters(codec="utf-8", exclude_characters="\x85\u2028\u2029"), max_size=40
).filter(str.strip)
Fields = dict[str, st.SearchStrategy[Any]]
QUESTION_FIELDS: Fields = {
    "tiara": st.sampled_from(["trends", "insights", "advice", "resources", "assignments"]),
    "priority": st.integers(1, 3),
    "follow_ups": st.lists(WORDS, max_size=3),
    "tags": st.lists(WORDS, max_size=3),
}
QUESTION = st.fixed_dictionaries({"id": IDS, "text": WORDS}, optional=QUESTION_FIELDS)
TOPIC_FIELDS: Fields = {
    "id": IDS,
    "title": WORDS,
    "questions": st.lists(QUESTION, max_size=4, unique_by=lambda q: str(q["id"])),
}
TOPIC = st.fixed_dictionaries(TOPIC_FIELDS, optional={"description": WORDS})
BANK_FIELDS: Fields = {
    "id": IDS,
    "title": WORDS,
    "topics": st.lists(TOPIC, min_size=1, max_size=3, unique_by=lambda t: str(t["id"])),
}
BANK = st.fixed_dictionaries(BANK_FIELDS, optional={"description": WORDS})


@settings(max_examples=50, deadline=None)
@given(BANK, st.booleans())
def test_any_bank_in_the_documented_format_loads_with_its_values(
    bank: dict[str, Any], flow: bool
) -> None:
    text = yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    with written("bank.yaml", text.encode("utf-8")) as path:
        loaded = load_bank_file(path)
    assert (loaded.id, loaded.title) == (bank["id"], bank["title"].strip())
    assert loaded.description == bank.get("description", "").strip()
    assert [topic.id for topic in loaded.topics] == [topic["id"] for topic in bank["topics"]]
    for topic, source in zip(loaded.topics, bank["topics"], strict=True):
        assert topic.title == source["title"].strip()
        for question, q in zip(topic.questions, source["questions"], strict=True):
            assert question.ref == f"{bank['id']}/{topic.id}/{q['id']}"
            assert question.text == q["text"].strip()
            assert question.tiara == q.get("tiara")
            assert question.priority == q.get("priority", 2)
            assert question.follow_ups == tuple(text.strip() for text in q.get("follow_ups", []))
            assert question.tags == tuple(text.strip() for text in q.get("tags", []))


@settings(max_examples=50, deadline=None)
@given(
    YAML_TEXT | st.lists(st.sampled_from(["theme: nord", "call_minutes: 30", "# c"])).map("\n".join)
)
def test_saving_the_theme_keeps_the_file_or_every_other_setting(text: str) -> None:
    data = text.encode("utf-8")
    with written("settings.yaml", data) as path:
        before, problems = load_settings(path)
        try:
            save_theme(path, "informa-light")
        except FileProblems as exc:
            _one_line_each(exc.problems, path)
            assert path.read_bytes() == data
            return
        after, _ = load_settings(path)
        if not problems:
            assert after == replace(before, theme="informa-light")


# -- the file readers -------------------------------------------------------------------------

LINKEDIN_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def _people_or_one_line(reader: Any, path: Path) -> None:
    try:
        result = reader(path)
    except BadFileError as exc:
        _one_line_each([exc], path)
        return
    for person in result.contacts:
        assert person.draft.name == person.draft.name.strip() != ""
        assert person.line >= 1


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=400), st.booleans())
def test_linkedin_reads_any_bytes_or_says_why_not(data: bytes, after_header: bool) -> None:
    with written("Connections.csv", LINKEDIN_HEADER + data if after_header else data) as path:
        _people_or_one_line(read_connections, path)


READERS = [read_connections, read_csv, read_vcards]
CONTENT = st.sampled_from(
    [
        "name,company\r\n",
        LINKEDIN_HEADER.decode(),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:",
        "José García,Acme\r\n",
        "END:VCARD\r\n",
    ]
)
ENCODINGS = ["latin-1", "cp1252", "mac-roman", "utf-16", "utf-16-le", "utf-32", "utf-8-sig"]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(CONTENT | st.text(max_size=20), min_size=1, max_size=6).map("".join),
    st.sampled_from(ENCODINGS),
)
def test_every_reader_reads_another_encoding_or_says_why_not(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    with written("people.csv", data) as path:
        for reader in READERS:
            _people_or_one_line(reader, path)


LONG_VALUES = st.builds(
    lambda head, piece, count, tail: head + piece * count + tail,
    st.sampled_from(["a@", "ada@", "@", "https://", "http://x/", ""]),
    st.sampled_from(["b.", "b", ".", "@", " ", "a:", "%", "[", "é."]),
    st.integers(1_000, 15_000),
    st.sampled_from(["", " x", "@", ".org", "\x1b"]),
)


@settings(max_examples=25)  # the default deadline (200 ms) is the point: an email cell took seconds
@given(LONG_VALUES)
def test_long_cells_are_checked_within_the_deadline(value: str) -> None:
    for check in (check_email, check_url):
        with suppress(ValidationError):
            check(value)


# -- search -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def search_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("search") / "informa.db"
    store = Store.open(path, clock=fixed_clock(NOW))
    yield store
    store.close()


PLANTED = itertools.count()
SURROGATES = re.compile("[\ud800-\udfff]")
QUERIES = ANY_TEXT | st.lists(
    st.sampled_from(['"', "*", "-", "AND", "OR", "NOT", "NEAR", "title:", "(", "\x00", "\ue000"])
    | ANY_TEXT,
    max_size=8,
).map(" ".join)


@settings(max_examples=50, deadline=None)
@given(
    name=ANY_TEXT.map(lambda text: text[:60]),
    notes=ANY_TEXT,
    call_notes=st.text(),  # a terminal cannot type a lone surrogate into the call editor
    query=QUERIES,
    limit=st.integers(-2, 30),
)
def test_any_stored_text_and_any_query_search_without_raising(
    search_store: Store, name: str, notes: str, call_notes: str, query: str, limit: int
) -> None:
    store = search_store
    word = f"plantedword{next(PLANTED)}"
    contact = store.contacts.create(
        ContactDraft(name=f"Ada {name}", notes=f"{notes} {word} {notes}")
    )
    assert contact.name == clean_line(f"Ada {name}")
    assert contact.notes == SURROGATES.sub("\ufffd", f"{notes} {word} {notes}")
    call = store.interviews.prepare(contact.id)
    store.interviews.save_notes(call.id, f"{call_notes}\n{word}x {call_notes}", base_revision=0)
    assert store.interviews.get(call.id).notes == f"{call_notes}\n{word}x {call_notes}"

    for text in (query, name, notes, call_notes):
        hits = store.search.search(text, limit=limit)
        assert len(hits) <= max(limit, 0)
        assert not any("\0" in hit.snippet or "\0" in hit.title for hit in hits)
    assert ("contact", contact.id) in [(h.kind, h.ref_id) for h in store.search.search(word)]
    found = [(h.kind, h.ref_id) for h in store.search.search(f"{word}x")]
    assert found == [("interview", call.id)]
