"""Fixtures for store tests: a fresh file database on a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from informa.domain.clock import fixed_clock
from informa.store import Store
from tests.builders import NOW


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "informa.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path, clock=fixed_clock(NOW), create_folder=True)
    yield opened
    opened.close()
