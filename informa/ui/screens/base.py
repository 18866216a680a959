"""What the workspace screens share: typed access to the app, and one writer thread.

A screen that saves as the user works (the call, its preparation, the debrief) sends every
write through its own single thread, so writes land in the order the user made them and
the UI thread never waits on the disk. Workers await the futures, so results come back on
the UI thread. peewee keeps one connection per thread: :meth:`close_writer` closes the
writer's connection, after everything queued, before the thread goes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from informa.store import Store
    from informa.ui.app import InformaApp

ResultT = TypeVar("ResultT")
T = TypeVar("T")


class WorkspaceScreen(Screen[ResultT]):
    """A screen of informa with its writer thread (started on first use)."""

    WRITER_NAME = "informa-writer"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._writer: ThreadPoolExecutor | None = None

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.informa.store

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Run ``job`` on the writer thread, after everything submitted before it."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.WRITER_NAME)
        return self._writer.submit(job)

    def close_writer(self) -> None:
        """Wait for what is queued, close the writer's connection, stop the thread."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.submit(self.store.close).result()
            writer.shutdown(wait=True)
