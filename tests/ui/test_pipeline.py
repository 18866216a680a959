"""Journeys through the first screen, driven the way a user types."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from textual.widgets import HelpPanel, Static

from informa.demo import sample
from informa.domain.model import Stage
from informa.settings import load_settings
from informa.ui.app import InformaApp
from informa.ui.messages import PipelineLoaded
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.widgets.contact_detail import ContactDetail
from informa.ui.widgets.contact_list import ContactList
from informa.ui.widgets.stage_list import StageList

from .helpers import AppFactory, contact_named, settle


def table_names(app: InformaApp) -> list[str]:
    return [contact.name for contact in app.screen.query_one(ContactList).rows]


async def test_opens_on_the_demo_and_lists_contacts(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(StageList).highlighted == 0  # Due first
        due = table_names(app)
        assert due, "the demo has due follow-ups"
        await pilot.press("a")
        await settle(pilot)
        everyone = table_names(app)
        assert sorted(everyone, key=str.lower) == everyone
        assert set(everyone) == {person["name"] for person in sample.CONTACTS}
        assert set(due) < set(everyone)


async def test_stage_keys_filter_the_list(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for key, stage in zip(
            "123456",
            ("prospect", "reached_out", "scheduled", "interviewed", "in_touch", "closed"),
            strict=True,
        ):
            await pilot.press(key)
            await settle(pilot)
            expected = {p["name"] for p in sample.CONTACTS if p["stage"] == stage}
            assert set(table_names(app)) == expected, stage


async def test_a_view_opens_on_its_first_rows_then_lists_them_all(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view whose first rows are fewer than two screenfuls paints them, then reads the
    rest at once; the title counts everyone from the start, and a jump to someone past the
    first rows lands on them once they are read."""
    from informa.ui.screens import pipeline_loading

    monkeypatch.setattr(pipeline_loading, "FIRST_WINDOW", 3)
    everyone = sorted((p["name"] for p in sample.CONTACTS), key=str.casefold)
    seen: list[tuple[int, str]] = []
    loaded = pipeline_loading.PipelineLoading.on_pipeline_loaded

    def watch(screen: pipeline_loading.PipelineLoading, message: PipelineLoaded) -> None:
        loaded(screen, message)
        seen.append((len(screen.contacts.rows), str(screen.contacts.border_title)))

    monkeypatch.setattr(pipeline_loading.PipelineLoading, "on_pipeline_loaded", watch)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        seen.clear()
        await pilot.press("a")
        await settle(pilot)
        title = f"All ({len(everyone)})"
        assert seen == [(3, title), (len(everyone), title)]
        assert table_names(app) == everyone

        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PipelineScreen)
        last = next(c.id for c in app.store.contacts.browse() if c.name == everyone[-1])
        screen.jump_to(last)
        await settle(pilot)
        assert screen.view == "all"
        assert screen.contacts.highlighted_id == last
        assert len(table_names(app)) == len(everyone)


PROSPECTS = 150
"""Prospects added to the demo for the tests of a view read in part."""


@pytest.fixture
def many(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The demo with ``PROSPECTS`` more prospects, and views read 40 rows at a time: more
    than two screenfuls of a 24-line terminal, fewer than the Prospect view holds. Returns
    the Prospect view's names in its order."""
    from informa.domain.clock import fixed_clock
    from informa.domain.model import ContactDraft
    from informa.store import Store
    from informa.ui.screens import pipeline_loading
    from tests.builders import NOW

    monkeypatch.setattr(pipeline_loading, "FIRST_WINDOW", 40)
    store = Store.open(demo_db, clock=fixed_clock(NOW))
    try:
        for number in range(PROSPECTS):
            store.contacts.create(ContactDraft(name=f"Prospect {number:03}", role=f"R{number % 7}"))
        prospects = [contact.name for contact in store.contacts.browse(Stage.PROSPECT)]
    finally:
        store.close()
    return sorted(prospects, key=str.casefold)


def list_of(app: InformaApp) -> ContactList:
    return app.screen.query_one(ContactList)


def read_whole(contacts: ContactList) -> bool:
    """Whether the list holds all of its view (a call: it changes as keys are pressed)."""
    return contacts.complete


async def test_a_large_view_is_read_whole_only_when_the_user_needs_it(
    make: AppFactory, many: list[str]
) -> None:
    """A view opens on its first rows, with a scrollbar and a title for all of it; moving
    within them reads nothing more. ``end``, paging near the end of what is read, a sort, the
    filter box and a jump to someone further down read the rest."""
    app = make()
    async with app.run_test(size=(140, 24)) as pilot:
        await settle(pilot)
        contacts = list_of(app)

        await pilot.press("1", "down", "down")
        await settle(pilot)
        assert table_names(app) == many[:40]
        assert not read_whole(contacts)
        assert contacts.border_title == f"Prospect ({len(many)})"
        assert contacts.virtual_size.height == len(many) + 1  # the scrollbar is for everyone
        assert contacts.highlighted is not None
        assert contacts.highlighted.name == many[2]

        await pilot.press("end")
        await settle(pilot)
        assert table_names(app) == many
        assert contacts.highlighted is not None
        assert contacts.highlighted.name == many[-1]

        await pilot.press("a", "1")  # a view opened again: its first rows, from the top
        await settle(pilot)
        assert len(table_names(app)) == 40
        assert contacts.cursor == 0
        await pilot.press("pagedown")  # still far from the end of what is read
        await settle(pilot)
        assert len(table_names(app)) == 40
        while not read_whole(contacts):  # each page nearer the end; the rest comes before it
            assert contacts.cursor < 40
            await pilot.press("pagedown")
            await settle(pilot)
        assert table_names(app) == many
        assert contacts.highlighted is not None
        assert contacts.highlighted.name == many[contacts.cursor]

        await pilot.press("home", "a", "1")
        await settle(pilot)
        contacts.scroll_to(y=30, animate=False)  # the wheel or the scrollbar, not the cursor
        await settle(pilot)
        assert contacts.cursor == 0
        assert table_names(app) == many

        await pilot.press("a", "1", "s")  # sort by role: all of them, not the first 40
        await settle(pilot)
        assert contacts.sort_column == "role"
        assert len(table_names(app)) == len(many)
        roles = [contact.role.casefold() for contact in contacts.rows]
        assert roles == sorted(roles)

        await pilot.press("a", "1", "slash")
        await settle(pilot)
        assert read_whole(contacts)  # read while the first word is typed
        await pilot.press(*"149")
        await settle(pilot)
        assert table_names(app) == ["Prospect 149"]
        await pilot.press("escape")

        await pilot.press("a", "1")
        await settle(pilot)
        assert not read_whole(contacts)
        screen = app.screen
        assert isinstance(screen, PipelineScreen)
        last = contact_named(app, many[-1])
        screen.jump_to(last)
        await settle(pilot)
        assert contacts.highlighted_id == last


def cursor_style(contacts: ContactList) -> object:
    """The style of the first segment of the first row (the cursor's, after ``home``)."""
    return next(iter(contacts.render_line(1))).style


async def test_the_cursor_row_dims_when_the_list_loses_focus(make: AppFactory) -> None:
    """The list caches its styles; the cursor's colour still follows the focus."""
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("a", "home")
        await settle(pilot)
        contacts = app.screen.query_one(ContactList)
        focused = cursor_style(contacts)
        await pilot.press("slash")  # the filter box takes the focus
        await pilot.pause()
        assert not contacts.has_focus
        blurred = cursor_style(contacts)
        assert blurred != focused
        await pilot.press("escape")
        await pilot.pause()
        assert cursor_style(contacts) == focused


async def test_detail_follows_the_cursor(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("a", "home")
        await settle(pilot)
        names = table_names(app)
        detail = app.screen.query_one(ContactDetail)
        assert detail.border_title == names[0]
        await pilot.press("down", "down")
        await settle(pilot)
        assert detail.border_title == names[2]
        await pilot.press("end")
        await settle(pilot)
        assert detail.border_title == names[-1]


async def test_f1_toggles_help(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert app.screen.query(HelpPanel)
        await pilot.press("f1")
        assert not app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        assert app.screen.query(HelpPanel)


async def test_footer_shows_the_main_keys(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        shown = {
            binding.description
            for (_, binding, enabled, _) in app.active_bindings.values()
            if binding.show and enabled
        }
        assert {"New", "Edit", "Log", "Schedule", "Prepare call", "Filter", "Help", "Quit"} <= shown
        assert app.theme == "informa"


async def test_theme_choice_persists(make: AppFactory, config_dir: Path) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.theme = "informa-light"
        await pilot.pause()
    settings, problems = load_settings(config_dir / "settings.yaml")
    assert problems == []
    assert settings.theme == "informa-light"
    again = make()
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "informa-light"


@pytest.mark.parametrize("theme", ["informa", "dracula", "informa-light", "textual-light"])
async def test_the_theme_in_the_settings_colours_the_first_screen(
    make: AppFactory, config_dir: Path, theme: str
) -> None:
    """Dark themes go into the style sheet before it is first parsed, light ones through
    Textual's theme switch: either way the first screen is drawn in the chosen colours."""
    from textual.color import Color

    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.yaml").write_text(f"theme: {theme}\n", encoding="utf-8")
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.theme == theme
        primary = app.get_theme(theme).primary  # type: ignore[union-attr]
        contacts = list_of(app)
        assert contacts.has_focus
        assert contacts.styles.border_top[1] == Color.parse(primary)


async def test_command_palette_switches_views(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"show closed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        expected = {p["name"] for p in sample.CONTACTS if p["stage"] == "closed"}
        assert set(table_names(app)) == expected


async def test_bad_user_bank_is_reported_and_the_app_starts(
    make: AppFactory, config_dir: Path
) -> None:
    banks = config_dir / "question_banks"
    banks.mkdir(parents=True)
    (banks / "mine.yaml").write_text("id: mine\ntitle: Mine\ntopics:\n\t- id: x\n")
    app = make()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any(f"{banks / 'mine.yaml'}:4:" in message for message in messages)
        assert app.banks.get("core") is not None


async def test_a_database_that_cannot_be_opened_ends_the_app_with_the_reason(
    make: AppFactory, tmp_path: Path
) -> None:
    """The database opens after the first frame (start-up speed); a file that is not a
    database still ends the app at once, with the reason for the command line to print,
    and the file is left as it was."""
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"these are not the notes you are looking for\n" * 20)
    before = bad.read_bytes()
    app = make(db_path=bad)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert app.startup_error is not None
    assert app.startup_error.startswith(f"{bad}: ")
    assert "not an informa database (the file is not SQLite)" in app.startup_error
    assert bad.read_bytes() == before


async def test_without_banks_of_their_own_the_library_waits_until_needed(
    make: AppFactory,
) -> None:
    """The bundled banks and templates are checked by the tests, so a user without files of
    their own does not pay for reading them at start-up (time and memory); the first screen
    that needs them reads them."""
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert not app.library.done
        assert app.banks.get("core") is not None  # read on first use
        assert app.library.done


async def test_a_schema_update_is_told_once(make: AppFactory, demo_db: Path) -> None:
    """The database opens (and is updated) in the first view's loading thread; the notice
    of the backup comes once, not with every view loaded after it."""
    from tests.older_schema import make_older

    make_older(demo_db)
    app = make()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        for key in "a1a":
            await pilot.press(key)
            await settle(pilot)
        told = [n for n in app._notifications if "a backup is at" in str(n.message)]
        assert len(told) == 1
        assert str(app.store.report.backup) in str(told[0].message)


async def test_keys_typed_before_a_refused_database_opens_end_cleanly(
    make: AppFactory, tmp_path: Path
) -> None:
    """The key "n" works before the first view has loaded; when the database is then refused the
    form's worker must not fail with it: the app ends with the reason, no traceback."""
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"not a database\n" * 40)
    app = make(db_path=bad)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
    assert app.return_code == 1
    assert app.startup_error is not None
    assert app.startup_error.startswith(f"{bad}: ")


async def test_ctrl_q_quits(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_workspace_welcomes_a_new_user(make: AppFactory, tmp_path: Path) -> None:
    app = make(db_path=tmp_path / "fresh.db")
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#detail-body", Static)
        assert "informa demo" in str(body.render())
        assert table_names(app) == []


async def test_opens_on_all_when_nothing_is_due(make: AppFactory, tmp_path: Path) -> None:
    from informa.domain.model import ContactDraft

    app = make(db_path=tmp_path / "calm.db")
    app.store.contacts.create(ContactDraft(name="Ada Lovelace"))
    async with app.run_test(size=(120, 32)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one(StageList).highlighted == 1  # All
        assert table_names(app) == ["Ada Lovelace"]


async def test_keys_can_be_remapped_in_settings(make: AppFactory, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.yaml").write_text("keys:\n  view_closed: x\n")
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        expected = {p["name"] for p in sample.CONTACTS if p["stage"] == "closed"}
        assert set(table_names(app)) == expected


async def test_a_contact_deleted_elsewhere_is_reported_not_fatal(
    make: AppFactory, demo_db: Path
) -> None:
    app = make()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.press("a", "home")
        await settle(pilot)
        names = table_names(app)
        with sqlite3.connect(demo_db) as other_program:
            other_program.execute("PRAGMA foreign_keys = ON")
            other_program.execute("DELETE FROM contact WHERE name = ?", (names[1],))
        await pilot.press("down")
        await settle(pilot)
        await settle(pilot)
        assert app.is_running
        messages = [str(n.message) for n in app._notifications]
        assert any("no longer exists" in message for message in messages)
        assert names[1] not in table_names(app)


async def test_unknown_key_ids_in_settings_are_reported(make: AppFactory, config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.yaml").write_text("keys:\n  veiw_due: x\n")
    app = make()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("unknown key binding id veiw_due" in message for message in messages)


async def test_the_detail_says_how_quickly_they_reply(make: AppFactory) -> None:
    import io

    from rich.console import Console

    from .helpers import select

    def detail_text() -> str:
        body = app.screen.query_one("#detail-body", Static)
        console = Console(width=120, file=io.StringIO(), color_system=None)
        console.print(body.content)
        out = console.file
        assert isinstance(out, io.StringIO)
        return out.getvalue()

    app = make()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        await select(pilot, app, "Priya Nair")  # reached out weeks ago, no reply
        await settle(pilot)
        assert "Unresponsive: no reply in 10 business days" in detail_text()
        await select(pilot, app, "Maya Okafor")  # answered the next day
        await settle(pilot)
        assert "Booster: replied within 3 business days" in detail_text()


async def test_the_details_say_nothing_until_the_first_view_is_read(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the database opens, the details pane and the list are blank: not the welcome
    for an empty workspace (a user with thousands of contacts saw it flash), not "nobody
    here"."""
    opened = held_open(monkeypatch)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#detail-body", Static)
        assert str(body.render()).strip() == ""
        contacts = list_of(app)
        assert contacts.empty_message == ""  # not "Nobody here." before anyone is read
        assert app.focused is contacts  # from the first frame, not moved there after it
        opened.set()
        await settle(pilot)
        assert app.screen.query_one(ContactDetail).border_title == table_names(app)[0]
        assert "informa demo" not in str(body.render())


def held_open(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The database opens only once the returned event is set (a slow disk, a big file)."""
    from informa import factory

    opened = threading.Event()
    real_open = factory.open_store

    def slow_open(*args: object, **options: bool) -> object:
        opened.wait(timeout=10)
        return real_open(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(factory, "open_store", slow_open)
    return opened


@pytest.mark.parametrize("key", ["", "a"])
async def test_a_call_left_running_is_offered_even_if_a_key_comes_first(
    make: AppFactory, demo_db: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    """The calls in progress are read with a view's load; a view key pressed while the
    database opens overtakes the first load, and the next one still offers the call."""
    from datetime import timedelta

    from informa.domain.clock import fixed_clock
    from informa.store import Store
    from informa.ui.dialogs.confirm import Confirm
    from tests.builders import NOW

    store = Store.open(demo_db, clock=fixed_clock(NOW))
    try:
        (zoe,) = store.contacts.find("Zoe Martin")
        call = store.interviews.prepare(zoe.id)
        store.interviews.start(call.id, at=NOW - timedelta(minutes=12))
    finally:
        store.close()
    opened = held_open(monkeypatch)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        if key:
            await pilot.press(key)
            await pilot.pause()
        opened.set()
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "12:00 in" in str(app.screen.query_one(".message", Static).render())


async def test_the_list_shows_even_if_the_calls_in_progress_cannot_be_read(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from informa.domain.errors import InformaError
    from informa.store.interviews import InterviewService

    def unreadable(self: InterviewService) -> list[object]:
        raise InformaError("interview table unreadable")

    monkeypatch.setattr(InterviewService, "in_progress", unreadable)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert table_names(app)
        assert list_of(app).border_title == f"Due ({len(table_names(app))})"


async def test_a_partly_read_view_keeps_its_place_while_the_rest_is_read(
    make: AppFactory, many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the user does while the rest of a view is being read is not undone by it: a
    jump stays in the view that holds the person, ``home`` after ``end`` stays home, a sort
    survives a reload that overtakes the read, and a read that failed is asked for again."""
    from informa.domain.errors import InformaError
    from informa.store.views import ViewService

    real = ViewService.pipeline
    failures: list[str] = []
    slow = threading.Event()

    def pipeline(
        self: ViewService, view: str, today: object, *, limit: int | None = None
    ) -> object:
        if limit is None and failures:
            raise InformaError(failures.pop())
        if limit is None:
            slow.wait(timeout=0.3)  # a big view read whole: the user goes on meanwhile
        return real(self, view, today, limit=limit)  # type: ignore[arg-type]

    monkeypatch.setattr(ViewService, "pipeline", pipeline)
    app = make()
    async with app.run_test(size=(140, 24)) as pilot:
        await settle(pilot)
        contacts = list_of(app)
        screen = app.screen
        assert isinstance(screen, PipelineScreen)

        await pilot.press("1")
        await settle(pilot)
        screen.jump_to(contact_named(app, many[-1]))
        await settle(pilot)
        assert screen.view == "prospect"
        assert contacts.highlighted is not None
        assert contacts.highlighted.name == many[-1]

        await pilot.press("a", "1")
        await settle(pilot)
        await pilot.press("end", "home")
        await settle(pilot)
        assert read_whole(contacts)
        assert contacts.cursor == 0

        await pilot.press("a", "1")
        await settle(pilot)
        await pilot.press("s")  # sort by role: it waits for the rest...
        screen.refresh_after_change()  # ...which a save's reload overtakes
        await settle(pilot)
        assert read_whole(contacts)
        roles = [contact.role.casefold() for contact in contacts.rows]
        assert roles == sorted(roles)

        await pilot.press("a", "1")
        await settle(pilot)
        failures.append("database is locked")
        await pilot.press("s")  # the read fails: the toast says so
        await settle(pilot)
        assert not read_whole(contacts)
        await pilot.press("S")  # asked again
        await settle(pilot)
        assert read_whole(contacts)
        roles = [contact.role.casefold() for contact in contacts.rows]
        assert roles == sorted(roles, reverse=True)


async def test_the_first_screen_fills_in_one_go(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first load brings the details of the contact listed first with the list: they are
    drawn with it, and not read a second time when the list highlights them."""
    from informa.store.views import ViewService
    from informa.ui.screens import pipeline_loading

    reads: list[int] = []
    read = ViewService.dossier

    def counted(service: ViewService, contact_id: int) -> object:
        reads.append(contact_id)
        return read(service, contact_id)

    shown: list[str] = []
    loaded = pipeline_loading.PipelineLoading.on_pipeline_loaded

    def watch(screen: pipeline_loading.PipelineLoading, message: PipelineLoaded) -> None:
        loaded(screen, message)
        shown.append(str(screen.detail.border_title))

    monkeypatch.setattr(ViewService, "dossier", counted)
    monkeypatch.setattr(pipeline_loading.PipelineLoading, "on_pipeline_loaded", watch)
    app = make()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        first = app.screen.query_one(ContactList).highlighted
        assert first is not None
        assert shown[0] == first.name  # drawn with the list
        assert reads == [first.id]  # read once
        await pilot.press("down")
        await settle(pilot)
        second = app.screen.query_one(ContactList).highlighted
        assert second is not None
        assert reads == [first.id, second.id]
        await pilot.press("up")
        await settle(pilot)
        assert reads == [first.id, second.id, first.id]  # read again when it is asked for
        assert str(app.screen.query_one(ContactDetail).border_title) == first.name


async def test_the_collector_is_back_on_once_the_first_screen_is_up(make: AppFactory) -> None:
    """``informa`` starts with the garbage collector off (nothing to collect while modules
    import); once the first screen has drawn its data, it is on again, for good. (When in
    that frame the one collection of the start-up runs is a race a headless app cannot
    see: benchmarks/ measures it, startup_loaded.)"""
    import gc

    from informa.ui.screens.pipeline_loading import STARTED_AFTER

    gc.disable()
    try:
        app = make()
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(pilot)
            assert table_names(app)
            await pilot.pause(STARTED_AFTER * 2)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.parametrize(("width", "layout"), [(120, "-narrow"), (180, "-wide")])
async def test_the_layout_for_the_width_is_there_from_the_first_frame(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch, width: int, layout: str
) -> None:
    """Textual sets the breakpoint classes at the first resize, after the first frame (a
    second full paint); the screens set theirs as they are composed."""
    from informa.ui.screens import pipeline

    at_mount: list[set[str]] = []
    mounted = pipeline.PipelineScreen.on_mount

    def watch(screen: pipeline.PipelineScreen) -> None:
        at_mount.append(set(screen.classes))
        mounted(screen)

    monkeypatch.setattr(pipeline.PipelineScreen, "on_mount", watch)
    app = make()
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        assert layout in at_mount[0]
        assert {"-narrow", "-wide"} & at_mount[0] == {layout}
        assert app.screen.has_class(layout)


@pytest.mark.parametrize("width", [110, 180])
async def test_the_filter_box_opens_over_the_list_and_leaves_the_details_be(
    make: AppFactory, width: int
) -> None:
    app = make()
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(ContactDetail)
        contacts = app.screen.query_one(ContactList)
        before, list_before = detail.region, contacts.region
        await pilot.press("slash")
        await settle(pilot)
        box = app.screen.query_one("#filter")
        assert detail.region == before  # the details neither move nor shrink
        assert box.region.x == contacts.region.x == list_before.x
        assert box.region.width == contacts.region.width
        assert box.region.bottom == contacts.region.y  # right above the list
        assert contacts.region.bottom == list_before.bottom
