"""The key bar at the bottom of every screen: what it shows, and what the mouse does there."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from informa.ui.app import InformaApp
from informa.ui.dialogs.base import keys_hint
from informa.ui.widgets.key_bar import ELLIPSIS, BarKey, KeyBar, kept

from .helpers import AppFactory, settle


def bar_of(app: InformaApp) -> KeyBar:
    return app.screen.query_one(KeyBar)


def drawn(bar: KeyBar) -> Text:
    rendered = bar.render()
    assert isinstance(rendered, Text)
    return rendered


def x_of(bar: KeyBar, label: str) -> int:
    """Where ``label`` ("n New") starts on the bar."""
    position = drawn(bar).plain.find(label)
    assert position >= 0, f"{label!r} is not on the bar"
    return position


async def test_the_bar_lists_the_keys_and_keeps_help_and_quit_when_narrow(
    make: AppFactory,
) -> None:
    app = make()
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        wide = drawn(bar_of(app)).plain
        for label in ("n New", "e Edit", "p Prepare call", "/ Filter", "^q Quit", "F1 Help"):
            assert label in wide
        assert wide.rstrip().endswith("▏^p palette")
        assert ELLIPSIS not in wide

        bar = bar_of(app)
        keys = bar.keys
        screen_keys = [key for key in keys if key.key not in {"ctrl+q", "f1", "ctrl+p"}]
        exact = (
            sum(key.width + 1 for key in screen_keys)  # a space after each, before the next
            + sum(key.width + 1 for key in keys[len(screen_keys) : -1])  # help, quit
            + 1  # the separator
            + keys[-1].width  # the palette
        )
        await pilot.resize_terminal(exact, 30)
        await settle(pilot)
        assert ELLIPSIS not in drawn(bar_of(app)).plain  # every key, exactly
        await pilot.resize_terminal(exact - 1, 30)
        await settle(pilot)
        assert ELLIPSIS in drawn(bar_of(app)).plain

        await pilot.resize_terminal(80, 30)
        await settle(pilot)
        narrow = drawn(bar_of(app)).plain
        assert len(narrow) <= 80
        assert narrow.startswith("n New e Edit")
        assert "/ Filter" not in narrow
        assert ELLIPSIS in narrow  # F1 lists what was cut
        for label in ("^q Quit", "F1 Help", "^p palette"):
            assert label in narrow


KEYS = ("f1", "f12", "shift+f5", "ctrl+f5", "f", "ctrl+f")


async def test_function_keys_are_shown_as_on_the_keyboard(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(120, 30)):
        shown = {key: app.get_key_display(Binding(key, "bell")) for key in KEYS}
    assert shown == {
        "f1": "F1",
        "f12": "F12",
        "shift+f5": "shift+F5",
        "ctrl+f5": "^F5",
        "f": "f",
        "ctrl+f": "^f",
    }
    assert keys_hint(("f2", "save"), ("esc", "cancel")).plain == "F2 save  esc cancel"


async def test_keys_that_cannot_act_now_are_dimmed(make: AppFactory) -> None:
    """With nobody in the list, the keys for the highlighted contact are drawn dim."""
    app = make()
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("a")
        await settle(pilot)
        bar = bar_of(app)

        def edit_is_dim() -> bool:
            text = drawn(bar)
            at = x_of(bar, "e Edit")
            return any(
                span.start <= at < span.end and span.style.dim  # type: ignore[union-attr]
                for span in text.spans
            )

        assert next(key for key in bar.keys if key.display == "e").enabled
        assert not edit_is_dim()
        await pilot.press("slash", *"zzzz", "enter")  # a filter nobody matches
        await settle(pilot)
        assert not next(key for key in bar.keys if key.display == "e").enabled
        assert edit_is_dim()
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert next(key for key in bar.keys if key.display == "e").enabled


async def test_a_click_on_a_key_presses_it_and_hovering_tells_what_it_does(
    make: AppFactory,
) -> None:
    from informa.ui.dialogs.contact_form import ContactForm

    app = make()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        bar = bar_of(app)
        await pilot.hover(KeyBar, offset=(x_of(bar, "n New") + 2, 0))
        assert bar.tooltip == "Add a contact."
        await pilot.click(KeyBar, offset=(x_of(bar, "n New"), 0))
        await settle(pilot)
        assert isinstance(app.screen, ContactForm)


async def test_a_narrow_bar_keeps_a_calls_most_important_keys(make: AppFactory) -> None:
    """At 80 columns in a call the bar leaves out lower-ranked keys (the tags) rather than
    End call and Pause at its end; at 120 it shows more, always in the table's order."""
    from .test_keys import start_call

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        narrow = drawn(bar_of(app)).plain
        assert len(narrow) <= 80
        for label in ("F10 End call", "F9 Pause", "F2 Asked", "F1 Help", "^q Quit"):
            assert label in narrow
        assert ELLIPSIS in narrow
        assert "F6 Info" not in narrow  # a tag: lower ranked
        assert narrow.index("F2 Asked") < narrow.index("F9 Pause") < narrow.index("F10 End call")

        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        wide = drawn(bar_of(app)).plain
        shown = [key.label for key in bar_of(app).keys if key.label in wide]
        assert len(shown) > len([key for key in bar_of(app).keys if key.label in narrow])
        for label in ("F10 End call", "F9 Pause", "F5 Advice", "F1 Help"):
            assert label in wide
        places = [wide.index(label) for label in shown]
        assert places == sorted(places)


def test_the_lower_ranked_keys_are_left_out_first_and_the_order_stays() -> None:
    def key(name: str, rank: int = 0) -> BarKey:
        return BarKey(name, name, "", True, "", rank)

    keys = [key("aaaa"), key("bbbb", 1), key("cccc"), key("dddd", 2)]
    assert kept(keys, 19) == keys  # four keys and three spaces
    assert [k.key for k in kept(keys, 18)] == ["aaaa", "bbbb", "dddd"]  # and "… "
    assert [k.key for k in kept(keys, 13)] == ["bbbb", "dddd"]
    assert [k.key for k in kept(keys, 7)] == ["dddd"]
    assert kept(keys, 5) == []
