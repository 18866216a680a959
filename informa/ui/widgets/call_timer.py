"""The call's clock against its target, with a pacing hint: ``12:40 / 25:00``.

The screen feeds it the elapsed seconds (from the interview and the app's clock) and the
checklist counts; the widget only shows them. Its colour turns to warning at 80% of the
target and to error past it.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from informa.domain.notes import format_elapsed
from informa.domain.plan import Pacing, pacing

LEVELS = ("ok", "near", "over")


class CallTimer(Static):
    """Elapsed / target time and how the call is pacing."""

    DEFAULT_CSS = """
    CallTimer {
        height: auto;
        padding: 0 1;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    CallTimer.-near { border: round $warning; }
    CallTimer.-over { border: round $error; }
    CallTimer.-paused { border: round $panel-lighten-2; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("--:-- / --:--", id=id)
        self.border_title = "Time"
        self.elapsed = 0
        self.target_minutes = 25
        self.paused = False
        self.pace: Pacing = pacing(0, 0, 0, 0, self.target_minutes)
        self._shown: tuple[str, str, str] | None = None
        """The two lines drawn and the level: the clock ticks every second, and a tick
        that changes nothing draws nothing."""

    @property
    def level(self) -> str:
        """``ok``, ``near`` (at least 80% of the target gone) or ``over``."""
        return self.pace.level

    @property
    def clock_text(self) -> str:
        return f"{format_elapsed(self.elapsed)} / {format_elapsed(self.target_minutes * 60)}"

    def show_time(
        self,
        *,
        elapsed: int,
        target_minutes: int,
        planned: int,
        asked: int,
        skipped: int,
        paused: bool = False,
    ) -> None:
        self.elapsed, self.target_minutes, self.paused = elapsed, target_minutes, paused
        self.pace = pacing(planned, asked, skipped, elapsed, target_minutes)
        level = self.pace.level
        first = f"{self.clock_text}  ⏸ paused" if paused else self.clock_text
        second = self.pace.hint if planned else "no plan"
        shown = (first, second, level)
        if shown == self._shown:
            return
        before, self._shown = self._shown, shown
        for name in LEVELS:
            self.set_class(level == name, f"-{name}")
        self.set_class(paused, "-paused")
        colour = {"ok": "$text", "near": "$text-warning", "over": "$text-error"}[level]
        parts: list[str | tuple[str, str]] = [(self.clock_text, f"bold {colour}")]
        if paused:
            parts.append(("  ⏸ paused", "bold $text-warning"))
        parts += ["\n", (second, "$text-muted")]
        # The height follows the lines' lengths (a long hint wraps): a tick that only moves
        # the clock's digits repaints the box without a layout of the whole screen (which
        # would hold up the frame of a key typed at that moment).
        same_size = before is not None and (len(before[0]), before[1]) == (len(first), second)
        self.update(Content.assemble(*parts), layout=not same_size)
