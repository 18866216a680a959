"""Killed mid-call (``kill -9``), informa loses nothing it had saved and offers to resume.

A real ``python -m informa`` runs in a pseudo-terminal. The test confirms the resume dialog,
marks a question asked, types a line of notes, waits for the autosave to reach the database,
then kills the process with SIGKILL while more text is being typed. The database must then
hold the call as still in progress, with its notes, checklist state and clock; and a second
``informa`` on the same file must offer to resume the call and show the notes again.

Only the standard library drives the terminal (``pty``, ``termios``): no extra test
dependency, no shell.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from informa.domain.clock import system_clock
from informa.domain.model import ContactDraft, Interview, InterviewStatus
from informa.domain.notes import heading
from informa.domain.plan import PlanItem
from informa.store import Store

pytestmark = pytest.mark.slow  # the real informa in a pseudo-terminal, killed

ROWS, COLUMNS = 40, 140
DEADLINE = 25.0
"""Seconds to wait for any one thing to happen (an app start on a slow CI machine included)."""
POLL = 0.02
KEY_GAP = 0.03
"""Seconds between keys: focus changes and dialogs get a moment, as with a fast typist."""

F2 = b"\x1bOQ"
F3 = b"\x1bOR"
ENTER = b"\r"
CTRL_Q = b"\x11"

CONTACT = "Grace Hopper"
QUESTIONS = (
    "How did you get into this field?",
    "What does a typical day look like?",
    "Who else should I talk to?",
)
STARTED_MINUTES_AGO = 5
SAVED_LINE = "A: talk to the data team first"
UNSAVED_LINE = "I: they hire juniors every spring, mostly through referrals"

# CSI (with private and intermediate bytes), OSC (BEL or ST terminated), DCS/PM/APC strings
# and two-byte escapes: what is left is the text the terminal would draw.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]*\x1b\\"
    r"|\x1b[@-Z\\-_]"
    r"|\x1b[()][0-9A-Za-z]"
)

T = TypeVar("T")


def wait_for(what: str, check: Callable[[], T | None], timeout: float = DEADLINE) -> T:
    """Poll ``check`` until it returns something other than None (or False); fail after
    ``timeout`` seconds, saying what was awaited."""
    end = time.monotonic() + timeout
    while True:
        result = check()
        if result is not None and result is not False:
            return result
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL)


class TerminalApp:
    """``python -m informa --db PATH`` in a pseudo-terminal of ROWS x COLUMNS.

    A thread drains the terminal all the time (a full pty would block the app's writes) and
    keeps the text drawn so far, escape sequences removed.
    """

    def __init__(self, db_path: Path) -> None:
        self._chunks: list[str] = []
        self._lock = threading.Lock()
        master, slave = pty.openpty()
        self.master = master
        try:
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            env = dict(os.environ)  # the XDG folders of the ``isolated_dirs`` fixture
            env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
            for name in ("NO_COLOR", "TEXTUAL", "TEXTUAL_DRIVER", "INFORMA_DB"):
                env.pop(name, None)
            self.process = subprocess.Popen(
                [sys.executable, "-m", "informa", "--db", str(db_path)],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=db_path.parent,
                start_new_session=True,  # the pty becomes its controlling terminal
                close_fds=True,
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self._reader = threading.Thread(target=self._drain, name="pty-reader", daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.1)
                if not ready:
                    if self.process.poll() is not None and not self._readable():
                        return
                    continue
                data = os.read(self.master, 65536)
            except OSError:  # EIO: the child is gone and the pty closed; EBADF: we closed it
                return
            if not data:
                return
            text = decoder.decode(data)
            with self._lock:
                self._chunks.append(text)

    def _readable(self) -> bool:
        try:
            ready, _, _ = select.select([self.master], [], [], 0)
        except (OSError, ValueError):
            return False
        return bool(ready)

    @property
    def raw(self) -> str:
        with self._lock:
            joined = "".join(self._chunks)
            self._chunks = [joined]
        return joined

    def mark(self) -> int:
        """A position in the output: ``wait_text(..., since=mark)`` sees only what follows."""
        return len(self.raw)

    def text(self, since: int = 0) -> str:
        return _ANSI.sub("", self.raw[since:])

    def wait_text(self, pattern: str, *, since: int = 0) -> re.Match[str]:
        regex = re.compile(pattern)

        def seen() -> re.Match[str] | None:
            self._check_alive(f"/{pattern}/ on screen")
            return regex.search(self.text(since))

        return wait_for(f"/{pattern}/ on screen", seen)

    def _check_alive(self, what: str) -> None:
        code = self.process.poll()
        if code is not None:
            tail = self.text()[-2000:]
            raise AssertionError(f"informa exited ({code}) while waiting for {what}:\n{tail}")

    def send(self, keys: bytes) -> None:
        self._check_alive(f"keys {keys!r} to be read")
        os.write(self.master, keys)
        time.sleep(KEY_GAP)

    def type(self, text: str) -> None:
        for char in text:
            self.send(char.encode())

    def kill(self) -> int:
        """SIGKILL (no chance to save anything) and wait; the exit status."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        return self.process.wait(timeout=DEADLINE)

    def close(self) -> None:
        if self.process.poll() is None:
            with suppress(ProcessLookupError):  # its own session and process group
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=DEADLINE)
        self._reader.join(timeout=DEADLINE)
        os.close(self.master)


@contextmanager
def informa_in_terminal(db_path: Path) -> Iterator[TerminalApp]:
    app = TerminalApp(db_path)
    try:
        yield app
    finally:
        app.close()


def seconds(mm_ss: re.Match[str]) -> int:
    """The seconds of an ``mm:ss`` matched as groups 1 and 2."""
    return int(mm_ss.group(1)) * 60 + int(mm_ss.group(2))


def read_only(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)


def stored_notes(db_path: Path, interview_id: int) -> str:
    with closing(read_only(db_path)) as db:
        row = db.execute("SELECT notes FROM interview WHERE id = ?", (interview_id,)).fetchone()
    return str(row[0])


def asked_count(db_path: Path, interview_id: int) -> int:
    with closing(read_only(db_path)) as db:
        (count,) = db.execute(
            "SELECT count(*) FROM planned_question WHERE interview_id = ? AND asked_at IS NOT NULL",
            (interview_id,),
        ).fetchone()
    return int(count)


def skipped_count(db_path: Path, interview_id: int) -> int:
    with closing(read_only(db_path)) as db:
        (count,) = db.execute(
            "SELECT count(*) FROM planned_question WHERE interview_id = ? AND skipped",
            (interview_id,),
        ).fetchone()
    return int(count)


def prepare_call(db_path: Path) -> tuple[Interview, datetime]:
    """A call started STARTED_MINUTES_AGO, its first question already asked, then the
    store closed: what the database holds when informa stopped mid-call."""
    store = Store.open(db_path, create_folder=True)
    try:
        contact = store.contacts.create(ContactDraft(name=CONTACT))
        interview = store.interviews.prepare(contact.id)
        interview = store.interviews.set_plan(interview.id, [PlanItem(text=q) for q in QUESTIONS])
        started = system_clock() - timedelta(minutes=STARTED_MINUTES_AGO)
        interview = store.interviews.start(interview.id, at=started)
        store.interviews.mark_asked(interview.questions[0].id, at=started + timedelta(seconds=30))
        return store.interviews.get(interview.id), started
    finally:
        store.close()


def test_kill_9_mid_call_keeps_the_call_and_offers_to_resume(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "informa.db"
    interview, started = prepare_call(db_path)
    assert interview.status is InterviewStatus.IN_PROGRESS
    assert asked_count(db_path, interview.id) == 1
    asked_heading = re.compile(rf"^## \[(\d\d):(\d\d)\] {re.escape(QUESTIONS[1])}$", re.MULTILINE)

    # 1. informa starts, sees the open call and offers it; y resumes (Cancel has the focus).
    with informa_in_terminal(db_path) as app:
        app.wait_text(r"Resume the call")
        since = app.mark()
        app.send(b"y")
        app.wait_text(r"Resumed the call at", since=since)  # loaded: the notes take keys

        # 2. f2: the question at the checklist cursor (the first not asked) is asked; its
        #    heading goes into the notes and both are saved at once.
        app.send(F2)
        wait_for(
            "the second question marked asked", lambda: asked_count(db_path, interview.id) == 2
        )
        wait_for(
            "the heading saved", lambda: asked_heading.search(stored_notes(db_path, interview.id))
        )

        # 3. A line of notes, saved by the autosave a second after the last key.
        app.type(SAVED_LINE)
        wait_for("the autosave", lambda: SAVED_LINE in stored_notes(db_path, interview.id))

        # 4. f3: the next question (the cursor moved on to it) is skipped, saved at once.
        app.send(F3)
        wait_for("the third question skipped", lambda: skipped_count(db_path, interview.id) == 1)
        saved = stored_notes(db_path, interview.id)

        # 5. More typing: once the app shows it has unsaved text ("saving…" and the first
        #    words on screen), kill -9 in the middle of the line.
        since = app.mark()
        app.send(ENTER)
        app.type(UNSAVED_LINE[:12])
        app.wait_text(re.escape(UNSAVED_LINE[:12]), since=since)
        app.wait_text("saving…", since=since)
        app.type(UNSAVED_LINE[12:30])
        assert app.kill() == -signal.SIGKILL

    # The file is sound after the kill (the WAL is replayed on open).
    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # 6. Read back through the app's own store: nothing saved was lost.
    store = Store.open(db_path)
    try:
        open_calls = store.interviews.in_progress()
        after = store.interviews.get(interview.id)
    finally:
        store.close()
    now = system_clock()
    assert [call.id for call in open_calls] == [interview.id]
    assert after.status is InterviewStatus.IN_PROGRESS
    assert after.started_at == started  # the clock still counts from the real start
    assert after.ended_at is None
    assert after.paused_at is None

    # Notes: what the autosave stored is all there; the half-typed line died with the
    # process (at most a prefix of it could have been saved, never anything mangled).
    assert after.notes.startswith(saved)
    typed = f"{saved}\n{UNSAVED_LINE}"
    assert typed.startswith(after.notes)
    match = asked_heading.search(after.notes)
    assert match is not None
    lines = after.notes.splitlines()
    assert lines[:2] == [match.group(0), SAVED_LINE]
    asked_at_elapsed = seconds(match)

    # Checklist: the question asked before informa started, the one asked with f2, the one
    # skipped with f3.
    first, second, third = after.questions
    assert [q.text for q in after.questions] == list(QUESTIONS)
    assert first.asked_at == started + timedelta(seconds=30)
    assert not first.skipped
    assert second.asked_at is not None  # by the app, on its clock, at f2
    assert second.asked_at >= started + timedelta(minutes=STARTED_MINUTES_AGO)
    assert not second.skipped
    assert third.asked_at is None
    assert third.skipped

    # Elapsed time: counted from the original start, so it carries on from where it was.
    elapsed = after.elapsed_seconds(now)
    assert elapsed >= STARTED_MINUTES_AGO * 60
    assert elapsed >= asked_at_elapsed >= STARTED_MINUTES_AGO * 60
    assert elapsed < STARTED_MINUTES_AGO * 60 + 5 * 60  # not from some other origin
    assert heading(QUESTIONS[1], asked_at_elapsed) == match.group(0)

    # 7. Reopened, informa offers to resume the call and brings back its notes, checklist
    #    and clock; ctrl+q then quits cleanly, leaving the call open.
    with informa_in_terminal(db_path) as app:
        app.wait_text(rf"Resume the call with {re.escape(CONTACT)}\?")
        offered_at = app.wait_text(r"\((\d\d+):(\d\d) in\)")  # the clock as it stands
        assert seconds(offered_at) >= elapsed
        since = app.mark()
        app.send(b"y")
        resumed_at = app.wait_text(r"Resumed the call at (\d\d+):(\d\d)", since=since)
        assert seconds(resumed_at) >= seconds(offered_at)
        app.wait_text(re.escape(match.group(0)), since=since)
        app.wait_text(re.escape(SAVED_LINE), since=since)
        # The checklist rows: ✓ asked, – skipped. (Not its "2 asked · 1 skipped" border
        # line: the "Resumed" toast covers that corner of the screen for five seconds.)
        for symbol, question in zip("✓✓–", QUESTIONS, strict=True):
            app.wait_text(f"{symbol} {re.escape(question)}", since=since)
        app.send(CTRL_Q)
        assert app.process.wait(timeout=DEADLINE) == 0

    store = Store.open(db_path)
    try:
        final = store.interviews.get(interview.id)
    finally:
        store.close()
    assert final.status is InterviewStatus.IN_PROGRESS
    assert final.notes == after.notes


STEADY_TEXT = "I: the team ships weekly and reviews every analysis in pairs; " * 4


def test_steady_typing_is_saved_before_a_kill(tmp_path: Path) -> None:
    """A typist who never stops for a second still has their notes on disk: the process is
    killed while the typing goes on, as soon as the database holds some of it."""
    db_path = tmp_path / "informa.db"
    interview, _ = prepare_call(db_path)
    with informa_in_terminal(db_path) as app:
        app.wait_text(r"Resume the call")
        since = app.mark()
        app.send(b"y")
        app.wait_text(r"Resumed the call at", since=since)
        longest_gap, last, sent = 0.0, time.monotonic(), 0
        deadline = time.monotonic() + DEADLINE
        while not stored_notes(db_path, interview.id):
            assert time.monotonic() < deadline, "typing went on and nothing was saved"
            app.send(STEADY_TEXT[sent % len(STEADY_TEXT)].encode())
            sent += 1
            now = time.monotonic()
            longest_gap, last = max(longest_gap, now - last), now
        app.send(b"more")
        assert app.kill() == -signal.SIGKILL
    assert longest_gap < 0.5  # never a second of quiet: the debounce alone would not save
    typed = "".join(STEADY_TEXT[i % len(STEADY_TEXT)] for i in range(sent))
    saved = stored_notes(db_path, interview.id)
    assert saved
    assert typed.startswith(saved)
