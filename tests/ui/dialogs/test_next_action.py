"""NextActionDialog: what to do next and when; both empty clears it."""

from __future__ import annotations

from datetime import date

from textual.widgets import Label

from informa.ui.dialogs.next_action import NextAction, NextActionDialog
from tests.builders import NOW

from .host import SIZE, Host


def next_dialog(text: str = "", due: date | None = None) -> Host[NextAction | None]:
    return Host(
        lambda: NextActionDialog(
            contact_name="Sam Rivera", now=NOW, current_text=text, current_due=due
        )
    )


def label_text(app: Host[NextAction | None], selector: str) -> str | None:
    label = app.screen.query_one(selector, Label)
    return str(label.content) if label.display else None


async def test_what_and_a_natural_due_day() -> None:
    app = next_dialog()
    async with app.run_test(size=SIZE) as pilot:
        assert label_text(app, "#due-note") == "no due date"
        await pilot.press(*"Follow up", "tab", *"in 3 days")
        assert label_text(app, "#due-note") == "→ Mon 23 Nov 2026 (in 3 days)"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == NextAction("Follow up", date(2026, 11, 23))


async def test_no_due_date() -> None:
    app = next_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Read their paper", "enter")
        await pilot.pause()
    assert app.result == NextAction("Read their paper", None)


async def test_emptying_both_clears() -> None:
    app = next_dialog("Send thank-you", date(2026, 11, 21))
    async with app.run_test(size=SIZE) as pilot:
        assert label_text(app, "#due-note") == "→ Sat 21 Nov 2026 (tomorrow)"
        await pilot.press("ctrl+u", "tab", "ctrl+u", "enter")
        await pilot.pause()
    result = app.result
    assert result == NextAction("", None)


async def test_a_due_day_needs_something_to_do_and_a_readable_date() -> None:
    app = next_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"someday soon", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert label_text(app, "#due-error") is not None
        await pilot.press("ctrl+u", *"friday", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert label_text(app, "#what-error") == "say what is due, or empty the date too"
        assert app.screen.focused is app.screen.query_one("#what")
        await pilot.press(*"Call back", "enter")
        await pilot.pause()
    assert app.result == NextAction("Call back", date(2026, 11, 27))


async def test_escape_cancels() -> None:
    app = next_dialog("Keep this")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
