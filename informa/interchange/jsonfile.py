"""The lossless JSON export: every row of every table, ids included, and its import.

The document is ``{"format": "informa", "version": 1, "exported_at": ..., "schema": [...],
"tables": {...}}`` (see ``informa.store.dump``). Importing it into a new database and
exporting again gives the same document, ``exported_at`` aside.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from informa.domain.errors import BadFileError
from informa.interchange.files import read_text

if TYPE_CHECKING:
    from informa.store import Store

EXPECTED = "an informa JSON export"


def export_json(store: Store) -> str:
    """The whole database as a JSON document (stable key order, indented, UTF-8 text)."""
    data = store.dump.dump()
    document: dict[str, Any] = {
        "format": data["format"],
        "version": data["version"],
        "exported_at": store.clock().isoformat(),
        "schema": data["schema"],
        "tables": data["tables"],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def import_json(store: Store, path: Path) -> dict[str, int]:
    """Load an export written by ``export_json`` into ``store``, which must be empty.

    Returns how many rows each table received. A file that is not such an export, or has
    a problem anywhere, is a ``BadFileError`` and nothing is written.
    """
    text = read_text(path, expected=EXPECTED)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadFileError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise BadFileError(f"{path}: not {EXPECTED} (nested too deeply)") from None
    if not isinstance(data, dict):
        raise BadFileError(
            f'{path}: not an informa export (a JSON {_kind(data)}, not an object with "format": '
            '"informa")'
        )
    return store.dump.load(data, source=str(path))


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool) or value is None:
        return "literal"
    return "number"
