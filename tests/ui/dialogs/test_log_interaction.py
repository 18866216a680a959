"""LogInteraction: what happened, when (read back live), and a line of detail."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Label

from informa.domain.model import ActivityKind
from informa.ui.dialogs.log_interaction import InteractionEntry, LogInteraction
from tests.builders import NOW

from .host import SIZE, Host


def log_dialog(kind: ActivityKind = ActivityKind.OUTREACH) -> Host[InteractionEntry | None]:
    return Host(lambda: LogInteraction(contact_name="Sam Rivera", now=NOW, kind=kind))


def label_text(app: Host[InteractionEntry | None], selector: str) -> str | None:
    label = app.screen.query_one(selector, Label)
    return str(label.content) if label.display else None


async def test_defaults_log_an_outreach_now() -> None:
    app = log_dialog()
    async with app.run_test(size=SIZE) as pilot:
        assert label_text(app, "#when-note") == "→ Fri 20 Nov 2026, 15:30 (today)"
        await pilot.press("tab", "tab", *"Sent the alumni intro", "enter")
        await pilot.pause()
    assert app.result == InteractionEntry(ActivityKind.OUTREACH, NOW, "Sent the alumni intro")


async def test_yesterday_is_yesterday_at_the_current_time_of_day() -> None:
    app = log_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "down", "down", "enter")  # Outreach sent → Call
        await pilot.press("tab", *"yesterday")
        assert label_text(app, "#when-note") == "→ Thu 19 Nov 2026 (yesterday)"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == InteractionEntry(ActivityKind.CALL, NOW - timedelta(days=1), "")


async def test_a_time_given_is_kept() -> None:
    app = log_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"yesterday 9:15", "enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.at == datetime(2026, 11, 19, 9, 15, tzinfo=NOW.tzinfo)


async def test_an_unreadable_date_shows_an_error_and_does_not_dismiss() -> None:
    app = log_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"xyz")
        error = label_text(app, "#when-error")
        assert error is not None
        assert error.startswith("could not read 'xyz' as a date")
        assert label_text(app, "#when-note") is None
        await pilot.press("enter")
        await pilot.pause()
        assert not app.dismissed
        await pilot.press("ctrl+u", *"today", "enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.at == NOW


async def test_the_future_is_refused() -> None:
    app = log_dialog()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"2026-12-03", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert label_text(app, "#when-error") == "that is in the future"
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_a_kind_outside_the_list_can_be_preselected() -> None:
    app = log_dialog(ActivityKind.THANK_YOU)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape", "tab", "enter")  # open and close the list; save
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.kind is ActivityKind.THANK_YOU


async def test_f2_saves_from_any_field() -> None:
    app = log_dialog(ActivityKind.REPLY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")  # the kind list has the focus
        await pilot.pause()
    assert app.result == InteractionEntry(ActivityKind.REPLY, NOW, "")
