"""Column types peewee lacks: aware timestamps and tag lists."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, overload

from peewee import TextField

from informa.domain.clock import ensure_aware


class AwareDateTimeField(TextField):
    """An aware datetime, stored as fixed-width UTC ISO-8601 text so that it sorts as text.

    peewee's DateTimeField drops the offset on the way back; this one refuses naive values
    and always returns aware datetimes in UTC.
    """

    def db_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        utc = ensure_aware(value).astimezone(UTC)
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")

    def python_value(self, value: str | None) -> datetime | None:
        return None if value is None else aware_datetime(value)


class TagsField(TextField):
    """A tuple of tags, stored as a JSON list."""

    def db_value(self, value: Any) -> str:
        return json.dumps(list(value or ()), ensure_ascii=False)

    def python_value(self, value: Any) -> tuple[str, ...]:
        return tags_from(value)


@overload
def aware_datetime(value: str) -> datetime: ...
@overload
def aware_datetime(value: None) -> None: ...
def aware_datetime(value: str | None) -> datetime | None:
    """What ``AwareDateTimeField`` stores, read back (also for rows read without peewee)."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def tags_from(value: str | None) -> tuple[str, ...]:
    """What ``TagsField`` stores, read back."""
    if not value or value == "[]":
        return ()
    loaded = json.loads(value)
    return tuple(str(tag) for tag in loaded) if isinstance(loaded, list) else ()
