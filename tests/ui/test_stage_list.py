"""The stage list on the left of the pipeline, driven by keys and the mouse."""

from __future__ import annotations

from textual import events
from textual.geometry import Offset
from textual.pilot import Pilot

from informa.demo import sample
from informa.domain.enums import VIEWS
from informa.ui.app import InformaApp
from informa.ui.widgets.contact_list import ContactList
from informa.ui.widgets.stage_list import StageList

from .helpers import AppFactory, settle


def stage_list(app: InformaApp) -> StageList:
    return app.screen.query_one(StageList)


def drawn(app: InformaApp) -> list[str]:
    """The stage list's lines as text, as on screen."""
    widget = stage_list(app)
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def title(app: InformaApp) -> str:
    return str(app.screen.query_one(ContactList).border_title)


async def test_every_view_is_drawn_with_its_count(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        lines = drawn(app)
        everyone = len(sample.CONTACTS)
        prospects = sum(person["stage"] == "prospect" for person in sample.CONTACTS)
        assert lines[0].startswith("Due")
        assert lines[0].split()[-1].isdigit()
        assert lines[1].split() == ["All", str(everyone)]
        assert lines[2].split() == ["Prospect", str(prospects)]
        assert lines[3].split() == ["Reached", "out", str(lines[3].split()[-1])]
        assert len(lines[1]) == len(lines[2]) == 16  # the counts flush right
        assert not any(lines[len(VIEWS) :])


async def test_arrows_move_through_the_views_and_enter_hands_over_to_the_list(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        stage_list(app).focus()
        await pilot.press("down")
        await settle(pilot)
        assert stage_list(app).view == "all"
        assert title(app).startswith("All (")
        await pilot.press("down")
        await settle(pilot)
        assert title(app).startswith("Prospect (")
        await pilot.press("up", "up", "up")  # back to Due, then round to the last view
        await settle(pilot)
        assert stage_list(app).view == VIEWS[-1]
        assert title(app).startswith("Closed (")
        await pilot.press("home")
        await settle(pilot)
        assert stage_list(app).view == "due"
        await pilot.press("end", "down")  # past the last: round to the first
        await settle(pilot)
        assert stage_list(app).view == "due"
        assert stage_list(app).has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ContactList)


async def test_a_click_shows_the_view_and_hands_over_to_the_list(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        # The border takes the first line: "Prospect" is on the third line of the content.
        assert await pilot.click(StageList, offset=(3, 1 + VIEWS.index("prospect")))
        await settle(pilot)
        assert stage_list(app).view == "prospect"
        assert title(app).startswith("Prospect (")
        assert isinstance(app.focused, ContactList)


async def test_the_highlight_stays_in_sight_in_a_short_terminal(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 9)) as pilot:  # room for a few views only
        await settle(pilot)
        widget = stage_list(app)
        assert widget.size.height < len(VIEWS)
        await pilot.press("6")  # Closed, the last view
        await settle(pilot)
        lines = drawn(app)
        assert lines[-1].startswith("Closed"), lines
        await pilot.press("d")
        await settle(pilot)
        assert drawn(app)[0].startswith("Due")


async def wheel(pilot: Pilot[None], widget: StageList, step: int) -> None:
    """Turn the mouse wheel over ``widget``, as the terminal reports it."""
    x, y = widget.content_region.offset + Offset(2, 1)
    kind = events.MouseScrollDown if step > 0 else events.MouseScrollUp
    pilot.app.post_message(kind(None, x, y, 0, step, 0, False, False, False, x, y))
    await pilot.pause()


async def test_the_mouse_wheel_scrolls_a_short_list(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 9)) as pilot:
        await settle(pilot)
        assert drawn(app)[0].startswith("Due")
        await wheel(pilot, stage_list(app), 1)
        assert drawn(app)[0].startswith("All")
        await wheel(pilot, stage_list(app), -1)
        assert drawn(app)[0].startswith("Due")
        await wheel(pilot, stage_list(app), -1)  # already at the top
        assert drawn(app)[0].startswith("Due")
        assert stage_list(app).view == "due"  # scrolling moves no highlight


async def test_a_short_list_marks_the_views_out_of_sight(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 9)) as pilot:
        await settle(pilot)
        lines = drawn(app)
        assert lines[-1].endswith("▼")
        assert not lines[0].endswith("▲")
        await pilot.press("6")  # Closed, the last view: the list scrolls to it
        await settle(pilot)
        lines = drawn(app)
        assert lines[0].endswith("▲")
        assert not lines[-1].endswith("▼")
    roomy = make()
    async with roomy.run_test(size=(100, 40)) as pilot:  # room for all: no marks
        await settle(pilot)
        assert not any(line.endswith(("▲", "▼")) for line in drawn(roomy))


async def test_the_focused_highlight_draws_due_in_the_cursors_colours(make: AppFactory) -> None:
    """Due's count is in the warning colour, except on the focused highlight, whose own
    colours stay legible on its bar (a warning colour on it was hard to read in light
    themes)."""
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        widget = stage_list(app)
        urgent = widget.get_component_rich_style("stage-list--urgent").color
        cursor = widget.get_component_rich_style("stage-list--cursor").color
        assert urgent != cursor

        def due_colours() -> set[object]:
            segments = [s for s in widget.render_line(0) if s.text.strip()]
            return {s.style.color if s.style else None for s in segments}

        assert due_colours() == {urgent}  # the list has the focus: Due stands out
        widget.focus()
        await pilot.pause()
        cursor = widget.get_component_rich_style("stage-list--cursor").color
        assert due_colours() == {cursor}
