"""The pipeline's views: Due, All and each stage with its count.

Nine fixed lines, drawn by one widget. It was an ``OptionList``: that widget, its scroll
machinery and its styles cost about 11 ms of the app's first frame, measured against this
one in the same runs (benchmarks/: startup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from informa.domain.enums import ALL, DUE, VIEWS, view_label
from informa.ui.keys import bindings

if TYPE_CHECKING:
    from informa.domain.model import StageCount

LABEL_WIDTH = 16
"""A view's name and its count, the count flush right."""
MORE_ABOVE, MORE_BELOW = "▲", "▼"


class ViewMessage(Message):
    def __init__(self, stage_list: StageList, view: str) -> None:
        super().__init__()
        self.stage_list = stage_list
        self.view = view

    @property
    def control(self) -> StageList:
        return self.stage_list


class StageList(Widget, can_focus=True):
    """Pick what the contact list shows; the views are ``VIEWS``, in that order.

    Posts ``Highlighted`` when the highlight moves (keys, a click, ``select_view``) and
    ``Selected`` on enter or a click.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "stage-list--cursor",
        "stage-list--hover",
        "stage-list--urgent",
        "stage-list--count",
        "stage-list--none",
    }

    DEFAULT_CSS = """
    StageList {
        width: 22;
        height: 1fr;
        color: $foreground;
        background: $surface;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    StageList:focus { border: round $primary; background-tint: $foreground 5%; }
    StageList > .stage-list--cursor {
        color: $foreground;
        background: $block-cursor-blurred-background;
    }
    StageList:focus > .stage-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    StageList > .stage-list--hover { background: $block-hover-background; }
    StageList > .stage-list--urgent { color: $text-warning; text-style: bold; }
    StageList > .stage-list--count { text-style: bold; }
    StageList > .stage-list--none { text-style: dim; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("stages")

    highlighted: reactive[int] = reactive(0)
    """The index in ``VIEWS`` of the highlighted view."""

    class Highlighted(ViewMessage):
        """The highlight moved to ``view``."""

    class Selected(ViewMessage):
        """The user chose ``view`` (enter or a click): the list should take over."""

    def __init__(self) -> None:
        super().__init__(id="stages")
        self.border_title = "Pipeline"
        self.counts: dict[str, int] = {}
        """What is shown beside each view (nothing until the first counts arrive)."""
        self._hover: int | None = None
        self._top = 0
        """The first view drawn (more than the first when the list is shorter than nine)."""
        self._styles: dict[str, Style] = {}

    @property
    def view(self) -> str:
        return VIEWS[self.highlighted]

    def select_view(self, view: str) -> None:
        self.highlighted = VIEWS.index(view)

    def show_counts(self, counts: tuple[StageCount, ...], due: int, total: int) -> None:
        """Put the counts beside the views; redraws only when one changed (every view
        switch passes them all)."""
        by_view = {count.stage.value: count.count for count in counts}
        by_view[DUE], by_view[ALL] = due, total
        shown = {view: by_view.get(view, 0) for view in VIEWS}
        if shown != self.counts:
            self.counts = shown
            self.refresh()

    # -- keys and the mouse -------------------------------------------------------------

    def validate_highlighted(self, index: int) -> int:
        return min(max(index, 0), len(VIEWS) - 1)

    def watch_highlighted(self, index: int) -> None:
        self._keep_visible()
        self.refresh()
        self.post_message(self.Highlighted(self, VIEWS[index]))

    def action_move(self, step: int) -> None:
        self.highlighted = (self.highlighted + step) % len(VIEWS)  # round the ends

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(VIEWS) - 1

    def action_select(self) -> None:
        self.post_message(self.Selected(self, self.view))

    def _index_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = self._top + offset.y
        return index if 0 <= index < len(VIEWS) else None

    def on_click(self, event: events.Click) -> None:
        index = self._index_at(event)
        if index is not None:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll(1, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll(-1, event)

    def _scroll(self, step: int, event: events.MouseEvent) -> None:
        top = min(max(self._top + step, 0), max(len(VIEWS) - self.size.height, 0))
        if top != self._top:
            event.stop()
            self._top = top
            self.refresh()

    def on_resize(self) -> None:
        self._keep_visible()

    def _keep_visible(self) -> None:
        height = self.size.height
        if height:
            self._top = min(self._top, self.highlighted)
            self._top = max(self._top, self.highlighted - height + 1)
            self._top = min(self._top, max(len(VIEWS) - height, 0))

    # -- drawing ------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._styles.clear()  # the theme or the focus changed
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """The list's own style (``""``) or a component's, worked out once per theme and
        focus. The text components keep their colour and weight only, never a background
        that would hide the highlight's."""
        style = self._styles.get(name)
        if style is None:
            if not name:
                style = self.rich_style
            else:
                style = self.get_component_rich_style(name)
                if name not in ("stage-list--cursor", "stage-list--hover"):
                    style = Style(color=style.color, bold=style.bold, dim=style.dim)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._style("")
        index = self._top + y
        if index >= len(VIEWS):
            return Strip.blank(width, base)
        view = VIEWS[index]
        line = base
        if index == self._hover:
            line += self._style("stage-list--hover")
        if index == self.highlighted:
            line += self._style("stage-list--cursor")
        name, number = view_label(view), self.counts.get(view)
        if number is None:
            segments = [Segment(name, line)]
        else:
            count = str(number)
            gap = " " * max(LABEL_WIDTH - len(name) - len(count), 1)
            if index == self.highlighted and self.has_focus:
                name_style = count_style = line  # the cursor's colours, legible on its bar
            elif view == DUE and number:
                name_style = count_style = line + self._style("stage-list--urgent")
            else:
                name_style = line
                count_style = line + self._style(
                    "stage-list--count" if number else "stage-list--none"
                )
            # The padding trails the name rather than leads the number: some SVG viewers
            # drop a span's leading spaces.
            segments = [Segment(name + gap, name_style), Segment(count, count_style)]
        strip = Strip(segments).crop_extend(0, width, line)
        more = self._more_mark(y)
        if more and width > LABEL_WIDTH:  # views out of sight: say so at the edge
            strip = Strip.join([strip.crop(0, width - 1), Strip([Segment(more, line)])])
        return strip

    def _more_mark(self, y: int) -> str:
        """``▲`` on the first line drawn when views are hidden above, ``▼`` on the last when
        some are below (a terminal too short for all nine)."""
        height = self.size.height
        if y == 0 and self._top > 0:
            return MORE_ABOVE
        if y == height - 1 and self._top + height < len(VIEWS):
            return MORE_BELOW
        return ""
