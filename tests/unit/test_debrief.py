"""The debrief's facts and the reflection's round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from informa.domain.debrief import (
    PROMPTS,
    compose_reflection,
    parse_reflection,
    summarize,
)
from informa.domain.model import Consent, Interview, InterviewStatus, PlannedQuestion
from informa.domain.notes import Tag

START = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
NOTES = """\
Small talk first.
## [00:40] How did you get your start?
A: say yes to side projects
R: Jane Doe (Acme) — runs the data team
## [07:42] What does a typical day look like?
I: two-pagers before any code
TODO: read the launch review doc
R: the people in ops
"""


def question(position: int, *, asked: bool = False, skipped: bool = False) -> PlannedQuestion:
    return PlannedQuestion(
        id=position + 1,
        interview_id=1,
        question_ref="",
        topic="",
        text=f"Q{position}",
        position=position,
        asked_at=START if asked else None,
        skipped=skipped,
    )


def interview(**changes: object) -> Interview:
    base = Interview(
        id=1,
        contact_id=7,
        contact_name="Maya Okafor",
        status=InterviewStatus.DONE,
        scheduled_at=None,
        started_at=START,
        ended_at=START + timedelta(minutes=27, seconds=10),
        target_minutes=25,
        link="",
        recording_consent=Consent.NOT_ASKED,
        notes=NOTES,
        notes_revision=3,
        thank_you_sent_at=None,
        questions=(
            question(0, asked=True),
            question(1, asked=True),
            question(2, skipped=True),
            question(3),
        ),
        paused_seconds=70,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_summary_counts_the_call() -> None:
    summary = summarize(interview())
    assert summary.elapsed_seconds == 26 * 60  # 27:10 less a 70-second pause
    assert (summary.planned, summary.asked, summary.skipped) == (4, 2, 1)
    assert summary.asked_text == "2 of 4 planned questions asked, 1 skipped"
    assert summary.thank_you_due == START + timedelta(minutes=27, seconds=10, hours=24)


def test_summary_finds_the_tagged_lines_under_their_questions() -> None:
    items = summarize(interview()).items
    assert [(i.text, i.question) for i in items[Tag.ADVICE]] == [
        ("say yes to side projects", "How did you get your start?")
    ]
    assert [i.text for i in items[Tag.INFO]] == ["two-pagers before any code"]
    assert [i.text for i in items[Tag.ACTION]] == ["read the launch review doc"]
    assert len(items[Tag.REFERRAL]) == 2


def test_only_named_referrals_are_candidates() -> None:
    (jane,) = summarize(interview()).referrals
    assert (jane.name, jane.company) == ("Jane Doe", "Acme")
    assert jane.question == "How did you get your start?"


def test_thank_you_due_follows_the_setting_and_stops_once_sent() -> None:
    ended = START + timedelta(minutes=27, seconds=10)
    assert summarize(interview(), thank_you_hours=48).thank_you_due == ended + timedelta(hours=48)
    assert summarize(interview(thank_you_sent_at=ended)).thank_you_due is None
    assert (
        summarize(interview(ended_at=None, status=InterviewStatus.IN_PROGRESS)).thank_you_due
        is None
    )


def test_nothing_planned_says_so() -> None:
    summary = summarize(interview(questions=()))
    assert summary.asked_text == "no questions were planned"


def test_reflection_round_trip() -> None:
    answers = ["SQL matters more than ML", "", "Email Jane by Friday\nRead the doc"]
    text = compose_reflection(answers)
    assert text == (
        "## What did I learn?\nSQL matters more than ML\n\n"
        "## What do I do next?\nEmail Jane by Friday\nRead the doc\n"
    )
    assert parse_reflection(text) == answers


def test_unknown_text_stays_in_the_first_answer() -> None:
    assert parse_reflection("written elsewhere\n## Other\nmore") == [
        "written elsewhere\n## Other\nmore",
        "",
        "",
    ]
    assert parse_reflection("") == ["", "", ""]


answer = st.text(st.characters(exclude_categories=["Cs"]), max_size=60).map(
    lambda text: "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")
)


@given(st.lists(answer, min_size=len(PROMPTS), max_size=len(PROMPTS)))
def test_reflection_round_trips_any_answers(answers: list[str]) -> None:
    headings = {f"## {prompt}" for prompt in PROMPTS}
    if any(line in headings for text in answers for line in text.splitlines()):
        return  # an answer quoting a prompt heading starts that answer: documented
    if any(not text.strip() for text in answers):
        answers = [text if text.strip() else "" for text in answers]
    assert parse_reflection(compose_reflection(answers)) == answers
