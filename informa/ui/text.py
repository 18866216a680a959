"""Showing user data harmlessly: control characters and escape sequences become visible
placeholders, so a name can never drive the terminal."""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip

# C0 (but newline and tab), DEL and C1 controls (U+009B is a one-character CSI), and the
# bidirectional embeddings, overrides and isolates that would reorder the rest of a line.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_FUNCTION_KEY = re.compile(r"(?<![a-z])f(\d{1,2})$")


def key_label(display: str) -> str:
    """A key as shown to the user: function keys as printed on the keyboard (``F2``,
    ``shift+F5``, ``^F5``), not Textual's ``f2``; anything else as it is."""
    return _FUNCTION_KEY.sub(r"F\1", display)


def clean(value: str) -> str:
    """Replace control characters (keeping newlines and tabs) with a visible symbol."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", value)


def plain(value: str, style: str = "") -> Text:
    """User text as a Rich ``Text``: never parsed as markup."""
    return Text(clean(value), style=style)


def safe_strip(strip: Strip) -> Strip:
    """``strip`` without control characters: they take no cells, so dropping them keeps
    every column (and the cursor) where it was."""
    if not _CONTROL.search(strip.text):
        return strip
    return Strip(
        [Segment(_CONTROL.sub("", text), style, control) for text, style, control in strip],
        strip.cell_length,
    )
