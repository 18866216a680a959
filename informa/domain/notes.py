"""The notes format: plain text the user owns, with structure derived from it.

- ``## [07:42] What does a typical day look like?`` starts the answer to a question asked
  7 minutes 42 seconds into the call; the lines below it (up to the next heading) answer it.
- ``A: ...``, ``I: ...``, ``R: ...`` and ``TODO: ...`` mark Advice, Information, a Referral
  and an Action for the user.

Parsing never fails: any text is valid notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Tag(StrEnum):
    ADVICE = "A"
    INFO = "I"
    REFERRAL = "R"
    ACTION = "TODO"

    @property
    def label(self) -> str:
        return {"A": "Advice", "I": "Info", "R": "Referral", "TODO": "Action"}[self.value]


_HEADING = re.compile(r"^##\s+\[(\d{1,6}):([0-5]\d)\]\s*(.*?)\s*$")
_TAGGED = re.compile(r"^\s*(A|I|R|TODO)\s*:\s?(.*)$")


@dataclass(frozen=True, slots=True)
class TaggedLine:
    tag: Tag
    text: str
    line: int
    """1-based line number in the notes."""
    question: str | None
    """The heading text the line is under, if any."""


@dataclass(frozen=True, slots=True)
class Section:
    question: str
    elapsed_seconds: int
    line: int
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedNotes:
    preamble: tuple[str, ...]
    sections: tuple[Section, ...]
    tagged: tuple[TaggedLine, ...]

    def by_tag(self, tag: Tag) -> list[TaggedLine]:
        return [item for item in self.tagged if item.tag is tag]


def format_elapsed(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    return f"{minutes:02d}:{secs:02d}"


def heading(question: str, elapsed_seconds: int) -> str:
    """The line inserted when a question is marked asked."""
    return f"## [{format_elapsed(elapsed_seconds)}] {' '.join(question.split())}"


def parse_notes(text: str) -> ParsedNotes:
    preamble: list[str] = []
    sections: list[Section] = []
    tagged: list[TaggedLine] = []
    current: tuple[str, int, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            question, elapsed, line = current
            sections.append(Section(question, elapsed, line, tuple(body)))

    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADING.match(line)
        if match:
            close()
            minutes, seconds, question = match.groups()
            current = (question, int(minutes) * 60 + int(seconds), number)
            body = []
            continue
        (body if current is not None else preamble).append(line)
        tag_match = _TAGGED.match(line)
        if tag_match and tag_match.group(2).strip():
            tagged.append(
                TaggedLine(
                    Tag(tag_match.group(1)),
                    tag_match.group(2).strip(),
                    number,
                    current[0] if current else None,
                )
            )
    close()
    return ParsedNotes(tuple(preamble), tuple(sections), tuple(tagged))
