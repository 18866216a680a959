"""Fixtures shared by every test folder, and the markers set by folder and by kind."""

from __future__ import annotations

import gc
import inspect
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
BY_FOLDER = {"ui": pytest.mark.ui, "reliability": pytest.mark.reliability}


@pytest.hookimpl(tryfirst=True)  # before ``-m`` selects by them
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``ui`` and ``reliability``: every test in ``tests/ui`` and ``tests/reliability``.

    ``slow``: every test that drives a Textual app (an ``async`` Pilot test, an SVG
    snapshot), which takes a second or more, besides those marked by hand (real processes
    in a terminal, the wheel build, the longest property tests). See CONTRIBUTING.md, Tests.
    """
    for item in items:
        folder = item.path.relative_to(HERE).parts[0]
        if folder in BY_FOLDER:
            item.add_marker(BY_FOLDER[folder])
        if isinstance(item, pytest.Function) and (
            inspect.iscoroutinefunction(item.obj) or "snap_compare" in item.fixturenames
        ):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """Each test leaves the garbage collector on or off as it found it: ``informa.launch``
    switches it off until the first screen is up, and a test that runs ``main`` in this
    process (tests/cli/test_launch.py) would otherwise leave it off for the next test."""
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point platformdirs (via XDG_*) at fresh folders and clear ``$INFORMA_DB``.

    Autouse: no test can read or write the real user's files.

    Keys: ``data`` and ``config`` are the XDG roots; ``data_dir``, ``config_dir`` and
    ``banks_dir`` are informa's own folders inside them (none of them is created).
    """
    data = tmp_path / "xdg-data"
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("INFORMA_DB", raising=False)
    return {
        "data": data,
        "config": config,
        "data_dir": data / "informa",
        "config_dir": config / "informa",
        "banks_dir": config / "informa" / "question_banks",
    }


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A permissive umask, so that private modes cannot come from the umask alone."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)
