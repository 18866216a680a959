"""The key bar: the screen's keys on one line, drawn by one widget.

It looks and behaves like Textual's compact ``Footer`` (the keys of the focused widget, its
screen and the app; keys that cannot act now dimmed; a click presses the key; the command
palette's key on the right), but the footer mounts a widget per key and composes them all
again whenever the bindings change (a focus change, the cursor moving onto nobody). For the
pipeline's fifteen keys that was fifteen widgets with their styles and caches, about 2 MiB
of the app's memory (benchmarks/: rss). This bar reads ``Screen.active_bindings`` when they
change and draws one line of text.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widget import Widget

ELLIPSIS = "…"
"""Ends the screen's keys when they do not all fit (F1 lists them all)."""
SEPARATOR = "▏"
"""Between the keys and the command palette's key, as in Textual's footer."""


def _in_table_order(
    active: dict[str, ActiveBinding], app: object
) -> list[tuple[str, ActiveBinding]]:
    """``active`` with each node's keys in the key table's order. Textual moves a key the
    user remapped to the end of its node's bindings; the bar keeps it in its place."""
    from informa.ui.keys import KEYS

    position = {key.id: index for index, key in enumerate(KEYS) if key.id}
    nodes: dict[int, int] = {}
    items = list(active.items())

    def place(entry: tuple[int, tuple[str, ActiveBinding]]) -> tuple[int, int]:
        index, (_, (node, binding, _enabled, _tooltip)) = entry
        node_place = nodes.setdefault(id(node), len(nodes))
        if node is app:  # help and quit, drawn on the right in Textual's order
            return node_place, index
        return node_place, position.get(binding.id or "", len(position) + index)

    return [item for _, item in sorted(enumerate(items), key=place)]


def _ranks() -> dict[str, int]:
    """Each binding id's rank in the key table (an id shared by scopes: its highest)."""
    from informa.ui.keys import KEYS

    ranks: dict[str, int] = {}
    for key in KEYS:
        if key.id:
            ranks[key.id] = max(ranks.get(key.id, 0), key.rank)
    return ranks


class BarKey(NamedTuple):  # not dataclasses: this module loads before the first frame
    """One key as drawn: ``key`` is what pressing it sends (``simulate_key``)."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    rank: int = 0
    """The key table's rank: on a narrow bar, the lower-ranked keys are left out first."""

    @property
    def width(self) -> int:
        return cell_len(self.label)

    @property
    def label(self) -> str:
        return f"{self.display} {self.description}" if self.description else self.display


class Keys(NamedTuple):
    """What the bar draws: the focused widget's and the screen's keys, the app's, and the
    command palette's."""

    screen: list[BarKey]
    app: list[BarKey]
    palette: BarKey | None


class KeyBar(Widget, can_focus=False):
    """The keys that act on the screen now, docked at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--hover { background: $block-hover-background; }
    KeyBar > .key-bar--separator { color: $foreground 20%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: Keys | None = None
        """What to draw, read at the next draw when ``None``."""
        self._spans: list[tuple[int, int, BarKey]] = []
        """Where each drawn key is, in cells: (start, end, key)."""
        self._hover: BarKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        keys = self._read_keys()
        if keys != self._keys:  # most changes (a focus moving within a form) change nothing
            self._keys = keys
            self.refresh()

    # -- reading the bindings -----------------------------------------------------------

    @property
    def keys(self) -> list[BarKey]:
        """Every key the bar shows when there is room, in order."""
        keys = self._current()
        return [*keys.screen, *keys.app, *([keys.palette] if keys.palette else [])]

    def _current(self) -> Keys:
        if self._keys is None:
            self._keys = self._read_keys()
        return self._keys

    def _read_keys(self) -> Keys:
        app = self.app
        active = self.screen.active_bindings
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        screen: list[BarKey] = []
        app_keys: list[BarKey] = []
        palette: BarKey | None = None
        actions: set[str] = set()
        ranks = _ranks()
        for key, (node, binding, enabled, tooltip) in _in_table_order(active, app):
            if key == palette_key:
                palette = BarKey(
                    key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip or binding.description,
                )
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)  # one key per action, as in the footer
                shown = BarKey(
                    key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip or "",
                    ranks.get(binding.id or "", 0),
                )
                (app_keys if node is app else screen).append(shown)
        return Keys(screen, app_keys, palette)

    # -- drawing ------------------------------------------------------------------------

    def render(self) -> Text:
        """The screen's keys from the left: all of them, or the highest-ranked that fit (then
        an ellipsis); the app's (help, quit) and the palette's on the right, always."""
        keys = self._current()
        width = self.size.width - self._covered()
        right = 1 + sum(key.width + 1 for key in keys.app)  # a space before them, one after each
        if keys.palette is not None:
            right += keys.palette.width + 1  # the separator
        room = max(width - right, 0)
        shown = kept(keys.screen, room)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, BarKey]] = []
        position = 0
        for index, key in enumerate(shown):
            gap = 1 if index else 0
            line.append(" " * gap)
            position += gap
            self._append(line, key)
            spans.append((position, position + key.width, key))
            position += key.width
        if len(shown) < len(keys.screen):  # what is left out is said (F1 lists it)
            gap = 1 if shown else 0
            if position + gap + len(ELLIPSIS) <= room:
                line.append(
                    " " * gap + ELLIPSIS, self.get_component_rich_style("key-bar--description")
                )
                position += gap + len(ELLIPSIS)
        line.append(" " * (max(room - position, 0) + 1))
        position = max(room, position) + 1
        for key in keys.app:
            self._append(line, key)
            spans.append((position, position + key.width, key))
            position += key.width + 1
            line.append(" ")
        if keys.palette is not None:
            line.append(SEPARATOR, self.get_component_rich_style("key-bar--separator"))
            self._append(line, keys.palette)
            spans.append((position + 1, position + 1 + keys.palette.width, keys.palette))
        self._spans = spans
        return line

    def _covered(self) -> int:
        """How many cells on the right the help panel (``F1``) lies over."""
        for panel in self.screen.query_children("HelpPanel"):  # by name: it loads late
            if panel.layer != self.layer and panel.region:
                return max(self.region.right - panel.region.x, 0)
        return 0

    def _description_style(self, key: BarKey) -> Style:
        style = self.get_component_rich_style("key-bar--description")
        return self._decorate(style, key)

    def _decorate(self, style: Style, key: BarKey) -> Style:
        if key == self._hover:
            style += self.get_component_rich_style("key-bar--hover")
        if not key.enabled:
            style += Style(dim=True)
        return style

    def _append(self, line: Text, key: BarKey) -> None:
        key_style = self._decorate(self.get_component_rich_style("key-bar--key"), key)
        line.append(key.display, key_style)
        if key.description:
            line.append(f" {key.description}", self._description_style(key))

    # -- the mouse ----------------------------------------------------------------------

    def key_at(self, x: int) -> BarKey | None:
        """The key drawn at cell ``x`` (as last drawn)."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def kept(keys: list[BarKey], room: int) -> list[BarKey]:
    """The keys drawn in ``room`` cells (a space between two), in their order: all of them if
    they fit; if not, the highest-ranked first (of equal rank, the earlier), as many as fit
    with the ellipsis that says some are left out."""
    if sum(key.width + 1 for key in keys) - 1 <= room:
        return keys
    room -= len(ELLIPSIS) + 1
    chosen: set[int] = set()
    used = -1  # no space before the first key
    for index in sorted(range(len(keys)), key=lambda index: (-keys[index].rank, index)):
        if used + 1 + keys[index].width > room:
            break  # a lower-ranked key never takes the place of a higher-ranked one
        used += 1 + keys[index].width
        chosen.add(index)
    return [key for index, key in enumerate(keys) if index in chosen]
