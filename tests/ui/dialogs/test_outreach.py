"""OutreachComposer: template, message, a checklist that follows every edit; f2 copies the
message and returns it only once the user says it was sent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Label, Static, TextArea

from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.outreach import CheckLike, OutreachComposer
from tests.ui.helpers import opened

from .host import SIZE, Host

TEMPLATES = [
    ("alumni", "Alumni intro", "Hi Sam, could we talk for 20 minutes?"),
    ("cold", "Cold note", "Hello Sam"),
]


@dataclass(frozen=True)
class FakeCheck:
    rule: str
    level: str
    message: str


def fake_check(text: str) -> Sequence[CheckLike]:
    return [
        FakeCheck("ask", "ok" if "minutes" in text else "warn", "asks for a short call"),
        FakeCheck("job", "error" if "job" in text.lower() else "ok", "no job ask"),
    ]


def composer() -> Host[str | None]:
    return Host(
        lambda: OutreachComposer(contact_name="Sam Rivera", templates=TEMPLATES, check=fake_check)
    )


async def copy_and_confirm(pilot: Pilot[Any], answer: str = "y") -> None:
    """f2 in the composer, then ``answer`` to "Sent it?"."""
    await pilot.press("f2")
    await opened(pilot, Confirm)
    await pilot.press(answer)
    await pilot.pause()


def checklist(app: Host[str | None]) -> str:
    return str(app.screen.query_one("#checks", Static).content)


async def test_the_checklist_follows_the_text_and_f2_returns_it() -> None:
    app = composer()
    async with app.run_test(size=SIZE) as pilot:
        area = app.screen.query_one("#message", TextArea)
        assert area.text == TEMPLATES[0][2]
        assert checklist(app).splitlines() == [
            "✓ asks for a short call",
            "✓ no job ask",
            "",
            "8 words · 37 characters",
        ]
        await pilot.press("end", *" Any job openings?")
        assert "✗ no job ask" in checklist(app)
        assert "11 words" in checklist(app)
        await pilot.press(*["backspace"] * len(" Any job openings?"), *" Thanks!")
        assert "✓ no job ask" in checklist(app)
        await copy_and_confirm(pilot)
    assert app.result == "Hi Sam, could we talk for 20 minutes? Thanks!"


async def test_choosing_another_template_replaces_the_text() -> None:
    app = composer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", "enter", "down", "enter")  # Alumni intro → Cold note
        area = app.screen.query_one("#message", TextArea)
        assert area.text == "Hello Sam"
        assert "! asks for a short call" in checklist(app)
        await pilot.press("tab", "ctrl+z")  # the previous text is an undo away
        assert area.text == TEMPLATES[0][2]
        await copy_and_confirm(pilot)
    assert app.result == TEMPLATES[0][2]


async def test_a_failed_check_asks_for_a_second_f2() -> None:
    app = composer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", *" A job?", "f2")
        await pilot.pause()
        assert not app.dismissed
        error = app.screen.query_one("#form-error", Label)
        assert error.display
        assert "press F2 again to copy anyway" in str(error.content)
        await copy_and_confirm(pilot)
    assert app.result == TEMPLATES[0][2] + " A job?"


async def test_an_empty_message_is_not_sent_and_escape_cancels() -> None:
    app = composer()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+k", "f2")  # the cursor starts at the top: delete the line
        await pilot.pause()
        assert not app.dismissed
        assert str(app.screen.query_one("#form-error", Label).content) == "Write a message first."
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_without_templates_the_user_writes_from_scratch() -> None:
    app: Host[str | None] = Host(
        lambda: OutreachComposer(contact_name="Sam", templates=[], check=fake_check)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Hi Sam, 20 minutes?")
        await copy_and_confirm(pilot)
    assert app.result == "Hi Sam, 20 minutes?"


async def test_f2_copies_and_nothing_is_returned_until_the_user_says_it_was_sent(
    tmux_buffer: Path,
) -> None:
    app = composer()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f2")
        question = await opened(pilot, Confirm)
        assert tmux_buffer.read_text(encoding="utf-8") == TEMPLATES[0][2]
        assert app.clipboard == TEMPLATES[0][2]  # and sent to the terminal (OSC 52)
        assert [str(n.message) for n in app._notifications] == [
            "Copied the message to tmux's buffer."
        ]
        assert "Sent it to Sam Rivera?" in str(question.query_one("#dialog").border_title)
        await pilot.press("n")  # not yet: back to the message, nothing returned
        await pilot.pause()
        assert isinstance(app.screen, OutreachComposer)
        assert not app.dismissed
        await pilot.press("escape")  # closed without saying it was sent
        await pilot.pause()
    assert app.results == [None]
