"""Question banks as values: banks of topics of questions, and the set in effect.

Loading and checking the YAML is ``informa.banks``; these types are what it returns, and
what the plan, the screens and the store pass around."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from informa.domain.errors import Problem

TIARA = ("trends", "insights", "advice", "resources", "assignments")
"""The TIARA framework's question kinds (Trends, Insights, Advice, Resources, Assignments)."""


@dataclass(frozen=True, slots=True)
class Question:
    ref: str
    """Full id, ``bank/topic/question``: stored with planned questions, never renamed."""
    id: str
    text: str
    tiara: str | None = None
    priority: int = 2
    follow_ups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    description: str
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Bank:
    id: str
    title: str
    description: str
    topics: tuple[Topic, ...]
    path: Path
    bundled: bool

    @property
    def question_count(self) -> int:
        return sum(len(topic.questions) for topic in self.topics)

    def questions(self) -> Iterator[tuple[Topic, Question]]:
        for topic in self.topics:
            for question in topic.questions:
                yield topic, question


@dataclass(frozen=True, slots=True)
class BankSet:
    """The banks in effect, in display order, and the problems met while loading them."""

    banks: tuple[Bank, ...]
    problems: tuple[Problem, ...] = field(default=())

    def get(self, bank_id: str) -> Bank | None:
        return next((bank for bank in self.banks if bank.id == bank_id), None)

    def question(self, ref: str) -> Question | None:
        bank_id = ref.partition("/")[0]
        bank = self.get(bank_id)
        if bank is None:
            return None
        return next((q for _, q in bank.questions() if q.ref == ref), None)

    @property
    def question_count(self) -> int:
        return sum(bank.question_count for bank in self.banks)
