"""Text boxes that never send control characters to the terminal.

Textual's ``Input`` and ``TextArea`` draw their text as it is, so a name pasted with an
escape sequence in it, or notes imported from a file, would drive the terminal while being
edited. These draw every line through :func:`informa.ui.text.safe_strip`; what is typed and
saved stays exactly as it was.

``SafeTextArea`` lives in ``safe_area`` and is imported from here on first use: Textual's
``TextArea`` is a large module the first screen (which has only a filter box) does without.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.strip import Strip
from textual.widgets import Input

from informa.ui.text import safe_strip

if TYPE_CHECKING:
    from informa.ui.widgets.safe_area import SafeTextArea

__all__ = ["SafeInput", "SafeTextArea"]


class SafeInput(Input):
    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))


def __getattr__(name: str) -> Any:
    if name == "SafeTextArea":
        from informa.ui.widgets.safe_area import SafeTextArea

        return SafeTextArea
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
