"""A question of the user's own, for this call only."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from informa.domain.validate import clean_line
from informa.ui.dialogs.base import FormDialog, field_row
from informa.ui.widgets.safe import SafeInput

MAX_QUESTION = 300


class QuestionDialog(FormDialog[str | None]):
    """One line: the question as the user would ask it."""

    AUTO_FOCUS = "#question"

    def __init__(self) -> None:
        super().__init__(title="Add a question of your own", cancel_value=None)

    def compose_body(self) -> ComposeResult:
        yield field_row(
            "Question",
            SafeInput(
                placeholder="e.g. How did your PhD help in your first year here?",
                id="question",
                compact=True,
                max_length=MAX_QUESTION,
            ),
        )

    @on(Input.Changed, "#question")
    def _changed(self) -> None:
        self.show_error("question", None)

    def action_save(self) -> None:
        text = clean_line(self.query_one("#question", Input).value)
        if not text:
            self.show_error("question", "write the question, or esc to cancel")
            return
        self.dismiss(text)
