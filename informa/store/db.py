"""Opening the database file: checks, backups and migrations, before anything else runs.

Everything that can be wrong with the file (a missing folder, not SQLite, another program's
database, a newer informa's schema, a lock) is found with a plain read-only look first and
reported as one ``DatabaseFileError`` line naming the file: nothing is written in that case.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from informa.domain.clock import Clock, system_clock
from informa.domain.errors import DatabaseFileError
from informa.paths import PRIVATE_FILE_MODE, create_private_file, ensure_private_dir
from informa.store.models import database

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -512,
}
BUSY_TIMEOUT_SECONDS = 5
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HISTORY_TABLE = "schema_migration"


@dataclass(frozen=True, slots=True)
class OpenReport:
    path: Path
    created: bool
    applied: tuple[str, ...]
    backup: Path | None


def known_migrations() -> list[str]:
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


def open_database(
    path: Path, *, create_folder: bool = False, clock: Clock = system_clock
) -> OpenReport:
    """Check, back up, migrate and open ``path``; the module's ``database`` is then ready."""
    path = path.expanduser().absolute()
    _check_folder(path, create_folder)
    created = _prepare_file(path)
    applied, tables = _inspect(path)
    known = known_migrations()
    unknown = sorted(set(applied) - set(known))
    if unknown:
        raise DatabaseFileError(
            f"{path}: written by a newer version of informa (unknown schema migration "
            f"{unknown[-1]}); upgrade informa to open it. The file was not changed."
        )
    if tables - {HISTORY_TABLE} and HISTORY_TABLE not in tables:
        raise DatabaseFileError(
            f"{path}: a SQLite database, but not an informa one (it has other tables); "
            "choose another file with --db. The file was not changed."
        )
    pending = [name for name in known if name not in applied]
    backup = None
    if pending and not created and tables:
        backup = backup_database(path, clock)
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)
    done: list[str] = []
    step = "?"
    try:
        database.connect()
        if pending:
            from playhouse.migrations import Runner  # only when there is something to run

            runner = Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)
            # Foreign keys off, as playhouse does for each step (a rebuilt table must not
            # cascade); the pragma is ignored inside a transaction, so it is set first.
            database.pragma("foreign_keys", 0)
            with database.atomic():  # every step or none: a failure leaves the file as it was
                for step in pending:
                    done.extend(runner.up(target=step))
            database.pragma("foreign_keys", 1)
    except Exception as exc:
        with contextlib.suppress(Exception):
            database.close()
        raise _migration_failed(path, step, backup, exc) from exc
    return OpenReport(path, created, tuple(done), backup)


def _migration_failed(
    path: Path, step: str, backup: Path | None, exc: Exception
) -> DatabaseFileError:
    """Name the step that failed; the update was one transaction, so nothing changed."""
    where = f" A backup made before the update is at {backup}." if backup else ""
    return DatabaseFileError(
        f"{path}: could not update the database format at step {step} ({exc}); "
        f"the update was rolled back, the database is as it was.{where}"
    )


def close_database() -> None:
    if not database.is_closed():
        database.close()


def _check_folder(path: Path, create_folder: bool) -> None:
    folder = path.parent
    if not folder.exists():
        if not create_folder:
            raise DatabaseFileError(f"{path}: the folder {folder} does not exist")
        ensure_private_dir(folder)
    if not folder.is_dir():
        raise DatabaseFileError(f"{path}: {folder} is not a folder")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise DatabaseFileError(f"{path}: the folder {folder} cannot be read (permission denied)")


def _prepare_file(path: Path) -> bool:
    """Create an owner-only file if there is none; check the header of an existing one."""
    if path.is_dir():
        raise DatabaseFileError(f"{path}: is a folder, not a database file")
    if not path.exists():
        if not os.access(path.parent, os.W_OK):
            raise DatabaseFileError(
                f"{path}: cannot create the database (the folder is not writable)"
            )
        try:
            create_private_file(path)
        except OSError as exc:
            raise DatabaseFileError(f"{path}: cannot create the database ({exc.strerror})") from exc
        return True
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseFileError(f"{path}: cannot read the database ({exc.strerror})") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseFileError(f"{path}: not an informa database (the file is not SQLite)")
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseFileError(
            f"{path}: is read-only; informa needs write access to the file and its folder"
        )
    return False


def _connect_plain(path: Path, mode: str = "rw") -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _open_for_inspection(path: Path) -> sqlite3.Connection:
    connection = _connect_plain(path, "ro")
    try:
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        connection.close()
        return _connect_plain(path, "rw")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _inspect(path: Path) -> tuple[list[str], set[str]]:
    """Applied migrations and table names, read without changing anything.

    Read-only, so that closing the connection cannot checkpoint a WAL file another program
    left behind; read-write only if SQLite cannot open the file read-only at all.
    """
    try:
        connection = _open_for_inspection(path)
    except sqlite3.OperationalError as exc:
        raise DatabaseFileError(f"{path}: cannot open the database ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            f"{path}: not a usable informa database ({exc}). The file was not changed."
        ) from exc
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        applied: list[str] = []
        if HISTORY_TABLE in tables:
            applied = [row[0] for row in connection.execute(f"SELECT name FROM {HISTORY_TABLE}")]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseFileError(
                f"{path}: the database is locked by another program; close it and try again"
            ) from exc
        raise DatabaseFileError(f"{path}: cannot read the database ({exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseFileError(
            f"{path}: not a usable informa database ({exc}). The file was not changed."
        ) from exc
    finally:
        connection.close()
    return applied, tables


def backup_database(path: Path, clock: Clock = system_clock) -> Path:
    """Copy the database (consistently, WAL included) to an owner-only file next to it."""
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{stamp}-{counter}.bak")
    create_private_file(target)
    source = _connect_plain(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
            # One self-contained file: reading it later leaves no -wal/-shm beside it.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise DatabaseFileError(f"{path}: could not back up the database ({exc})") from exc
    finally:
        source.close()
    target.chmod(PRIVATE_FILE_MODE)
    return target
