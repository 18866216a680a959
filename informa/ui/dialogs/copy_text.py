"""Copy text where the user is, and say which way it went.

``copy_text`` sends the text to the terminal (OSC 52, which many terminals and a default tmux
ignore) and, in a thread, to tmux's buffer and the system clipboard (``informa.clipboard``).
When one of those worked, a toast names it; when none did, :class:`CopyByHand` shows the text
in a read-only box to select and copy by hand, and says why.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from informa.ui.dialogs.base import Dialog, keys_hint
from informa.ui.keys import key_for
from informa.ui.text import plain
from informa.ui.widgets.safe import SafeTextArea

BY_HAND = (
    "informa found no clipboard it can check (pbcopy, wl-copy, xclip or xsel, or tmux's "
    "buffer when it runs inside tmux). It also sent the text to the terminal, which may "
    "have taken it: try pasting. If not, select it below (most terminals select past the "
    "app with shift held) and copy it with your terminal."
)


class CopyByHand(Dialog[None]):
    """``text`` in a read-only box to select from, when no clipboard is known to work."""

    DEFAULT_CSS = """
    CopyByHand > #dialog {
        max-width: 100;
        height: 90%;
        max-height: 30;
    }
    CopyByHand #by-hand {
        height: 1fr;
        min-height: 4;
        background: $surface;
        border: none;
        padding: 0 1;
    }
    """

    AUTO_FOCUS = "#by-hand"

    def __init__(self, *, what: str, text: str) -> None:
        super().__init__(title=f"Copy {what} by hand", cancel_value=None)
        self._text = text

    def compose_body(self) -> ComposeResult:
        yield Static(plain(BY_HAND), classes="message")
        yield SafeTextArea(self._text, id="by-hand", soft_wrap=True, read_only=True)

    def compose_buttons(self) -> ComposeResult:
        yield Button("Close", id="cancel", compact=True)

    def hint(self) -> Content:
        return keys_hint((key_for(self, "dialog_cancel"), "close"), tail="the text is read-only")


async def copy_text(screen: Screen[Any], text: str, *, what: str, then: str = "") -> bool:
    """Copy ``text`` every way there is and tell the user which way it went.

    ``what`` names the text in the messages (``the thank-you``), ``then`` is added to the
    toast (``Send it, then press F2``). Returns whether it was copied a way informa can check;
    when not, the text has been shown in :class:`CopyByHand` (run this in a worker: it waits
    for that dialog to close).
    """
    from informa.clipboard import copy

    screen.app.copy_to_clipboard(text)  # OSC 52: the terminal's own way, unknown to work
    result = await asyncio.to_thread(copy, text)
    if result.copied:
        screen.notify(f"Copied {what} to {result.where}." + (f" {then}" if then else ""))
        return True
    screen.notify(
        f"No clipboard found: {what} is shown to copy by hand.",
        severity="warning",
    )
    await screen.app.push_screen_wait(CopyByHand(what=what, text=text))
    return False
