"""``kill -9`` at random moments of a call: every character typed more than a second before
the kill is on disk, the file is sound, and the call can be resumed.

Each run starts the real ``python -m informa`` in a pseudo-terminal on a call in progress,
types notes at a person's pace (keys 60–160 ms apart, now and then a pause to listen), and
kills the process at a moment drawn from a seeded generator. Runs are separate tests, so
pytest-xdist spreads them over the cores. ``INFORMA_KILL_RUNS=50 pytest tests/reliability``
runs more of them.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from informa.domain.model import InterviewStatus
from informa.store import Store
from tests.reliability.test_kill_mid_call import (
    informa_in_terminal,
    prepare_call,
    stored_notes,
)

pytestmark = pytest.mark.slow  # the real informa in a pseudo-terminal, killed

RUNS = int(os.environ.get("INFORMA_KILL_RUNS", "10"))
SAVED_WITHIN = 1.0
"""The promise: a character typed this many seconds before the kill survives it."""
NOTES = (
    "She moved from a postdoc to the data team two years ago\n"
    "A: learn SQL properly before anything else\n"
    "I: the team ships weekly and reviews analyses in pairs\n"
    "R: Jane Doe (Acme) runs the experimentation platform\n"
    "TODO: send the GitHub link tonight\n"
)


def keystrokes(rng: random.Random) -> list[tuple[str, float]]:
    """The notes as (character, gap before it): a steady typist who pauses to listen."""
    out: list[tuple[str, float]] = []
    for char in NOTES * 3:
        gap = rng.uniform(0.06, 0.16)
        if char == "\n" and rng.random() < 0.5:
            gap += rng.uniform(0.4, 1.5)  # listening before the next point
        out.append((char, gap))
    return out


@pytest.mark.parametrize("run", range(RUNS))
def test_kill_at_a_random_moment_keeps_what_was_typed(tmp_path: Path, run: int) -> None:
    rng = random.Random(run)
    kill_after = rng.uniform(1.2, 5.0)  # seconds of typing
    db_path = tmp_path / "informa.db"
    interview, started = prepare_call(db_path)
    sent_at: list[float] = []
    typed = ""
    with informa_in_terminal(db_path) as app:
        app.wait_text(r"Resume the call")
        since = app.mark()
        app.send(b"y")
        app.wait_text(r"Resumed the call at", since=since)
        begin = time.monotonic()
        for char, gap in keystrokes(rng):
            if time.monotonic() + gap - begin >= kill_after:
                break
            time.sleep(gap)  # the typist's pace is what is under test
            app.send(b"\r" if char == "\n" else char.encode())
            sent_at.append(time.monotonic())
            typed += char
        killed_at = time.monotonic()
        assert app.kill() == -signal.SIGKILL

    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = stored_notes(db_path, interview.id)
    due = sum(1 for moment in sent_at if moment <= killed_at - SAVED_WITHIN)
    assert saved.startswith(typed[:due]), (
        f"run {run}: {len(typed) - due} characters were typed in the last second; "
        f"{due} typed before it, of which {len(saved)} were saved"
    )
    assert typed.startswith(saved)  # never anything mangled or out of order

    store = Store.open(db_path)
    try:
        (open_call,) = store.interviews.in_progress()
    finally:
        store.close()
    assert open_call.id == interview.id
    assert open_call.status is InterviewStatus.IN_PROGRESS
    assert open_call.started_at == started
    assert open_call.notes == saved
