"""The located YAML reader: parse() and the Checker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from informa.domain.errors import FileProblems, Problem
from informa.paths import bundled_banks_dir
from informa.templates import bundled_templates_dir
from informa.yamlfile import Checker, Node, parse, read_text

PATH = "f.yaml"


def parse_problems(text: str) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        parse(text, PATH)
    return [str(problem) for problem in caught.value.problems]


def root(text: str) -> dict[str, Node]:
    node = parse(text, PATH)
    assert node is not None
    assert node.is_mapping
    value: dict[str, Node] = node.value
    return value


def messages(checker: Checker) -> list[str]:
    return [str(problem) for problem in checker.problems]


# --- parse -------------------------------------------------------------------------------


def test_parse_keeps_line_numbers() -> None:
    node = parse("a: 1\nb:\n  - x\n  - y\nc: {d: e}\n", PATH)
    assert node is not None
    assert (node.is_mapping, node.is_sequence, node.line) == (True, False, 1)
    fields = node.value
    assert (fields["a"].value, fields["a"].line) == (1, 1)
    assert fields["b"].is_sequence
    assert [(item.value, item.line) for item in fields["b"].value] == [("x", 3), ("y", 4)]
    assert fields["c"].value["d"].value == "e"
    assert fields["c"].line == 5


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "  \n# a\n\n"])
def test_empty_document_is_none(text: str) -> None:
    assert parse(text, PATH) is None


def test_tab_indentation_is_reported_on_every_line() -> None:
    assert parse_problems("a:\n\tb: 1\nc: 2\n \td: 3\n") == [
        f"{PATH}:2: indented with a tab: YAML indentation must use spaces",
        f"{PATH}:4: indented with a tab: YAML indentation must use spaces",
    ]


def test_tab_after_the_indentation_is_fine() -> None:
    fields = root('a: "x\ty"\nb: |\n  one\ttwo\n')
    assert fields["a"].value == "x\ty"
    assert fields["b"].value == "one\ttwo\n"


def test_duplicate_keys_are_each_reported_on_their_line() -> None:
    assert parse_problems("a: 1\nb: 2\na: 3\nnested:\n  x: 1\n  x: 2\n") == [
        f"{PATH}:3: duplicate key 'a'",
        f"{PATH}:6: duplicate key 'x'",
    ]


def test_non_text_key_is_reported() -> None:
    assert parse_problems("1: one\n") == [f"{PATH}:1: key 1 must be text"]


def test_missing_colon_is_explained() -> None:
    problems = parse_problems("a: 1\nb 2\nc: 3\n")
    assert len(problems) == 1
    assert problems[0].endswith(": expected 'key: value' (a missing colon or a bad indent?)")


def test_problem_without_line_has_no_line_part() -> None:
    assert str(Problem(Path("x.yaml"), None, "oops")) == "x.yaml: oops"
    assert str(Problem("x.yaml", 7, "oops")) == "x.yaml:7: oops"


def test_file_problems_message_lists_every_problem() -> None:
    error = FileProblems([Problem("a", 1, "one"), Problem("a", 2, "two")])
    assert str(error) == "a:1: one\na:2: two"


def test_read_text_reports_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblems) as caught:
        read_text(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path == tmp_path
    assert problem.line is None
    assert problem.message.startswith("cannot read: ")


def test_unknown_key_is_located_on_the_key_line() -> None:
    """A key whose value starts on the next line is still reported on the key's own line."""
    node = parse("colour:\n  - red\n", PATH)
    assert node is not None
    checker = Checker(PATH)
    checker.mapping(node, "the settings", optional=("theme",))

    assert messages(checker) == [
        f"{PATH}:1: unknown key 'colour' in the settings (known keys: theme)"
    ]


def test_unterminated_quote_is_located_within_the_file() -> None:
    text = 'a: 1\nb: "never closed\nc: 3\n'
    problems = parse_problems(text)
    assert len(problems) == 1
    line = int(problems[0].split(":")[1])

    assert 1 <= line <= len(text.splitlines())


# --- Checker -----------------------------------------------------------------------------


def test_mapping_reports_unknown_and_missing_keys() -> None:
    checker = Checker(PATH)
    fields = checker.mapping(
        Node({"idd": Node("x", 2)}, 1), "a thing", required=("id",), optional=("note",)
    )
    assert fields is not None
    assert messages(checker) == [
        f"{PATH}:2: unknown key 'idd' in a thing (known keys: id, note)",
        f"{PATH}:1: a thing is missing 'id'",
    ]


def test_mapping_rejects_a_list() -> None:
    checker = Checker(PATH)
    assert checker.mapping(Node([], 4), "a thing") is None
    assert messages(checker) == [f"{PATH}:4: a thing must be a mapping of 'key: value' lines"]


def test_sequence_rejects_a_scalar() -> None:
    checker = Checker(PATH)
    assert checker.sequence(Node("x", 3), "items") == []
    assert messages(checker) == [f"{PATH}:3: items must be a list ('- item' lines)"]


def test_text_is_stripped_and_numbers_are_text() -> None:
    checker = Checker(PATH)
    fields = root("a: '  hello  '\nb: 12\nc: 1.5\n")
    assert checker.text(fields["a"], "a") == "hello"
    assert checker.text(fields["b"], "b") == "12"
    assert checker.text(fields["c"], "c") == "1.5"
    assert checker.text(None, "absent") is None
    assert checker.problems == []


@pytest.mark.parametrize(
    ("yaml_value", "described"),
    [
        ("yes", "true/false (true)"),
        ("false", "true/false (false)"),
        ("[a]", "a list"),
        ("{a: b}", "a mapping"),
        ("", "nothing (empty)"),
        ("2026-01-02", "date '2026-01-02'"),
    ],
)
def test_text_rejects_non_text(yaml_value: str, described: str) -> None:
    checker = Checker(PATH)
    assert checker.text(root(f"x: {yaml_value}\n")["x"], "x") is None
    assert messages(checker) == [f"{PATH}:1: x must be text, not {described}"]


def test_empty_text() -> None:
    checker = Checker(PATH)
    node = root("x: '   '\n")["x"]
    assert checker.text(node, "x", allow_empty=True) == ""
    assert checker.problems == []
    assert checker.text(node, "x") is None
    assert messages(checker) == [f"{PATH}:1: x must not be empty"]


def test_integer_bounds_are_inclusive() -> None:
    checker = Checker(PATH)
    fields = root("low: 1\nhigh: 3\nbelow: 0\nabove: 4\n")
    assert checker.integer(fields["low"], "low", 1, 3) == 1
    assert checker.integer(fields["high"], "high", 1, 3) == 3
    assert checker.integer(fields["below"], "below", 1, 3) is None
    assert checker.integer(fields["above"], "above", 1, 3) is None
    assert checker.integer(None, "absent", 1, 3) is None
    assert messages(checker) == [
        f"{PATH}:3: below must be between 1 and 3, not 0",
        f"{PATH}:4: above must be between 1 and 3, not 4",
    ]


@pytest.mark.parametrize(
    ("yaml_value", "described"),
    [
        ("true", "true/false (true)"),
        ("'2'", "str '2'"),
        ("2.0", "float '2.0'"),
        ("[2]", "a list"),
    ],
)
def test_integer_rejects_non_integers(yaml_value: str, described: str) -> None:
    checker = Checker(PATH)
    assert checker.integer(root(f"n: {yaml_value}\n")["n"], "n", 1, 3) is None
    assert messages(checker) == [f"{PATH}:1: n must be a whole number, not {described}"]


def test_identifier() -> None:
    checker = Checker(PATH)
    fields = root("good: job-role2\nbad: Job Role\ntrailing: job-\n")
    assert checker.identifier(fields["good"], "id") == "job-role2"
    assert checker.identifier(fields["bad"], "id") is None
    assert checker.identifier(fields["trailing"], "id") is None
    hint = "must be lowercase letters, digits and dashes (like 'job-role')"
    assert messages(checker) == [f"{PATH}:2: id 'Job Role' {hint}", f"{PATH}:3: id 'job-' {hint}"]


def test_choice() -> None:
    checker = Checker(PATH)
    fields = root("ok: b\nbad: z\n")
    assert checker.choice(fields["ok"], "pick", ("a", "b")) == "b"
    assert checker.choice(fields["bad"], "pick", ("a", "b")) is None
    assert messages(checker) == [f"{PATH}:2: pick must be one of a, b, not 'z'"]


def test_text_list_keeps_good_items_and_reports_bad_ones() -> None:
    checker = Checker(PATH)
    fields = root("tags:\n  - one\n  - [nested]\n  - two\n")
    assert checker.text_list(fields["tags"], "tags") == ("one", "two")
    assert checker.text_list(None, "tags") == ()
    assert messages(checker) == [f"{PATH}:3: each item of tags must be text, not a list"]


def test_dates_are_parsed_as_dates() -> None:
    assert root("d: 2026-12-25\n")["d"].value == date(2026, 12, 25)


@pytest.mark.parametrize(
    "path",
    sorted(bundled_banks_dir().glob("*.yaml")) + sorted(bundled_templates_dir().glob("*.yaml")),
    ids=lambda path: path.name,
)
def test_libyaml_and_pure_python_read_the_bundled_files_alike(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast parser (libyaml) is what start-up uses; it must give exactly the nodes the
    pure-Python one gives, lines included."""
    assert yaml.__with_libyaml__  # the wheels ship it; without it there is no fast path
    text = path.read_text(encoding="utf-8")
    fast = parse(text, path)
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert parse(text, path) == fast


@pytest.mark.parametrize(
    "text", ["a: [1, 2\nb: 3\n", "a: 'open\n", "a:\n  - 1\n - 2\n", "key: {x: 1\n"]
)
def test_what_libyaml_refuses_gets_the_pure_python_message(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml words its errors differently (and sometimes places them on another line):
    a refused document is read again by the pure-Python parser, so messages do not depend
    on which parser is installed."""
    with pytest.raises(yaml.YAMLError) as libyaml:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    fast = parse_problems(text)
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert parse_problems(text) == fast
    assert str(libyaml.value).splitlines()[0] not in fast[0]
