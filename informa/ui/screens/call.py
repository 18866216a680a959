"""The live call: the notes on the left; the clock, the question checklist and the pitch card
on the right. Every command works without leaving the editor.

Notes are never lost, and typing never waits on the disk:

- the text is saved off the UI thread after a moment of quiet (``AUTOSAVE_DELAY``), and
  while typing goes on at most ``AUTOSAVE_MAX_WAIT`` after its first unsaved change.
  Checklist actions, a dialog or palette on top, and ending the call save at once;
  closing the screen (ctrl+q included) saves what is left before the app lets go of the
  database.
- if another informa saved these notes meanwhile, both versions are kept: what is stored,
  a separator line, then this editor's text, saved together.
- any other failure shows "not saved: …" under the notes and retries on the next change.

Every write of the call goes through one writer thread, in the order the user acted: a
quick pause-resume, skip-unskip or two saves in a row can never land the wrong way round.
Textual workers await it, so the results come back on the UI thread.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import BindingType
from textual.containers import Vertical
from textual.document._wrapped_document import WrappedDocument
from textual.timer import Timer
from textual.widgets import Select, Static, TextArea

from informa.domain.errors import InformaError
from informa.domain.model import (
    Consent,
    Contact,
    ContactDraft,
    Interview,
    PitchCard,
    PlannedQuestion,
    Source,
)
from informa.domain.notes import Tag, format_elapsed, heading, tag_of, toggle_tag
from informa.ui.dialogs.referral import Referral, ReferralDialog, referral_line
from informa.ui.keys import KeyHelp, bindings
from informa.ui.screens.base import WorkspaceScreen
from informa.ui.text import clean, plain
from informa.ui.widgets.call_timer import CallTimer
from informa.ui.widgets.checklist import Checklist, topic_titles
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.pitch_card import PitchCardView
from informa.ui.widgets.safe import SafeTextArea
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.actions.handle import Store


AUTOSAVE_DELAY = 0.3
"""Seconds of quiet after a change before the notes are saved."""
AUTOSAVE_MAX_WAIT = 0.5
"""Seconds a change waits at most, typing or not: with the save itself (a few ms), every
character is on disk within a second of being typed, whatever happens next."""
SEPARATOR = "----- your version (not saved elsewhere) -----"
TYPING_PAUSE = 0.15
"""Seconds after a change during which the notes count as being typed. Meanwhile the clock's
tick and a "saved" that the next key would take back at once wait for that key's frame (or
this long): a frame of their own, drawn just before a key, holds the key's frame back by up
to a frame period (Textual draws at most 60 frames a second)."""
GC_AHEAD = 8
"""Typing leaves garbage only a full collection frees (Textual's rendered lines hold
themselves in their caches). Python runs one every ~20 keys, inside whatever it interrupts:
10-40 ms added to that key's frame. Once this many of the 10 young collections that lead up
to one have run, the call runs it itself, just after a key's frame is out."""

CALL_HELP = """
## Call

Type notes on the left; everything else works without leaving them.
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
        "referral",
        "end_call",
        "open_editor",
        "leave",
    }
)


def keep_both(stored: str, yours: str) -> str:
    """The notes after a conflict: what is stored, the separator line, then this editor's."""
    head = stored if not stored or stored.endswith("\n") else f"{stored}\n"
    return f"{head}{SEPARATOR}\n{yours}"


# --- what the writer thread hands back -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Loaded:
    interview: Interview
    pitch: PitchCard
    companies: list[str]
    resumed: bool


@dataclass(frozen=True, slots=True)
class _Stored:
    """The notes as they now are in the database."""

    text: str


@dataclass(frozen=True, slots=True)
class _Conflict:
    """Another informa saved these notes since this editor last did."""

    stored: str
    revision: int


def _conflict_of(exc: InformaError) -> _Conflict | None:
    """The store's ``NotesConflictError`` as a value (the ui package does not import the
    store; the error carries the stored text and its revision)."""
    stored, revision = getattr(exc, "stored", None), getattr(exc, "revision", None)
    if isinstance(stored, str) and isinstance(revision, int):
        return _Conflict(stored, revision)
    return None


class _NotesLayout(WrappedDocument):
    """Textual's soft-wrapped document with a height that costs nothing to ask for.

    Textual's own ``height`` sums the wrap offsets of every line of the notes, and the editor
    asks for it once per row it draws: 280 lines × 35 rows on every keystroke for a 20 KB
    note (half a millisecond, more as the notes grow). It is the number of rows the document
    maps, which the wrapped document keeps anyway (tests/ui/test_call.py checks the two
    agree)."""

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)


class NotesArea(SafeTextArea):
    """The call notes editor. Its own f6 (select line) and f7 (select all) give way to the
    call's tag keys; its wrapped document is a ``_NotesLayout``."""

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._notes_layout

    @wrapped_document.setter
    def wrapped_document(self, document: WrappedDocument) -> None:
        # TextArea makes a new one for each text it loads.
        if type(document) is WrappedDocument:
            document.__class__ = _NotesLayout
        self._notes_layout = document

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("select_line", "select_all"):
            return False
        return super().check_action(action, parameters)

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        # Posted on every keystroke (the caret moves) and wanted by nobody above: it stops
        # here rather than being handed up through the screen to the app.
        event.stop()


# --- the screen ----------------------------------------------------------------------------


class CallScreen(WorkspaceScreen[bool]):
    """The live call of interview ``interview_id``: starts it if needed, resumes it if not.

    Dismissed with ``True`` once the user has ended the call (for the debrief to follow)."""

    HELP = KeyHelp(CALL_HELP, "call", outro=CALL_HELP_END)
    autosave_delay = AUTOSAVE_DELAY
    autosave_max_wait = AUTOSAVE_MAX_WAIT
    WRITER_NAME = "informa-call"
    AUTO_FOCUS = "#notes"

    # Priority (in the table): the notes editor keeps focus and binds some of these keys
    # itself (f6 selects the line, f7 everything).
    BINDINGS: ClassVar[list[BindingType]] = bindings("call")

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
        super().__init__(id="call")
        self.interview_id = interview_id
        self.interview: Interview | None = None
        """The interview as last loaded or changed (its notes field is not kept current)."""
        self._questions: list[PlannedQuestion] = []
        self._companies: list[str] = []
        self._loaded = False
        self._ending = False
        self._debounce: Timer | None = None
        self._changed_at = 0.0
        """When the notes last changed (``time.monotonic``), for the debounce."""
        self._deferred: set[str] = set()
        """What waits for the next keystroke's frame (``_defer``)."""
        self._deferred_timer: Timer | None = None
        self._collecting = False
        self._status_shown: tuple[str, str] | None = None
        self._deadline: Timer | None = None
        """Saves the notes ``autosave_max_wait`` after the first unsaved change, even while
        typing goes on (the debounce alone would wait for a pause)."""
        self._saved_text = ""
        """What the database holds, as far as the UI thread knows."""
        self._save_error: str | None = None
        # Owned by the writer thread once the call is loaded:
        self._revision = 0
        self._stored_text = ""
        self._conflict: _Conflict | None = None
        # Kept as an attribute: closing the screen saves its text after the widgets are gone.
        self._editor = NotesArea(id="notes", soft_wrap=True, read_only=True)
        self._editor.border_title = "Notes"
        self._taken_in: _Conflict | None = None
        """The last conflict the editor took in."""

    # -- typed accessors ----------------------------------------------------------------

    @property
    def editor(self) -> TextArea:
        return self._editor

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    @property
    def timer(self) -> CallTimer:
        return self.query_one(CallTimer)

    @property
    def pitch_card(self) -> PitchCardView:
        return self.query_one(PitchCardView)

    @property
    def status(self) -> Static:
        return self.query_one("#save-status", Static)

    @property
    def consent(self) -> Select[Consent]:
        return self.query_one("#consent", Select)

    @property
    def closing(self) -> bool:
        """Popped, or the app is quitting: the widgets may be gone already, and
        ``on_unmount`` saves what is left. Results that come back now are not shown."""
        return not self.app.is_running or self not in self.app.screen_stack

    def compose(self) -> ComposeResult:
        # The grid: the notes (top left), the side column (right, both rows), the save
        # status (under the notes). The header and footer are docked, outside it.
        yield TitleBar()
        yield self._editor
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
        store = self.store
        self._await_load(self.submit(partial(self._load, store)))
        self.set_interval(1, self._clock_tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _CALL_ACTIONS and (not self._loaded or self._ending):
            return None  # shown dimmed until the call is loaded, and while it ends
        return True

    # -- loading --------------------------------------------------------------------------

    def _load(self, store: Store) -> _Loaded:
        """On the writer thread: read the call, starting it if it has not started yet."""
        interviews = store.interviews
        interview = interviews.get(self.interview_id)
        resumed = interview.started_at is not None and interview.ended_at is None
        if interview.started_at is None and interview.ended_at is None:
            interview = interviews.start(self.interview_id)
        pitch = store.profile.pitch()
        companies = [company.name for company in store.companies.all()]
        self._revision, self._stored_text = interview.notes_revision, interview.notes
        return _Loaded(interview, pitch, companies, resumed)

    @work(group="call")
    async def _await_load(self, future: Future[_Loaded]) -> None:
        try:
            loaded = await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title="Could not open the call", severity="error", timeout=10)
            await self.leave(False)
            return
        self._show_loaded(loaded)

    def _show_loaded(self, loaded: _Loaded) -> None:
        if self.closing:
            return
        self.informa.freeze_memory()  # the notes are in: no full collection while typing
        interview = loaded.interview
        self.interview = interview
        self._questions = list(interview.questions)
        self._companies = loaded.companies
        self.title = clean(interview.contact_name)
        self.sub_title = f"call · {interview.target_minutes} min"
        self._saved_text = interview.notes
        editor = self.editor
        editor.load_text(interview.notes)
        editor.read_only = False
        editor.move_cursor(editor.document.end)  # carry on where the notes end
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

    # -- the writer thread ----------------------------------------------------------------

    def _write(self, job: Callable[[], object], *, failed: str) -> None:
        """Run ``job`` on the writer thread; on failure say ``failed`` and reload."""
        self._await_write(self.submit(job), failed)

    @work(group="call")
    async def _await_write(self, future: Future[object], failed: str) -> None:
        try:
            await asyncio.wrap_future(future)
        except InformaError as exc:
            self.notify(str(exc), title=failed, severity="error", timeout=10)
            self._await_reload(self.submit(partial(self.store.interviews.get, self.interview_id)))

    @work(group="call")
    async def _await_reload(self, future: Future[Interview]) -> None:
        """Show the plan and the clock as stored (after a failed write)."""
        try:
            interview = await asyncio.wrap_future(future)
        except InformaError:
            return  # already reported
        if self.closing:
            return
        self.interview = interview
        self._questions = list(interview.questions)
        self.checklist.show(self._questions)
        self._tick()

    def _save_notes(self, store: Store, text: str, *, merge: bool = False) -> _Stored | _Conflict:
        """On the writer thread: save ``text`` over what this screen last saved.

        If another informa saved in between, ``merge`` saves both versions at once (for a
        screen that is closing); otherwise the conflict is returned for the editor to take
        in, and saves wait until it has (``_resolve``).
        """
        base = self._revision
        if self._conflict is not None:
            if not merge:
                return self._conflict
            text, base = keep_both(self._conflict.stored, text), self._conflict.revision
            self._conflict = None
        if text == self._stored_text:
            return _Stored(text)
        try:
            revision = store.interviews.save_notes(self.interview_id, text, base_revision=base)
        except InformaError as exc:
            conflict = _conflict_of(exc)
            if conflict is None:
                raise
            if not merge:
                self._conflict = conflict
                return conflict
            text = keep_both(conflict.stored, text)
            revision = store.interviews.save_notes(
                self.interview_id, text, base_revision=conflict.revision
            )
        self._revision, self._stored_text = revision, text
        return _Stored(text)

    def _resolve(self, conflict: _Conflict) -> None:
        """On the writer thread: the editor now holds both versions; save over theirs."""
        if self._conflict is conflict:
            self._conflict = None
            self._revision, self._stored_text = conflict.revision, conflict.stored

    # -- saving the notes -----------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()  # handled: the app has nothing to do with it
        if not self._loaded:
            return
        changed = self.editor.text != self._saved_text
        if changed:
            self._changed_at = monotonic()
            if self._deadline is None:
                self._deadline = self.set_timer(self.autosave_max_wait, self._autosave)
            if self._debounce is None:
                self._debounce = self.set_timer(self.autosave_delay, self._quiet)
        else:
            self._stop_debounce()
        self._show_status(saving=changed)
        if self._deferred:
            self._draw_deferred()  # in this key's frame
        self._collect_soon()

    def _quiet(self) -> None:
        """The debounce: saves once the notes have had ``autosave_delay`` of quiet. A key
        does not restart the timer (that is a new timer for every key); the timer, when it
        fires, waits again for what is left of the quiet since the last change."""
        self._debounce = None
        left = self._changed_at + self.autosave_delay - monotonic()
        if left > 0.005:
            self._debounce = self.set_timer(left, self._quiet)
        else:
            self._autosave()

    def _autosave(self) -> None:
        self._flush(autosave=True)

    def _stop_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def _stop_timers(self) -> None:
        self._stop_debounce()
        if self._deadline is not None:
            self._deadline.stop()
            self._deadline = None

    def _flush(self, resolving: _Conflict | None = None, *, autosave: bool = False) -> None:
        """Save the notes now (off the UI thread) if they changed. An ``autosave`` (not an
        action's) says "saved" when the typing pauses (``TYPING_PAUSE``)."""
        self._stop_timers()
        if not self._loaded or self.closing:
            return
        text = self.editor.text
        if resolving is None and text == self._saved_text:
            self._save_error = None  # back to what is stored (an undo, say)
            self._show_status()
            return
        store = self.store
        if resolving is not None:
            self.submit(partial(self._resolve, resolving))
        self._await_save(self.submit(partial(self._save_notes, store, text)), autosave=autosave)
        self._show_status(saving=True)

    @work(group="autosave")
    async def _await_save(
        self, future: Future[_Stored | _Conflict], *, autosave: bool = False
    ) -> None:
        try:
            outcome = await asyncio.wrap_future(future)
        except InformaError as exc:
            if self._save_error is None:
                self.notify(
                    f"{exc}. Your notes are still here in the editor and are tried again as "
                    "you type; ctrl+s saves a copy to a file.",
                    title="Notes not saved",
                    severity="error",
                    timeout=30,
                    markup=False,
                )
            self._save_error = str(exc)
            self._show_status()
            return
        if self.closing:
            return
        if isinstance(outcome, _Conflict):
            self._take_in(outcome)
            return
        self._saved_text, self._save_error = outcome.text, None
        if self._debounce is None and self.editor.text != self._saved_text:
            # Changed back while this save was on its way (an undo): save again.
            self._debounce = self.set_timer(self.autosave_delay, self._flush)
        if autosave and self._status() != self._status_shown and self._defer("status"):
            return  # typing goes on: the next key would say "saving…" again at once
        self._show_status()

    def _take_in(self, conflict: _Conflict) -> None:
        """Put the other version above this one, as an edit (ctrl+z takes it out again)."""
        if self.closing or not self._conflict_shown(conflict):
            return
        self._edit(lambda area: area.insert(keep_both(conflict.stored, ""), (0, 0)))
        self.notify(
            "These notes were changed elsewhere (another informa?). Both versions are kept: "
            "theirs at the top, yours under the separator line.",
            title="Notes",
            severity="warning",
            timeout=15,
        )
        self._flush(resolving=conflict)

    def _conflict_shown(self, conflict: _Conflict) -> bool:
        """True the first time the UI meets this conflict (saves queued behind the one that
        found it report the same one)."""
        if self._taken_in is conflict:
            return False
        self._taken_in = conflict
        return True

    def _status(self, *, saving: bool | None = None) -> tuple[str, str]:
        """The save status and its class: "saved", "saving…" (``saving``; by default: when
        the editor differs from what is stored), or "not saved: why" until a save succeeds."""
        if saving is None:
            saving = self.editor.text != self._saved_text
        if self._save_error is not None:
            return f"not saved: {self._save_error}", "-error"
        if saving:
            return "saving…", "-saving"
        return "saved", ""

    def _show_status(self, *, saving: bool | None = None) -> None:
        if not self._loaded or self.closing:
            return
        text, state = self._status(saving=saving)
        if (text, state) == self._status_shown:
            return  # every keystroke asks; only a change is drawn
        self._status_shown = (text, state)
        status = self.status
        status.update(plain(text), layout=False)  # one line, always: no layout on the key path
        status.set_class(state == "-error", "-error")
        status.set_class(state == "-saving", "-saving")

    # -- drawing between keystrokes -------------------------------------------------------

    def _defer(self, what: str) -> bool:
        """While typing goes on, keep ``what`` ("clock", "status") for the next key's frame
        or ``TYPING_PAUSE``, whichever comes first. False when nobody is typing."""
        if monotonic() - self._changed_at >= TYPING_PAUSE:
            return False
        self._deferred.add(what)
        if self._deferred_timer is None:
            self._deferred_timer = self.set_timer(TYPING_PAUSE, self._typing_paused)
        return True

    def _typing_paused(self) -> None:
        self._deferred_timer = None
        self._draw_deferred()

    def _draw_deferred(self) -> None:
        if self._deferred_timer is not None:
            self._deferred_timer.stop()
            self._deferred_timer = None
        deferred, self._deferred = self._deferred, set()
        if "clock" in deferred:
            self._tick()
        if "status" in deferred:
            self._show_status()

    def _collect_soon(self) -> None:
        """Run the full collection Python is about to run (``GC_AHEAD``) between two keys:
        once this key's frame is written, rather than in the middle of a later one's."""
        if self._collecting or not gc.isenabled() or gc.get_count()[2] < GC_AHEAD:
            return
        self._collecting = True
        # After the frame is handed to the output thread, and a moment for it to write the
        # frame out (a collection holds the interpreter: that thread would wait for it).
        self.call_after_refresh(self.set_timer, 0.005, self._collect)

    def _collect(self) -> None:
        self._collecting = False
        gc.collect()

    def on_screen_suspend(self) -> None:
        self._flush()  # a dialog or the palette on top: save what is typed so far

    def on_unmount(self) -> None:
        # Also runs when the app quits (ctrl+q), before it closes the database: save what the
        # autosave has not, on the writer thread behind anything still queued, and wait.
        self._stop_timers()
        store = self.store
        if self._loaded:
            text = self.editor.text
            try:
                self.submit(partial(self._save_notes, store, text, merge=True)).result()
            except InformaError as exc:
                self.app.notify(
                    f"The call notes were not saved: {exc}", severity="error", timeout=30
                )
        self.close_writer()

    # -- the clock ------------------------------------------------------------------------

    def _elapsed(self, now: datetime | None = None) -> int:
        if self.interview is None:
            return 0
        return self.interview.elapsed_seconds(now or self.informa.clock())

    def _clock_tick(self) -> None:
        if not self._defer("clock"):  # while typing: with the next key's frame
            self._tick()

    def _tick(self) -> None:
        interview = self.interview
        if interview is None or self.closing:
            return
        questions = self._questions
        self.timer.show_time(
            elapsed=self._elapsed(),
            target_minutes=interview.target_minutes,
            planned=len(questions),
            asked=sum(q.asked_at is not None for q in questions),
            skipped=sum(q.skipped for q in questions),
            paused=interview.is_paused,
        )

    def action_pause(self) -> None:
        interview = self.interview
        if interview is None or interview.ended_at is not None:
            return
        now, store, interview_id = self.informa.clock(), self.store, self.interview_id
        if interview.is_paused:
            assert interview.paused_at is not None
            paused = max(int((now - interview.paused_at).total_seconds()), 0)
            self.interview = replace(
                interview, paused_at=None, paused_seconds=interview.paused_seconds + paused
            )
            self._write(lambda: store.interviews.resume(interview_id, at=now), failed="Not resumed")
            self.notify(f"Resumed at {format_elapsed(self._elapsed(now))}")
        else:
            self.interview = replace(interview, paused_at=now)
            self._write(lambda: store.interviews.pause(interview_id, at=now), failed="Not paused")
            self.notify(f"Paused at {format_elapsed(self._elapsed(now))}")
        self._tick()

    def action_stamp_time(self) -> None:
        if not self._loaded:
            return
        stamp = f"[{format_elapsed(self._elapsed())}] "
        start, end = self.editor.selection
        self._edit(lambda area: area.replace(stamp, start, end, maintain_selection_offset=False))

    # -- the checklist --------------------------------------------------------------------

    def _at_cursor(self) -> PlannedQuestion | None:
        if not self._loaded:
            return None
        question = self.checklist.current
        if question is None:
            self.notify("No questions planned for this call.", severity="warning")
        return question

    def _changed_question(self, question: PlannedQuestion) -> None:
        self._questions = [question if q.id == question.id else q for q in self._questions]
        self.checklist.show(self._questions)
        self._tick()

    def action_next_question(self) -> None:
        self.checklist.move(1)

    def action_previous_question(self) -> None:
        self.checklist.move(-1)

    def action_ask(self) -> None:
        question = self._at_cursor()
        if question is None:
            return
        now = self.informa.clock()
        self._insert_line(heading(question.text, self._elapsed(now)), then_blank=True)
        if question.asked_at is None:
            self._changed_question(replace(question, asked_at=now, skipped=False))
            store, planned_id = self.store, question.id
            self._write(
                lambda: store.interviews.mark_asked(planned_id, at=now),
                failed="Not marked asked",
            )
        self.checklist.next_pending(question.id)
        self._flush()

    def action_skip(self) -> None:
        question = self._at_cursor()
        if question is None:
            return
        skipped = not question.skipped
        self._changed_question(
            replace(question, skipped=skipped, asked_at=None if skipped else question.asked_at)
        )
        store, planned_id = self.store, question.id
        self._write(
            lambda: store.interviews.skip(planned_id, skipped),
            failed="Not skipped" if skipped else "Not un-skipped",
        )
        if skipped:
            self.checklist.next_pending(question.id)
        self._flush()

    # -- editing the notes ----------------------------------------------------------------

    def _edit(self, change: Callable[[TextArea], object]) -> None:
        """Make a programmatic change its own undo step (not merged with typing around it)."""
        area = self.editor
        area.history.checkpoint()
        change(area)
        area.history.checkpoint()

    def _retag(self, change: Callable[[str], str]) -> None:
        if not self._loaded:
            return
        area = self.editor
        row, column = area.cursor_location
        old = area.document.get_line(row)
        new = change(old)
        if new == old:
            self.notify("Tag the lines under a question, not its heading.", severity="warning")
            return
        self._edit(
            lambda area: area.replace(
                new, (row, 0), (row, len(old)), maintain_selection_offset=False
            )
        )
        area.move_cursor((row, min(max(column + len(new) - len(old), 0), len(new))))

    def action_tag(self, tag: str) -> None:
        self._retag(lambda line: toggle_tag(line, Tag(tag)))

    def action_cycle_tag(self) -> None:
        order: list[Tag | None] = [None, *Tag]

        def following(line: str) -> str:
            current = tag_of(line)
            after = order[(order.index(current) + 1) % len(order)]
            # Back to none: toggling the current tag takes it off.
            return toggle_tag(line, after or current or Tag.ADVICE)

        self._retag(following)

    def _insert_line(self, line: str, *, then_blank: bool = False) -> None:
        """``line`` on a line of its own after the cursor's line (on it, when blank); with
        ``then_blank`` an empty line under it for the answer, where the cursor goes."""
        area = self.editor
        row, _ = area.cursor_location
        current = area.document.get_line(row)
        text = f"{line}\n" if then_blank else line
        if current.strip():
            self._edit(
                lambda area: area.insert(
                    f"\n{text}", (row, len(current)), maintain_selection_offset=False
                )
            )
        else:
            self._edit(
                lambda area: area.replace(
                    text, (row, 0), (row, len(current)), maintain_selection_offset=False
                )
            )

    def action_save_copy(self) -> None:
        """The notes as they are in the editor, to a file of their own: owner-only, in the
        export folder (Downloads or home), else the temporary folder."""
        import tempfile

        from informa.interchange.files import write_private
        from informa.paths import export_dir

        text = self.editor.text
        stamp = self.informa.clock().strftime("%Y%m%d-%H%M%S")
        name = f"informa-call-{self.interview_id}-{stamp}.md"
        problems: list[str] = []
        for folder in (export_dir(), Path(tempfile.gettempdir())):
            target = folder / name
            try:
                write_private(target, text)
            except InformaError as exc:
                problems.append(str(exc))
                continue
            self.notify(f"Saved a copy of the notes to {target}", title="Notes", markup=False)
            return
        self.notify(
            "Could not save a copy: " + "; ".join(problems),
            title="Notes",
            severity="error",
            timeout=30,
            markup=False,
        )

    def action_open_editor(self) -> None:
        if not self._loaded:
            return
        area = self.editor
        launch = self.informa.editor
        if launch is None:
            from informa.editor import launch_editor

            launch = launch_editor
        self._flush()
        try:
            with self.app.suspend():
                edited = launch(area.text, ".md")
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot hand over to an editor.", title="Editor", severity="warning"
            )
            return
        except InformaError as exc:
            self.notify(str(exc), title="Editor", severity="warning")
            return
        if edited != area.text:
            # An edit, not load_text: ctrl+z brings back what was there before.
            self._edit(
                lambda area: area.replace(
                    edited, (0, 0), area.document.end, maintain_selection_offset=False
                )
            )
            self._flush()
        area.focus()

    # -- the rest of the right column -----------------------------------------------------

    def action_toggle_pitch(self) -> None:
        self.pitch_card.toggle_class("-shown")

    @on(Select.Changed, "#consent")
    def _consent_changed(self, event: Select.Changed) -> None:
        interview = self.interview
        consent = event.value
        if interview is None or not isinstance(consent, Consent):
            return
        if consent is not interview.recording_consent:
            self.interview = replace(interview, recording_consent=consent)
            store, interview_id = self.store, self.interview_id
            self._write(
                lambda: store.interviews.set_consent(interview_id, consent),
                failed="Consent not saved",
            )
        if self.app.focused is not None and self.app.focused.id == "consent":
            self.editor.focus()

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
        self._insert_line(referral_line(contact.name, contact.company_name, referral.note))
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
        text, store = self.editor.text, self.store
        self._await_end(self.submit(partial(self._end, store, text)), text)

    def _end(self, store: Store, text: str) -> Interview | _Conflict:
        """On the writer thread: save the notes, then end the call (not if the notes met
        another version: the user should see both first)."""
        outcome = self._save_notes(store, text)
        if isinstance(outcome, _Conflict):
            return outcome
        return store.interviews.finish(self.interview_id)

    @work(group="call")
    async def _await_end(self, future: Future[Interview | _Conflict], text: str) -> None:
        try:
            outcome = await asyncio.wrap_future(future)
        except InformaError as exc:
            self._ending = False
            self.refresh_bindings()
            self.notify(str(exc), title="The call was not ended", severity="error", timeout=10)
            return
        if isinstance(outcome, _Conflict):
            self._ending = False
            self.refresh_bindings()
            self._take_in(outcome)
            self.notify("Check the notes, then end the call again.", severity="warning")
            return
        self.interview = outcome
        self._saved_text = text
        ended_at = outcome.ended_at or self.informa.clock()
        self.notify(
            f"Call with {outcome.contact_name} ended after "
            f"{format_elapsed(outcome.elapsed_seconds(ended_at))}"
        )
        await self.leave(True)  # closes a dialog or the palette opened meanwhile
