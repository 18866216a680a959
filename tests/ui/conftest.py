"""UI fixtures: the app on a copy of the demo database, a fixed clock, a private config."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.factory import make_app
from informa.ui.app import InformaApp
from tests.builders import NOW
from tests.clipboard import fake_tmux, no_system_clipboard

AppFactory = Callable[..., InformaApp]


@pytest.fixture(autouse=True)
def tmux_buffer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What the app copies goes to a fake tmux's buffer (the file returned), as inside tmux
    without a system clipboard: never to the real clipboard or tmux of whoever runs the tests."""
    folder = tmp_path / "bin"
    folder.mkdir()
    no_system_clipboard(monkeypatch)
    return fake_tmux(folder, monkeypatch)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    return write_demo_database(folder / "demo.db", clock=fixed_clock(NOW)).path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "informa.db"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def make(demo_db: Path, config_dir: Path) -> AppFactory:
    def build(**overrides: object) -> InformaApp:
        options: dict[str, object] = {
            "db_path": demo_db,
            "config_dir": config_dir,
            "clock": fixed_clock(NOW),
        }
        options.update(overrides)
        return make_app(**options)  # type: ignore[arg-type]

    return build
