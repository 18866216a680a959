"""The live call screen, driven the way a user types, checked in the database afterwards.

The clock is fixed (``NOW``), so a call opened now is at 00:00 and stays there; a call
started earlier shows a known elapsed time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.document._wrapped_document import WrappedDocument
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select

from informa.actions.notes import SEPARATOR
from informa.domain.errors import InformaError
from informa.domain.model import (
    Consent,
    Interview,
    InterviewStatus,
    PitchCard,
    PlannedQuestion,
    Source,
    Stage,
)
from informa.domain.plan import PlanItem
from informa.ui.app import InformaApp
from informa.ui.dialogs.referral import ReferralDialog
from informa.ui.screens import call_notes as call
from informa.ui.screens.call import CallScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.widgets.call_timer import CallTimer
from tests.builders import NOW

from .helpers import AppFactory, settle, typed

SIZE = (140, 40)
SnapCompare = Callable[..., bool]

OPENER = "How did you get your start in this field?"
TYPICAL_DAY = "What does a typical day or week look like for you?"
WHO_ELSE = "Who else do you think I should talk to?"
PLAN = [
    PlanItem(OPENER, "core/opening/get-started", "opening"),
    PlanItem(TYPICAL_DAY, "core/job-role/typical-day", "job-role"),
    PlanItem(WHO_ELSE, "core/closing/who-else", "closing"),
]
CONTACT = "Aisha Rahman"  # has a scheduled call in the demo


async def prepare(pilot: Pilot[Any], *, started_ago: timedelta | None = None) -> Interview:
    """The demo contact's next call with ``PLAN``, started ``started_ago`` if given.

    The app's start-up work (the pipeline looks for calls left open) finishes first, so a
    call started here is not offered for resuming.
    """
    await settle(pilot)  # the screen is up and its workers started
    await pilot.app.workers.wait_for_complete()
    app = pilot.app
    assert isinstance(app, InformaApp)
    (contact,) = app.store.contacts.find(CONTACT)
    interview = app.store.interviews.prepare(contact.id)
    interview = app.store.interviews.set_plan(interview.id, PLAN)
    if started_ago is not None:
        interview = app.store.interviews.start(interview.id, at=NOW - started_ago)
    return interview


async def open_call(pilot: Pilot[Any], interview: Interview) -> CallScreen:
    screen = CallScreen(interview.id)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    assert pilot.app.screen is screen
    return screen


def stored(app: InformaApp, interview: Interview) -> Interview:
    return app.store.interviews.get(interview.id)


def question(interview: Interview, text: str) -> PlannedQuestion:
    return next(q for q in interview.questions if q.text == text)


def showing(app: InformaApp) -> object:
    """The active screen, read afresh (a key press changes it behind mypy's back)."""
    return app.screen


def visible(widget: Widget) -> bool:
    return bool(widget.display)


def notifications(app: InformaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


# -- opening ---------------------------------------------------------------------------------


async def test_opening_starts_the_call(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        assert interview.started_at is None
        screen = await open_call(pilot, interview)
        now = stored(app, interview)
        assert now.started_at == NOW
        assert now.status is InterviewStatus.IN_PROGRESS
        assert screen.title == CONTACT
        assert screen.editor.has_focus
        assert screen.timer.clock_text == "00:00 / 25:00"
        assert screen.timer.level == "ok"
        assert [q.text for q in screen.checklist.questions] == [OPENER, TYPICAL_DAY, WHO_ELSE]
        current = screen.checklist.current
        assert current is not None
        assert current.text == OPENER
        assert str(screen.status.render()) == "saved"


async def test_resuming_brings_back_notes_marks_and_time(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        interview = await prepare(pilot, started_ago=timedelta(minutes=12, seconds=40))
        app.store.interviews.save_notes(
            interview.id, "## [00:30] Opener\nA: be curious\n", base_revision=0
        )
        app.store.interviews.mark_asked(question(interview, OPENER).id, at=NOW)
        screen = await open_call(pilot, interview)
        assert screen.editor.text == "## [00:30] Opener\nA: be curious\n"
        assert screen.timer.clock_text == "12:40 / 25:00"
        marks = {q.text: q.asked_at is not None for q in screen.checklist.questions}
        assert marks == {OPENER: True, TYPICAL_DAY: False, WHO_ELSE: False}
        current = screen.checklist.current
        assert current is not None
        assert current.text == TYPICAL_DAY  # the first left to ask
        assert "Resumed the call at 12:40" in notifications(app)
        assert stored(app, interview).started_at == NOW - timedelta(minutes=12, seconds=40)


@pytest.mark.parametrize(
    ("minutes", "level", "hint"),
    [(5, "ok", "3 left · 20 min"), (21, "near", "3 left · 4 min"), (26, "over", "over time")],
)
async def test_timer_colours_and_pacing(
    make: AppFactory, minutes: int, level: str, hint: str
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(
            pilot, await prepare(pilot, started_ago=timedelta(minutes=minutes))
        )
        assert screen.timer.level == level
        for other in ("ok", "near", "over"):
            assert screen.timer.has_class(f"-{other}") is (other == level)
        assert hint in str(screen.timer.render())


# -- saving ----------------------------------------------------------------------------------


async def test_typing_is_saved_after_a_moment_of_quiet(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        screen.autosave_delay, screen.autosave_max_wait = 0.6, 30  # the debounce alone
        await pilot.press(*typed("Started in consulting"))
        assert str(screen.status.render()) == "saving…"
        assert stored(app, interview).notes == ""
        await pilot.pause(1.2)  # the debounce is what is under test
        await settle(pilot)
        assert stored(app, interview).notes == "Started in consulting"
        assert str(screen.status.render()) == "saved"


async def test_typing_without_a_pause_still_saves(make: AppFactory) -> None:
    """A steady typist never leaves a moment of quiet: the notes are saved anyway, at most
    ``autosave_max_wait`` after the first unsaved change, while the typing goes on."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        screen.autosave_delay, screen.autosave_max_wait = 5, 0.4  # no pause long enough
        for word in ("one ", "two ", "three "):
            await pilot.press(*typed(word))
            await pilot.pause(0.15)  # typing on: far shorter than the debounce
        await settle(pilot)
        saved = stored(app, interview).notes
        assert saved.startswith("one two")  # saved with no pause: by the deadline


async def test_quitting_right_after_typing_still_saves(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        await open_call(pilot, interview)
        await pilot.press(*typed("last words"))
        await pilot.press("ctrl+q")
    assert stored(app, interview).notes == "last words"


async def test_leaving_saves_and_keeps_the_call_open(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        await open_call(pilot, interview)
        await pilot.press(*typed("to be continued"), "ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        after = stored(app, interview)
        assert after.notes == "to be continued"
        assert after.status is InterviewStatus.IN_PROGRESS
        assert after.ended_at is None


async def test_a_conflict_keeps_both_versions(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press(*typed("mine"))
        # Another informa saves meanwhile.
        app.store.interviews.save_notes(interview.id, "theirs", base_revision=0)
        await pilot.press("f3")  # a checklist action saves at once
        await settle(pilot)
        both = f"theirs\n{SEPARATOR}\nmine"
        assert stored(app, interview).notes == both
        assert screen.editor.text == both
        assert str(screen.status.render()) == "saved"
        assert any("Both versions are kept" in text for text in notifications(app))
        # Typing goes on from there, over the merged notes.
        await pilot.press(*typed(" too"), "f3")
        await settle(pilot)
        assert stored(app, interview).notes == f"{both} too"
        await pilot.press("ctrl+z", "ctrl+z")  # the other version came in as an edit
        assert screen.editor.text == "mine"


async def test_a_conflict_when_quitting_keeps_both_versions(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        await open_call(pilot, interview)
        await pilot.press(*typed("mine"))
        app.store.interviews.save_notes(interview.id, "theirs\n", base_revision=0)
        await pilot.press("ctrl+q")
    assert stored(app, interview).notes == f"theirs\n{SEPARATOR}\nmine"


async def test_a_failed_save_says_so_and_retries(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        real = app.store.interviews.save_notes
        failures = [InformaError("the disk is full")]

        def flaky(interview_id: int, notes: str, *, base_revision: int) -> int:
            if failures:
                raise failures.pop()
            return real(interview_id, notes, base_revision=base_revision)

        monkeypatch.setattr(app.store.interviews, "save_notes", flaky)
        screen.autosave_delay = screen.autosave_max_wait = 30  # only f3 saves, however slow
        await pilot.press(*typed("keep me"), "f3")
        await settle(pilot)
        assert str(screen.status.render()) == "not saved: the disk is full"
        assert screen.editor.text == "keep me"
        assert stored(app, interview).notes == ""
        await pilot.press("!", "f3")  # the next change tries again
        await settle(pilot)
        assert stored(app, interview).notes == "keep me!"
        assert str(screen.status.render()) == "saved"


# -- typing stays light (benchmarks/: keystroke) ------------------------------------------


async def test_saved_waits_for_a_pause_in_the_typing(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An autosave that lands while typing goes on does not flash "saved" for the moment
    until the next key says "saving…" again: it says so once the typing pauses."""
    monkeypatch.setattr(call, "TYPING_PAUSE", 1.0)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        screen.autosave_delay, screen.autosave_max_wait = 30, 0.05  # saved by the deadline
        await pilot.press("a")
        await pilot.pause(0.1)
        await settle(pilot)
        assert stored(app, interview).notes == "a"
        assert str(screen.status.render()) == "saving…"  # typing goes on, as far as it knows
        await pilot.pause(1.2)  # the pause
        assert str(screen.status.render()) == "saved"


class TimerHost(App[None]):
    """The call's timer alone: only the test ticks it (the call screen ticks every second)."""

    def compose(self) -> ComposeResult:
        yield CallTimer()


async def test_the_clock_shows_every_tick() -> None:
    """Each tick shows the time and the pace: one that moves only the digits too, and a new
    hint in full, on as many lines as it wraps onto."""
    app = TimerHost()
    async with app.run_test(size=(80, 10)) as pilot:
        timer = app.query_one(CallTimer)
        timer.styles.width = 37  # room for 33 cells: the first hint fits, the second wraps

        async def tick(elapsed: int, asked: int = 0) -> str:
            timer.show_time(elapsed=elapsed, target_minutes=25, planned=3, asked=asked, skipped=0)
            await pilot.pause()
            return str(timer.render())

        first = await tick(100)
        assert "01:40 / 25:00" in first
        assert await tick(100) == first  # nothing changed
        digits = await tick(101)
        assert digits == first.replace("01:40", "01:41")
        hint = timer.pace.hint
        assert hint in digits
        assert timer.content_size.height == 2
        await tick(101, asked=1)
        assert timer.pace.hint != hint
        assert str(timer.render()) == f"01:41 / 25:00\n{timer.pace.hint}"
        assert timer.content_size.height == 3  # the box grew to show the hint in full


async def test_the_notes_height_is_textuals(make: AppFactory) -> None:
    """The editor's wrapped document answers its height without summing every line; the
    answer is Textual's, through loading, typing, wrapping, undoing and a new width."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        editor = screen.editor

        def agree() -> None:
            document = editor.wrapped_document
            assert type(document).__name__ == "_NotesLayout"
            assert document.height == WrappedDocument.height.fget(document)  # type: ignore[attr-defined]
            assert document.height > 1

        editor.load_text("a long line of notes " * 20 + "\nshort\n" * 3)
        agree()
        await pilot.press(*typed("and then some more words " * 4), "enter", "x")
        agree()
        await pilot.press("ctrl+z")
        agree()
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        agree()


# -- the checklist ---------------------------------------------------------------------------


async def test_f2_marks_asked_and_starts_its_notes(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press(*typed("small talk"), "f2")
        await settle(pilot)
        assert screen.editor.text == f"small talk\n## [00:00] {OPENER}\n"
        assert screen.editor.cursor_location == (2, 0)
        after = stored(app, interview)
        assert question(after, OPENER).asked_at == NOW
        assert after.notes == screen.editor.text  # saved at once
        current = screen.checklist.current
        assert current is not None
        assert current.text == TYPICAL_DAY
        # On an empty line the heading takes that line.
        await pilot.press(*typed("consulting first"), "enter", "f2")
        await settle(pilot)
        lines = screen.editor.text.splitlines()
        assert lines[-2:] == ["consulting first", f"## [00:00] {TYPICAL_DAY}"]
        await pilot.press("ctrl+z")  # the heading was an edit of its own
        assert screen.editor.text.endswith("consulting first\n")


async def test_the_heading_shows_the_elapsed_time(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot, started_ago=timedelta(minutes=7, seconds=42))
        screen = await open_call(pilot, interview)
        await pilot.press("alt+down", "f2")
        await settle(pilot)
        assert screen.editor.text == f"## [07:42] {TYPICAL_DAY}\n"
        assert question(stored(app, interview), TYPICAL_DAY).asked_at == NOW


async def test_f3_skips_and_again_unskips(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press("f3")
        await settle(pilot)
        assert question(stored(app, interview), OPENER).skipped
        current = screen.checklist.current
        assert current is not None
        assert current.text == TYPICAL_DAY
        assert "1 skipped" in str(screen.checklist.border_subtitle)
        await pilot.press("alt+up", "f3")
        await settle(pilot)
        assert not question(stored(app, interview), OPENER).skipped


async def test_arrow_keys_move_the_question_cursor(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))

        def current() -> str:
            question = screen.checklist.current
            assert question is not None
            return question.text

        await pilot.press("alt+down")
        assert current() == TYPICAL_DAY
        await pilot.press("ctrl+down", "ctrl+down")  # stops at the last one
        assert current() == WHO_ELSE
        await pilot.press("ctrl+up")
        assert current() == TYPICAL_DAY
        await pilot.press("alt+up", "alt+up")
        assert current() == OPENER
        assert screen.editor.has_focus
        assert screen.editor.text == ""


# -- tags, time, referrals ------------------------------------------------------------------


async def test_function_keys_tag_the_current_line(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        await pilot.press(*typed("first line"), "enter", *typed("learn SQL"))
        await pilot.press("f5")
        assert screen.editor.text == "first line\nA: learn SQL"
        assert screen.editor.cursor_location == (1, 12)
        await pilot.press("f5")
        assert screen.editor.text == "first line\nlearn SQL"
        await pilot.press("f5", "f6")
        assert screen.editor.text == "first line\nI: learn SQL"
        await pilot.press("f7")
        assert screen.editor.text == "first line\nR: learn SQL"
        await pilot.press("f8")
        assert screen.editor.text == "first line\nTODO: learn SQL"
        await pilot.press("ctrl+z")
        assert screen.editor.text == "first line\nR: learn SQL"


async def test_ctrl_t_cycles_the_tags(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        await pilot.press(*typed("note"))
        seen = []
        for _ in range(5):
            await pilot.press("ctrl+t")
            seen.append(screen.editor.text)
        assert seen == ["A: note", "I: note", "R: note", "TODO: note", "note"]


async def test_ctrl_g_writes_the_elapsed_time(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(
            pilot, await prepare(pilot, started_ago=timedelta(minutes=3, seconds=5))
        )
        await pilot.press(*typed("at"), "space", "ctrl+g", *typed("a demo"))
        assert screen.editor.text == "at [03:05] a demo"


async def test_ctrl_r_adds_a_referral(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press(*typed("closing"), "ctrl+r")
        await pilot.pause()
        assert isinstance(showing(app), ReferralDialog)
        await pilot.press("enter")  # a name is required
        await pilot.pause()
        assert isinstance(showing(app), ReferralDialog)
        await pilot.press(*typed("Jane Doe"), "tab", *typed("Acme Labs"), "tab")
        await pilot.press(*typed("Data lead"), "tab", *typed("mention Aisha"), "enter")
        await settle(pilot)
        assert showing(app) is screen
        (jane,) = app.store.contacts.find("Jane Doe")
        assert jane.referred_by_id == interview.contact_id
        assert jane.source is Source.REFERRAL
        assert jane.stage is Stage.PROSPECT
        assert (jane.company_name, jane.role, jane.notes) == (
            "Acme Labs",
            "Data lead",
            "mention Aisha",
        )
        assert screen.editor.text == "closing\nR: Jane Doe (Acme Labs) — mention Aisha"
        assert stored(app, interview).notes == screen.editor.text
        assert "Added Jane Doe to your prospects" in notifications(app)


async def test_the_new_referral_line_is_scrolled_into_view(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        editor = screen.editor
        editor.focus()
        editor.load_text("\n".join(f"answer line {n}" for n in range(80)))
        editor.move_cursor(editor.document.end)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(showing(app), ReferralDialog)
        await pilot.press(*typed("Jane Doe"), "enter")
        await settle(pilot)
        assert showing(app) is screen
        row, _ = editor.cursor_location
        assert editor.document.get_line(row).startswith("R: Jane Doe")
        top = round(editor.scroll_y)
        assert top <= row < top + editor.scrollable_content_region.height, (top, row)


async def toast_rows(pilot: Pilot[Any], screen: CallScreen) -> range:
    from textual.widgets._toast import Toast

    await settle(pilot)
    (toast,) = screen.query(Toast)
    return range(toast.region.y, toast.region.bottom)


async def test_toasts_leave_the_line_being_typed_in_view(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        editor = screen.editor
        editor.focus()
        editor.load_text("\n".join(f"answer {n}" for n in range(80)))
        editor.move_cursor(editor.document.end)  # typing at the bottom of the notes
        await settle(pilot)
        screen.notify("Saved a copy of the notes")
        assert editor.cursor_screen_offset.y not in await toast_rows(pilot, screen)
        app.clear_notifications()
        editor.move_cursor((0, 0))  # typing at the top
        await settle(pilot)
        screen.notify("Added Jane Doe to your prospects")
        assert editor.cursor_screen_offset.y not in await toast_rows(pilot, screen)


async def test_escape_cancels_the_referral(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        before = app.store.contacts.count()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press(*typed("Nobody"), "escape")
        await settle(pilot)
        assert app.screen is screen
        assert app.store.contacts.count() == before
        assert screen.editor.text == ""


# -- the clock, the pitch card, consent, the editor ------------------------------------------


async def test_f9_pauses_and_resumes(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot, started_ago=timedelta(minutes=5))
        screen = await open_call(pilot, interview)
        await pilot.press("f9")
        await settle(pilot)
        assert stored(app, interview).paused_at == NOW
        assert screen.timer.paused
        assert "paused" in str(screen.timer.render())
        await pilot.press("f9")
        await settle(pilot)
        after = stored(app, interview)
        assert after.paused_at is None
        assert after.paused_seconds == 0  # the clock did not move
        assert not screen.timer.paused


async def test_f4_shows_and_hides_the_pitch_card(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        app.store.profile.save_pitch(PitchCard(background="Postdoc in ecology", goals="Data"))
        screen = await open_call(pilot, await prepare(pilot))
        assert not visible(screen.pitch_card)
        await pilot.press("f4")
        assert visible(screen.pitch_card)
        assert "Postdoc in ecology" in str(screen.pitch_card.render())
        await pilot.press("f4")
        assert not visible(screen.pitch_card)
        assert screen.editor.has_focus


async def test_recording_consent(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press("tab")
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "enter")
        await settle(pilot)
        assert stored(app, interview).recording_consent is Consent.YES
        assert screen.editor.has_focus


async def test_ctrl_o_edits_in_the_users_editor(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def editor(text: str, suffix: str) -> str:
        seen.append((text, suffix))
        return text + "\nfrom the editor"

    app = make(editor=editor)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        await pilot.press(*typed("typed"), "ctrl+o")  # run_test cannot suspend
        assert seen == []
        assert any("cannot hand over" in text for text in notifications(app))

        @contextlib.contextmanager
        def suspend() -> Iterator[None]:
            yield

        monkeypatch.setattr(app, "suspend", suspend)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert seen == [("typed", ".md")]
        assert screen.editor.text == "typed\nfrom the editor"
        assert stored(app, interview).notes == "typed\nfrom the editor"
        await pilot.press("ctrl+z")
        assert screen.editor.text == "typed"


# -- ending ----------------------------------------------------------------------------------


async def test_f10_ends_the_call(make: AppFactory) -> None:
    results: list[bool | None] = []
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot, started_ago=timedelta(minutes=24))
        await app.push_screen(CallScreen(interview.id), callback=results.append)
        await settle(pilot)
        await pilot.press(*typed("thanks"), "f10")
        await settle(pilot)
        assert isinstance(app.screen, PipelineScreen)
        after = stored(app, interview)
        assert after.status is InterviewStatus.DONE
        assert after.ended_at == NOW
        assert after.notes == "thanks"
        assert app.store.contacts.get(after.contact_id).stage is Stage.INTERVIEWED
        assert results == [True]  # ended: the debrief follows


# -- the look --------------------------------------------------------------------------------


def test_call_screen_snapshot(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def during_a_call(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, InformaApp)
        app.store.profile.save_pitch(
            PitchCard(
                background="Postdoc in computational ecology; six years of field data and R.",
                goals="A first data science role in climate or health tech.",
                skills="Experimental design\nPython, R, SQL\nTeaching and explaining results",
            )
        )
        interview = await prepare(pilot, started_ago=timedelta(minutes=20, seconds=30))
        screen = await open_call(pilot, interview)
        screen.editor.cursor_blink = False  # the cursor is always drawn, however slow the run
        await pilot.press("f2", *typed("Physics PhD, then a postdoc"), "enter")
        await pilot.press(*typed("learn dbt before applying"), "f5", "enter")
        await pilot.press("f3", "f4")
        await pilot.pause(screen.autosave_max_wait)  # "saved", however fast the typing was
        await settle(pilot)
        app.clear_notifications()  # the 5 s "Resumed" toast: gone or not, by the run's speed
        await pilot.pause()

    app = make(save_settings=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=during_a_call)


def test_every_binding_has_an_id_and_a_description() -> None:
    bindings = [binding for binding in CallScreen.BINDINGS if isinstance(binding, Binding)]
    assert len(bindings) == len(CallScreen.BINDINGS)
    ids = [binding.id for binding in bindings]
    assert all(binding_id and binding_id.startswith("call_") for binding_id in ids)
    assert len(set(ids)) == len(ids)
    assert all(binding.description and binding.tooltip for binding in bindings)


async def test_a_heading_is_not_tagged(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        await pilot.press("f2", "up", "f5")
        assert screen.editor.text == f"## [00:00] {OPENER}\n"
