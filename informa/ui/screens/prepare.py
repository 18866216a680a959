"""Preparing a call: the question banks on the left, this call's plan in the middle, and on
the right what to know and check before it starts (who they are, the pitch card, a short
checklist).

Every change to the plan, the card or the checklist is saved at once, in order, on one
writer thread; starting the call waits until all of it is stored.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from informa.actions.prepare import PreparedCall, prepare_call, save_plan, save_preparation
from informa.domain.clock import humanize_ago
from informa.domain.errors import InformaError
from informa.domain.model import ContactDossier, Interview, InterviewStatus, PitchCard
from informa.domain.plan import (
    PRE_CALL_CHECKS,
    PlanEntry,
    add,
    estimate_minutes,
    move,
    remove,
    suggest_plan,
)
from informa.domain.wording import counted
from informa.ui.keys import KeyHelp, bindings, key_for
from informa.ui.screens.base import WorkspaceScreen
from informa.ui.screens.breakpoints import set_breakpoint_classes
from informa.ui.text import clean, plain
from informa.ui.widgets.bank_browser import BankBrowser
from informa.ui.widgets.checklist import topic_title
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.pitch_card import PitchCardView
from informa.ui.widgets.plan_list import PlanList, entry_key
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.domain.banks import BankSet

T = TypeVar("T")

NO_PITCH = "No pitch card yet: {key} writes it (two lines on you, your goals, your skills)."
RESEARCH_LINES = 30
EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
"""Markdown bold in research notes, shown as plain words in the excerpt."""
"""Lines of the company research shown beside the plan."""

PREPARE_HELP = """
## Prepare a call

Pick the questions for this call; the plan is saved as you go. `enter` on a question in the
banks adds it to the plan (again: takes it out); `space` ticks the pre-call checklist.
"""

PREPARE_HELP_END = """
"asked before" marks questions this contact already answered in an earlier call.
"""


def plan_entries(interview: Interview, banks: BankSet) -> list[PlanEntry]:
    """The interview's planned questions as plan entries (topic titles from the banks)."""
    return [
        PlanEntry(q.text, q.question_ref, q.topic, topic_title(q.question_ref, q.topic, banks))
        for q in interview.questions
    ]


class PrepareScreen(WorkspaceScreen[int | None]):
    """Prepare ``contact_id``'s next call; dismisses with the interview's id to start it now,
    ``None`` to go back."""

    HELP = KeyHelp(PREPARE_HELP, "prepare", "plan", outro=PREPARE_HELP_END)
    WRITER_NAME = "informa-prepare"
    AUTO_FOCUS = "#bank-tree"

    BINDINGS: ClassVar[list[BindingType]] = bindings("prepare")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012

    DEFAULT_CSS = """
    PrepareScreen #prepare-workspace { height: 1fr; }
    PrepareScreen #prepare-lists { width: 1fr; height: 1fr; }
    PrepareScreen #banks { width: 1fr; }
    PrepareScreen #plan { width: 1fr; }
    PrepareScreen #prepare-side { layout: vertical; width: 44; height: 1fr; }
    PrepareScreen #side-info { height: 1fr; }
    PrepareScreen #side-info:focus { background: $boost; }
    /* Narrow (a video call beside it): the side column becomes a row under the lists. */
    PrepareScreen.-narrow #prepare-workspace { layout: vertical; }
    PrepareScreen.-narrow #prepare-side { layout: horizontal; width: 100%; height: 11; }
    PrepareScreen.-narrow #prepare-side > * { width: 1fr; height: 100%; }
    PrepareScreen #about, PrepareScreen #research {
        height: auto;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    PrepareScreen #pitch { max-height: 200; }  /* the column scrolls, not the card */
    PrepareScreen #prep-checks {
        height: auto;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        background: transparent;
    }
    PrepareScreen #prep-checks:focus { border: round $primary; }
    """

    def __init__(self, contact_id: int) -> None:
        super().__init__(id="prepare")
        self.contact_id = contact_id
        self.interview: Interview | None = None
        self._plan: list[PlanEntry] = []
        self._asked_before: frozenset[str] = frozenset()
        self._asked: frozenset[str] = frozenset()
        self._pitch = PitchCard()
        self._starting = False
        self._before_search: Widget | None = None

    # -- typed accessors ----------------------------------------------------------------

    @property
    def plan(self) -> list[PlanEntry]:
        return list(self._plan)

    @property
    def browser(self) -> BankBrowser:
        return self.query_one(BankBrowser)

    @property
    def plan_list(self) -> PlanList:
        return self.query_one(PlanList)

    @property
    def checks(self) -> SelectionList[str]:
        return self.query_one("#prep-checks", SelectionList)

    def compose(self) -> ComposeResult:
        set_breakpoint_classes(self)
        yield TitleBar()
        with Horizontal(id="prepare-workspace"):
            with Horizontal(id="prepare-lists"):
                yield BankBrowser(self.informa.banks, id="banks")
                yield PlanList(id="plan")
            with Horizontal(id="prepare-side"):
                with VerticalScroll(id="side-info"):
                    about = Static("loading…", id="about")
                    about.border_title = "About"
                    yield about
                    yield PitchCardView(id="pitch")
                    yield Static("", id="research")
                checks: SelectionList[str] = SelectionList(
                    *(Selection(label, item) for item, label in PRE_CALL_CHECKS),
                    id="prep-checks",
                )
                checks.border_title = "Before the call"
                yield checks
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Prepare a call"
        self.plan_list.show([])
        self._load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start", "suggest", "one_off", "edit_pitch") and (
            self.interview is None or self._starting
        ):
            return None
        return True

    # -- the writer thread ----------------------------------------------------------------

    def _save(self, job: Callable[[], object], failed: str) -> None:
        """Queue ``job`` now (so that it runs even if the app quits at once); report failure."""
        self._await_save(self.submit(job), failed)

    @work(group="prepare")
    async def _await_save(self, future: Future[object], failed: str) -> None:
        try:
            await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title=failed, severity="error", timeout=10, markup=False)

    def on_unmount(self) -> None:
        self.close_writer()  # everything queued is saved first

    # -- loading --------------------------------------------------------------------------

    @work(group="prepare")
    async def _load(self) -> None:
        load = partial(
            prepare_call,
            self.store,
            self.contact_id,
            minutes=self.informa.settings.call_minutes,
        )
        try:
            loaded: PreparedCall = await asyncio.wrap_future(self.submit(load))
        except InformaError as exc:
            self.notify(str(exc), title="Could not prepare the call", severity="error", timeout=10)
            await self.leave(None)
            return
        interview = loaded.interview
        self.interview = interview
        self._asked_before = loaded.asked_before
        self._plan = plan_entries(interview, self.informa.banks)
        self._asked = frozenset(
            entry_key(entry)
            for entry, q in zip(self._plan, interview.questions, strict=True)
            if q.asked_at is not None
        )
        self._pitch = loaded.pitch
        self.title = f"Prepare: {clean(interview.contact_name)}"
        self.sub_title = self._when(interview)
        self._show_about(loaded.dossier)
        self.query_one(PitchCardView).show_card(
            loaded.pitch, empty=NO_PITCH.format(key=key_for(self, "prepare_pitch"))
        )
        checks = self.checks
        with checks.prevent(SelectionList.SelectedChanged):
            for item in interview.prep_done:
                checks.select(item)
        self._show_checks()
        self._show_plan(select=0)
        self.refresh_bindings()

    def _when(self, interview: Interview) -> str:
        parts = []
        if interview.status is InterviewStatus.IN_PROGRESS:
            parts.append("call in progress")
        elif interview.scheduled_at is not None:
            now = self.informa.clock()
            at = interview.scheduled_at.astimezone(now.tzinfo)
            parts.append(f"{at:%a %d %b %H:%M}")
        else:
            parts.append("not scheduled")
        parts.append(f"{interview.target_minutes} min")
        return " · ".join(parts)

    def _no_pitch(self) -> str:
        return NO_PITCH.format(key=key_for(self, "prepare_pitch"))

    def _show_about(self, dossier: ContactDossier) -> None:
        contact, company = dossier.contact, dossier.company
        text = Text()
        text.append(clean(contact.name), style="bold")
        role = " at ".join(part for part in (contact.role, contact.company_name) if part)
        if role:
            text.append(f"\n{clean(role)}")
        if contact.referred_by_name:
            text.append(f"\nreferred by {clean(contact.referred_by_name)}", style="dim")
        interview = self.interview
        if interview is not None and interview.link:
            text.append(f"\n{clean(interview.link)}", style="underline")
        done = [i for i in dossier.interviews if i.ended_at is not None]
        if done:
            last = max(i.ended_at for i in done if i.ended_at is not None)
            ago = humanize_ago(last, self.informa.clock())
            text.append(f"\n{len(done)} earlier call{'s' * (len(done) > 1)}, last {ago}")
        self.query_one("#about", Static).update(text)
        research = self.query_one("#research", Static)
        research.display = company is not None
        if company is None:
            return
        research.border_title = f"Research: {clean(company.name)}"
        lines = company.research.strip().splitlines()
        if not lines:
            research.update(plain("Nothing yet: r on the pipeline writes it.", style="dim"))
            return
        notes = plain(EMPHASIS.sub(r"\2", "\n".join(lines[:RESEARCH_LINES])))
        if len(lines) > RESEARCH_LINES:
            notes.append(f"\n… {len(lines) - RESEARCH_LINES} more lines", style="dim")
        research.update(notes)

    # -- the plan -------------------------------------------------------------------------

    def _show_plan(self, *, select: int | None = None) -> None:
        plan = self._plan
        self.plan_list.show(plan, asked_before=self._asked_before, asked=self._asked, select=select)
        self.browser.mark({e.question_ref for e in plan if e.question_ref}, self._asked_before)
        interview = self.interview
        if interview is None:
            return
        target = interview.target_minutes
        estimate = estimate_minutes(plan)
        count = f"{len(plan)} question{'s' * (len(plan) != 1)}"
        subtitle = f"{count} · about {estimate} min of {target}"
        if plan and estimate < target:
            subtitle += " · plan more than fits"
        self.plan_list.border_subtitle = subtitle

    def _change_plan(self, plan: Sequence[PlanEntry], *, select: int | None = None) -> None:
        interview = self.interview
        if interview is None:
            return
        self._plan = list(plan)
        self._show_plan(select=select)
        self._save(
            partial(save_plan, self.store, interview.id, tuple(self._plan)),
            "The plan was not saved",
        )

    @on(BankBrowser.Picked)
    def _picked(self, event: BankBrowser.Picked) -> None:
        topic, question = event.pick.topic, event.pick.question
        index = next((i for i, e in enumerate(self._plan) if e.question_ref == question.ref), None)
        if index is not None:
            self._change_plan(remove(self._plan, index))
            self.notify("Taken out of the plan", timeout=2)
            return
        entry = PlanEntry(question.text, question.ref, topic.id, topic.title)
        plan = add(self._plan, entry)
        self._change_plan(plan, select=plan.index(entry))

    @on(PlanList.Removed)
    def _removed(self, event: PlanList.Removed) -> None:
        self._change_plan(remove(self._plan, event.index), select=event.index)

    @on(PlanList.Moved)
    def _moved(self, event: PlanList.Moved) -> None:
        target = min(max(event.index + event.delta, 0), len(self._plan) - 1)
        self._change_plan(move(self._plan, event.index, event.delta), select=target)

    @work(group="dialog")
    async def action_suggest(self) -> None:
        interview = self.interview
        if interview is None:
            return
        if self._plan:
            from informa.ui.dialogs.confirm import Confirm

            replace = await self.app.push_screen_wait(
                Confirm(
                    title="Replace the plan?",
                    message=(
                        f"The plan has {counted(len(self._plan), 'question')}. "
                        "Put a suggested plan in its place?"
                    ),
                    confirm_label="Replace",
                    danger=False,
                )
            )
            if not replace:
                return
        plan = suggest_plan(
            self.informa.banks,
            minutes=interview.target_minutes,
            asked_before=self._asked_before,
        )
        self._change_plan(plan, select=0)
        self.notify(
            f"Suggested {counted(len(plan), 'question')}, about {estimate_minutes(plan)} min: "
            "more than you will need, so you can skip.",
            timeout=4,
        )

    @work(group="dialog")
    async def action_one_off(self) -> None:
        from informa.ui.dialogs.question import QuestionDialog

        text = await self.app.push_screen_wait(QuestionDialog())
        if text:
            entry = PlanEntry(text)
            plan = add(self._plan, entry)
            self._change_plan(plan, select=plan.index(entry))

    def action_search(self) -> None:
        self.browser.search.focus()

    @on(events.DescendantFocus)
    def _remember_where_from(self, event: events.DescendantFocus) -> None:
        """Where the focus was before the bank search: ``escape`` there gives it back."""
        if event.widget is not self.browser.search:
            self._before_search = event.widget

    def action_back(self) -> None:
        browser = self.browser
        if browser.search.has_focus:
            # Empty the search and give the focus back: to the plan or the list it came from.
            browser.clear_search()
            back = self._before_search
            if back is None or not back.is_attached or not back.focusable:
                back = browser.bank_tree
            back.focus()
            return
        if not self.leaving:
            self.dismiss(None)

    # -- the pitch card and the checklist -------------------------------------------------

    @work(group="dialog")
    async def action_edit_pitch(self) -> None:
        from informa.ui.dialogs.pitch import PitchDialog

        card = await self.app.push_screen_wait(PitchDialog(self._pitch))
        if card is None or card == self._pitch:
            return
        self._pitch = card
        self.query_one(PitchCardView).show_card(
            card, empty=NO_PITCH.format(key=key_for(self, "prepare_pitch"))
        )
        store = self.store
        self._save(lambda: store.profile.save_pitch(card), "The pitch card was not saved")

    @on(SelectionList.SelectedChanged, "#prep-checks")
    def _checks_changed(self) -> None:
        interview = self.interview
        if interview is None:
            return
        done: Collection[str] = tuple(self.checks.selected)
        store, interview_id = self.store, interview.id
        self._save(
            lambda: store.interviews.set_prep_done(interview_id, done),
            "The checklist was not saved",
        )
        self._show_checks()

    def _show_checks(self) -> None:
        checks = self.checks
        done, total = len(checks.selected), len(PRE_CALL_CHECKS)
        checks.border_subtitle = "all set" if done == total else f"{done} of {total}"

    # -- starting -------------------------------------------------------------------------

    def action_start(self) -> None:
        interview = self.interview
        if interview is None or self._starting or self.leaving:
            return
        self._starting = True
        self.refresh_bindings()
        # The whole plan and checklist once more, behind everything queued: a save that
        # failed before is made good, and the call screen reads what is shown here.
        store_all = partial(
            save_preparation,
            self.store,
            interview.id,
            tuple(self._plan),
            tuple(self.checks.selected),
        )
        self._await_start(self.submit(store_all), interview.id)

    @work(group="prepare")
    async def _await_start(self, future: Future[Interview], interview_id: int) -> None:
        try:
            await asyncio.wrap_future(future)
        except InformaError as exc:
            self._starting = False
            self.refresh_bindings()
            self.notify(str(exc), title="The call was not started", severity="error", timeout=10)
            return
        if not self._plan:
            self.notify("No questions planned: the call starts with notes only.", timeout=4)
        await self.leave(interview_id)
