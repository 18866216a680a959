"""Backups through SQLite's online backup API, and restoring one into the live database."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from informa.actions.backup import backup, default_backup_path, restore
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError, DatabaseFileError
from informa.domain.model import ContactDraft
from informa.store import Store, models
from tests.builders import NOW
from tests.older_schema import LAST_MIGRATION, make_older


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path, clock=fixed_clock(NOW), create_folder=True)
    try:
        yield store
    finally:
        store.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(path: Path) -> list[str]:
    """Contact names in a database file, read with a plain connection; checks it first."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = connection.execute("SELECT name FROM contact ORDER BY id").fetchall()
    return [str(row[0]) for row in rows]


def _make_database(path: Path, *names: str) -> Path:
    with opened(path) as store:
        for name in names:
            store.contacts.create(ContactDraft(name=name, company="Acme"))
    return path


# -- backup ------------------------------------------------------------------------------


def test_a_backup_while_the_app_has_the_database_open(tmp_path: Path) -> None:
    path = tmp_path / "data" / "informa.db"
    with opened(path) as store:
        store.contacts.create(ContactDraft(name="Ada Lovelace", company="Engines"))
        target = backup(path, tmp_path / "copy.db")
        store.contacts.create(ContactDraft(name="Grace Hopper"))  # the app goes on
        assert store.contacts.count() == 2
    assert target == tmp_path / "copy.db"
    assert _mode(target) == 0o600
    assert _names(target) == ["Ada Lovelace"]
    assert not Path(f"{target}-wal").exists()  # one self-contained file
    with opened(target) as copy:  # and informa opens it as it is
        assert [hit.title for hit in copy.search.search("engines")] == [
            "Engines",
            "Ada Lovelace",
        ]


def test_a_backup_during_a_write_in_another_thread_is_a_consistent_snapshot(
    tmp_path: Path,
) -> None:
    path = _make_database(tmp_path / "informa.db", "Ada")
    writing, finish = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            with closing(sqlite3.connect(path, timeout=5)) as connection:
                connection.isolation_level = None
                connection.execute("BEGIN IMMEDIATE")
                for name in ("Bea", "Cy"):
                    connection.execute(
                        "INSERT INTO contact (name, name_key, created_at, updated_at) "
                        "VALUES (?, lower(?), '', '')",
                        (name, name),
                    )
                writing.set()
                assert finish.wait(timeout=30)
                connection.execute("COMMIT")
        except BaseException as exc:
            failures.append(exc)
            writing.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(timeout=30)
        during = backup(path, tmp_path / "during.db")
    finally:
        finish.set()
        thread.join()
    assert not failures
    after = backup(path, tmp_path / "after.db")
    assert _names(during) == ["Ada"]  # nothing half-written
    assert _names(after) == ["Ada", "Bea", "Cy"]


def test_a_backup_inside_the_apps_own_write_transaction(tmp_path: Path) -> None:
    path = tmp_path / "informa.db"
    with opened(path) as store:
        store.contacts.create(ContactDraft(name="Ada"))
        with models.database.atomic("IMMEDIATE"):
            models.Contact.update(name="Changing").execute()
            target = backup(path, tmp_path / "copy.db")
        assert [c.name for c in store.contacts.browse()] == ["Changing"]
    assert _names(target) == ["Ada"]


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    path = _make_database(tmp_path / "informa.db", "Ada")
    target = tmp_path / "mine.db"
    target.write_text("precious")
    with pytest.raises(BadFileError) as caught:
        backup(path, target)
    assert str(caught.value) == (
        f"{target}: already exists; a backup never replaces a file, so give a new name"
    )
    assert target.read_text() == "precious"
    with pytest.raises(BadFileError, match="is a folder"):
        backup(path, tmp_path)
    with pytest.raises(BadFileError, match="does not exist"):
        backup(path, tmp_path / "missing" / "copy.db")


def test_a_backup_of_no_database_or_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError, match="no database to back up"):
        backup(tmp_path / "nothing.db", tmp_path / "copy.db")
    text = tmp_path / "notes.txt"
    text.write_text("just text, long enough to be more than a header " * 4)
    with pytest.raises(DatabaseFileError, match="the file is not SQLite"):
        backup(text, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_default_backup_path_is_dated_in_a_private_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = default_backup_path(data, NOW)
    assert first == data / "backups" / "informa-20261120-153000.db"
    assert _mode(data / "backups") == 0o700
    first.write_bytes(b"")
    assert default_backup_path(data, NOW) == data / "backups" / "informa-20261120-153000-2.db"


# -- restore -----------------------------------------------------------------------------


def test_restore_round_trip_into_the_open_app(tmp_path: Path) -> None:
    path = tmp_path / "data" / "informa.db"
    backups = tmp_path / "data" / "backups"
    with opened(path) as store:
        ada = store.contacts.create(ContactDraft(name="Ada", company="Acme", notes="kestrel"))
        saved = backup(path, default_backup_path(tmp_path / "data", NOW))
        store.contacts.update(ada.id, ContactDraft(name="Ada Changed", notes="osprey"))
        store.contacts.create(ContactDraft(name="Bob"))
        safety = restore(path, saved, backups_dir=backups, now=NOW)
        # The app, still open, reads the restored data, its search index included.
        assert [c.name for c in store.contacts.browse()] == ["Ada"]
        assert [hit.title for hit in store.search.search("kestrel")] == ["Ada"]
        assert store.search.search("osprey") == []
        store.contacts.create(ContactDraft(name="After"))  # and writes on
    assert safety == backups / "informa-20261120-153000-before-restore.db"
    assert _mode(safety) == 0o600
    assert _names(safety) == ["Ada Changed", "Bob"]
    assert _names(path) == ["Ada", "After"]
    assert _mode(path) == 0o600
    with opened(path) as store:
        assert store.contacts.count() == 2


def test_restore_from_a_database_with_a_wal_beside_it(tmp_path: Path) -> None:
    """A copy of a live database: its last writes are in the -wal, and are restored too."""
    source = _make_database(tmp_path / "other.db", "Ada")
    path = _make_database(tmp_path / "informa.db", "Zed")
    with closing(sqlite3.connect(source)) as live:
        live.execute("PRAGMA wal_autocheckpoint = 0")
        live.execute("UPDATE contact SET name = 'Ada (in the wal)'")
        live.commit()
        assert Path(f"{source}-wal").stat().st_size > 0
        restore(path, source, backups_dir=tmp_path / "backups", now=NOW)
    assert _names(path) == ["Ada (in the wal)"]


def test_restore_without_a_current_database_copies_it(tmp_path: Path) -> None:
    source = _make_database(tmp_path / "saved.db", "Ada")
    path = tmp_path / "new" / "informa.db"
    assert restore(path, source, backups_dir=tmp_path / "backups", now=NOW) is None
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert not (tmp_path / "backups").exists()
    with opened(path) as store:
        assert [c.name for c in store.contacts.browse()] == ["Ada"]


def test_restore_of_an_older_schema_is_updated_on_the_next_open(tmp_path: Path) -> None:
    source = _make_database(tmp_path / "old.db", "Ada")
    make_older(source)
    path = _make_database(tmp_path / "informa.db", "Zed")
    restore(path, source, backups_dir=tmp_path / "backups", now=NOW)
    with opened(path) as store:
        assert store.report.applied == (LAST_MIGRATION,)
        assert [c.name for c in store.contacts.browse()] == ["Ada"]


def _truncated(source: Path, target: Path) -> None:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def _header_only(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes()[:60])


def _not_informa(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.commit()


def _newer(source: Path, target: Path) -> None:
    backup(source, target)
    with closing(sqlite3.connect(target)) as connection:
        connection.execute(
            "INSERT INTO schema_migration (name, applied) VALUES ('0099_time_travel', '')"
        )
        connection.commit()


def _damaged(source: Path, target: Path) -> None:
    backup(source, target)
    data = bytearray(target.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):  # scribble over every page but the first
        data[offset : offset + 64] = b"\xa5" * 64
    target.write_bytes(bytes(data))


def _text(source: Path, target: Path) -> None:
    target.write_text("name,email\nAda,ada@example.com\n")


def _empty(source: Path, target: Path) -> None:
    target.write_bytes(b"")


def _folder(source: Path, target: Path) -> None:
    target.mkdir()


def _missing(source: Path, target: Path) -> None:
    pass


BAD_SOURCES: list[tuple[str, Callable[[Path, Path], None], str]] = [
    ("missing", _missing, "no such file"),
    ("folder", _folder, "is a folder, not an informa database"),
    ("empty", _empty, "the file is empty, not an informa database"),
    ("text", _text, "not an informa database (the file is not SQLite)"),
    ("header only", _header_only, "the file is truncated (60 bytes)"),
    ("truncated", _truncated, "the file is truncated ("),
    ("damaged", _damaged, "the database is damaged ("),
    ("not informa", _not_informa, "a SQLite database, but not an informa one (no informa tables)"),
    (
        "newer",
        _newer,
        "written by a newer version of informa (unknown schema migration 0099_time_travel)",
    ),
]


@pytest.mark.parametrize(
    ("make", "message"), [pytest.param(make, text, id=name) for name, make, text in BAD_SOURCES]
)
def test_a_bad_source_is_refused_and_nothing_changes(
    tmp_path: Path, make: Callable[[Path, Path], None], message: str
) -> None:
    good = _make_database(tmp_path / "good.db", "Somebody", "Else")
    path = _make_database(tmp_path / "informa.db", "Ada")
    source = tmp_path / "source.db"
    make(good, source)
    before = _digest(path)
    with pytest.raises(BadFileError) as caught:
        restore(path, source, backups_dir=tmp_path / "backups", now=NOW)
    assert str(caught.value).startswith(f"{source}: {message}")
    assert str(caught.value).endswith("; nothing was restored")
    assert "\n" not in str(caught.value)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not (tmp_path / "backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("source.db")) == (
        ["source.db"] if make is not _missing else []
    )


def test_restoring_the_database_onto_itself_is_refused(tmp_path: Path) -> None:
    path = _make_database(tmp_path / "informa.db", "Ada")
    before = _digest(path)
    with pytest.raises(BadFileError, match="is the current database itself"):
        restore(path, tmp_path / "." / "informa.db", backups_dir=tmp_path / "backups", now=NOW)
    assert _digest(path) == before


def test_restore_never_overwrites_a_database_that_is_not_informas(tmp_path: Path) -> None:
    source = _make_database(tmp_path / "saved.db", "Ada")
    path = tmp_path / "recipes.db"
    _not_informa(source, path)
    before = _digest(path)
    with pytest.raises(DatabaseFileError, match="a SQLite database, but not an informa one"):
        restore(path, source, backups_dir=tmp_path / "backups", now=NOW)
    assert _digest(path) == before
    assert not (tmp_path / "backups").exists()
