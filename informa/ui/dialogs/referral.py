"""Someone the contact suggested talking to, captured during the call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input

from informa.domain.validate import MAX_NAME, clean_line
from informa.ui.dialogs.base import FormDialog, field_row, keys_hint
from informa.ui.keys import key_for
from informa.ui.widgets.safe import SafeInput


def referral_line(name: str, company: str = "", note: str = "") -> str:
    """``R: Name (Company) — note``, the shape the notes parser reads back as a referral."""
    line = f"R: {name}"
    if company:
        line += f" ({company})"
    if note:
        line += f" — {note}"
    return line


@dataclass(frozen=True, slots=True)
class Referral:
    name: str
    company: str = ""
    role: str = ""
    note: str = ""


class ReferralDialog(FormDialog[Referral | None]):
    """Someone the contact suggested talking to: a name, and what else is known."""

    AUTO_FOCUS = "#name"

    def __init__(self, *, contact_name: str, companies: Sequence[str] = ()) -> None:
        super().__init__(title=f"Referral from {contact_name}", cancel_value=None)
        self._companies = list(companies)

    def compose_body(self) -> ComposeResult:
        def line(field: str, placeholder: str = "") -> Input:
            return SafeInput(placeholder=placeholder, id=field, compact=True, max_length=MAX_NAME)

        yield field_row("Name", line("name", "required"))
        company = line("company")
        company.suggester = SuggestFromList(self._companies, case_sensitive=False)
        yield field_row("Company", company)
        yield field_row("Role", line("role", "job title or team"))
        yield field_row("Note", line("note", "why talk to them, may I mention your name…"))

    def hint(self) -> Content:
        return keys_hint(
            ("enter", "save"),
            ("tab", "next"),
            (key_for(self, "dialog_cancel"), "cancel"),
        )

    @on(Input.Changed, "#name")
    def _name_changed(self) -> None:
        self.show_error("name", None)

    def action_save(self) -> None:
        def value(field: str) -> str:
            return clean_line(self.query_one(f"#{field}", Input).value)

        name = value("name")
        if not name:
            self.show_error("name", "a name is required")
            self.query_one("#name").focus()
            return
        self.dismiss(Referral(name, value("company"), value("role"), value("note")))
