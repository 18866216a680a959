"""CompanyResearch: a big text area, f2 saves, ctrl+e hands the text to $EDITOR."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual.widgets import TextArea

from informa.domain.errors import InformaError
from informa.ui.dialogs.company_research import CompanyResearch

from .host import SIZE, Host

EditorFn = Callable[[str, str], str]


class SuspendingHost(Host[str | None]):
    """Run headless, ``App.suspend`` raises; a real terminal would hand over and come back."""

    @contextmanager
    def suspend(self) -> Iterator[None]:
        yield


def research_dialog(
    text: str = "", editor: EditorFn | None = None, host: type[Host[str | None]] = Host
) -> Host[str | None]:
    return host(lambda: CompanyResearch(company_name="Acme Corp", research=text, editor=editor))


async def test_f2_returns_the_edited_text() -> None:
    app = research_dialog("# Acme\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Competitors: Initech", "enter", *"News: Series B")
        await pilot.press("f2")
        await pilot.pause()
    assert app.result == "# Acme\nCompetitors: Initech\nNews: Series B"


async def test_escape_returns_none() -> None:
    app = research_dialog("keep")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"typed", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_ctrl_e_replaces_the_text_with_what_the_editor_saved_and_undo_brings_it_back() -> (
    None
):
    calls: list[tuple[str, str]] = []

    def fake_editor(text: str, suffix: str) -> str:
        calls.append((text, suffix))
        return text + "- competitor: Initech\n"

    app = research_dialog("# Acme\n", fake_editor, SuspendingHost)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        area = app.screen.query_one("#research", TextArea)
        assert calls == [("# Acme\n", ".md")]
        assert area.text == "# Acme\n- competitor: Initech\n"
        assert app.screen.focused is area
        await pilot.press("ctrl+z")
        assert area.text == "# Acme\n"
        await pilot.press("ctrl+y", "f2")
        await pilot.pause()
    assert app.result == "# Acme\n- competitor: Initech\n"


async def test_no_suspend_here_is_a_warning_not_a_crash() -> None:
    def never(text: str, suffix: str) -> str:
        raise AssertionError("the editor must not run without a suspended app")

    app = research_dialog("notes", never)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert [n.severity for n in app._notifications] == ["warning"]
        assert app.screen.query_one("#research", TextArea).text == "notes"
        await pilot.press("f2")
        await pilot.pause()
    assert app.result == "notes"


async def test_an_editor_failure_is_a_warning() -> None:
    def broken(text: str, suffix: str) -> str:
        raise InformaError("the editor 'nano' failed")

    app = research_dialog("notes", broken, SuspendingHost)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == ["the editor 'nano' failed"]
        assert app.screen.query_one("#research", TextArea).text == "notes"
        assert not app.dismissed
