"""The typing baseline: a bare Textual app with one TextArea holding the same note.

``python bare_textarea.py NOTES_FILE``: the notes are loaded, soft-wrapped, with the cursor
at their end, as the call screen's editor has them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea


class BareTextArea(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, soft_wrap=True)

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)


if __name__ == "__main__":
    BareTextArea(Path(sys.argv[1]).read_text(encoding="utf-8")).run()
