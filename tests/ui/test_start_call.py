"""``P`` (and the palette's *Start call now*) asks before it starts a call: a stray key
writes nothing. Checked in the database, at 80×24 and 120×40."""

from __future__ import annotations

import pytest

from informa.domain.model import InterviewStatus
from informa.ui.dialogs.confirm import Confirm
from informa.ui.screens.call import CallScreen
from informa.ui.screens.pipeline import PipelineScreen

from .helpers import AppFactory, opened, quiet, select, settle, showing, typed

CONTACT = "Zoe Martin"  # a demo contact with no call yet
SIZES = [(80, 24), (120, 40)]


def fits(confirm: Confirm, size: tuple[int, int]) -> None:
    """The question, who it is about, and both buttons are on the screen."""
    width, height = size
    for selector in ("#dialog", "#confirm", "#cancel"):
        region = confirm.query_one(selector).region
        assert region.x >= 0, selector
        assert region.y >= 0, selector
        assert region.right <= width, selector
        assert region.bottom <= height, selector


@pytest.mark.parametrize("size", SIZES)
async def test_p_then_escape_writes_nothing(make: AppFactory, size: tuple[int, int]) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, CONTACT)
        before = app.store.interviews.for_contact(zoe)
        await pilot.press("P")
        confirm = await opened(pilot, Confirm)
        assert confirm.query_one("#dialog").border_title == f"Start the call with {CONTACT} now?"
        fits(confirm, size)
        assert app.store.interviews.for_contact(zoe) == before  # nothing until it is confirmed
        await pilot.press("escape")
        await quiet(pilot)
        showing(app, PipelineScreen)
        assert app.store.interviews.for_contact(zoe) == before == []


@pytest.mark.parametrize(("size", "key"), [((80, 24), "enter"), ((120, 40), "y")])
async def test_p_then_enter_or_y_starts_the_call(
    make: AppFactory, size: tuple[int, int], key: str
) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, CONTACT)
        await pilot.press("P")
        await opened(pilot, Confirm)
        await pilot.press(key)
        await quiet(pilot)
        showing(app, CallScreen)
        (call,) = app.store.interviews.for_contact(zoe)
        assert call.status is InterviewStatus.IN_PROGRESS


async def test_the_palettes_start_call_now_asks_too(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, CONTACT)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*typed("Start call now"))
        await pilot.pause(0.3)  # the palette's search runs on a timer
        await pilot.press("enter")
        await opened(pilot, Confirm)
        assert app.store.interviews.for_contact(zoe) == []
        await pilot.press("n")
        await quiet(pilot)
        showing(app, PipelineScreen)
        assert app.store.interviews.for_contact(zoe) == []
