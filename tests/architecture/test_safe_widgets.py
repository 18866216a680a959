"""Every text box in the UI is one that draws without control characters (widgets/safe.py):
Textual's own ``Input`` and ``TextArea`` would send pasted escape sequences to the terminal."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "informa" / "ui"
RAW_BOX = re.compile(r"(?<![\w.])(?:Input|TextArea)\(")


def test_no_screen_or_dialog_builds_a_raw_text_box() -> None:
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        if path.name not in ("safe.py", "safe_area.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RAW_BOX.search(line) and not line.lstrip().startswith(("class ", "#"))
    ]
    assert offenders == []
