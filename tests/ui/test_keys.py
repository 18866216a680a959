"""The table of keys at work: a key remapped in settings is the key the help panel shows and
the key that acts; every action of a screen is in its command palette."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import HelpPanel, Markdown, TextArea
from textual.widgets._markdown import MarkdownBlock

from informa.domain.model import InterviewStatus
from informa.ui.keys import keys_of
from informa.ui.screens.call import CallScreen
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.review import ReviewScreen

from .helpers import AppFactory, quiet, select, settle, showing, start_call_now, typed

SIZE = (140, 40)
CONTACT = "Aisha Rahman"  # a scheduled call in the demo


async def start_call(pilot: Pilot[Any]) -> CallScreen:
    """Open the call with ``CONTACT`` as a user does: find them, ``P``."""
    await settle(pilot)
    await select(pilot, pilot.app, CONTACT)  # type: ignore[arg-type]
    await start_call_now(pilot)
    return showing(pilot.app, CallScreen)  # type: ignore[arg-type]


def help_text(pilot: Pilot[Any]) -> tuple[str, str]:
    """The help panel's Markdown source, and the text it draws."""
    panel = pilot.app.screen.query_one(HelpPanel)
    markdown = panel.query_one("#widget-help", Markdown)
    drawn = "\n".join(str(block.render()) for block in markdown.query(MarkdownBlock))
    return markdown.source, drawn


def palette_titles(palette: CommandPalette) -> list[str]:
    command_list = palette.query_one(CommandList)
    titles = []
    for index in range(command_list.option_count):
        prompt = command_list.get_option_at_index(index).prompt
        assert isinstance(prompt, Content)
        titles.append(prompt.plain.split("\n")[0])
    return titles


async def test_a_remapped_key_is_shown_in_the_help_and_acts(
    make: AppFactory, config_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.yaml").write_text("keys:\n  call_end: f12\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_call(pilot)
        await pilot.press("f1")
        await pilot.pause()
        source, drawn = help_text(pilot)
        assert "- `F12` **End call**: " in source
        assert "F12 End call: saves" in drawn
        assert "F10" not in source
        await pilot.press(*typed("thanks"), "f10")  # the old key does nothing now
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("f12")
        await quiet(pilot)
        showing(app, DebriefScreen)
        ended = app.store.interviews.get(screen.interview_id)
        assert ended.status is InterviewStatus.DONE
        assert ended.notes == "thanks"


async def open_palette(pilot: Pilot[Any], query: str) -> CommandPalette:
    await pilot.press("ctrl+p", *typed(query))
    await quiet(pilot)
    return showing(pilot.app, CommandPalette)  # type: ignore[arg-type]


async def test_the_palette_in_a_call_offers_its_actions(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_call(pilot)
        palette = await open_palette(pilot, "pause")
        assert palette_titles(palette)[0] == "Pause or resume the clock"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        palette = await open_palette(pilot, "end call")
        assert palette_titles(palette)[0] == "End call"
        await pilot.press("enter")
        await quiet(pilot)
        showing(app, DebriefScreen)
        assert app.store.interviews.get(screen.interview_id).status is InterviewStatus.DONE


CALL_SEARCHES = {
    "end": "End call",
    "call": "End call",
    "pause": "Pause or resume the clock",
    "resume": "Pause or resume the clock",
    "referral": "Tag as Referral",
    "add referral": "Add referral",
    "tag advice": "Tag as Advice",
    "info": "Tag as Info",
    "todo": "Tag as Action (TODO)",
    "skip": "Skip question",
    "asked": "Question asked",
    "pitch": "Pitch card",
    "time": "Write the time",
    "leave": "Leave the call open",
    "help": "Keys and help",
}


async def test_the_palette_finds_every_call_action_by_name(make: AppFactory) -> None:
    """What a user would type for an action of the call finds it first."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_call(pilot)
        found = {}
        for query in CALL_SEARCHES:
            palette = await open_palette(pilot, query)
            found[query] = palette_titles(palette)[0]
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
        assert found == CALL_SEARCHES
        palette = await open_palette(pilot, "tag advice")
        await pilot.press("enter")  # the current line of the notes (empty) becomes advice
        await quiet(pilot)
        assert app.screen is screen
        assert screen.query_one("#notes", TextArea).text.startswith("A:")


async def test_every_key_of_the_call_is_a_palette_command(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_call(pilot)
        commands = {command.title for command in app.get_system_commands(screen)}
        # The side panel's key is offered under 120 columns only (tests/ui/test_call_layout).
        titles = {key.palette_title for key in keys_of("call") if key.id != "call_panel"}
        assert titles <= commands
        assert "New contact" not in commands  # the pipeline's, not the call's


async def test_a_widgets_keys_are_in_its_screens_palette(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await quiet(pilot)
        review = showing(app, ReviewScreen)
        commands = {command.title for command in app.get_system_commands(review)}
        assert {"Log what you did", "Put off until tomorrow", "Show insights"} <= commands
        await pilot.press("2")  # the progress tab: the agenda is out of sight
        await quiet(pilot)
        commands = {command.title for command in app.get_system_commands(review)}
        assert "Show insights" in commands
        assert "Put off until tomorrow" not in commands  # it would snooze what is not shown
        assert "Log what you did" not in commands


async def test_search_is_offered_where_its_hits_open(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Search" in {command.title for command in app.get_system_commands(app.screen)}
        screen = await start_call(pilot)
        assert "Search" not in {command.title for command in app.get_system_commands(screen)}


async def test_import_is_offered_once_the_file_is_checked(make: AppFactory, tmp_path: Path) -> None:
    from textual.widgets import Input

    from informa.ui.screens.transfer import TransferScreen

    people = tmp_path / "people.csv"
    people.write_text("name,company\nPalette Person,Acme\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        palette = await open_palette(pilot, "Import contacts from CSV")
        assert palette_titles(palette)[0] == "Import contacts from CSV"
        await pilot.press("enter")
        await quiet(pilot)
        screen = showing(app, TransferScreen)
        assert "Import" not in {command.title for command in app.get_system_commands(screen)}
        screen.query_one("#path", Input).value = str(people)
        await pilot.press("enter")
        await quiet(pilot)
        await app.workers.wait_for_complete()
        await quiet(pilot)
        assert "Import" in {command.title for command in app.get_system_commands(screen)}


async def test_a_dialogs_hint_names_the_remapped_key(make: AppFactory, config_dir: Path) -> None:
    """A dialog's hint line says the key as the user has it, and that key saves."""
    from textual.widgets import Input, Static

    from informa.ui.dialogs.contact_form import ContactForm

    config_dir.mkdir(parents=True)
    (config_dir / "settings.yaml").write_text("keys:\n  dialog_save: ctrl+s\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = showing(app, ContactForm)
        hint = str(form.query_one(".hint", Static).render())
        assert "ctrl+s save from notes" in hint
        assert "F2" not in hint
        form.query_one("#name", Input).value = "Remap Tester"
        await pilot.press("ctrl+s")
        await quiet(pilot)
        assert not isinstance(app.screen, ContactForm)
        assert [c.name for c in app.store.contacts.lookup("Remap Tester", 5)] == ["Remap Tester"]


async def test_a_remapped_key_keeps_its_place_in_the_key_bar(
    make: AppFactory, config_dir: Path
) -> None:
    """Textual moves a remapped key to the end of the screen's keys, where a narrow bar cuts
    it off; the bar keeps the table's order."""
    from informa.ui.widgets.key_bar import KeyBar

    config_dir.mkdir(parents=True)
    (config_dir / "settings.yaml").write_text("keys:\n  new_contact: ctrl+n\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        shown = [(key.display, key.description) for key in bar._read_keys().screen]
        assert shown[0] == ("^n", "New")
        assert str(bar.render()).startswith("^n New e Edit")


async def test_f1_in_a_call_shows_every_key_and_leaves_the_notes_their_width(
    make: AppFactory,
) -> None:
    """At 80x24 and 100x30 the help lies over the right-hand side: the notes keep their
    width, End call is on its first page, the rest scrolls into view, the key bar draws in
    what is left of its line. At 140 it takes its place beside the notes."""
    from informa.ui.widgets.key_bar import KeyBar

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_call(pilot)
        notes = screen.query_one("#notes", TextArea)
        for size in ((80, 24), (100, 30)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            width = notes.region.width
            await pilot.press("f1")
            await settle(pilot)
            panel = screen.query_one(HelpPanel)
            markdown = panel.query_one("#widget-help", Markdown)
            assert notes.region.width == width >= 30
            assert panel.region.right == size[0]
            assert panel.region.width >= 36
            source, drawn = help_text(pilot)
            for key in keys_of("call"):
                assert key.label in source
            assert "F10 End call: saves" in drawn
            blocks = list(markdown.query(MarkdownBlock))
            end_call = next(block for block in blocks if "F10 End call" in str(block.render()))
            assert markdown.region.contains_region(end_call.region)  # on the first page
            last = blocks[-1]
            markdown.scroll_end(animate=False)
            await settle(pilot)
            assert markdown.region.contains_region(last.region)  # the rest, by scrolling
            bar = screen.query_one(KeyBar)
            shown = str(bar.render()).rstrip()
            assert len(shown) <= panel.region.x
            assert shown.endswith("F1 Help ▏^p palette")
            await pilot.press("f1")
            await settle(pilot)
            assert not screen.query(HelpPanel)
            assert notes.region.width == width
            assert len(str(bar.render())) == size[0]

        await pilot.resize_terminal(140, 40)  # wide: beside the screen, as Textual's
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        panel = screen.query_one(HelpPanel)
        assert notes.region.right <= panel.region.x
        assert notes.region.width >= 40
        assert str(bar.render()).rstrip().endswith("F1 Help ▏^p palette")
        assert len(str(bar.render())) == panel.region.x
