"""A start-up floor: the home screen's widgets with nothing of informa's behind them.

The same tree as informa's pipeline (a header; the views in an option list; a hidden filter
box over a list of drawn lines; a details pane; a footer with the pipeline's keys), the same
sizes, borders and bindings, no data, no database, no informa module. Its start against
``bare_static.py`` is the part of the start-up target these widgets use by themselves.

The keys are shown by Textual's own ``Footer``, a widget per key (each key has its own
action: the footer shows one key per action). informa draws its keys in one widget
(``informa.ui.widgets.key_bar``), so this floor is higher than what informa's own keys cost.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Header, Input, OptionList, Static

READY = "bare widgets: ready"
VIEWS = ("Due", "All", "Prospect", "Reached out", "Scheduled", "Interviewed", "In touch", "Closed")
KEYS = ["n", "e", "l", "t", "c", "p", "v", "o", "]", "r", "x", "/", "s", "d", "a"]


class Lines(ScrollView, can_focus=True):
    DEFAULT_CSS = "Lines { height: 1fr; border: round $panel-lighten-2; background: $surface; }"

    def on_mount(self) -> None:
        self.virtual_size = Size(80, 200)
        self.border_title = READY

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_offset.y) + y
        return Strip([Segment(f" row {row:>4}  name  role  company  source  last  due  next")])


class BareWidgets(App[None]):
    CSS = """
    #workspace { layout: horizontal; height: 1fr; }
    #views { width: 22; border: round $panel-lighten-2; }
    #main { layout: vertical; width: 1fr; }
    #filter { display: none; }
    #detail { height: 1fr; border: round $panel-lighten-2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            {"]": "right_square_bracket", "/": "slash"}.get(key, key),
            f"key('{key}')",
            f"Key {key}",
        )
        for key in KEYS
    ]

    def action_key(self, key: str) -> None:
        self.bell()

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="workspace"):
            yield OptionList(*VIEWS, id="views")
            with Container(id="main"):
                with Vertical():
                    yield Input(placeholder="Filter", id="filter")
                    yield Lines()
                yield Static("details", id="detail")
        yield Footer(compact=True)


if __name__ == "__main__":
    BareWidgets().run()
