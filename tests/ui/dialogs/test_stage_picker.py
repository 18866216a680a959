"""StagePicker: a number picks at once; arrows and enter work too."""

from __future__ import annotations

from textual.widgets import OptionList

from informa.domain.model import Stage
from informa.ui.dialogs.stage_picker import StagePicker

from .host import SIZE, Host


def picker(current: Stage = Stage.REACHED_OUT) -> Host[Stage | None]:
    return Host(lambda: StagePicker(contact_name="Sam Rivera", current=current))


async def test_a_digit_picks_its_stage() -> None:
    app = picker()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
    assert app.results == [Stage.SCHEDULED]


async def test_the_current_stage_is_highlighted_and_marked() -> None:
    app = picker(Stage.INTERVIEWED)
    async with app.run_test(size=SIZE) as pilot:
        options = app.screen.query_one("#stage-options", OptionList)
        assert options.highlighted == Stage.INTERVIEWED.position
        assert app.screen.focused is options
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[3].endswith("(now)")
        assert sum(label.endswith("(now)") for label in labels) == 1
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [Stage.IN_TOUCH]


async def test_escape_cancels() -> None:
    app = picker()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
