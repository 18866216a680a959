"""Value types shared by every layer. Frozen: the store returns them, nobody mutates them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from informa.domain.enums import (
    ALL,
    DUE,
    VIEWS,
    ActivityKind,
    Consent,
    InterviewStatus,
    Source,
    Stage,
    view_label,
)

__all__ = [
    "ALL",
    "DUE",
    "VIEWS",
    "Activity",
    "ActivityKind",
    "Company",
    "CompanyDraft",
    "Consent",
    "Contact",
    "ContactDossier",
    "ContactDraft",
    "Interview",
    "InterviewStatus",
    "PipelineView",
    "PitchCard",
    "PlannedQuestion",
    "SearchHit",
    "Source",
    "Stage",
    "StageCount",
    "view_label",
]


@dataclass(frozen=True, slots=True)
class Company:
    id: int
    name: str
    industry: str
    website: str
    research: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CompanyDraft:
    """What a user fills in for a company."""

    name: str
    industry: str = ""
    website: str = ""
    research: str = ""


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What a user fills in for a contact. The company is named; it is created if new."""

    name: str
    role: str = ""
    company: str = ""
    email: str = ""
    linkedin_url: str = ""
    location: str = ""
    source: Source = Source.OTHER
    referred_by_id: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    check_in_weeks: int | None = None
    """How often to check in once they are In touch; ``None``: the setting."""


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    name: str
    role: str
    company_id: int | None
    company_name: str
    email: str
    linkedin_url: str
    location: str
    source: Source
    referred_by_id: int | None
    referred_by_name: str
    stage: Stage
    tags: tuple[str, ...]
    notes: str
    next_action: str
    next_action_due: date | None
    last_interaction_at: datetime | None
    archived: bool
    created_at: datetime
    updated_at: datetime
    check_in_weeks: int | None = None
    """How often to check in once they are In touch; ``None``: the setting."""

    def is_overdue(self, today: date) -> bool:
        return self.next_action_due is not None and self.next_action_due < today


@dataclass(frozen=True, slots=True)
class Activity:
    id: int
    contact_id: int
    kind: ActivityKind
    at: datetime
    detail: str


@dataclass(frozen=True, slots=True)
class PlannedQuestion:
    id: int
    interview_id: int
    question_ref: str
    """``bank/topic/question`` for a bank question, empty for a one-off."""
    topic: str
    text: str
    position: int
    asked_at: datetime | None
    skipped: bool


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    contact_id: int
    contact_name: str
    status: InterviewStatus
    scheduled_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    target_minutes: int
    link: str
    recording_consent: Consent
    notes: str
    notes_revision: int
    thank_you_sent_at: datetime | None
    questions: tuple[PlannedQuestion, ...] = field(default=())
    paused_seconds: int = 0
    paused_at: datetime | None = None
    debrief: str = ""
    prep_done: frozenset[str] = frozenset()
    """Ids of the pre-call checklist items ticked (see ``domain.plan.PRE_CALL_CHECKS``)."""

    def elapsed_seconds(self, now: datetime) -> int:
        """Time on the call so far: from the start, less the pauses, up to the end or now."""
        if self.started_at is None:
            return 0
        until = self.ended_at or self.paused_at or now
        return max(int((until - self.started_at).total_seconds()) - self.paused_seconds, 0)

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None and self.ended_at is None

    @property
    def minutes(self) -> int | None:
        """Whole minutes on the call, pauses left out; ``None`` until it has ended."""
        if self.started_at is None or self.ended_at is None:
            return None
        return round(self.elapsed_seconds(self.ended_at) / 60)


@dataclass(frozen=True, slots=True)
class PitchCard:
    """The user's own pitch, stored once: shown before and during calls."""

    background: str = ""
    """Two lines on who you are and what you are exploring."""
    goals: str = ""
    skills: str = ""
    """Transferable skills, one per line."""


@dataclass(frozen=True, slots=True)
class StageCount:
    stage: Stage
    count: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    """``contact``, ``company`` or ``interview``."""
    ref_id: int
    title: str
    snippet: str


@dataclass(frozen=True, slots=True)
class PipelineView:
    """Everything the pipeline screen shows, read in one transaction."""

    view: str
    counts: tuple[StageCount, ...]
    due_count: int
    total: int
    contacts: tuple[Contact, ...]
    complete: bool = True
    """False when ``contacts`` is only the first rows of the view (a first screenful)."""
    calls: tuple[tuple[int, datetime], ...] = ()
    """The calls booked today and not started: contact id and (local) time, in time order."""

    @property
    def listed(self) -> int:
        """How many contacts the view holds (all of them, even when only some are here)."""
        if self.view == DUE:
            return self.due_count
        if self.view == ALL:
            return self.total
        return next((c.count for c in self.counts if c.stage.value == self.view), 0)


@dataclass(frozen=True, slots=True)
class ContactDossier:
    """One contact with everything around them, read in one transaction."""

    contact: Contact
    company: Company | None
    referrals: tuple[Contact, ...]
    interviews: tuple[Interview, ...]
    timeline: tuple[Activity, ...]
