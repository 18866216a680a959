"""The pipeline's views: Due, All and each stage with its count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from informa.domain.enums import ALL, DUE, VIEWS, view_label

if TYPE_CHECKING:
    from informa.domain.model import StageCount


class StageList(OptionList):
    """Pick what the contact list shows. Option ids are view names."""

    DEFAULT_CSS = """
    StageList {
        width: 22;
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0;
    }
    StageList:focus { border: round $primary; }
    """

    def __init__(self) -> None:
        super().__init__(*(Option(view_label(view), id=view) for view in VIEWS), id="stages")
        self.border_title = "Pipeline"
        self._shown: dict[str, int] = {}

    def show_counts(self, counts: tuple[StageCount, ...], due: int, total: int) -> None:
        """Put the counts beside the views. Only a count that changed is redrawn: every
        view switch passes the counts, and rebuilding the options cost a full redraw."""
        by_view = {count.stage.value: count.count for count in counts}
        by_view[DUE], by_view[ALL] = due, total
        for view in VIEWS:
            number = by_view.get(view, 0)
            if self._shown.get(view) != number:
                self.replace_option_prompt(view, _label(view, number))
                self._shown[view] = number

    def select_view(self, view: str) -> None:
        self.highlighted = VIEWS.index(view)


def _label(view: str, number: int) -> Text:
    urgent = view == DUE and number > 0
    # The padding trails the name rather than leads the number: some SVG viewers drop a
    # span's leading spaces.
    name = view_label(view)
    gap = " " * max(16 - len(name) - len(str(number)), 1)
    label = Text(name + gap, style="bold yellow" if urgent else "")
    label.append(str(number), style="bold" if number else "dim")
    return label
