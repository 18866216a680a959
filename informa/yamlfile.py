"""YAML the user writes (question banks, settings), read with line numbers.

``yaml.safe_load`` loses positions, so files are composed into nodes and walked by a
``Checker`` that records every problem as ``FILE:LINE: message`` instead of stopping at the
first one. Unknown keys and duplicate keys are problems: typos should not pass silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from informa.domain.errors import FileProblems, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with the (1-based) line it starts on."""

    value: Any
    """dict[str, Node] for a mapping, list[Node] for a sequence, a Python scalar otherwise."""
    line: int
    key_lines: dict[str, int] | None = None
    """For a mapping: the line of each key (a value may start on a later line)."""

    def key_line(self, key: str) -> int:
        known = (self.key_lines or {}).get(key)
        return known if known is not None else self.value[key].line

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)


def read_text(path: Path) -> str:
    """Read a user file as UTF-8, turning OS and encoding errors into a located problem."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblems([Problem(path, None, f"not UTF-8 text ({exc.reason})")]) from exc
    except OSError as exc:
        raise FileProblems([Problem(path, None, f"cannot read: {exc.strerror}")]) from exc


def parse(text: str, path: Path | str) -> Node | None:
    """Compose ``text`` into located nodes; ``None`` for an empty document."""
    tab_problems = [
        Problem(path, number, "indented with a tab: YAML indentation must use spaces")
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tab_problems:
        raise FileProblems(tab_problems)
    try:
        root = compose(text)
        if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
            return None  # an empty document, or only "---"
        converter = _Converter(path)
        node = converter.convert(root)
    except yaml.MarkedYAMLError as exc:
        raise FileProblems([_syntax_problem(exc, path, text)]) from exc
    except yaml.reader.ReaderError as exc:
        raise FileProblems([_character_problem(exc, path, text)]) from exc
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        raise FileProblems([Problem(path, None, f"invalid YAML: {message}")]) from exc
    except RecursionError:
        # PyYAML composes (and we convert) recursively: [[[[…]]]] thousands deep.
        raise FileProblems([Problem(path, None, "invalid YAML: nested too deeply")]) from None
    if converter.problems:
        raise FileProblems(converter.problems)
    return node


def compose(text: str) -> yaml.Node | None:
    """``yaml.compose`` with libyaml's parser when PyYAML has it: 15 times faster, which is
    most of reading the bundled banks at start-up. A document libyaml refuses is read again
    by the pure-Python parser, whose errors (and so our messages) are the ones the tests pin."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except (yaml.YAMLError, RecursionError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_problem(exc: yaml.MarkedYAMLError, path: Path | str, text: str) -> Problem:
    last_line = max(len(text.splitlines()), 1)
    lines = [mark.line + 1 for mark in (exc.problem_mark, exc.context_mark) if mark is not None]
    # PyYAML may point just past the end (an unclosed quote); name a line that exists.
    inside = [line for line in lines if line <= last_line]
    line = inside[0] if inside else (last_line if lines else None)
    problem = " ".join((exc.problem or "syntax error").split())
    if "expected <block end>" in problem or "mapping values are not allowed" in problem:
        return Problem(path, line, f"bad indentation or structure ({problem})")
    if "could not find expected ':'" in problem:
        return Problem(path, line, "expected 'key: value' (a missing colon or a bad indent?)")
    return Problem(path, line, f"invalid YAML: {problem}")


def _character_problem(exc: yaml.reader.ReaderError, path: Path | str, text: str) -> Problem:
    """A character YAML does not allow (NUL, most control characters), on its line."""
    line = len(_YAML_BREAK.split(text[: exc.position]))
    code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
    return Problem(path, line, f"invalid YAML: the character U+{code:04X} is not allowed")


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
MAX_VALUES = 100_000
"""Values a file may hold once aliases are expanded: ``*a`` repeating a list that repeats a
list… (a "billion laughs") would otherwise take forever; no real bank comes close."""


class _Converter:
    """Turns composed YAML nodes into located ``Node`` values, collecting problems."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")
        self.values = 0
        self.open: set[int] = set()
        """The nodes being converted: an alias to one of them is a loop (``&a [*a]``)."""

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def convert(self, node: yaml.Node) -> Node:
        line = node.start_mark.line + 1
        self.values += 1
        if self.values > MAX_VALUES:
            if self.values == MAX_VALUES + 1:  # said once; the rest is skipped quickly
                self.error(None, f"more than {MAX_VALUES} values once aliases are expanded")
            return Node(None, line)
        if id(node) in self.open:
            self.error(line, "an alias refers to a value that contains it (a loop)")
            return Node(None, line)
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return Node(_scalar(node, self.constructor), line)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return Node([self.convert(item) for item in node.value], line)
            return self._mapping(node, line)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, line: int) -> Node:
        mapping: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, self.constructor)
            key_line = key_node.start_mark.line + 1
            if isinstance(key, yaml.Node):
                kind = "a list" if isinstance(key, yaml.SequenceNode) else "a mapping"
                self.error(key_line, f"a key must be text, not {kind}")
                continue
            if not isinstance(key, str):
                self.error(key_line, f"key {key!r} must be text")
                continue
            if key in mapping:
                self.error(key_line, f"duplicate key '{key}'")
                continue
            mapping[key] = self.convert(value_node)
            key_lines[key] = key_line
        return Node(mapping, line, key_lines)


def _scalar(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return node  # a complex key: reported as "must be text" by the caller
    try:
        return constructor.construct_object(node, deep=True)
    except Exception:
        # Looks like a date or number but is not one (2026-02-30), or an explicit tag the
        # value does not fit (``!!int ''`` raises IndexError inside PyYAML): keep the text as
        # written; the checker reports it where a real date or number is expected.
        return node.value


class Checker:
    """Collects located problems while turning nodes into typed values."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def mapping(
        self,
        node: Node,
        what: str,
        *,
        required: Iterable[str] = (),
        optional: Iterable[str] = (),
    ) -> dict[str, Node] | None:
        if not node.is_mapping:
            self.error(node.line, f"{what} must be a mapping of 'key: value' lines")
            return None
        value: dict[str, Node] = node.value
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.error(
                    node.key_line(key), f"unknown key '{key}' in {what} (known keys: {known})"
                )
        for key in required:
            if key not in value:
                self.error(node.line, f"{what} is missing '{key}'")
        return value

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not node.is_sequence:
            self.error(node.line, f"{what} must be a list ('- item' lines)")
            return []
        items: list[Node] = node.value
        return items

    def text(self, node: Node | None, what: str, *, allow_empty: bool = False) -> str | None:
        if node is None:
            return None
        if isinstance(node.value, bool) or not isinstance(node.value, str | int | float):
            self.error(node.line, f"{what} must be text, not {_describe(node.value)}")
            return None
        text = str(node.value).strip()
        if not text and not allow_empty:
            self.error(node.line, f"{what} must not be empty")
            return None
        return text

    def identifier(self, node: Node | None, what: str) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_PATTERN.match(value):
            self.error(
                node.line,
                f"{what} '{value}' must be lowercase letters, digits and dashes (like 'job-role')",
            )
            return None
        return value

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        if node is None:
            return None
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(node.line, f"{what} must be a whole number, not {_describe(value)}")
            return None
        if not low <= value <= high:
            self.error(node.line, f"{what} must be between {low} and {high}, not {value}")
            return None
        return value

    def choice(self, node: Node | None, what: str, choices: Iterable[str]) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        options = tuple(choices)
        if value not in options:
            self.error(node.line, f"{what} must be one of {', '.join(options)}, not '{value}'")
            return None
        return value

    def text_list(self, node: Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        values = []
        for item in self.sequence(node, what):
            text = self.text(item, f"each item of {what}")
            if text is not None:
                values.append(text)
        return tuple(values)


def _describe(value: object) -> str:
    if value is None:
        return "nothing (empty)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} '{value}'"


SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files in ``folder`` in name order (none if it does not exist); raises
    ``FileProblems`` if the folder cannot be read."""
    if not folder.is_dir():
        return []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise FileProblems([Problem(folder, None, f"cannot read folder: {exc.strerror}")]) from exc
    return [
        path
        for path in entries
        if path.suffix.lower() in SUFFIXES and not path.name.startswith(".") and path.is_file()
    ]


def layered_sources(
    bundled_dir: Path, user_dir: Path | None
) -> tuple[list[tuple[Path, bool]], list[Problem]]:
    """Bundled files, then the user's (``(path, bundled)`` pairs), and any folder problems:
    a user folder that cannot be read is reported, never fatal."""
    sources: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    for folder, bundled in ((bundled_dir, True), (user_dir, False)):
        if folder is None:
            continue
        try:
            sources += [(path, bundled) for path in yaml_files(folder)]
        except FileProblems as exc:
            problems.extend(exc.problems)
    return sources, problems
