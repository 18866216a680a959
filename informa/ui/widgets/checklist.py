"""The call's question checklist: the plan by topic, what is asked, skipped or still to come.

The list never takes focus (the notes editor keeps it during a call): the call screen moves
its cursor with modified keys. Long questions are cut to one line in the list; the question
under the cursor is shown in full underneath.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from informa.domain.model import PlannedQuestion
from informa.ui.text import clean, plain

if TYPE_CHECKING:
    from informa.domain.banks import BankSet

ASKED, SKIPPED, PENDING = "✓", "–", "·"
NO_PLAN = "No questions planned: prepare the call to pick some, or just take notes."
OTHER_TOPIC = "Your questions"


def mark(question: PlannedQuestion) -> str:
    if question.skipped:
        return SKIPPED
    return ASKED if question.asked_at is not None else PENDING


def is_pending(question: PlannedQuestion) -> bool:
    return question.asked_at is None and not question.skipped


def topic_title(question_ref: str, topic: str, banks: BankSet) -> str:
    """The title of a planned question's topic, from the bank it came from; one-off
    questions go under "Your questions"."""
    bank = banks.get(question_ref.partition("/")[0]) if question_ref else None
    title = next((t.title for t in bank.topics if t.id == topic), "") if bank else ""
    if not title and topic:
        # A topic id ("job-role") reads better as words; a stored title is kept as is.
        slug = topic.islower() and " " not in topic
        title = topic.replace("-", " ").capitalize() if slug else topic
    return title or OTHER_TOPIC


def topic_titles(questions: Sequence[PlannedQuestion], banks: BankSet) -> dict[int, str]:
    """Each planned question's topic title (by question id)."""
    return {q.id: topic_title(q.question_ref, q.topic, banks) for q in questions}


class _Items(OptionList, can_focus=False):
    """The rows: topic titles (disabled, so the cursor passes over them) and questions."""

    DEFAULT_CSS = """
    _Items {
        height: 1fr;
        border: none;
        padding: 0;
        background: transparent;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-disabled {
            color: $text-muted;
            text-style: bold;
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $primary 35%;
            text-style: bold;
        }
    }
    """


class Checklist(Vertical):
    """Planned questions grouped by topic: ✓ asked, – skipped, · still to ask."""

    DEFAULT_CSS = """
    Checklist {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0;
    }
    Checklist > #checklist-current {
        height: auto;
        max-height: 6;
        padding: 0 1;
        border-top: solid $panel-lighten-2;
        color: $text;
    }
    """

    class Moved(Message):
        """The question under the cursor changed, or its state: ``position`` counts from 1
        among ``total`` planned (``0`` when there is no plan)."""

        def __init__(self, question: PlannedQuestion | None, position: int, total: int) -> None:
            super().__init__()
            self.question = question
            self.position = position
            self.total = total

        @property
        def state(self) -> str:
            if self.question is None:
                return ""
            return {ASKED: "asked", SKIPPED: "skipped", PENDING: ""}[mark(self.question)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Questions"
        self._questions: list[PlannedQuestion] = []
        self._titles: dict[int, str] = {}
        self._cursor: int | None = None
        """The id of the question under the cursor."""

    def compose(self) -> ComposeResult:
        yield _Items(id="checklist-items")
        yield Static(NO_PLAN, id="checklist-current")

    @property
    def items(self) -> OptionList:
        return self.query_one(_Items)

    @property
    def questions(self) -> list[PlannedQuestion]:
        return list(self._questions)

    @property
    def current(self) -> PlannedQuestion | None:
        """The question under the cursor."""
        return next((q for q in self._questions if q.id == self._cursor), None)

    def show(
        self, questions: Sequence[PlannedQuestion], titles: Mapping[int, str] | None = None
    ) -> None:
        """Show the plan, in order; ``titles`` gives each question's topic title (by id).

        The cursor stays on the same question; on the first pending one the first time.
        """
        first = not self._questions and self._cursor is None
        self._questions = list(questions)
        if titles is not None:
            self._titles = dict(titles)
        ids = {q.id for q in self._questions}
        if self._cursor not in ids:
            self._cursor = None
        if first or self._cursor is None:
            pending = next((q for q in self._questions if is_pending(q)), None)
            chosen = pending or (self._questions[0] if self._questions else None)
            self._cursor = chosen.id if chosen is not None else None
        self._rebuild()

    def _rebuild(self) -> None:
        items = self.items
        options: list[Option] = []
        topic: str | None = None
        for index, question in enumerate(self._questions):
            title = self._titles.get(question.id, OTHER_TOPIC)
            if title != topic:
                topic = title
                options.append(Option(plain(title), id=f"topic-{index}", disabled=True))
            options.append(Option(self._row(question), id=f"q-{question.id}"))
        with self.app.batch_update():
            items.clear_options()
            items.add_options(options)
            self._highlight()
        asked = sum(q.asked_at is not None for q in self._questions)
        skipped = sum(q.skipped for q in self._questions)
        left = len(self._questions) - asked - skipped
        self.border_subtitle = (
            f"{asked} asked · {skipped} skipped · {left} left" if self._questions else ""
        )

    @staticmethod
    def _row(question: PlannedQuestion) -> Text:
        symbol = mark(question)
        text = Text()
        text.append(f" {symbol} ", style="bold green" if symbol == ASKED else "")
        body = " ".join(clean(question.text).split())
        if question.skipped:
            text.append(body, style="dim strike")
        elif question.asked_at is not None:
            text.append(body, style="dim")
        else:
            text.append(body)
        return text

    def _highlight(self) -> None:
        items = self.items
        if self._cursor is None:
            items.highlighted = None
        else:
            items.highlighted = items.get_option_index(f"q-{self._cursor}")
        self._show_current()

    def _show_current(self) -> None:
        detail = self.query_one("#checklist-current", Static)
        question = self.current
        position = next((n for n, q in enumerate(self._questions, start=1) if q is question), 0)
        self.post_message(self.Moved(question, position, len(self._questions)))
        if question is None:
            detail.update(NO_PLAN if not self._questions else "")
            return
        state = {ASKED: "asked", SKIPPED: "skipped", PENDING: "to ask"}[mark(question)]
        # Spaces trail the question rather than lead the note: some SVG viewers drop a
        # span's leading spaces.
        text = plain(" ".join(question.text.split()) + "  ", style="bold")
        text.append(f"({state})", style="dim")
        detail.update(text)

    def move(self, delta: int) -> None:
        """Move the cursor ``delta`` questions down (up when negative), stopping at the ends."""
        if not self._questions:
            return
        ids = [q.id for q in self._questions]
        index = ids.index(self._cursor) if self._cursor in ids else 0
        self.select(ids[min(max(index + delta, 0), len(ids) - 1)])

    def select(self, question_id: int) -> None:
        if any(q.id == question_id for q in self._questions):
            self._cursor = question_id
            self._highlight()

    def next_pending(self, after: int) -> bool:
        """Put the cursor on the next question still to ask after ``after`` (wrapping to the
        top); ``False`` if none is left."""
        ids = [q.id for q in self._questions]
        start = ids.index(after) + 1 if after in ids else 0
        ordered = self._questions[start:] + self._questions[:start]
        following = next((q for q in ordered if is_pending(q)), None)
        if following is None:
            return False
        self.select(following.id)
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # A mouse click moves the cursor too.
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("q-"):
            question_id = int(option_id[2:])
            if question_id != self._cursor:
                self._cursor = question_id
                self._show_current()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
