"""Shared steps for Pilot tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from informa.ui.app import InformaApp

AppFactory = Callable[..., InformaApp]


async def settle(pilot: Pilot[Any]) -> None:
    """Let the data workers finish and the messages they posted land (twice: a loaded list
    starts the detail worker)."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
