"""Files stay small enough to read in one sitting (CONTRIBUTING: no file over 600 lines)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 600
PURE_DATA = {"informa/demo/sample.py"}
"""Data, not code: the demo's people, calls and notes."""


def test_no_module_is_longer_than_it_should_be() -> None:
    too_long = {}
    for path in sorted((ROOT / "informa").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in PURE_DATA or "/migrations/" in name:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long[name] = lines
    assert too_long == {}
