"""The title bar at the top of every screen."""

from __future__ import annotations

from textual.command import CommandPalette

from informa.ui.app import InformaApp
from informa.ui.widgets.title_bar import ICON, TitleBar

from .helpers import AppFactory, settle


def bar_text(app: InformaApp) -> str:
    return app.screen.query_one(TitleBar).render_line(0).text


async def test_the_title_and_sub_title_are_centred_after_the_icon(make: AppFactory) -> None:
    app = make(demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = bar_text(app)
        assert len(line) == 100
        assert line.startswith(f" {ICON} ")
        title = "informa — demo data"
        start = line.index(title)
        assert start == 8 + (100 - 8 - 10 - len(title)) // 2  # between the icon and the right


async def test_a_long_sub_title_is_cut_with_an_ellipsis(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(40, 20)) as pilot:
        await settle(pilot)
        line = bar_text(app).rstrip()
        assert str(app.db_path) not in line  # the path is longer than the room
        assert line.endswith("…")
        assert "informa — " in line
        assert len(bar_text(app)) == 40


async def test_the_screen_title_replaces_the_app_title_and_follows_changes(
    make: AppFactory,
) -> None:
    app = make(demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.title = "Somewhere else"
        await pilot.pause()
        assert "Somewhere else — demo data" in bar_text(app)
        app.sub_title = ""
        await pilot.pause()
        assert "Somewhere else" in bar_text(app)
        assert "—" not in bar_text(app)


async def test_a_click_on_the_icon_opens_the_command_palette(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_click_on_the_title_does_nothing(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert await pilot.click(TitleBar, offset=(50, 0))
        await pilot.pause()
        assert app.screen is screen


async def test_hovering_the_icon_says_what_it_does(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(TitleBar)
        await pilot.hover(TitleBar, offset=(1, 0))
        assert bar.tooltip == "Open the command palette"
        await pilot.hover(TitleBar, offset=(50, 0))
        assert bar.tooltip is None
