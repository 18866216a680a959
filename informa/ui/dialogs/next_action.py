"""Set (or clear) a contact's next action and its due day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input

from informa.domain.dates import describe_day, parse_day
from informa.domain.errors import ValidationError
from informa.domain.validate import MAX_NAME, clean_line
from informa.ui.dialogs.base import FormDialog, field_row, keys_hint
from informa.ui.keys import key_for
from informa.ui.widgets.safe import SafeInput


@dataclass(frozen=True, slots=True)
class NextAction:
    """``NextAction("", None)`` clears the next action."""

    text: str
    due: date | None


class NextActionDialog(FormDialog[NextAction | None]):
    """What to do next about ``contact_name``, and by when (optional)."""

    AUTO_FOCUS = "#what"

    def __init__(
        self,
        *,
        contact_name: str,
        now: datetime,
        current_text: str = "",
        current_due: date | None = None,
    ) -> None:
        super().__init__(title=f"Next action: {contact_name}", cancel_value=None)
        self._now = now
        self._current_text = current_text
        self._current_due = current_due

    def compose_body(self) -> ComposeResult:
        yield field_row(
            "What",
            SafeInput(
                self._current_text,
                placeholder="follow up if no reply, send thank-you…",
                id="what",
                compact=True,
                max_length=MAX_NAME,
            ),
        )
        due = self._current_due.isoformat() if self._current_due else ""
        yield field_row(
            "Due",
            SafeInput(
                due,
                placeholder="tomorrow, fri, in 2 weeks, 2026-12-03 (empty: no date)",
                id="due",
                compact=True,
            ),
            note=True,
        )

    def hint(self) -> Content:
        return keys_hint(
            ("enter", "save"),
            (key_for(self, "dialog_cancel"), "cancel"),
            tail="both empty: clears it",
        )

    def on_mount(self) -> None:
        self._read_due()

    def _read_due(self) -> tuple[bool, date | None]:
        """(valid, day): an empty field is a valid "no due date"."""
        text = self.query_one("#due", Input).value
        if not text.strip():
            self.show_error("due", None)
            self.show_note("due", "no due date")
            return True, None
        try:
            day = parse_day(text, self._now, prefer="future", field="due")
        except ValidationError as exc:
            self.show_error("due", str(exc))
            return False, None
        self.show_error("due", None)
        self.show_note("due", f"→ {describe_day(day, self._now.date())}")
        return True, day

    @on(Input.Changed, "#due")
    def _due_changed(self) -> None:
        self._read_due()

    @on(Input.Changed, "#what")
    def _what_changed(self) -> None:
        self.show_error("what", None)

    def action_save(self) -> None:
        valid, due = self._read_due()
        if not valid:
            self.query_one("#due").focus()
            return
        text = clean_line(self.query_one("#what", Input).value)
        if not text and due is not None:
            self.show_error("what", "say what is due, or empty the date too")
            self.query_one("#what").focus()
            return
        self.dismiss(NextAction(text, due))
