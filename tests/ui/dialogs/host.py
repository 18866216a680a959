"""A tiny app that opens one dialog and records what it returns."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual.app import App
from textual.screen import Screen

from informa.ui.themes import THEMES

SIZE = (120, 40)
T = TypeVar("T")


class Host(App[None], Generic[T]):
    """Pushes ``make()`` on mount; ``results`` holds what the dialog was dismissed with."""

    def __init__(self, make: Callable[[], Screen[T]]) -> None:
        super().__init__()
        self._make = make
        self.results: list[T | None] = []
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = "informa"

    def on_mount(self) -> None:
        self.push_screen(self._make(), self.results.append)

    @property
    def dismissed(self) -> bool:
        return bool(self.results)

    @property
    def result(self) -> T | None:
        assert len(self.results) == 1, f"dismissed {len(self.results)} times"
        return self.results[0]


def shown(app: App[Any]) -> str:
    """The screen's text as a user sees it (a run of one style is one piece of text)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")
