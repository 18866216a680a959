"""The lossless JSON export: round trip, search after import, and every way a file is bad."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest

from informa.actions.transfer import export, import_json
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError, ConflictError
from informa.domain.model import ContactDraft, PitchCard
from informa.store import Store, models
from informa.store.dump import COLUMNS
from tests.builders import NOW

Doc = dict[str, Any]


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    """A store on ``path`` (created if new); only one can be open at a time."""
    store = Store.open(path, clock=fixed_clock(NOW), create_folder=True)
    try:
        yield store
    finally:
        store.close()


def _without_stamp(text: str) -> Doc:
    document = cast(Doc, json.loads(text))
    assert "exported_at" in document
    del document["exported_at"]
    return document


def _enrich() -> None:
    """Give the columns the demo leaves at their defaults a value, so the round trip
    carries them too (a snooze, an archived contact, a paused call, a skipped question)."""
    models.Contact.update(archived=True, check_in_weeks=6).where(models.Contact.id == 24).execute()
    models.Interview.update(
        debrief="Went well; follow up on the Kohavi book.",
        paused_seconds=42,
        paused_at=NOW,
        prep_done="pitch research",
    ).where(models.Interview.id == 1).execute()
    models.PlannedQuestion.update(skipped=True).where(models.PlannedQuestion.id == 2).execute()
    models.Snooze.insert(item_key="thank-you:3", until=date(2026, 11, 27)).execute()


@pytest.fixture
def demo_export(demo_store: Store, tmp_path: Path) -> Path:
    """The (enriched) demo exported to ``export.json``; the demo store is closed after."""
    _enrich()
    path = tmp_path / "export.json"
    export(demo_store, "json", path)
    demo_store.close()
    return path


def _document(path: Path) -> Doc:
    return cast(Doc, json.loads(path.read_text(encoding="utf-8")))


# -- the round trip -------------------------------------------------------------------


def test_export_import_export_gives_the_same_document(demo_export: Path, tmp_path: Path) -> None:
    first = demo_export.read_text(encoding="utf-8")
    with opened(tmp_path / "copy" / "informa.db") as store:
        counts = import_json(store, demo_export)
        export(store, "json", tmp_path / "second.json")
        second = (tmp_path / "second.json").read_text(encoding="utf-8")
    assert _without_stamp(second) == _without_stamp(first)
    assert second == first  # the same clock: even the stamp is the same
    tables = _document(demo_export)["tables"]
    assert counts == {name: len(rows) for name, rows in tables.items()}
    assert counts["contact"] == 24
    assert counts["snooze"] == 1
    assert counts["profile"] == 1


def test_the_document_is_stable_readable_json(demo_export: Path) -> None:
    text = demo_export.read_text(encoding="utf-8")
    document = _document(demo_export)
    assert list(document) == ["format", "version", "exported_at", "schema", "tables"]
    assert document["format"] == "informa"
    assert document["version"] == 1
    assert document["exported_at"] == NOW.isoformat()
    assert document["schema"] == sorted(document["schema"])
    assert document["schema"]
    assert list(document["tables"]) == [
        "company",
        "contact",
        "interview",
        "planned_question",
        "activity",
        "profile",
        "snooze",
    ]
    assert text.startswith('{\n  "format": "informa",\n  "version": 1,\n')
    assert not text.isascii()
    assert "\\u00" not in text  # ensure_ascii=False: text as it is
    contact = document["tables"]["contact"][0]
    assert list(contact)[:3] == ["id", "name", "name_key"]
    assert isinstance(contact["tags"], list)
    assert isinstance(contact["archived"], bool)
    assert contact["created_at"] == "2026-09-28T09:00:00.000000+00:00"  # the stored text
    ids = [row["id"] for row in document["tables"]["activity"]]
    assert ids == sorted(ids)


def test_every_column_of_every_table_is_exported(demo_export: Path, tmp_path: Path) -> None:
    """Against the migrated schema itself: a new column cannot be left out of the export."""
    connection = sqlite3.connect(tmp_path / "demo" / "informa.db")
    try:
        names = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        tables = {
            name: [row[1] for row in connection.execute(f"PRAGMA table_info({name})")]
            for name in names
            if name != "schema_migration" and not name.startswith("search_index")
        }
    finally:
        connection.close()
    assert {name: {c.name for c in columns} for name, columns in COLUMNS.items()} == {
        name: set(columns) for name, columns in tables.items()
    }
    document = _document(demo_export)
    for name, columns in tables.items():
        for row in document["tables"][name]:
            assert set(row) == set(columns)


SEARCHES = ["kohavi", "Lumen", "antibody", "referral", "Okafor", "Aisha", "Inés", "Kohavi book"]


def test_search_finds_the_same_in_the_imported_database(demo_store: Store, tmp_path: Path) -> None:
    before = {text: demo_store.search.search(text) for text in SEARCHES}
    path = tmp_path / "export.json"
    export(demo_store, "json", path)
    demo_store.close()
    with opened(tmp_path / "copy.db") as store:
        import_json(store, path)
        after = {text: store.search.search(text) for text in SEARCHES}
    assert before["kohavi"]
    assert before["Lumen"]
    assert before["antibody"]
    assert after == before
    # The index itself, entry by entry: rebuilt exactly as the services had kept it.
    assert _index(tmp_path / "copy.db") == _index(tmp_path / "demo" / "informa.db")


def _index(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        rows = connection.execute(
            "SELECT rowid, kind, ref_id, title, body FROM search_index ORDER BY rowid"
        ).fetchall()
    assert len(rows) == 24 + 9 + 5  # two planned calls have nothing written yet
    return rows


def test_search_after_import_finds_names_tags_and_research(tmp_path: Path) -> None:
    with opened(tmp_path / "source.db") as store:
        zoe = store.contacts.create(
            ContactDraft(name="Zoë Ångström", company="Fjord Labs", tags=("sauna",))
        )
        assert zoe.company_id is not None
        store.companies.set_research(zoe.company_id, "fermentation")
        path = tmp_path / "export.json"
        export(store, "json", path)
    with opened(tmp_path / "copy.db") as store:
        import_json(store, path)
        hits = {
            text: [(h.kind, h.title) for h in store.search.search(text)]
            for text in ["ångström", "fjord", "sauna", "fermentation"]
        }
    assert hits == {
        "ångström": [("contact", "Zoë Ångström")],
        "fjord": [("company", "Fjord Labs"), ("contact", "Zoë Ångström")],
        "sauna": [("contact", "Zoë Ångström")],
        "fermentation": [("company", "Fjord Labs")],
    }


def test_the_imported_database_works_on(demo_export: Path, tmp_path: Path) -> None:
    """Ids continue after the imported ones; the pitch card replaced the default one."""
    document = _document(demo_export)
    with opened(tmp_path / "copy.db") as store:
        assert store.profile.pitch() == PitchCard()
        import_json(store, demo_export)
        added = store.contacts.create(ContactDraft(name="New Person", company="Lumen Analytics"))
        assert store.profile.pitch().background == document["tables"]["profile"][0]["background"]
        assert store.followups.snoozed() == {"thank-you:3": date(2026, 11, 27)}
        archived = store.contacts.get(24)
    assert added.id == max(row["id"] for row in document["tables"]["contact"]) + 1
    assert added.company_id == 1  # the imported company, found by name
    assert archived.archived
    assert archived.check_in_weeks == 6


def test_a_referral_to_a_later_contact_and_other_timestamps_load(
    demo_export: Path, tmp_path: Path
) -> None:
    document = _document(demo_export)
    contacts = document["tables"]["contact"]
    contacts[0]["referred_by_id"] = contacts[-1]["id"]
    contacts[0]["updated_at"] = "2026-11-20T16:30:00+01:00"  # hand-edited: stored as UTC
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with opened(tmp_path / "copy.db") as store:
        import_json(store, path)
        again = store.dump.dump()["tables"]["contact"][0]
    assert again["referred_by_id"] == contacts[-1]["id"]
    assert again["updated_at"] == "2026-11-20T15:30:00.000000+00:00"


# -- refusals ---------------------------------------------------------------------------


def test_import_into_a_database_with_data_is_refused_and_changes_nothing(
    demo_export: Path, tmp_path: Path
) -> None:
    with opened(tmp_path / "demo" / "informa.db") as store:
        before = store.dump.dump()
        with pytest.raises(ConflictError) as caught:
            import_json(store, demo_export)
        assert store.dump.dump() == before
    message = str(caught.value)
    assert "already holds 24 contacts, 9 companies, 7 interviews" in message
    assert message.endswith(f"informa --db NEW.db import json {demo_export}")


def test_one_company_is_enough_to_refuse(demo_export: Path, tmp_path: Path) -> None:
    with opened(tmp_path / "copy.db") as store:
        models.Company.insert(
            name="Solo", name_key="solo", created_at=NOW, updated_at=NOW
        ).execute()
        with pytest.raises(ConflictError, match="already holds 1 company;"):
            import_json(store, demo_export)
        assert store.contacts.count() == 0


Edit = Callable[[Doc], Any]


def _set(path: str, value: Any) -> Edit:
    """An edit that sets ``tables.contact.3.stage``-style ``path`` to ``value``."""

    def edit(document: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return edit


def _drop(path: str) -> Edit:
    def edit(document: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return edit


def _append_row(table: str, index: int, **changes: Any) -> Edit:
    def edit(document: Doc) -> None:
        rows = document["tables"][table]
        rows.append({**rows[index], **changes})

    return edit


BAD_DOCUMENTS: list[tuple[str, Edit, str]] = [
    ("no format", _drop("format"), 'not an informa export (no "format": "informa")'),
    ("another format", _set("format", "other"), 'not an informa export (no "format": "informa")'),
    ("newer format", _set("version", 2), "written by a newer informa (format version 2)"),
    ("version as text", _set("version", "1"), "version: expected the format version (1), got text"),
    ("version 0", _set("version", 0), "version: unknown format version 0"),
    (
        "newer schema",
        lambda doc: doc["schema"].append("0099_time_travel"),
        "written by a newer informa (unknown schema migration 0099_time_travel)",
    ),
    ("schema not a list", _set("schema", "0001"), "schema: expected a list of migration names"),
    ("unknown top key", _set("extra", 1), "extra: unknown key in an informa export"),
    ("tables a list", _set("tables", []), "tables: expected an object of tables, got a list"),
    ("unknown table", _set("tables.notes", []), "tables.notes: unknown table"),
    ("missing table", _drop("tables.activity"), 'tables: no "activity" table'),
    ("table an object", _set("tables.contact", {}), "tables.contact: expected a list of rows"),
    (
        "row a list",
        _set("tables.contact.3", []),
        "tables.contact[3]: expected an object, got a list",
    ),
    (
        "stage a number",
        _set("tables.contact.3.stage", 3),
        "tables.contact[3].stage: expected text, got a number",
    ),
    (
        "unknown stage",
        _set("tables.contact.3.stage", "hired"),
        'tables.contact[3].stage: unknown value "hired" (one of: closed, in_touch',
    ),
    (
        "name null",
        _set("tables.contact.0.name", None),
        "tables.contact[0].name: expected text, got null",
    ),
    (
        "id as text",
        _set("tables.company.1.id", "2"),
        "tables.company[1].id: expected a whole number, got text",
    ),
    (
        "flag as a number",
        _set("tables.contact.2.archived", 0),
        "tables.contact[2].archived: expected true or false, got a number",
    ),
    (
        "number as a flag",
        _set("tables.interview.0.target_minutes", True),
        "tables.interview[0].target_minutes: expected a whole number, got true",
    ),
    (
        "huge number",
        _set("tables.interview.0.target_minutes", 2**70),
        "tables.interview[0].target_minutes: expected a whole number, got a number",
    ),
    (
        "naive timestamp",
        _set("tables.activity.0.at", "2026-11-20T15:30:00"),
        "tables.activity[0].at: expected a timestamp with its UTC offset",
    ),
    (
        "not a timestamp",
        _set("tables.activity.0.at", "yesterday"),
        "tables.activity[0].at: expected a timestamp",
    ),
    (
        "impossible date",
        _set("tables.snooze.0.until", "2026-02-30"),
        "tables.snooze[0].until: expected a date (YYYY-MM-DD), got text",
    ),
    (
        "tags as text",
        _set("tables.contact.0.tags", "a, b"),
        "tables.contact[0].tags: expected a list of texts, got text",
    ),
    (
        "lone surrogate",
        _set("tables.contact.0.notes", "\ud800"),
        "tables.contact[0].notes: text with an invalid character",
    ),
    ("missing column", _drop("tables.interview.0.link"), 'tables.interview[0]: no "link"'),
    (
        "unknown column",
        _set("tables.interview.0.mood", "good"),
        "tables.interview[0].mood: unknown column",
    ),
    (
        "dangling contact",
        _set("tables.interview.2.contact_id", 999),
        "tables.interview[2].contact_id: no contact with id 999",
    ),
    (
        "dangling company",
        _set("tables.contact.5.company_id", 404),
        "tables.contact[5].company_id: no company with id 404",
    ),
    (
        "dangling question",
        _set("tables.planned_question.0.interview_id", 77),
        "tables.planned_question[0].interview_id: no interview with id 77",
    ),
    (
        "duplicate id",
        _append_row("company", 0, name_key="another"),
        "tables.company[9].id: 1 appears twice",
    ),
    (
        "duplicate company name",
        _append_row("company", 0, id=100),
        'tables.company[9].name_key: "lumen analytics" appears twice',
    ),
    ("zero id", _set("tables.company.0.id", 0), "tables.company[0].id: expected a positive id"),
    ("second profile", _set("tables.profile.0.id", 2), "tables.profile[0].id: expected 1"),
    (
        "last activity broken",
        lambda doc: doc["tables"]["activity"][-1].update(kind="telepathy"),
        'tables.activity[76].kind: unknown value "telepathy"',
    ),
]


@pytest.mark.parametrize(
    ("edit", "message"),
    [pytest.param(edit, message, id=name) for name, edit, message in BAD_DOCUMENTS],
)
def test_a_bad_document_is_refused_with_one_line_and_nothing_written(
    demo_export: Path, tmp_path: Path, edit: Edit, message: str
) -> None:
    document = copy.deepcopy(_document(demo_export))
    edit(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with opened(tmp_path / "empty.db") as store:
        before = store.dump.dump()
        with pytest.raises(BadFileError) as caught:
            import_json(store, path)
        assert store.dump.dump() == before
        assert store.search.search("kohavi") == []
    text = str(caught.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            b'{"format": "informa",\n  "version": 1,\n  oops}', ":3:3: not valid JSON", id="syntax"
        ),
        pytest.param(b'{"format": "informa"', ":1:21: not valid JSON", id="cut short"),
        pytest.param(b"[1, 2, 3]", "not an informa export (a JSON list, not an object", id="list"),
        pytest.param(b'"informa"', "not an informa export (a JSON string", id="string"),
        pytest.param(b"42", "not an informa export (a JSON number", id="number"),
        pytest.param(
            b'{"name": "Ada", "email": "ada@example.com"}',
            'not an informa export (no "format": "informa")',
            id="another program's JSON",
        ),
        pytest.param(b"   \n", "the file is empty, not an informa JSON export", id="empty"),
        pytest.param(
            b"SQLite format 3\x00rest", "an SQLite database, not an informa JSON", id="db"
        ),
        pytest.param(b"[" * 100_000, "nested too deeply", id="deep"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(content)
    with opened(tmp_path / "empty.db") as store:
        before = store.dump.dump()
        with pytest.raises(BadFileError) as caught:
            import_json(store, path)
        assert store.dump.dump() == before
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with opened(tmp_path / "empty.db") as store, pytest.raises(BadFileError, match="no such file"):
        import_json(store, tmp_path / "nowhere.json")


def test_a_file_broken_at_its_last_row_leaves_the_database_empty(
    demo_export: Path, tmp_path: Path
) -> None:
    document = _document(demo_export)
    document["tables"]["snooze"][-1]["until"] = 20261127
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with opened(tmp_path / "empty.db") as store:
        with pytest.raises(BadFileError, match=r"tables\.snooze\[0\]\.until: expected a date"):
            import_json(store, path)
        assert store.contacts.count() == 0
        assert all(
            not rows for name, rows in store.dump.dump()["tables"].items() if name != "profile"
        )
        assert store.profile.pitch() == PitchCard()
        import_json(store, demo_export)  # and the good file still goes in afterwards
        assert store.contacts.count() == 24
