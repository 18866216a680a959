"""ThankYouDialog: ticked lines fill the draft, f3 copies it, f2 marks it sent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from informa.domain.notes import TaggedLine
from informa.domain.thanks import introductions, learned_items
from informa.templates import (
    Template,
    TemplateSet,
    bundled_templates_dir,
    load_thank_you_templates,
)
from informa.ui.dialogs.thank_you import ThankYouDialog, ThankYouResult
from tests.builders import NOW

from .host import SIZE, Host, shown

SnapCompare = Callable[..., bool]
CALL_END = datetime(2026, 11, 19, 17, 45, tzinfo=UTC)  # the day before NOW
NOTES = """\
## [02:10] What does a typical day look like?
I: Mornings are for analysis, afternoons for stakeholder meetings
A: Learn SQL window functions before interviewing
## [09:45] How did you move from academia?
A: Frame the postdoc as project management
I: The team hires about two PhDs a year
R: Jane Doe (Lumen Analytics) — leads the experimentation team
"""
ITEMS = learned_items(NOTES)
MORNINGS, SQL, FRAME, HIRES = (item.text for item in ITEMS)
# Long lines, for a LinkedIn note that does not fit with three of them ticked.
LONG_ITEMS = learned_items(
    "A: Spend the next month building one end-to-end analysis project with messy real data\n"
    "A: Ask the hiring manager what a really successful first ninety days would look like "
    "at Lumen\n"
    "A: Keep the postdoc publications on the CV but describe them as shipped products "
    "in interviews\n"
)


@pytest.fixture(scope="module")
def templates() -> TemplateSet:
    loaded = load_thank_you_templates(bundled_templates_dir())
    assert loaded.problems == ()
    return loaded


def dialog(
    templates: Sequence[Template],
    *,
    items: Sequence[TaggedLine] = ITEMS,
    names: Sequence[str] = (),
    template_id: str | None = None,
) -> Host[ThankYouResult | None]:
    return Host(
        lambda: ThankYouDialog(
            contact_name="Dr. Maya Okafor",
            company="Lumen Analytics",
            call_end=CALL_END,
            items=items,
            introductions=names,
            templates=templates,
            my_name="Sam Rivera",
            now=NOW,
            template_id=template_id,
        )
    )


def draft(app: Host[Any]) -> str:
    return app.screen.query_one("#draft", TextArea).text


def counter(app: Host[Any]) -> Static:
    return app.screen.query_one("#counter", Static)


def focused_id(app: Host[Any]) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


def note(app: Host[Any]) -> str:
    return str(app.screen.query_one("#learned-note", Label).content)


async def choose_template(pilot: Pilot[Any], downs: int) -> None:
    """From the ticks list (where the dialog opens), open the template picker and move."""
    await pilot.press("shift+tab", "enter", *["down"] * downs, "enter")
    await pilot.pause()


async def test_the_picks_fill_the_draft_and_unticking_one_takes_it_out(
    templates: TemplateSet,
) -> None:
    app = dialog(templates.templates, names=introductions(NOTES))
    async with app.run_test(size=SIZE) as pilot:
        learned = app.screen.query_one("#learned", SelectionList)
        assert focused_id(app) == "learned"
        # Both Advice lines, then the first Info line to make three, in note order.
        assert learned.selected == [0, 1, 2]
        assert draft(app) == (
            "Hi Maya,\n\n"
            "Thank you for taking the time to talk with me yesterday. It was generous of you, "
            "and I came away with a much clearer picture of the work at Lumen Analytics.\n\n"
            "What I'm taking with me:\n"
            f"- {MORNINGS}\n- {SQL}\n- {FRAME}\n\n"
            "Thank you also for suggesting I reach out to Jane Doe.\n\n"
            "I'll let you know how things go. Thanks again,\nSam Rivera"
        )
        assert app.screen.query_one("#subject", Input).value == "Thank you for your time yesterday"
        assert "3 of 4 ticked" in note(app)
        assert str(counter(app).content) == f"80 words · {len(draft(app))} characters"

        await pilot.press("space")  # the cursor starts on the first line: untick it
        await pilot.pause()
        assert MORNINGS not in draft(app)
        assert f"- {SQL}\n- {FRAME}\n\n" in draft(app)
        await pilot.press("down", "down", "down", "space")  # tick the last Info line
        await pilot.pause()
        assert f"- {SQL}\n- {FRAME}\n- {HIRES}\n\n" in draft(app)
        assert "3 of 4 ticked" in note(app)

        await pilot.press("space", "up", "space", "up", "space")  # untick all three
        await pilot.pause()
        assert learned.selected == []
        assert "What I'm taking with me" not in draft(app)
        assert "\n\n\n" not in draft(app)


async def test_switching_template_fills_the_draft_in_again(templates: TemplateSet) -> None:
    app = dialog(templates.templates)
    async with app.run_test(size=SIZE) as pilot:
        email = draft(app)
        await choose_template(pilot, 1)  # Thank-you email → Short thank-you (chat message)
        assert draft(app) == (
            "Hi Maya, thank you again for talking with me yesterday! It was really helpful.\n"
            f"What stayed with me most: {MORNINGS}; {SQL}; and {FRAME}.\n"
            "Thanks, Sam Rivera"
        )
        assert not app.screen.query_one("#subject-row").display  # a message has no subject
        await pilot.press("tab", "tab", "ctrl+z")  # to the draft: the email is an undo away
        assert draft(app) == email


async def test_a_hand_edit_is_kept_when_ticks_change_until_f4(templates: TemplateSet) -> None:
    app = dialog(templates.templates, template_id="thank-you-message")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "end", *" See you soon!")
        edited = draft(app)
        assert edited.endswith("See you soon!")
        await pilot.press("shift+tab", "space")  # untick the first line
        await pilot.pause()
        assert draft(app) == edited
        assert "You edited the draft" in note(app)
        await pilot.press("f4")
        await pilot.pause()
        assert MORNINGS not in draft(app)
        assert not draft(app).endswith("See you soon!")
        assert "2 of 4 ticked" in note(app)


async def test_copy_puts_the_draft_on_the_clipboard_and_f2_marks_it_sent(
    templates: TemplateSet, tmux_buffer: Path
) -> None:
    app = dialog(templates.templates)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        text = draft(app)
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == text  # what copy_to_clipboard sent to the terminal (OSC 52)
        assert tmux_buffer.read_text(encoding="utf-8") == text
        assert [str(n.message) for n in app._notifications] == [
            "Copied the thank-you to tmux's buffer. Send it, then press F2: mark sent."
        ]
        assert not app.dismissed  # copying alone does not mark it sent
        await pilot.press("tab", "tab", "end", "!", "f2")  # an edit after copying asks again
        await pilot.pause()
        assert "Changed since you copied it" in str(
            app.screen.query_one("#form-error", Label).content
        )
        await pilot.press("backspace", "f2")  # as copied: f2 marks it sent at once
        await pilot.pause()
    result = app.result
    assert result == ThankYouResult(
        text, "thank-you-email", "email", sent=True, subject="Thank you for your time yesterday"
    )
    assert result.detail == "Thank-you sent by email"


async def test_f2_before_copying_asks_to_be_pressed_again(templates: TemplateSet) -> None:
    app = dialog(templates.templates, template_id="thank-you-message")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert not app.dismissed
        error = app.screen.query_one("#form-error", Label)
        assert error.display
        assert "press F2 again" in str(error.content)
        await pilot.press("f2")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert (result.template_id, result.channel, result.sent, result.subject) == (
        "thank-you-message",
        "message",
        True,
        "",
    )
    assert result.text.startswith("Hi Maya, thank you again")


async def test_the_linkedin_counter_turns_red_past_300(templates: TemplateSet) -> None:
    app = dialog(templates.templates, items=LONG_ITEMS, template_id="thank-you-linkedin-note")
    async with app.run_test(size=SIZE) as pilot:
        length = len(draft(app))
        assert length >= 300
        assert counter(app).has_class("-over")
        assert f"{length}/300 characters: {length - 299} too many for a LinkedIn note" in str(
            counter(app).content
        )
        await pilot.press("space")  # untick the first
        await pilot.pause()
        assert 295 <= len(draft(app)) < 300
        assert not counter(app).has_class("-over")
        assert "characters: fits a LinkedIn note" in str(counter(app).content)
        await pilot.press("tab", "end", *"!" * (300 - len(draft(app))))  # exactly 300: too many
        assert len(draft(app)) == 300
        assert counter(app).has_class("-over")
        await pilot.press("backspace")
        assert not counter(app).has_class("-over")


async def test_enter_in_the_subject_moves_on_and_f3_there_copies_it(
    templates: TemplateSet, tmux_buffer: Path
) -> None:
    app = dialog(templates.templates)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert focused_id(app) == "subject"
        await pilot.press("end", *" and advice", "f3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == "Thank you for your time yesterday and advice"
        assert tmux_buffer.read_text(encoding="utf-8") == app.clipboard
        await pilot.press("enter")
        await pilot.pause()
        assert not app.dismissed
        assert focused_id(app) == "draft"
        await pilot.press("f2", "f2")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.subject == "Thank you for your time yesterday and advice"


async def test_escape_cancels(templates: TemplateSet) -> None:
    app = dialog(templates.templates)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_without_items_or_templates_the_user_writes_it() -> None:
    app = dialog([], items=[])
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query("#learned")
        assert "No Advice (A:) or Info (I:) lines" in shown(app)
        assert focused_id(app) == "draft"
        await pilot.press("f3")
        await pilot.pause()
        assert "Nothing to copy" in str(app.screen.query_one("#form-error", Label).content)
        await pilot.press(*"Thanks Maya!", "f3", "f2")
        await pilot.pause()
    assert app.result == ThankYouResult("Thanks Maya!", "", "", sent=True)


def test_every_key_has_an_id_and_a_description() -> None:
    keys: dict[str, Binding] = {}
    for owner in reversed(ThankYouDialog.__mro__):
        if owner.__module__.startswith("informa."):
            for binding in owner.__dict__.get("BINDINGS", []):
                assert isinstance(binding, Binding)
                keys[binding.key] = binding
    assert {key: binding.id for key, binding in keys.items()} == {
        "escape": "dialog_cancel",
        "f2": "dialog_save",
        "f3": "dialog_copy",
        "f4": "dialog_refill",
    }
    assert all(binding.description for binding in keys.values())


def test_thank_you_dialog(snap_compare: SnapCompare, templates: TemplateSet) -> None:
    app = dialog(templates.templates, names=introductions(NOTES))
    assert snap_compare(app, terminal_size=SIZE)
