"""Backing up the database, and restoring a backup: the command line's ``informa backup``
and ``informa restore``, and the palette's *Back up the database*.

The store copies (``informa.store.backup``: SQLite's online backup API, the checks of a file
to restore); ``informa.interchange.backup`` says where copies go. Every file made is
owner-only and no existing file is overwritten.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from informa.interchange.backup import before_restore_path, default_backup_path
from informa.store.backup import copy_database, replace_database

__all__ = ["backup", "default_backup_path", "restore"]


def backup(db_path: Path, target: Path) -> Path:
    """Copy the database at ``db_path`` to the new owner-only file ``target``, consistently
    even while informa is open and writing; returns the file written (absolute).

    Raises ``BadFileError`` for a target that exists or cannot be created and
    ``DatabaseFileError`` for a database that cannot be copied; no file is left behind."""
    return copy_database(db_path, target)


def restore(db_path: Path, source: Path, *, backups_dir: Path, now: datetime) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``source``.

    A ``source`` that is not a sound informa database this informa can use is a
    ``BadFileError`` and nothing changes. Otherwise the current database is first copied into
    ``backups_dir`` (``informa-<now>-before-restore.db``; that path is returned), then
    replaced in one transaction, so an app that has it open sees the restored data on its
    next read. Without a current database, ``source`` is copied to ``db_path`` and ``None``
    is returned.
    """
    return replace_database(
        db_path, source, safety_copy=lambda: before_restore_path(backups_dir, now)
    )
