"""Opening the database file: permissions, migrations, backups, and every way it can be bad."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest

from informa.domain.clock import fixed_clock
from informa.domain.errors import DatabaseFileError
from informa.domain.model import ContactDraft
from informa.store import Store, db, models


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_and_migrated(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "new" / "deeper" / "informa.db"
    store = Store.open(path, clock=fixed_clock(now), create_folder=True)
    store.close()
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700
    assert store.report.created
    assert store.report.applied == tuple(db.known_migrations())
    assert store.report.backup is None


def _connection() -> sqlite3.Connection:
    return cast(sqlite3.Connection, models.database.connection())  # type: ignore[no-untyped-call]


def test_pragmas_are_applied(store: Store) -> None:
    connection = _connection()
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_models_match_the_migrated_schema(store: Store) -> None:
    for model in models.MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in _connection().execute(f"PRAGMA table_info({table})")}
        fields = {field.column_name for field in model._meta.sorted_fields}
        assert columns == fields, table
    assert models.SearchIndex.table_exists()


def test_reopening_applies_nothing_and_makes_no_backup(db_path: Path, store: Store) -> None:
    store.contacts.create(ContactDraft(name="Ada"))
    store.close()
    again = Store.open(db_path)
    assert again.report.applied == ()
    assert again.report.backup is None
    assert [c.name for c in again.contacts.browse()] == ["Ada"]
    again.close()
    assert [p.name for p in db_path.parent.iterdir() if ".bak" in p.name] == []


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, folder)
    (folder / "0099_test_extra.py").write_text(body)
    monkeypatch.setattr(db, "MIGRATIONS_DIR", folder)


def test_pending_migration_backs_up_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, store: Store, now: datetime
) -> None:
    store.contacts.create(ContactDraft(name="Ada"))
    store.close()
    _with_extra_migration(
        monkeypatch,
        tmp_path,
        "def up(migrator, db):\n    db.execute_sql('CREATE TABLE extra (id INTEGER)')\n",
    )
    again = Store.open(db_path, clock=fixed_clock(now))
    again.close()
    assert again.report.applied == ("0099_test_extra",)
    backup = again.report.backup
    assert backup is not None
    assert backup.parent == db_path.parent
    assert backup.name == "informa.db.20261120-153000.bak"
    assert _mode(backup) == 0o600
    with sqlite3.connect(backup) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM contact")]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert names == ["Ada"]
    assert "extra" not in tables


def test_failed_migration_rolls_back_and_names_the_backup(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, store: Store
) -> None:
    store.contacts.create(ContactDraft(name="Ada"))
    store.close()
    _with_extra_migration(
        monkeypatch,
        tmp_path,
        "def up(migrator, db):\n"
        "    db.execute_sql('CREATE TABLE half (id INTEGER)')\n"
        "    raise RuntimeError('boom')\n",
    )
    with pytest.raises(DatabaseFileError) as failure:
        Store.open(db_path)
    message = str(failure.value)
    assert "boom" in message
    assert "backup" in message
    backups = [p for p in db_path.parent.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1
    assert str(backups[0]) in message
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        names = [row[0] for row in connection.execute("SELECT name FROM contact")]
    assert "half" not in tables
    assert names == ["Ada"]


def test_newer_database_is_refused_untouched(db_path: Path, store: Store) -> None:
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO schema_migration (name, applied) VALUES ('0999_future', '2030-01-01')"
        )
    before = _digest(db_path)
    with pytest.raises(DatabaseFileError) as refused:
        Store.open(db_path)
    assert "newer version of informa" in str(refused.value)
    assert "0999_future" in str(refused.value)
    assert _digest(db_path) == before
    assert [p for p in db_path.parent.iterdir() if p.name.endswith(".bak")] == []


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, not a database\n")
    before = _digest(path)
    with pytest.raises(DatabaseFileError) as refused:
        Store.open(path)
    assert str(refused.value) == f"{path}: not an informa database (the file is not SQLite)"
    assert _digest(path) == before


def test_truncated_database_is_refused(db_path: Path, store: Store) -> None:
    for index in range(200):
        store.contacts.create(ContactDraft(name=f"Person {index}", notes="x" * 500))
    store.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseFileError) as refused:  # on opening, or at the first read
        Store.open(db_path).contacts.browse()
    assert str(db_path) in str(refused.value)


def test_other_programs_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    before = _digest(path)
    with pytest.raises(DatabaseFileError) as refused:
        Store.open(path)
    assert "not an informa one" in str(refused.value)
    assert _digest(path) == before


def test_missing_folder_is_an_error_unless_asked_to_create(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "informa.db"
    with pytest.raises(DatabaseFileError) as missing:
        Store.open(path)
    assert str(missing.value) == f"{path}: the folder {path.parent} does not exist"
    assert not path.parent.exists()


def test_folder_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError) as refused:
        Store.open(tmp_path)
    assert "is a folder" in str(refused.value)


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    store = Store.open(path)
    store.contacts.create(ContactDraft(name="Ada"))
    store.close()
    assert store.report.applied == tuple(db.known_migrations())


def test_upgrade_from_the_first_schema_keeps_the_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, now: datetime
) -> None:
    """A database made by the first release is backed up, migrated, and keeps its data."""
    first_only = tmp_path / "first"
    first_only.mkdir()
    shutil.copy(db.MIGRATIONS_DIR / "0001_initial.py", first_only)
    real_dir = db.MIGRATIONS_DIR
    monkeypatch.setattr(db, "MIGRATIONS_DIR", first_only)
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("SELECT 1")  # an empty file, then the first schema:
    old = Store.open(path, clock=fixed_clock(now))
    old.close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO contact (name, name_key, created_at, updated_at) "
            "VALUES ('Ada', 'ada', '2026-01-01T00:00:00.000000+00:00', "
            "'2026-01-01T00:00:00.000000+00:00')"
        )
    monkeypatch.setattr(db, "MIGRATIONS_DIR", real_dir)
    upgraded = Store.open(path, clock=fixed_clock(now))
    assert upgraded.report.applied == tuple(db.known_migrations()[1:])
    assert upgraded.report.backup is not None
    assert upgraded.report.backup.exists()
    assert [c.name for c in upgraded.contacts.browse()] == ["Ada"]
    assert upgraded.profile.pitch().background == ""
    upgraded.close()


def test_an_older_database_is_migrated_with_its_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path, now: datetime
) -> None:
    """A file written before the latest migration opens with everything in it, after a
    backup, and the new columns take their defaults."""
    older = tmp_path / "older-migrations"
    older.mkdir()
    latest = db.known_migrations()
    for name in latest[:-1]:
        shutil.copy(db.MIGRATIONS_DIR / f"{name}.py", older / f"{name}.py")
    shutil.copy(db.MIGRATIONS_DIR / "__init__.py", older / "__init__.py")
    real = db.MIGRATIONS_DIR
    monkeypatch.setattr(db, "MIGRATIONS_DIR", older)
    first = Store.open(db_path, clock=fixed_clock(now), create_folder=True)
    ada = first.contacts.create(ContactDraft(name="Ada"))
    first.close()
    # The interview as the older schema stores it (today's models expect the new column).
    stamp = now.isoformat()
    with sqlite3.connect(db_path) as connection:
        call_id = connection.execute(
            "INSERT INTO interview (contact_id, notes, created_at, updated_at) "
            "VALUES (?, 'A: keep this', ?, ?)",
            (ada.id, stamp, stamp),
        ).lastrowid
    connection.close()
    assert call_id is not None
    monkeypatch.setattr(db, "MIGRATIONS_DIR", real)
    again = Store.open(db_path, clock=fixed_clock(now))
    try:
        assert again.report.applied == (latest[-1],)
        assert again.report.backup is not None
        reopened = again.interviews.get(call_id)
        assert reopened.notes == "A: keep this"
        assert reopened.prep_done == frozenset()
    finally:
        again.close()


def test_a_thread_that_read_one_database_reads_the_next_one_opened(tmp_path: Path) -> None:
    """Connections are per thread; a pooled thread (``asyncio.to_thread``) that read the
    database opened before must read the one opened now, not keep its old connection."""
    from concurrent.futures import ThreadPoolExecutor

    from informa.domain.model import ContactDraft

    with ThreadPoolExecutor(max_workers=1) as pool:
        first = Store.open(tmp_path / "first.db")
        first.contacts.create(ContactDraft(name="Ada"))
        names = pool.submit(lambda: [c.name for c in first.contacts.browse()]).result()
        assert names == ["Ada"]
        first.close()
        second = Store.open(tmp_path / "second.db")
        second.contacts.create(ContactDraft(name="Zed"))
        names = pool.submit(lambda: [c.name for c in second.contacts.browse()]).result()
        assert names == ["Zed"]
        second.close()
