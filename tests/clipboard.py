"""The clipboard's boundaries for tests: a fake ``tmux`` on PATH, pyperclip's copy replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pyperclip
import pytest


def fake_tmux(
    folder: Path, monkeypatch: pytest.MonkeyPatch, *, status: int = 0, hang: bool = False
) -> Path:
    """Put a ``tmux`` on PATH (and set $TMUX) that writes ``load-buffer -``'s input to the file
    returned; ``status`` other than 0 fails as tmux does with no server, ``hang`` never ends."""
    buffer = folder / "tmux-buffer"
    script = folder / "tmux"
    if hang:
        body = "exec sleep 30\n"
    elif status:
        body = f'echo "no server running on /tmp/tmux-1000/default" >&2\nexit {status}\n'
    else:
        body = f'[ "$1 $2" = "load-buffer -" ] || exit 2\ncat > "{buffer}"\n'
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    return buffer


def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyperclip finds no copy mechanism (a server over ssh)."""

    def fail(text: str) -> None:
        raise pyperclip.PyperclipException("no clipboard here")

    monkeypatch.setattr(pyperclip, "copy", fail)


def system_clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """pyperclip finds a mechanism; returns the list of what was copied."""
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    return copied
