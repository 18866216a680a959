"""The live call: the notes on the left; the clock, the question checklist and the pitch card
on the right. Under 120 columns the notes take the width, under a strip with the clock and
the question at the cursor; the side column comes back with the *Panel* key (the choice is
kept in the settings, ``call_panel``). Every command works without leaving the editor.

The screen is three layers, one module each:

- ``call_notes``: the notes, their saving and the keys that edit them (the editor's side of
  a :class:`~informa.actions.notes.NotesSession`);
- ``call_progress``: the clock, the question checklist and the recording consent;
- here: the keys, the help and the layout, opening the call (``informa.actions.call``), the
  pitch card, referrals, and leaving or ending the call.

Every write goes through the screen's writer thread, in the order the user acted
(``call_notes`` says more).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future
from functools import partial
from time import monotonic
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Select, Static

from informa.actions.call import CallWorkspace, end_call, open_call
from informa.actions.notes import Conflict, Saved
from informa.domain.errors import InformaError
from informa.domain.model import Consent, Contact, ContactDraft, Interview, Source
from informa.domain.notes import format_elapsed
from informa.ui.dialogs.referral import Referral, ReferralDialog, referral_line
from informa.ui.keys import KeyHelp, bindings
from informa.ui.screens.breakpoints import set_breakpoint_classes
from informa.ui.screens.call_progress import CallProgress
from informa.ui.text import clean
from informa.ui.widgets.call_strip import CallStrip
from informa.ui.widgets.call_timer import CallTimer
from informa.ui.widgets.checklist import Checklist, topic_titles
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.pitch_card import PitchCardView
from informa.ui.widgets.title_bar import TitleBar

CALL_HELP = """
## Call

Type notes on the left; everything else works without leaving them. Under 120 columns the
notes take the width, under the clock and the question at the cursor; *Panel* shows the
checklist, the recording consent and the pitch card beside them (and hides them again).
"""

CALL_HELP_END = """
Notes save as you type (within half a second, pause or not), and whenever you act on the
checklist or leave. If they cannot be saved (a full disk), they stay here and are tried
again as you type; *Save a copy* writes them to a file.
"""

CONSENT_CHOICES: tuple[tuple[str, Consent], ...] = (
    ("Recording: not asked", Consent.NOT_ASKED),
    ("Recording: yes", Consent.YES),
    ("Recording: no", Consent.NO),
)

_CALL_ACTIONS = frozenset(
    {
        "ask",
        "skip",
        "next_question",
        "previous_question",
        "tag",
        "cycle_tag",
        "stamp_time",
        "pause",
        "toggle_pitch",
        "toggle_panel",
        "referral",
        "end_call",
        "discard_call",
        "open_editor",
        "leave",
    }
)


# --- the screen ----------------------------------------------------------------------------


class CallScreen(CallProgress):
    """The live call of interview ``interview_id``: starts it if needed, resumes it if not.

    Dismissed with ``True`` once the user has ended the call (for the debrief to follow)."""

    HELP = KeyHelp(CALL_HELP, "call", outro=CALL_HELP_END)
    WRITER_NAME = "informa-call"
    AUTO_FOCUS = "#notes"

    # Priority (in the table): the notes editor keeps focus and binds some of these keys
    # itself (f6 selects the line, f7 everything).
    BINDINGS: ClassVar[list[BindingType]] = bindings("call")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012

    # One grid on the screen itself, no nested containers around the editor: every frame
    # that redraws it also visits each container around it (and the message each keystroke
    # posts climbs through them), so the notes sit one level under the screen.
    DEFAULT_CSS = """
    CallScreen {
        layout: grid;
        grid-size: 2 2;
        grid-columns: 1fr 46;
        grid-rows: 1fr 1;
    }
    CallScreen #notes {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    CallScreen #notes:focus {
        border: round $primary;
    }
    CallScreen > CallStrip { display: none; }
    /* Under 120 columns: the notes take the width, under the strip (the clock, the
       question); with the panel (-side), the side column comes back, narrower. */
    CallScreen.-narrow {
        grid-size: 1 3;
        grid-columns: 1fr;
        grid-rows: auto 1fr 1;
    }
    CallScreen.-narrow > CallStrip { display: block; }
    CallScreen.-narrow > #call-side { display: none; }
    CallScreen.-narrow.-side {
        grid-size: 2 2;
        grid-columns: 1fr 38;
        grid-rows: 1fr 1;
    }
    CallScreen.-narrow.-side > CallStrip { display: none; }
    CallScreen.-narrow.-side > #call-side { display: block; }
    CallScreen.-narrow #pitch { max-height: 40%; }  /* the question under it stays in view */
    CallScreen #save-status {
        width: 1fr;
        height: 1;
        padding: 0 2;
        color: $text-muted;
    }
    CallScreen #save-status.-saving { color: $text-warning; }
    CallScreen #save-status.-error { color: $text-error; text-style: bold; }
    CallScreen #call-side {
        row-span: 2;
    }
    CallScreen #consent {
        width: 1fr;
        margin: 0 1;
    }
    CallScreen #pitch { display: none; }
    CallScreen #pitch.-shown { display: block; }
    CallScreen #checklist {
        width: 100%;  /* 1fr would give way to the select's margin */
    }
    """

    def __init__(self, interview_id: int) -> None:
        super().__init__(interview_id)
        self._companies: list[str] = []
        self._ending = False
        self.discarded = False
        """The call was thrown away (the pipeline lands on its contact)."""

    # -- typed accessors ----------------------------------------------------------------

    @property
    def pitch_card(self) -> PitchCardView:
        return self.query_one(PitchCardView)

    def compose(self) -> ComposeResult:
        # The grid: the notes (top left), the side column (right, both rows), the save
        # status (under the notes). The header and footer are docked, outside it. Under
        # 120 columns: the strip, the notes and the status, one column.
        set_breakpoint_classes(self)
        self.set_class(self.informa.settings.call_panel == "side", "-side", update=False)
        yield TitleBar()
        yield CallStrip(id="call-strip")
        yield self.editor
        with Vertical(id="call-side"):
            yield Select(
                CONSENT_CHOICES,
                value=Consent.NOT_ASKED,
                allow_blank=False,
                compact=True,
                id="consent",
            )
            yield CallTimer(id="call-timer")
            yield Checklist(id="checklist")
            yield PitchCardView(id="pitch")
        yield Static("loading…", id="save-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.editor.focus()
        self._await_load(self.submit(partial(open_call, self.store, self.interview_id)))
        self.set_interval(1, self._clock_tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_panel" and not self.has_class("-narrow"):
            return False  # wide enough for the side column: not offered
        if action in _CALL_ACTIONS and (not self._loaded or self._ending):
            return None  # shown dimmed until the call is loaded, and while it ends
        return True

    # -- loading --------------------------------------------------------------------------

    @work(group="call")
    async def _await_load(self, future: Future[CallWorkspace]) -> None:
        try:
            loaded = await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title="Could not open the call", severity="error", timeout=10)
            await self.leave(False)
            return
        self._show_loaded(loaded)

    def _show_loaded(self, loaded: CallWorkspace) -> None:
        if self.closing:
            return
        self.informa.freeze_memory()  # the notes are in: no full collection while typing
        interview = loaded.interview
        self.interview = interview
        self._questions = list(interview.questions)
        self._companies = list(loaded.companies)
        self.title = clean(interview.contact_name)
        self.sub_title = f"call · {interview.target_minutes} min"
        self._show_notes(interview.notes, interview.notes_revision)
        self.checklist.show(self._questions, topic_titles(self._questions, self.informa.banks))
        self.consent.value = interview.recording_consent
        self.pitch_card.show_card(loaded.pitch)
        self._loaded = True
        self._tick()
        self._show_status()
        self.refresh_bindings()
        if interview.ended_at is not None:
            self.notify("This call has ended; changes to the notes are still saved.")
        elif loaded.resumed:
            paused = " (the clock is paused)" if interview.is_paused else ""
            self.notify(f"Resumed the call at {format_elapsed(self._elapsed())}{paused}")

    # -- the pitch card -------------------------------------------------------------------

    def action_toggle_pitch(self) -> None:
        card = self.pitch_card
        if self.has_class("-narrow") and not self.has_class("-side"):
            card.add_class("-shown")  # the card is in the side panel: show both
            self.action_toggle_panel()
            return
        card.toggle_class("-shown")

    # -- the side panel (under 120 columns) -----------------------------------------------

    @property
    def panel_shown(self) -> bool:
        """The checklist, the consent and the pitch card are in view."""
        return not self.has_class("-narrow") or self.has_class("-side")

    def action_toggle_panel(self) -> None:
        side = not self.has_class("-side")
        self.set_class(side, "-side")
        self.informa.remember_call_panel("side" if side else "strip")

    def on_resize(self) -> None:
        self.refresh_bindings()  # the panel's key is offered under 120 columns only

    # -- referrals ------------------------------------------------------------------------

    @work(group="dialog")
    async def action_referral(self) -> None:
        interview = self.interview
        if not self._loaded or interview is None:
            return
        referral = await self.app.push_screen_wait(
            ReferralDialog(contact_name=interview.contact_name, companies=self._companies)
        )
        if referral is not None:
            self._add_referral(referral, interview.contact_id)

    def _add_referral(self, referral: Referral, referred_by: int) -> None:
        draft = ContactDraft(
            name=referral.name,
            role=referral.role,
            company=referral.company,
            source=Source.REFERRAL,
            referred_by_id=referred_by,
            notes=referral.note,
        )
        self._await_referral(self.submit(partial(self.store.contacts.create, draft)), referral)

    @work(group="call")
    async def _await_referral(self, future: Future[Contact], referral: Referral) -> None:
        try:
            contact = await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title="Referral not added", severity="error", timeout=10)
            return
        if self.closing:  # the contact is saved; the notes closed without its line
            self.notify(f"Added {contact.name} to your prospects")
            return
        if contact.company_name and contact.company_name not in self._companies:
            self._companies.append(contact.company_name)
        self.editor.insert_line(referral_line(contact.name, contact.company_name, referral.note))
        self.notify(f"Added {contact.name} to your prospects")
        self._flush()

    # -- leaving --------------------------------------------------------------------------

    def action_leave(self) -> None:
        if self.leaving:
            return
        self.notify("The call stays open: open it again to resume.")
        self.dismiss(False)  # closing saves the notes

    def action_end_call(self) -> None:
        if not self._loaded or self._ending or self.interview is None:
            return
        if self.interview.ended_at is not None:
            if not self.leaving:
                self.dismiss(False)  # ended before: nothing to end again (closing saves it)
            return
        self._ending = True
        self.refresh_bindings()
        self._stop_timers()
        text = self.editor.text
        self._await_end(self.submit(partial(end_call, self.store, self._notes, text)), text)

    @work(group="dialog")
    async def action_discard_call(self) -> None:
        from informa.ui.discard import confirm_discard, discarded

        interview = self.interview
        if not self._loaded or self._ending or interview is None:
            return
        if not await confirm_discard(self, interview, self.editor.text) or self._ending:
            return
        self._ending = True
        self._loaded = False  # the notes go with the call: nothing more to save
        self._stop_timers()
        self.refresh_bindings()
        if not await discarded(self, interview.id):
            self._ending, self._loaded = False, True
            self.refresh_bindings()
            return
        self.discarded = True
        await self.leave(False)

    @work(group="call")
    async def _await_end(self, future: Future[Interview | Conflict], text: str) -> None:
        try:
            outcome = await asyncio.wrap_future(future)
        except InformaError as exc:
            self._ending = False
            self.refresh_bindings()
            self.notify(str(exc), title="The call was not ended", severity="error", timeout=10)
            return
        if isinstance(outcome, Conflict):
            self._ending = False
            self.refresh_bindings()
            self._take_in(outcome)
            self.notify("Check the notes, then end the call again.", severity="warning")
            return
        self.interview = outcome
        self._notes.saved(Saved(text), text, monotonic())
        ended_at = outcome.ended_at or self.informa.clock()
        self.notify(
            f"Call with {outcome.contact_name} ended after "
            f"{format_elapsed(outcome.elapsed_seconds(ended_at))}"
        )
        await self.leave(True)  # closes a dialog or the palette opened meanwhile
