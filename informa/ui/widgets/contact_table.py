"""The contact list: one row per contact, keyed by the contact's id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from informa.domain.clock import humanize_ago
from informa.domain.model import Contact
from informa.ui.text import plain

COLUMNS = (  # key, label, width
    ("name", "Name", 17),
    ("role", "Role", 20),
    ("company", "Company", 16),
    ("source", "Source", 10),
    ("last", "Last", 7),
    ("due", "Due", 6),
    ("next", "Next action", 22),
)


class ContactTable(DataTable[Text]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # In a list of people, home/end mean the first and the last person.
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="contacts", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    @property
    def selected_id(self) -> int | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def show(self, contacts: Sequence[Contact], now: datetime) -> None:
        """Replace the rows, keeping the cursor on the same person when they are still here."""
        selected = self.selected_id
        self.clear()
        for contact in contacts:
            self.add_row(*cells(contact, now), key=str(contact.id))
        ids = [contact.id for contact in contacts]
        if ids:
            self.move_cursor(row=ids.index(selected) if selected in ids else 0)


def cells(contact: Contact, now: datetime) -> list[Text]:
    today: date = now.date()
    last = humanize_ago(contact.last_interaction_at, now) if contact.last_interaction_at else ""
    due_text = Text("")
    if contact.next_action_due is not None:
        due = contact.next_action_due
        style = "bold red" if due < today else ("bold yellow" if due == today else "")
        due_text = Text("today" if due == today else f"{due:%d %b}", style=style)
    return [
        plain(contact.name, "bold"),
        plain(contact.role),
        plain(contact.company_name),
        Text(contact.source.label, style="dim"),
        Text(last, style="dim"),
        due_text,
        plain(contact.next_action),
    ]
