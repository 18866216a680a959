"""Full-text search: the query grammar, ranking, snippets, and the index kept in step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from informa.domain.model import CompanyDraft, ContactDraft, SearchHit
from informa.store import Store, search
from informa.store import models as m
from informa.store.base import raw_cursor
from informa.store.search import MARK_END, MARK_START, build_query


def hits(store: Store, text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.title) for hit in store.search.search(text)]


def titles(store: Store, text: str) -> list[str]:
    return [hit.title for hit in store.search.search(text)]


def marked(hit: SearchHit) -> list[str]:
    """The words a snippet marks as matched."""
    words = []
    for part in hit.snippet.split(MARK_START)[1:]:
        words.append(part.split(MARK_END)[0])
    return words


@pytest.fixture
def notes(store: Store, now: datetime) -> Store:
    """Three people with call notes, and a company with research."""
    calls = {
        "Maya Okafor": "Learn SQL properly: window functions. Funding is tight this year.\n"
        'Recs: Kohavi "Trustworthy Online Controlled Experiments"',
        "Daniel Reyes": "Pipeline runs on Nextflow and AWS Batch. The fund raised a Series B.",
        "Priya Nair": "Experiments online that are controlled by a trustworthy team. Fundamentals.",
    }
    for name, text in calls.items():
        person = store.contacts.create(ContactDraft(name=name, company="Lumen Analytics"))
        call = store.interviews.schedule(person.id, now)
        store.interviews.save_notes(call.id, text, base_revision=0)
    lumen = store.companies.find("Lumen Analytics")
    assert lumen is not None
    store.companies.set_research(lumen.id, "Competitors: Amplitude, Mixpanel. Series C in 2025.")
    return store


# -- the grammar --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("sql", '"sql"'),
        ("window functions", '"window" AND "functions"'),
        ("fund*", '"fund" *'),
        ('"online controlled"', '"online controlled"'),
        ('"online contr"*', '"online contr" *'),
        ('"unbalanced phrase', '"unbalanced phrase"'),
        ("sql -nextflow", '("sql") NOT "nextflow"'),
        ('series -"series b"', '("series") NOT "series b"'),
        ("sql OR nextflow aws", '("sql" OR "nextflow") AND "aws"'),
        ("sql AND aws", '"sql" AND "aws"'),
        ("sql NOT aws", '("sql") NOT "aws"'),
        ("AND", '"AND"'),
        ("OR sql", '"OR" AND "sql"'),
        ("sql OR", '"sql" AND "OR"'),
        ("NOT sql", '"NOT" AND "sql"'),
        ("sql or aws", '"sql" AND "or" AND "aws"'),
        ("NEAR(a b)", '"NEAR(a" AND "b)"'),
        ("title:x", '"title:x"'),
        ('say "hi"there', '"say" AND "hi" AND "there"'),
        ("***fund**", '"fund" *'),
        ("sql\x00fund", '"sql" AND "fund"'),
        ("sql\ud800", '"sql?"'),
        (f"{MARK_START}sql{MARK_END}", '"sql"'),
        ("*", None),
        ("-", None),
        ('"', None),
        ('""', None),
        ("''", None),
        ("-sql", None),
        ("   ", None),
        ("", None),
    ],
)
def test_build_query(text: str, query: str | None) -> None:
    assert build_query(text) == query


# -- searching ----------------------------------------------------------------------------


def test_every_word_must_match(notes: Store) -> None:
    assert titles(notes, "sql") == ["Maya Okafor"]
    assert titles(notes, "SQL window") == ["Maya Okafor"]
    assert titles(notes, "sql nextflow") == []


def test_words_are_stemmed(notes: Store) -> None:
    assert set(titles(notes, "experiment")) == {"Maya Okafor", "Priya Nair"}
    assert set(titles(notes, "funded")) == {"Maya Okafor", "Daniel Reyes"}


def test_prefix(notes: Store) -> None:
    assert set(titles(notes, "fund*")) == {"Maya Okafor", "Daniel Reyes", "Priya Nair"}
    assert titles(notes, "nextfl*") == ["Daniel Reyes"]
    assert titles(notes, "nextfl") == []
    assert titles(notes, "kohav*") == ["Maya Okafor"]


def test_phrase_needs_the_words_in_order(notes: Store) -> None:
    assert set(titles(notes, "online controlled")) == {"Maya Okafor", "Priya Nair"}
    assert titles(notes, '"online controlled"') == ["Maya Okafor"]
    assert titles(notes, '"controlled experiments') == ["Maya Okafor"]  # unbalanced quote
    assert titles(notes, '"trustworthy onl"*') == ["Maya Okafor"]


def test_exclusion_and_or(notes: Store) -> None:
    assert titles(notes, "fund* -sql -nextflow") == ["Priya Nair"]
    assert titles(notes, 'series -"series b"') == ["Lumen Analytics"]
    assert set(titles(notes, "sql OR nextflow")) == {"Maya Okafor", "Daniel Reyes"}
    assert titles(notes, "sql NOT window") == []
    assert titles(notes, "-sql") == []  # exclusions alone find nothing


def test_operator_words_alone_are_words(store: Store) -> None:
    store.contacts.create(ContactDraft(name="Ann", notes="salt and pepper"))
    store.contacts.create(ContactDraft(name="Bo", notes="not near here"))
    assert titles(store, "AND") == ["Ann"]
    assert titles(store, "NOT near") == ["Bo"]
    assert titles(store, "NEAR(") == ["Bo"]
    assert titles(store, "pepper OR") == []  # "or" is a word here, and Ann's notes lack it


MALFORMED = ['"unbalanced', "*", "fund*", "AND", "NEAR(", "title:x", "-", '"', "''"]
MALFORMED += ["(", ")", "a:", ":", "^sql", "+", "sql OR", "OR", "NOT", "NEAR(a b, 2)"]
MALFORMED += ['"a" "b', 'x"', "-*", "*-", "**", '-"', '"*"', "{title body}:sql", "sql*ab"]
MALFORMED += ["\x00", "sql\x00", "\ud800sql", "\\", "'sql", "\u0301", "ø*", "🙂", "a" * 5000]
MALFORMED += [MARK_START, MARK_END, f"{MARK_START}sql", f"sql{MARK_END}*"]


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_queries_never_raise(notes: Store, text: str) -> None:
    found = notes.search.search(text)
    assert all(isinstance(hit, SearchHit) for hit in found)


def test_malformed_queries_search_what_they_can(notes: Store) -> None:
    assert titles(notes, '"kohavi') == ["Maya Okafor"]
    assert titles(notes, "sql)") == ["Maya Okafor"]
    assert titles(notes, "competitors:") == ["Lumen Analytics"]
    assert hits(notes, "*") == hits(notes, "-") == hits(notes, '"') == []


# -- ranking and snippets -----------------------------------------------------------------


def test_more_mentions_rank_first(store: Store) -> None:
    store.contacts.create(ContactDraft(name="Once", notes="graph " + "filler words " * 10))
    store.contacts.create(ContactDraft(name="Thrice", notes="graph graph graph filler"))
    assert titles(store, "graph") == ["Thrice", "Once"]


def test_a_name_ranks_above_a_mention(store: Store, now: datetime) -> None:
    maya = store.contacts.create(ContactDraft(name="Maya Okafor", role="Data scientist"))
    wei = store.contacts.create(ContactDraft(name="Wei Zhang"))
    call = store.interviews.schedule(wei.id, now)
    store.interviews.save_notes(call.id, "Knows Maya from a conference", base_revision=0)
    assert [(hit.kind, hit.ref_id) for hit in store.search.search("maya")] == [
        ("contact", maya.id),
        ("interview", call.id),
    ]


def test_snippet_marks_the_matched_words(notes: Store) -> None:
    (hit,) = notes.search.search("window fund*")
    assert hit.kind == "interview"
    assert marked(hit) == ["window", "Funding"]
    assert "\n" not in hit.snippet  # one line
    (prefix_hit,) = notes.search.search("kohav*")
    assert marked(prefix_hit) == ["Kohavi"]


def test_long_bodies_are_cut_around_the_match(store: Store) -> None:
    text = " ".join(f"word{n}" for n in range(200)) + " needle " + "tail " * 100
    store.contacts.create(ContactDraft(name="Long", notes=text))
    (hit,) = store.search.search("needle")
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) < 200


def test_markers_typed_by_the_user_never_reach_a_snippet(store: Store) -> None:
    store.contacts.create(
        ContactDraft(name=f"Odd{MARK_START}", notes=f"a {MARK_END}b{MARK_START} c target")
    )
    (hit,) = store.search.search("target")
    assert hit.title == "Odd"
    assert hit.snippet == f"a b c {MARK_START}target{MARK_END}"


def test_limit(store: Store) -> None:
    for n in range(30):
        store.contacts.create(ContactDraft(name=f"Person {n}", notes="common"))
    assert len(store.search.search("common")) == 20
    assert len(store.search.search("common", limit=5)) == 5
    assert store.search.search("common", limit=0) == []


# -- kept in step with every save ---------------------------------------------------------


def test_contact_edits_reindex(store: Store) -> None:
    ada = store.contacts.create(
        ContactDraft(name="Ada", role="Analyst", location="Lyon", tags=("stats",))
    )
    assert hits(store, "lyon stats analyst") == [("contact", "Ada")]
    store.contacts.update(ada.id, ContactDraft(name="Ada", role="Engineer"))
    assert hits(store, "analyst") == hits(store, "lyon") == []
    assert hits(store, "engineer") == [("contact", "Ada")]


def test_notes_saves_reindex(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada"))
    call = store.interviews.schedule(ada.id, now)
    revision = store.interviews.save_notes(call.id, "first draft about zebras", base_revision=0)
    assert hits(store, "zebra") == [("interview", "Ada")]
    store.interviews.save_notes(call.id, "now about giraffes", base_revision=revision)
    assert hits(store, "zebra") == []
    assert hits(store, "giraffe") == [("interview", "Ada")]


def test_a_rename_follows_into_the_interview_notes(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada Byron"))
    call = store.interviews.schedule(ada.id, now)
    store.interviews.save_notes(call.id, "talked about engines", base_revision=0)
    store.contacts.update(ada.id, ContactDraft(name="Ada Lovelace"))
    assert hits(store, "engines") == [("interview", "Ada Lovelace")]
    assert hits(store, "lovelace") == [("contact", "Ada Lovelace"), ("interview", "Ada Lovelace")]
    assert hits(store, "byron") == []


def test_a_company_rename_follows_into_its_people(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Analytical Engines"))
    assert ada.company_id is not None
    assert hits(store, "analytical") == [("company", "Analytical Engines"), ("contact", "Ada")]
    store.companies.update(ada.company_id, CompanyDraft(name="Difference Ltd"))
    assert hits(store, "analytical") == []
    assert set(hits(store, "difference")) == {("company", "Difference Ltd"), ("contact", "Ada")}


def test_research_saves_reindex(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Lumen"))
    assert ada.company_id is not None
    store.companies.set_research(ada.company_id, "Competitors: Amplitude")
    assert hits(store, "amplitude") == [("company", "Lumen")]
    store.companies.set_research(ada.company_id, "Competitors: Heap")
    assert hits(store, "amplitude") == []


def test_deleting_a_contact_drops_them_and_their_notes(store: Store, now: datetime) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada", company="Lumen", notes="zebra"))
    call = store.interviews.schedule(ada.id, now)
    store.interviews.save_notes(call.id, "zebra crossing", base_revision=0)
    assert len(hits(store, "zebra")) == 2
    store.contacts.delete(ada.id)
    assert hits(store, "zebra") == hits(store, "ada") == []
    assert hits(store, "lumen") == [("company", "Lumen")]  # the company stays


# -- any text at all ----------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    ['"', "*", "-", "(", ")", ":", "^", "+", "'", ",", " ", "  ", "AND", "OR", "NOT", "NEAR"]
)
FRAGMENTS |= st.sampled_from(
    ["title:", "body:", "{", "}", "sql", "fund", "é", "\u0301", "\x00", MARK_START, MARK_END]
)
QUERIES = st.one_of(
    st.text(st.characters(exclude_categories=())),
    st.lists(FRAGMENTS | st.text(max_size=3)).map("".join),
)


@pytest.fixture(scope="module")
def fts5() -> Iterator[sqlite3.Connection]:
    """A bare table like the index, to run the built queries without the service around."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(kind UNINDEXED, ref_id UNINDEXED, title, body, "
        "tokenize='porter unicode61')"
    )
    db.execute("INSERT INTO t VALUES ('contact', 1, 'Maya', 'sql and fund * not near é')")
    yield db
    db.close()


@given(text=QUERIES)
def test_built_queries_are_valid_fts5(fts5: sqlite3.Connection, text: str) -> None:
    query = build_query(text)
    if query is not None:
        fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(text=QUERIES)
def test_any_text_never_raises(notes: Store, text: str) -> None:
    assert isinstance(notes.search.search(text), list)


def test_the_debrief_is_found_with_its_call(store: Store) -> None:
    ada = store.contacts.create(ContactDraft(name="Ada Quill"))
    call = store.interviews.prepare(ada.id)
    store.interviews.save_notes(call.id, "A: learn SQL", base_revision=0)
    store.interviews.save_debrief(call.id, "## What did I learn?\nconsulting suits me")
    (hit,) = store.search.search("consulting")
    assert (hit.kind, hit.ref_id, hit.title) == ("interview", call.id, "Ada Quill")
    assert [h.ref_id for h in store.search.search("sql")] == [call.id]  # the notes still are


def _index_rows() -> list[tuple[object, ...]]:
    return (
        raw_cursor()
        .execute("SELECT rowid, kind, ref_id, title, body FROM search_index ORDER BY rowid")
        .fetchall()
    )


@pytest.mark.parametrize("fresh", [False, True])
def test_put_many_is_put_for_each_fresh_or_not(store: Store, fresh: bool) -> None:
    """``fresh`` (an import's new rows) looks before it deletes: an entry already there at
    one of those rowids is replaced all the same."""
    entries = [
        ("contact", 7, "Ada \ue000Lovelace", "engines"),
        ("contact", 9, "Grace Hopper", "navy"),
        ("company", 7, "Engines", ""),
    ]
    with m.database.atomic():
        search.put("contact", 7, "Stale", "old words")
        search.put("contact", 8, "Between", "kept")
        search.put_many(entries, fresh=fresh)
    many = _index_rows()
    with m.database.atomic():
        m.SearchIndex.delete().execute()
        search.put("contact", 7, "Stale", "old words")
        search.put("contact", 8, "Between", "kept")
        for entry in entries:
            search.put(*entry)
    assert many == _index_rows()
    assert sorted(row[1:] for row in many) == [
        ("company", 7, "Engines", ""),
        ("contact", 7, "Ada Lovelace", "engines"),  # the marker: never indexed
        ("contact", 8, "Between", "kept"),
        ("contact", 9, "Grace Hopper", "navy"),
    ]
