"""The user's pitch card: who they are, what they are after, what they bring."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import TextArea

from informa.domain.model import PitchCard
from informa.domain.validate import MAX_TEXT
from informa.ui.dialogs.base import FormDialog, field_row, keys_hint
from informa.ui.keys import key_for
from informa.ui.widgets.safe import SafeTextArea

PLACEHOLDERS = {
    "background": "PhD in X (2019–24), postdoc in Y; now exploring Z.",
    "goals": "Learn how teams in Z work day to day; find out what makes a newcomer useful.",
    "skills": "Designing experiments end to end\nExplaining hard things simply\nPython, stats",
}


class PitchDialog(FormDialog[PitchCard | None]):
    """Edit the card; ``f2`` saves (enter starts a new line in these fields)."""

    DEFAULT_CSS = """
    PitchDialog > #dialog {
        max-width: 90;
    }
    PitchDialog .field-body > TextArea {
        height: 4;
    }
    """

    AUTO_FOCUS = "#background"

    def __init__(self, card: PitchCard) -> None:
        super().__init__(title="Your pitch card", cancel_value=None)
        self._card = card

    def compose_body(self) -> ComposeResult:
        for field, label, value in (
            ("background", "Background", self._card.background),
            ("goals", "Goals", self._card.goals),
            ("skills", "Skills", self._card.skills),
        ):
            area = SafeTextArea(
                value, id=field, soft_wrap=True, placeholder=PLACEHOLDERS[field], compact=True
            )
            yield field_row(label, area)

    def hint(self) -> Content:
        return keys_hint(
            (key_for(self, "dialog_save"), "save"),
            ("tab", "next"),
            (key_for(self, "dialog_cancel"), "cancel"),
        )

    def action_save(self) -> None:
        def value(field: str) -> str:
            return self.query_one(f"#{field}", TextArea).text.strip()[:MAX_TEXT]

        self.dismiss(PitchCard(value("background"), value("goals"), value("skills")))
