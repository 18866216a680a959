"""Question banks: the bundled ones, every kind of mistake in a bank file, and load_banks."""

from __future__ import annotations

from pathlib import Path

import pytest

from informa.banks import load_bank_file, load_banks
from informa.domain.banks import BankSet
from informa.domain.errors import FileProblems
from informa.paths import bundled_banks_dir

CORE_TOPICS = (
    "opening",
    "job-role",
    "culture",
    "career-path",
    "advice",
    "industry-trends",
    "closing",
)

HEAD = """\
id: mine
title: My bank
topics:
  - id: first
    title: First topic
    questions:
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based number of the ``occurrence``-th line of ``text`` containing ``needle``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) >= occurrence, f"{needle!r} occurs {len(found)} times"
    return found[occurrence - 1]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_bank_file(path)
    return [str(problem) for problem in caught.value.problems]


def bank_text(bank_id: str, title: str, question_id: str = "q1") -> str:
    return (
        f"id: {bank_id}\n"
        f"title: {title}\n"
        "topics:\n"
        "  - id: only\n"
        "    title: Only topic\n"
        "    questions:\n"
        f"      - id: {question_id}\n"
        "        text: A question?\n"
    )


# --- the bundled banks -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> BankSet:
    return load_banks(bundled_banks_dir())


def test_bundled_banks_load_without_problems(bundled: BankSet) -> None:
    assert bundled.problems == ()
    assert {bank.id for bank in bundled.banks} >= {"core", "academia-to-industry"}
    assert all(bank.bundled for bank in bundled.banks)


def test_bundled_banks_are_big_enough(bundled: BankSet) -> None:
    topics = [topic for bank in bundled.banks for topic in bank.topics]
    assert len(topics) >= 6
    assert bundled.question_count >= 80
    assert bundled.question_count == sum(
        len(topic.questions) for bank in bundled.banks for topic in bank.topics
    )


def test_core_bank_covers_the_call_from_opening_to_closing(bundled: BankSet) -> None:
    core = bundled.get("core")
    assert core is not None
    topic_ids = [topic.id for topic in core.topics]
    assert set(CORE_TOPICS) <= set(topic_ids)
    closing = next(topic for topic in core.topics if topic.id == "closing")
    assert "core/closing/who-else" in {question.ref for question in closing.questions}


def test_every_bundled_question_ref_is_unique_and_well_formed(bundled: BankSet) -> None:
    refs = [q.ref for bank in bundled.banks for _, q in bank.questions()]
    assert len(refs) == len(set(refs))
    for bank in bundled.banks:
        for topic, question in bank.questions():
            assert question.ref == f"{bank.id}/{topic.id}/{question.id}"
            assert question.text.strip()
            assert 1 <= question.priority <= 3


def test_bundled_bank_checks_individually(bundled: BankSet) -> None:
    for bank in bundled.banks:
        again = load_bank_file(bank.path, bundled=True)
        assert again == bank


# --- a good file -------------------------------------------------------------------------


def test_a_full_question_is_read_with_every_field(tmp_path: Path) -> None:
    text = HEAD + (
        "      - id: day\n"
        "        text: What does a typical day look like?\n"
        "        tiara: insights\n"
        "        priority: 1\n"
        "        follow_ups:\n"
        "          - And a bad day?\n"
        "        tags: [day, routine]\n"
        "      - id: plain\n"
        "        text: Plain?\n"
    )
    bank = load_bank_file(write(tmp_path, "mine.yaml", text))
    assert (bank.id, bank.title, bank.description, bank.bundled) == ("mine", "My bank", "", False)
    assert bank.path == tmp_path / "mine.yaml"
    (topic,) = bank.topics
    full, plain = topic.questions
    assert full.ref == "mine/first/day"
    assert full.text == "What does a typical day look like?"
    assert (full.tiara, full.priority) == ("insights", 1)
    assert full.follow_ups == ("And a bad day?",)
    assert full.tags == ("day", "routine")
    assert (plain.tiara, plain.priority, plain.follow_ups, plain.tags) == (None, 2, (), ())


# --- every kind of mistake, as FILE:LINE: message ----------------------------------------


def test_bad_yaml_syntax(tmp_path: Path) -> None:
    text = "id: mine\ntitle: @oops\ntopics: []\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "@oops")
    assert problems_of(path) == [
        f"{path}:{line}: invalid YAML: found character '@' that cannot start any token"
    ]


def test_unclosed_bracket_is_a_syntax_error_on_its_line(tmp_path: Path) -> None:
    text = "id: mine\ntitle: T\n]\n"
    path = write(tmp_path, "bank.yaml", text)
    assert problems_of(path) == [
        f"{path}:3: bad indentation or structure (expected <block end>, but found ']')"
    ]


def test_tab_used_for_indentation(tmp_path: Path) -> None:
    text = HEAD + "\t- id: q\n\t  text: Q\n"
    path = write(tmp_path, "bank.yaml", text)
    first = line_of(text, "\t- id: q")
    assert problems_of(path) == [
        f"{path}:{first}: indented with a tab: YAML indentation must use spaces",
        f"{path}:{first + 1}: indented with a tab: YAML indentation must use spaces",
    ]


def test_tab_inside_a_value_is_not_an_indentation_problem(tmp_path: Path) -> None:
    text = HEAD + '      - id: q\n        text: "a\\tb"\n'
    bank = load_bank_file(write(tmp_path, "bank.yaml", text))
    assert bank.topics[0].questions[0].text == "a\tb"


def test_bad_indent(tmp_path: Path) -> None:
    text = (
        "id: mine\n"
        "title: My bank\n"
        "topics:\n"
        "  - id: first\n"
        "    title: First topic\n"
        "   questions: []\n"  # one space short
    )
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "   questions")
    assert problems_of(path) == [
        f"{path}:{line}: bad indentation or structure "
        "(expected <block end>, but found '<block mapping start>')"
    ]


def test_over_indented_key(tmp_path: Path) -> None:
    text = "id: mine\ntitle: My bank\n  topics: []\n"
    path = write(tmp_path, "bank.yaml", text)
    assert problems_of(path) == [
        f"{path}:3: bad indentation or structure (mapping values are not allowed here)"
    ]


def test_question_without_text(tmp_path: Path) -> None:
    text = HEAD + "      - id: no-text\n        priority: 1\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "- id: no-text")
    assert problems_of(path) == [f"{path}:{line}: a question is missing 'text'"]


def test_topic_without_id(tmp_path: Path) -> None:
    text = (
        "id: mine\n"
        "title: My bank\n"
        "topics:\n"
        "  - title: Nameless\n"
        "    questions:\n"
        "      - id: q\n"
        "        text: Q\n"
    )
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "- title: Nameless")
    assert problems_of(path) == [f"{path}:{line}: a topic is missing 'id'"]


def test_bank_without_title_and_topics(tmp_path: Path) -> None:
    path = write(tmp_path, "bank.yaml", "id: mine\n")
    assert problems_of(path) == [
        f"{path}:1: the bank is missing 'title'",
        f"{path}:1: the bank is missing 'topics'",
    ]


def test_duplicate_question_id_within_a_topic(tmp_path: Path) -> None:
    text = HEAD + (
        "      - id: same\n"
        "        text: First\n"
        "      - id: other\n"
        "        text: Other\n"
        "      - id: same\n"
        "        text: Second\n"
    )
    path = write(tmp_path, "bank.yaml", text)
    first = line_of(text, "- id: same", 1)
    second = line_of(text, "- id: same", 2)
    assert problems_of(path) == [
        f"{path}:{second}: duplicate question id 'same' in topic 'first' "
        f"(first used on line {first})"
    ]


def test_same_question_id_in_two_topics_is_fine(tmp_path: Path) -> None:
    text = HEAD + (
        "      - id: same\n"
        "        text: First\n"
        "  - id: second\n"
        "    title: Second topic\n"
        "    questions:\n"
        "      - id: same\n"
        "        text: Second\n"
    )
    bank = load_bank_file(write(tmp_path, "bank.yaml", text))
    assert [q.ref for _, q in bank.questions()] == ["mine/first/same", "mine/second/same"]


def test_duplicate_topic_id(tmp_path: Path) -> None:
    text = HEAD + (
        "      - id: q\n"
        "        text: Q\n"
        "  - id: first\n"
        "    title: Again\n"
        "    questions:\n"
        "      - id: r\n"
        "        text: R\n"
    )
    path = write(tmp_path, "bank.yaml", text)
    first = line_of(text, "- id: first", 1)
    second = line_of(text, "- id: first", 2)
    assert problems_of(path) == [
        f"{path}:{second}: duplicate topic id 'first' (first used on line {first})"
    ]


def test_priority_must_be_a_number(tmp_path: Path) -> None:
    text = HEAD + '      - id: q\n        text: Q\n        priority: "high"\n'
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "priority:")
    assert problems_of(path) == [f"{path}:{line}: priority must be a whole number, not str 'high'"]


def test_priority_must_be_one_to_three(tmp_path: Path) -> None:
    text = HEAD + "      - id: q\n        text: Q\n        priority: 4\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "priority:")
    assert problems_of(path) == [f"{path}:{line}: priority must be between 1 and 3, not 4"]


def test_text_must_not_be_a_list(tmp_path: Path) -> None:
    text = HEAD + "      - id: q\n        text: [one, two]\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "text:")
    assert problems_of(path) == [f"{path}:{line}: question text must be text, not a list"]


def test_tiara_must_be_a_known_kind(tmp_path: Path) -> None:
    text = HEAD + "      - id: q\n        text: Q\n        tiara: x\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "tiara:")
    assert problems_of(path) == [
        f"{path}:{line}: tiara must be one of trends, insights, advice, resources, "
        "assignments, not 'x'"
    ]


def test_questions_must_be_a_list(tmp_path: Path) -> None:
    text = HEAD + "      id: q\n      text: Q\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "id: q")
    assert problems_of(path) == [f"{path}:{line}: questions must be a list ('- item' lines)"]


def test_unknown_key(tmp_path: Path) -> None:
    text = HEAD + "      - id: q\n        txt: Q\n"
    path = write(tmp_path, "bank.yaml", text)
    assert problems_of(path) == [
        f"{path}:{line_of(text, 'txt:')}: unknown key 'txt' in a question "
        "(known keys: follow_ups, id, priority, tags, text, tiara)",
        f"{path}:{line_of(text, '- id: q')}: a question is missing 'text'",
    ]


def test_duplicate_mapping_key(tmp_path: Path) -> None:
    text = HEAD + "      - id: q\n        text: One\n        text: Two\n"
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "text: Two")
    assert problems_of(path) == [f"{path}:{line}: duplicate key 'text'"]


def test_invalid_id(tmp_path: Path) -> None:
    text = (
        "id: mine\n"
        "title: My bank\n"
        "topics:\n"
        "  - id: Job Role\n"
        "    title: Job\n"
        "    questions:\n"
        "      - id: q\n"
        "        text: Q\n"
    )
    path = write(tmp_path, "bank.yaml", text)
    line = line_of(text, "Job Role")
    assert problems_of(path) == [
        f"{path}:{line}: topic id 'Job Role' must be lowercase letters, digits and dashes "
        "(like 'job-role')"
    ]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = HEAD + "\n".join(
        [
            "      - id: q",
            "        text: Q",
            "        priority: 7",
            "      - id: Bad_Id",
            "        text: R\n",
        ]
    )
    path = write(tmp_path, "bank.yaml", text)
    problems = problems_of(path)
    assert problems == [
        f"{path}:{line_of(text, 'priority')}: priority must be between 1 and 3, not 7",
        f"{path}:{line_of(text, 'Bad_Id')}: question id 'Bad_Id' must be lowercase letters, "
        "digits and dashes (like 'job-role')",
    ]


def test_bank_with_no_topics(tmp_path: Path) -> None:
    path = write(tmp_path, "bank.yaml", "id: mine\ntitle: My bank\ntopics: []\n")
    assert problems_of(path) == [f"{path}:3: topics must list at least one topic"]


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "bank.yaml", "")
    assert problems_of(path) == [f"{path}: empty file: a bank needs id, title and topics"]


def test_file_of_only_comments_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "bank.yaml", "# nothing here yet\n")
    assert problems_of(path) == [f"{path}: empty file: a bank needs id, title and topics"]


def test_bank_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "bank.yaml", "- just\n- a list\n")
    assert problems_of(path) == [f"{path}:1: the bank must be a mapping of 'key: value' lines"]


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes("id: caf\xe9\n".encode("latin-1"))
    assert problems_of(path) == [f"{path}: not UTF-8 text (invalid continuation byte)"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + bank_text("mine", "Caf\u00e9").encode("utf-8"))
    assert load_bank_file(path).title == "Caf\u00e9"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert problems_of(path) == [f"{path}: cannot read: No such file or directory"]


def test_impossible_date_is_kept_as_text(tmp_path: Path) -> None:
    """``2026-02-30`` looks like a YAML date but is not one: it stays text, nothing crashes."""
    text = "id: mine\ntitle: 2026-02-30\ntopics: []\n"
    path = write(tmp_path, "bank.yaml", text)
    problems = problems_of(path)
    assert problems == [f"{path}:3: topics must list at least one topic"]


# --- load_banks --------------------------------------------------------------------------


def test_user_bank_with_a_new_id_adds_a_bank(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", bank_text("mine", "Mine"))
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    bundled_only = load_banks(bundled_banks_dir())
    assert bank_set.problems == ()
    assert [bank.id for bank in bank_set.banks] == [
        *(bank.id for bank in bundled_only.banks),
        "mine",
    ]
    mine = bank_set.get("mine")
    assert mine is not None
    assert not mine.bundled
    assert bank_set.question_count == bundled_only.question_count + 1


def test_user_bank_with_a_bundled_id_replaces_it(tmp_path: Path) -> None:
    write(tmp_path, "core.yaml", bank_text("core", "My own core"))
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    assert bank_set.problems == ()
    core = bank_set.get("core")
    assert core is not None
    assert core.bundled is False
    assert core.title == "My own core"
    assert core.path == tmp_path / "core.yaml"
    assert [bank.id for bank in bank_set.banks].count("core") == 1
    assert bank_set.question("core/closing/who-else") is None
    assert bank_set.question("core/only/q1") is not None


def test_broken_user_bank_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.yaml", HEAD + "      - id: q\n        txt: Q\n")
    write(tmp_path, "fine.yaml", bank_text("fine", "Fine"))
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    ids = {bank.id for bank in bank_set.banks}
    assert {"core", "academia-to-industry", "fine"} <= ids
    assert "mine" not in ids
    assert [str(p) for p in bank_set.problems] == [
        f"{broken}:8: unknown key 'txt' in a question "
        "(known keys: follow_ups, id, priority, tags, text, tiara)",
        f"{broken}:7: a question is missing 'text'",
    ]


def test_broken_user_bank_with_a_bundled_id_keeps_the_bundled_one(tmp_path: Path) -> None:
    write(tmp_path, "core.yaml", "id: core\ntitle: Broken\n")
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    core = bank_set.get("core")
    assert core is not None
    assert core.bundled
    assert len(bank_set.problems) == 1


def test_two_user_files_with_the_same_id_report_the_second(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", bank_text("mine", "First"))
    second = write(tmp_path, "b.yaml", bank_text("mine", "Second"))
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    mine = bank_set.get("mine")
    assert mine is not None
    assert mine.title == "First"
    assert [str(p) for p in bank_set.problems] == [
        f"{second}: bank id 'mine' is already used by {first}"
    ]


def test_only_yaml_files_are_banks(tmp_path: Path) -> None:
    write(tmp_path, "notes.txt", "not a bank")
    write(tmp_path, ".hidden.yaml", "id: [broken")
    write(tmp_path, "other.yml", bank_text("other", "Other"))
    (tmp_path / "folder.yaml").mkdir()
    bank_set = load_banks(bundled_banks_dir(), tmp_path)
    assert bank_set.problems == ()
    assert bank_set.get("other") is not None


def test_missing_user_folder_is_fine(tmp_path: Path) -> None:
    bank_set = load_banks(bundled_banks_dir(), tmp_path / "does-not-exist")
    assert bank_set.problems == ()
    assert bank_set.get("core") is not None


# --- BankSet.question --------------------------------------------------------------------


def test_question_finds_by_ref(bundled: BankSet) -> None:
    question = bundled.question("core/closing/who-else")
    assert question is not None
    assert question.id == "who-else"
    assert question.ref == "core/closing/who-else"
    assert question.text


@pytest.mark.parametrize(
    "ref",
    [
        "core/closing/no-such-question",
        "core/no-such-topic/who-else",
        "no-such-bank/closing/who-else",
        "core/opening/who-else",  # the right question id under the wrong topic
        "",
        "core",
    ],
)
def test_question_returns_none_for_unknown_refs(bundled: BankSet, ref: str) -> None:
    assert bundled.question(ref) is None
