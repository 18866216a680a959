"""vCard: export every contact, read cards from address books, refuse broken files clearly."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped
from informa.domain.model import Contact, ContactDraft, Source
from informa.domain.validate import check_contact, clean_line
from informa.interchange.vcard import contact_uid, export_vcards, read_vcards
from informa.store import Store
from tests.builders import NOW, make_contact
from tests.interchange.builders import snapshot_of
from tests.interchange.conftest import FIXTURES


def write(tmp_path: Path, text: str, name: str = "contacts.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def card(*lines: str) -> str:
    return "\r\n".join(("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD")) + "\r\n"


def fields_of(contact: Contact) -> tuple[Any, ...]:
    return (
        contact.name,
        contact.role,
        contact.company_name,
        contact.email,
        contact.linkedin_url,
        contact.location,
        contact.notes,
        contact.tags,
        contact.source,
    )


def fields_read(draft: ContactDraft) -> tuple[Any, ...]:
    return (
        draft.name,
        draft.role,
        draft.company,
        draft.email,
        draft.linkedin_url,
        draft.location,
        draft.notes,
        draft.tags,
        draft.source,
    )


def physical_lines(text: str) -> list[str]:
    assert text.endswith("\r\n")
    return text[: -len("\r\n")].split("\r\n")


def unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


# ---------------------------------------------------------------------------------------------
# Export


def test_export_writes_one_vcard_3_per_contact_that_vobject_reads(demo_store: Store) -> None:
    snapshot = demo_store.exports.snapshot()
    text = export_vcards(snapshot)

    cards = list(vobject.readComponents(text))
    assert len(cards) == len(snapshot.contacts) == 24
    for parsed, contact in zip(cards, snapshot.contacts, strict=True):
        assert parsed.version.value == "3.0"
        assert parsed.fn.value == contact.name
        assert parsed.uid.value == contact_uid(contact.id)
        assert parsed.prodid.value == "-//informa//informa//EN"
        assert parsed.n.value.family == contact.name.split()[-1]
    maya = next(c for c in cards if c.fn.value == "Maya Okafor")
    assert maya.org.value == ["Lumen Analytics"]
    assert maya.title.value == "Senior Data Scientist"
    assert maya.email.value == "maya.okafor@lumenanalytics.example"
    assert maya.email.type_param == "INTERNET"
    assert maya.url.value == "https://www.linkedin.com/in/maya-okafor-phd"
    assert maya.note.value.startswith("Same PhD program, four years ahead.")


def test_export_has_crlf_line_ends_and_folds_lines_at_75_octets(demo_store: Store) -> None:
    accented = make_contact(
        7,
        name="Zoë Ñúñez-Müller",
        role="Directrice scientifique, Génomique & Protéomique",
        notes="é" * 60,  # 65 characters on the line, but 125 octets
        tags=("données",),
    )
    text = export_vcards(snapshot_of(accented)) + export_vcards(demo_store.exports.snapshot())

    lines = physical_lines(text)
    assert "\n" not in "".join(lines)
    assert "\r" not in "".join(lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # long lines were folded, not cut
    assert "NOTE:" + "é" * 60 in unfolded(text)


def test_uids_are_stable_across_exports_and_unique(demo_store: Store) -> None:
    first = export_vcards(demo_store.exports.snapshot())
    maya = demo_store.contacts.find("Maya Okafor")[0]
    demo_store.contacts.update(
        maya.id, ContactDraft(name="Maya Okafor-Reyes", company="Lumen Analytics")
    )
    second = export_vcards(demo_store.exports.snapshot())

    def uids(text: str) -> list[str]:
        return [line[4:] for line in unfolded(text) if line.startswith("UID:")]

    assert len(set(uids(first))) == 24
    assert set(uids(first)) == set(uids(second))
    assert contact_uid(maya.id) in uids(second)
    assert contact_uid(1) != contact_uid(2)


# ---------------------------------------------------------------------------------------------
# Round trip


def test_the_demo_reads_back_field_for_field(demo_store: Store, tmp_path: Path) -> None:
    snapshot = demo_store.exports.snapshot()
    result = read_vcards(write(tmp_path, export_vcards(snapshot)))

    assert result.skipped == ()
    assert result.warnings == ()
    assert [fields_read(c.draft) for c in result.contacts] == [
        fields_of(c) for c in snapshot.contacts
    ]
    assert [c.referred_by for c in result.contacts] == [
        c.referred_by_name for c in snapshot.contacts
    ]
    assert any(c.referred_by for c in result.contacts)


def test_escapes_survive_a_round_trip(tmp_path: Path) -> None:
    awkward = make_contact(
        3,
        name="Ana María de la Cruz, Jr.",
        role="Lead; Data, Science \\ Analytics",
        company_name="Acme, Inc.; Europe",
        email="ana@acme.example",
        linkedin_url="https://ana.example/cv,2026",  # not LinkedIn: kept by its label
        location="Remote (Lisbon; Porto)",
        notes="Line one, with commas; and semicolons.\nLine two: C:\\temp\\n\n\nLast — ✓",
        tags=("c++", "c#", "ml.ops"),
        source=Source.REFERRAL,
    )
    result = read_vcards(write(tmp_path, export_vcards(snapshot_of(awkward))))

    assert [fields_read(c.draft) for c in result.contacts] == [fields_of(awkward)]


TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=80)
NOTES = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"))


@settings(max_examples=150, deadline=None)
@given(
    name=TEXT.filter(lambda text: clean_line(text) != ""),
    role=TEXT,
    company=TEXT,
    notes=NOTES,
    tags=st.lists(TEXT, max_size=4),
    linkedin=st.sampled_from(["", "https://www.linkedin.com/in/ada", "http://x.example/a,b;c"]),
)
def test_any_contact_reads_back_as_it_was_stored(
    name: str, role: str, company: str, notes: str, tags: list[str], linkedin: str
) -> None:
    draft = check_contact(
        ContactDraft(
            name[:200], role, company, linkedin_url=linkedin, notes=notes, tags=tuple(tags)
        )
    )
    stored = make_contact(
        9,
        name=draft.name,
        role=draft.role,
        company_name=draft.company,
        linkedin_url=draft.linkedin_url,
        notes=draft.notes,
        tags=draft.tags,
    )
    text = export_vcards(snapshot_of(stored))
    assert max(len(line.encode("utf-8")) for line in physical_lines(text)) <= 75

    result = outcome(text)

    assert isinstance(result, ReadResult)
    (person,) = result.contacts

    expected = replace(stored, notes=stored.notes if stored.notes.strip() else "")
    assert fields_read(person.draft) == fields_of(expected)


def test_an_archived_contact_is_exported_too(tmp_path: Path) -> None:
    archived = make_contact(4, name="Old Friend", archived=True)
    result = read_vcards(write(tmp_path, export_vcards(snapshot_of(archived))))
    assert [c.draft.name for c in result.contacts] == ["Old Friend"]


def test_round_trip_into_the_same_database_creates_no_one(
    demo_store: Store, tmp_path: Path
) -> None:
    path = write(tmp_path, export_vcards(demo_store.exports.snapshot()))

    report = demo_store.imports.merge(read_vcards(path))

    assert report.created == []
    assert report.updated == []
    assert report.skipped == []
    assert report.unchanged == 24
    assert demo_store.contacts.count() == 24


def test_round_trip_into_an_empty_database_creates_everyone(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    write_demo_database(demo, clock=fixed_clock(NOW))
    source = Store.open(demo, clock=fixed_clock(NOW))
    try:
        snapshot = source.exports.snapshot()
    finally:
        source.close()
    path = write(tmp_path, export_vcards(snapshot))

    empty = Store.open(tmp_path / "new" / "informa.db", clock=fixed_clock(NOW), create_folder=True)
    try:
        report = empty.imports.merge(read_vcards(path))
        copied = empty.exports.snapshot()
    finally:
        empty.close()

    assert len(report.created) == 24
    assert report.skipped == []
    assert [fields_of(c) for c in copied.contacts] == [fields_of(c) for c in snapshot.contacts]
    assert [c.referred_by_name for c in copied.contacts] == [
        c.referred_by_name for c in snapshot.contacts
    ]


# ---------------------------------------------------------------------------------------------
# Address books


def test_an_apple_contacts_export() -> None:
    result = read_vcards(FIXTURES / "apple_contacts.vcf")

    maya, tomas = result.contacts
    assert maya == IncomingContact(
        draft=ContactDraft(
            name="Maya Okafor",
            role="Senior Data Scientist",
            company="Lumen Analytics",
            email="maya.okafor@lumenanalytics.example",  # the preferred one of two
            linkedin_url="http://www.linkedin.com/in/maya-okafor-phd",  # X-SOCIALPROFILE
            location="Oakland, CA, United States",
            tags=("alumni", "data-science"),
            notes="Met at the ISMB career panel, 2025. Happy to review a résumé.\n"
            "Prefers email.\n\nWeb: https://lumenanalytics.example/team/maya",
        ),
        line=1,
    )
    assert tomas.line == 26
    assert fields_read(tomas.draft) == (
        "Tomás Herrera",
        "Consultant, Life Sciences",
        "Brightline Partners",
        "tomas.herrera@brightline-partners.example",
        "https://www.linkedin.com/in/tomasherrera",  # a LinkedIn address, whatever its label
        "Boston, MA",
        "",
        (),
        Source.OTHER,
    )
    assert result.skipped == (Skipped(39, "Helix Forge Bio", "a company card, not a person"),)
    assert result.warnings == ()


def test_a_google_contacts_export_with_folded_lines_and_escapes() -> None:
    result = read_vcards(FIXTURES / "google_contacts.vcf")

    ines, priya = result.contacts
    assert ines.line == 1
    assert ines.draft.role == "Research Scientist II; Translational Biology"
    assert ines.draft.company == "Varenne Pharmaceuticals, Inc."
    assert ines.draft.linkedin_url == "https://www.linkedin.com/in/ines-castillo-compbio"
    assert ines.draft.location == "Cambridge, MA, US"
    assert ines.draft.notes == (
        "Moved from Helix Forge to Varenne in 2024, leads the single-cell group; asked for "
        "30 minutes instead of 20. She is on Eastern time – confirm the slot the day before."
        "\n\nWeb: https://ines.example/research"
    )
    assert ines.draft.tags == ("pharma", "single-cell")  # not Google's "myContacts"
    assert (priya.line, priya.draft.name, priya.draft.company) == (
        26,
        "Priya Nair",  # from N: the card has no FN
        "Lumen Analytics",
    )
    assert result.skipped == (
        Skipped(19, "someone.unnamed@example.com", "no name (the card has no FN or N)"),
    )


def test_a_vcard_4_file() -> None:
    result = read_vcards(FIXTURES / "contacts_v4.vcf")

    (rachel,) = result.contacts
    assert rachel.draft.email == "rachel@fieldnotestudio.example"  # PREF=1
    assert rachel.draft.linkedin_url == "https://www.linkedin.com/in/rachel-adeyemi-uxr"
    assert rachel.draft.location == "San Francisco, CA, USA"
    assert result.skipped == (Skipped(16, "Fieldnote Studio", "a company card, not a person"),)


def test_a_vcard_2_1_file_with_quoted_printable() -> None:
    result = read_vcards(FIXTURES / "outlook_v21.vcf")

    (jurgen,) = result.contacts
    assert jurgen.draft.name == "Jürgen Müller"
    assert jurgen.draft.email == "juergen.mueller@cedarridge-lab.test"
    assert jurgen.draft.notes == (
        "Met at the microbiome workshop, Knoxville. Asked me to send the preprint; "
        "follow up in März."
    )


def test_addresses_that_are_not_web_or_email_are_left_out_with_a_warning() -> None:
    result = read_vcards(FIXTURES / "bad_urls.vcf")

    (sofia,) = result.contacts
    assert sofia.draft.linkedin_url == "https://www.linkedin.com/in/sofia-marchetti-ds"
    assert sofia.draft.email == ""
    assert sofia.draft.notes == ""
    assert result.warnings == (
        "line 5 (Sofia Marchetti): left out the email address 'sofia at terraloop' "
        "(not an email address)",
        "line 6 (Sofia Marchetti): left out the URL 'ftp://files.terraloop.example/sofia' "
        "(not a web address: http or https)",
        "line 7 (Sofia Marchetti): left out the URL 'javascript:alert(1)' "
        "(not a web address: http or https)",
    )


def test_a_name_too_long_is_skipped_with_the_reason(tmp_path: Path) -> None:
    path = write(tmp_path, card("FN:" + "A" * 300) + card("FN:Ada Lovelace"))

    result = read_vcards(path)

    assert [c.draft.name for c in result.contacts] == ["Ada Lovelace"]
    assert result.skipped == (Skipped(1, "A" * 60, "A name is longer than 200 characters"),)


def test_blank_lines_and_lf_line_ends_keep_line_numbers_right(tmp_path: Path) -> None:
    text = "\n\nBEGIN:VCARD\nFN:Ada Love\n lace\n\nEND:VCARD\n\n\nBEGIN:VCARD\nFN:Grace\nEND:VCARD"

    result = read_vcards(write(tmp_path, text))

    assert [(c.line, c.draft.name) for c in result.contacts] == [
        (3, "Ada Lovelace"),
        (10, "Grace"),
    ]


def test_a_comma_left_unescaped_is_part_of_the_text(tmp_path: Path) -> None:
    text = card(
        "FN:Chen, Wei",
        "TITLE:Director, Data Science",
        "ORG:Acme, Inc.;Research, Europe",
        "NOTE:Met at ISMB, great chat",
        "CATEGORIES:biotech, ml",
    )
    (person,) = read_vcards(write(tmp_path, text)).contacts
    assert fields_read(person.draft)[:3] == ("Chen, Wei", "Director, Data Science", "Acme, Inc.")
    assert person.draft.notes == "Met at ISMB, great chat"
    assert person.draft.tags == ("biotech", "ml")


def test_source_comes_from_informa_own_property_only(tmp_path: Path) -> None:
    text = card("FN:Ada", "X-INFORMA-SOURCE:alumni") + card("FN:Bo", "X-INFORMA-SOURCE:fax")
    drafts = [c.draft for c in read_vcards(write(tmp_path, text)).contacts]
    assert [d.source for d in drafts] == [Source.ALUMNI, Source.OTHER]


# ---------------------------------------------------------------------------------------------
# Broken files


def test_a_file_cut_short_names_the_card_that_has_no_end() -> None:
    path = FIXTURES / "cut_short.vcf"
    with pytest.raises(BadFileError) as caught:
        read_vcards(path)
    assert str(caught.value) == (
        f"{path}:7: the vCard that starts here has no END:VCARD (the file is cut short?)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "name,email\r\nAda,ada@example.com\r\n",
            "not a vCard file (there is no BEGIN:VCARD line)",
        ),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            "this is an iCalendar file (.ics), not a vCard file",
        ),
        (
            "BEGIN:VCARD\r\nFN:Ada\r\nBEGIN:VCARD\r\nFN:Bo\r\nEND:VCARD\r\n",
            "1: the vCard that starts here has no END:VCARD before the next BEGIN:VCARD on line 3",
        ),
        (
            "Contacts exported 2026-11-20\r\nBEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n",
            "1: expected BEGIN:VCARD, found 'Contacts exported 2026-11-20'",
        ),
        (
            card("FN:Ada") + "END:VCARD\r\n",
            "5: END:VCARD without a BEGIN:VCARD before it",
        ),
        (
            card("FN:Ada", "TEL type=cell +1 555 0100"),
            "4: not a vCard property (NAME:value expected): 'TEL type=cell +1 555 0100'",
        ),
        (
            card("FN:Ada", "BEGIN:VEVENT", "END:VEVENT"),
            "4: unexpected 'BEGIN:VEVENT' inside the vCard that starts on line 1",
        ),
        (
            card("FN;CHARSET=klingon;ENCODING=QUOTED-PRINTABLE:=C3=A9"),
            "3: cannot decode this quoted-printable value: "
            "'FN;CHARSET=klingon;ENCODING=QUOTED-PRIN…'",
        ),
        (
            card("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=FF=FE"),
            "3: cannot decode this quoted-printable value: "
            "'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTA…'",
        ),
    ],
)
def test_a_broken_file_raises_one_line_naming_the_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(BadFileError) as caught:
        read_vcards(path)
    separator = ":" if message[0].isdigit() else ": "
    assert str(caught.value) == f"{path}{separator}{message}"
    assert "\n" not in str(caught.value)


def test_a_line_that_would_stall_vobject_is_refused_at_once(tmp_path: Path) -> None:
    # vobject's content-line pattern takes minutes on this (exponential in the commas).
    path = write(tmp_path, card("FN:Ada", "X-TRAP;A=" + "," * 60 + 'x"'))
    with pytest.raises(BadFileError, match=r":4: not a vCard property"):
        read_vcards(path)


def test_files_that_are_not_text_are_refused_as_not_vcards(tmp_path: Path) -> None:
    pdf = tmp_path / "contacts.vcf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(BadFileError, match=r"this is a PDF document, not a vCard file$"):
        read_vcards(pdf)
    with pytest.raises(BadFileError, match=r"no such file$"):
        read_vcards(tmp_path / "missing.vcf")


# ---------------------------------------------------------------------------------------------
# Anything at all: a ReadResult or a BadFileError, never another exception

FRAGMENTS = st.sampled_from(
    [
        "BEGIN:VCARD",
        "END:VCARD",
        "VERSION:3.0",
        "VERSION:2.1",
        "FN:Ada Lovelace",
        "N:Lovelace;Ada;;;",
        "N:;;;;",
        "ORG:Acme\\, Inc.;R&D",
        "EMAIL;TYPE=INTERNET,pref:ada@example.com",
        "EMAIL;PREF=x:not an email",
        "URL:javascript:alert(1)",
        "item1.URL:https\\://www.linkedin.com/in/ada",
        "item1.X-ABLabel:LinkedIn",
        "X-SOCIALPROFILE;type=linkedin:x-apple:ada",
        "ADR;TYPE=WORK:;;;London;;;UK",
        "ADR:;;;;;;;;;;",
        "CATEGORIES:a,b\\,c,,",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:caf=C3=A9 =",
        "NOTE;ENCODING=QUOTED-PRINTABLE:=",
        "FN;CHARSET=latin-1;ENCODING=QUOTED-PRINTABLE:=E9",
        "FN;ENCODING=QUOTED-PRINTABLE;ENCODING=8BIT:x",
        'X-A;B="c:d";E=f,g:h',
        "KIND:org",
        " continued",
        "\tcontinued",
        "",
        ":",
        ";;;",
        "BEGIN:VEVENT",
        "PHOTO;ENCODING=b:!!!notbase64",
        "X-INFORMA-SOURCE:linkedin",
        "X-INFORMA-REFERRED-BY:",
    ]
)
LINES = st.lists(st.one_of(FRAGMENTS, FRAGMENTS, st.text(max_size=30)), max_size=25)
ENDS = st.sampled_from(["\r\n", "\n", "\r"])


def outcome(text: str | bytes) -> ReadResult | BadFileError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.vcf"
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        try:
            return read_vcards(path)
        except BadFileError as problem:
            return problem


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES, end=ENDS)
def test_any_text_gives_people_or_one_clear_error(lines: list[str], end: str) -> None:
    result = outcome(end.join(lines))
    if isinstance(result, BadFileError):
        assert str(result).startswith(str(Path(tempfile.gettempdir())))
        assert "\n" not in str(result)
    else:
        for person in result.contacts:
            assert person.draft.name.strip()
            assert person.line >= 1


SAMPLE = export_vcards(
    snapshot_of(
        make_contact(1, name="Ada Lovelace", company_name="Engines, Ltd.", notes="a\nb; c"),
        make_contact(2, name="Zoë Müller", linkedin_url="https://www.linkedin.com/in/zoe"),
    )
)


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(0, len(SAMPLE)), extra=st.text(max_size=10), keep=st.integers(0, 40))
def test_an_export_cut_or_damaged_anywhere_reads_or_fails_clearly(
    cut: int, extra: str, keep: int
) -> None:
    result = outcome(SAMPLE[:cut] + extra + SAMPLE[cut + keep :] if keep else SAMPLE[:cut])
    if isinstance(result, ReadResult):
        assert len(result.contacts) + len(result.skipped) <= 3


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_people_or_one_clear_error(data: bytes) -> None:
    outcome(b"BEGIN:VCARD\r\n" + data)
    outcome(data)


def test_the_export_depends_on_the_data_only(demo_store: Store) -> None:
    contact = demo_store.exports.snapshot().contacts[0]
    later = replace(contact, updated_at=contact.updated_at + timedelta(days=1))
    assert export_vcards(snapshot_of(contact)) == export_vcards(snapshot_of(contact))
    assert export_vcards(snapshot_of(later)) == export_vcards(snapshot_of(contact)).replace(
        "REV:20261120T153000Z", "REV:20261121T153000Z"
    )
