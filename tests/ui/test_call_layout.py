"""The call at a real desk: at 80 and 100 columns the notes take the width, under a strip with
the clock and the question; the side panel comes back on a key, and the choice is kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widget import Widget

from informa.domain.model import PitchCard
from informa.ui.app import InformaApp
from informa.ui.screens.call import CallScreen

from .helpers import AppFactory, settle, typed
from .test_call import OPENER, TYPICAL_DAY, open_call, prepare

SnapCompare = Callable[..., bool]


def shown(widget: Widget) -> bool:
    """On the screen: displayed, with an ancestor chain displayed, and a size."""
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return widget.region.width > 0 and widget.region.height > 0


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_notes_take_the_width_under_the_clock_and_the_question(
    make: AppFactory, size: tuple[int, int]
) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        screen = await open_call(pilot, await prepare(pilot, started_ago=timedelta(minutes=12)))
        assert screen.editor.region.width >= 0.75 * size[0]
        assert not screen.panel_shown
        assert shown(screen.strip)
        line = " ".join(screen.strip.text.split())
        assert line.startswith("12:00 / 25:00 · ")
        assert f"Q1/3 {OPENER}" in line
        await pilot.press("f2")
        await settle(pilot)
        assert f"Q2/3 {TYPICAL_DAY}" in " ".join(screen.strip.text.split())
        # Every word of the strip is whole on screen: it wraps, it is not cut.
        assert screen.strip.region.height >= 1
        assert screen.strip.region.right <= size[0]


async def test_the_panel_key_shows_the_checklist_and_is_remembered(
    make: AppFactory, config_dir: Any
) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        commands = {command.title for command in app.get_system_commands(screen)}
        assert "Show or hide the side panel" in commands
        await pilot.press("f12")
        await pilot.pause()
        assert screen.panel_shown
        assert shown(screen.checklist)
        assert shown(screen.timer)
        assert not shown(screen.strip)
        assert screen.editor.has_focus
        await pilot.press(*typed("still typing"))
        assert screen.editor.text == "still typing"
    assert "call_panel: side" in (config_dir / "settings.yaml").read_text(encoding="utf-8")

    again = make()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)  # the call left open is offered: resume it
        await pilot.press("y")
        await settle(pilot)
        resumed = again.screen
        assert isinstance(resumed, CallScreen)
        assert resumed.interview_id == interview.id
        assert resumed.panel_shown
        assert shown(resumed.checklist)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert shown(resumed.strip)
        assert not shown(resumed.checklist)
    assert "call_panel: strip" in (config_dir / "settings.yaml").read_text(encoding="utf-8")


async def test_wide_screens_keep_the_side_column(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        assert screen.panel_shown
        assert shown(screen.checklist)
        assert shown(screen.timer)
        assert not shown(screen.strip)
        assert screen.query_one("#call-side").region.width == 46
        await pilot.press("f12")  # not offered: nothing changes
        await pilot.pause()
        assert not screen.has_class("-side")
        commands = {command.title for command in app.get_system_commands(screen)}
        assert "Show or hide the side panel" not in commands
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert shown(screen.strip)
        assert not shown(screen.checklist)


async def test_f4_at_80_columns_shows_the_pitch_card_in_the_panel(make: AppFactory) -> None:
    app = make(save_settings=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.profile.save_pitch(
            PitchCard(
                background="Postdoc in computational ecology; six years of field data and R.",
                goals="A first data science role in climate or health tech.",
                skills="Experimental design\nPython, R, SQL\nTeaching and explaining results",
            )
        )
        screen = await open_call(pilot, await prepare(pilot))
        await pilot.press("f4")
        await pilot.pause()
        assert screen.panel_shown
        assert shown(screen.pitch_card)
        assert shown(screen.timer)
        assert shown(screen.query_one("#checklist-current"))  # the question, under the card


def _during_a_call(theme: str | None) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, InformaApp)
        if theme is not None:
            app.theme = theme
        interview = await prepare(pilot, started_ago=timedelta(minutes=20, seconds=30))
        screen = await open_call(pilot, interview)
        screen.editor.cursor_blink = False
        await pilot.press("f2", *typed("Physics PhD, then a postdoc"), "enter")
        await pilot.press(*typed("learn dbt before applying"), "f5", "enter")
        await pilot.pause(screen.autosave_max_wait)
        await settle(pilot)
        app.clear_notifications()
        await pilot.pause()

    return run_before


def test_call_at_80x24_dark(snap_compare: SnapCompare, make: AppFactory) -> None:
    app = make(save_settings=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_during_a_call(None))


def test_call_at_80x24_light(snap_compare: SnapCompare, make: AppFactory) -> None:
    app = make(save_settings=False)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_during_a_call("informa-light"))


def test_call_at_120x40(snap_compare: SnapCompare, make: AppFactory) -> None:
    app = make(save_settings=False)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_during_a_call(None))
