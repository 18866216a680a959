"""Two informa processes on one database, as when a second terminal is opened by mistake.

Both run for real in pseudo-terminals. One is in a call, typing; the other adds a contact
meanwhile: neither shows an error and both writes are kept (WAL, a busy timeout, and
``BEGIN IMMEDIATE`` for every write). Then both type into the same call's notes: the clash is
detected by the notes' revision and both versions are kept, never one silently overwritten.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from informa.store import Store
from tests.reliability.test_kill_mid_call import (
    CTRL_Q,
    DEADLINE,
    ENTER,
    TerminalApp,
    informa_in_terminal,
    prepare_call,
    stored_notes,
    wait_for,
)

pytestmark = pytest.mark.slow  # two real informa processes in terminals

ERRORS_SHOWN = re.compile(r"not saved|busy|locked|database error|Traceback|Error", re.IGNORECASE)


def resume(app: TerminalApp) -> None:
    app.wait_text(r"Resume the call")
    since = app.mark()
    app.send(b"y")
    app.wait_text(r"Resumed the call at", since=since)


def quit_cleanly(app: TerminalApp) -> str:
    """ctrl+q, exit status 0; the whole screen text it drew."""
    text = app.text()
    app.send(CTRL_Q)
    assert app.process.wait(timeout=DEADLINE) == 0
    return text


def contact_names(db_path: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
        return {str(row[0]) for row in db.execute("SELECT name FROM contact")}


def test_a_call_and_contact_edits_in_two_processes_lose_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "informa.db"
    interview, _ = prepare_call(db_path)
    with informa_in_terminal(db_path) as call, informa_in_terminal(db_path) as other:
        resume(call)
        other.wait_text(r"Resume the call")
        other.send(b"n")  # no: stay on the pipeline
        call.type("A: talk to the data team first")
        since = other.mark()
        other.send(b"n")  # a new contact, typed while the call saves its notes
        other.wait_text(r"Referred by", since=since)  # the contact form
        other.type("Katherine Johnson")
        other.send(ENTER)
        wait_for("the contact saved", lambda: "Katherine Johnson" in contact_names(db_path))
        call.send(ENTER)
        call.type("I: they pair on every analysis")
        wait_for(
            "the notes saved",
            lambda: stored_notes(db_path, interview.id).endswith("they pair on every analysis"),
        )
        drawn = quit_cleanly(call) + quit_cleanly(other)
    assert not ERRORS_SHOWN.search(drawn)
    assert stored_notes(db_path, interview.id) == (
        "A: talk to the data team first\nI: they pair on every analysis"
    )
    assert {"Grace Hopper", "Katherine Johnson"} <= contact_names(db_path)
    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_same_notes_typed_in_two_processes_keep_both_versions(tmp_path: Path) -> None:
    db_path = tmp_path / "informa.db"
    interview, _ = prepare_call(db_path)
    with informa_in_terminal(db_path) as first, informa_in_terminal(db_path) as second:
        resume(first)
        resume(second)  # both editors start from the same (empty) notes
        first.type("mine: she leads the platform team")
        wait_for("the first save", lambda: stored_notes(db_path, interview.id))
        since = second.mark()
        second.type("theirs: ask about the spring intake")
        second.wait_text(r"changed elsewhere", since=since)  # told, not overwritten
        wait_for(
            "both versions saved",
            lambda: "ask about the spring intake" in stored_notes(db_path, interview.id),
        )
        quit_cleanly(first)
        quit_cleanly(second)
    notes = stored_notes(db_path, interview.id)
    assert "mine: she leads the platform team" in notes
    assert "theirs: ask about the spring intake" in notes
    assert "----- your version (not saved elsewhere) -----" in notes
    store = Store.open(db_path)
    try:
        (open_call,) = store.interviews.in_progress()
    finally:
        store.close()
    assert open_call.notes == notes
