"""After the call: what it came to, and the user's own reflection on it.

:func:`summarize` reads an ended interview (its plan and its notes) into what the debrief
screen shows: how long the call took, how much of the plan was asked, the Advice /
Information / Referral / Action lines, the people named in ``R:`` lines, and when the
thank-you is due.

The reflection is three short answers stored as one Markdown text, each under its prompt
as a ``## `` heading, so it reads well anywhere it is exported. :func:`parse_reflection`
reads it back; text it does not recognise stays in the first answer, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from informa.domain.model import Interview
from informa.domain.notes import ReferralCandidate, Tag, TaggedLine, parse_notes, summary

PROMPTS = (
    "What did I learn?",
    "How does it fit my skills and values?",
    "What do I do next?",
)
THANK_YOU_HOURS = 24


@dataclass(frozen=True, slots=True)
class CallSummary:
    interview_id: int
    contact_id: int
    contact_name: str
    elapsed_seconds: int
    target_minutes: int
    planned: int
    asked: int
    skipped: int
    items: dict[Tag, list[TaggedLine]]
    """Tagged lines by tag, every tag present, in note order."""
    referrals: tuple[ReferralCandidate, ...]
    ended_at: datetime | None
    thank_you_due: datetime | None
    """``None`` until the call has ended, and once the thank-you is sent."""

    @property
    def asked_text(self) -> str:
        """``7 of 11 planned questions asked, 2 skipped`` (or that none were planned)."""
        if not self.planned:
            return "no questions were planned"
        text = f"{self.asked} of {self.planned} planned questions asked"
        return f"{text}, {self.skipped} skipped" if self.skipped else text


def summarize(interview: Interview, *, thank_you_hours: int = THANK_YOU_HOURS) -> CallSummary:
    """The debrief's facts about ``interview`` (its notes parsed; nothing is stored)."""
    parsed = parse_notes(interview.notes)
    questions = interview.questions
    ended = interview.ended_at
    due = None
    if ended is not None and interview.thank_you_sent_at is None:
        due = ended + timedelta(hours=thank_you_hours)
    return CallSummary(
        interview_id=interview.id,
        contact_id=interview.contact_id,
        contact_name=interview.contact_name,
        elapsed_seconds=interview.elapsed_seconds(ended) if ended is not None else 0,
        target_minutes=interview.target_minutes,
        planned=len(questions),
        asked=sum(q.asked_at is not None for q in questions),
        skipped=sum(q.skipped for q in questions),
        items=summary(parsed),
        referrals=parsed.referrals,
        ended_at=ended,
        thank_you_due=due,
    )


# --- the reflection ----------------------------------------------------------------------


def compose_reflection(answers: Sequence[str]) -> str:
    """One answer per prompt, under its heading; blank answers keep their heading out."""
    parts = []
    for prompt, answer in zip(PROMPTS, answers, strict=False):
        body = answer.strip("\n").rstrip()
        if body.strip():
            parts.append(f"## {prompt}\n{body}\n")
    return "\n".join(parts)


def parse_reflection(text: str) -> list[str]:
    """The answers to :data:`PROMPTS` in ``text`` (as :func:`compose_reflection` writes it).

    Lines before the first known heading (say, a debrief written elsewhere) go to the first
    answer, so nothing the user wrote is lost.
    """
    headings = {f"## {prompt}": index for index, prompt in enumerate(PROMPTS)}
    answers: list[list[str]] = [[] for _ in PROMPTS]
    current = 0
    for line in text.splitlines():
        index = headings.get(line.rstrip())
        if index is not None:
            current = index
            continue
        answers[current].append(line)
    return ["\n".join(lines).strip("\n").rstrip() for lines in answers]
