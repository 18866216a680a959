"""The title bar: the screen's title on one line at the top, drawn by one widget.

It looks like Textual's ``Header`` (the command palette's icon on the left, the title and
its sub-title centred, dimmed after a dash), but the header is four widgets, each with its
styles to read and apply and its lines to draw before the first frame. This bar is one
(benchmarks/: startup).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""The icon's cell and the space around it, as in Textual's header."""
RIGHT = 10
"""The space kept on the right (where Textual's header puts its clock): the title is centred
between the icon and it."""
DASH = " — "


class TitleBar(Widget, can_focus=False):
    """The title (the screen's, else the app's) and the sub-title, docked at the top. A
    click on the icon opens the command palette."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    TitleBar > .title-bar--icon-hover { background: $block-hover-background; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._icon_hover = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._title_changed, init=False)
            self.watch(node, "sub_title", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    @property
    def title(self) -> str:
        title = self.screen.title
        return title if title is not None else self.app.title

    @property
    def sub_title(self) -> str:
        sub_title = self.screen.sub_title
        return sub_title if sub_title is not None else self.app.sub_title

    @property
    def text(self) -> str:
        """The title as drawn, before it is cut to the width."""
        return f"{self.title}{DASH}{self.sub_title}" if self.sub_title else self.title

    # -- the mouse ----------------------------------------------------------------------

    def _on_icon(self, x: int) -> bool:
        return x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._on_icon(event.x)
        if hover != self._icon_hover:
            self._icon_hover = hover
            self.tooltip = "Open the command palette" if hover else None
            self.refresh()

    def on_leave(self) -> None:
        if self._icon_hover:
            self._icon_hover = False
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        if self._on_icon(event.x):
            event.stop()
            self.app.action_command_palette()

    # -- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        icon = (
            base + self.get_component_rich_style("title-bar--icon-hover")
            if self._icon_hover
            else base
        )
        dim = base + Style(dim=True)
        room = max(width - ICON_WIDTH - RIGHT, 0)
        title, sub_title = self.title, self.sub_title
        parts = [(title, base)] + ([(DASH, dim), (sub_title, dim)] if sub_title else [])
        used = sum(cell_len(text) for text, _ in parts)
        if used > room:
            parts, used = _cut(parts, room), room
        left = (room - used) // 2
        segments = [
            Segment(" " + ICON + " " * (ICON_WIDTH - 2), icon),
            Segment(" " * left, base),
            *(Segment(text, style) for text, style in parts),
        ]
        return Strip(segments).crop_extend(0, width, base)


def _cut(parts: list[tuple[str, Style]], room: int) -> list[tuple[str, Style]]:
    """``parts`` cut to ``room`` cells, the last one ending in an ellipsis."""
    kept: list[tuple[str, Style]] = []
    left = room
    for text, style in parts:
        width = cell_len(text)
        if width < left:
            kept.append((text, style))
            left -= width
            continue
        if left > 0:
            kept.append((set_cell_size(text, left - 1) + "…", style))
        break
    return kept
