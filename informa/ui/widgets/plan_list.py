"""A call's plan while it is prepared: numbered questions under their topic, in asking order.

The list edits nothing itself: its keys post :class:`PlanList.Removed` and
:class:`PlanList.Moved` for the screen to change the plan and save it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from informa.domain.plan import PlanEntry
from informa.ui.keys import bindings
from informa.ui.text import clean
from informa.ui.widgets.bank_browser import ASKED_BEFORE
from informa.ui.widgets.checklist import OTHER_TOPIC

EMPTY_PLAN = "No questions yet: g suggests a plan, enter on a bank question adds it."


def entry_key(entry: PlanEntry) -> str:
    """What identifies a planned question across saves: its bank ref, or its text."""
    return entry.question_ref or entry.text


class PlanList(OptionList):
    """The plan; ``asked_before`` refs are marked, ``asked`` keys (:func:`entry_key`) ticked."""

    DEFAULT_CSS = """
    PlanList {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0;
        & > .option-list--option-disabled {
            color: $text-muted;
            text-style: bold;
        }
    }
    PlanList:focus {
        border: round $primary;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("plan")

    @dataclass
    class Removed(Message):
        index: int

    @dataclass
    class Moved(Message):
        index: int
        delta: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Plan"
        self._entries: list[PlanEntry] = []

    @property
    def plan_index(self) -> int | None:
        """The plan index of the highlighted question."""
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("e-"):
            return None
        return int(option.id[2:])

    def show(
        self,
        entries: Sequence[PlanEntry],
        *,
        asked_before: Collection[str] = (),
        asked: Collection[str] = (),
        select: int | None = None,
    ) -> None:
        """Show ``entries``; the cursor goes to plan index ``select`` (else stays put)."""
        keep = self.plan_index if select is None else select
        self._entries = list(entries)
        options: list[Option] = []
        topic: str | None = None
        width = len(str(len(entries)))
        for index, entry in enumerate(entries):
            title = entry.topic_title or OTHER_TOPIC
            if title != topic:
                topic = title
                options.append(Option(Text(title), id=f"t-{index}", disabled=True))
            options.append(
                Option(
                    self._row(index, entry, width, asked_before, asked),
                    id=f"e-{index}",
                )
            )
        if not options:
            options.append(Option(Text(EMPTY_PLAN, style="dim"), id="empty", disabled=True))
        with self.app.batch_update():
            self.clear_options()
            self.add_options(options)
            if entries:
                index = min(max(keep if keep is not None else 0, 0), len(entries) - 1)
                self.highlighted = self.get_option_index(f"e-{index}")

    @staticmethod
    def _row(
        index: int,
        entry: PlanEntry,
        width: int,
        asked_before: Collection[str],
        asked: Collection[str],
    ) -> Text:
        text = Text()
        text.append(f" {index + 1:>{width}}. ", style="dim")
        body = " ".join(clean(entry.text).split())
        if entry_key(entry) in asked:
            text.append("✓ ", style="bold green")
            text.append(body, style="dim")
        else:
            text.append(body)
        if entry.question_ref and entry.question_ref in asked_before:
            text.append(f"  {ASKED_BEFORE}", style="italic dark_orange")
        return text

    def action_remove(self) -> None:
        if self.plan_index is not None:
            self.post_message(self.Removed(self.plan_index))

    def action_move(self, delta: int) -> None:
        index = self.plan_index
        if index is None:
            return
        self.post_message(self.Moved(index, delta))
        # The cursor goes with the question now, so a key repeated before the plan is shown
        # again moves the same question on rather than its neighbour.
        target = min(max(index + delta, 0), len(self._entries) - 1)
        self.highlighted = self.get_option_index(f"e-{target}")
