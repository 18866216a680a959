"""``informa.library``: banks and templates read together, and ``Later`` that computes a
value once for whichever thread asks first."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from informa.library import Later, has_own_files, load_library


def test_later_computes_once_for_every_thread() -> None:
    calls: list[int] = []
    started = threading.Event()
    release = threading.Event()

    def compute() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "value"

    later = Later(compute)
    results: list[str] = []
    first = threading.Thread(target=lambda: results.append(later.get()))
    first.start()
    started.wait(5)
    assert later.peek() is None  # never waits, never computes
    second = threading.Thread(target=lambda: results.append(later.get()))
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert results == ["value", "value"]
    assert calls == [1]
    assert later.done
    assert later.peek() == "value"


def test_later_raises_its_error_to_every_caller() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        raise ValueError("cannot")

    later: Later[int] = Later(compute)
    for _ in range(2):
        with pytest.raises(ValueError, match="cannot"):
            later.get()
    assert calls == [1]
    assert later.done
    assert later.peek() is None


def test_the_library_reports_a_broken_user_bank_with_the_rest_loaded(tmp_path: Path) -> None:
    banks = tmp_path / "question_banks"
    banks.mkdir()
    (banks / "mine.yaml").write_text("id: mine\ntitle: Mine\ntopics: [\n")
    library = load_library(tmp_path)
    assert library.banks.get("core") is not None
    assert library.templates.templates
    assert library.thank_you_templates.templates
    assert [str(problem.path) for problem in library.problems] == [str(banks / "mine.yaml")]


def test_own_files_are_a_banks_or_templates_folder(tmp_path: Path) -> None:
    assert not has_own_files(tmp_path)
    (tmp_path / "templates").mkdir()
    assert has_own_files(tmp_path)
    (tmp_path / "templates").rmdir()
    (tmp_path / "question_banks").mkdir()
    assert has_own_files(tmp_path)
