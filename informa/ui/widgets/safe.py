"""Text boxes that never send control characters to the terminal.

Textual's ``Input`` and ``TextArea`` draw their text as it is, so a name pasted with an
escape sequence in it, or notes imported from a file, would drive the terminal while being
edited. These draw every line through :func:`informa.ui.text.safe_strip`; what is typed and
saved stays exactly as it was.
"""

from __future__ import annotations

from textual.strip import Strip
from textual.widgets import Input, TextArea

from informa.ui.text import safe_strip


class SafeInput(Input):
    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))


class SafeTextArea(TextArea):
    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))
