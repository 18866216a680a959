"""Thank-yous: what to mention, the values, filling in, and loading the templates."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from informa.domain.errors import FileProblems
from informa.domain.notes import Tag
from informa.domain.thanks import (
    LINKEDIN_NOTE_LIMIT,
    THANK_YOU_PLACEHOLDERS,
    call_date,
    default_picks,
    fill_thank_you,
    introductions,
    learned_items,
    linkedin_note_fits,
    sent_detail,
    thank_you_fields,
)
from informa.templates import LINKEDIN_NOTE_LIMIT as TEMPLATES_LIMIT
from informa.templates import (
    PLACEHOLDERS,
    THANK_YOU,
    Template,
    TemplateSet,
    bundled_templates_dir,
    load_template_file,
    load_templates,
    load_thank_you_templates,
    render_thank_you,
    render_thank_you_subject,
)
from tests.builders import NOW  # a Friday

CALL_END = datetime(2026, 11, 19, 17, 45, tzinfo=UTC)  # Thursday
NOTES = """\
Prep: ask about the move from academia
## [02:10] What does a typical day look like?
I: Mornings are for analysis, afternoons for stakeholder meetings
- A: Learn SQL window functions before interviewing
## [09:45] How did you move from academia?
A: Frame the postdoc as project management
I: The team hires about two PhDs a year
R: Jane Doe (Lumen Analytics) — leads the experimentation team
R: check the ISPOR conference
TODO: send my CV to Jane
A: learn sql window functions before interviewing
"""
BUNDLED_THANK_YOU_IDS = ("thank-you-email", "thank-you-message", "thank-you-linkedin-note")
OUTREACH_IDS = (
    "alumni",
    "referral",
    "linkedin-connection-note",
    "event-follow-up",
    "cold",
    "association",
)


def fields(
    picked: tuple[str, ...] = ("Learn SQL", "Frame the postdoc as project management"),
    introduced: tuple[str, ...] = ("Jane Doe",),
    *,
    company: str = "Lumen Analytics",
    my_name: str = "Sam Rivera",
) -> dict[str, str]:
    return thank_you_fields(
        contact_name="Dr. Maya Okafor",
        company=company,
        call_end=CALL_END,
        picked=picked,
        introductions=introduced,
        my_name=my_name,
        now=NOW,
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), start=1) if needle in row)


# --- what was learned ---------------------------------------------------------------------


def test_learned_items_are_the_advice_and_info_lines_in_note_order() -> None:
    items = learned_items(NOTES)
    assert [(item.tag, item.text, item.line) for item in items] == [
        (Tag.INFO, "Mornings are for analysis, afternoons for stakeholder meetings", 3),
        (Tag.ADVICE, "Learn SQL window functions before interviewing", 4),
        (Tag.ADVICE, "Frame the postdoc as project management", 6),
        (Tag.INFO, "The team hires about two PhDs a year", 7),
        (Tag.ADVICE, "learn sql window functions before interviewing", 11),
    ]
    assert items[0].question == "What does a typical day look like?"
    assert items[2].question == "How did you move from academia?"
    assert learned_items("") == []
    assert learned_items("A:\nI:   \nno tags here") == []


def test_default_picks_prefer_advice_then_info_and_keep_note_order() -> None:
    items = learned_items(NOTES)
    # Two distinct Advice lines (the repeat is skipped), then the first Info line; the picks
    # come back in note order, so the Info line from the start of the call comes first.
    assert [item.line for item in default_picks(items)] == [3, 4, 6]
    assert [item.line for item in default_picks(items, limit=2)] == [4, 6]
    assert [item.line for item in default_picks(items, limit=1)] == [4]
    assert [item.line for item in default_picks(items, limit=5)] == [3, 4, 6, 7]
    assert default_picks(items, limit=0) == []
    assert default_picks([]) == []


def test_default_picks_with_info_only() -> None:
    items = learned_items("I: one\nI: two\nI: three\nI: four\n")
    assert [item.text for item in default_picks(items)] == ["one", "two", "three"]


def test_introductions_come_from_referral_lines_then_known_contacts() -> None:
    assert introductions(NOTES) == ["Jane Doe"]  # "check the ISPOR conference" is no name
    assert introductions(NOTES, ["  jane   DOE ", "Li Wei", "Li  Wei", ""]) == [
        "Jane Doe",
        "Li Wei",
    ]
    assert introductions("", ["Li Wei"]) == ["Li Wei"]
    assert introductions("A: nothing here") == []


# --- the values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ended", "expected"),
    [
        (datetime(2026, 11, 20, 9, 0, tzinfo=UTC), "today"),
        (datetime(2026, 11, 19, 17, 45, tzinfo=UTC), "yesterday"),
        (datetime(2026, 11, 18, 10, 0, tzinfo=UTC), "on Wednesday"),
        (datetime(2026, 11, 14, 10, 0, tzinfo=UTC), "on Saturday"),
        (datetime(2026, 11, 13, 10, 0, tzinfo=UTC), "on 13 November"),
        (datetime(2026, 1, 2, 10, 0, tzinfo=UTC), "on 2 January"),
        (datetime(2025, 12, 30, 10, 0, tzinfo=UTC), "on 30 December 2025"),
    ],
)
def test_call_date_is_relative_to_now(ended: datetime, expected: str) -> None:
    assert call_date(ended, NOW) == expected


def test_call_date_is_the_day_in_the_zone_of_now() -> None:
    late = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    assert call_date(late, NOW) == "yesterday"
    berlin_evening = NOW.astimezone(timezone(timedelta(hours=2)))
    assert call_date(late, berlin_evening) == "today"  # 01:30 on the 20th there
    new_york = timezone(timedelta(hours=-5))
    assert call_date(datetime(2026, 11, 20, 3, 0, tzinfo=UTC), NOW.astimezone(new_york)) == (
        "yesterday"
    )


def test_thank_you_fields_has_every_placeholder() -> None:
    values = thank_you_fields(
        contact_name="  Dr.  Maya   Okafor ",
        company=" Lumen Analytics ",
        call_end=CALL_END,
        picked=["  Learn SQL  ", "", "Frame the postdoc\nas project management"],
        introductions=["Jane  Doe", " ", "Li Wei"],
        my_name=" Sam Rivera ",
        now=NOW,
    )
    assert values == {
        "first_name": "Maya",
        "full_name": "Dr. Maya Okafor",
        "company": "Lumen Analytics",
        "call_date": "yesterday",
        "learned": "Learn SQL\nFrame the postdoc as project management",
        "introductions": "Thank you also for suggesting I reach out to Jane Doe and Li Wei.",
        "introduced_names": "Jane Doe and Li Wei",
        "my_name": "Sam Rivera",
    }
    assert set(values) == set(THANK_YOU_PLACEHOLDERS)


def test_empty_introductions_and_picks_give_empty_values() -> None:
    values = fields((), ())
    assert (values["learned"], values["introductions"], values["introduced_names"]) == ("", "", "")


# --- filling in ---------------------------------------------------------------------------


def test_learned_after_a_colon_or_alone_on_its_line_is_a_list() -> None:
    values = fields(("Learn SQL.", "Frame the postdoc"))
    text = "Hi {first_name},\nWhat I took away: {learned}\n\n  {learned}\nBye"
    assert fill_thank_you(text, values) == (
        "Hi Maya,\nWhat I took away:\n- Learn SQL.\n- Frame the postdoc\n\n"
        "  - Learn SQL.\n  - Frame the postdoc\nBye"
    )


@pytest.mark.parametrize(
    ("picked", "sentence"),
    [
        (("Learn SQL.",), "Most useful: Learn SQL."),
        (("Learn SQL", "Frame the postdoc!"), "Most useful: Learn SQL and Frame the postdoc."),
        (("a", "b", "c"), "Most useful: a, b and c."),
        (("a, b", "c", "d"), "Most useful: a, b; c; and d."),
    ],
)
def test_learned_within_a_sentence_is_joined(picked: tuple[str, ...], sentence: str) -> None:
    assert fill_thank_you("Most useful: {learned}.", fields(picked)) == sentence


def test_a_line_with_an_empty_optional_placeholder_is_left_out() -> None:
    text = (
        "Hi {first_name},\n\nThanks for {call_date}.\n\nTaking away: {learned}\n\n"
        "{introductions}\n\nBest,\n{my_name}"
    )
    assert fill_thank_you(text, fields((), ())) == (
        "Hi Maya,\n\nThanks for yesterday.\n\nBest,\nSam Rivera"
    )
    assert fill_thank_you(text, fields(("Learn SQL",), ())) == (
        "Hi Maya,\n\nThanks for yesterday.\n\nTaking away:\n- Learn SQL\n\nBest,\nSam Rivera"
    )
    # Within a paragraph, only the line goes; at either end, so does the spare blank line.
    assert fill_thank_you("a\n{introduced_names}\nb", fields((), ())) == "a\nb"
    assert fill_thank_you("{learned}\n\nb\n\n{introductions}", fields((), ())) == "b"


def test_other_missing_values_show_as_markers() -> None:
    text = "At {company}, {my_name}: {made_up} {{literal}} }"
    assert fill_thank_you(text, fields(company="", my_name="")) == (
        "At [company], [my_name]: [made_up] {literal} }"
    )


def test_a_subject_keeps_learned_on_its_line() -> None:
    values = fields(("a", "b"))
    assert fill_thank_you("Re: {learned}", values, lists=False) == "Re: a and b"
    assert fill_thank_you("Thanks {learned}", fields(()), lists=False) == ""


def test_values_are_not_filled_in_twice() -> None:
    values = fields(("{company}",))
    assert fill_thank_you("I learned {learned}.", values) == "I learned {company}."


# --- checks and records -------------------------------------------------------------------


def test_linkedin_note_limit() -> None:
    assert LINKEDIN_NOTE_LIMIT == TEMPLATES_LIMIT == 300
    assert linkedin_note_fits("x" * 299)
    assert not linkedin_note_fits("x" * 300)


def test_sent_detail() -> None:
    assert sent_detail("email") == "Thank-you sent by email"
    assert sent_detail("message") == "Thank-you sent as a message"
    assert sent_detail("linkedin") == "Thank-you sent with a LinkedIn connection note"
    assert sent_detail("") == "Thank-you sent"


# --- the bundled templates ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> TemplateSet:
    return load_thank_you_templates(bundled_templates_dir())


def test_bundled_thank_you_templates_load_apart_from_outreach(bundled: TemplateSet) -> None:
    assert bundled.problems == ()
    assert tuple(t.id for t in bundled.templates) == BUNDLED_THANK_YOU_IDS
    path = bundled_templates_dir() / "thank_you.yaml"
    assert all((t.kind, t.path, t.bundled) == (THANK_YOU, path, True) for t in bundled.templates)
    assert [t.channel for t in bundled.templates] == ["email", "message", "linkedin"]
    outreach = load_templates(bundled_templates_dir())
    assert outreach.problems == ()
    assert tuple(t.id for t in outreach.templates) == OUTREACH_IDS
    assert all(t.kind == "outreach" for t in outreach.templates)


def test_bundled_file_documents_the_format() -> None:
    text = (bundled_templates_dir() / "thank_you.yaml").read_text(encoding="utf-8")
    header = text.split("\nkind: thank_you\n")[0]
    for name in (*THANK_YOU_PLACEHOLDERS, "kind: thank_you", "channel", "subject", "300"):
        assert name in header, name


@pytest.mark.parametrize(
    ("picked", "introduced"),
    [
        (("Learn SQL window functions", "Frame the postdoc as project management"), ("Jane",)),
        (("Learn SQL window functions",), ()),
        ((), ("Jane Doe", "Li Wei")),
        ((), ()),
    ],
)
def test_every_bundled_template_reads_well(
    bundled: TemplateSet, picked: tuple[str, ...], introduced: tuple[str, ...]
) -> None:
    values = fields(picked, introduced)
    for template in bundled.templates:
        text = render_thank_you(template, values)
        assert not re.findall(r"\[\w+\]", text), text
        assert "\n\n\n" not in text, text
        assert text == text.strip(), text
        assert text.startswith("Hi Maya,"), text
        assert text.endswith("Sam Rivera"), text
        assert ("Learn SQL window functions" in text) == bool(picked)
        assert ("Li Wei" in text) == ("Li Wei" in introduced) or template.channel == "linkedin"
        if template.channel == "linkedin":
            assert linkedin_note_fits(text), text
        subject = render_thank_you_subject(template, values)
        assert bool(subject) == (template.channel == "email")


def test_the_bundled_email_reads_well(bundled: TemplateSet) -> None:
    template = bundled.get("thank-you-email")
    assert template is not None
    values = fields(("Learn SQL window functions", "Frame the postdoc"), ("Jane Doe",))
    assert render_thank_you_subject(template, values) == "Thank you for your time yesterday"
    assert render_thank_you(template, values) == (
        "Hi Maya,\n\n"
        "Thank you for taking the time to talk with me yesterday. It was generous of you, and I "
        "came away with a much clearer picture of the work at Lumen Analytics.\n\n"
        "What I'm taking with me:\n"
        "- Learn SQL window functions\n"
        "- Frame the postdoc\n\n"
        "Thank you also for suggesting I reach out to Jane Doe.\n\n"
        "I'll let you know how things go. Thanks again,\n"
        "Sam Rivera"
    )


# --- user templates -----------------------------------------------------------------------


def thank_you_file(template_id: str, body: str = "Thanks {first_name}, {learned}!") -> str:
    return (
        f"kind: thank_you\ntemplates:\n  - id: {template_id}\n    title: Mine\n"
        f"    channel: message\n    body: {body}\n"
    )


def test_a_user_file_overrides_a_bundled_thank_you_by_id_and_adds_new_ones(
    tmp_path: Path,
) -> None:
    user = tmp_path / "templates"
    path = write(
        user,
        "mine.yaml",
        thank_you_file("thank-you-email", "Thanks {first_name}!")[:-1]
        + "\n  - id: quick\n    title: Quick\n    body: Thanks, {my_name}\n",
    )
    write(
        user, "outreach.yaml", "templates:\n  - id: thank-you-email\n    title: O\n    body: Hi\n"
    )
    loaded = load_thank_you_templates(bundled_templates_dir(), user)
    assert loaded.problems == ()
    assert tuple(t.id for t in loaded.templates) == (*BUNDLED_THANK_YOU_IDS, "quick")
    assert loaded.get("thank-you-email") == Template(
        "thank-you-email", "Mine", "message", "", "Thanks {first_name}!", path, False, THANK_YOU
    )
    # The file without a kind holds outreach templates, as it always did: each kind has its
    # own ids, so the same id there is no clash.
    outreach = load_templates(bundled_templates_dir(), user)
    assert outreach.problems == ()
    assert tuple(t.id for t in outreach.templates) == (*OUTREACH_IDS, "thank-you-email")


def test_a_broken_thank_you_file_is_reported_once_and_skipped(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    role_text = thank_you_file("thank-you-email", "Thanks {first_name}, as a {role}!")
    role = write(user, "a-role.yaml", role_text)
    syntax = write(user, "b-syntax.yaml", "kind: thank_you\ntemplates: [\n")
    kind_text = "kind: thanks\n" + thank_you_file("typo")[len("kind: thank_you\n") :]
    kind = write(user, "c-kind.yaml", kind_text)
    write(user, "d-good.yaml", thank_you_file("good"))

    thanks = load_thank_you_templates(bundled_templates_dir(), user)
    known = ", ".join(f"{{{name}}}" for name in THANK_YOU_PLACEHOLDERS)
    assert [str(p) for p in thanks.problems] == [
        f"{role}:{line_of(role_text, '{role}')}: unknown placeholder {{role}} in the body "
        f"(known: {known})"
    ]
    assert tuple(t.id for t in thanks.templates) == (*BUNDLED_THANK_YOU_IDS, "good")
    bundled_email = thanks.get("thank-you-email")
    assert bundled_email is not None
    assert bundled_email.bundled

    # A file whose kind cannot be read is the outreach loader's to report, so the app, which
    # shows both lists, shows each problem once.
    outreach = load_templates(bundled_templates_dir(), user)
    reported = [str(p) for p in outreach.problems]
    assert [p.split(": ")[0] for p in reported] == [
        f"{syntax}:2",
        f"{kind}:1",
        f"{kind}:5",
        f"{kind}:6",
    ]
    assert reported[1] == f"{kind}:1: kind must be one of outreach, thank_you, not 'thanks'"
    assert "channel must be one of email, linkedin, not 'message'" in reported[2]
    assert "unknown placeholder {learned}" in reported[3]
    assert tuple(t.id for t in outreach.templates) == OUTREACH_IDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kind: thank_you\ntemplates:\n  - id: x\n    title: T\n    channel: message\n"
            "    subject: S\n    body: Hi\n",
            ":6: subject is only for email templates",
        ),
        (
            "kind: thank_you\ntemplates:\n  - id: x\n    title: T\n    channel: sms\n"
            "    body: Hi\n",
            ":5: channel must be one of email, message, linkedin, not 'sms'",
        ),
        (
            "kind: thank_you\ntemplates:\n  - id: x\n    title: T\n    channel: linkedin\n"
            "    body: " + "a" * 300 + " {learned}\n",
            ":6: a LinkedIn note must be under 300 characters; this one has 301 before the "
            "placeholders are filled in",
        ),
        (
            "kind: thank_you\ntemplates:\n  - id: x\n    title: T\n    body: Hi {how_found}\n",
            ":5: unknown placeholder {how_found} in the body",
        ),
        ("kind: [thank_you]\ntemplates:\n  - id: x\n    title: T\n    body: Hi\n", ":1: kind"),
    ],
)
def test_thank_you_mistakes_are_located(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "t.yaml", text)
    with pytest.raises(FileProblems) as caught:
        load_template_file(path)
    problems = [str(problem) for problem in caught.value.problems]
    assert any(p.startswith(f"{path}{expected}") for p in problems), problems


def test_outreach_placeholders_stay_outreach_only(tmp_path: Path) -> None:
    path = write(
        tmp_path, "t.yaml", "templates:\n  - id: x\n    title: T\n    body: 'Hi {learned}'\n"
    )
    with pytest.raises(FileProblems) as caught:
        load_template_file(path)
    (problem,) = caught.value.problems
    assert "unknown placeholder {learned}" in str(problem)
    assert "{learned}" not in ", ".join(PLACEHOLDERS)


def test_referred_in_call_keeps_those_saved_from_its_start_to_the_next_call() -> None:
    from datetime import UTC, datetime

    from informa.domain.thanks import referred_in_call

    def at(day: int) -> datetime:
        return datetime(2026, 11, day, 12, tzinfo=UTC)

    saved = [("Before", at(1)), ("First", at(10)), ("Later", at(12)), ("Second", at(20))]
    assert referred_in_call(saved, at(10), [at(10), at(15)]) == ["First", "Later"]
    assert referred_in_call(saved, at(15), [at(10), at(15)]) == ["Second"]
    assert referred_in_call(saved, None, [at(10)]) == []
