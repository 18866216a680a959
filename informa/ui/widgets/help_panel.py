"""The help panel (``F1``): Textual's ``HelpPanel``, made to work on a small terminal.

Textual's panel splits the screen (a third of it, at least 30 columns) and gives the screen's
help at most half its height, above a panel of every key in effect, the focused widget's own
(a text area's cursor moves) first. At 80×24 in a call that cut the help mid-list and left
the notes no width at all. This one:

- on a terminal narrower than ``WIDE`` columns, lies over the right-hand side of the
  screen, on a layer of its own: the screen keeps its layout (the notes their width) while
  it is open, and the key bar draws its keys in what is left of its line; wider, it takes
  its third of the screen beside it, as Textual's does;
- gives the screen's help (which lists its keys, with the keys in effect: ``KeyHelp``) the
  panel's whole height, scrolling when it is longer;
- shows Textual's key panel only where the screen has no help of its own.

Loaded when ``F1`` is first pressed (Textual's Markdown comes with it).
"""

from __future__ import annotations

from textual.widgets import HelpPanel

LAYER = "informa-help"
"""The screen's layer the panel lies on, above the screen's own widgets."""
WIDE = 120
"""From this many columns, the panel takes its place beside the screen instead of over it."""


class InformaHelp(HelpPanel):
    """The help panel, over the right-hand side of the screen."""

    DEFAULT_CSS = """
    InformaHelp {
        height: 100%;

        &.-over {
            layer: informa-help;
            split: initial;
            dock: right;
            width: 50%;
            min-width: 36;
            max-width: 64;
            background: $surface;
        }

        #widget-help {
            max-height: 100%;
            height: auto;
            overflow-y: auto;
            margin-top: 0;
        }
        &.-show-help KeyPanel#keys-help {
            display: none;
        }
    }
    """

    def on_mount(self) -> None:
        # Textual's on_mount (watching the focus) runs as well: a handler per class.
        screen = self.screen
        if LAYER not in screen.layers:
            declared = screen.styles.layers if screen.styles.has_rule("layers") else ("default",)
            screen.styles.layers = " ".join((*declared, LAYER))
        self._place()

    def on_resize(self) -> None:
        self._place()
        self._redraw_key_bars()

    def _place(self) -> None:
        """Over the screen or beside it, for the terminal's width now."""
        self.set_class(self.app.size.width < WIDE, "-over")

    def on_unmount(self) -> None:
        self._redraw_key_bars()

    def _redraw_key_bars(self) -> None:
        from informa.ui.widgets.key_bar import KeyBar

        for bar in self.screen.query(KeyBar):
            bar.refresh()
