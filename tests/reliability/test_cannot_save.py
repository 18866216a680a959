"""A full disk or a read-only database mid-call: the user is told at once, the notes stay in
the editor (and are tried again as they type), and ``ctrl+s`` puts a copy in a file.

The failure is made real on the call's own writer connection: ``PRAGMA max_page_count``
stops the file growing (SQLite then reports "database or disk is full", as on a full disk)
and ``PRAGMA query_only`` refuses every write (as a read-only file does).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from informa import paths
from informa.store.base import raw_cursor
from tests.ui.helpers import AppFactory, settle, typed
from tests.ui.test_call import SIZE, open_call, prepare, stored

LONG_NOTE = "I: the platform team owns experimentation end to end " * 200  # new pages


def _break(kind: str) -> None:
    if kind == "full":
        (pages,) = raw_cursor().execute("PRAGMA page_count").fetchone()
        raw_cursor().execute(f"PRAGMA max_page_count = {int(pages)}")
    else:
        raw_cursor().execute("PRAGMA query_only = ON")


def _mend() -> None:
    raw_cursor().execute("PRAGMA max_page_count = 1073741823")
    raw_cursor().execute("PRAGMA query_only = OFF")


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("full", "cannot save: database or disk is full"),
        ("read-only", "cannot save: the database is read-only"),
    ],
)
async def test_notes_that_cannot_be_saved_stay_and_can_be_copied(
    make: AppFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    message: str,
) -> None:
    monkeypatch.setattr(paths, "export_dir", lambda: tmp_path)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        screen.submit(lambda: _break(kind)).result()  # on the call's writer connection
        screen.editor.insert(LONG_NOTE)  # as a paste would
        await pilot.pause(screen.autosave_max_wait)
        await settle(pilot)
        assert str(screen.status.render()).startswith(f"not saved: {message}")
        notices = [n for n in app._notifications if n.title == "Notes not saved"]
        assert len(notices) == 1
        assert notices[0].message.startswith(message)
        assert "ctrl+s saves a copy to a file" in notices[0].message
        assert screen.editor.text == LONG_NOTE  # nothing discarded
        assert stored(app, interview).notes == ""

        await pilot.press("ctrl+s")
        (copy,) = tmp_path.glob(f"informa-call-{interview.id}-*.md")
        assert copy.read_text(encoding="utf-8") == LONG_NOTE
        assert copy.stat().st_mode & 0o777 == 0o600

        await pilot.press(*typed(" more"))  # still failing: told once, not at every key
        await pilot.pause(screen.autosave_max_wait)
        await settle(pilot)
        assert len([n for n in app._notifications if n.title == "Notes not saved"]) == 1

        screen.submit(_mend).result()  # space freed: the next change saves it all
        await pilot.press(*typed("!"))
        await pilot.pause(screen.autosave_max_wait)
        await settle(pilot)
        assert stored(app, interview).notes == f"{LONG_NOTE} more!"
        assert str(screen.status.render()) == "saved"


async def test_notes_that_cannot_be_saved_as_the_call_closes_go_to_a_file(
    make: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving the call while the database refuses the notes: the last save writes them to a
    recovery copy and says where, instead of dropping them with the screen."""
    from informa.ui.screens.call import CallScreen

    monkeypatch.setattr(paths, "export_dir", lambda: tmp_path)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        interview = await prepare(pilot)
        screen = await open_call(pilot, interview)
        screen.submit(lambda: _break("read-only")).result()  # on the call's writer connection
        await pilot.press(*typed("the last thing they said"), "ctrl+b")  # leave at once
        await settle(pilot)
        assert not isinstance(app.screen, CallScreen)
        (copy,) = tmp_path.glob(f"informa-call-{interview.id}-*.md")
        assert copy.read_text(encoding="utf-8") == "the last thing they said"
        assert copy.stat().st_mode & 0o777 == 0o600
        told = [n.message for n in app._notifications if str(copy) in n.message]
        assert told == [f"The call notes could not be saved in the database; they are in {copy}"]
