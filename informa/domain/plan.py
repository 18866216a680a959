"""Call plans: which questions to bring to a call, in what order, and how the call is pacing.

A suggested plan runs from light to the referral ask: one opener, a few questions from each
core topic, then the closing with "who else should I talk to?" last. It deliberately holds
more questions than the call has time for, so the user can skip rather than run dry.

Pure functions over immutable lists. The bank types are imported for type checking only, so
that importing this module loads nothing outside the standard library.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from informa.domain.banks import BankSet, Question, Topic


@dataclass(frozen=True, slots=True)
class PlanItem:
    """A question to put in a call's plan: a bank question (by ref) or a one-off."""

    text: str
    question_ref: str = ""
    topic: str = ""


CORE_BANK = "core"
OPENING_TOPIC = "opening"
CLOSING_TOPIC = "closing"
BODY_TOPICS = ("job-role", "culture", "career-path", "advice", "industry-trends")
"""The core topics a suggested plan draws from, in the order they are asked."""

REFERRAL_REF = "core/closing/who-else"
REFERRAL_TEXT = "Who else do you think I should talk to?"
OPENER_TAG = "opener"
CLOSER_TAG = "closer"
REFERRAL_TAG = "referral"

MINUTES_PER_QUESTION = 3
MINUTES_PER_BOOKEND = 2
"""Openers and closing questions are quicker than the questions in between."""
LONG_CALL_MINUTES = 30
"""From this target on, a suggested plan takes three questions per topic."""
NEAR_SHARE = 0.8
"""Share of the target after which pacing says the call is nearly over."""


PRE_CALL_CHECKS: tuple[tuple[str, str], ...] = (
    ("research", "Research read"),
    ("room", "Quiet room, alerts off"),
    ("camera", "Camera and mic work"),
    ("link", "The link works"),
    ("no-ask", "No job ask: just AIR"),
)
"""The short checklist shown while preparing a call: ``(id, label)``."""


@dataclass(frozen=True, slots=True)
class PlanEntry:
    text: str
    question_ref: str = ""
    """``bank/topic/question``, or ``""`` for a one-off question."""
    topic: str = ""
    """The topic id (``job-role``), or ``""`` for a one-off question."""
    topic_title: str = ""


REFERRAL_ASK = PlanEntry(REFERRAL_TEXT)
"""The referral ask as a one-off, for when the banks in effect have none."""


@dataclass(frozen=True, slots=True)
class Pacing:
    left: int
    """Questions neither asked nor skipped."""
    minutes_left: float
    """Target minus elapsed; negative once the call runs over."""
    level: str
    """``"ok"``, ``"near"`` (at least 80% of the target gone) or ``"over"`` (past it)."""
    hint: str


# --- suggesting a plan -------------------------------------------------------------------


def suggest_plan(
    banks: BankSet,
    *,
    minutes: int = 25,
    asked_before: Collection[str] = (),
    per_topic: int = 2,
    seed: int | None = None,
) -> list[PlanEntry]:
    """A plan from the ``core`` bank: opener, ``per_topic`` questions from each body topic
    (at least 3 when ``minutes`` ≥ 30, and more until the plan outruns a long call), one
    closing question, then the referral ask.

    Questions in ``asked_before`` (refs already asked of this contact) are left out unless a
    topic would have none left; the referral ask is always included. Topics missing from a
    user's replacement ``core`` are skipped. Without ``seed`` the plan is the same every
    time; with one, questions of equal priority are shuffled.
    """
    core = banks.get(CORE_BANK)
    topics = {topic.id: topic for topic in core.topics} if core is not None else {}
    rng = random.Random(seed) if seed is not None else None
    asked = frozenset(asked_before)
    count = max(per_topic, 3) if minutes >= LONG_CALL_MINUTES else per_topic

    def build(count: int) -> list[PlanEntry]:
        # A fresh generator per attempt: the same seed gives the same plan.
        draw = random.Random(seed) if rng is not None else None
        plan: list[PlanEntry] = []
        opening = topics.get(OPENING_TOPIC)
        if opening is not None:
            plan += _entries(opening, _choose(opening.questions, asked, 1, draw, _opener_first))
        for topic_id in BODY_TOPICS:
            topic = topics.get(topic_id)
            if topic is not None:
                chosen = _choose(topic.questions, asked, count, draw, _no_preference)
                plan += _entries(topic, chosen)
        plan += _closing(topics.get(CLOSING_TOPIC), asked, draw)
        return plan

    plan = build(count)
    # A long call gets more per topic, until the plan holds more than the call has time for
    # (or the banks run out).
    while minutes >= LONG_CALL_MINUTES and estimate_minutes(plan) <= minutes:
        more = build(count + 1)
        if len(more) == len(plan):
            break
        plan, count = more, count + 1
    return plan


def _closing(
    closing: Topic | None, asked: frozenset[str], rng: random.Random | None
) -> list[PlanEntry]:
    if closing is None:
        return [REFERRAL_ASK]
    referral = _referral_question(closing)
    others = [q for q in closing.questions if q is not referral]
    section = _entries(closing, _choose(others, asked, 1, rng, _closer_first))
    section += _entries(closing, [referral]) if referral is not None else [REFERRAL_ASK]
    return section


def _referral_question(closing: Topic) -> Question | None:
    """``who-else`` if the topic has it, else its first-priority question tagged referral."""
    tagged = [q for q in closing.questions if REFERRAL_TAG in q.tags]
    exact = [q for q in tagged if q.ref == REFERRAL_REF or q.id == "who-else"]
    if exact:
        return exact[0]
    return min(tagged, key=lambda q: q.priority, default=None)


Preference = Callable[["Question"], tuple[int, ...]]
"""Ranks questions before priority does (lower first)."""


def _no_preference(question: Question) -> tuple[int, ...]:
    return ()


def _opener_first(question: Question) -> tuple[int, ...]:
    return (OPENER_TAG not in question.tags,)


def _closer_first(question: Question) -> tuple[int, ...]:
    # The referral follow-ups ("may I mention your name?") belong after the ask, not before.
    return (REFERRAL_TAG in question.tags, CLOSER_TAG not in question.tags)


def _choose(
    questions: Sequence[Question],
    asked: frozenset[str],
    count: int,
    rng: random.Random | None,
    prefer: Preference,
) -> list[Question]:
    """The first ``count`` questions by preference, priority and bank order (``rng`` breaks
    ties of equal priority), skipping asked ones unless that leaves none."""
    if count <= 0:
        return []
    fresh = [q for q in questions if q.ref not in asked]
    pool = fresh or list(questions)
    ties = {q.ref: rng.random() if rng is not None else 0.0 for q in pool}
    order = {q.ref: index for index, q in enumerate(pool)}
    ranked = sorted(pool, key=lambda q: (*prefer(q), q.priority, ties[q.ref], order[q.ref]))
    chosen = ranked[:count]
    # Shown by priority, then bank order (or the shuffle): the preference only picks.
    return sorted(chosen, key=lambda q: (q.priority, ties[q.ref], order[q.ref]))


def _entries(topic: Topic, questions: Sequence[Question]) -> list[PlanEntry]:
    return [PlanEntry(q.text, q.ref, topic.id, topic.title) for q in questions]


# --- working with a plan -----------------------------------------------------------------


def _is_referral_ask(entry: PlanEntry) -> bool:
    return entry.question_ref == REFERRAL_REF or (
        not entry.question_ref and entry.text == REFERRAL_TEXT
    )


def _is_closing(entry: PlanEntry) -> bool:
    return entry.topic == CLOSING_TOPIC or _is_referral_ask(entry)


def estimate_minutes(entries: Sequence[PlanEntry]) -> int:
    """About 3 minutes a question; 2 for the opener and the closing questions."""
    return sum(
        MINUTES_PER_BOOKEND
        if entry.topic == OPENING_TOPIC or _is_closing(entry)
        else MINUTES_PER_QUESTION
        for entry in entries
    )


def move(entries: Sequence[PlanEntry], index: int, delta: int) -> list[PlanEntry]:
    """Move the entry at ``index`` by ``delta`` places, stopping at either end.

    An ``index`` outside the plan changes nothing.
    """
    result = list(entries)
    if not 0 <= index < len(result):
        return result
    target = min(max(index + delta, 0), len(result) - 1)
    result.insert(target, result.pop(index))
    return result


def add(entries: Sequence[PlanEntry], entry: PlanEntry, at: int | None = None) -> list[PlanEntry]:
    """Insert ``entry`` at ``at`` (clamped to the plan); a bank question already in the plan
    is ignored (one-off questions may repeat).

    Without ``at`` the entry goes where a user would put it: a closing question just before
    the trailing referral ask, any other question before the closing section, so the plan
    still ends with "who else should I talk to?".
    """
    result = list(entries)
    if entry.question_ref and any(e.question_ref == entry.question_ref for e in result):
        return result
    if at is None:
        at = _default_position(result, entry)
    result.insert(min(max(at, 0), len(result)), entry)
    return result


def _default_position(entries: Sequence[PlanEntry], entry: PlanEntry) -> int:
    end = len(entries)
    if _is_closing(entry):
        return end - 1 if end and _is_referral_ask(entries[-1]) else end
    while end and _is_closing(entries[end - 1]):
        end -= 1
    return end


def remove(entries: Sequence[PlanEntry], index: int) -> list[PlanEntry]:
    """The plan without the entry at ``index``; an index outside the plan changes nothing."""
    result = list(entries)
    if 0 <= index < len(result):
        del result[index]
    return result


# --- searching the banks -----------------------------------------------------------------


def search_questions(
    banks: BankSet, query: str, limit: int = 50
) -> list[tuple[Topic, Question, str]]:
    """Questions matching every word of ``query`` (case-insensitive, anywhere in the text,
    follow-ups, tags or topic title), as ``(topic, question, bank_id)``.

    Ranked by how many of the words are in the question text itself, then priority, then bank
    order. A blank query finds nothing.
    """
    words = query.casefold().split()
    if not words or limit <= 0:
        return []
    found: list[tuple[tuple[int, int, int], tuple[Topic, Question, str]]] = []
    position = 0
    for bank in banks.banks:
        for topic, question in bank.questions():
            position += 1
            text = question.text.casefold()
            haystack = "\n".join(
                (text, *question.follow_ups, *question.tags, topic.title)
            ).casefold()
            if all(word in haystack for word in words):
                outside_text = sum(word not in text for word in words)
                found.append(
                    ((outside_text, question.priority, position), (topic, question, bank.id))
                )
    found.sort(key=lambda item: item[0])
    return [hit for _, hit in found[:limit]]


# --- pacing a call -----------------------------------------------------------------------


def pacing(
    planned: int, asked: int, skipped: int, elapsed_seconds: int, target_minutes: int
) -> Pacing:
    """Where the call stands against its target, with a short hint for the timer."""
    left = max(planned - asked - skipped, 0)
    target_seconds = target_minutes * 60
    minutes_left = (target_seconds - elapsed_seconds) / 60
    if elapsed_seconds > target_seconds:
        level = "over"
    elif elapsed_seconds >= NEAR_SHARE * target_seconds:
        level = "near"
    else:
        level = "ok"
    return Pacing(left, minutes_left, level, _hint(left, minutes_left, level))


def _hint(left: int, minutes_left: float, level: str) -> str:
    if level == "over":
        return "over time: ask who else to talk to" if left else "over time: thank them and wrap up"
    if left == 0:
        return f"all asked · {_minutes(minutes_left)} left: thank them and wrap up"
    each = minutes_left / left
    if level == "near" and each < MINUTES_PER_QUESTION:
        return f"{left} left · {_minutes(minutes_left)}: skip to the closing"
    # From the minutes shown, so "4 min: about 5 min each" cannot happen.
    shown_each = math.floor(minutes_left) / left
    per = "under 1 min each" if shown_each < 1 else f"about {math.floor(shown_each + 0.5)} min each"
    return f"{left} left · {_minutes(minutes_left)}: {per}"


def _minutes(minutes: float) -> str:
    return "under 1 min" if minutes < 1 else f"{math.floor(minutes)} min"
