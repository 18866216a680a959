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
        for level in LEVELS:
            self.set_class(self.pace.level == level, f"-{level}")
        self.set_class(paused, "-paused")
        colour = {"ok": "$text", "near": "$text-warning", "over": "$text-error"}[self.pace.level]
        parts: list[str | tuple[str, str]] = [(self.clock_text, f"bold {colour}")]
        if paused:
            parts.append(("  ⏸ paused", "bold $text-warning"))
        parts += ["\n", (self.pace.hint if planned else "no plan", "$text-muted")]
        self.update(Content.assemble(*parts))
