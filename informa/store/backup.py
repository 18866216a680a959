"""Copying the database file, and replacing it with a copy: SQLite's side of backups.

Both go through SQLite's online backup API, never a file copy: a backup taken while the app
is open and writing is a consistent snapshot, and a restore writes into the live database as
one transaction, so the WAL and shared-memory files stay in step and an open app sees either
the old content or the restored one, never a mix. A file to restore is checked first
(complete, undamaged, informa's, not from a newer informa). Every file made here is
owner-only and no existing file is ever overwritten by a copy.

Where copies go and what they are called is the caller's (``informa.interchange.backup``);
``informa.actions.backup`` puts the two together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from informa.domain.errors import BadFileError, DatabaseFileError
from informa.paths import PRIVATE_FILE_MODE, create_private_file, ensure_private_dir
from informa.store.db import BUSY_TIMEOUT_SECONDS, HISTORY_TABLE, SQLITE_HEADER, known_migrations

INFORMA_TABLES = frozenset(
    {HISTORY_TABLE, "company", "contact", "interview", "planned_question", "activity"}
)
"""Tables every informa database has had since its first schema."""

_HEADER_SIZE = 100
_BUSY_STEP_SECONDS = 0.1
_MAX_BUSY_STEPS = 50
"""After the destination's busy timeout, retries of a copy step before giving up."""


class _Busy(Exception):
    pass


def copy_database(db_path: Path, target: Path) -> Path:
    """Copy the database at ``db_path`` to the new owner-only file ``target``, consistently
    even while another connection writes; returns ``target``. Refuses an existing target."""
    db_path = db_path.expanduser().absolute()
    target = target.expanduser().absolute()
    _check_database_file(db_path, "back up")
    _create_target(target)
    try:
        source = _connect(db_path, "rw")
        try:
            destination = sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                _copy(source, destination)
                # One self-contained file: reading it later leaves no -wal/-shm beside it.
                destination.execute("PRAGMA journal_mode = DELETE")
            finally:
                destination.close()
        finally:
            source.close()
    except (sqlite3.Error, _Busy) as exc:
        target.unlink(missing_ok=True)
        raise DatabaseFileError(f"{db_path}: could not back up the database ({_why(exc)})") from exc
    target.chmod(PRIVATE_FILE_MODE)
    return target


def replace_database(
    db_path: Path, source: Path, *, safety_copy: Callable[[], Path]
) -> Path | None:
    """Replace the database at ``db_path`` with the informa database ``source``.

    ``source`` is checked first (SQLite, complete, undamaged, informa's, not from a newer
    informa): any problem is a ``BadFileError`` and nothing is changed. The current database
    is then copied to ``safety_copy()`` (a new file; the path is returned, for telling the
    user) and its content replaced in one transaction, through the connection, so an app
    that has it open sees the restored data on its next read. Without a current database,
    ``source`` is copied to ``db_path`` (owner-only), ``safety_copy`` is not called and
    ``None`` is returned.

    A database from an older informa is restored as it is; the next open updates it.
    """
    db_path = db_path.expanduser().absolute()
    source = source.expanduser().absolute()
    reader = _open_source(source, db_path)
    try:
        if not db_path.exists():
            ensure_private_dir(db_path.parent)
            _create_target(db_path)
            try:
                _copy_into(reader, db_path)
            except DatabaseFileError:
                db_path.unlink(missing_ok=True)
                raise
            db_path.chmod(PRIVATE_FILE_MODE)
            return None
        _check_current(db_path)
        safety = copy_database(db_path, safety_copy())
        try:
            _copy_into(reader, db_path)
        except DatabaseFileError as exc:
            raise DatabaseFileError(f"{exc} A backup of it is at {safety}.") from exc
        return safety
    finally:
        reader.close()


# -- copying ---------------------------------------------------------------------------


def _copy(source: sqlite3.Connection, destination: sqlite3.Connection) -> None:
    """All pages in one step: one read transaction on ``source``, so a consistent snapshot,
    and one write transaction on ``destination``, so all or nothing."""
    busy = 0

    def progress(status: int, remaining: int, total: int) -> None:
        nonlocal busy
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            busy += 1
            if busy > _MAX_BUSY_STEPS:
                raise _Busy("the database is busy (another program is writing); try again")

    source.backup(destination, pages=-1, progress=progress, sleep=_BUSY_STEP_SECONDS)


def _copy_into(reader: sqlite3.Connection, db_path: Path) -> None:
    try:
        destination = _connect(db_path, "rw")
        try:
            _copy(reader, destination)
        finally:
            destination.close()
    except (sqlite3.Error, _Busy) as exc:
        raise DatabaseFileError(
            f"{db_path}: could not restore the database ({_why(exc)}); it was not changed."
        ) from exc


def _why(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _connect(path: Path, mode: str, *, immutable: bool = False) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode={mode}" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _create_target(target: Path) -> None:
    if target.is_dir():
        raise BadFileError(f"{target}: is a folder; give a file name for the copy")
    if not target.parent.is_dir():
        raise BadFileError(f"{target}: the folder {target.parent} does not exist")
    try:
        create_private_file(target)
    except FileExistsError:
        raise BadFileError(
            f"{target}: already exists; a backup never replaces a file, so give a new name"
        ) from None
    except OSError as exc:
        raise BadFileError(f"{target}: cannot create it ({exc.strerror})") from None


# -- checking --------------------------------------------------------------------------


def _check_database_file(db_path: Path, action: str) -> None:
    if not db_path.exists():
        raise DatabaseFileError(f"{db_path}: no database to {action} (no such file)")
    if db_path.is_dir():
        raise DatabaseFileError(f"{db_path}: is a folder, not a database file")
    header = _header(db_path, DatabaseFileError)
    if header and not header.startswith(SQLITE_HEADER):
        raise DatabaseFileError(f"{db_path}: not an informa database (the file is not SQLite)")


def _check_current(db_path: Path) -> None:
    """The database being replaced must be informa's: a wrong ``--db`` is not overwritten."""
    _check_database_file(db_path, "restore into")
    try:
        connection = _connect(db_path, "rw")
        try:
            tables = _tables(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise DatabaseFileError(
            f"{db_path}: cannot read the current database ({exc}); move it aside and restore "
            "again. Nothing was changed."
        ) from exc
    if tables and HISTORY_TABLE not in tables:
        raise DatabaseFileError(
            f"{db_path}: a SQLite database, but not an informa one; restore into an informa "
            "database or a new file. Nothing was changed."
        )


def _header(path: Path, error: type[Exception]) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise error(f"{path}: cannot read it ({exc.strerror})") from None


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]) for row in rows}


def _open_source(source: Path, db_path: Path) -> sqlite3.Connection:
    """A read-only connection to ``source`` once it is known to be a sound informa database
    that this informa can use; otherwise one ``BadFileError`` line."""

    def bad(problem: str) -> BadFileError:
        return BadFileError(f"{source}: {problem}; nothing was restored")

    if not source.exists():
        raise bad("no such file")
    if source.is_dir():
        raise bad("is a folder, not an informa database")
    if db_path.exists() and source.samefile(db_path):
        raise bad("is the current database itself; give a backup to restore")
    header = _header(source, BadFileError)
    size = source.stat().st_size
    if not header:
        raise bad("the file is empty, not an informa database")
    if not header.startswith(SQLITE_HEADER) and not SQLITE_HEADER.startswith(header):
        raise bad("not an informa database (the file is not SQLite)")
    expected = _expected_size(header)
    if expected is None or size < expected:
        shown = f"{size} of {expected} bytes" if expected else f"{size} bytes"
        raise bad(f"the file is truncated ({shown}); it is not a complete database")
    # Without a -wal beside it, the file alone is the database: open it immutable, which
    # reads it without creating -wal/-shm files next to the user's file.
    immutable = not Path(f"{source}-wal").exists()
    try:
        connection = _connect(source, "ro", immutable=immutable)
    except sqlite3.Error as exc:
        raise bad(f"cannot open it ({exc})") from exc
    try:
        problem = _source_problem(connection)
    except sqlite3.Error as exc:
        connection.close()
        raise bad(f"the database is damaged ({exc})") from exc
    if problem is not None:
        connection.close()
        raise bad(problem)
    return connection


def _expected_size(header: bytes) -> int | None:
    """The file size the header promises (page size × page count), or ``None`` if the header
    itself is cut short. 0 when the header does not say (very old writers)."""
    if len(header) < _HEADER_SIZE:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if header[24:28] != header[92:96]:  # the page count is only valid when these agree
        return 0
    return page_size * int.from_bytes(header[28:32], "big")


def _source_problem(connection: sqlite3.Connection) -> str | None:
    check = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    if check != ["ok"]:
        return f"the database is damaged ({check[0]})"
    tables = _tables(connection)
    if not INFORMA_TABLES.issubset(tables):
        return "a SQLite database, but not an informa one (no informa tables)"
    applied = [str(row[0]) for row in connection.execute(f'SELECT name FROM "{HISTORY_TABLE}"')]
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        return (
            f"written by a newer version of informa (unknown schema migration {unknown[-1]}); "
            "upgrade informa to restore it"
        )
    return None
