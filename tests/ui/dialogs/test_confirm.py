"""Confirm: Cancel has the focus, so a stray enter is safe; y confirms."""

from __future__ import annotations

from informa.ui.dialogs.confirm import Confirm

from .host import SIZE, Host, shown


def confirm(danger: bool = True) -> Host[bool]:
    return Host(
        lambda: Confirm(
            title="Delete [b]Sam?",
            message="This removes Sam and their timeline.",
            danger=danger,
        )
    )


async def test_enter_on_the_default_focus_cancels() -> None:
    app = confirm()
    async with app.run_test(size=SIZE) as pilot:
        assert "Delete [b]Sam?" in shown(app)  # user text, never markup
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [False]


async def test_y_confirms() -> None:
    app = confirm()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [True]


async def test_the_confirm_button() -> None:
    app = confirm(danger=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert app.results == [True]


async def test_n_and_escape_cancel() -> None:
    for key in ("n", "escape"):
        app = confirm()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(key)
            await pilot.pause()
        assert app.results == [False]
