"""The call's clock and the question at the cursor on one or two lines above the notes, for
screens too narrow for the side column: ``12:04 / 25:00 · 3 left · Q3/13 What does…``.

The call screen feeds it what the timer and the checklist show; the words wrap, never cut.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from informa.ui.text import clean


class CallStrip(Static):
    """The clock, the pace and the question under the checklist's cursor."""

    DEFAULT_CSS = """
    CallStrip {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._clock: tuple[str, str, bool, str] = ("--:-- / --:--", "ok", False, "")
        self._question = ""
        self._shown: tuple[str, str, bool, str, str] | None = None
        """What is drawn: a tick that changes nothing draws nothing, and one that only moves
        the clock's digits repaints the strip without a layout of the screen."""

    @property
    def text(self) -> str:
        return str(self.render())

    def show_time(self, clock: str, level: str, *, paused: bool, hint: str) -> None:
        self._clock = (clock, level, paused, hint)
        self._draw()

    def show_question(self, position: int, total: int, text: str, state: str) -> None:
        """The question at ``position`` (from 1) of ``total``; no plan: ``total`` 0."""
        if total == 0:
            self._question = "no questions planned"
        else:
            words = " ".join(clean(text).split())
            self._question = f"Q{position}/{total} {words}" + (f" ({state})" if state else "")
        self._draw()

    def _draw(self) -> None:
        clock, level, paused, hint = self._clock
        shown = (clock, level, paused, hint, self._question)
        before, self._shown = self._shown, shown
        if shown == before:
            return
        same_size = before is not None and (len(before[0]), *before[1:]) == (
            len(clock),
            *shown[1:],
        )
        self.update(self._content(), layout=not same_size)

    def _content(self) -> Content:
        clock, level, paused, hint = self._clock
        colour = {"ok": "$text", "near": "$text-warning", "over": "$text-error"}[level]
        parts: list[str | tuple[str, str]] = [(clock, f"bold {colour}")]
        if paused:
            parts.append((" ⏸ paused", "bold $text-warning"))
        if hint:
            parts += [" · ", (hint, "$text-muted")]
        parts += ["\n", (self._question, "bold")]
        return Content.assemble(*parts)
