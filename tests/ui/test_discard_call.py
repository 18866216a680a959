"""*Discard this call* (``ctrl+l``, or the palette) in the call and in the debrief: it says
what goes, asks, and leaves nothing behind: checked in the database, at 80×24 and 120×40."""

from __future__ import annotations

import pytest

from informa.domain.errors import NotFoundError
from informa.ui.dialogs.confirm import Confirm
from informa.ui.screens.call import CallScreen
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.widgets.contact_list import ContactList

from .helpers import AppFactory, opened, quiet, select, settle, showing, start_call_now, typed
from .test_debrief import CONTACT as DEBRIEFED
from .test_debrief import PLAN, held, reopen

CONTACT = "Zoe Martin"  # a demo contact with no call yet
SIZES = [(80, 24), (120, 40)]


def fits(confirm: Confirm, size: tuple[int, int]) -> None:
    width, height = size
    for selector in ("#dialog", ".message", "#confirm", "#cancel"):
        region = confirm.query_one(selector).region
        assert region.x >= 0, selector
        assert region.y >= 0, selector
        assert region.right <= width, selector
        assert region.bottom <= height, selector


def message(confirm: Confirm) -> str:
    return str(confirm.query_one(".message").render())


def highlighted(pipeline: PipelineScreen) -> str | None:
    contact = pipeline.query_one(ContactList).highlighted
    return None if contact is None else contact.name


@pytest.mark.parametrize("size", SIZES)
async def test_discarding_a_call_in_progress(make: AppFactory, size: tuple[int, int]) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, CONTACT)
        stage = app.store.contacts.get(zoe).stage
        await start_call_now(pilot)
        call = showing(app, CallScreen)
        (interview,) = app.store.interviews.for_contact(zoe)
        planned = len(interview.questions)
        await pilot.press(*typed("I: zanzibar is a team of 12"), "enter", *typed("A: learn dbt"))
        await pilot.press("ctrl+l")
        confirm = await opened(pilot, Confirm)
        assert confirm.query_one("#dialog").border_title == f"Discard the call with {CONTACT}?"
        text = message(confirm)
        assert text.startswith(
            f"This deletes the notes (2 lines), {planned} planned questions and the interview"
        )
        fits(confirm, size)
        await pilot.press("escape")  # no: the call goes on
        await quiet(pilot)
        assert showing(app, CallScreen) is call
        assert app.store.interviews.get(interview.id).id == interview.id
        await pilot.press("ctrl+l")
        await opened(pilot, Confirm)
        await pilot.press("y")
        await quiet(pilot)
        pipeline = showing(app, PipelineScreen)
        assert highlighted(pipeline) == CONTACT
        assert app.store.interviews.for_contact(zoe) == []
        assert app.store.contacts.get(zoe).stage is stage
        assert app.store.search.search("zanzibar") == []
    # Closing the app saved nothing more: the notes went with the call.
    assert app.store.interviews.for_contact(zoe) == []
    with pytest.raises(NotFoundError):
        app.store.interviews.get(interview.id)


@pytest.mark.parametrize("size", SIZES)
async def test_discarding_from_the_debrief_restores_the_stage(
    make: AppFactory, size: tuple[int, int]
) -> None:
    app = make()
    kenji = app.store.contacts.find(DEBRIEFED)[0]
    interview = held(app, end=True)
    assert app.store.contacts.get(kenji.id).stage.position > kenji.stage.position
    async with app.run_test(size=size) as pilot:
        await reopen(pilot, app)
        await pilot.press(*typed("quokka lessons"))
        await pilot.press("ctrl+l")
        confirm = await opened(pilot, Confirm)
        text = message(confirm)
        assert f"{len(PLAN)} planned questions, the debrief and the interview" in text
        assert f"{DEBRIEFED} goes back to the stage before the call" in text
        fits(confirm, size)
        await pilot.press("y")
        await quiet(pilot)
        pipeline = showing(app, PipelineScreen)
        assert highlighted(pipeline) == DEBRIEFED
    assert app.store.interviews.for_contact(kenji.id) == []
    assert app.store.contacts.get(kenji.id).stage is kenji.stage
    assert app.store.search.search("quokka") == []
    with pytest.raises(NotFoundError):
        app.store.interviews.get(interview.id)


async def test_the_palette_offers_discard_this_call(make: AppFactory) -> None:
    app = make()
    interview = held(app, end=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await reopen(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*typed("discard"))
        await pilot.pause(0.3)  # the palette's search runs on a timer
        await pilot.press("enter")
        await opened(pilot, Confirm)
        await pilot.press("n")
        await quiet(pilot)
        showing(app, DebriefScreen)
        assert app.store.interviews.get(interview.id).id == interview.id
