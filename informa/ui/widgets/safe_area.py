"""``SafeTextArea``: a ``TextArea`` that draws without control characters (see ``safe``)."""

from __future__ import annotations

from textual.strip import Strip
from textual.widgets import TextArea

from informa.ui.text import safe_strip


class SafeTextArea(TextArea):
    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))
