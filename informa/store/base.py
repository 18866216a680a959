"""What every service shares: the clock, and one transaction per user action."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar

import peewee

from informa.domain.clock import Clock, ensure_aware
from informa.domain.errors import DatabaseFileError, InformaError
from informa.store.models import database

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="Service")


class Service:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def now(self, at: datetime | None = None) -> datetime:
        return ensure_aware(at) if at is not None else self.clock()


def transaction(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run a service method in one transaction; storage failures become ``InformaError``."""

    @functools.wraps(method)
    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with database.atomic():
                return method(self, *args, **kwargs)
        except InformaError:
            raise
        except (peewee.OperationalError, sqlite3.OperationalError) as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise DatabaseFileError(
                    "the database is busy (another informa is writing); try again"
                ) from exc
            if "readonly" in text or "read-only" in text:
                raise DatabaseFileError(f"cannot save: the database is read-only ({text})") from exc
            if "disk" in text or "full" in text:
                raise DatabaseFileError(f"cannot save: {text}") from exc
            raise DatabaseFileError(f"database error: {text}") from exc
        except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
            raise DatabaseFileError(f"database error: {exc}") from exc

    return wrapper
