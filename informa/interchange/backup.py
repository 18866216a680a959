"""Where backups go and what they are called.

A backup the user asks for without naming a file goes to ``<data folder>/backups/``, dated;
the copy of the database kept before a restore goes beside them. Nothing is ever
overwritten: a name already taken gets ``-2``, ``-3``… The copying itself (SQLite's online
backup API, the checks of a file to restore) is the store's: ``informa.store.backup``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from informa.paths import ensure_private_dir

BACKUPS_DIRNAME = "backups"


def default_backup_path(data_dir: Path, now: datetime) -> Path:
    """A new file ``<data_dir>/backups/informa-YYYYmmdd-HHMMSS.db`` (``-2``, ``-3``… if that
    name is taken); the folder is created owner-only."""
    folder = data_dir / BACKUPS_DIRNAME
    ensure_private_dir(folder)
    return _free_name(folder, f"informa-{now:%Y%m%d-%H%M%S}")


def before_restore_path(backups_dir: Path, now: datetime) -> Path:
    """A new file in ``backups_dir`` (created owner-only) for the database as it was before
    a restore: ``informa-YYYYmmdd-HHMMSS-before-restore.db``."""
    ensure_private_dir(backups_dir)
    return _free_name(backups_dir, f"informa-{now:%Y%m%d-%H%M%S}-before-restore")


def _free_name(folder: Path, stem: str) -> Path:
    target = folder / f"{stem}.db"
    counter = 1
    while target.exists() or target.is_symlink():
        counter += 1
        target = folder / f"{stem}-{counter}.db"
    return target
