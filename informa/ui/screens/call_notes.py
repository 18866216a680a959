"""The notes half of the call screen: the editor, its saving, and typing that stays light.

What to save and when, conflicts and the recovery copy are decided by the notes session
(:class:`informa.actions.notes.NotesSession`); this layer holds the timers and the widgets
and runs the saves on the screen's writer thread:

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
from functools import partial
from time import monotonic

from textual import on, work
from textual.app import SuspendNotSupported
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Static, TextArea

from informa.actions.notes import Conflict, NotesSession, Saved
from informa.domain.errors import InformaError
from informa.domain.notes import Tag, toggle_tag
from informa.ui.keys import key_for
from informa.ui.screens.base import WorkspaceScreen
from informa.ui.text import plain
from informa.ui.widgets.notes_area import NotesArea, cycle_tag

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
TIMER_SLACK = 0.005
"""A save due within this many seconds is made now rather than after a timer of its own."""


class CallNotes(WorkspaceScreen[bool]):
    """The call's notes: the editor (``#notes``), the save status under it
    (``#save-status``), and the actions on the notes themselves. The call screen lays them
    out, loads them (:meth:`_show_notes`) and adds the call around them."""

    # Toasts go where they do not cover the line being typed (``notify``): Textual's place,
    # bottom right, unless the cursor is in the lower half of the screen; then top right.
    DEFAULT_CSS = """
    CallNotes.-toasts-top ToastRack {
        dock: top;
        align: right top;
        margin-bottom: 0;
    }
    """

    def __init__(self, interview_id: int) -> None:
        super().__init__(id="call")
        self.interview_id = interview_id
        self._loaded = False
        self._notes = NotesSession(interview_id)
        self._autosave: Timer | None = None
        """Saves the notes when the session says they are due."""
        self._deferred: dict[str, Callable[[], None]] = {}
        """What waits for the next keystroke's frame (``_defer``)."""
        self._deferred_timer: Timer | None = None
        self._collecting = False
        self._status_shown: tuple[str, str] | None = None
        # Kept as an attribute: closing the screen saves its text after the widgets are gone.
        self._editor = NotesArea(id="notes", soft_wrap=True, read_only=True)
        self._editor.border_title = "Notes"

    # -- notifications --------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast, placed where it leaves the line being typed in view."""
        self.place_toasts()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def place_toasts(self) -> None:
        """Toasts at the top while the notes' cursor is in the lower half of the screen."""
        editor = self._editor
        if editor.is_mounted and self.is_mounted:
            low = editor.cursor_screen_offset.y >= self.size.height // 2
            self.set_class(low, "-toasts-top")

    # -- typed accessors ----------------------------------------------------------------

    @property
    def editor(self) -> NotesArea:
        return self._editor

    @property
    def status(self) -> Static:
        return self.query_one("#save-status", Static)

    @property
    def closing(self) -> bool:
        """Popped, or the app is quitting: the widgets may be gone already, and
        ``on_unmount`` saves what is left. Results that come back now are not shown."""
        return not self.app.is_running or self not in self.app.screen_stack

    @property
    def autosave_delay(self) -> float:
        """Seconds of quiet after a change before the notes are saved."""
        return self._notes.delay

    @autosave_delay.setter
    def autosave_delay(self, seconds: float) -> None:
        self._notes.delay = seconds

    @property
    def autosave_max_wait(self) -> float:
        """Seconds a change waits at most before it is saved, typing or not."""
        return self._notes.max_wait

    @autosave_max_wait.setter
    def autosave_max_wait(self, seconds: float) -> None:
        self._notes.max_wait = seconds

    def _show_notes(self, text: str, revision: int) -> None:
        """The notes as loaded: in the editor, open for typing, the cursor where they end."""
        self._notes.loaded(text, revision)
        editor = self.editor
        editor.load_text(text)
        editor.read_only = False
        editor.move_cursor(editor.document.end)  # carry on where the notes end

    # -- saving the notes -----------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()  # handled: the app has nothing to do with it
        if not self._loaded:
            return
        now = monotonic()
        changed = self._notes.edited(self.editor.text, now)
        if changed and self._autosave is None:
            self._save_in(self._notes.due_in(now))
        self._show_status(saving=changed)
        if self._deferred:
            self._draw_deferred()  # in this key's frame
        self._collect_soon()

    def _save_in(self, seconds: float | None) -> None:
        self._autosave = self.set_timer(seconds or 0.0, self._autosave_due)

    def _autosave_due(self) -> None:
        """The timer: saves once the session says the notes are due. A key does not restart
        the timer (that is a new timer for every key); the timer, when it fires, waits again
        for what is left (of the quiet since the last change, or of the longest wait)."""
        self._autosave = None
        left = self._notes.due_in(monotonic())
        if left is not None and left > TIMER_SLACK:
            self._save_in(left)
        else:
            self._flush(autosave=True)

    def _stop_timers(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None

    def _flush(self, resolving: Conflict | None = None, *, autosave: bool = False) -> None:
        """Save the notes now (off the UI thread) if they changed. An ``autosave`` (not an
        action's) says "saved" when the typing pauses (``TYPING_PAUSE``)."""
        self._stop_timers()
        if not self._loaded or self.closing:
            return
        text, session = self.editor.text, self._notes
        if not session.begin_save(text) and resolving is None:
            self._show_status()  # back to what is stored (an undo, say)
            return
        store = self.store
        if resolving is not None:
            self.submit(partial(session.resolve, resolving))
        self._await_save(self.submit(partial(session.save, store, text)), autosave=autosave)
        self._show_status(saving=True)

    @work(group="autosave")
    async def _await_save(
        self, future: Future[Saved | Conflict], *, autosave: bool = False
    ) -> None:
        try:
            outcome = await asyncio.wrap_future(future)
        except InformaError as exc:
            message = self._notes.failed(str(exc), copy_key=key_for(self, "call_save_copy"))
            if message is not None:
                self.notify(
                    message, title="Notes not saved", severity="error", timeout=30, markup=False
                )
            self._show_status()
            return
        if self.closing:
            return
        if isinstance(outcome, Conflict):
            self._take_in(outcome)
            return
        if self._notes.saved(outcome, self.editor.text, monotonic()) and self._autosave is None:
            # Changed back while this save was on its way (an undo): save again.
            self._save_in(self.autosave_delay)
        if (
            autosave
            and self._status() != self._status_shown
            and self._defer("status", self._show_status)
        ):
            return  # typing goes on: the next key would say "saving…" again at once
        self._show_status()

    def _take_in(self, conflict: Conflict) -> None:
        """Put the other version above this one, as an edit (ctrl+z takes it out again)."""
        if self.closing:
            return
        theirs = self._notes.take_in(conflict)
        if theirs is None:
            return
        self.editor.prepend(theirs)
        self.notify(
            "These notes were changed elsewhere (another informa?). Both versions are kept: "
            "theirs at the top, yours under the separator line.",
            title="Notes",
            severity="warning",
            timeout=15,
        )
        self._flush(resolving=conflict)

    def _status(self, *, saving: bool | None = None) -> tuple[str, str]:
        """The save status and its class (``saving``: the editor differs from what is
        stored; by default it is checked)."""
        if saving is None:
            saving = self._notes.unsaved(self.editor.text)
        text, state = self._notes.status(unsaved=saving)
        return text, _STATUS_CLASS[state]

    def _show_status(self, *, saving: bool | None = None) -> None:
        if not self._loaded or self.closing:
            return
        shown = self._status(saving=saving)
        if shown == self._status_shown:
            return  # every keystroke asks; only a change is drawn
        self._status_shown = shown
        text, state = shown
        status = self.status
        status.update(plain(text), layout=False)  # one line, always: no layout on the key path
        status.set_class(state == "-error", "-error")
        status.set_class(state == "-saving", "-saving")

    # -- drawing between keystrokes -------------------------------------------------------

    def _defer(self, what: str, draw: Callable[[], None]) -> bool:
        """While typing goes on, keep ``what`` ("clock", "status"; ``draw`` draws it) for
        the next key's frame or ``TYPING_PAUSE``, whichever comes first. False when nobody
        is typing."""
        if monotonic() - self._notes.changed_at >= TYPING_PAUSE:
            return False
        self._deferred[what] = draw
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
        deferred, self._deferred = self._deferred, {}
        for draw in deferred.values():
            draw()

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
            close = partial(self._notes.close, store, text, self.informa.clock())
            try:
                copy = self.submit(close).result()
            except InformaError as exc:
                self.app.notify(
                    f"The call notes were not saved: {exc}", severity="error", timeout=30
                )
            else:
                if copy is not None:
                    self.app.notify(
                        f"The call notes could not be saved in the database; they are in {copy}",
                        severity="error",
                        timeout=30,
                        markup=False,
                    )
        self.close_writer()

    # -- the notes' own actions -----------------------------------------------------------

    def _retag(self, change: Callable[[str], str]) -> None:
        if self._loaded and not self.editor.retag(change):
            self.notify("Tag the lines under a question, not its heading.", severity="warning")

    def action_tag(self, tag: str) -> None:
        self._retag(lambda line: toggle_tag(line, Tag(tag)))

    def action_cycle_tag(self) -> None:
        self._retag(cycle_tag)

    def action_save_copy(self) -> None:
        """The notes as they are in the editor, to a file of their own: owner-only, in the
        export folder (Downloads or home), else the temporary folder."""
        try:
            target = self._notes.save_copy(self.editor.text, self.informa.clock())
        except InformaError as exc:
            self.notify(
                f"Could not save a copy: {exc}",
                title="Notes",
                severity="error",
                timeout=30,
                markup=False,
            )
            return
        self.notify(f"Saved a copy of the notes to {target}", title="Notes", markup=False)

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
            area.replace_all(edited)  # ctrl+z brings back what was there before
            self._flush()
        area.focus()


_STATUS_CLASS = {"saved": "", "saving": "-saving", "failed": "-error"}
