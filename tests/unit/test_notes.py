"""The notes format: question headings with elapsed time, and A:/I:/R:/TODO: lines."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from informa.domain.notes import Section, Tag, TaggedLine, format_elapsed, heading, parse_notes

NOTES = """\
Call with Dana, 25 min.
TODO: look up the team's blog

## [00:30] How did you get your start?
Postdoc, then a startup.
A: learn SQL properly
## [07:42] What does a typical day look like?
Standups, then deep work.
  I:  they hire in spring
R: Sam Lee in data
TODO:
todo: lower case is not a tag
Ask: not a tag either
## [100:05]   Anything else?  \n"""

# An independent statement of the heading rule, for the property test.
HEADING_LINE = re.compile(r"^##\s+\[\d{1,6}:[0-5]\d\]")


def test_headings_start_sections() -> None:
    parsed = parse_notes(NOTES)
    assert parsed.sections == (
        Section(
            "How did you get your start?",
            30,
            4,
            ("Postdoc, then a startup.", "A: learn SQL properly"),
        ),
        Section(
            "What does a typical day look like?",
            7 * 60 + 42,
            7,
            (
                "Standups, then deep work.",
                "  I:  they hire in spring",
                "R: Sam Lee in data",
                "TODO:",
                "todo: lower case is not a tag",
                "Ask: not a tag either",
            ),
        ),
        Section("Anything else?", 100 * 60 + 5, 14, ()),
    )


def test_lines_before_the_first_heading_are_the_preamble() -> None:
    parsed = parse_notes(NOTES)
    assert parsed.preamble == (
        "Call with Dana, 25 min.",
        "TODO: look up the team's blog",
        "",
    )


def test_tagged_lines_know_their_question() -> None:
    parsed = parse_notes(NOTES)
    assert parsed.tagged == (
        TaggedLine(Tag.ACTION, "look up the team's blog", 2, None),
        TaggedLine(Tag.ADVICE, "learn SQL properly", 6, "How did you get your start?"),
        TaggedLine(Tag.INFO, "they hire in spring", 9, "What does a typical day look like?"),
        TaggedLine(Tag.REFERRAL, "Sam Lee in data", 10, "What does a typical day look like?"),
    )
    assert [item.text for item in parsed.by_tag(Tag.ACTION)] == ["look up the team's blog"]
    assert parsed.by_tag(Tag.REFERRAL)[0].line == 10


def test_a_tag_with_no_text_is_not_tagged() -> None:
    parsed = parse_notes("TODO:\nA:   \nR:\t\nI: x\n")
    assert [(item.tag, item.text) for item in parsed.tagged] == [(Tag.INFO, "x")]


def test_tag_labels() -> None:
    assert [tag.label for tag in Tag] == ["Advice", "Info", "Referral", "Action"]


def test_lines_that_only_look_like_headings() -> None:
    text = "##[01:00] no space\n## [1:60] bad seconds\n# [01:00] one hash\n## 01:00 no brackets\n"
    parsed = parse_notes(text)
    assert parsed.sections == ()
    assert len(parsed.preamble) == 4


def test_heading_with_no_question() -> None:
    assert parse_notes("## [02:03]").sections == (Section("", 123, 1, ()),)


def test_empty_notes() -> None:
    parsed = parse_notes("")
    assert (parsed.preamble, parsed.sections, parsed.tagged) == ((), (), ())


def test_format_elapsed() -> None:
    assert format_elapsed(0) == "00:00"
    assert format_elapsed(462) == "07:42"
    assert format_elapsed(3600) == "60:00"
    assert format_elapsed(6005) == "100:05"
    assert format_elapsed(-5) == "00:00"


def test_heading_folds_whitespace() -> None:
    assert (
        heading("  What   does\na day\tlook like? ", 462) == "## [07:42] What does a day look like?"
    )


def test_heading_round_trips() -> None:
    line = heading("How did you start?", 7 * 60 + 42)
    (section,) = parse_notes(f"intro\n{line}\nbody\n").sections
    assert (section.question, section.elapsed_seconds, section.line, section.body) == (
        "How did you start?",
        462,
        2,
        ("body",),
    )


@given(
    question=st.text(),
    seconds=st.integers(min_value=0, max_value=999 * 60 + 59),
)
def test_heading_round_trips_for_any_question(question: str, seconds: int) -> None:
    (section,) = parse_notes(heading(question, seconds)).sections
    assert section.question == " ".join(question.split())
    assert section.elapsed_seconds == seconds
    assert format_elapsed(section.elapsed_seconds) == format_elapsed(seconds)


def test_heading_round_trips_past_a_thousand_minutes() -> None:
    """A timer left running overnight still gives a heading the parser reads back."""
    seconds = 1000 * 60 + 1

    (section,) = parse_notes(heading("Still there?", seconds)).sections
    assert section.elapsed_seconds == seconds


heading_like = st.builds(
    lambda minutes, seconds, question: f"## [{minutes}:{seconds}] {question}",
    st.text(alphabet="0123456789", min_size=0, max_size=4),
    st.text(alphabet="0123456789", min_size=1, max_size=3),
    st.text(max_size=20),
)
tag_like = st.builds(
    lambda tag, text: f"{tag}:{text}", st.sampled_from(["A", "I", "R", "TODO", "a"]), st.text()
)
notes_text = st.one_of(
    st.text(),
    st.lists(st.one_of(heading_like, tag_like, st.text(max_size=30))).map("\n".join),
)


@given(notes_text)
def test_any_text_parses_and_every_heading_line_is_a_section(text: str) -> None:
    parsed = parse_notes(text)
    lines = text.splitlines()
    heading_lines = [n for n, line in enumerate(lines, start=1) if HEADING_LINE.match(line)]
    assert len(parsed.sections) == len(heading_lines)
    assert [section.line for section in parsed.sections] == heading_lines
    # every line is either a heading, in the preamble, or in exactly one section body
    body_lines = len(parsed.preamble) + sum(len(section.body) for section in parsed.sections)
    assert body_lines + len(heading_lines) == len(lines)
    for item in parsed.tagged:
        assert item.text == item.text.strip() != ""
        assert 1 <= item.line <= len(lines)
