"""The user's pitch card: background, goals and transferable skills, to glance at."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from informa.domain.model import PitchCard
from informa.ui.text import plain

EMPTY = (
    "No pitch card yet: write your background, goals and transferable skills when you "
    "prepare a call."
)


def card_text(card: PitchCard, *, empty: str = EMPTY) -> Text:
    """The card as labelled paragraphs, or ``empty`` (dim) when nothing is written yet."""
    if not (card.background or card.goals or card.skills):
        return plain(empty, style="dim")
    text = Text()
    for label, value in (
        ("Background", card.background),
        ("Goals", card.goals),
        ("Skills", card.skills),
    ):
        if value:
            if text:
                text.append("\n")
            text.append(f"{label}\n", style="bold")
            text.append_text(plain(value.strip()))
            text.append("\n")
    text.rstrip()
    return text


class PitchCardView(Static):
    """The card in a titled box."""

    DEFAULT_CSS = """
    PitchCardView {
        height: auto;
        max-height: 60%;
        overflow-y: auto;
        padding: 0 1;
        border: round $accent;
        border-title-color: $text-accent;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Pitch"

    def show_card(self, card: PitchCard, *, empty: str = EMPTY) -> None:
        self.update(card_text(card, empty=empty))
