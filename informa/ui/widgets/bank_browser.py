"""The question banks as a tree (bank → topic → question), with a search box over them.

Questions already in the plan carry a ✓; questions asked of this contact in an earlier call
say so, so a second chat does not repeat the first. ``enter`` on a question posts
:class:`BankBrowser.Picked`; ``enter`` on a topic opens or closes it. Typing in the search
box narrows the tree to the questions matching every word, all topics open.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree
from textual.widgets.tree import TreeNode

from informa.domain.banks import BankSet, Question, Topic
from informa.domain.plan import search_questions
from informa.domain.wording import counted
from informa.ui.text import clean, plain
from informa.ui.widgets.safe import SafeInput

IN_PLAN = "✓"
ASKED_BEFORE = "asked before"


@dataclass(frozen=True, slots=True)
class Pick:
    """A question in the tree, with the topic it belongs to."""

    topic: Topic
    question: Question


class BankTree(Tree[Pick | None]):
    DEFAULT_CSS = """
    BankTree {
        height: 1fr;
        padding: 0;
        background: transparent;
        overflow-x: hidden;
    }
    """


class BankBrowser(Vertical):
    """Browse and search ``banks``; see :meth:`mark` for the ✓ and "asked before" marks."""

    DEFAULT_CSS = """
    BankBrowser {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
    }
    BankBrowser:focus-within {
        border: round $primary;
    }
    BankBrowser > #bank-search {
        margin: 0 0 1 0;
    }
    BankBrowser > #bank-detail {
        height: auto;
        max-height: 8;
        padding: 0 1;
        border-top: solid $panel-lighten-2;
    }
    """

    @dataclass
    class Picked(Message):
        """The user chose a question to add to the plan."""

        pick: Pick

    def __init__(self, banks: BankSet, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.banks = banks
        self.border_title = "Question banks"
        self._in_plan: frozenset[str] = frozenset()
        self._asked_before: frozenset[str] = frozenset()
        self._leaves: dict[str, TreeNode[Pick | None]] = {}

    def compose(self) -> ComposeResult:
        yield SafeInput(
            placeholder="/ search the questions", id="bank-search", compact=True, max_length=200
        )
        tree = BankTree("Banks", id="bank-tree")
        tree.show_root = False
        tree.auto_expand = True
        yield tree
        yield Static("", id="bank-detail")

    def on_mount(self) -> None:
        self._fill("")
        self._show_detail(None)

    @property
    def bank_tree(self) -> BankTree:
        return self.query_one(BankTree)

    @property
    def search(self) -> Input:
        return self.query_one("#bank-search", Input)

    def mark(self, in_plan: Collection[str], asked_before: Collection[str]) -> None:
        """Refresh the marks: ``in_plan`` and ``asked_before`` are question refs."""
        self._in_plan, self._asked_before = frozenset(in_plan), frozenset(asked_before)
        for node in self._leaves.values():
            if node.data is not None:
                node.set_label(self._label(node.data.question))
        cursor = self.bank_tree.cursor_node
        self._show_detail(cursor.data if cursor is not None else None)

    def _label(self, question: Question) -> Text:
        text = Text()
        if question.ref in self._in_plan:
            text.append(f"{IN_PLAN} ", style="bold green")
        body = " ".join(clean(question.text).split())
        text.append(body, style="dim" if question.ref in self._in_plan else "")
        if question.ref in self._asked_before:
            text.append(f"  {ASKED_BEFORE}", style="italic dark_orange")
        return text

    def _fill(self, query: str) -> None:
        tree = self.bank_tree
        tree.clear()
        self._leaves = {}
        words = query.strip()
        if words:
            self._fill_found(tree, words)
        else:
            for bank in self.banks.banks:
                bank_node = tree.root.add(
                    Text.assemble((bank.title, "bold"), (f"  {bank.question_count}", "dim")),
                    expand=True,
                )
                for topic in bank.topics:
                    topic_node = bank_node.add(Text(topic.title))
                    for question in topic.questions:
                        self._leaf(topic_node, topic, question)
            self.border_subtitle = counted(self.banks.question_count, "question")
        tree.cursor_line = 0

    def _fill_found(self, tree: BankTree, query: str) -> None:
        found = search_questions(self.banks, query, limit=200)
        topics: dict[tuple[str, str], TreeNode[Pick | None]] = {}
        for topic, question, bank_id in found:
            key = (bank_id, topic.id)
            if key not in topics:
                topics[key] = tree.root.add(Text(topic.title, style="bold"), expand=True)
            self._leaf(topics[key], topic, question)
        self.border_subtitle = f"{len(found)} found" if found else "nothing found"
        if found:
            tree.cursor_line = 1  # the first match, under its topic

    def _leaf(self, parent: TreeNode[Pick | None], topic: Topic, question: Question) -> None:
        self._leaves[question.ref] = parent.add_leaf(
            self._label(question), data=Pick(topic, question)
        )

    @on(Input.Changed, "#bank-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#bank-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.bank_tree.focus()

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Pick | None]) -> None:
        event.stop()
        self._show_detail(event.node.data)

    def _show_detail(self, pick: Pick | None) -> None:
        """The highlighted question in full, with its follow-ups (cut to one line above)."""
        detail = self.query_one("#bank-detail", Static)
        detail.display = pick is not None
        if pick is None:
            return
        question = pick.question
        text = plain(" ".join(question.text.split()), style="bold")
        for follow_up in question.follow_ups:
            text.append("\n  then: ", style="dim")
            text.append_text(plain(" ".join(follow_up.split())))
        notes = []
        if question.ref in self._in_plan:
            notes.append("in the plan: enter takes it out")
        if question.ref in self._asked_before:
            notes.append("asked in an earlier call")
        if notes:
            text.append("\n" + " · ".join(notes), style="italic dim")
        detail.update(text)

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Pick | None]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Picked(event.node.data))

    def clear_search(self) -> bool:
        """Empty the search box; ``False`` if it was empty already."""
        if not self.search.value:
            return False
        self.search.value = ""
        return True
