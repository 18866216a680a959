"""Outreach templates: the bundled ones, user files and their mistakes, and filling them in."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from informa.demo.sample import CONTACTS
from informa.domain.errors import FileProblems
from informa.domain.model import Contact, Source
from informa.domain.outreach import word_count
from informa.templates import (
    LINKEDIN_NOTE_LIMIT,
    PLACEHOLDERS,
    TEMPLATES_DIRNAME,
    Template,
    TemplateSet,
    bundled_templates_dir,
    check_rendered,
    load_template_file,
    load_templates,
    outreach_fields,
    render,
    render_subject,
    user_templates_dir,
)
from tests.builders import make_contact

MY_NAME = "Sam Rivera"
MY_BACKGROUND = "a postdoc in computational biology exploring data science roles"
BUNDLED_IDS = (
    "alumni",
    "referral",
    "linkedin-connection-note",
    "event-follow-up",
    "cold",
    "association",
)
# The bundled template written for each way of finding someone.
TEMPLATE_FOR_SOURCE = {
    Source.ALUMNI: "alumni",
    Source.REFERRAL: "referral",
    Source.LINKEDIN: "linkedin-connection-note",
    Source.EVENT: "event-follow-up",
    Source.COLD: "cold",
    Source.ASSOCIATION: "association",
    Source.COMMUNITY: "linkedin-connection-note",
    Source.OTHER: "cold",
}


def person(
    name: str = "Maya Okafor",
    *,
    role: str = "Senior Data Scientist",
    company: str = "Lumen Analytics",
    source: Source = Source.ALUMNI,
    referred_by_name: str = "",
) -> Contact:
    """Maya Okafor, found through the alumni network (unless told otherwise)."""
    referrer = 2 if referred_by_name else None
    return make_contact(
        1,
        name,
        role=role,
        company=company,
        source=source,
        referred_by_id=referrer,
        referred_by_name=referred_by_name,
    )


def demo_contacts() -> list[Contact]:
    names = {sample["key"]: sample["name"] for sample in CONTACTS}
    return [
        person(
            sample["name"],
            role=sample["role"],
            company=sample["company"] or "",
            source=Source(sample["source"]),
            referred_by_name=names[sample["referred_by"]] if sample["referred_by"] else "",
        )
        for sample in CONTACTS
    ]


def fields_for(contact: Contact) -> dict[str, str]:
    return outreach_fields(contact, your_name=MY_NAME, your_background=MY_BACKGROUND)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    (line,) = [n for n, row in enumerate(text.splitlines(), start=1) if needle in row][:1]
    return line


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_template_file(path)
    return [str(problem) for problem in caught.value.problems]


def one_template(template_id: str, title: str = "Mine", body: str = "Hi {first_name}!") -> str:
    return f"templates:\n  - id: {template_id}\n    title: {title}\n    body: |\n      {body}\n"


# --- the bundled templates ----------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> TemplateSet:
    return load_templates(bundled_templates_dir())


def test_bundled_templates_load_without_problems(bundled: TemplateSet) -> None:
    assert bundled.problems == ()
    assert tuple(t.id for t in bundled.templates) == BUNDLED_IDS
    assert all(t.bundled for t in bundled.templates)
    assert all(t.path == bundled_templates_dir() / "outreach.yaml" for t in bundled.templates)
    assert TEMPLATES_DIRNAME == "templates"
    assert user_templates_dir(Path("/cfg")) == Path("/cfg/templates")


def test_bundled_channels_and_subjects(bundled: TemplateSet) -> None:
    note = bundled.get("linkedin-connection-note")
    assert note is not None
    assert (note.channel, note.subject) == ("linkedin", "")
    emails = [t for t in bundled.templates if t.channel == "email"]
    assert len(emails) == 5
    assert all(t.subject for t in emails)
    assert bundled.get("no-such-template") is None


def test_bundled_file_documents_the_format() -> None:
    text = (bundled_templates_dir() / "outreach.yaml").read_text(encoding="utf-8")
    header = text.split("\ntemplates:\n")[0]
    for name in (*PLACEHOLDERS, "channel", "subject", "{{", "300"):
        assert name in header, name


@pytest.mark.parametrize("contact", demo_contacts(), ids=lambda c: c.name)
def test_every_bundled_template_passes_the_checks_for_every_demo_contact(
    bundled: TemplateSet, contact: Contact
) -> None:
    fields = fields_for(contact)
    allowed = set() if contact.company_name else {"[company]"}
    for template in bundled.templates:
        text = render(template, fields)
        # Every placeholder is filled, except a company the contact does not have.
        assert set(re.findall(r"\[\w+\]", text)) <= allowed, text
        checks = check_rendered(template, text)
        errors = [(c.rule, c.message) for c in checks if c.level == "error"]
        assert errors == [], (template.id, text)
        assert word_count(text) <= 75, (template.id, text)
        if template.channel == "linkedin":
            assert len(text) < LINKEDIN_NOTE_LIMIT, text
            assert "linkedin-length" in {c.rule for c in checks}
        assert set(re.findall(r"\[\w+\]", render_subject(template, fields))) <= allowed


@pytest.mark.parametrize("contact", demo_contacts(), ids=lambda c: c.name)
def test_the_template_for_each_source_passes_every_check(
    bundled: TemplateSet, contact: Contact
) -> None:
    template = bundled.get(TEMPLATE_FOR_SOURCE[contact.source])
    assert template is not None
    text = render(template, fields_for(contact))
    not_ok = [(c.rule, c.message) for c in check_rendered(template, text) if c.level != "ok"]
    assert not_ok == [], text


def test_bundled_alumni_template_reads_well(bundled: TemplateSet) -> None:
    template = bundled.get("alumni")
    assert template is not None
    text = render(template, fields_for(person("Dr. Maya Okafor")))
    assert text.startswith("Hi Maya,\n\nI found you through our alumni network")
    assert "Senior Data Scientist at Lumen Analytics" in text
    assert text.endswith("Thank you,\nSam Rivera")


# --- user templates -----------------------------------------------------------------------


def test_a_user_template_replaces_a_bundled_one_and_adds_new_ones(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    path = write(
        user,
        "mine.yaml",
        "templates:\n"
        "  - id: alumni\n"
        "    title: My alumni note\n"
        "    body: Hi {first_name}, a fellow alum here!\n"
        "  - id: thanks\n"
        "    title: Thank you\n"
        "    channel: linkedin\n"
        "    body: Thanks {first_name}!\n",
    )
    loaded = load_templates(bundled_templates_dir(), user)
    assert loaded.problems == ()
    assert tuple(t.id for t in loaded.templates) == (*BUNDLED_IDS, "thanks")
    alumni = loaded.get("alumni")
    assert alumni == Template(
        "alumni", "My alumni note", "email", "", "Hi {first_name}, a fellow alum here!", path, False
    )
    thanks = loaded.get("thanks")
    assert thanks is not None
    assert (thanks.channel, thanks.bundled) == ("linkedin", False)


def test_a_missing_user_folder_is_not_a_problem(tmp_path: Path) -> None:
    loaded = load_templates(bundled_templates_dir(), tmp_path / "nowhere")
    assert loaded.problems == ()
    assert len(loaded.templates) == len(BUNDLED_IDS)


def test_broken_user_files_are_reported_and_the_others_still_load(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    tab_text = "templates:\n\t- id: tabbed\n"
    tab = write(user, "a-tab.yaml", tab_text)
    colour_text = one_template("colour", body="Hi {first_name}, is {favourite_colour} yours?")
    colour = write(user, "b-colour.yaml", colour_text)
    no_body_text = "templates:\n  - id: no-body\n    title: No body\n"
    no_body = write(user, "c-no-body.yaml", no_body_text)
    twice_text = one_template("twice") + "  - id: twice\n    title: Again\n    body: Hi!\n"
    twice = write(user, "d-twice.yaml", twice_text)
    unknown_text = one_template("unknown-key") + "    sender: me\n"
    unknown = write(user, "e-unknown.yaml", unknown_text)
    channel_text = one_template("sms") + "    channel: sms\n"
    channel = write(user, "f-channel.yaml", channel_text)
    write(user, "g-good.yaml", one_template("good"))
    write(user, "notes.txt", "not a template file")

    loaded = load_templates(bundled_templates_dir(), user)

    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    assert [str(problem) for problem in loaded.problems] == [
        f"{tab}:2: indented with a tab: YAML indentation must use spaces",
        f"{colour}:{line_of(colour_text, 'favourite')}: unknown placeholder "
        f"{{favourite_colour}} in the body (known: {known})",
        f"{no_body}:2: a template is missing 'body'",
        f"{twice}:6: duplicate template id 'twice' (first used on line 2)",
        f"{unknown}:{line_of(unknown_text, 'sender')}: unknown key 'sender' in a template "
        "(known keys: body, channel, id, subject, title)",
        f"{channel}:{line_of(channel_text, 'channel: sms')}: "
        "channel must be one of email, linkedin, not 'sms'",
    ]
    assert tuple(t.id for t in loaded.templates) == (*BUNDLED_IDS, "good")


def test_the_same_id_in_two_user_files_is_a_problem(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    first = write(user, "a.yaml", one_template("mine", "First"))
    second = write(user, "b.yaml", one_template("other") + one_template("mine")[11:])
    loaded = load_templates(bundled_templates_dir(), user)
    assert [str(p) for p in loaded.problems] == [
        f"{second}:6: template id 'mine' is already used by {first}"
    ]
    mine = loaded.get("mine")
    assert mine is not None
    assert mine.title == "First"
    assert loaded.get("other") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("templates: []\n", ":1: templates must list at least one template"),
        ("- id: x\n", ":1: the file must be a mapping of 'key: value' lines"),
        ("templates:\n  - id: x\n", ":2: a template is missing 'title'"),
        (
            "templates:\n  - id: Bad_Id\n    title: T\n    body: B\n",
            ":2: template id 'Bad_Id' must be lowercase letters, digits and dashes "
            "(like 'job-role')",
        ),
        ("templates:\n  - id: x\n    title: T\n    body: ''\n", ":4: body must not be empty"),
        (
            "templates:\n  - id: x\n    title: T\n    body: 'Hi {first_name'\n",
            ":4: a lone '{' in the body: write '{{' for a brace",
        ),
        (
            "templates:\n  - id: x\n    title: T\n    body: 'Hi }'\n",
            ":4: a lone '}' in the body: write '}}' for a brace",
        ),
        (
            "templates:\n  - id: x\n    title: T\n    subject: 'About {school}'\n    body: Hi\n",
            ":4: unknown placeholder {school} in the subject",
        ),
        (
            "templates:\n  - id: x\n    title: T\n    channel: linkedin\n    subject: S\n"
            "    body: Hi\n",
            ":5: subject is only for email templates",
        ),
        (
            "templates:\n  - id: x\n    title: T\n    channel: linkedin\n    body: " + "a" * 300,
            ":5: a LinkedIn note must be under 300 characters; this one has 300 before the "
            "placeholders are filled in",
        ),
        ("templates:\n  - id: x\n    title: T\n    body: [a, b]\n", ":4: body must be text"),
        ("templates:\n  - id: x\n    id: y\n", ":3: duplicate key 'id'"),
        ("templates:\n  - id: x\n    title: T\n    body: B\nextra: 1\n", ":5: unknown key"),
    ],
)
def test_every_mistake_is_located(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "t.yaml", text)
    problems = problems_of(path)
    assert any(p.startswith(f"{path}{expected}") for p in problems), problems


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_file_is_a_problem(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "t.yaml", text)
    assert problems_of(path) == [f"{path}: empty file: it needs a 'templates:' list"]


def test_placeholders_deep_in_a_block_are_located_on_their_own_line(tmp_path: Path) -> None:
    text = (
        "templates:\n"
        "  - id: x\n"
        "    title: T\n"
        "    body: |\n"
        "      Hi {first_name},\n"
        "\n"
        "      I loved {talk}.\n"
        "      Also {talk} and {venue}.\n"
    )
    path = write(tmp_path, "t.yaml", text)
    assert [p.split(": ", 1)[0] for p in problems_of(path)] == [
        f"{path}:7",
        f"{path}:8",
        f"{path}:8",
    ]


def test_load_template_file_returns_the_templates_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", one_template("b") + one_template("a")[11:])
    assert [t.id for t in load_template_file(path)] == ["b", "a"]


# --- filling in ---------------------------------------------------------------------------


def plain(body: str, subject: str = "", channel: str = "email") -> Template:
    return Template("t", "T", channel, subject, body, Path("t.yaml"), False)


def test_missing_values_show_as_markers_never_a_key_error() -> None:
    template = plain("Hi {first_name}, how is {company}? I'm {my_name}. {made_up}")
    text = render(template, {"first_name": "Maya", "company": "  ", "my_name": ""})
    assert text == "Hi Maya, how is [company]? I'm [my_name]. [made_up]"


def test_literal_braces() -> None:
    template = plain("Use {{literal}} braces, {{ and }}, with {first_name}.")
    assert render(template, {"first_name": "Maya"}) == ("Use {literal} braces, { and }, with Maya.")
    assert render(plain("{{{first_name}}}"), {"first_name": "Maya"}) == "{Maya}"


def test_values_are_not_filled_in_twice() -> None:
    assert render(plain("Hi {first_name}"), {"first_name": "{company}"}) == "Hi {company}"


def test_lone_braces_are_kept_as_written() -> None:
    assert render(plain("a } b { c"), {}) == "a } b { c"
    assert render(plain("{ first_name }"), {"first_name": "Maya"}) == "Maya"


def test_render_subject() -> None:
    template = plain("Body", subject="Your work at {company}")
    assert render_subject(template, {"company": "Lumen"}) == "Your work at Lumen"
    assert render_subject(plain("Body"), {"company": "Lumen"}) == ""


def test_check_rendered_warns_when_a_linkedin_note_is_too_long() -> None:
    note = plain("x", channel="linkedin")
    text = "Hi Maya, I found you on LinkedIn. Would you have 20 minutes? " + "a" * 250
    (last,) = check_rendered(note, text)[-1:]
    assert (last.rule, last.level) == ("linkedin-length", "warn")
    assert last.message == f"{len(text)} characters: a LinkedIn note must be under 300"
    assert [c.rule for c in check_rendered(plain("x"), text)] == [
        "length",
        "no-job-ask",
        "connection-first",
        "ask-is-question",
        "time-ask",
    ]


# --- outreach_fields ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "company", "referred_by", "how_found"),
    [
        (Source.LINKEDIN, "Lumen", "", "on LinkedIn"),
        (Source.ALUMNI, "Lumen", "", "through our alumni network"),
        (Source.ASSOCIATION, "Lumen", "", "through our professional association"),
        (Source.ASSOCIATION, "", "", "through our professional association"),
        (Source.EVENT, "Lumen", "", "at a recent event"),
        (Source.COMMUNITY, "Lumen", "", "in an online community we share"),
        (Source.REFERRAL, "Lumen", "Maya Okafor", "through Maya Okafor"),
        (Source.REFERRAL, "Lumen", "", "through a mutual contact"),
        (Source.COLD, "Lumen", "", "while researching Lumen"),
        (Source.COLD, "", "", "while researching your field"),
        (Source.OTHER, "Helix Forge", "", "while researching Helix Forge"),
        (Source.OTHER, "", "", "while researching your field"),
    ],
)
def test_how_found_for_each_source(
    source: Source, company: str, referred_by: str, how_found: str
) -> None:
    contact = person(company=company, source=source, referred_by_name=referred_by)
    assert fields_for(contact)["how_found"] == how_found


def test_every_source_has_a_how_found() -> None:
    for source in Source:
        assert fields_for(person(source=source))["how_found"]


def test_outreach_fields_has_every_placeholder() -> None:
    fields = outreach_fields(
        person("  Dr.  Maya   Okafor ", role=" Senior Data Scientist "),
        your_name=" Sam Rivera ",
        your_background="a postdoc",
    )
    assert fields == {
        "first_name": "Maya",
        "full_name": "Dr. Maya Okafor",
        "company": "Lumen Analytics",
        "role": "Senior Data Scientist",
        "how_found": "through our alumni network",
        "my_name": "Sam Rivera",
        "my_background": "a postdoc",
    }
    assert set(fields) == set(PLACEHOLDERS)


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Maya Okafor", "Maya"),
        ("Dr. Maya Okafor", "Maya"),
        ("dr maya okafor", "maya"),
        ("Prof. Dr. Inés Castillo", "Inés"),
        ("Maya Okafor, PhD", "Maya"),
        ("Cher", "Cher"),
        ("Dr.", "Dr."),
        ("", ""),
        ("   ", ""),
    ],
)
def test_first_name(name: str, first: str) -> None:
    assert fields_for(person(name))["first_name"] == first


def test_unknown_values_render_as_markers_in_a_bundled_template(bundled: TemplateSet) -> None:
    template = bundled.get("cold")
    assert template is not None
    contact = replace(person(source=Source.COLD), role="")
    text = render(template, outreach_fields(contact, your_name="", your_background=""))
    assert "your work as [role] stood out" in text
    assert "I'm [my_name], [my_background]." in text
