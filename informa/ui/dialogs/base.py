"""What every dialog shares: a centred, titled panel, a key hint line, escape to cancel, and
errors shown under the field they belong to.

Dialogs never touch the database: they get plain data and dismiss with a frozen result (or
the cancel value) that the calling screen saves through the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from informa.ui.keys import bindings, key_for
from informa.ui.text import key_label, plain

ResultT = TypeVar("ResultT")

FORM_ERROR = "form"
"""The error slot by the buttons, for a problem no single field owns."""


def keys_hint(*pairs: tuple[str, str], tail: str = "") -> Content:
    """``keys_hint(("f2", "save"), ("esc", "cancel"))`` → "F2 save  esc cancel", keys bold;
    ``tail`` is a short muted remark after them."""
    parts: list[str | tuple[str, str]] = []
    for index, (key, action) in enumerate(pairs):
        if index:
            parts.append(("  ", "$text-muted"))
        # Spaces trail each span: some SVG viewers drop a span's leading spaces.
        parts += [(f"{key_label(key)} ", "bold $accent"), (action, "$text-muted")]
    if tail:
        parts += [("  ", ""), (tail, "italic $text-muted")]
    return Content.assemble(*parts)


def field_row(label: str, widget: Widget, *, note: bool = False) -> Horizontal:
    """A labelled form row; the widget's id names its note (``#ID-note``, dim, for what was
    understood) and its error (``#ID-error``, red, hidden until there is one)."""
    name = widget.id
    assert name is not None, "form fields need an id"
    body: list[Widget] = [widget]
    if note:
        body.append(Label("", id=f"{name}-note", classes="note"))
    body.append(Label("", id=f"{name}-error", classes="error"))
    return Horizontal(
        Label(Text(label), classes="field-label"),
        Vertical(*body, classes="field-body"),
        classes="field",
    )


def template_picker(titles: Sequence[tuple[Text, str]], template_id: str | None) -> Horizontal:
    """The "Template" row of a composer: a compact picker (``#template``) of ``titles``
    (``(title, id)``), on ``template_id``; "no templates" when there are none."""
    return field_row(
        "Template",
        Select(
            titles,
            value=template_id if template_id is not None else Select.NULL,
            allow_blank=template_id is None,
            prompt="no templates",
            id="template",
            compact=True,
        ),
    )


class Dialog(ModalScreen[ResultT]):
    """A modal panel titled ``title``; escape dismisses with ``cancel_value``."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > #dialog {
        width: 100%;
        max-width: 80;
        height: auto;
        max-height: 100%;
        overflow-y: auto;
        padding: 0 1;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $panel;
    }
    Dialog .message {
        width: 1fr;
        margin: 1 0;
    }
    Dialog .field {
        height: auto;
        margin-bottom: 1;
    }
    Dialog .field-label {
        width: 13;
        padding-right: 1;
        color: $text-muted;
    }
    Dialog .field:focus-within {
        /* Textual restyles a focus-within row only when the row itself has such a rule. */
        height: auto;
    }
    Dialog .field:focus-within > .field-label {
        color: $text;
        text-style: bold;
    }
    Dialog .field-body {
        width: 1fr;
        height: auto;
    }
    Dialog .field-body > Input, Dialog .field-body > Select > SelectCurrent {
        background: $surface;
    }
    Dialog .field-body > Input:focus {
        background: $surface-lighten-1;
    }
    Dialog .field-body > Select > SelectOverlay.-textual-compact {
        /* A compact list drops its border: bring one back so it stands out over the form. */
        border: round $primary !important;
        background: $surface;
    }
    Dialog .field-body > TextArea {
        background: $surface;
        border: none;
        padding: 0;
    }
    Dialog .field-body > TextArea:focus {
        background: $surface-lighten-1;
    }
    Dialog .note {
        width: 1fr;
        color: $text-muted;
    }
    Dialog .note.-good {
        color: $success;
    }
    Dialog .note.-new {
        color: $accent;
    }
    Dialog Label.error {
        display: none;
        width: 1fr;
        color: $text-error;
        background: transparent;
    }
    Dialog #dialog-actions {
        height: 1;
        margin-top: 1;
    }
    Dialog .hint {
        width: 1fr;
        height: 1;
    }
    Dialog #dialog-actions > Button {
        margin-left: 2;
        min-width: 10;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("dialog")

    def __init__(self, *, title: str | Text, cancel_value: ResultT) -> None:
        super().__init__()
        self._title = title
        self._cancel_value = cancel_value

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as panel:
            panel.border_title = plain(self._title) if isinstance(self._title, str) else self._title
            yield from self.compose_body()
            yield Label("", id=f"{FORM_ERROR}-error", classes="error")
            with Horizontal(id="dialog-actions"):
                yield Static(self.hint(), classes="hint")
                yield from self.compose_buttons()

    def compose_body(self) -> ComposeResult:
        """The dialog's own widgets, between the title and the hint line."""
        yield from ()

    def compose_buttons(self) -> ComposeResult:
        yield from ()

    def hint(self) -> Content:
        return keys_hint((key_for(self, "dialog_cancel"), "cancel"))

    def action_cancel(self) -> None:
        self.dismiss(self._cancel_value)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def show_error(self, name: str, message: str | None) -> None:
        """Show (or, with ``None``, hide) the error under field ``name``; a field's own note
        gives way to its error."""
        label = self.query_one(f"#{name}-error", Label)
        label.update(plain(message or ""))
        label.display = message is not None
        if name != FORM_ERROR:
            self.query_one(f"#{name}").set_class(message is not None, "-invalid")
            for note in self.query(f"#{name}-note"):
                note.display = message is None

    def show_note(self, name: str, text: str | Text, variant: str = "") -> None:
        """Say what was understood under field ``name``; ``variant`` is ``good`` or ``new``."""
        note = self.query_one(f"#{name}-note", Label)
        note.update(plain(text) if isinstance(text, str) else text)
        note.set_class(variant == "good", "-good")
        note.set_class(variant == "new", "-new")


class FormDialog(Dialog[ResultT]):
    """A dialog with fields: enter in a one-line field, f2 anywhere (text areas keep enter
    for new lines), or the Save button, saves."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("form")

    SAVE_LABEL = "Save"

    def compose_buttons(self) -> ComposeResult:
        yield Button("Cancel", id="cancel", compact=True)
        yield Button(self.SAVE_LABEL, id="save", variant="primary", compact=True)

    def hint(self) -> Content:
        return keys_hint(
            ("enter", "save"), ("tab", "next"), (key_for(self, "dialog_cancel"), "cancel")
        )

    def action_save(self) -> None:
        """Validate; dismiss with the result only when every field is valid."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()
