"""Fixtures for the interchange tests: a demo database on a fixed clock, and an empty one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.store import Store
from tests.builders import NOW

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    """The demo sample (24 contacts, 7 interviews) in a file database, opened."""
    path = tmp_path / "demo" / "informa.db"
    path.parent.mkdir()
    write_demo_database(path, clock=fixed_clock(NOW))
    opened = Store.open(path, clock=fixed_clock(NOW))
    yield opened
    opened.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A new, empty database. Only one store can be open at a time in a process."""
    opened = Store.open(
        tmp_path / "empty" / "informa.db", clock=fixed_clock(NOW), create_folder=True
    )
    yield opened
    opened.close()
