"""Preparing a call, driven the way a user types, checked in the database afterwards.

The plan, the pitch card and the pre-call checklist are saved at once; the screen's own
workers (group ``prepare``) are what ``settle`` waits for. ``g``, ``o`` and ``e`` run in the
``dialog`` group, so after them :func:`quiet` waits for every worker (no dialog is open then).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from informa.domain.model import InterviewStatus, PitchCard, PlannedQuestion
from informa.domain.plan import (
    CLOSING_TOPIC,
    OPENING_TOPIC,
    PRE_CALL_CHECKS,
    REFERRAL_REF,
    estimate_minutes,
    suggest_plan,
)
from informa.ui.app import InformaApp
from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.pitch import PitchDialog
from informa.ui.dialogs.question import QuestionDialog
from informa.ui.screens.call import CallScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.prepare import PrepareScreen
from informa.ui.widgets.bank_browser import ASKED_BEFORE, IN_PLAN
from informa.ui.widgets.plan_list import EMPTY_PLAN

from .helpers import AppFactory, contact_named, quiet, select, settle, showing, typed

SIZE = (140, 40)
SnapCompare = Callable[..., bool]

CONTACT = "Grace Liu"  # a demo prospect at Brightline Partners, no calls yet
PUBLISHING = "academia-to-industry/research-roles/pace-publishing"
TYPICAL_DAY = "core/job-role/typical-day"


async def open_prepare(pilot: Pilot[Any], app: InformaApp, name: str = CONTACT) -> PrepareScreen:
    await settle(pilot)
    await select(pilot, app, name)
    await pilot.press("p")
    await settle(pilot)
    screen = showing(app, PrepareScreen)
    assert screen.interview is not None  # loaded
    return screen


async def suggest(pilot: Pilot[Any], screen: PrepareScreen) -> list[str]:
    """``g`` on an empty plan; the refs suggested."""
    assert screen.plan == []
    await pilot.press("g")
    await quiet(pilot)
    return [entry.question_ref for entry in screen.plan]


def stored(app: InformaApp, screen: PrepareScreen) -> list[PlannedQuestion]:
    assert screen.interview is not None
    questions = app.store.interviews.get(screen.interview.id).questions
    ordered = sorted(questions, key=lambda q: q.position)
    assert [q.position for q in ordered] == list(range(len(ordered)))
    return ordered


def stored_refs(app: InformaApp, screen: PrepareScreen) -> list[str]:
    return [q.question_ref or q.text for q in stored(app, screen)]


def plan_rows(screen: PrepareScreen) -> list[str]:
    """The plan list's rows as shown (topic headers included)."""
    plan = screen.plan_list
    return [str(plan.get_option_at_index(i).prompt) for i in range(plan.option_count)]


# -- opening ---------------------------------------------------------------------------------


async def test_p_opens_the_prepare_screen_for_the_highlighted_contact(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        grace = contact_named(app, CONTACT)
        assert screen.contact_id == grace
        assert screen.title == f"Prepare: {CONTACT}"
        assert screen.interview is not None
        assert screen.interview.contact_id == grace
        (call,) = app.store.interviews.for_contact(grace)  # the call being prepared is stored
        assert call.id == screen.interview.id
        assert call.status is InterviewStatus.PLANNED
        about = str(screen.query_one("#about").render())
        assert CONTACT in about
        assert "Brightline Partners" in about
        research = screen.query_one("#research")
        assert research.border_title == "Research: Brightline Partners"
        assert "Boutique strategy consultancy" in str(research.render())
        assert plan_rows(screen) == [EMPTY_PLAN]
        assert screen.browser.bank_tree.has_focus


# -- the suggested plan ----------------------------------------------------------------------


async def test_g_suggests_a_plan_and_saves_it(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        refs = await suggest(pilot, screen)
        assert screen.interview is not None
        assert refs == [e.question_ref for e in suggest_plan(app.banks, minutes=25)]
        assert stored_refs(app, screen) == refs
        saved = stored(app, screen)
        assert saved[0].topic == OPENING_TOPIC
        assert saved[-1].question_ref == REFERRAL_REF
        assert saved[-2].topic == CLOSING_TOPIC
        target = screen.interview.target_minutes
        assert estimate_minutes(screen.plan) > target  # more than fits, so the user can skip
        subtitle = str(screen.plan_list.border_subtitle)
        assert (
            subtitle == f"{len(refs)} questions · about {estimate_minutes(screen.plan)} min of 25"
        )


async def test_g_on_a_plan_asks_before_replacing_it(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        await pilot.press("tab", "delete")  # the opener goes
        await settle(pilot)
        mine = suggested[1:]
        assert stored_refs(app, screen) == mine
        await pilot.press("g")
        await pilot.pause()
        showing(app, Confirm)
        await pilot.press("n")
        await quiet(pilot)
        showing(app, PrepareScreen)
        assert stored_refs(app, screen) == mine
        await pilot.press("g")
        await pilot.pause()
        showing(app, Confirm)
        await pilot.press("escape")
        await quiet(pilot)
        assert stored_refs(app, screen) == mine
        await pilot.press("g")
        await pilot.pause()
        showing(app, Confirm)
        await pilot.press("y")
        await quiet(pilot)
        showing(app, PrepareScreen)
        assert stored_refs(app, screen) == suggested


async def test_the_plan_leaves_out_what_was_asked_before_and_marks_it(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        maya = contact_named(app, "Maya Okafor")  # her first call in the demo is done
        asked = app.store.interviews.asked_before(maya)
        assert TYPICAL_DAY in asked
        assert REFERRAL_REF in asked
        assert TYPICAL_DAY in [e.question_ref for e in suggest_plan(app.banks)]
        screen = await open_prepare(pilot, app, "Maya Okafor")
        refs = await suggest(pilot, screen)
        # The referral ask is always made; nothing else asked of her before comes back.
        assert set(refs) & asked == {REFERRAL_REF}
        assert set(stored_refs(app, screen)) & asked == {REFERRAL_REF}
        assert ASKED_BEFORE in plan_rows(screen)[-1]
        # Searching shows the question she answered, marked; taking it anyway keeps the mark.
        await pilot.press("slash", *typed("typical day"), "enter", "down")
        tree = screen.browser.bank_tree
        node = tree.cursor_node
        assert node is not None
        assert node.data is not None
        assert node.data.question.ref == TYPICAL_DAY
        assert ASKED_BEFORE in str(node.label)
        await pilot.press("enter")
        await settle(pilot)
        assert TYPICAL_DAY in stored_refs(app, screen)
        highlighted = screen.plan_list.highlighted_option
        assert highlighted is not None
        assert "typical day" in str(highlighted.prompt)
        assert ASKED_BEFORE in str(highlighted.prompt)
        marked = [row for row in plan_rows(screen) if ASKED_BEFORE in row]
        assert len(marked) == 2  # this one and the referral ask


# -- changing the plan -----------------------------------------------------------------------


async def test_search_and_enter_add_a_question_and_enter_again_takes_it_out(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        browser = screen.browser
        await pilot.press("slash")
        assert browser.search.has_focus
        await pilot.press(*typed("publishing"))
        assert browser.border_subtitle == "1 found"
        await pilot.press("enter")
        assert browser.bank_tree.has_focus
        await pilot.press("down", "enter")  # the first line is the topic; then its question
        await settle(pilot)
        refs = stored_refs(app, screen)
        at = refs.index(PUBLISHING)
        # Before the closing section, so the plan still ends with the referral ask.
        assert refs[:at] + refs[at + 1 :] == suggested
        topics = [q.topic for q in stored(app, screen)]
        assert topics[at - 1] != CLOSING_TOPIC
        assert set(topics[at + 1 :]) == {CLOSING_TOPIC}
        node = browser.bank_tree.cursor_node
        assert node is not None
        assert str(node.label).startswith(IN_PLAN)
        highlighted = screen.plan_list.highlighted_option
        assert highlighted is not None
        assert "publishing" in str(highlighted.prompt)
        await pilot.press("enter")  # again: taken out
        await settle(pilot)
        assert stored_refs(app, screen) == suggested
        assert not str(node.label).startswith(IN_PLAN)
        # escape empties the search and gives the focus back to the tree; the screen stays.
        await pilot.press("slash", *typed("day"), "escape")
        assert browser.search.value == ""
        assert browser.bank_tree.has_focus
        assert browser.border_subtitle == f"{app.banks.question_count} questions"
        showing(app, PrepareScreen)


async def test_escape_in_the_search_gives_the_focus_back_to_the_plan(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prepare(pilot, app)
        await suggest(pilot, screen)
        screen.plan_list.focus()
        await pilot.press("slash")
        assert screen.browser.search.has_focus
        await pilot.press(*typed("salary"), "escape")
        assert screen.plan_list.has_focus
        assert screen.browser.search.value == ""
        await pilot.press("escape")  # and escape again leaves, as from the plan
        await settle(pilot)
        showing(app, PipelineScreen)


async def test_delete_and_x_take_questions_out(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        await pilot.press("tab")
        assert screen.plan_list.has_focus
        assert screen.plan_list.plan_index == 0
        await pilot.press("down", "delete")  # the second question
        await settle(pilot)
        assert stored_refs(app, screen) == [suggested[0], *suggested[2:]]
        assert screen.plan_list.plan_index == 1  # the cursor stays where it was
        await pilot.press("x")
        await settle(pilot)
        assert stored_refs(app, screen) == [suggested[0], *suggested[3:]]


async def test_shift_down_and_alt_up_reorder(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        first, second, third = suggested[:3]
        await pilot.press("tab", "down", "shift+down")
        await settle(pilot)
        assert stored_refs(app, screen)[:3] == [first, third, second]
        assert screen.plan_list.plan_index == 2  # the cursor moves with the question
        await pilot.press("shift+down")
        await settle(pilot)
        assert stored_refs(app, screen)[:4] == [first, third, suggested[3], second]
        await pilot.press("alt+up", "alt+up")
        await settle(pilot)
        assert stored_refs(app, screen) == suggested


async def test_o_adds_a_question_of_your_own(make: AppFactory) -> None:
    own = "Which conference should I go to first?"
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        await pilot.press("o")
        await pilot.pause()
        showing(app, QuestionDialog)
        await pilot.press(*typed(own), "enter")
        await quiet(pilot)
        showing(app, PrepareScreen)
        saved = stored(app, screen)
        at = [q.text for q in saved].index(own)
        assert (saved[at].question_ref, saved[at].topic) == ("", "")
        assert [q.question_ref for q in saved[:at] + saved[at + 1 :]] == suggested
        assert {q.topic for q in saved[at + 1 :]} == {CLOSING_TOPIC}


# -- the pitch card and the checklist --------------------------------------------------------


async def test_the_pitch_card_editor_saves_the_card(make: AppFactory) -> None:
    app = make()
    app.store.profile.save_pitch(PitchCard())  # none written yet (the demo has one)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        assert "No pitch card yet" in str(screen.query_one("#pitch").render())
        await pilot.press("e")
        await pilot.pause()
        showing(app, PitchDialog)
        await pilot.press(*typed("Postdoc in ecology"), "tab", *typed("A data role"), "tab")
        await pilot.press(*typed("Python"), "enter", *typed("Teaching"), "f2")
        await quiet(pilot)
        showing(app, PrepareScreen)
        card = PitchCard("Postdoc in ecology", "A data role", "Python\nTeaching")
        assert app.store.profile.pitch() == card
        shown = str(screen.query_one("#pitch").render())
        assert "Postdoc in ecology" in shown
        assert "Teaching" in shown


async def test_checklist_ticks_are_saved_and_come_back(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        assert screen.interview is not None
        interview_id = screen.interview.id
        await pilot.press("shift+tab", "shift+tab")  # from the tree, past the search box
        assert screen.checks.has_focus
        await pilot.press("space", "down", "down", "space")
        await settle(pilot)
        first, third = PRE_CALL_CHECKS[0][0], PRE_CALL_CHECKS[2][0]
        assert app.store.interviews.get(interview_id).prep_done == {first, third}
        assert screen.checks.border_subtitle == f"2 of {len(PRE_CALL_CHECKS)}"
        await pilot.press("escape")
        await settle(pilot)
        showing(app, PipelineScreen)
        await pilot.press("p")
        await settle(pilot)
        again = showing(app, PrepareScreen)
        assert again is not screen
        assert again.interview is not None
        assert again.interview.id == interview_id
        assert set(again.checks.selected) == {first, third}
        assert again.checks.border_subtitle == f"2 of {len(PRE_CALL_CHECKS)}"


# -- leaving ---------------------------------------------------------------------------------


async def test_escape_goes_back_and_the_plan_stays(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        suggested = await suggest(pilot, screen)
        await pilot.press("escape")
        await settle(pilot)
        showing(app, PipelineScreen)
        assert stored_refs(app, screen) == suggested
        await pilot.press("p")
        await settle(pilot)
        again = showing(app, PrepareScreen)
        assert [e.question_ref for e in again.plan] == suggested
        assert plan_rows(again) != [EMPTY_PLAN]


async def test_f5_starts_the_call_with_the_plan(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        await suggest(pilot, screen)
        await pilot.press("tab", "delete")  # a change just before starting is in the call too
        await pilot.press("f5")
        await quiet(pilot)
        call = showing(app, CallScreen)
        assert screen.interview is not None
        assert call.interview is not None
        assert call.interview.id == screen.interview.id
        planned = [e.text for e in screen.plan]
        assert [q.text for q in call.checklist.questions] == planned
        started = app.store.interviews.get(screen.interview.id)
        assert started.status is InterviewStatus.IN_PROGRESS
        assert [q.text for q in started.questions] == planned


# -- the look --------------------------------------------------------------------------------


def test_prepare_screen_snapshot(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def prepared(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, InformaApp)
        app.store.profile.save_pitch(
            PitchCard(
                background="Postdoc in computational ecology; six years of field data and R.",
                goals="A first data science role in climate or health tech.",
                skills="Experimental design\nPython, R, SQL\nTeaching and explaining results",
            )
        )
        await settle(pilot)
        call = app.store.interviews.prepare(contact_named(app, CONTACT))
        app.store.interviews.set_prep_done(call.id, [PRE_CALL_CHECKS[0][0]])
        screen = await open_prepare(pilot, app)
        await suggest(pilot, screen)
        app.clear_notifications()  # the toast would time out on a slow run
        await pilot.pause()

    app = make(demo=True, save_settings=False)  # the header says "demo data"
    assert snap_compare(app, terminal_size=SIZE, run_before=prepared)


async def test_f5_twice_starts_one_call(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        await suggest(pilot, screen)
        await pilot.press("f5", "f5")
        await quiet(pilot)
        showing(app, CallScreen)
        assert [type(s).__name__ for s in app.screen_stack] == [
            "PipelineScreen",
            "CallScreen",
        ]


async def test_starting_with_an_empty_plan_keeps_it_empty(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        assert screen.interview is not None
        interview_id = screen.interview.id
        await pilot.press("f5")
        await quiet(pilot)
        call = showing(app, CallScreen)
        assert call.interview_id == interview_id
        assert app.store.interviews.get(interview_id).questions == ()


async def test_quitting_right_after_a_change_still_saves_it(make: AppFactory) -> None:
    """The save is queued on the writer the moment the key is pressed: quitting (which
    cancels every worker) cannot drop it, even while an earlier write holds the writer."""
    import threading

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prepare(pilot, app)
        gate = threading.Event()
        screen.submit(gate.wait)  # the writer is busy (a slow disk, a lock held elsewhere)
        await pilot.press("tab", "tab", "tab")  # tree → plan → side → checklist
        assert screen.checks.has_focus
        await pilot.press("space")
        interview_id = screen.interview.id if screen.interview else 0
        app.call_later(gate.set)
        await pilot.press("ctrl+q")
    assert app.store.interviews.get(interview_id).prep_done == {PRE_CALL_CHECKS[0][0]}
