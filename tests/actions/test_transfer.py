"""The import and export actions, without Textual or click: real files, a real database."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from informa.actions.transfer import (
    export,
    export_markdown,
    import_json,
    merge_import,
    preview_import,
    read_contacts,
)
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError, ConflictError, InformaError
from informa.domain.model import ContactDraft
from informa.store import Store

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Analyst,14 Feb 2023\r\n"
    "Grace,Hopper,https://www.linkedin.com/in/grace,,Navy,Admiral,3 Feb 2021\r\n"
    "Alan,Turing,,,Bletchley,Cryptanalyst,28 Nov 2024\r\n"
)


def open_store(path: Path) -> Store:
    return Store.open(path, clock=fixed_clock(NOW), create_folder=True)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A new database with one contact. Only one store can be open at a time in a process."""
    opened = open_store(tmp_path / "data" / "informa.db")
    opened.contacts.create(ContactDraft(name="Katherine Johnson", company="NASA"))
    yield opened
    opened.close()


@pytest.fixture
def connections(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(LINKEDIN, encoding="utf-8")
    return path


def tables(store: Store) -> dict[str, Any]:
    """Every row of every table: what "the database is unchanged" compares."""
    return dict(store.dump.dump()["tables"])


def names(store: Store) -> list[str]:
    return sorted(row["name"] for row in tables(store)["contact"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- imports ----------------------------------------------------------------------------


def test_a_preview_says_what_an_import_would_do_and_writes_nothing(
    store: Store, connections: Path
) -> None:
    before = tables(store)
    preview = preview_import(store, "linkedin", connections)
    assert preview.path == connections
    assert len(preview.incoming.contacts) == 3
    assert preview.report.dry_run
    assert sorted(preview.report.created) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert tables(store) == before


def test_merging_the_preview_imports_it_and_a_second_time_adds_nothing(
    store: Store, connections: Path
) -> None:
    preview = preview_import(store, "linkedin", connections)
    done: list[tuple[int, int]] = []
    report = merge_import(store, preview.incoming, progress=lambda *step: done.append(step))
    assert not report.dry_run
    assert sorted(report.created) == sorted(preview.report.created)
    assert done
    assert done[-1] == (3, 3)
    assert names(store) == ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson"]
    again = preview_import(store, "linkedin", connections)
    assert (again.report.created, again.report.updated, again.report.unchanged) == ([], [], 3)


@pytest.mark.parametrize(
    ("fmt", "content", "line"),
    [
        ("csv", "name,company\r\nAda,Acme\r\nJos\xe9 Garc\xeda,Acme\r\n", 3),
        (
            "linkedin",
            LINKEDIN.replace("Alan,Turing", "Alan,Tur\xefng"),
            4,
        ),
    ],
)
def test_a_bad_file_is_one_line_naming_file_and_line_and_the_database_is_unchanged(
    store: Store, tmp_path: Path, fmt: str, content: str, line: int
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content.encode("latin-1"))
    before = tables(store)
    with pytest.raises(BadFileError) as raised:
        preview_import(store, fmt, path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: not UTF-8 text")
    assert "\n" not in message
    assert tables(store) == before


def test_a_file_of_another_kind_is_refused_before_the_database_is_touched(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "people.vcf"
    path.write_text("name,company\r\nAda,Acme\r\n", encoding="utf-8")
    before = tables(store)
    with pytest.raises(BadFileError, match=rf"^{path}:"):
        read_contacts("vcard", path)
    with pytest.raises(ValueError, match="unknown contacts format 'excel'"):
        read_contacts("excel", path)
    assert tables(store) == before


# -- exports ----------------------------------------------------------------------------


def test_an_export_merges_back_as_the_same_people(
    store: Store, connections: Path, tmp_path: Path
) -> None:
    merge_import(store, read_contacts("linkedin", connections))
    for fmt, name in (("csv", "contacts.csv"), ("vcard", "contacts.vcf")):
        target = tmp_path / name
        exported = export(store, fmt, target, bom=True)
        assert exported.path == target
        assert exported.contacts == 4
        assert mode(target) == 0o600
        back = preview_import(store, "csv" if fmt == "csv" else "vcard", target)
        assert (back.report.created, back.report.updated) == ([], [])
        assert back.report.unchanged == 4
    assert (tmp_path / "contacts.csv").read_bytes().startswith(b"\xef\xbb\xbfname,")


def test_an_export_into_a_new_database_carries_the_people_over(
    store: Store, connections: Path, tmp_path: Path
) -> None:
    merge_import(store, read_contacts("linkedin", connections))
    target = tmp_path / "contacts.csv"
    export(store, "csv", target)
    expected = names(store)
    store.close()
    fresh = open_store(tmp_path / "fresh" / "informa.db")
    try:
        report = merge_import(fresh, read_contacts("csv", target))
        assert len(report.created) == 4
        assert names(fresh) == expected
    finally:
        fresh.close()


def test_the_json_export_loads_into_an_empty_database_as_it_was(
    store: Store, connections: Path, tmp_path: Path
) -> None:
    merge_import(store, read_contacts("linkedin", connections))
    target = tmp_path / "everything.json"
    exported = export(store, "json", target)
    assert (exported.path, exported.contacts, mode(target)) == (target, 4, 0o600)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "informa"
    assert sorted(row["name"] for row in document["tables"]["contact"]) == names(store)
    before = tables(store)
    with pytest.raises(ConflictError):  # not into a database that has data
        import_json(store, target)
    assert tables(store) == before
    store.close()
    fresh = open_store(tmp_path / "fresh" / "informa.db")
    try:
        counts = import_json(fresh, target)
        assert counts["contact"] == 4
        assert tables(fresh) == before
    finally:
        fresh.close()


def test_bad_json_names_file_line_and_column_and_loads_nothing(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{\n  "format": "informa",\n  "version": 1,\n  oops\n}\n', encoding="utf-8")
    empty = open_store(tmp_path / "empty" / "informa.db")
    try:
        before = tables(empty)
        with pytest.raises(BadFileError, match=rf"^{path}:4:3: not valid JSON"):
            import_json(empty, path)
        assert tables(empty) == before
    finally:
        empty.close()


def test_an_export_to_standard_output_writes_no_file(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = export(store, "vcard", "-")
    assert exported.path is None
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCARD")
    assert "Katherine Johnson" in out
    assert export(store, "csv", None).path is None
    assert capsys.readouterr().out.startswith("name,company,")  # no BOM on a pipe
    assert list(tmp_path.glob("*.csv")) == []


def test_an_export_refuses_a_folder_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(BadFileError, match="is a folder; give a file name"):
        export(store, "csv", folder)
    assert list(folder.iterdir()) == []
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export(store, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_an_empty_calendar_is_not_written(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    with pytest.raises(InformaError, match="nothing to export: no calls scheduled"):
        export(store, "ics", target, days=7)
    assert not target.exists()


def test_the_calendar_holds_the_calls_to_come(store: Store, tmp_path: Path) -> None:
    (contact,) = store.contacts.find("Katherine Johnson")
    store.interviews.schedule(contact.id, datetime(2026, 11, 24, 10, tzinfo=UTC))
    target = tmp_path / "calendar.ics"
    exported = export(store, "ics", target)
    assert (exported.path, mode(target)) == (target, 0o600)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 1
    assert "Katherine Johnson" in text


def test_markdown_is_a_folder_of_files(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    exported = export_markdown(store, folder)
    assert exported.path == folder.resolve()
    written = sorted(p for p in folder.rglob("*.md"))
    assert exported.files == len(written) >= 2  # the contact and the index
    assert exported.contacts == 1
    assert any("Katherine Johnson" in p.read_text(encoding="utf-8") for p in written)
