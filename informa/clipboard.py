"""Copying text where the user is: tmux's paste buffer and the system clipboard.

``copy(text)`` tries each way informa can check and says which worked:

- **tmux's buffer**, when ``$TMUX`` is set (informa runs inside tmux): ``tmux load-buffer -``
  with the text on its standard input; ``prefix ]`` pastes it, ``tmux show-buffer`` shows it.
- **the system clipboard**, through pyperclip: ``pbcopy`` on macOS, ``wl-copy`` on Wayland,
  ``xclip`` or ``xsel`` on X11, the Windows clipboard. pyperclip raises ``PyperclipException``
  when it finds none (a server over ssh, a container).

Neither can hang the caller: tmux runs with a timeout, and pyperclip (whose helpers run
without one) runs in a daemon thread that is given up on after the same time. The terminal's
own way, the OSC 52 escape, is the app's to send (``App.copy_to_clipboard``): whether the
terminal takes it cannot be known, so it is not counted here.
"""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass

TMUX = "tmux's buffer"
SYSTEM = "the system clipboard"
TIMEOUT = 3.0
"""Seconds a way may take before it counts as failed."""


@dataclass(frozen=True, slots=True)
class CopyResult:
    """Which ways the text went, and why the others did not."""

    ways: tuple[str, ...]
    """``SYSTEM`` and / or ``TMUX``, in that order; empty when none is known to have worked."""
    problems: tuple[str, ...] = ()
    """One line per way tried that failed (``tmux: exit status 1``)."""

    @property
    def copied(self) -> bool:
        return bool(self.ways)

    @property
    def where(self) -> str:
        """``the system clipboard and tmux's buffer``; empty when nothing worked."""
        return " and ".join(self.ways)


def copy(text: str, *, timeout: float = TIMEOUT) -> CopyResult:
    """Copy ``text`` every way that is available; blocks for at most about ``2 × timeout``."""
    ways: list[str] = []
    problems: list[str] = []
    system = _system_clipboard(text, timeout)
    if system is None:
        ways.append(SYSTEM)
    else:
        problems.append(f"system clipboard: {system}")
    if os.environ.get("TMUX"):
        tmux = _tmux_buffer(text, timeout)
        if tmux is None:
            ways.append(TMUX)
        else:
            problems.append(f"tmux: {tmux}")
    return CopyResult(tuple(ways), tuple(problems))


def _tmux_buffer(text: str, timeout: float) -> str | None:
    """Load ``text`` into tmux's paste buffer; None when it worked, else why not."""
    try:
        done = subprocess.run(
            ["tmux", "load-buffer", "-"],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"no answer within {timeout:g} s"
    except OSError as exc:
        return exc.strerror or str(exc)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return message[0] if message else f"exit status {done.returncode}"
    return None


def _system_clipboard(text: str, timeout: float) -> str | None:
    """Copy ``text`` through pyperclip; None when it worked, else why not."""
    import pyperclip  # not at import: only copying needs it

    outcome: list[str | None] = []

    def run() -> None:
        try:
            pyperclip.copy(text)
        except pyperclip.PyperclipException as exc:
            outcome.append(str(exc).splitlines()[0] if str(exc) else "no clipboard found")
        except (OSError, subprocess.SubprocessError) as exc:
            outcome.append(str(exc) or type(exc).__name__)
        else:
            outcome.append(None)

    worker = threading.Thread(target=run, name="informa-clipboard", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        return f"no answer within {timeout:g} s"
    return outcome[0]
