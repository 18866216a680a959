"""The UI fixtures (the app on a demo copy) for reliability tests that drive the app."""

from tests.ui.conftest import config_dir, demo_db, demo_template, make

__all__ = ["config_dir", "demo_db", "demo_template", "make"]
