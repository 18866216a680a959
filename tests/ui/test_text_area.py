"""Every text box of several lines: ctrl+home / ctrl+end go to the start / end of the text."""

from __future__ import annotations

from textual.app import App, ComposeResult

from informa.ui.widgets.safe_area import SafeTextArea

from .helpers import AppFactory
from .test_call import open_call, prepare

TEXT = "\n".join(f"line {n} of the notes" for n in range(60))


class Box(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeTextArea(TEXT, id="box")


async def test_ctrl_end_and_ctrl_home_go_to_the_end_and_the_start() -> None:
    app = Box()
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((10, 3))
        await pilot.press("ctrl+end")
        assert area.cursor_location == (59, len("line 59 of the notes"))
        assert area.scroll_y > 0  # the end is in view
        await pilot.press("ctrl+home")
        assert area.cursor_location == (0, 0)
        assert area.scroll_y == 0


async def test_with_shift_they_select_to_there() -> None:
    app = Box()
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((1, 0))
        await pilot.press("ctrl+shift+home")
        assert area.selected_text == "line 0 of the notes\n"
        area.move_cursor((59, 0))
        await pilot.press("ctrl+shift+end")
        assert area.selected_text == "line 59 of the notes"


async def test_the_calls_notes_have_them_too(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_call(pilot, await prepare(pilot))
        notes = screen.editor
        notes.focus()
        notes.load_text(TEXT)
        notes.move_cursor((0, 0))
        await pilot.press("ctrl+end")
        assert notes.cursor_location == notes.document.end
        await pilot.press("ctrl+home")
        assert notes.cursor_location == (0, 0)
