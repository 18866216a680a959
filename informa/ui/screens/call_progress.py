"""The call's progress, between its notes and the screen: the clock (paused, resumed), the
question checklist (asked, skipped, the cursor) and the recording consent, each change shown
at once and written on the writer thread, in order; a write that fails is said and the call
is shown again as stored."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from functools import partial

from textual import on, work
from textual.widgets import Select

from informa.domain.errors import InformaError
from informa.domain.model import Consent, Interview, PlannedQuestion
from informa.domain.notes import format_elapsed, heading
from informa.ui.screens.call_notes import CallNotes
from informa.ui.widgets.call_strip import CallStrip
from informa.ui.widgets.call_timer import CallTimer
from informa.ui.widgets.checklist import Checklist


class CallProgress(CallNotes):
    """The notes (``CallNotes``) with the call's clock, checklist and consent: the widgets
    ``CallTimer``, ``Checklist`` and ``#consent``, which the call screen lays out."""

    def __init__(self, interview_id: int) -> None:
        super().__init__(interview_id)
        self.interview: Interview | None = None
        """The interview as last loaded or changed (its notes field is not kept current)."""
        self._questions: list[PlannedQuestion] = []

    # -- typed accessors ----------------------------------------------------------------

    @property
    def checklist(self) -> Checklist:
        return self.query_one(Checklist)

    @property
    def timer(self) -> CallTimer:
        return self.query_one(CallTimer)

    @property
    def strip(self) -> CallStrip:
        return self.query_one(CallStrip)

    @property
    def consent(self) -> Select[Consent]:
        return self.query_one("#consent", Select)

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

    # -- the clock ------------------------------------------------------------------------

    def _elapsed(self, now: datetime | None = None) -> int:
        if self.interview is None:
            return 0
        return self.interview.elapsed_seconds(now or self.informa.clock())

    def _clock_tick(self) -> None:
        if not self._defer("clock", self._tick):  # while typing: with the next key's frame
            self._tick()

    def _tick(self) -> None:
        interview = self.interview
        if interview is None or self.closing:
            return
        questions = self._questions
        timer = self.timer
        timer.show_time(
            elapsed=self._elapsed(),
            target_minutes=interview.target_minutes,
            planned=len(questions),
            asked=sum(q.asked_at is not None for q in questions),
            skipped=sum(q.skipped for q in questions),
            paused=interview.is_paused,
        )
        hint = timer.pace.hint if questions else ""
        self.strip.show_time(timer.clock_text, timer.level, paused=timer.paused, hint=hint)

    @on(Checklist.Moved)
    def _question_moved(self, event: Checklist.Moved) -> None:
        question = event.question
        text = question.text if question is not None else ""
        self.strip.show_question(event.position, event.total, text, event.state)

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
        self.editor.type_over(stamp)

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
        self.editor.insert_line(heading(question.text, self._elapsed(now)), then_blank=True)
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

    # -- consent --------------------------------------------------------------------------

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
