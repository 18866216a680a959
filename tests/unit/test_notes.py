"""The notes format: question headings with elapsed time, and A:/I:/R:/TODO: lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from informa.demo import sample
from informa.domain.notes import (
    ParsedNotes,
    ReferralCandidate,
    Section,
    Tag,
    TaggedLine,
    format_elapsed,
    heading,
    is_name,
    parse_notes,
    parse_referral,
    render,
    summary,
    tag_of,
    toggle_tag,
)

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


# --- structure: every line has exactly one place ------------------------------------------


def _partition(parsed: ParsedNotes) -> list[int]:
    """The line numbers of the preamble and then each section, in order."""
    numbers = list(parsed.preamble_lines)
    for section in parsed.sections:
        numbers.extend(range(section.start_line, section.end_line + 1))
    return numbers


def test_sections_and_preamble_partition_the_lines() -> None:
    parsed = parse_notes(NOTES)
    assert parsed.lines == 14
    assert parsed.preamble_lines == range(1, 4)
    assert [(s.start_line, s.end_line) for s in parsed.sections] == [(4, 6), (7, 13), (14, 14)]
    assert _partition(parsed) == list(range(1, 15))


def test_notes_that_open_with_a_heading_have_an_empty_preamble() -> None:
    parsed = parse_notes("## [00:10] Q\nanswer")
    assert parsed.preamble_lines == range(1, 1)
    assert _partition(parsed) == [1, 2]


@pytest.mark.parametrize(
    ("text", "lines"),
    [("", 0), ("\n", 1), ("a", 1), ("a\n", 1), ("a\n\n", 2), ("a\r\nb", 2), ("a\rb\r", 2)],
)
def test_line_count_matches_splitlines(text: str, lines: int) -> None:
    assert parse_notes(text).lines == lines == len(text.splitlines())


@pytest.mark.parametrize(
    "text",
    [
        "",
        NOTES,
        NOTES.rstrip("\n"),
        NOTES.replace("\n", "\r\n"),
        "intro\r\n## [01:00] Q\r\nA: x\n\n\r\n",
        "no break at the end\n## [00:01] ",
        "\n\n\n",
        "odd breaks\x0bform\x0cfeed\x1cgroup\x85next\u2028line\u2029para",
    ],
)
def test_render_gives_back_the_exact_text(text: str) -> None:
    assert render(parse_notes(text)) == text


def test_crlf_notes_parse_like_lf_notes() -> None:
    crlf = parse_notes(NOTES.replace("\n", "\r\n"))
    lf = parse_notes(NOTES)
    assert (crlf.preamble, crlf.sections, crlf.tagged) == (lf.preamble, lf.sections, lf.tagged)


def test_bulleted_tags() -> None:
    parsed = parse_notes("- A: learn SQL\n  * TODO: send CV\n-A: no space after the bullet\n")
    assert [(item.tag, item.text) for item in parsed.tagged] == [
        (Tag.ADVICE, "learn SQL"),
        (Tag.ACTION, "send CV"),
    ]


def test_summary_groups_by_tag_in_tag_order() -> None:
    parsed = parse_notes(NOTES)
    grouped = summary(parsed)
    assert list(grouped) == list(Tag)
    assert [item.line for item in grouped[Tag.ACTION]] == [2]
    assert [item.text for item in grouped[Tag.REFERRAL]] == ["Sam Lee in data"]
    assert summary(parse_notes("")) == {tag: [] for tag in Tag}


# --- tags: tag_of and toggle_tag ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("A: x", Tag.ADVICE),
        ("I:x", Tag.INFO),
        ("  R: Jane", Tag.REFERRAL),
        ("  - TODO: x", Tag.ACTION),
        ("* A: x", Tag.ADVICE),
        ("TODO:", Tag.ACTION),  # nothing typed yet still shows the tag
        ("A : spaced colon", Tag.ADVICE),
        ("Ask: not a tag", None),
        ("a: lower case", None),
        ("todo: lower case", None),
        ("-A: no space after the bullet", None),
        ("## [01:00] A: in a heading", None),
        ("", None),
        ("plain", None),
    ],
)
def test_tag_of(line: str, tag: Tag | None) -> None:
    assert tag_of(line) == tag


@pytest.mark.parametrize(
    ("line", "tag", "result"),
    [
        ("", Tag.ADVICE, "A: "),
        ("A: ", Tag.ADVICE, ""),
        ("learn SQL", Tag.ADVICE, "A: learn SQL"),
        ("A: learn SQL", Tag.ADVICE, "learn SQL"),
        ("I: learn SQL", Tag.ADVICE, "A: learn SQL"),
        ("TODO: send CV", Tag.INFO, "I: send CV"),
        ("  indented", Tag.ACTION, "  TODO: indented"),
        ("  TODO:  send CV", Tag.ACTION, "  send CV"),
        ("  I:  they hire", Tag.REFERRAL, "  R: they hire"),
        ("- bullet", Tag.ACTION, "- TODO: bullet"),
        ("  - R: Jane Doe", Tag.REFERRAL, "  - Jane Doe"),
        ("* A: x", Tag.INFO, "* I: x"),
        ("A : spaced colon", Tag.INFO, "I: spaced colon"),
        ("TODO:", Tag.ACTION, ""),
        ("   ", Tag.INFO, "   I: "),
        ("Ask: a question", Tag.ADVICE, "A: Ask: a question"),
        ("todo: lower case", Tag.ACTION, "TODO: todo: lower case"),
        ("-5 degrees", Tag.INFO, "I: -5 degrees"),
        ("## [01:00] A question", Tag.ADVICE, "## [01:00] A question"),
    ],
)
def test_toggle_tag(line: str, tag: Tag, result: str) -> None:
    assert toggle_tag(line, tag) == result


def test_toggled_line_parses_as_tagged() -> None:
    parsed = parse_notes(toggle_tag("  - they hire in spring", Tag.INFO))
    assert parsed.tagged == (TaggedLine(Tag.INFO, "they hire in spring", 1, None),)


# --- referrals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("R: Jane Doe (Acme)", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe @ Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe @Acme, met at ISMB", ("Jane Doe", "Acme", "met at ISMB")),
        ("R: Jane Doe at Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe — Acme, data team lead", ("Jane Doe", "Acme", "data team lead")),
        ("R: Jane Doe—Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe – Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe - Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe -- Acme -- data lead", ("Jane Doe", "Acme", "data lead")),
        ("R: Jane Doe, Acme", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe, Acme, data team lead.", ("Jane Doe", "Acme", "data team lead")),
        ("R: Jane Doe", ("Jane Doe", "", "")),
        ("R: Jane Doe.", ("Jane Doe", "", "")),
        ("R: Jane Doe (Acme).", ("Jane Doe", "Acme", "")),
        ("R: Jane Doe (Acme), ask about the grant", ("Jane Doe", "Acme", "ask about the grant")),
        ("R: Jane Doe (Acme) -5% churn team", ("Jane Doe", "Acme", "-5% churn team")),
        (
            "R: Priya Nair (Growth analytics lead at Lumen) — says mention her name",
            ("Priya Nair", "Lumen", "Growth analytics lead; says mention her name"),
        ),
        ("R: Jane Doe (PM @ Acme)", ("Jane Doe", "Acme", "PM")),
        (
            "R: Daniel Cho — bioinformatics eng at Helix Forge, ex-labmate",
            ("Daniel Cho", "Helix Forge", "bioinformatics eng; ex-labmate"),
        ),
        (
            "R: Grace Liu — Engagement Manager, Brightline, ex-postdoc",
            ("Grace Liu", "Brightline", "Engagement Manager; ex-postdoc"),
        ),
        ("R: Jane Doe — Engineering Manager", ("Jane Doe", "", "Engineering Manager")),
        ("R: Mary-Jane Watson - Acme", ("Mary-Jane Watson", "Acme", "")),
        ("R: Jane van der Berg, Acme", ("Jane van der Berg", "Acme", "")),
        ("R: Inés Castillo (Varenne Pharma)", ("Inés Castillo", "Varenne Pharma", "")),
        ("R: Siobhán O'Neill — Acme", ("Siobhán O'Neill", "Acme", "")),
        ("R: Dr. J. R. Smith, Acme", ("Dr. J. R. Smith", "Acme", "")),
        ("  - R: Jane Doe (Acme)", ("Jane Doe", "Acme", "")),
    ],
)
def test_referral_forms(line: str, expected: tuple[str, str, str]) -> None:
    (candidate,) = parse_notes(line).referrals
    assert (candidate.name, candidate.company, candidate.note) == expected
    assert (candidate.line, candidate.question) == (1, None)


@pytest.mark.parametrize(
    "line",
    [
        "R: check the ISPOR conference",
        "R: Check the ISPOR conference",
        "R: Check ISPOR",
        "R: ISPOR (conference)",
        "R: Ask Sam about it",
        "R: Sam Lee in data",
        "R: someone on the ML platform team",
        "R: Jane Doe 2, Acme",
        "R: Team 42 - Acme",
        "R: One Two Three Four Five Six, Acme",
        "R: (Acme) Jane Doe",
        "R: jane@acme.example",
        "R: ex-Helix folks, Acme",
        "R:",
        "r: Jane Doe (Acme)",
        "A: Jane Doe (Acme)",
        "Jane Doe (Acme)",
    ],
)
def test_lines_that_name_no_one(line: str) -> None:
    assert parse_notes(line).referrals == ()


def test_a_referral_line_without_a_name_stays_tagged() -> None:
    parsed = parse_notes("R: check the ISPOR conference\n")
    assert [item.tag for item in parsed.tagged] == [Tag.REFERRAL]
    assert parsed.referrals == ()


def test_referrals_know_their_line_and_question() -> None:
    text = "R: Ann Lee\n## [01:00] Who else?\nnotes\nR: Bo Chen @ Acme\n"
    assert parse_notes(text).referrals == (
        ReferralCandidate("Ann Lee", "", "", 1, None),
        ReferralCandidate("Bo Chen", "Acme", "", 4, "Who else?"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane", True),
        ("Jane Doe", True),
        ("王伟", True),
        ("Ludwig van Beethoven", True),
        ("Ann Bo Cy Di Ed", True),
        ("TJ Miller", True),
        ("jane doe", False),
        ("NIH", False),
        ("Ann Bo Cy Di Ed Flo", False),
        ("R2 D2", False),
        ("", False),
        ("The Lab", False),
        ("Jane & Co", False),
    ],
)
def test_is_name(text: str, expected: bool) -> None:
    assert is_name(text) is expected


def test_parse_referral_without_the_tag() -> None:
    assert parse_referral("Jane Doe (Acme)") == ("Jane Doe", "Acme", "")
    assert parse_referral("check the conference") is None


# --- the demo notes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "interview", sample.INTERVIEWS, ids=[i["contact"] for i in sample.INTERVIEWS]
)
def test_every_demo_interview_parses(interview: sample.InterviewSample) -> None:
    text = interview["notes"]
    parsed = parse_notes(text)
    assert render(parsed) == text
    assert _partition(parsed) == list(range(1, parsed.lines + 1))
    if interview["status"] == "done":
        assert len(parsed.sections) == len(interview["asked"])
        assert parsed.tagged


def test_demo_referrals_name_demo_contacts() -> None:
    companies = {person["name"]: person["company"] for person in sample.CONTACTS}
    candidates = [c for i in sample.INTERVIEWS for c in parse_notes(i["notes"]).referrals]
    known = [c for c in candidates if c.name in companies]
    assert len(known) >= 3
    for candidate in known:
        company = companies[candidate.name] or ""
        assert candidate.company
        assert company.startswith(candidate.company.split()[0])
        assert candidate.question is not None


# --- properties ---------------------------------------------------------------------------

LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028"]
bulleted_tag_like = st.builds(
    lambda indent, bullet, tag, text: f"{indent}{bullet}{tag}:{text}",
    st.sampled_from(["", "  ", "\t", "\u00a0"]),
    st.sampled_from(["", "- ", "* ", "-", "-\u2003"]),
    st.sampled_from(["A", "I", "R", "TODO", "R ", "Ask"]),
    st.text(max_size=20),
)
referral_like = st.builds(
    lambda name, sep, rest: f"R: {name}{sep}{rest}",
    st.lists(
        st.sampled_from(["Jane", "Doe", "van", "O'Neill", "ISPOR", "the", "Ask", "Inés", "J."]),
        min_size=0,
        max_size=6,
    ).map(" ".join),
    st.sampled_from(["", " (", ")", " @ ", " at ", ", ", " - ", "—", " -- ", "; "]),
    st.text(alphabet="Acme Lead at (),;-—.@ lumen", max_size=30),
)
any_line = st.one_of(heading_like, tag_like, bulleted_tag_like, referral_like, st.text(max_size=30))
broken_lines = st.builds(
    lambda pairs, tail: "".join(line + brk for line, brk in pairs) + tail,
    st.lists(st.tuples(any_line, st.sampled_from(LINE_BREAKS))),
    st.sampled_from(["", "x", "R: Jane Doe"]),
)
any_notes = st.one_of(st.text(), notes_text, broken_lines)
a_line = st.one_of(any_line, st.text()).map(lambda text: "".join(text.splitlines()))


@given(any_notes)
def test_render_round_trips_any_text(text: str) -> None:
    assert render(parse_notes(text)) == text


@given(any_notes)
def test_preamble_and_sections_partition_any_text(text: str) -> None:
    parsed = parse_notes(text)
    lines = text.splitlines()
    assert parsed.lines == len(lines)
    assert _partition(parsed) == list(range(1, len(lines) + 1))
    assert list(parsed.preamble) == lines[: len(parsed.preamble)]
    for section in parsed.sections:
        assert list(section.body) == lines[section.start_line : section.end_line]


@given(any_notes)
def test_tagged_lines_point_at_their_prefix(text: str) -> None:
    parsed = parse_notes(text)
    lines = text.splitlines()
    for item in parsed.tagged:
        content = re.sub(r"^[-*]\s+", "", lines[item.line - 1].strip())
        assert content.startswith(item.tag.value)
        assert content[len(item.tag.value) :].lstrip().startswith(":")
        assert item.text == item.text.strip() != ""
        assert tag_of(lines[item.line - 1]) is item.tag
    assert [item for tag in Tag for item in summary(parsed)[tag]] == sorted(
        parsed.tagged, key=lambda item: (list(Tag).index(item.tag), item.line)
    )


@given(any_notes)
def test_referrals_come_from_referral_lines(text: str) -> None:
    parsed = parse_notes(text)
    referral_lines = {item.line: item for item in parsed.by_tag(Tag.REFERRAL)}
    for candidate in parsed.referrals:
        assert candidate.line in referral_lines
        assert candidate.question == referral_lines[candidate.line].question
        assert is_name(candidate.name)
        assert 1 <= len(candidate.name.split()) <= 5
        assert not any(char.isdigit() for char in candidate.name)


@given(a_line, st.sampled_from(list(Tag)))
def test_toggle_twice_gives_back_an_untagged_line(line: str, tag: Tag) -> None:
    assume(tag_of(line) is None)
    toggled = toggle_tag(line, tag)
    assert toggle_tag(toggled, tag) == line
    if not HEADING_LINE.match(line):
        assert tag_of(toggled) is tag


@given(st.text(), st.sampled_from(list(Tag)))
def test_toggle_tag_never_raises_and_keeps_indentation(line: str, tag: Tag) -> None:
    toggled = toggle_tag(line, tag)
    indent = len(line) - len(line.lstrip())
    assert toggled[:indent] == line[:indent]
