"""Ask before doing something that cannot be undone. Cancel has the focus: a stray enter is safe
(unless ``enter_confirms``: then the question itself was the safeguard, and enter says yes)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import Button, Static

from informa.ui.dialogs.base import Dialog, keys_hint
from informa.ui.keys import bindings, key_for
from informa.ui.text import plain


class Confirm(Dialog[bool]):
    """``title`` and ``message`` are shown as plain text; returns True only when confirmed."""

    DEFAULT_CSS = """
    Confirm > #dialog {
        max-width: 64;
    }
    Confirm.-danger > #dialog {
        border: round $error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("confirm")

    AUTO_FOCUS = "#cancel"

    def __init__(
        self,
        *,
        title: str,
        message: str,
        confirm_label: str = "Delete",
        danger: bool = True,
        enter_confirms: bool = False,
    ) -> None:
        super().__init__(title=title, cancel_value=False)
        self._message = message
        self._confirm_label = confirm_label
        self._danger = danger
        self._enter_confirms = enter_confirms

    def compose_body(self) -> ComposeResult:
        yield Static(plain(self._message), classes="message")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Cancel", id="cancel", compact=True)
        yield Button(
            plain(self._confirm_label),
            id="confirm",
            variant="error" if self._danger else "primary",
            compact=True,
        )

    def hint(self) -> Content:
        yes = key_for(self, "dialog_confirm")
        return keys_hint(
            (f"enter / {yes}" if self._enter_confirms else yes, "yes"),
            (f"{key_for(self, 'dialog_deny')} / {key_for(self, 'dialog_cancel')}", "no"),
        )

    def on_mount(self) -> None:
        self.set_class(self._danger, "-danger")
        if self._enter_confirms:
            self.query_one("#confirm", Button).focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_confirm()
