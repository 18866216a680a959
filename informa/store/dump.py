"""Every row of every table as plain JSON-able values, and back: the lossless export.

``dump`` reads the stored values as they are (plain SQL, no field conversions): timestamps
stay the fixed-width UTC text they are stored as, dates are ISO text, tags a list of
strings, flags true/false. ``load`` puts such a dump into an empty database, ids kept, after
checking all of it: a problem anywhere is one ``BadFileError`` line and nothing is written.
The search index is derived, so it is not dumped; ``load`` rebuilds it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

import peewee

from informa.domain import model as d
from informa.domain.errors import BadFileError, ConflictError
from informa.domain.wording import counted
from informa.store import models as m
from informa.store import search
from informa.store.base import Service, raw_cursor, reads, writes
from informa.store.contacts import _select, _values
from informa.store.db import HISTORY_TABLE, known_migrations
from informa.store.fields import AwareDateTimeField, TagsField

FORMAT = "informa"
VERSION = 1
TOP_KEYS = ("format", "version", "exported_at", "schema", "tables")

TABLES: tuple[type[peewee.Model], ...] = (
    m.Company,
    m.Contact,
    m.Interview,
    m.PlannedQuestion,
    m.Activity,
    m.Profile,
    m.Snooze,
)
"""In the order they are loaded: a row's foreign keys point at tables before it."""

CONTENT = (m.Contact, m.Company, m.Interview, m.Activity)
"""What makes a database not empty (the profile row and snoozes do not count)."""

_MAX_INT = 2**63 - 1
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d:\d\d|Z)")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")

_CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("contact", "stage"): frozenset(d.Stage),
    ("contact", "source"): frozenset(d.Source),
    ("interview", "status"): frozenset(d.InterviewStatus),
    ("interview", "recording_consent"): frozenset(d.Consent),
    ("activity", "kind"): frozenset(d.ActivityKind),
}
"""Text columns the app reads as enums: anything else would break it on the first read."""

_FOREIGN_KEYS: dict[tuple[str, str], str] = {
    ("contact", "company_id"): "company",
    ("contact", "referred_by_id"): "contact",
    ("interview", "contact_id"): "contact",
    ("planned_question", "interview_id"): "interview",
    ("activity", "contact_id"): "contact",
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str
    """``int``, ``text``, ``bool``, ``date``, ``timestamp`` or ``tags``."""
    null: bool


def _kind(field: peewee.Field) -> str:
    # Subclasses before their bases: the custom fields are TextFields.
    if isinstance(field, AwareDateTimeField):
        return "timestamp"
    if isinstance(field, TagsField):
        return "tags"
    if isinstance(field, peewee.BooleanField):
        return "bool"
    if isinstance(field, peewee.DateField):
        return "date"
    if isinstance(field, peewee.IntegerField | peewee.AutoField | peewee.ForeignKeyField):
        return "int"
    if isinstance(field, peewee.TextField):
        return "text"
    raise TypeError(f"dump: no JSON form for {type(field).__name__} {field.name}")


def _table_name(model: type[peewee.Model]) -> str:
    return str(model._meta.table_name)


def _columns(model: type[peewee.Model]) -> tuple[Column, ...]:
    return tuple(
        Column(field.column_name, _kind(field), bool(field.null))
        for field in model._meta.sorted_fields
    )


COLUMNS: dict[str, tuple[Column, ...]] = {_table_name(t): _columns(t) for t in TABLES}
"""Every dumped table's columns, from the models (a store test checks them against the
migrated schema)."""

_PRIMARY_KEYS: dict[str, str] = {
    _table_name(t): str(cast(peewee.Field, t._meta.primary_key).column_name) for t in TABLES
}


# -- dumping ---------------------------------------------------------------------------


def _tags_out(value: Any) -> list[str]:
    """Tags as the app reads them (see ``TagsField``)."""
    try:
        loaded = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return [str(tag) for tag in loaded] if isinstance(loaded, list) else []


def _out(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "bool":
        return bool(value)
    if column.kind == "tags":
        return _tags_out(value)
    return value


def _dump_table(table: str) -> list[dict[str, Any]]:
    columns = COLUMNS[table]
    names = ", ".join(f'"{c.name}"' for c in columns)
    cursor = raw_cursor().execute(
        f'SELECT {names} FROM "{table}" ORDER BY "{_PRIMARY_KEYS[table]}"'
    )
    return [
        {c.name: _out(c, value) for c, value in zip(columns, row, strict=True)}
        for row in cursor.fetchall()
    ]


# -- checking --------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text_ok(value: str) -> bool:
    """Storable: SQLite text must be UTF-8, which a lone surrogate (``"\\ud800"``) is not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> BadFileError:
        prefix = f"{self.source}: {where}" if where else self.source
        return BadFileError(f"{prefix}: {message}")

    def value(self, table: str, where: str, column: Column, value: Any) -> Any:
        """The value to store for ``value``, or a ``BadFileError``."""
        if value is None:
            if column.null:
                return None
            raise self.fail(where, f"expected {_EXPECTED[column.kind]}, got null")
        check = _CONVERT[column.kind]
        stored = check(value)
        if stored is _BAD:
            raise self.fail(where, f"expected {_EXPECTED[column.kind]}, got {_describe(value)}")
        if isinstance(stored, str) and not _text_ok(stored):
            raise self.fail(where, "text with an invalid character (a lone surrogate)")
        choices = _CHOICES.get((table, column.name))
        if choices is not None and stored not in choices:
            allowed = ", ".join(sorted(choices))
            raise self.fail(where, f"unknown value {json.dumps(stored)} (one of: {allowed})")
        return stored


_BAD = object()


def _int(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > _MAX_INT:
        return _BAD
    return value


def _text(value: Any) -> Any:
    return value if isinstance(value, str) else _BAD


def _bool(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else _BAD


def _date(value: Any) -> Any:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return _BAD
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return _BAD


def _timestamp(value: Any) -> Any:
    """Stored as ``AwareDateTimeField`` stores it: fixed-width UTC text (so it sorts)."""
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return _BAD
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return _BAD
    return AwareDateTimeField().db_value(parsed.astimezone(UTC))


def _tags(value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        return _BAD
    return json.dumps(value, ensure_ascii=False)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "int": _int,
    "text": _text,
    "bool": _bool,
    "date": _date,
    "timestamp": _timestamp,
    "tags": _tags,
}
_EXPECTED = {
    "int": "a whole number",
    "text": "text",
    "bool": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "timestamp": "a timestamp with its UTC offset (2026-11-20T15:30:00.000000+00:00)",
    "tags": "a list of texts",
}


def check(data: Any, source: str) -> dict[str, list[tuple[Any, ...]]]:
    """The rows to insert, table by table, in column order; ``BadFileError`` for the first
    problem found, named by its path in the document (``tables.contact[3].stage``)."""
    checker = _Checker(source)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise checker.fail("", 'not an informa export (no "format": "informa")')
    for key in data:
        if key not in TOP_KEYS:
            raise checker.fail(key, "unknown key in an informa export")
    _check_version(checker, data.get("version"))
    _check_schema(checker, data.get("schema"))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise checker.fail("tables", f"expected an object of tables, got {_describe(tables)}")
    for name in tables:
        if name not in COLUMNS:
            raise checker.fail(f"tables.{name}", "unknown table")
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for name, columns in COLUMNS.items():
        rows[name] = _check_table(checker, name, columns, tables.get(name, _BAD))
    _check_keys(checker, rows)
    return rows


def _check_version(checker: _Checker, version: Any) -> None:
    if isinstance(version, bool) or not isinstance(version, int):
        raise checker.fail("version", f"expected the format version (1), got {_describe(version)}")
    if version > VERSION:
        raise checker.fail(
            "",
            f"written by a newer informa (format version {version}); upgrade informa to import it",
        )
    if version != VERSION:
        raise checker.fail("version", f"unknown format version {version}")


def _check_schema(checker: _Checker, schema: Any) -> None:
    if not isinstance(schema, list) or not all(isinstance(name, str) for name in schema):
        raise checker.fail("schema", f"expected a list of migration names, got {_describe(schema)}")
    unknown = sorted(set(schema) - set(known_migrations()))
    if unknown:
        raise checker.fail(
            "",
            f"written by a newer informa (unknown schema migration {unknown[-1]}); "
            "upgrade informa to import it",
        )


def _check_table(
    checker: _Checker, table: str, columns: tuple[Column, ...], items: Any
) -> list[tuple[Any, ...]]:
    where = f"tables.{table}"
    if items is _BAD:
        raise checker.fail("tables", f'no "{table}" table')
    if not isinstance(items, list):
        raise checker.fail(where, f"expected a list of rows, got {_describe(items)}")
    known = {c.name for c in columns}
    out: list[tuple[Any, ...]] = []
    for index, item in enumerate(items):
        at = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise checker.fail(at, f"expected an object, got {_describe(item)}")
        for key in item:
            if key not in known:
                raise checker.fail(f"{at}.{key}", "unknown column")
        values = []
        for column in columns:
            if column.name not in item:
                raise checker.fail(at, f'no "{column.name}"')
            values.append(checker.value(table, f"{at}.{column.name}", column, item[column.name]))
        out.append(tuple(values))
    return out


def _check_keys(checker: _Checker, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Primary keys unique (and positive ids), company names unique, foreign keys
    pointing at rows in the file: what the database would refuse half-way."""
    ids: dict[str, set[Any]] = {}
    for table, items in rows.items():
        names = [c.name for c in COLUMNS[table]]
        key = names.index(_PRIMARY_KEYS[table])
        seen: set[Any] = set()
        for index, values in enumerate(items):
            at = f"tables.{table}[{index}].{names[key]}"
            value = values[key]
            if isinstance(value, int) and value < 1:
                raise checker.fail(at, f"expected a positive id, got {value}")
            if table == "profile" and value != 1:
                raise checker.fail(at, f"expected 1 (there is one profile), got {value}")
            if value in seen:
                raise checker.fail(at, f"{json.dumps(value)} appears twice")
            seen.add(value)
        ids[table] = seen
    company_names = [c.name for c in COLUMNS["company"]].index("name_key")
    seen_names: set[Any] = set()
    for index, values in enumerate(rows["company"]):
        if values[company_names] in seen_names:
            raise checker.fail(
                f"tables.company[{index}].name_key",
                f"{json.dumps(values[company_names])} appears twice",
            )
        seen_names.add(values[company_names])
    for (table, column), target in _FOREIGN_KEYS.items():
        position = [c.name for c in COLUMNS[table]].index(column)
        for index, values in enumerate(rows[table]):
            value = values[position]
            if value is not None and value not in ids[target]:
                raise checker.fail(
                    f"tables.{table}[{index}].{column}", f"no {target} with id {value}"
                )


# -- the service -----------------------------------------------------------------------


class DumpService(Service):
    @reads
    def dump(self) -> dict[str, Any]:
        """``{"format", "version", "schema", "tables"}``: every row of every table."""
        cursor = raw_cursor().execute(f'SELECT name FROM "{HISTORY_TABLE}" ORDER BY name')
        schema = [str(row[0]) for row in cursor.fetchall()]
        return {
            "format": FORMAT,
            "version": VERSION,
            "schema": schema,
            "tables": {table: _dump_table(table) for table in COLUMNS},
        }

    @writes
    def load(self, data: Any, *, source: str = "FILE") -> dict[str, int]:
        """Put a ``dump()`` into this database, which must be empty; how many rows each
        table received. ``source`` names the file in messages."""
        rows = check(data, source)
        held = {_table_name(model): model.select().count() for model in CONTENT}
        if any(held.values()):
            raise ConflictError(_not_empty(held, source))
        # The file's ids and references are kept as they are; they were checked above,
        # and a contact may be referred by one that comes later in the file.
        raw_cursor().execute("PRAGMA defer_foreign_keys = ON")
        m.Snooze.delete().execute()
        m.SearchIndex.delete().execute()
        if rows["profile"]:
            m.Profile.delete().execute()
        cursor = raw_cursor()
        for table, columns in COLUMNS.items():
            if rows[table]:
                names = ", ".join(f'"{c.name}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows[table])
        _reindex()
        return {table: len(items) for table, items in rows.items()}


def _not_empty(held: dict[str, int], source: str) -> str:
    what = ", ".join(counted(n, t) for t, n in held.items() if n)
    return (
        f"the database already holds {what}; an export is imported into a new, empty "
        f"database: informa --db NEW.db import json {source}"
    )


def _reindex() -> None:
    # Indexing a company (new to the index) indexes its people too; indexing a contact
    # then is one more put. Interviews last, with their contact's name as title, and only
    # those with something written: the services index a call once its notes are saved.
    for company in m.Company.select():
        search.index_company(company)
    for contact in _values(_select()):
        search.index_contact(contact)
    names = dict(cast(Any, m.Contact.select(m.Contact.id, m.Contact.name).tuples()))
    for interview in m.Interview.select():
        if interview.notes.strip() or interview.debrief.strip():
            search.index_interview(interview, names[interview.contact_id])
