"""Write an outreach message from a template, with a live checklist beside it.

f2 copies the message (``dialogs.copy_text``: the toast says where it went), then asks
whether it was sent: only a yes closes the composer with the text, for the caller to log
as outreach. A copy alone never logs anything; "not yet" keeps the message open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Select, Static, TextArea

from informa.domain.wording import counted
from informa.ui.dialogs.base import FORM_ERROR, FormDialog, keys_hint, template_picker
from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.copy_text import copy_text
from informa.ui.keys import bindings, key_for
from informa.ui.text import clean, plain
from informa.ui.widgets.safe import SafeTextArea


class CheckLike(Protocol):
    """One line of the checklist (``informa.domain.outreach`` returns these)."""

    @property
    def rule(self) -> str: ...

    @property
    def level(self) -> str:
        """``ok``, ``warn`` or ``error``."""
        ...

    @property
    def message(self) -> str: ...


MARKS = {"ok": ("✓", "$success"), "warn": ("!", "$warning"), "error": ("✗", "$error")}


def checklist(checks: Sequence[CheckLike], text: str) -> Content:
    """The checklist panel: a mark per check, then the length."""
    lines: list[Content] = []
    for check in checks:
        mark, style = MARKS.get(check.level, ("·", "$text-muted"))
        lines.append(Content.assemble((f"{mark} ", f"bold {style}"), clean(check.message)))
    words = len(text.split())
    lines.append(
        Content.assemble(
            ("\n", ""),
            (f"{counted(words, 'word')} · {counted(len(text), 'character')}", "$text-muted"),
        )
    )
    return Content("\n").join(lines)


class OutreachComposer(FormDialog[str | None]):
    """Compose a message to ``contact_name``. ``templates`` are (id, title, rendered text);
    ``check(text)`` gives the checklist. Returns the text, once copied and confirmed sent, for
    the caller to log; None when closed without that.
    """

    DEFAULT_CSS = """
    OutreachComposer > #dialog {
        max-width: 116;
        height: 90%;
        max-height: 36;
    }
    OutreachComposer #composer {
        height: 1fr;
    }
    OutreachComposer #message {
        width: 2fr;
        height: 1fr;
        background: $surface;
        border: none;
        padding: 0 1;
    }
    OutreachComposer #message:focus {
        background: $surface-lighten-1;
    }
    OutreachComposer #checks-panel {
        width: 1fr;
        height: 1fr;
        margin-left: 1;
        padding: 0 1;
        border-left: vkey $panel-lighten-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("outreach")

    AUTO_FOCUS = "#message"
    SAVE_LABEL = "Copy"

    def __init__(
        self,
        *,
        contact_name: str,
        templates: Sequence[tuple[str, str, str]],
        check: Callable[[str], Sequence[CheckLike]],
    ) -> None:
        super().__init__(title=f"Outreach: {contact_name}", cancel_value=None)
        self._contact_name = contact_name
        self._templates = {template_id: text for template_id, _, text in templates}
        self._titles = [(plain(title), template_id) for template_id, title, _ in templates]
        self._template_id = templates[0][0] if templates else None
        self._check = check
        self._confirming_errors = False

    def compose_body(self) -> ComposeResult:
        yield template_picker(self._titles, self._template_id)
        text = self._templates.get(self._template_id, "") if self._template_id else ""
        with Horizontal(id="composer"):
            yield SafeTextArea(
                text, id="message", soft_wrap=True, placeholder="Write your message…"
            )
            with VerticalScroll(id="checks-panel"):
                yield Static(id="checks")

    def hint(self) -> Content:
        return keys_hint(
            (key_for(self, "dialog_save"), "copy"),
            ("tab", "next"),
            (key_for(self, "dialog_cancel"), "cancel"),
            tail="logged only once you say it was sent",
        )

    @property
    def message_area(self) -> TextArea:
        return self.query_one("#message", TextArea)

    def on_mount(self) -> None:
        self._refresh_checks()

    def _refresh_checks(self) -> list[CheckLike]:
        text = self.message_area.text
        checks = list(self._check(text))
        self.query_one("#checks", Static).update(checklist(checks, text))
        return checks

    @on(TextArea.Changed, "#message")
    def _message_changed(self) -> None:
        self._confirming_errors = False
        self.show_error(FORM_ERROR, None)
        self._refresh_checks()

    @on(Select.Changed, "#template")
    def _template_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self._template_id:
            return
        self._template_id = event.value
        area = self.message_area
        # An edit rather than load_text, so ctrl+z brings the previous text back.
        area.replace(
            self._templates[event.value], (0, 0), area.document.end, maintain_selection_offset=False
        )

    def action_save(self) -> None:
        text = self.message_area.text.strip()
        if not text:
            self.show_error(FORM_ERROR, "Write a message first.")
            self.message_area.focus()
            return
        failed = sum(1 for check in self._refresh_checks() if check.level == "error")
        if failed and not self._confirming_errors:
            # A ✗ is worth a second look, not a hard stop: the user may know better.
            self._confirming_errors = True
            self.show_error(
                FORM_ERROR,
                f"{counted(failed, 'check')} failed (✗): press "
                f"{key_for(self, 'dialog_save')} again to copy anyway.",
            )
            return
        self._copy_and_ask(text)

    @work(group="copy", exclusive=True)
    async def _copy_and_ask(self, text: str) -> None:
        await copy_text(self, text, what="the message")
        sent = await self.app.push_screen_wait(
            Confirm(
                title=f"Sent it to {self._contact_name}?",
                message=(
                    "Paste the message where you write to them and send it; then log it as "
                    "outreach on their timeline. Not yet: the message stays here, not logged."
                ),
                confirm_label="Log as sent",
                danger=False,
            )
        )
        if sent:
            self.dismiss(text)
