"""The backup and restore actions, without Textual or click: real database files."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from informa.actions.backup import backup, default_backup_path, restore
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError
from informa.domain.model import ContactDraft
from informa.store import Store

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "informa.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """The database, open as the app holds it, with two people."""
    opened = Store.open(db_path, clock=fixed_clock(NOW), create_folder=True)
    for name in ("Ada Lovelace", "Grace Hopper"):
        opened.contacts.create(ContactDraft(name=name, company="Acme"))
    yield opened
    opened.close()


def tables(store: Store) -> dict[str, Any]:
    return dict(store.dump.dump()["tables"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_then_restore_gives_back_the_same_data(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    saved = tables(store)
    copy = backup(db_path, default_backup_path(tmp_path / "data", NOW))
    assert copy == tmp_path / "data" / "backups" / "informa-20261120-153000.db"
    assert (mode(copy), mode(copy.parent)) == (0o600, 0o700)

    store.contacts.create(ContactDraft(name="Alan Turing"))
    later = tables(store)
    kept = restore(db_path, copy, backups_dir=tmp_path / "data" / "backups", now=NOW)

    assert tables(store) == saved  # the open store reads the restored data
    assert kept == tmp_path / "data" / "backups" / "informa-20261120-153000-before-restore.db"
    assert mode(kept) == 0o600
    store.close()
    with closing(Store.open(kept, clock=fixed_clock(NOW))) as before:  # what was replaced is kept
        assert tables(before) == later


def test_a_backup_never_replaces_a_file(store: Store, db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.db"
    target.write_text("my own file")
    with pytest.raises(BadFileError, match="already exists; a backup never replaces a file"):
        backup(db_path, target)
    assert target.read_text() == "my own file"
    second = default_backup_path(tmp_path / "data", NOW)
    backup(db_path, second)
    assert default_backup_path(tmp_path / "data", NOW).name == "informa-20261120-153000-2.db"


def test_restoring_a_file_that_is_not_a_database_changes_nothing(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    before = tables(store)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 20)
    backups = tmp_path / "data" / "backups"
    with pytest.raises(BadFileError, match=rf"^{notes}: .*; nothing was restored$"):
        restore(db_path, notes, backups_dir=backups, now=NOW)
    assert tables(store) == before
    assert not backups.exists()  # no safety copy for a restore that did not happen


def test_restoring_where_there_is_no_database_yet_copies_the_backup(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    saved = tables(store)
    copy = backup(db_path, tmp_path / "copy.db")
    store.close()
    fresh = tmp_path / "new" / "informa.db"
    assert restore(fresh, copy, backups_dir=tmp_path / "new" / "backups", now=NOW) is None
    assert mode(fresh) == 0o600
    with closing(Store.open(fresh, clock=fixed_clock(NOW))) as restored:
        assert tables(restored) == saved
