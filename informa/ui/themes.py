"""informa's own themes: calm colours that sit well beside a video call."""

from __future__ import annotations

from textual.theme import Theme

INFORMA_DARK = Theme(
    name="informa",
    primary="#5FB3B3",
    secondary="#7E9CD8",
    accent="#E0A458",
    warning="#E0A458",
    error="#E06C75",
    success="#98C379",
    foreground="#D8DEE9",
    background="#12161D",
    surface="#1A2029",
    panel="#222A36",
    dark=True,
)

INFORMA_LIGHT = Theme(
    name="informa-light",
    primary="#1F7A7A",
    secondary="#3D5A98",
    accent="#B5651D",
    warning="#B5651D",
    error="#B3261E",
    success="#2E7D32",
    foreground="#1C2430",
    background="#F7F5F0",
    surface="#EFECE4",
    panel="#E3DED3",
    dark=False,
)

THEMES = (INFORMA_DARK, INFORMA_LIGHT)
