"""A schema update that fails half-way loses nothing: the file is left exactly as it was, the
backup made before the update is complete, and the user is told, in one line, where it is.

The migration machinery is pointed at a copy of the real migrations plus a broken
``0099_broken.py`` whose ``up()`` changes things (a table, rows, a deletion) and then fails,
either with a Python exception or with bad SQL.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from informa.cli import main
from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.errors import InformaError
from informa.store import Store, db
from tests.builders import NOW
from tests.older_schema import LAST_MIGRATION, make_older

BROKEN = "0099_broken"
LAST_REAL = LAST_MIGRATION

BREAKS_IN_PYTHON = """
def up(migrator, db):
    db.execute_sql("CREATE TABLE half_done (id INTEGER)")
    db.execute_sql("UPDATE contact SET notes = 'overwritten by a broken update'")
    db.execute_sql("DELETE FROM activity")
    raise RuntimeError("the broken step gave up")
"""
BREAKS_IN_SQL = """
def up(migrator, db):
    db.execute_sql("CREATE TABLE half_done (id INTEGER)")
    db.execute_sql("UPDATE contact SET notes = 'overwritten by a broken update'")
    db.execute_sql("DELETE FROM activity")
    db.execute_sql("ALTER TABLE no_such_table ADD COLUMN nothing TEXT")
"""
BODIES = {
    "python": (BREAKS_IN_PYTHON, "the broken step gave up"),
    "sql": (BREAKS_IN_SQL, "no such table: no_such_table"),
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("migrations-demo")
    return write_demo_database(folder / "demo.db", clock=fixed_clock(NOW)).path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "informa.db"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture(params=sorted(BODIES))
def broken(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the machinery at the real migrations plus ``0099_broken``; the error it raises."""
    body, error = BODIES[request.param]
    folder = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / f"{BROKEN}.py").write_text(body)
    monkeypatch.setattr(db, "MIGRATIONS_DIR", folder)
    assert db.known_migrations() == [*real_migrations(), BROKEN]
    return error


def real_migrations() -> list[str]:
    return sorted(p.stem for p in Path(db.__file__).parent.joinpath("migrations").glob("0*.py"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    """The whole content, schema and rows, as SQL (read-only: the file is not touched)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def applied(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        rows = connection.execute("SELECT name FROM schema_migration ORDER BY name")
        return [str(row[0]) for row in rows]


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path, clock=fixed_clock(NOW))
    try:
        yield store
    finally:
        store.close()


def check_failed_update_changed_nothing(
    path: Path, error: str, *, before_bytes: str, before_dump: list[str], pending: list[str]
) -> Path:
    """Open ``path`` with the broken step pending; check what the user is told and what is
    on disk; return the backup."""
    with pytest.raises(InformaError) as failure:
        Store.open(path, clock=fixed_clock(NOW))
    message = str(failure.value)
    (backup,) = backups(path.parent)
    assert message == (
        f"{path}: could not update the database format at step {BROKEN} ({error}); "
        f"the update was rolled back, the database is as it was. "
        f"A backup made before the update is at {backup}."
    )
    assert "\n" not in message

    # The original: byte for byte as it was, with no -wal or -shm left beside it.
    assert digest(path) == before_bytes
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, backup.name])
    assert dump(path) == before_dump
    assert applied(path) == sorted(set(real_migrations()) - set(pending))

    # The backup: owner-only, sound, and the same content as the original.
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert integrity(backup) == "ok"
    assert dump(backup) == before_dump
    return backup


def test_a_failed_update_leaves_the_database_as_it_was_and_names_the_backup(
    demo_db: Path, broken: str, loose_umask: None
) -> None:
    before_bytes, before_dump = digest(demo_db), dump(demo_db)
    assert not any("overwritten" in line for line in before_dump)
    assert any(line.startswith('INSERT INTO "activity"') for line in before_dump)
    backup = check_failed_update_changed_nothing(
        demo_db, broken, before_bytes=before_bytes, before_dump=before_dump, pending=[BROKEN]
    )

    # Trying again fails the same way, with a new backup; the file is still untouched.
    backup.unlink()
    check_failed_update_changed_nothing(
        demo_db, broken, before_bytes=before_bytes, before_dump=before_dump, pending=[BROKEN]
    )


def test_an_update_of_several_steps_is_all_or_nothing(
    demo_db: Path, broken: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real last step applies cleanly and the broken one after it fails: the real one is
    rolled back too, so an older informa can still open the file."""
    make_older(demo_db)
    before_bytes, before_dump = digest(demo_db), dump(demo_db)
    assert LAST_REAL not in applied(demo_db)
    check_failed_update_changed_nothing(
        demo_db,
        broken,
        before_bytes=before_bytes,
        before_dump=before_dump,
        pending=[LAST_REAL, BROKEN],
    )

    # Once the broken step is gone (a fixed informa), the update goes through, data intact.
    monkeypatch.setattr(db, "MIGRATIONS_DIR", Path(db.__file__).parent / "migrations")
    contacts = [line for line in before_dump if line.startswith('INSERT INTO "contact"')]
    with opened(demo_db) as store:
        assert store.report.applied == (LAST_REAL,)
        assert store.contacts.count() == len(contacts)
        assert not any("overwritten" in c.notes for c in store.contacts.browse())
    assert applied(demo_db) == real_migrations()
    assert integrity(demo_db) == "ok"


def test_the_backup_restores_and_opens_once_the_update_is_fixed(
    demo_db: Path, broken: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What the message points at is usable: informa restore takes it."""
    before = dump(demo_db)
    with pytest.raises(InformaError):
        Store.open(demo_db, clock=fixed_clock(NOW))
    (backup,) = backups(demo_db.parent)
    monkeypatch.setattr(db, "MIGRATIONS_DIR", Path(db.__file__).parent / "migrations")
    target = tmp_path / "restored.db"
    result = CliRunner().invoke(main, ["--db", str(target), "restore", "--yes", str(backup)])
    assert result.exit_code == 0, result.output
    with opened(target) as store:
        assert store.report.applied == ()
    assert dump(target) == before


COMMANDS = [
    pytest.param([], id="app"),
    pytest.param(["agenda"], id="agenda"),
    pytest.param(["export", "json"], id="export-json"),
    pytest.param(["export", "csv"], id="export-csv"),
    pytest.param(["backup", "-o", "{tmp}/copy.db"], id="backup"),
]


@pytest.mark.parametrize("args", COMMANDS)
def test_the_cli_says_it_in_one_line_and_exits_1(
    demo_db: Path, broken: str, args: list[str], tmp_path: Path
) -> None:
    before_bytes = digest(demo_db)
    command = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    result = CliRunner().invoke(main, ["--db", str(demo_db), *command])
    if args and args[0] == "backup":  # a plain copy, no update needed: it works
        assert result.exit_code == 0, result.output
        assert backups(demo_db.parent) == []
        assert digest(demo_db) == before_bytes
        return
    assert result.exit_code == 1, result.output
    (backup,) = backups(demo_db.parent)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"informa: {demo_db}: could not update the database format")
    assert f"A backup made before the update is at {backup}." in result.stderr
    assert broken in result.stderr
    assert digest(demo_db) == before_bytes
