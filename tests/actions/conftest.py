"""Fixtures for the actions' tests: the store tests' fresh file database on a fixed clock."""

from tests.store.conftest import db_path, now, store

__all__ = ["db_path", "now", "store"]
