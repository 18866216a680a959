"""ScheduleCall: a day and a time in the future, an optional link, the target minutes."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Label

from informa.ui.dialogs.schedule_call import CallPlan, ScheduleCall
from tests.builders import NOW

from .host import SIZE, Host


def schedule(default_minutes: int = 25) -> Host[CallPlan | None]:
    return Host(
        lambda: ScheduleCall(contact_name="Sam Rivera", now=NOW, default_minutes=default_minutes)
    )


def label_text(app: Host[CallPlan | None], selector: str) -> str | None:
    label = app.screen.query_one(selector, Label)
    return str(label.content) if label.display else None


THURSDAY_3PM = datetime(2026, 11, 26, 15, 0, tzinfo=NOW.tzinfo)


async def test_a_day_alone_asks_for_a_time_and_a_day_with_a_time_works() -> None:
    app = schedule()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"thu", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert label_text(app, "#when-error") == "add a time, like 'thu 3pm'"
        await pilot.press(*" 3pm")
        assert label_text(app, "#when-error") is None
        assert label_text(app, "#when-note") == "→ Thu 26 Nov 2026, 15:00 (in 6 days)"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == CallPlan(at=THURSDAY_3PM, link="", minutes=25)


async def test_link_and_minutes() -> None:
    app = schedule(default_minutes=30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"thu 3pm", "tab", *"zoom.us/j/123", "tab")
        await pilot.press("ctrl+u", *"45", "enter")
        await pilot.pause()
    assert app.result == CallPlan(at=THURSDAY_3PM, link="https://zoom.us/j/123", minutes=45)


async def test_the_past_a_bad_link_and_odd_minutes_are_refused() -> None:
    app = schedule()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"today 9am", "tab", *"mailto:sam@acme.com", "tab")
        await pilot.press("ctrl+u", *"2", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert label_text(app, "#when-error") == "that is in the past"
        assert label_text(app, "#link-error") is not None
        assert label_text(app, "#minutes-error") == "between 5 and 180 minutes"
        assert app.screen.focused is app.screen.query_one("#when")


async def test_minutes_take_digits_only() -> None:
    app = schedule()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"tomorrow 10:30", "tab", "tab", "ctrl+u", *"4x0", "enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.minutes == 40
    assert result.at == datetime(2026, 11, 21, 10, 30, tzinfo=NOW.tzinfo)


async def test_escape_cancels() -> None:
    app = schedule()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"thu 3pm", "escape")
        await pilot.pause()
    assert app.results == [None]
