"""``informa import``, ``export``, ``backup`` and ``restore`` as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from informa.cli import main
from informa.demo import write_demo_database

DEMO_CONTACTS = 24


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return write_demo_database(tmp_path / "demo.db").path


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def contacts_in(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM contact").fetchone()[0])


def test_export_csv_to_standard_output_and_to_a_file(demo: Path, tmp_path: Path) -> None:
    out = run("--db", str(demo), "export", "csv")
    assert out.exit_code == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("name,company,role,email,linkedin_url")  # no BOM on a pipe
    assert len(lines) == 1 + DEMO_CONTACTS
    target = tmp_path / "contacts.csv"
    written = run("--db", str(demo), "export", "csv", "-o", str(target))
    assert written.exit_code == 0
    assert written.stderr == f"Wrote {DEMO_CONTACTS} contacts to {target}\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbfname,")
    assert target.stat().st_mode & 0o777 == 0o600
    dash = run("--db", str(demo), "export", "csv", "-o", "-")
    assert dash.stdout == out.stdout


def test_a_csv_export_imports_into_a_new_database_and_again_adds_nothing(
    demo: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "contacts.csv"
    assert run("--db", str(demo), "export", "csv", "-o", str(exported)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    first = run("--db", str(fresh), "import", "csv", str(exported))
    assert first.exit_code == 0, first.output
    assert f"{DEMO_CONTACTS} created, 0 updated, 0 already there, 0 skipped" in first.stdout
    again = run("--db", str(fresh), "import", "csv", str(exported))
    assert f"0 created, 0 updated, {DEMO_CONTACTS} already there" in again.stdout
    assert contacts_in(fresh) == DEMO_CONTACTS


def test_json_export_round_trips_through_a_new_database(demo: Path, tmp_path: Path) -> None:
    export = tmp_path / "all.json"
    assert run("--db", str(demo), "export", "json", "-o", str(export)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    loaded = run("--db", str(fresh), "import", "json", str(export))
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout == (
        f"Loaded 9 companies, {DEMO_CONTACTS} contacts, 7 interviews, 56 planned questions, "
        "77 activities, 1 profile, 0 snoozes\n"
    )
    again = run("--db", str(fresh), "export", "json")
    first, second = json.loads(export.read_text()), json.loads(again.stdout)
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    refused = run("--db", str(fresh), "import", "json", str(export))
    assert refused.exit_code == 1
    assert refused.stderr.startswith("informa: the database already holds 24 contacts")
    assert refused.stderr.count("\n") == 1


def test_json_from_another_program_is_refused(demo: Path, tmp_path: Path) -> None:
    other = tmp_path / "package.json"
    other.write_text('{"name": "left-pad", "version": "1.3.0"}')
    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import", "json", str(other))
    assert result.exit_code == 1
    assert result.stderr == (f'informa: {other}: not an informa export (no "format": "informa")\n')


def test_markdown_export_writes_a_folder(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    result = run("--db", str(demo), "export", "markdown", "-o", str(folder))
    assert result.exit_code == 0
    assert result.stdout.startswith("Wrote ")
    assert (folder / "index.md").is_file()
    assert len(list((folder / "contacts").glob("*.md"))) == DEMO_CONTACTS
    assert folder.stat().st_mode & 0o777 == 0o700
    missing = run("--db", str(demo), "export", "markdown")
    assert missing.exit_code == 2  # -o is required: click's usage error


def test_vcard_and_calendar_exports(demo: Path) -> None:
    cards = run("--db", str(demo), "export", "vcard")
    assert cards.exit_code == 0
    assert cards.stdout.count("BEGIN:VCARD") == DEMO_CONTACTS
    calendar = run("--db", str(demo), "export", "ics")
    assert calendar.exit_code == 0
    assert calendar.stdout.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar.stdout
    assert "BEGIN:VTODO" in calendar.stdout


def test_exports_need_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = run("--db", str(missing), "export", "csv")
    assert result.exit_code == 1
    assert result.stderr == f"informa: {missing}: there is no database yet (nothing to export)\n"
    assert not missing.exists()


def test_backup_then_restore(demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    made = run("--db", str(demo), "backup", "-o", str(copy))
    assert made.exit_code == 0
    assert made.stdout == f"Backed up {demo} to {copy}\n"
    assert copy.stat().st_mode & 0o777 == 0o600
    again = run("--db", str(demo), "backup", "-o", str(copy))
    assert again.exit_code == 1  # never overwrites
    # change the database, then restore the copy
    exported = tmp_path / "x.csv"
    exported.write_text("name\nSomeone New\n")
    assert run("--db", str(demo), "import", "csv", str(exported)).exit_code == 0
    assert contacts_in(demo) == DEMO_CONTACTS + 1
    declined = run("--db", str(demo), "restore", str(copy), input="n\n")
    assert declined.exit_code == 1
    assert contacts_in(demo) == DEMO_CONTACTS + 1
    restored = run("--db", str(demo), "restore", str(copy), "--yes")
    assert restored.exit_code == 0, restored.output
    assert contacts_in(demo) == DEMO_CONTACTS
    kept = Path(restored.stdout.splitlines()[-1].removeprefix("The database as it was is kept in "))
    assert contacts_in(kept) == DEMO_CONTACTS + 1


def test_backup_goes_to_the_backups_folder_by_default(
    demo: Path, isolated_dirs: dict[str, Path]
) -> None:
    result = run("--db", str(demo), "backup")
    assert result.exit_code == 0
    written = Path(result.stdout.strip().split(" to ")[-1])
    assert written.parent == isolated_dirs["data_dir"] / "backups"
    assert written.parent.stat().st_mode & 0o777 == 0o700


def test_restoring_a_file_that_is_not_a_database_changes_nothing(
    demo: Path, tmp_path: Path
) -> None:
    before = demo.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    result = run("--db", str(demo), "restore", str(notes), "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"informa: {notes}: ")
    assert result.stderr.rstrip().endswith("nothing was restored")
    assert demo.read_bytes() == before


def test_an_empty_calendar_is_not_written(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    people = tmp_path / "people.csv"
    people.write_text("name\nAda Lovelace\n")
    assert run("--db", str(fresh), "import", "csv", str(people)).exit_code == 0
    target = tmp_path / "calls.ics"
    result = run("--db", str(fresh), "export", "ics", "--days", "0", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        "informa: nothing to export: no calls scheduled and nothing due in 0 days\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("import", "csv", "{folder}"), "{folder}: is a folder, not a contacts CSV"),
        (
            ("import", "linkedin", "{folder}"),
            "{folder}: is a folder, not LinkedIn's Connections.csv",
        ),
        (("import", "csv", "{missing}"), "{missing}: no such file"),
        (
            ("export", "csv", "-o", "{folder}"),
            "{folder}: is a folder; give a file name to write to",
        ),
        (("export", "markdown", "-o", "{file}"), "{file}: is a file; give a folder to export into"),
    ],
    ids=["import-folder", "linkedin-folder", "import-missing", "export-to-folder", "md-to-file"],
)
def test_wrong_kinds_of_path_are_one_line_and_exit_1(
    demo: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    places = {
        "folder": tmp_path / "a folder",
        "missing": tmp_path / "missing.csv",
        "file": tmp_path / "notes.txt",
    }
    places["folder"].mkdir()
    places["file"].write_text("mine")
    result = run("--db", str(demo), *(arg.format(**places) for arg in args))
    assert result.exit_code == 1
    assert result.stderr == f"informa: {message.format(**places)}\n"
    assert places["file"].read_text() == "mine"
