"""What every service shares: the clock, and one transaction per user action.

``@reads`` opens a deferred transaction: readers never block each other in WAL mode.
``@writes`` opens ``BEGIN IMMEDIATE``: it takes the write lock up front, so that a
read-then-write action waits (busy timeout) for another writer instead of failing with
``SQLITE_BUSY_SNAPSHOT`` half-way through.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar, cast

import peewee

from informa.domain.clock import Clock, ensure_aware
from informa.domain.errors import ConflictError, DatabaseFileError, InformaError
from informa.store.models import database

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="Service")
Method = Callable[Concatenate[S, P], R]


class Service:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def now(self, at: datetime | None = None) -> datetime:
        return ensure_aware(at) if at is not None else self.clock()


def _transaction(lock_type: str | None) -> Callable[[Method[S, P, R]], Method[S, P, R]]:
    def decorate(method: Method[S, P, R]) -> Method[S, P, R]:
        @functools.wraps(method)
        def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            database.drop_stale()
            try:
                with database.atomic(lock_type=lock_type):
                    return method(self, *args, **kwargs)
            except InformaError:
                raise
            except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
                raise ConflictError(f"not saved: it conflicts with what is stored ({exc})") from exc
            except (peewee.OperationalError, sqlite3.OperationalError) as exc:
                raise _operational(_cause(exc)) from exc
            except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
                raise DatabaseFileError(f"database error: {exc}") from exc

        return wrapper

    return decorate


def _cause(exc: BaseException) -> BaseException:
    """The error to report: SQLite rolls a transaction back by itself on some errors (a full
    disk, for one), and the rollback peewee then tries fails with "no transaction is active",
    hiding the real problem in the exception's context."""
    while "no transaction is active" in str(exc) and exc.__context__ is not None:
        exc = exc.__context__
    return exc


def _operational(exc: BaseException) -> DatabaseFileError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseFileError("the database is busy (another program is writing); try again")
    if "readonly" in text or "read-only" in text:
        return DatabaseFileError(f"cannot save: the database is read-only ({text})")
    if "disk" in text or "full" in text:
        return DatabaseFileError(f"cannot save: {text}")
    return DatabaseFileError(f"database error: {text}")


reads = _transaction(None)
writes = _transaction("IMMEDIATE")


def raw_cursor() -> sqlite3.Cursor:
    """A cursor on the open connection, for bulk statements peewee would build row by row
    (imports): inside the caller's transaction, like any service statement."""
    return cast(sqlite3.Cursor, database.cursor())  # type: ignore[no-untyped-call]
