"""The agenda: what is due or overdue, by day, one row per item with why it is there (a call
to come: its time and contact, then when it was booked for and its link).

The list changes nothing itself: its keys post messages for the screen to act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from informa.domain.followup import AgendaItem, AgendaKind, group_by_day
from informa.domain.wording import counted
from informa.ui.keys import bindings
from informa.ui.text import plain


class AgendaList(OptionList):
    """The agenda by day; its keys post messages for the screen to act on."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("agenda")

    @dataclass
    class Opened(Message):
        item: AgendaItem

    @dataclass
    class Logged(Message):
        item: AgendaItem

    @dataclass
    class Thanked(Message):
        item: AgendaItem

    @dataclass
    class Snoozed(Message):
        item: AgendaItem
        days: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[AgendaItem] = []

    @property
    def current(self) -> AgendaItem | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("a-"):
            return None
        return self._items[int(option.id[2:])]

    def show(self, items: Sequence[AgendaItem], now: datetime) -> None:
        """The items grouped by day; the cursor stays on the same item when it can."""
        keep = self.current.key if self.current is not None else None
        self._items = list(items)
        index_of = {id(item): index for index, item in enumerate(self._items)}
        options: list[Option] = []
        for label, group in group_by_day(self._items, now.date()):
            options.append(Option(Text(label, style="bold"), id=f"d-{label}", disabled=True))
            for item in group:
                options.append(Option(_agenda_row(item, now), id=f"a-{index_of[id(item)]}"))
        if not options:
            options.append(
                Option(plain("Nothing due: well done. Time to reach out to someone new?"))
            )
        with self.app.batch_update():
            self.clear_options()
            self.add_options(options)
            wanted = next((i for i, item in enumerate(self._items) if item.key == keep), None)
            if wanted is None and self._items:
                wanted = 0
            if wanted is not None:
                self.highlighted = self.get_option_index(f"a-{wanted}")
        overdue = sum(item.is_overdue_at(now) for item in self._items)
        self.border_subtitle = f"{counted(len(self._items), 'item')} · {overdue} overdue"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A call to come has nothing to log or thank for yet: `l` and `t` are not offered."""
        item = self.current
        is_call = item is not None and item.kind is AgendaKind.CALL
        return not (is_call and action in ("log", "thank"))

    def on_option_list_option_highlighted(self) -> None:
        self.refresh_bindings()  # the keys offered depend on the item

    def _post(self, make: type[Message], *args: object) -> None:
        item = self.current
        if item is not None:
            self.post_message(make(item, *args))  # type: ignore[call-arg]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._post(self.Opened)

    def action_log(self) -> None:
        self._post(self.Logged)

    def action_thank(self) -> None:
        item = self.current
        if item is not None and item.kind is AgendaKind.THANK_YOU:
            self.post_message(self.Thanked(item))
        elif item is not None:
            self.notify("Thank-yous are drafted from their own agenda items.", severity="warning")

    def action_snooze(self, days: int) -> None:
        self._post(self.Snoozed, days)


def _agenda_row(item: AgendaItem, now: datetime) -> Text:
    text = Text()
    overdue = item.is_overdue_at(now)
    text.append(f"{item.kind.label}  ".ljust(16), style="bold red" if overdue else "bold")
    text.append_text(plain(item.title))
    text.append("\n" + " " * 16)
    text.append_text(plain(item.detail, style="dim"))
    return text
