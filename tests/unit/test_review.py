"""Progress, funnel, insights and the referral tree, on small hand-made records."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from informa.domain.model import (
    Activity,
    ActivityKind,
    Consent,
    Contact,
    Interview,
    InterviewStatus,
    PlannedQuestion,
    Stage,
)
from informa.domain.notes import Tag
from informa.domain.review import filter_noted, funnel, insights, progress, referral_tree
from tests.builders import NOW, make_contact

TODAY = NOW.date()


def person(id: int, name: str, *, referred_by: int | None = None, **fields: Any) -> Contact:
    """Someone added 90 days ago (referred by the contact ``referred_by``)."""
    added = NOW - timedelta(days=90)
    return make_contact(
        id, name, referred_by_id=referred_by, created_at=added, updated_at=NOW, **fields
    )


def call(
    id: int,
    contact: Contact,
    ended: datetime | None,
    notes: str = "",
    questions: tuple[PlannedQuestion, ...] = (),
) -> Interview:
    return Interview(
        id=id,
        contact_id=contact.id,
        contact_name=contact.name,
        status=InterviewStatus.DONE if ended else InterviewStatus.SCHEDULED,
        scheduled_at=None,
        started_at=ended - timedelta(minutes=25) if ended else None,
        ended_at=ended,
        target_minutes=25,
        link="",
        recording_consent=Consent.NOT_ASKED,
        notes=notes,
        notes_revision=1,
        thank_you_sent_at=None,
        questions=questions,
    )


def event(contact: Contact, kind: ActivityKind, when: datetime, id: int = 0) -> Activity:
    return Activity(id=id, contact_id=contact.id, kind=kind, at=when, detail="")


ADA = person(1, "Ada", stage=Stage.INTERVIEWED, company="Acme", company_id=10, role="DS")
BEN = person(2, "Ben", stage=Stage.IN_TOUCH, company="Acme", company_id=10, role="PM")
CY = person(3, "Cy", stage=Stage.SCHEDULED, company="Beta", company_id=11, role="DS")
DEE = person(4, "Dee", stage=Stage.REACHED_OUT)
EVE = person(5, "Eve")
INDUSTRIES = {10: "Biotech", 11: "Consulting"}


def test_progress_counts_this_month_and_variety() -> None:
    held = [
        call(1, ADA, NOW - timedelta(days=2)),
        call(2, BEN, datetime(2026, 10, 30, 12, tzinfo=UTC)),
        call(3, CY, None),  # scheduled, not held
    ]
    result = progress([ADA, BEN, CY], held, industries=INDUSTRIES, goal=10, today=TODAY, zone=UTC)
    assert (result.this_month, result.total, result.goal) == (1, 2, 10)
    assert (result.companies, result.roles, result.industries) == (1, 2, 1)
    assert result.hint == ""  # too few to say anything dominates


def test_progress_points_out_a_dominant_company() -> None:
    people = [replace(ADA, id=i, name=f"P{i}") for i in range(11, 15)] + [CY]
    held = [call(i, p, NOW - timedelta(days=i)) for i, p in enumerate(people, start=1)]
    result = progress(people, held, industries=INDUSTRIES, goal=10, today=TODAY, zone=UTC)
    assert result.hint.startswith("4 of your 5 interviews were with one company (Acme)")


def test_funnel_counts_how_far_each_got_and_the_rates() -> None:
    closed_after_call = replace(EVE, stage=Stage.CLOSED)
    activities = {
        DEE.id: (event(DEE, ActivityKind.OUTREACH, NOW - timedelta(days=6)),),
        ADA.id: (
            event(ADA, ActivityKind.OUTREACH, NOW - timedelta(days=30)),
            event(ADA, ActivityKind.REPLY, NOW - timedelta(days=29)),
        ),
        BEN.id: (
            event(BEN, ActivityKind.OUTREACH, NOW - timedelta(days=40)),
            event(BEN, ActivityKind.REPLY, NOW - timedelta(days=33)),
        ),
        closed_after_call.id: (event(EVE, ActivityKind.CALL, NOW - timedelta(days=50)),),
    }
    interviews = {ADA.id: (call(1, ADA, NOW - timedelta(days=2)),), CY.id: (call(2, CY, None),)}
    result = funnel(
        [ADA, BEN, CY, DEE, closed_after_call],
        activities,
        interviews,
        today=TODAY,
        zone=UTC,
    )
    assert [(s.stage, s.count) for s in result.steps] == [
        (Stage.PROSPECT, 5),
        (Stage.REACHED_OUT, 5),
        (Stage.SCHEDULED, 4),
        (Stage.INTERVIEWED, 3),
    ]
    assert result.steps[0].rate is None
    assert result.steps[3].rate == 0.75
    assert result.median_reply_days == 4.0  # 1 day and 7 days
    assert (result.boosters, result.slow) == (1, 1)


NOTES_ADA = """\
intro
## [00:40] What does a typical day look like?
Half meetings, half code.
A: learn SQL first
## [10:00] Who else should I talk to?
R: Jane Doe (Acme)
"""
NOTES_BEN = """\
## [01:00] What does a typical day  look like?
Roadmaps and interviews.
A: write a product teardown
I: PMs write two-pagers
"""


def test_insights_put_answers_to_the_same_question_side_by_side() -> None:
    planned = PlannedQuestion(
        1,
        1,
        "core/job-role/typical-day",
        "job-role",
        "What does a typical day look like?",
        0,
        NOW,
        False,
    )
    held = [
        call(1, ADA, NOW - timedelta(days=9), NOTES_ADA, (planned,)),
        call(2, BEN, NOW - timedelta(days=2), NOTES_BEN),
        call(3, CY, None),  # no notes: not in the insights
    ]
    result = insights([ADA, BEN, CY], held)
    first = result.questions[0]
    assert first.question == "What does a typical day look like?"
    assert first.question_ref == "core/job-role/typical-day"
    assert [(a.contact_name, a.text.splitlines()[0]) for a in first.answers] == [
        ("Ada", "Half meetings, half code."),
        ("Ben", "Roadmaps and interviews."),
    ]
    assert [n.text for n in result.advice()] == ["learn SQL first", "write a product teardown"]
    assert [n.company for n in result.advice()] == ["Acme", "Acme"]
    assert [n.text for n in result.noted if n.tag is Tag.INFO] == ["PMs write two-pagers"]


def test_advice_can_be_filtered_by_the_topic_of_its_question() -> None:
    planned = PlannedQuestion(
        1,
        1,
        "core/job-role/typical-day",
        "job-role",
        "What does a typical day look like?",
        0,
        NOW,
        False,
    )
    result = insights([ADA], [call(1, ADA, NOW, NOTES_ADA, (planned,))])
    (advice,) = result.advice()
    assert advice.topic == "job-role"
    assert filter_noted(result.advice(), "job role") == [advice]
    assert filter_noted(result.advice(), "culture") == []


def test_filtering_noted_lines_by_company_role_or_words() -> None:
    result = insights([ADA, BEN], [call(1, ADA, NOW, NOTES_ADA), call(2, BEN, NOW, NOTES_BEN)])
    advice = result.advice()
    assert [n.text for n in filter_noted(advice, "pm")] == ["write a product teardown"]
    assert [n.text for n in filter_noted(advice, "sql acme")] == ["learn SQL first"]
    assert filter_noted(advice, "") == advice
    assert filter_noted(advice, "nothing-like-this") == []


def test_referral_tree_from_the_first_contacts_down() -> None:
    root = person(1, "Maya")
    kids = [person(2, "Priya", referred_by=1), person(3, "Daniel", referred_by=1)]
    grandchild = person(4, "Inés", referred_by=3)
    alone = person(5, "Solo")
    orphan = person(6, "Orphan", referred_by=99)  # referrer deleted
    orphan_kid = person(7, "Kid", referred_by=6)
    loop_a, loop_b = person(8, "Loop A", referred_by=9), person(9, "Loop B", referred_by=8)
    trees = referral_tree([root, *kids, grandchild, alone, orphan, orphan_kid, loop_a, loop_b])
    assert [(t.contact.name, t.size) for t in trees] == [
        ("Maya", 4),
        ("Loop A", 2),
        ("Orphan", 2),
    ]
    maya = trees[0]
    assert [c.contact.name for c in maya.children] == ["Daniel", "Priya"]
    assert [c.contact.name for c in maya.children[0].children] == ["Inés"]


def test_nothing_yet() -> None:
    assert progress([], [], industries={}, goal=10, today=TODAY, zone=UTC).total == 0
    empty = funnel([], {}, {}, today=TODAY, zone=UTC)
    assert [s.count for s in empty.steps] == [0, 0, 0, 0]
    assert empty.median_reply_days is None
    assert insights([], []).questions == ()
    assert referral_tree([]) == []
