"""Shared steps for Pilot tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from informa.ui.app import InformaApp

AppFactory = Callable[..., InformaApp]


async def settle(pilot: Pilot[Any]) -> None:
    """Let the data workers finish and the messages they posted land (a loaded list starts the
    detail worker, a save starts a reload). Workers holding an open dialog are not waited for."""
    for _ in range(3):
        busy = [worker for worker in pilot.app.workers if worker.group != "dialog"]
        if busy:
            await pilot.app.workers.wait_for_complete(busy)
        await pilot.pause()
