"""The lossless JSON export: every row of every table, ids included, as a document, and
reading one back.

The document is ``{"format": "informa", "version": 1, "exported_at": ..., "schema": [...],
"tables": {...}}``: the store's dump (``informa.store.dump``, which also checks a document
before loading it) with the time of the export. Importing it into a new database and
exporting again gives the same document, ``exported_at`` aside.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from informa.domain.errors import BadFileError
from informa.interchange.files import read_text

EXPECTED = "an informa JSON export"


def export_text(dump: Mapping[str, Any], *, exported_at: datetime) -> str:
    """The document for the store's ``dump`` (stable key order, indented, UTF-8 text)."""
    document: dict[str, Any] = {
        "format": dump["format"],
        "version": dump["version"],
        "exported_at": exported_at.isoformat(),
        "schema": dump["schema"],
        "tables": dump["tables"],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_export(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``, for the store to check and load.

    A file that is not JSON text, or whose JSON is not an object, is a ``BadFileError``
    naming the file (and, for bad JSON, the line and column).
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
    return data


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool) or value is None:
        return "literal"
    return "number"
