"""Move a contact to another stage: arrows and enter, or the stage's number."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from informa.domain.model import Stage
from informa.ui.dialogs.base import Dialog, keys_hint
from informa.ui.keys import bindings


class StagePicker(Dialog[Stage | None]):
    """Returns the stage picked (which may be ``current``: the caller decides what that means)."""

    DEFAULT_CSS = """
    StagePicker > #dialog {
        max-width: 40;
    }
    StagePicker #stage-options {
        height: auto;
        margin-top: 1;
        border: none;
        background: $panel;
        padding: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("stage_picker")

    AUTO_FOCUS = "#stage-options"

    def __init__(self, *, contact_name: str, current: Stage) -> None:
        super().__init__(title=f"Stage: {contact_name}", cancel_value=None)
        self._current = current

    def compose_body(self) -> ComposeResult:
        options = []
        for number, stage in enumerate(Stage, start=1):
            label = Text.assemble((f"{number}  ", "bold"), f"{stage.label}  ")
            if stage is self._current:
                label.append("(now)", style="dim")
            options.append(Option(label, id=stage.value))
        picker = OptionList(*options, id="stage-options")
        picker.highlighted = self._current.position
        yield picker

    def hint(self) -> Content:
        return keys_hint(("1–6", "pick"), ("↑↓ enter", "pick"), ("esc", "cancel"))

    def action_pick(self, number: int) -> None:
        self.dismiss(list(Stage)[number - 1])

    @on(OptionList.OptionSelected, "#stage-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(Stage(event.option.id))
