"""Copying says which way it went; when no way is known to work, the text is shown to copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from informa.templates import bundled_templates_dir, load_thank_you_templates
from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.copy_text import CopyByHand
from informa.ui.dialogs.outreach import OutreachComposer
from tests.clipboard import fake_tmux, system_clipboard
from tests.ui.helpers import opened

from .host import SIZE, Host, shown
from .test_outreach import TEMPLATES, composer
from .test_thank_you import dialog as thank_you
from .test_thank_you import draft

MESSAGE = TEMPLATES[0][2]


async def test_the_toast_names_every_way_it_went(
    tmux_buffer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clipboard = system_clipboard(monkeypatch)
    app = composer()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f2")
        await opened(pilot, Confirm)
        assert [str(n.message) for n in app._notifications] == [
            "Copied the message to the system clipboard and tmux's buffer."
        ]
        assert clipboard == [MESSAGE]
        assert tmux_buffer.read_text(encoding="utf-8") == MESSAGE


async def test_outside_tmux_the_system_clipboard_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX")
    system_clipboard(monkeypatch)
    app = composer()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f2")
        await opened(pilot, Confirm)
        assert [str(n.message) for n in app._notifications] == [
            "Copied the message to the system clipboard."
        ]


async def test_with_no_way_known_to_work_the_text_is_shown_to_select(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tmux(tmp_path, monkeypatch, status=1)  # inside tmux, but its server does not answer
    app: Host[str | None] = composer()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f2")
        view = await opened(pilot, CopyByHand)
        assert [(str(n.message), n.severity) for n in app._notifications] == [
            ("No clipboard found: the message is shown to copy by hand.", "warning")
        ]
        area = view.query_one("#by-hand", TextArea)
        assert (area.text, area.read_only) == (MESSAGE, True)
        assert app.focused is area  # ready to select: shift+arrows, or the mouse
        assert "found no clipboard" in shown(app)
        assert "Copy the message by hand" in shown(app)
        await pilot.press("shift+end", "x")  # selecting works; typing changes nothing
        assert (area.selected_text, area.text) == (MESSAGE.splitlines()[0], MESSAGE)
        assert app.clipboard == MESSAGE  # it was still sent to the terminal (OSC 52)
        await pilot.press("escape")
        await opened(pilot, Confirm)  # then, as always, "Sent it?"
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, OutreachComposer)
    assert app.result == MESSAGE


async def test_a_thank_you_shown_to_copy_by_hand_is_then_marked_sent_with_one_f2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_tmux(tmp_path, monkeypatch, status=1)
    app = thank_you(load_thank_you_templates(bundled_templates_dir()).templates)
    async with app.run_test(size=SIZE) as pilot:
        text = draft(app)
        await pilot.press("f3")
        view = await opened(pilot, CopyByHand)
        assert view.query_one("#by-hand", TextArea).text == text
        assert "Copy the thank-you by hand" in shown(app)
        await pilot.press("escape", "f2")  # the user has the text as it stands
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.text == text
