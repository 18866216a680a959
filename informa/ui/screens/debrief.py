"""After the call: what it came to, who to add, and three questions to think over.

Shown when a call ends (and again from the pipeline with ``b``). The facts come from the
interview and its notes; the user confirms which ``R:`` lines become contacts and writes a
short reflection, which is saved whenever the screen closes, however it closes.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Label, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from informa.actions.debrief import Candidate, Debrief, finish_debrief, load_debrief
from informa.actions.notes import AUTOSAVE_DELAY
from informa.domain.debrief import PROMPTS, CallSummary, compose_reflection, parse_reflection
from informa.domain.errors import InformaError
from informa.domain.model import Contact, Interview
from informa.domain.notes import ReferralCandidate, Tag, format_elapsed
from informa.ui.keys import KeyHelp, bindings, key_for
from informa.ui.screens.base import WorkspaceScreen
from informa.ui.screens.breakpoints import set_breakpoint_classes
from informa.ui.text import clean, plain
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.safe import SafeTextArea
from informa.ui.widgets.title_bar import TitleBar

DEBRIEF_HELP = """
## Debrief

What the call came to: its length, the questions asked, and the lines you tagged. The cursor
starts in the first of three questions: write a line or two under each (`tab` moves on).
`shift+tab` from the first question goes to the referral candidates (the `R:` lines that name
someone), where `space` ticks or unticks one.
"""

DEBRIEF_HELP_END = """
The thank-you is due within a day of the call: mention something specific you learned.
"""

TAG_TITLES = {
    Tag.ADVICE: "Advice",
    Tag.INFO: "Information",
    Tag.REFERRAL: "Referrals",
    Tag.ACTION: "Actions for you",
}


def _due_text(due: datetime, now: datetime) -> str:
    local = due.astimezone(now.tzinfo)
    hours = (due - now).total_seconds() / 3600
    if hours < 0:
        return f"Thank-you overdue since {local:%a %d %b %H:%M}: send it today"
    left = f"in {round(hours)} h" if hours >= 1 else "within the hour"
    return f"Thank-you due by {local:%a %d %b %H:%M} ({left})"


class DebriefScreen(WorkspaceScreen[None]):
    """The debrief of ended interview ``interview_id``."""

    HELP = KeyHelp(DEBRIEF_HELP, "debrief", outro=DEBRIEF_HELP_END)
    WRITER_NAME = "informa-debrief"
    AUTO_FOCUS = "#reflect-0"  # typing starts in "What did I learn?"

    BINDINGS: ClassVar[list[BindingType]] = bindings("debrief")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    DEFAULT_CSS = """
    DebriefScreen #debrief { height: 1fr; }
    DebriefScreen.-narrow #debrief { layout: vertical; overflow-y: auto; }
    DebriefScreen #debrief-facts { width: 1fr; height: 1fr; padding: 0 1; }
    DebriefScreen.-narrow #debrief-facts { height: auto; }
    DebriefScreen #debrief-reflect { width: 1fr; height: 1fr; padding: 0 1; }
    DebriefScreen.-narrow #debrief-reflect { height: auto; }
    DebriefScreen .debrief-block {
        height: auto;
        margin-bottom: 1;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    DebriefScreen #referrals {
        height: auto;
        max-height: 12;
        background: transparent;
    }
    DebriefScreen #referrals:focus { border: round $primary; }
    DebriefScreen .prompt { text-style: bold; padding: 0 1; }
    DebriefScreen .reflect {
        height: 1fr;
        min-height: 4;
        margin-bottom: 1;
        border: round $panel-lighten-2;
    }
    DebriefScreen.-narrow .reflect { height: 6; }
    DebriefScreen .reflect:focus { border: round $primary; }
    """

    def __init__(self, interview_id: int) -> None:
        super().__init__(id="debrief")
        self.interview_id = interview_id
        self.summary: CallSummary | None = None
        self._candidates: tuple[Candidate, ...] = ()
        self._saved_reflection = ""
        self._loaded = False
        self._done = False
        self._interview: Interview | None = None
        self.discarded = False
        """The call was thrown away (the pipeline lands on its contact)."""
        # Kept as attributes: closing the screen saves their text after the widgets are gone.
        self._autosave: Timer | None = None
        self._answers = [
            SafeTextArea(id=f"reflect-{index}", classes="reflect", soft_wrap=True, read_only=True)
            for index in range(len(PROMPTS))
        ]

    @property
    def referrals(self) -> SelectionList[int]:
        return self.query_one("#referrals", SelectionList)

    @property
    def reflection(self) -> str:
        """The reflection as it would be stored."""
        return compose_reflection([area.text for area in self._answers])

    def compose(self) -> ComposeResult:
        set_breakpoint_classes(self)
        yield TitleBar()
        with Horizontal(id="debrief"):
            with VerticalScroll(id="debrief-facts"):
                facts = Static("loading…", id="facts", classes="debrief-block")
                facts.border_title = "The call"
                yield facts
                items = Static("", id="items", classes="debrief-block")
                items.border_title = "What you noted"
                yield items
                referrals: SelectionList[int] = SelectionList(
                    id="referrals", classes="debrief-block"
                )
                referrals.border_title = "Add as contacts (referred by them)"
                yield referrals
                yield Static("", id="no-referrals", classes="debrief-block")
            with Vertical(id="debrief-reflect"):
                for prompt, area in zip(PROMPTS, self._answers, strict=True):
                    yield Label(prompt, classes="prompt")
                    yield area
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Debrief"
        self.query_one("#no-referrals").display = False
        self._load()

    # -- loading --------------------------------------------------------------------------

    @work(group="debrief")
    async def _load(self) -> None:
        load = partial(
            load_debrief,
            self.store,
            self.interview_id,
            thank_you_hours=self.informa.settings.thank_you_hours,
        )
        try:
            loaded = await asyncio.wrap_future(self.submit(load))
        except InformaError as exc:
            self.notify(str(exc), title="Could not open the debrief", severity="error", timeout=10)
            await self.leave(None)
            return
        self._show(loaded)

    def _show(self, loaded: Debrief) -> None:
        interview = loaded.interview
        summary = loaded.summary
        self._interview = interview
        self.summary = summary
        self._candidates = loaded.candidates
        self.title = f"Debrief: {clean(interview.contact_name)}"
        if interview.ended_at is not None:
            ended = interview.ended_at.astimezone(self.informa.clock().tzinfo)
            self.sub_title = f"call of {ended:%a %d %b %H:%M}"
        else:
            self.sub_title = "call not ended"
        self.query_one("#facts", Static).update(self._facts(summary))
        self.query_one("#items", Static).update(self._items(summary))
        self._show_candidates(loaded.candidates)
        answers = parse_reflection(interview.debrief)
        for area, answer in zip(self._answers, answers, strict=True):
            area.load_text(answer)
            area.read_only = False
        self._saved_reflection = self.reflection
        self._loaded = True
        if self.focused is None:
            self._answers[0].focus()

    def _facts(self, summary: CallSummary) -> Text:
        now = self.informa.clock()
        text = Text()
        text.append(clean(summary.contact_name), style="bold")
        text.append(f" · {format_elapsed(summary.elapsed_seconds)} of {summary.target_minutes}:00")
        if summary.ended_at is not None:
            text.append(f" · ended {summary.ended_at.astimezone(now.tzinfo):%a %d %b %H:%M}")
        text.append(f"\n{summary.asked_text.capitalize()}")
        if summary.thank_you_due is not None:
            overdue = summary.thank_you_due < now
            text.append(
                f"\n{_due_text(summary.thank_you_due, now)}",
                style="bold red" if overdue else "bold",
            )
        elif summary.ended_at is not None:
            text.append("\nThank-you sent", style="green")
        return text

    @staticmethod
    def _items(summary: CallSummary) -> Text:
        text = Text()
        for tag, title in TAG_TITLES.items():
            lines = summary.items[tag]
            if text:
                text.append("\n")
            text.append(f"{title} ({len(lines)})", style="bold")
            if not lines:
                text.append(f"  none tagged ({tag.prefix.strip()})", style="dim")
            for line in lines:
                text.append("\n • ")
                text.append_text(plain(line.text))
                if line.question:
                    text.append_text(plain(f"  ← {line.question}", style="dim"))
        return text

    def _show_candidates(self, candidates: tuple[Candidate, ...]) -> None:
        referrals = self.referrals
        selections: list[Selection[int]] = []
        for index, candidate in enumerate(candidates):
            referral, existing = candidate.referral, candidate.existing
            label = Text(clean(referral.name), style="bold")
            if referral.company:
                label.append(f" · {clean(referral.company)}")
            if referral.note:
                label.append_text(plain(f" · {referral.note}", style="dim"))
            if existing is not None:
                label.append(f"  already a contact ({existing.stage.label})", style="italic green")
            selections.append(
                Selection(label, index, existing is None, disabled=existing is not None)
            )
        referrals.clear_options()
        referrals.add_options(selections)
        first = next((i for i, c in enumerate(candidates) if c.existing is None), None)
        referrals.highlighted = first  # space ticks at once
        referrals.display = bool(selections)
        empty = self.query_one("#no-referrals", Static)
        empty.display = not selections
        empty.update(
            plain(
                "No referrals in the notes. Did you ask who else to talk to? "
                "Lines like R: Jane Doe (Acme) show up here.",
                style="dim",
            )
        )

    # -- the thank-you ---------------------------------------------------------------------

    @work(group="dialog")
    async def action_thank_you(self) -> None:
        from informa.ui.thanks import draft_thank_you

        if not self._loaded or self._done:
            return
        self._save_reflection()  # what is typed so far is kept while the dialog is open
        if await draft_thank_you(self, self.interview_id) and self.summary is not None:
            sent = replace(self.summary, thank_you_due=None)
            self.summary = sent
            self.query_one("#facts", Static).update(self._facts(sent))

    # -- throwing it away -----------------------------------------------------------------

    @work(group="dialog")
    async def action_discard_call(self) -> None:
        from informa.ui.discard import confirm_discard, discarded

        interview = self._interview
        if not self._loaded or self._done or interview is None:
            return
        current = replace(interview, debrief=self.reflection)
        if not await confirm_discard(self, current, interview.notes) or self._done:
            return  # no, or closed meanwhile
        self._done = True  # the reflection goes with the call: nothing more to save
        self._stop_autosave()
        if not await discarded(self, self.interview_id):
            self._done = False
            return
        self.discarded = True
        await self.leave(None)

    # -- saving ---------------------------------------------------------------------------

    def action_save(self) -> None:
        if not self._loaded or self._done:
            return
        summary = self.summary
        assert summary is not None
        chosen = [self._candidates[i].referral for i in self.referrals.selected]
        self._finish(chosen, summary.contact_id)

    def action_close(self) -> None:
        if self._done or self.leaving:
            return
        if not self._loaded:
            self.dismiss(None)
            return
        waiting = sum(
            c.existing is None and i in self.referrals.selected
            for i, c in enumerate(self._candidates)
        )
        if waiting:
            self.notify(
                f"{waiting} referral{'s' * (waiting > 1)} not added yet: b on the pipeline "
                "opens this debrief again.",
                timeout=6,
            )
        self._finish([], None)

    def _finish(self, chosen: list[ReferralCandidate], referred_by: int | None) -> None:
        """Save the reflection and add the ``chosen`` referrals in one transaction, then
        close. Submitted at once, so that quitting right after still saves it."""
        self._done = True
        self._stop_autosave()
        reflection = self.reflection
        finish = partial(
            finish_debrief,
            self.store,
            self.interview_id,
            reflection,
            tuple(chosen),
            referred_by=referred_by,
        )
        self._await_finish(self.submit(finish), reflection)

    @work(group="debrief")
    async def _await_finish(self, future: Future[list[Contact]], reflection: str) -> None:
        try:
            added = await asyncio.wrap_future(future)
        except InformaError as exc:
            self._done = False
            self.notify(str(exc), title="Debrief not saved", severity="error", timeout=10)
            return
        self._saved_reflection = reflection
        if added:
            names = ", ".join(contact.name for contact in added)
            self.notify(f"Added to your prospects: {names}", markup=False)
        await self.leave(None)

    # -- the reflection saves itself ------------------------------------------------------

    @on(TextArea.Changed, ".reflect")
    def _reflection_changed(self) -> None:
        if not self._loaded or self._done:
            return
        self._stop_autosave()
        self._autosave = self.set_timer(AUTOSAVE_DELAY, self._save_reflection)

    def _stop_autosave(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None

    def _save_reflection(self) -> None:
        self._autosave = None
        reflection = self.reflection
        if self._done or reflection == self._saved_reflection:
            return
        store, interview_id = self.store, self.interview_id
        self._await_reflection(
            self.submit(lambda: store.interviews.save_debrief(interview_id, reflection)),
            reflection,
        )

    @work(group="debrief")
    async def _await_reflection(self, future: Future[Interview], reflection: str) -> None:
        try:
            await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title="Reflection not saved", severity="error", timeout=10)
            return
        self._saved_reflection = reflection

    def on_unmount(self) -> None:
        # Closed another way (ctrl+q): keep what was written.
        store = self.store
        if self._loaded and not self._done:
            reflection = self.reflection
            if reflection != self._saved_reflection:
                try:
                    interview_id = self.interview_id
                    self.submit(
                        lambda: store.interviews.save_debrief(interview_id, reflection)
                    ).result()
                except InformaError as exc:
                    self.app.notify(f"The debrief was not saved: {exc}", severity="error")
        self.close_writer()

    @on(SelectionList.SelectedChanged, "#referrals")
    def _selection_changed(self) -> None:
        count = len(self.referrals.selected)
        self.referrals.border_subtitle = (
            f"{count} ticked · {key_for(self, 'debrief_save')} adds them" if count else ""
        )
