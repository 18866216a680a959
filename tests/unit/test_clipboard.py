"""informa.clipboard: tmux's buffer (a fake tmux on PATH) and pyperclip's clipboard."""

from __future__ import annotations

import threading
from pathlib import Path

import pyperclip
import pytest

from informa.clipboard import SYSTEM, TMUX, copy
from tests.clipboard import fake_tmux, no_system_clipboard, system_clipboard


def test_inside_tmux_the_text_goes_to_its_buffer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = fake_tmux(tmp_path, monkeypatch)
    no_system_clipboard(monkeypatch)
    result = copy("Thank you, Wei — café at 3?\nBest, Ana")
    assert result.ways == (TMUX,)
    assert result.where == "tmux's buffer"
    assert buffer.read_text(encoding="utf-8") == "Thank you, Wei — café at 3?\nBest, Ana"
    assert result.problems == ("system clipboard: no clipboard here",)


def test_the_system_clipboard_and_tmux_both_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = fake_tmux(tmp_path, monkeypatch)
    clipboard = system_clipboard(monkeypatch)
    result = copy("hello")
    assert result.where == "the system clipboard and tmux's buffer"
    assert (clipboard, buffer.read_text(encoding="utf-8")) == (["hello"], "hello")
    assert result.problems == ()


def test_outside_tmux_its_buffer_is_not_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = fake_tmux(tmp_path, monkeypatch)
    monkeypatch.delenv("TMUX")
    system_clipboard(monkeypatch)
    assert copy("hello").ways == (SYSTEM,)
    assert not buffer.exists()


def test_nothing_known_to_work_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tmux(tmp_path, monkeypatch, status=1)
    no_system_clipboard(monkeypatch)
    result = copy("hello")
    assert not result.copied
    assert result.where == ""
    assert result.problems == (
        "system clipboard: no clipboard here",
        "tmux: no server running on /tmp/tmux-1000/default",
    )


def test_a_missing_tmux_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    monkeypatch.setenv("PATH", str(tmp_path))  # no tmux there
    no_system_clipboard(monkeypatch)
    result = copy("hello")
    assert not result.copied
    assert result.problems[1].startswith("tmux: ")


def test_a_tmux_that_hangs_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tmux(tmp_path, monkeypatch, hang=True)
    no_system_clipboard(monkeypatch)
    result = copy("hello", timeout=0.2)
    assert result.problems[1] == "tmux: no answer within 0.2 s"


def test_a_clipboard_helper_that_hangs_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    release = threading.Event()
    monkeypatch.setattr(pyperclip, "copy", lambda text: release.wait(10))
    try:
        result = copy("hello", timeout=0.2)
    finally:
        release.set()
    assert result.problems == ("system clipboard: no answer within 0.2 s",)
