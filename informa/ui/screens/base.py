"""What the workspace screens share: typed access to the app, and one writer thread.

A screen that saves as the user works (the call, its preparation, the debrief) sends every
write through its own single thread, so writes land in the order the user made them and
the UI thread never waits on the disk. Workers await the futures, so results come back on
the UI thread. peewee keeps one connection per thread: :meth:`close_writer` closes the
writer's connection, after everything queued, before the thread goes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.ui.app import InformaApp

ResultT = TypeVar("ResultT")
T = TypeVar("T")


class WorkspaceScreen(Screen[ResultT]):
    """A screen of informa with its writer thread (started on first use)."""

    WRITER_NAME = "informa-writer"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._writer: ThreadPoolExecutor | None = None
        self._leaving = False

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.informa.store

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Run ``job`` on the writer thread, after everything submitted before it.

        The future returned only mirrors the job: cancelling it (as Textual cancels every
        worker awaiting one when the app quits) never keeps the job from running.
        """
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.WRITER_NAME)
        job_future = self._writer.submit(job)
        mirror: Future[T] = Future()

        def copy(done: Future[T]) -> None:
            try:
                error = done.exception()
                if error is None:
                    mirror.set_result(done.result())
                else:
                    mirror.set_exception(error)
            except InvalidStateError:
                pass  # the waiter went away; the job itself has run

        job_future.add_done_callback(copy)
        return mirror

    @property
    def leaving(self) -> bool:
        """:meth:`leave` has been called: the screen is on its way out."""
        return self._leaving

    async def leave(self, result: ResultT) -> None:
        """Dismiss this screen with ``result`` from a worker, whatever is on top of it (a
        dialog or the palette is closed first, answering nothing). Only the first call does
        anything; a screen already gone is left alone."""
        if self._leaving or self not in self.app.screen_stack:
            return
        self._leaving = True
        while self.app.screen is not self and self in self.app.screen_stack:
            await self.app.screen.dismiss()
        if self in self.app.screen_stack:
            self.dismiss(result)

    def close_writer(self) -> None:
        """Wait for what is queued, close the writer's connection, stop the thread."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.submit(self.store.close).result()
            writer.shutdown(wait=True)
