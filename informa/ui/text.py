"""Showing user data harmlessly: control characters and escape sequences become visible
placeholders, so a name can never drive the terminal."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    """Replace control characters (keeping newlines and tabs) with a visible symbol."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", value)


def plain(value: str, style: str = "") -> Text:
    """User text as a Rich ``Text``: never parsed as markup."""
    return Text(clean(value), style=style)
