"""``SafeTextArea``: a ``TextArea`` that draws without control characters (see ``safe``)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.strip import Strip
from textual.widgets import TextArea

from informa.ui.keys import bindings
from informa.ui.text import safe_strip


class SafeTextArea(TextArea):
    """Every text box of several lines; adds ``ctrl+home`` / ``ctrl+end`` (the document's
    start and end) to Textual's keys."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("text")

    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))

    def action_document_start(self, select: bool = False) -> None:
        """To the start of the text (``select``: selecting from where the cursor was)."""
        self.move_cursor((0, 0), select=select)

    def action_document_end(self, select: bool = False) -> None:
        """To the end of the text (``select``: selecting from where the cursor was)."""
        self.move_cursor(self.document.end, select=select)
