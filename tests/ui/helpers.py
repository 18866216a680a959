"""Shared steps for Pilot tests."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

from informa.ui.app import InformaApp

AppFactory = Callable[..., InformaApp]
S = TypeVar("S", bound=Screen[Any])

KEY_NAMES = {
    " ": "space",
    "@": "at",
    ".": "full_stop",
    "-": "minus",
    ",": "comma",
    "/": "slash",
    "\n": "enter",
    "(": "left_parenthesis",
    ")": "right_parenthesis",
    ":": "colon",
    "?": "question_mark",
    "'": "apostrophe",
    "_": "underscore",
}


def typed(text: str) -> list[str]:
    """``text`` as the key names Pilot presses for it."""
    return [KEY_NAMES.get(char, char) for char in text]


def contact_named(app: InformaApp, name: str) -> int:
    (found,) = app.store.contacts.find(name)
    return found.id


async def select(pilot: Pilot[Any], app: InformaApp, name: str) -> int:
    """Put the pipeline's cursor on ``name`` through the command palette, as a user would."""
    from informa.ui.widgets.contact_list import ContactList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed(name))
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)
    highlighted = app.screen.query_one(ContactList).highlighted
    assert highlighted is not None
    assert highlighted.name == name
    return highlighted.id


async def settle(pilot: Pilot[Any]) -> None:
    """Let the data workers finish and the messages they posted land (a loaded list starts the
    detail worker, a save starts a reload). Workers holding an open dialog are not waited for."""
    for _ in range(3):
        busy = [worker for worker in pilot.app.workers if worker.group != "dialog"]
        for worker in busy:
            with suppress(WorkerCancelled):  # overtaken by a newer one: done as well
                await worker.wait()
        await pilot.pause()


async def quiet(pilot: Pilot[Any]) -> None:
    """Wait for every worker, the dialog ones included (none may be waiting on a dialog)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


def showing(app: InformaApp, kind: type[S]) -> S:
    """The active screen, which must be a ``kind`` (read afresh: key presses change it)."""
    screen = app.screen
    assert isinstance(screen, kind), f"showing {type(screen).__name__}, not {kind.__name__}"
    return screen


async def opened(pilot: Pilot[Any], kind: type[S]) -> S:
    """The screen of ``kind`` a worker is opening (after a read in a thread): waits for it,
    one message loop at a time, and fails if it never comes."""
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause()
    return showing(pilot.app, kind)  # type: ignore[arg-type]


async def start_call_now(pilot: Pilot[Any]) -> None:
    """``P`` on the highlighted contact, and ``enter`` in the question that follows."""
    from informa.ui.dialogs.confirm import Confirm

    await pilot.press("P")
    await opened(pilot, Confirm)
    await pilot.press("enter")
    await quiet(pilot)
