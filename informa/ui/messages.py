"""Messages posted by workers back to the UI thread (past tense: the work is done)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from informa.domain.model import ContactDossier, Interview, PipelineView


@dataclass
class PipelineLoaded(Message):
    pipeline: PipelineView
    open_calls: tuple[Interview, ...] | None = None
    """Calls left in progress, if this load read them (``None``: it did not)."""


@dataclass
class ContactLoaded(Message):
    dossier: ContactDossier


@dataclass
class LoadFailed(Message):
    """Reading from the database failed; ``message`` is meant for the user."""

    message: str
