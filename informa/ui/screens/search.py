"""Search: one box over interview notes, company research, contacts and companies.

``ctrl+f`` on the pipeline opens it; the command palette offers the same hits
(:class:`informa.ui.commands.NotesSearch`). Results come from the store's full-text index,
best first, each with a snippet of the text around the match. Choosing one dismisses the
screen with a :class:`SearchTarget`; :func:`open_target` shows that contact on the pipeline
(and, for the notes of a call that has ended, its debrief).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from informa.actions.search import MAX_RESULTS, Found, SearchTarget, find
from informa.domain.errors import InformaError
from informa.ui.keys import KeyHelp, bindings
from informa.ui.text import clean
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.safe import SafeInput
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.ui.app import InformaApp

DEBOUNCE_SECONDS = 0.15
MARK_START = "\ue000"
MARK_END = "\ue001"
"""How the store marks the matched words in a snippet (``informa.store.search``'s markers;
the UI may not import the store, so a test checks that the two agree)."""

KIND_LABELS = {"contact": "Contact", "company": "Company", "interview": "Interview notes"}
BADGE_WIDTH = max(len(label) for label in KIND_LABELS.values()) + 2
MATCH_STYLE = "bold $text-accent underline"
SNIPPET_STYLE = "$text-muted"
SYNTAX_HINT = 'all the words · fund* starts with · "a phrase" · -word leaves out · a OR b'

SEARCH_HELP = """
## Search

One box over your interview notes, company research, contacts and companies, best
matches first. The text around each match is shown with the match underlined.

- `word word`: every word must match (`funded` also finds *funding*)
- `fund*`: words starting with *fund*; `"a phrase"`: the words in this order
- `-word` leaves out what has it; `a OR b`: either one
- `enter` moves to the results too, and opens one: the contact on the pipeline (the notes
  of a call that has ended open its debrief); `↑` on the first goes back to the box
"""


def marked_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) parts, control characters made visible."""
    parts: list[tuple[str, bool]] = []
    matched = False
    current: list[str] = []
    for char in snippet:
        if char in (MARK_START, MARK_END):
            if current:
                parts.append((clean("".join(current)), matched))
                current = []
            matched = char == MARK_START
        else:
            current.append(char)
    if current:
        parts.append((clean("".join(current)), matched))
    return parts


def snippet_content(snippet: str, match_style: str = MATCH_STYLE) -> Content:
    """A snippet as plain text (never markup) with the matched words in ``match_style``."""
    return Content.assemble(
        *((text, match_style) if matched else text for text, matched in marked_parts(snippet))
    )


def snippet_markup(snippet: str) -> str:
    """A snippet as Textual markup (the command palette's help line), matches in bold."""
    from textual.markup import escape

    return "".join(
        f"[b]{escape(text)}[/b]" if matched else escape(text)
        for text, matched in marked_parts(snippet)
    )


def open_search(app: InformaApp, query: str = "") -> None:
    """``ctrl+f``: open the search over the pipeline (where its hits open)."""
    from informa.ui.screens.pipeline import PipelineScreen

    if isinstance(app.screen, SearchScreen):
        app.screen.query_one("#search-box", Input).focus()
        return
    if not isinstance(app.screen, PipelineScreen):
        app.notify(
            "Search opens from the pipeline: close this screen first.",
            markup=False,
            severity="warning",
        )
        return
    app.push_screen(SearchScreen(query), callback=lambda target: open_target(app, target))


def open_target(app: InformaApp, target: SearchTarget | None) -> None:
    """Show the contact of a chosen hit on the pipeline; the notes of a call that has ended
    also open its debrief."""
    from informa.ui.screens.pipeline import PipelineScreen

    pipeline = app.screen
    if target is None or not isinstance(pipeline, PipelineScreen):
        return
    contact_id = target.contact_id
    if contact_id is None:
        app.notify(
            f"Nobody at {clean(target.title)} in your pipeline yet.",
            markup=False,
            severity="warning",
        )
        return
    app.jump_to_contact(contact_id)
    if target.kind == "interview" and target.ended:
        from informa.ui.screens.debrief import DebriefScreen

        app.push_screen(
            DebriefScreen(target.ref_id),
            callback=lambda _: pipeline.refresh_after_change(contact_id),
        )


class SearchResults(OptionList):
    """The hits; ``↑`` on the first goes back to the search box."""

    DEFAULT_CSS = """
    SearchResults {
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0 1;
    }
    SearchResults:focus { border: round $primary; }
    """

    class LeftTop(Message):
        """``↑`` on the first result."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            self.post_message(self.LeftTop())
            return
        super().action_cursor_up()


class SearchScreen(Screen[SearchTarget | None]):
    """Type to search; ``enter`` on a result dismisses with its :class:`SearchTarget`."""

    HELP = KeyHelp(SEARCH_HELP, "search")
    AUTO_FOCUS = "#search-box"

    BINDINGS: ClassVar[list[BindingType]] = bindings("search")

    DEFAULT_CSS = """
    SearchScreen #search-box {
        border: round $accent;
        border-subtitle-color: $text-muted;
        height: 3;
    }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__(id="search")
        self._initial = query
        self._found: list[Found] = []
        self._shown: str | None = None
        """The text whose results are shown."""
        self._enter_results = False
        """``enter`` came before the results: move into them when they arrive."""
        self._initial_pending = bool(query.strip())
        """The initial query is searched on mount; the box's first Changed is that text."""

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    @property
    def box(self) -> Input:
        return self.query_one("#search-box", Input)

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    @property
    def found(self) -> list[Found]:
        """The hits shown, best first."""
        return list(self._found)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SafeInput(
            value=self._initial,
            placeholder="Search notes, research, contacts and companies",
            id="search-box",
            max_length=200,
        )
        yield SearchResults(id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.box.border_title = "Search"
        self.box.border_subtitle = SYNTAX_HINT
        self.results.border_title = "Results"
        self._show("", [])
        if self._initial.strip():
            self.run_search(self._initial, 0)

    # -- searching ----------------------------------------------------------------------

    @on(Input.Changed, "#search-box")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._initial_pending and event.value == self._initial:
            self._initial_pending = False  # already being searched (on_mount)
            return
        self._initial_pending = False
        self._enter_results = False
        self.run_search(event.value, DEBOUNCE_SECONDS)

    @work(exclusive=True, group="search")
    async def run_search(self, text: str, delay: float) -> None:
        """Search ``delay`` seconds from now unless the text changes again (this worker is
        exclusive: the next keystroke cancels it)."""
        if delay:
            await asyncio.sleep(delay)
        if not text.strip():
            self._show(text, [])
            return
        try:
            found = await asyncio.to_thread(find, self.informa.store, text)
        except InformaError as exc:
            self.notify(clean(str(exc)), title="Search failed", severity="error", markup=False)
            return
        self._show(text, found)

    def _show(self, text: str, found: list[Found]) -> None:
        self._shown, self._found = text, found
        results = self.results
        results.clear_options()
        for index, item in enumerate(found):
            if index:
                results.add_option(None)  # a rule between hits
            results.add_option(self._option(index, item))
        if not text.strip():
            results.border_subtitle = "type to search"
        elif not found:
            results.border_subtitle = "nothing found"
            results.add_option(Option(Content.styled("No match.", "$text-muted"), disabled=True))
        elif len(found) >= MAX_RESULTS:
            results.border_subtitle = f"the best {len(found)}"
        else:
            results.border_subtitle = f"{len(found)} found"
        if found:
            results.highlighted = 0
        if self._enter_results:
            self._enter_results = False
            self.action_results()

    @staticmethod
    def _option(index: int, item: Found) -> Option:
        hit = item.hit
        badge = KIND_LABELS.get(hit.kind, hit.kind).ljust(BADGE_WIDTH)
        line = Content.assemble((badge, "$text-secondary"), (clean(hit.title), "bold"))
        # Not indented: leading spaces are lost in some SVG viewers (screenshots).
        snippet = snippet_content(hit.snippet) if hit.snippet else Content("—")
        prompt = Content("\n").join([line, snippet.stylize_before(SNIPPET_STYLE)])
        return Option(prompt, id=str(index))

    # -- moving and choosing ------------------------------------------------------------

    @on(Input.Submitted, "#search-box")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._shown == event.value:
            self.action_results()
        else:  # typed faster than the debounce: search now, then move into the results
            self._enter_results = True
            self.run_search(event.value, 0)

    def action_results(self) -> None:
        if self._found:
            results = self.results
            if results.highlighted is None:
                results.highlighted = 0
            results.focus()

    @on(SearchResults.LeftTop)
    def _left_top(self) -> None:
        self.box.focus()

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        target = self._found[int(event.option.id)].target
        if target.contact_id is None:
            self.notify(
                f"Nobody at {clean(target.title)} in your pipeline yet.",
                markup=False,
                severity="warning",
            )
            return
        self.dismiss(target)

    def action_close(self) -> None:
        box = self.box
        if box.value:
            box.value = ""  # Changed clears the results
            box.focus()
        else:
            self.dismiss(None)
