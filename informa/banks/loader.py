"""Load and validate question banks.

Bundled banks ship with informa; the user's own live in ``<config>/question_banks/``. A user
bank with a new id adds a bank, one with a bundled id replaces it. A broken file is reported
as ``FILE:LINE: message`` and skipped: the other banks still load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from informa.domain.banks import TIARA, Bank, BankSet, Question, Topic
from informa.domain.errors import FileProblems, Problem
from informa.yamlfile import Checker, Node, layered_sources, parse, read_text

BANK_KEYS = ("id", "title", "description", "topics")
TOPIC_KEYS = ("id", "title", "description", "questions")
QUESTION_KEYS = ("id", "text", "tiara", "priority", "follow_ups", "tags")


def load_bank_file(path: Path, *, bundled: bool = False) -> Bank:
    """Load one bank; raises ``FileProblems`` listing every problem found."""
    root = parse(read_text(path), path)
    if root is None:
        raise FileProblems([Problem(path, None, "empty file: a bank needs id, title and topics")])
    checker = Checker(path)
    bank = _bank(checker, root, path, bundled)
    if checker.problems or bank is None:
        raise FileProblems(checker.problems)
    return bank


def _bank(checker: Checker, root: Node, path: Path, bundled: bool) -> Bank | None:
    fields = checker.mapping(
        root, "the bank", required=("id", "title", "topics"), optional=BANK_KEYS
    )
    if fields is None:
        return None
    bank_id = checker.identifier(fields.get("id"), "bank id")
    title = checker.text(fields.get("title"), "bank title")
    description = checker.text(fields.get("description"), "bank description", allow_empty=True)
    topics_node = fields.get("topics")
    items = checker.sequence(topics_node, "topics") if topics_node is not None else []
    if topics_node is not None and topics_node.is_sequence and not items:
        checker.error(topics_node.line, "topics must list at least one topic")
    topics = _unique(
        checker,
        ((item, _topic(checker, item, bank_id or "?")) for item in items),
        lambda topic_id: f"duplicate topic id '{topic_id}'",
    )
    if bank_id is None or title is None:
        return None
    return Bank(bank_id, title, description or "", tuple(topics), path, bundled)


def _topic(checker: Checker, node: Node, bank_id: str) -> Topic | None:
    fields = checker.mapping(
        node, "a topic", required=("id", "title", "questions"), optional=TOPIC_KEYS
    )
    if fields is None:
        return None
    topic_id = checker.identifier(fields.get("id"), "topic id")
    title = checker.text(fields.get("title"), "topic title")
    description = checker.text(fields.get("description"), "topic description", allow_empty=True)
    questions_node = fields.get("questions")
    items = checker.sequence(questions_node, "questions") if questions_node is not None else []
    prefix = f"{bank_id}/{topic_id or '?'}"
    questions = _unique(
        checker,
        ((item, _question(checker, item, prefix)) for item in items),
        lambda question_id: f"duplicate question id '{question_id}' in topic '{topic_id}'",
    )
    if topic_id is None or title is None:
        return None
    return Topic(topic_id, title, description or "", tuple(questions))


T = TypeVar("T", Topic, Question)


def _unique(
    checker: Checker, parsed: Iterable[tuple[Node, T | None]], duplicate: Callable[[str], str]
) -> list[T]:
    """Keep the valid items, reporting any id used twice with the line it was first used on."""
    kept: list[T] = []
    seen: dict[str, int] = {}
    for node, item in parsed:
        if item is None:
            continue
        if item.id in seen:
            checker.error(node.line, f"{duplicate(item.id)} (first used on line {seen[item.id]})")
            continue
        seen[item.id] = node.line
        kept.append(item)
    return kept


def _question(checker: Checker, node: Node, prefix: str) -> Question | None:
    fields = checker.mapping(node, "a question", required=("id", "text"), optional=QUESTION_KEYS)
    if fields is None:
        return None
    question_id = checker.identifier(fields.get("id"), "question id")
    text = checker.text(fields.get("text"), "question text")
    tiara = checker.choice(fields.get("tiara"), "tiara", TIARA)
    priority = checker.integer(fields.get("priority"), "priority", 1, 3)
    follow_ups = checker.text_list(fields.get("follow_ups"), "follow_ups")
    tags = checker.text_list(fields.get("tags"), "tags")
    if question_id is None or text is None:
        return None
    return Question(
        ref=f"{prefix}/{question_id}",
        id=question_id,
        text=text,
        tiara=tiara,
        priority=priority if priority is not None else 2,
        follow_ups=follow_ups,
        tags=tags,
    )


def load_banks(bundled_dir: Path, user_dir: Path | None = None) -> BankSet:
    """Every bank in effect: bundled ones, then the user's (adding or replacing by id)."""
    banks: dict[str, Bank] = {}
    sources, problems = layered_sources(bundled_dir, user_dir)
    for path, bundled in sources:
        try:
            bank = load_bank_file(path, bundled=bundled)
        except FileProblems as exc:
            problems.extend(exc.problems)
            continue
        previous = banks.get(bank.id)
        if previous is not None and previous.bundled == bundled:
            problems.append(
                Problem(path, None, f"bank id '{bank.id}' is already used by {previous.path}")
            )
            continue
        banks[bank.id] = bank
    return BankSet(tuple(banks.values()), tuple(problems))


def check_files(paths: Iterable[Path]) -> list[Problem]:
    """Validate bank files (and that their ids do not clash); return every problem."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            bank = load_bank_file(path)
        except FileProblems as exc:
            problems.extend(exc.problems)
            continue
        if bank.id in seen:
            problems.append(
                Problem(path, None, f"bank id '{bank.id}' is also used by {seen[bank.id]}")
            )
        seen[bank.id] = path
    return problems
