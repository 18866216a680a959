"""Messages posted by workers back to the UI thread (past tense: the work is done).

Plain classes rather than dataclasses: a dataclass is generated code, compiled at import,
and these load before the first frame (benchmarks/: startup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from informa.domain.model import ContactDossier, Interview, PipelineView


class PipelineLoaded(Message):
    def __init__(
        self,
        pipeline: PipelineView,
        open_calls: tuple[Interview, ...] | None = None,
        first_detail: ContactDossier | None = None,
    ) -> None:
        super().__init__()
        self.pipeline = pipeline
        self.open_calls = open_calls
        """Calls left in progress, if this load read them (``None``: it did not)."""
        self.first_detail = first_detail
        """The details of the contact the list shows first, if this load read them (the
        first load does: the list and the details arrive in one frame)."""


class ContactLoaded(Message):
    def __init__(self, dossier: ContactDossier) -> None:
        super().__init__()
        self.dossier = dossier


class LoadFailed(Message):
    """Reading from the database failed; ``message`` is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
