"""Messages posted by workers back to the UI thread (past tense: the work is done)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from informa.domain.model import Activity, Company, Contact, Interview, StageCount


@dataclass
class PipelineLoaded(Message):
    view: str
    counts: list[StageCount]
    due_count: int
    total: int
    contacts: list[Contact]


@dataclass
class ContactLoaded(Message):
    contact: Contact
    company: Company | None
    referrals: list[Contact]
    interviews: list[Interview]
    timeline: list[Activity]
