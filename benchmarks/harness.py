"""A pseudo-terminal that a benchmark drives: it starts a program, answers like a terminal,
and timestamps every frame the program writes.

Textual wraps each frame in the synchronized-output sequences (``ESC[?2026h`` … ``ESC[?2026l``)
once the terminal says it supports them, so this terminal says it does. A frame counts as
written when the chunk holding its closing ``ESC[?2026l`` is read from the pty: what a real
terminal would then draw. Only the standard library is used; one reader thread drains the
pty all the time (a full pty would block the program's writes) and does nothing else, so
that it competes as little as possible with the program for the CPU.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

ROWS, COLUMNS = 40, 120
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
"""DECRPM: mode 2026 is known and reset, i.e. supported (what kitty, WezTerm, iTerm2 say)."""
CTRL_Q = b"\x11"
ESCAPE = b"\x1b"
DEADLINE = 60.0
"""Seconds to wait for any one thing before giving up (a loaded machine is slow, not stuck)."""

# CSI, OSC, DCS/PM/APC strings and two-byte escapes: what is left is the text drawn.
_ANSI = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"
    rb"|\x1b[@-Z\\-_]"
    rb"|\x1b[()][0-9A-Za-z]"
)
_CURSOR_TO = re.compile(rb"\x1b\[(\d+);(\d+)H")
_LINE_START = re.compile(rb"\x1b\[(\d+);1H")


class HarnessError(RuntimeError):
    """The program did not do what the benchmark waited for."""


@dataclass(frozen=True, slots=True)
class Frame:
    index: int
    start: int
    """Offset of the frame's ``ESC[?2026h`` in the output."""
    end: int
    """Offset just after its ``ESC[?2026l``."""
    at: float
    """``time.perf_counter()`` when the chunk that completed the frame was read."""


def visible_text(data: bytes) -> str:
    """The characters drawn by ``data``, escape sequences removed."""
    return _ANSI.sub(b"", data).decode("utf-8", "replace")


def final_cursor(data: bytes) -> tuple[int, int] | None:
    """Where the frame leaves the cursor (Textual ends every frame with a cursor move to
    the focused editor's caret)."""
    moves = _CURSOR_TO.findall(data)
    return (int(moves[-1][0]), int(moves[-1][1])) if moves else None


class Terminal:
    """``argv`` running in a ROWS x COLUMNS pseudo-terminal with ``TERM=xterm-256color``."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        rows: int = ROWS,
        columns: int = COLUMNS,
    ) -> None:
        self._buffer = bytearray()
        self._chunks: list[tuple[int, float]] = []
        """(offset just after the chunk, when it was read), for every read."""
        self._frames: list[Frame] = []
        self._open_at: int | None = None
        self._scanned = 0
        self._last_read = 0.0
        self._condition = threading.Condition()
        self._done = False
        self.rows = rows
        master, slave = pty.openpty()
        self.master = master
        try:
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            environment = dict(os.environ if env is None else env)
            environment.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows))
            for name in ("NO_COLOR", "TEXTUAL", "TEXTUAL_DRIVER", "TERM_PROGRAM"):
                environment.pop(name, None)
            self.started = self._last_read = time.perf_counter()
            self.process = subprocess.Popen(
                list(argv),
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=environment,
                cwd=cwd,
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

    # -- the reader thread ----------------------------------------------------------------

    def _drain(self) -> None:
        try:
            while True:
                try:
                    ready, _, _ = select.select([self.master], [], [], 0.2)
                    if not ready:
                        if self.process.poll() is not None:
                            return
                        continue
                    data = os.read(self.master, 1 << 16)
                except OSError:  # EIO: the child is gone; EBADF: closed
                    return
                if not data:
                    return
                now = time.perf_counter()
                if SYNC_QUERY in data:
                    with suppress(OSError):
                        os.write(self.master, SYNC_REPLY)
                with self._condition:
                    self._buffer += data
                    self._chunks.append((len(self._buffer), now))
                    self._last_read = now
                    self._scan(now)
                    self._condition.notify_all()
        finally:
            with self._condition:
                self._done = True
                self._condition.notify_all()

    def _scan(self, now: float) -> None:
        """Record the frames completed by what was just read."""
        buffer = self._buffer
        position = max(self._scanned - len(SYNC_END), 0)
        while True:
            if self._open_at is None:
                start = buffer.find(SYNC_START, position)
                if start < 0:
                    break
                self._open_at = start
                position = start + len(SYNC_START)
            end = buffer.find(SYNC_END, position)
            if end < 0:
                break
            end += len(SYNC_END)
            self._frames.append(Frame(len(self._frames), self._open_at, end, now))
            self._open_at = None
            position = end
        self._scanned = len(buffer)

    # -- reading what was drawn -------------------------------------------------------------

    @property
    def frame_count(self) -> int:
        with self._condition:
            return len(self._frames)

    @property
    def last_read(self) -> float:
        with self._condition:
            return self._last_read

    def frame_bytes(self, frame: Frame) -> bytes:
        with self._condition:
            return bytes(self._buffer[frame.start : frame.end])

    def output(self, since: int = 0) -> bytes:
        with self._condition:
            return bytes(self._buffer[since:])

    def wait_frame(
        self,
        what: str,
        accept: Callable[[Frame, bytes], bool],
        *,
        since: int = 0,
        timeout: float = DEADLINE,
    ) -> Frame:
        """The first frame from number ``since`` on that ``accept(frame, its bytes)``."""
        deadline = time.perf_counter() + timeout
        checked = since
        with self._condition:
            while True:
                while checked < len(self._frames):
                    frame = self._frames[checked]
                    checked += 1
                    if accept(frame, bytes(self._buffer[frame.start : frame.end])):
                        return frame
                if self._done:
                    raise HarnessError(f"the program ended while waiting for {what}{self._tail()}")
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise HarnessError(f"timed out waiting for {what}{self._tail()}")
                self._condition.wait(min(left, 0.5))

    def wait_text(self, pattern: str, *, since: int = 0, timeout: float = DEADLINE) -> Frame:
        """The first frame from number ``since`` on whose drawn text matches ``pattern``."""
        regex = re.compile(pattern)
        return self.wait_frame(
            f"/{pattern}/ on screen",
            lambda _frame, data: regex.search(visible_text(data)) is not None,
            since=since,
            timeout=timeout,
        )

    def wait_output(
        self, pattern: str, *, since: int = 0, timeout: float = DEADLINE
    ) -> tuple[int, float]:
        """Wait until the text drawn from offset ``since`` on matches ``pattern``; returns the
        offset and read time of the chunk that made it match. For output that may not be in
        frames (the first frame can be written before the terminal's reply to the
        synchronized-output query arrives)."""
        regex = re.compile(pattern)

        def matches(end: int) -> bool:
            return regex.search(visible_text(bytes(self._buffer[since:end]))) is not None

        deadline = time.perf_counter() + timeout
        seen = 0
        with self._condition:
            while True:
                if len(self._chunks) > seen:
                    seen = len(self._chunks)
                    if matches(self._chunks[-1][0]):
                        low, high = 0, seen - 1  # the first chunk after which it matches
                        while low < high:
                            middle = (low + high) // 2
                            if matches(self._chunks[middle][0]):
                                high = middle
                            else:
                                low = middle + 1
                        return self._chunks[low]
                if self._done:
                    raise HarnessError(
                        f"the program ended while waiting for /{pattern}/{self._tail()}"
                    )
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise HarnessError(f"timed out waiting for /{pattern}/{self._tail()}")
                self._condition.wait(min(left, 0.5))

    def wait_full_paint(self, *, timeout: float = DEADLINE) -> float:
        """When every row of the screen had been drawn at least once: the first full paint.

        Textual draws each line of a frame after a move to its first column
        (``ESC[row;1H``); the first frame draws them all, in one write. Works whether or not
        that frame is inside the synchronized-output sequences.
        """
        missing = set(range(1, self.rows + 1))
        scanned = 0
        deadline = time.perf_counter() + timeout
        with self._condition:
            while True:
                for chunk_end, at in self._chunks[scanned:]:
                    start = max((self._chunks[scanned - 1][0] if scanned else 0) - 12, 0)
                    for found in _LINE_START.finditer(self._buffer, start, chunk_end):
                        missing.discard(int(found.group(1)))
                    scanned += 1
                    if not missing:
                        return at
                if self._done:
                    raise HarnessError(f"the program ended before a full paint{self._tail()}")
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise HarnessError(f"timed out waiting for a full paint{self._tail()}")
                self._condition.wait(min(left, 0.5))

    def wait_quiet(self, quiet: float, *, timeout: float = DEADLINE) -> float:
        """Wait until nothing has been written for ``quiet`` seconds; returns when the last
        thing was written."""
        deadline = time.perf_counter() + timeout
        while True:
            last = self.last_read
            now = time.perf_counter()
            if now - last >= quiet:
                return last
            if now > deadline:
                raise HarnessError(f"the screen never went quiet for {quiet} s")
            if self.process.poll() is not None:
                raise HarnessError(f"the program ended (status {self.process.returncode})")
            time.sleep(min(quiet - (now - last), 0.05) + 0.001)

    def last_frame(self) -> Frame | None:
        with self._condition:
            return self._frames[-1] if self._frames else None

    def _tail(self) -> str:
        text = visible_text(bytes(self._buffer[-3000:]))
        return f"; the screen ended with:\n{text[-1500:]}" if text.strip() else ""

    # -- input, memory, the end -------------------------------------------------------------

    def send(self, keys: bytes) -> float:
        """Write ``keys`` as typed; returns ``time.perf_counter()`` just before the write."""
        if self.process.poll() is not None:
            raise HarnessError(f"the program ended (status {self.process.returncode})")
        sent = time.perf_counter()
        os.write(self.master, keys)
        return sent

    def rss_kib(self) -> int:
        """The program's resident memory (VmRSS), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        found = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
        if found is None:
            raise HarnessError("no VmRSS in /proc/PID/status")
        return int(found.group(1))

    def close(self, quit_keys: bytes = CTRL_Q, grace: float = 10.0) -> None:
        """Quit the way a user does (``ctrl+q``), then kill whatever is left."""
        if self.process.poll() is None:
            with suppress(OSError):
                os.write(self.master, quit_keys)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):  # its own session and process group
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=DEADLINE)
        self._reader.join(timeout=DEADLINE)
        with suppress(OSError):
            os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
