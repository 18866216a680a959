"""Between calls: what do I owe whom, how am I doing, what have I learned.

Four tabs: the **agenda** (everything due or overdue, by day, to act on in place), **progress**
(interviews against the goal, variety, the funnel, reply times), **insights** (every answer to
a question side by side; every piece of advice, filterable) and **referrals** (who led to whom).
Everything is read in one go when the screen opens and after each change.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import Future
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Input,
    OptionList,
    ProgressBar,
    Static,
    TabbedContent,
    TabPane,
    Tree,
)
from textual.widgets.option_list import Option

from informa.actions.review import Review, load_review, log_done
from informa.domain.agenda import AHEAD_DAYS, agenda_title
from informa.domain.errors import InformaError
from informa.domain.followup import AgendaItem, AgendaKind
from informa.domain.model import ActivityKind, Stage
from informa.domain.review import (
    Funnel,
    Insights,
    Noted,
    Progress,
    ReferralNode,
    filter_noted,
    funnel,
    insights,
    progress,
    referral_tree,
)
from informa.domain.wording import counted
from informa.ui.keys import KeyHelp, bindings
from informa.ui.screens.base import WorkspaceScreen
from informa.ui.text import plain
from informa.ui.widgets.agenda_list import AgendaList
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.safe import SafeInput
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.domain.records import Records

REVIEW_HELP = """
## Review

- **Agenda**: everything due or overdue, by day, and the calls booked (time, person, link).
  `enter` shows the contact on the pipeline.
- **Progress**: interviews this month and in all against your goal (`interview_goal` in the
  settings), how varied they are, the funnel from prospect to interview, reply times.
- **Insights**: pick a question to see every answer to it side by side; the advice list
  below filters as you type (a company, a role, a word).
- **Referrals**: who led to whom, with each person's stage; `enter` shows them, `space`
  folds a branch.
"""

SNOOZE_SHORT = 1
SNOOZE_LONG = 7


class ReviewScreen(WorkspaceScreen[int | None]):
    """Dismisses with a contact id to show on the pipeline, or ``None``."""

    HELP = KeyHelp(REVIEW_HELP, "review", "agenda")
    WRITER_NAME = "informa-review"
    AUTO_FOCUS = "#agenda"

    BINDINGS: ClassVar[list[BindingType]] = bindings("review")

    DEFAULT_CSS = """
    ReviewScreen TabbedContent { height: 1fr; }
    ReviewScreen TabPane { padding: 0; }
    ReviewScreen #agenda, ReviewScreen #questions, ReviewScreen #advice {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
    }
    ReviewScreen #agenda:focus, ReviewScreen #questions:focus, ReviewScreen #advice:focus {
        border: round $primary;
    }
    ReviewScreen #agenda > .option-list--option-disabled { color: $text-accent; }
    ReviewScreen #progress-body { padding: 0 1; }
    ReviewScreen .figures {
        height: auto;
        margin-bottom: 1;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    ReviewScreen #goal-bar { width: 100%; margin-bottom: 1; }
    ReviewScreen #questions { width: 2fr; }
    ReviewScreen #answers-side { width: 3fr; }
    ReviewScreen #answers {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    ReviewScreen #answers:focus { border: round $primary; }
    ReviewScreen #advice-filter { margin: 0 0 0 0; }
    ReviewScreen #referral-tree {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
    }
    ReviewScreen #referral-tree:focus { border: round $primary; }
    """

    def __init__(self) -> None:
        super().__init__(id="review")
        self.agenda: list[AgendaItem] = []
        self.records: Records | None = None
        self.insights: Insights | None = None
        self._loaded = False

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with TabbedContent(id="review-tabs", initial="agenda-tab"):
            with TabPane("Agenda", id="agenda-tab"):
                agenda = AgendaList(id="agenda")
                agenda.border_title = agenda_title(AHEAD_DAYS)
                yield agenda
            with TabPane("Progress", id="progress-tab"), VerticalScroll(id="progress-body"):
                goal = Static("", id="goal", classes="figures")
                goal.border_title = "Interviews"
                yield goal
                yield ProgressBar(id="goal-bar", show_eta=False)
                funnel_box = Static("", id="funnel", classes="figures")
                funnel_box.border_title = "Funnel"
                yield funnel_box
            with TabPane("Insights", id="insights-tab"), Horizontal():
                questions = OptionList(id="questions")
                questions.border_title = "Questions answered"
                yield questions
                with Vertical(id="answers-side"):
                    answers = VerticalScroll(Static("", id="answers-text"), id="answers")
                    answers.border_title = "Answers"
                    yield answers
                    yield SafeInput(
                        placeholder="filter the advice: a topic, a company, a role, a word",
                        id="advice-filter",
                        compact=True,
                    )
                    advice = OptionList(id="advice")
                    advice.border_title = "All advice"
                    yield advice
            with TabPane("Referrals", id="referrals-tab"):
                tree: Tree[int] = Tree("Referrals", id="referral-tree")
                tree.show_root = False
                tree.auto_expand = False  # enter opens the person; space folds a branch
                tree.border_title = "Who led to whom"
                yield tree
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Review"
        self._load()

    # -- loading --------------------------------------------------------------------------

    @work(group="review", exclusive=True)
    async def _load(self) -> None:
        rules = self.informa.settings.follow_up_rules()
        try:
            loaded = await asyncio.to_thread(load_review, self.store, rules)
        except InformaError as exc:
            self.notify(str(exc), title="Could not load the review", severity="error")
            return
        if self.leaving or not self.is_attached:
            return
        self._show(loaded)

    def _show(self, loaded: Review) -> None:
        records, now = loaded.records, loaded.now
        zone = now.tzinfo
        assert zone is not None
        self.records = records
        self.agenda = loaded.agenda
        self.query_one(AgendaList).show(loaded.agenda, now)
        every = [i for calls in records.interviews.values() for i in calls]
        settings = self.informa.settings
        self._show_progress(
            progress(
                records.contacts,
                every,
                industries=records.industries,
                goal=settings.interview_goal,
                today=now.date(),
                zone=zone,
            ),
            funnel(
                records.contacts,
                records.activities,
                records.interviews,
                today=now.date(),
                zone=zone,
                holidays=settings.holidays,
            ),
        )
        self.insights = insights(records.contacts, every)
        self._show_questions(self.insights)
        self._show_advice()
        self._show_referrals(referral_tree(records.contacts))
        self.sub_title = f"{len(loaded.agenda)} on the agenda"
        self._loaded = True

    # -- progress -------------------------------------------------------------------------

    def _show_progress(self, figures: Progress, steps: Funnel) -> None:
        text = Text()
        text.append(f"{figures.this_month}", style="bold")
        text.append(" this month · ")
        text.append(f"{figures.total}", style="bold")
        text.append(f" in all, of your goal of {figures.goal}\n")
        text.append(
            f"{counted(figures.companies, 'company')} · {counted(figures.roles, 'role')} · "
            f"{counted(figures.industries, 'industry')}"
        )
        if figures.hint:
            text.append(f"\n{figures.hint}", style="italic yellow")
        self.query_one("#goal", Static).update(text)
        bar = self.query_one("#goal-bar", ProgressBar)
        bar.update(total=max(figures.goal, 1), progress=min(figures.total, figures.goal))
        widest = max((step.count for step in steps.steps), default=0) or 1
        lines = Text()
        for step in steps.steps:
            label = f"{step.stage.label:<12}"
            lines.append(label)
            lines.append("█" * max(round(30 * step.count / widest), 1 if step.count else 0))
            lines.append(f" {step.count}", style="bold")
            if step.rate is not None:
                lines.append(f"  ({step.rate:.0%} of the step before)", style="dim")
            lines.append("\n")
        reply = (
            f"{steps.median_reply_days:g} {'day' if steps.median_reply_days == 1 else 'days'}"
            if steps.median_reply_days is not None
            else "no replies yet"
        )
        lines.append(f"\nMedian time to a reply: {reply}\n")
        lines.append(
            f"Boosters (reply within 3 business days): {steps.boosters} · "
            f"slow responders: {steps.slow} · unresponsive: {steps.unresponsive}"
        )
        self.query_one("#funnel", Static).update(lines)

    # -- insights -------------------------------------------------------------------------

    def _show_questions(self, found: Insights) -> None:
        questions = self.query_one("#questions", OptionList)
        questions.clear_options()
        for index, item in enumerate(found.questions):
            row = Text(f"{len(item.answers):>2}  ", style="bold")
            row.append_text(plain(item.question))
            questions.add_option(Option(row, id=f"q-{index}"))
        if not found.questions:
            questions.add_option(
                Option(plain("No answers yet: notes under ## [mm:ss] headings show here."))
            )
        elif questions.highlighted is None:
            questions.highlighted = 0
        self._show_answers(0 if found.questions else None)

    @on(OptionList.OptionHighlighted, "#questions")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("q-"):
            self._show_answers(int(option_id[2:]))

    def _show_answers(self, index: int | None) -> None:
        found = self.insights
        target = self.query_one("#answers-text", Static)
        if found is None or index is None or index >= len(found.questions):
            target.update("")
            return
        item = found.questions[index]
        zone = self.informa.clock().tzinfo
        text = Text()
        text.append_text(plain(item.question, style="bold"))
        for answer in item.answers:
            text.append("\n\n")
            text.append_text(plain(answer.contact_name, style="bold"))
            where = " · ".join(part for part in (answer.role, answer.company) if part)
            if where:
                text.append_text(plain(f" · {where}", style="dim"))
            if answer.when is not None:
                text.append(f" · {answer.when.astimezone(zone):%d %b %Y}", style="dim")
            text.append("\n")
            text.append_text(plain(answer.text))
        target.update(text)
        self.query_one("#answers", VerticalScroll).scroll_home(animate=False)

    @on(Input.Changed, "#advice-filter")
    def _advice_filter(self) -> None:
        self._show_advice()

    def _show_advice(self) -> None:
        found = self.insights
        advice = self.query_one("#advice", OptionList)
        if found is None:
            return
        every = found.advice()
        shown = filter_noted(every, self.query_one("#advice-filter", Input).value)
        advice.clear_options()
        advice.add_options(_advice_row(item) for item in shown)
        advice.border_subtitle = f"{len(shown)} of {len(every)}"

    # -- referrals ------------------------------------------------------------------------

    def _show_referrals(self, trees: Sequence[ReferralNode]) -> None:
        tree = self.query_one("#referral-tree", Tree)
        tree.clear()

        def add(parent: object, node: ReferralNode) -> None:
            contact = node.contact
            label = plain(contact.name, style="bold")
            label.append(f"  {contact.stage.label}", style=_stage_style(contact.stage))
            if contact.company_name:
                label.append_text(plain(f" · {contact.company_name}", style="dim"))
            if node.children:
                branch = parent.add(label, data=contact.id, expand=True)  # type: ignore[attr-defined]
                for child in node.children:
                    add(branch, child)
            else:
                parent.add_leaf(label, data=contact.id)  # type: ignore[attr-defined]

        for node in trees:
            add(tree.root, node)
        if not trees:
            tree.root.add_leaf(plain("Nobody has referred anyone yet. Ask who else to talk to!"))
        people = counted(sum(node.size for node in trees), "person")
        tree.border_subtitle = f"{people} in {counted(len(trees), 'tree')}"
        tree.cursor_line = 0

    @on(Tree.NodeSelected, "#referral-tree")
    async def _referral_selected(self, event: Tree.NodeSelected[int]) -> None:
        if isinstance(event.node.data, int):
            await self.leave(event.node.data)

    # -- acting on the agenda -------------------------------------------------------------

    @on(AgendaList.Opened)
    async def _agenda_opened(self, event: AgendaList.Opened) -> None:
        await self.leave(event.item.contact_id)

    @on(AgendaList.Snoozed)
    def _agenda_snoozed(self, event: AgendaList.Snoozed) -> None:
        item, days = event.item, event.days
        until = self.informa.clock().date() + timedelta(days=days)
        store = self.store
        self._after_write(
            self.submit(lambda: store.followups.snooze(item.key, until)),
            f"Put off until {until:%a %d %b}: {item.title}",
        )

    @on(AgendaList.Thanked)
    def _agenda_thanked(self, event: AgendaList.Thanked) -> None:
        self._thank(event.item)

    @work(group="dialog")
    async def _thank(self, item: AgendaItem) -> None:
        from informa.ui.thanks import draft_thank_you

        if item.interview_id is None:
            self.notify("This call was logged by hand: l logs the thank-you when it is sent.")
            return
        if await draft_thank_you(self, item.interview_id):
            self._load()

    @on(AgendaList.Logged)
    def _agenda_logged(self, event: AgendaList.Logged) -> None:
        self._log(event.item)

    @work(group="dialog")
    async def _log(self, item: AgendaItem) -> None:
        from informa.ui.dialogs.log_interaction import LogInteraction

        kind = {
            AgendaKind.CHECK_IN: ActivityKind.CHECK_IN,
            AgendaKind.THANK_YOU: ActivityKind.THANK_YOU,
            AgendaKind.ADVICE_UPDATE: ActivityKind.MESSAGE,
        }.get(item.kind, ActivityKind.OUTREACH)
        entry = await self.app.push_screen_wait(
            LogInteraction(contact_name=item.contact_name, now=self.informa.clock(), kind=kind)
        )
        if entry is None:
            return
        log = partial(log_done, self.store, item, entry.kind, at=entry.at, detail=entry.detail)
        self._after_write(self.submit(log), f"Logged {entry.kind.label.lower()}")

    @work(group="review")
    async def _after_write(self, future: Future[object], message: str) -> None:
        try:
            await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10, markup=False)
            return
        self.notify(message, markup=False)
        self._load()

    # -- keys -----------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {
            "agenda-tab": "#agenda",
            "insights-tab": "#questions",
            "referrals-tab": "#referral-tree",
        }.get(tab)
        if focus:
            self.query_one(focus).focus()

    def action_reload(self) -> None:
        self._load()

    def action_back(self) -> None:
        search = self.query_one("#advice-filter", Input)
        if search.has_focus:  # esc clears the filter, then leaves it
            if search.value:
                search.value = ""
            else:
                self.query_one("#advice", OptionList).focus()
            return
        if not self.leaving:
            self.dismiss(None)

    def on_unmount(self) -> None:
        self.close_writer()


def _stage_style(stage: Stage) -> str:
    return {
        Stage.INTERVIEWED: "green",
        Stage.IN_TOUCH: "green",
        Stage.CLOSED: "dim",
        Stage.SCHEDULED: "yellow",
    }.get(stage, "")


def _advice_row(item: Noted) -> Option:
    text = plain(item.text)
    source = " · ".join(part for part in (item.contact_name, item.company) if part)
    text.append_text(plain(f"  — {source}", style="dim"))
    return Option(text)
