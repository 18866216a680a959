"""The debrief after a call, driven the way a user types, checked in the database afterwards.

The call itself is set up through the store (a plan, notes with tagged and ``R:`` lines,
asked and skipped marks); ending it with ``f10`` opens the debrief, and ``b`` on the
pipeline opens it again later. The clock is fixed (``NOW``): calls end at 15:30.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from informa.domain.debrief import PROMPTS, parse_reflection
from informa.domain.model import Interview, InterviewStatus, Source, Stage
from informa.domain.plan import PlanItem
from informa.ui.app import InformaApp
from informa.ui.screens.call import CallScreen
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.pipeline import PipelineScreen
from tests.builders import NOW

from .helpers import AppFactory, contact_named, quiet, select, settle, showing, typed

SIZE = (140, 40)
SnapCompare = Callable[..., bool]

CONTACT = "Kenji Watanabe"  # a demo prospect at Quillfeather Health, no calls yet
EXISTING = "Priya Nair"  # already a demo contact
PLAN = [
    PlanItem("How did you get your start in this field?", "core/opening/get-started", "opening"),
    PlanItem(
        "What does a typical day or week look like for you?",
        "core/job-role/typical-day",
        "job-role",
    ),
    PlanItem("Who else do you think I should talk to?", "core/closing/who-else", "closing"),
]
NOTES = f"""\
## [00:40] How did you get your start in this field?
I: started in a consulting data team
A: learn dbt before applying
## [18:30] Who else do you think I should talk to?
R: Jane Doe (Acme Labs) — data lead, mention Kenji
R: Sam Lee (Beta Corp)
R: {EXISTING} (Lumen Analytics)
TODO: send the thank-you tomorrow
"""
LENGTH = timedelta(minutes=23, seconds=30)


def held(app: InformaApp, *, end: bool) -> Interview:
    """Kenji's call with ``PLAN`` and ``NOTES``, started ``LENGTH`` ago: the first and last
    questions asked, the middle one skipped; ended now if ``end``."""
    store = app.store
    interview = store.interviews.prepare(contact_named(app, CONTACT))
    interview = store.interviews.set_plan(interview.id, PLAN)
    store.interviews.start(interview.id, at=NOW - LENGTH)
    store.interviews.save_notes(interview.id, NOTES, base_revision=0)
    first, middle, last = interview.questions
    store.interviews.mark_asked(first.id, at=NOW - LENGTH)
    store.interviews.skip(middle.id)
    store.interviews.mark_asked(last.id, at=NOW - timedelta(minutes=5))
    if end:
        store.interviews.finish(interview.id, at=NOW)
    return store.interviews.get(interview.id)


async def reopen(pilot: Pilot[Any], app: InformaApp) -> DebriefScreen:
    """``b`` on Kenji in the pipeline."""
    await settle(pilot)
    await select(pilot, app, CONTACT)
    await pilot.press("b")
    await quiet(pilot)
    screen = showing(app, DebriefScreen)
    assert screen.summary is not None  # loaded
    return screen


def text_of(screen: DebriefScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def answer(screen: DebriefScreen, index: int) -> TextArea:
    return screen.query_one(f"#reflect-{index}", TextArea)


def stored_reflection(app: InformaApp, interview: Interview) -> list[str]:
    return parse_reflection(app.store.interviews.get(interview.id).debrief)


# -- opening ---------------------------------------------------------------------------------


async def test_ending_the_call_opens_the_debrief_with_the_facts(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()  # the check for calls left open is done
        interview = held(app, end=False)
        await select(pilot, app, CONTACT)
        await pilot.press("P")  # the call in progress opens again
        await quiet(pilot)
        showing(app, CallScreen)
        await pilot.press("f10")
        await quiet(pilot)
        screen = showing(app, DebriefScreen)
        assert screen.interview_id == interview.id
        assert screen.title == f"Debrief: {CONTACT}"
        ended = app.store.interviews.get(interview.id)
        assert ended.status is InterviewStatus.DONE
        assert ended.ended_at == NOW
        facts = text_of(screen, "#facts").splitlines()
        assert facts == [
            f"{CONTACT} · 23:30 of 25:00 · ended Fri 20 Nov 15:30",
            "2 of 3 planned questions asked, 1 skipped",
            "Thank-you due by Sat 21 Nov 15:30 (in 24 h)",
        ]
        items = text_of(screen, "#items")
        for expected in (
            "Advice (1)",
            "learn dbt before applying",
            "Information (1)",
            "started in a consulting data team",
            "Referrals (3)",
            "Actions for you (1)",
            "send the thank-you tomorrow",
        ):
            assert expected in items
        referrals = screen.referrals
        labels = [str(referrals.get_option_at_index(i).prompt) for i in range(3)]
        assert referrals.option_count == 3
        assert labels[0] == "Jane Doe · Acme Labs · data lead, mention Kenji"
        assert labels[1] == "Sam Lee · Beta Corp"
        assert labels[2].startswith(f"{EXISTING} · Lumen Analytics  already a contact")
        assert referrals.selected == [0, 1]  # new names are ticked, the known one is not
        assert referrals.get_option_at_index(2).disabled
        assert answer(screen, 0).has_focus  # "What did I learn?": typing starts there


async def test_typing_at_once_lands_in_what_did_i_learn_and_unticks_no_one(
    make: AppFactory,
) -> None:
    app = make()
    interview = held(app, end=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reopen(pilot, app)
        assert screen.referrals.selected == [0, 1]
        await pilot.press(*typed("Consulting teams hire people who can explain a model"))
        assert answer(screen, 0).text == "Consulting teams hire people who can explain a model"
        assert screen.referrals.selected == [0, 1]  # no space went to the checklist
        await pilot.press("escape")
        await quiet(pilot)
    assert stored_reflection(app, interview)[0] == (
        "Consulting teams hire people who can explain a model"
    )


# -- saving ----------------------------------------------------------------------------------


async def test_f2_adds_only_the_ticked_referrals(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    kenji = interview.contact_id
    (priya,) = app.store.contacts.find(EXISTING)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reopen(pilot, app)
        await pilot.press("shift+tab")  # from "What did I learn?" back to the referrals
        assert screen.referrals.has_focus
        await pilot.press("end", "space")  # the last one that can be ticked: Sam Lee is left out
        assert screen.referrals.selected == [0]
        await pilot.press("f2")
        await quiet(pilot)
        showing(app, PipelineScreen)
        (jane,) = app.store.contacts.find("Jane Doe")
        assert jane.referred_by_id == kenji
        assert jane.source is Source.REFERRAL
        assert jane.stage is Stage.PROSPECT
        assert (jane.company_name, jane.notes) == ("Acme Labs", "data lead, mention Kenji")
        assert app.store.contacts.find("Sam Lee") == []
        assert app.store.contacts.find(EXISTING) == [priya]  # not added a second time
        assert [c.name for c in app.store.contacts.referrals(kenji)] == ["Jane Doe"]


async def test_the_reflection_is_saved_and_shown_again(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reopen(pilot, app)
        assert answer(screen, 0).has_focus
        await pilot.press(*typed("Consulting hires PhDs"), "enter", *typed("dbt matters"))
        await pilot.press("tab", "tab", *typed("Email Jane"), "f2")
        await quiet(pilot)
        showing(app, PipelineScreen)
        assert stored_reflection(app, interview) == [
            "Consulting hires PhDs\ndbt matters",
            "",
            "Email Jane",
        ]
        debrief = app.store.interviews.get(interview.id).debrief
        assert f"## {PROMPTS[0]}\nConsulting hires PhDs" in debrief
        assert f"## {PROMPTS[1]}" not in debrief  # a blank answer keeps its heading out
        added = {c.name for c in app.store.contacts.referrals(interview.contact_id)}
        assert added == {"Jane Doe", "Sam Lee"}
        # Later: the same debrief, what was written, and no one left to add.
        again = await reopen(pilot, app)
        assert again is not screen
        assert answer(again, 0).text == "Consulting hires PhDs\ndbt matters"
        assert answer(again, 1).text == ""
        assert answer(again, 2).text == "Email Jane"
        referrals = again.referrals
        assert referrals.selected == []
        assert all(referrals.get_option_at_index(i).disabled for i in range(3))
        assert answer(again, 0).has_focus  # nothing to tick: the first prompt has the cursor
        await pilot.press("f2")
        await quiet(pilot)
        assert len(app.store.contacts.find("Jane Doe")) == 1
        assert len(app.store.contacts.find("Sam Lee")) == 1


async def test_escape_saves_the_reflection_but_adds_no_one(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    before = app.store.contacts.count()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await reopen(pilot, app)
        await pilot.press(*typed("Consulting is a fit"), "escape")
        await quiet(pilot)
        showing(app, PipelineScreen)
        assert stored_reflection(app, interview) == ["Consulting is a fit", "", ""]
        assert app.store.contacts.count() == before
        assert app.store.contacts.find("Jane Doe") == []
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("2 referrals not added yet") for m in messages)


async def test_quitting_keeps_what_was_typed(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    before = app.store.contacts.count()
    async with app.run_test(size=SIZE) as pilot:
        await reopen(pilot, app)
        await pilot.press("tab", *typed("It fits"), "ctrl+q")
    assert not app.is_running
    assert stored_reflection(app, interview) == ["", "It fits", ""]
    assert app.store.contacts.count() == before


# -- the look --------------------------------------------------------------------------------


def test_debrief_screen_snapshot(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def debriefing(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, InformaApp)
        held(app, end=True)
        screen = await reopen(pilot, app)
        for area in screen.query(TextArea):
            area.cursor_blink = False  # the cursor is always drawn, however slow the run
        await pilot.press("shift+tab", "end", "space", "tab", *typed("Consulting hires PhDs"))
        await settle(pilot)

    app = make(demo=True, save_settings=False)  # the header says "demo data"
    assert snap_compare(app, terminal_size=SIZE, run_before=debriefing)


async def test_a_name_written_twice_is_one_candidate_and_one_contact(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    notes = NOTES + "R: Jane Doe @ Acme Labs\n"
    app.store.interviews.save_notes(interview.id, notes, base_revision=interview.notes_revision)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reopen(pilot, app)
        names = [c.referral.name for c in screen._candidates]
        assert names.count("Jane Doe") == 1
        await pilot.press("f2")
        await quiet(pilot)
    assert len(app.store.contacts.find("Jane Doe")) == 1


async def test_the_reflection_saves_itself_while_the_debrief_is_open(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reopen(pilot, app)
        await pilot.press(*typed("Consulting is a fit"))
        assert stored_reflection(app, interview) == ["", "", ""]
        await pilot.pause(1.2)  # the one-second autosave is what is under test
        await settle(pilot)
        assert stored_reflection(app, interview) == ["Consulting is a fit", "", ""]
        assert app.screen is screen
