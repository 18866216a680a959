"""SVG snapshots of the first screen at a fixed size and clock.

After an intended change of the look, review and accept with ``pytest --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from .helpers import AppFactory, settle

SnapCompare = Callable[..., bool]


def test_pipeline_due_view(snap_compare: SnapCompare, make: AppFactory) -> None:
    app = make(demo=True, save_settings=False)
    assert snap_compare(app, terminal_size=(140, 40), run_before=settle)


def test_pipeline_wide_layout(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def all_view(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("a", "home", "down", "down")
        await settle(pilot)

    app = make(demo=True, save_settings=False)
    assert snap_compare(app, terminal_size=(190, 45), run_before=all_view)
