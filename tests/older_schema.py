"""A database as the informa before the last schema migration left it (for the tests of
updates, backups and restores)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from informa.store import db

LAST_MIGRATION = db.known_migrations()[-1]
UNDO_LAST = "DROP INDEX contact_stage_name_key"
"""What ``LAST_MIGRATION`` (0005_stage_order) made; change both with a new migration."""


def make_older(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM schema_migration WHERE name = ?", (LAST_MIGRATION,))
        connection.execute(UNDO_LAST)
        connection.commit()
