"""Typed, validated question banks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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
