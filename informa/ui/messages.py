"""Messages posted by workers back to the UI thread (past tense: the work is done)."""

from __future__ import annotations

from dataclasses import dataclass
from threading import Event

from textual.message import Message

from informa.domain.model import ContactDossier, PipelineView


@dataclass
class PipelineLoaded(Message):
    pipeline: PipelineView
    shown: Event | None = None
    """Set once the contacts are on screen (the loader waits for it to read the rest)."""


@dataclass
class ContactLoaded(Message):
    dossier: ContactDossier


@dataclass
class LoadFailed(Message):
    """Reading from the database failed; ``message`` is meant for the user."""

    message: str
