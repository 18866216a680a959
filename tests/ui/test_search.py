"""Search (ctrl+f and the command palette) on the demo database, driven as a user types.

The demo's interview notes mention "Kohavi" and "SQL" (Maya Okafor's call) and "Nextflow"
(Daniel Cho's and Wei Zhang's calls, and two companies' research); those calls have ended,
so opening their notes shows the contact on the pipeline with the call's debrief on top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from informa.domain.model import CompanyDraft
from informa.store import search as store_search
from informa.ui.app import InformaApp
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.search import MARK_END, MARK_START, MATCH_STYLE, SearchScreen
from informa.ui.widgets.contact_list import ContactList

from .helpers import AppFactory, contact_named, quiet, settle, showing, typed

SIZE = (140, 40)
SnapCompare = Callable[..., bool]


async def open_search(pilot: Pilot[Any], text: str = "") -> SearchScreen:
    await settle(pilot)
    await pilot.press("ctrl+f")
    await pilot.pause()
    screen = showing(pilot.app, SearchScreen)  # type: ignore[arg-type]
    if text:
        await pilot.press(*typed(text))
        await settle(pilot)
    return screen


def pipeline(app: InformaApp) -> PipelineScreen:
    (found,) = [screen for screen in app.screen_stack if isinstance(screen, PipelineScreen)]
    return found


def highlighted_name(app: InformaApp) -> str | None:
    contact = pipeline(app).query_one(ContactList).highlighted
    return None if contact is None else contact.name


def shown(screen: SearchScreen) -> list[tuple[str, str]]:
    return [(item.hit.kind, item.hit.title) for item in screen.found]


def matched_words(prompt: object) -> list[str]:
    assert isinstance(prompt, Content)
    return [
        prompt.plain[span.start : span.end] for span in prompt.spans if span.style == MATCH_STYLE
    ]


def palette_texts(palette: CommandPalette) -> list[str]:
    command_list = palette.query_one(CommandList)
    texts = []
    for index in range(command_list.option_count):
        prompt = command_list.get_option_at_index(index).prompt
        assert isinstance(prompt, Content)  # the prompt and help lines, joined
        texts.append(prompt.plain)
    return texts


def test_the_screen_reads_the_stores_markers() -> None:
    assert (MARK_START, MARK_END) == (store_search.MARK_START, store_search.MARK_END)


async def test_typing_lists_ranked_hits_with_snippets(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "Nextflow")
        expected = [(hit.kind, hit.title) for hit in app.store.search.search("Nextflow")]
        assert shown(screen) == expected  # the store's order: best first
        assert ("interview", "Daniel Cho") in expected
        assert (
            "company",
            "Helix Forge Bio",
        ) in expected
        results = screen.results
        assert results.option_count == len(expected)
        assert results.border_subtitle == f"{len(expected)} found"
        first = results.get_option_at_index(0).prompt
        assert isinstance(first, Content)
        title_line, snippet_line = first.plain.split("\n")
        assert "Interview notes" in title_line
        assert expected[0][1] in title_line
        assert matched_words(first) == ["Nextflow"]
        assert MARK_START not in snippet_line
        assert MARK_END not in snippet_line
        assert screen.box.has_focus  # typing stays in the box


async def test_prefix_and_phrase_from_the_box(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "Kohav*")
        assert shown(screen) == [("interview", "Maya Okafor")]
        assert matched_words(screen.results.get_option_at_index(0).prompt) == ["Kohavi"] * 2
        await pilot.press("escape", *typed('"window functions"'))
        await settle(pilot)
        assert shown(screen) == [("interview", "Maya Okafor")]
        prompt = screen.results.get_option_at_index(0).prompt
        assert matched_words(prompt) == ["window functions"]


async def test_enter_opens_the_notes_of_the_hit(make: AppFactory) -> None:
    app = make()
    maya = contact_named(app, "Maya Okafor")
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "Kohavi")
        await pilot.press("enter")  # into the results
        await pilot.press("enter")  # open the first
        await quiet(pilot)
        debrief = showing(app, DebriefScreen)  # her call has ended: its debrief
        assert debrief.interview_id == app.store.interviews.for_contact(maya)[0].id
        assert highlighted_name(app) == "Maya Okafor"  # on the pipeline beneath
        await pilot.press("escape")
        await quiet(pilot)
        showing(app, PipelineScreen)
        assert highlighted_name(app) == "Maya Okafor"


async def test_enter_on_a_contact_or_company_shows_that_contact(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "Quillfeather")
        hits = shown(screen)
        assert hits[:2] == [("company", "Quillfeather Health"), ("contact", "Aisha Rahman")]
        await pilot.press("down", "down", "enter")  # the second hit: Aisha
        await settle(pilot)
        showing(app, PipelineScreen)
        assert highlighted_name(app) == "Aisha Rahman"

        await open_search(pilot, "Quillfeather")
        await pilot.press("enter", "enter")  # the company: someone who works there
        await settle(pilot)
        showing(app, PipelineScreen)
        assert highlighted_name(app) == "Aisha Rahman"  # the first there, by name


async def test_a_company_with_nobody_there_stays_open(make: AppFactory) -> None:
    app = make()
    app.store.companies.create(CompanyDraft(name="Zeta Labs", research="Unicorn rumours"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_search(pilot, "unicorn")
        assert shown(screen) == [("company", "Zeta Labs")]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert showing(app, SearchScreen) is screen
        assert any("Nobody at Zeta Labs" in str(n.message) for n in app._notifications)


async def test_opened_with_a_query_it_searches_at_once(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.push_screen(SearchScreen("Kohavi"))
        await settle(pilot)
        screen = showing(app, SearchScreen)
        assert screen.box.value == "Kohavi"
        assert shown(screen) == [("interview", "Maya Okafor")]


async def test_enter_before_the_results_arrive_still_moves_into_them(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *typed("sql"), "enter")  # no pause: within the debounce
        await settle(pilot)
        screen = showing(app, SearchScreen)
        assert shown(screen) == [("interview", "Maya Okafor")]
        assert screen.results.has_focus
        assert screen.results.highlighted == 0
        await pilot.press("up")  # above the first result: back to the box
        assert screen.box.has_focus
        await pilot.press("down")
        assert screen.results.has_focus


async def test_escape_clears_the_box_then_closes(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = highlighted_name(app)
        screen = await open_search(pilot, "Nextflow")
        await pilot.press("down")
        assert screen.results.has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert screen.box.value == ""
        assert screen.box.has_focus
        assert screen.found == []
        assert screen.results.option_count == 0
        assert screen.results.border_subtitle == "type to search"
        await pilot.press("escape")
        await settle(pilot)
        showing(app, PipelineScreen)
        assert highlighted_name(app) == before


async def test_malformed_queries_show_nothing_or_what_they_can(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_search(pilot)
        for text in ['"unbalanced', "*", "NEAR(", "title:x", "-", '"', "''", "AND", "fund*"]:
            screen.box.value = ""
            await pilot.press(*typed(text))
            await settle(pilot)
            assert screen.box.value == text
            assert screen._shown == text  # searched, and the worker did not fail
            if not screen.found:
                assert screen.results.border_subtitle == "nothing found"
        assert not [n for n in app._notifications if n.severity == "error"]
        showing(app, SearchScreen)


async def test_ctrl_f_searches_from_the_pipeline_only(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_search(pilot, "Kohavi")
        await pilot.press("enter", "enter")
        await quiet(pilot)
        debrief = showing(app, DebriefScreen)
        await pilot.press("ctrl+f")  # where a hit could not open: says so
        await pilot.pause()
        assert app.screen is debrief
        assert any("from the pipeline" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await quiet(pilot)
        await pilot.press("n")  # a dialog: its keys only
        await settle(pilot)
        form = app.screen
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen is form


async def test_the_palette_offers_notes_hits(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *typed("Koh"))
        await quiet(pilot)
        palette = showing(app, CommandPalette)
        assert not any(text.startswith("Notes:") for text in palette_texts(palette))  # a prefix
        await pilot.press(*typed("avi"))
        await quiet(pilot)
        plain = palette_texts(palette)
        assert plain
        assert plain[0].startswith("Notes: Maya Okafor\n")
        assert "Kohavi" in plain[0].split("\n")[1]  # the snippet under it
        await pilot.press("enter")
        await quiet(pilot)
        showing(app, DebriefScreen)
        assert highlighted_name(app) == "Maya Okafor"


async def test_the_palette_needs_three_characters(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *typed("ml"))
        await quiet(pilot)
        palette = showing(app, CommandPalette)
        assert not any(text.startswith(("Notes:", "Contact:")) for text in palette_texts(palette))
        await pilot.press(*typed("ops"))  # "mlops": in Yusuf Demir's notes
        await quiet(pilot)
        assert "Contact: Yusuf Demir" in [text.split("\n")[0] for text in palette_texts(palette)]


# -- the look --------------------------------------------------------------------------


def test_search_screen_snapshot(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def searching(pilot: Pilot[Any]) -> None:
        screen = await open_search(pilot)
        screen.box.cursor_blink = False
        await pilot.press(*typed("Nextflow"))
        await settle(pilot)
        screen.query_one("#search-box", Input).cursor_blink = False
        await pilot.pause()

    app = make(demo=True, save_settings=False)  # the header says "demo data"
    assert snap_compare(app, terminal_size=SIZE, run_before=searching)
