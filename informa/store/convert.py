"""Model rows to frozen domain values: nothing outside the store ever sees a peewee row."""

from __future__ import annotations

from typing import Any

from informa.domain import model as d
from informa.store import models as m


def company(row: m.Company) -> d.Company:
    return d.Company(
        id=row.id,
        name=row.name,
        industry=row.industry,
        website=row.website,
        research=row.research,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def contact(row: Any) -> d.Contact:
    """A contact from a plain row of ``contacts._select()`` (company and referrer names
    joined in; foreign keys as bare ids)."""
    return d.Contact(
        id=row.id,
        name=row.name,
        role=row.role,
        company_id=row.company,
        company_name=row.company_name,
        email=row.email,
        linkedin_url=row.linkedin_url,
        location=row.location,
        source=d.Source(row.source),
        referred_by_id=row.referred_by,
        referred_by_name=row.referred_by_name,
        stage=d.Stage(row.stage),
        tags=tuple(row.tags),
        notes=row.notes,
        next_action=row.next_action,
        next_action_due=row.next_action_due,
        last_interaction_at=row.last_interaction_at,
        archived=bool(row.archived),
        created_at=row.created_at,
        updated_at=row.updated_at,
        check_in_weeks=row.check_in_weeks,
    )


def activity(row: m.Activity) -> d.Activity:
    return d.Activity(
        id=row.id,
        contact_id=row.contact_id,
        kind=d.ActivityKind(row.kind),
        at=row.at,
        detail=row.detail,
    )


def planned_question(row: m.PlannedQuestion) -> d.PlannedQuestion:
    return d.PlannedQuestion(
        id=row.id,
        interview_id=row.interview_id,
        question_ref=row.question_ref,
        topic=row.topic,
        text=row.text,
        position=row.position,
        asked_at=row.asked_at,
        skipped=bool(row.skipped),
    )


def interview(
    row: m.Interview, contact_name: str, questions: tuple[d.PlannedQuestion, ...] = ()
) -> d.Interview:
    return d.Interview(
        id=row.id,
        contact_id=row.contact_id,
        contact_name=contact_name,
        status=d.InterviewStatus(row.status),
        scheduled_at=row.scheduled_at,
        started_at=row.started_at,
        ended_at=row.ended_at,
        target_minutes=row.target_minutes,
        link=row.link,
        recording_consent=d.Consent(row.recording_consent),
        notes=row.notes,
        notes_revision=row.notes_revision,
        thank_you_sent_at=row.thank_you_sent_at,
        questions=questions,
        paused_seconds=row.paused_seconds,
        paused_at=row.paused_at,
        debrief=row.debrief,
        prep_done=frozenset(row.prep_done.split()),
    )
