"""A screen's breakpoint classes from its first frame."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def set_breakpoint_classes(screen: Screen[Any]) -> None:
    """Give ``screen`` the ``HORIZONTAL_BREAKPOINTS`` class for the terminal's width now.

    Textual sets it on the screen's first resize, which comes after the first frame: the
    class then restyles the screen and every line is drawn once more (benchmarks/:
    startup_loaded). Call it from ``compose``, before the children mount: they take their
    styles with the class, so the screen is not restyled (``update=False``; a restyle walks
    every widget). Later resizes are Textual's, as before.
    """
    points = screen.HORIZONTAL_BREAKPOINTS or screen.app.HORIZONTAL_BREAKPOINTS or []
    width = screen.app.size.width
    reached = [(at, name) for at, name in points if width >= at]
    chosen = max(reached)[1] if reached else None
    for _, name in points:
        screen.set_class(name == chosen, name, update=False)
