"""informa's contacts CSV: export, read back, formula neutralisation, messy and bad files."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.errors import BadFileError
from informa.domain.incoming import IncomingContact, ReadResult, Skipped
from informa.domain.model import Contact, Source, Stage
from informa.domain.validate import clean_line, normalize_tags
from informa.interchange.contacts_csv import COLUMNS, export_csv, read_csv
from informa.store import Store
from tests.builders import NOW, make_contact
from tests.interchange.builders import snapshot_of
from tests.interchange.conftest import FIXTURES

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TYPED = ("source", "stage", "next_action_due", "check_in_weeks")  # never start with a trigger
TEXT_COLUMNS = [column for column in COLUMNS if column not in TYPED]


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write(tmp_path: Path, text: str, name: str = "contacts.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def as_read(contact: Contact) -> dict[str, Any]:
    """What reading a contact's row back must give."""
    return {
        "name": contact.name,
        "company": contact.company_name,
        "role": contact.role,
        "email": contact.email,
        "linkedin_url": contact.linkedin_url,
        "location": contact.location,
        "source": contact.source,
        "tags": contact.tags,
        "notes": contact.notes,
        "check_in_weeks": contact.check_in_weeks,
        "stage": contact.stage,
        "next_action": contact.next_action,
        "next_action_due": contact.next_action_due,
        "referred_by": contact.referred_by_name if contact.referred_by_id is not None else "",
    }


def read_back(item: IncomingContact) -> dict[str, Any]:
    draft = item.draft
    return {
        "name": draft.name,
        "company": draft.company,
        "role": draft.role,
        "email": draft.email,
        "linkedin_url": draft.linkedin_url,
        "location": draft.location,
        "source": draft.source,
        "tags": draft.tags,
        "notes": draft.notes,
        "check_in_weeks": draft.check_in_weeks,
        "stage": item.stage,
        "next_action": item.next_action,
        "next_action_due": item.next_action_due,
        "referred_by": item.referred_by,
    }


# --- export --------------------------------------------------------------------------------


def test_export_of_the_demo_has_the_header_and_a_row_per_contact(demo_store: Store) -> None:
    snapshot = demo_store.exports.snapshot()
    text = export_csv(snapshot)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    assert text.endswith("\r\n")
    rows = rows_of(text)
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + 24 == 1 + len(snapshot.contacts)
    assert all(len(row) == len(COLUMNS) for row in rows)
    by_name = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    daniel = by_name["Daniel Cho"]
    assert daniel["referred_by"] == "Maya Okafor"
    assert daniel["stage"] == "in_touch"
    assert daniel["source"] == "referral"
    assert daniel["tags"] == "biotech; bioinformatics; pipelines"
    assert daniel["next_action_due"] == "2026-11-18"
    assert not any(cell.startswith(TRIGGERS) for row in rows for cell in row)


def test_export_can_start_with_a_byte_order_mark_for_excel(demo_store: Store) -> None:
    snapshot = demo_store.exports.snapshot()
    assert export_csv(snapshot, bom=True) == "\ufeff" + export_csv(snapshot)


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("column", TEXT_COLUMNS)
def test_every_cell_that_starts_with_a_trigger_is_neutralised(trigger: str, column: str) -> None:
    field = {"company": "company_name", "referred_by": "referred_by_name"}.get(column, column)
    value = f"{trigger}cmd|' /C calc'!A0"
    fields: dict[str, Any] = {"referred_by_id": 2} if column == "referred_by" else {}
    fields[field] = tuple(value.split("; ")) if column == "tags" else value
    row = rows_of(export_csv(snapshot_of(make_contact(**fields))))[1]
    assert row[COLUMNS.index(column)] == f"'{value}"


def test_a_formula_name_and_bulleted_notes_are_neutralised() -> None:
    contact = make_contact(name='=HYPERLINK("http://x")', notes="- first\n- second")
    text = export_csv(snapshot_of(contact))
    assert text.splitlines()[1].startswith('"\'=HYPERLINK(""http://x"")",')
    row = rows_of(text)[1]
    assert row[0] == '\'=HYPERLINK("http://x")'
    assert row[COLUMNS.index("notes")] == "'- first\n- second"


def test_cells_already_starting_with_quotes_keep_them_through_a_round_trip(
    tmp_path: Path,
) -> None:
    contact = make_contact(name="'=already quoted", role="'plain", notes="''-two quotes")
    text = export_csv(snapshot_of(contact))
    row = rows_of(text)[1]
    assert row[0] == "''=already quoted"
    assert row[COLUMNS.index("role")] == "'plain"
    (item,) = read_csv(write(tmp_path, text)).contacts
    assert read_back(item) == as_read(contact)


# --- round trip ----------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True])
def test_export_then_read_gives_back_every_demo_contact(
    demo_store: Store, tmp_path: Path, bom: bool
) -> None:
    snapshot = demo_store.exports.snapshot()
    result = read_csv(write(tmp_path, export_csv(snapshot, bom=bom)))
    assert result.skipped == ()
    assert result.warnings == ()
    assert [item.line for item in result.contacts] == list(range(2, 26))
    assert [read_back(item) for item in result.contacts] == [
        as_read(contact) for contact in snapshot.contacts
    ]
    assert sum(1 for item in result.contacts if item.referred_by) == 6


def test_export_read_and_merge_into_an_empty_database(tmp_path: Path) -> None:
    demo_path = tmp_path / "demo.db"
    write_demo_database(demo_path, clock=fixed_clock(NOW))
    demo = Store.open(demo_path, clock=fixed_clock(NOW))
    try:
        before = demo.exports.snapshot()
    finally:
        demo.close()
    result = read_csv(write(tmp_path, export_csv(before)))

    store = Store.open(tmp_path / "new.db", clock=fixed_clock(NOW))
    try:
        first = store.imports.merge(result)
        second = store.imports.merge(result)
        after = store.exports.snapshot()
    finally:
        store.close()
    assert len(first.created) == 24
    assert first.skipped == []
    assert first.warnings == []
    assert len(second.created) == 0
    assert second.unchanged == 24
    assert [as_read(contact) for contact in after.contacts] == [
        as_read(contact) for contact in before.contacts
    ]


# --- reading files people made -------------------------------------------------------------


def test_a_spreadsheet_file_with_bom_crlf_labels_and_quoted_cells() -> None:
    result = read_csv(FIXTURES / "contacts_excel.csv")
    assert result.skipped == ()
    assert result.warnings == ()
    ada, charles, formula = result.contacts
    assert ada.line == 2
    assert ada.draft.name == "Ada Lovelace"
    assert ada.draft.company == "Analytical Engines, Ltd"
    assert ada.draft.role == 'Lead "poet" of science'
    assert ada.draft.source is Source.ALUMNI
    assert ada.stage is Stage.REACHED_OUT
    assert ada.draft.tags == ("math", "history")
    assert ada.draft.check_in_weeks == 4
    assert ada.next_action == "Send the notes"
    assert ada.next_action_due == date(2026, 12, 1)
    assert ada.draft.notes == "First line\r\nsecond line, with a comma"
    assert charles.line == 4  # Ada's notes take two lines
    assert charles.draft.source is Source.LINKEDIN
    assert charles.stage is Stage.IN_TOUCH
    assert charles.referred_by == "Ada Lovelace"
    assert charles.draft.notes == "- a bullet, kept"
    assert formula.line == 5
    assert formula.draft.name == '=HYPERLINK("http://x")'
    assert formula.draft.notes == "=1+2"
    assert formula.stage is Stage.PROSPECT


def test_a_hand_made_file_with_a_title_reordered_and_unknown_columns_and_bad_values() -> None:
    result = read_csv(FIXTURES / "contacts_handmade.csv")
    grace, katherine = result.contacts
    assert grace.line == 5
    assert grace.draft.name == "Grace Hopper"
    assert grace.draft.company == "Navy"
    assert grace.draft.notes == "Met at the meetup.\nFollow up in spring."
    assert grace.stage is Stage.INTERVIEWED
    assert (grace.draft.email, grace.draft.linkedin_url) == ("", "")
    assert grace.draft.source is Source.OTHER
    assert grace.draft.check_in_weeks is None
    assert grace.next_action_due is None
    assert katherine.line == 9
    assert katherine.draft.linkedin_url == "https://nasa.example/kj"
    assert katherine.draft.email == "kj@nasa.example"
    assert katherine.draft.check_in_weeks == 104
    assert katherine.draft.source is Source.EVENT
    assert katherine.stage is None  # unknown: new contacts start as Prospect
    assert katherine.next_action_due == date(2027, 1, 15)
    assert result.skipped == (Skipped(7, "", "no name"),)
    assert result.warnings == (
        "unknown columns ignored: 'Favourite colour'",
        "line 5 (Grace Hopper): 'grace@' is not an email address; left out",
        "line 5 (Grace Hopper): 'javascript:alert(1)' is not a web address (http or https); "
        "left out",
        "line 5 (Grace Hopper): source 'carrier pigeon' is not one informa knows; "
        "imported as Other",
        "line 5 (Grace Hopper): check_in_weeks 'two' is not a whole number from 1 to 104; left out",
        "line 5 (Grace Hopper): next_action_due '2026-13-01' is not a date (YYYY-MM-DD); left out",
        "line 9 (Katherine Johnson): stage 'Orbiting' is not one informa knows; "
        "a new contact starts as Prospect",
    )


def test_only_a_name_column_is_needed_and_cells_are_trimmed(tmp_path: Path) -> None:
    path = write(tmp_path, "name\n  Ada   Lovelace  \n\n\nAlan Turing\n")
    result = read_csv(path)
    assert [(item.line, item.draft.name) for item in result.contacts] == [
        (2, "Ada Lovelace"),
        (5, "Alan Turing"),
    ]
    assert result.warnings == ()


def test_a_repeated_column_uses_the_first(tmp_path: Path) -> None:
    path = write(tmp_path, "name,role,Role\nAda,Poet,Countess\n")
    result = read_csv(path)
    assert result.contacts[0].draft.role == "Poet"
    assert result.warnings == ("the column 'Role' appears twice; the first is used",)


def test_an_address_urlsplit_cannot_parse_is_left_out(tmp_path: Path) -> None:
    result = read_csv(write(tmp_path, "name,linkedin_url\nAda,http://[bad\n"))
    assert result.contacts[0].draft.linkedin_url == ""
    assert result.warnings == (
        "line 2 (Ada): 'http://[bad' is not a web address (http or https); left out",
    )


# --- bad files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is a PDF document, not a contacts CSV"),
        (b"name\x00\x01\x02\x03", "this is a binary file, not a contacts CSV"),
        (
            "name,company\nRen\xe9e,Acme\n".encode("latin-1"),
            "not UTF-8 text (byte 0xe9); save the file as UTF-8 and try again",
        ),
        (
            b"first,last\nAda,Lovelace\n",
            'no header row with a "name" column found (is this a contacts CSV?)',
        ),
        (b"Name,Company,Role\r\n\r\n,,\r\n", "the header is there but no contacts follow"),
        (b"", "the file is empty, not a contacts CSV"),
        (b"\xef\xbb\xbf \r\n", "the file is empty, not a contacts CSV"),
    ],
    ids=["pdf", "binary", "latin-1", "no-header", "header-only", "empty", "bom-only"],
)
def test_bad_files_are_refused_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(data)
    with pytest.raises(BadFileError) as caught:
        read_csv(path)
    line = ":2" if "latin-1" in message or "UTF-8" in message else ""
    assert str(caught.value) == f"{path}{line}: {message}"


def test_a_quote_never_closed_is_a_bad_file_not_a_lost_rest(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,company\nAda,"Acme\nBob,Co\nCy,Co\n')
    with pytest.raises(BadFileError) as caught:
        read_csv(path)
    assert str(caught.value) == (
        f"{path}:2: a quote opened in this row is never closed "
        "(the rest of the file would be one cell)"
    )


def test_a_cell_too_long_for_the_csv_module_is_a_bad_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,notes\nAda,"' + "x" * 200_000 + '"\n')
    with pytest.raises(BadFileError) as caught:
        read_csv(path)
    assert str(caught.value).startswith(f"{path}:2: not a readable CSV row (field larger")


# --- properties ----------------------------------------------------------------------------

cell_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["name", "Name", "notes", "stage", "http://[x", "2026-02-30", "'=", "-", '"', ","]
)
csv_like = st.lists(
    st.lists(cell_text, max_size=6).map(lambda cells: ",".join(cells)), max_size=8
).map(lambda lines: "\r\n".join(lines))


def _read_or_refuse(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        path.write_bytes(data)
        try:
            result = read_csv(path)
        except BadFileError as exc:
            assert "\n" not in str(exc).removeprefix(str(path))
            return
        assert isinstance(result, ReadResult)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")) | csv_like)
def test_any_text_reads_or_is_refused_as_a_bad_file(text: str) -> None:
    _read_or_refuse(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.binary())
def test_any_bytes_read_or_are_refused_as_a_bad_file(data: bytes) -> None:
    _read_or_refuse(data)


def _one_line(*, min_size: int = 0) -> st.SearchStrategy[str]:
    text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
    return text.map(clean_line).filter(lambda value: len(value) >= min_size)


contacts = st.builds(
    make_contact,
    name=_one_line(min_size=1) | st.sampled_from(['=HYPERLINK("http://x")', "-", "'@me"]),
    role=_one_line(),
    company_name=_one_line(),
    email=st.sampled_from(["", "ada@example.org", "-x@y.example", "=a@b.example"]),
    linkedin_url=st.sampled_from(["", "https://www.linkedin.com/in/ada", "http://x.example/-"]),
    location=_one_line(),
    source=st.sampled_from(list(Source)),
    stage=st.sampled_from(list(Stage)),
    tags=st.lists(_one_line(), max_size=4).map(normalize_tags),
    notes=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"))
    | st.sampled_from(["\r", "\t- x", "'\r\n'", "a\rb\r\nc\n", '"', "'"]),
    next_action=_one_line(),
    next_action_due=st.none() | st.dates(),
    check_in_weeks=st.none() | st.integers(1, 104),
    referred_by_id=st.none() | st.just(99),
    referred_by_name=_one_line(min_size=1),
)


@pytest.mark.slow  # 200 examples, each an export and a read back
@settings(max_examples=200, deadline=None)
@given(st.lists(contacts, min_size=1, max_size=4), st.booleans())
def test_any_values_round_trip_exactly(people: list[Contact], bom: bool) -> None:
    text = export_csv(snapshot_of(*people), bom=bom)
    assert not any(cell.startswith(TRIGGERS) for row in rows_of(text) for cell in row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        path.write_bytes(text.encode("utf-8"))
        result = read_csv(path)
    assert result.skipped == ()
    assert result.warnings == ()
    assert [read_back(item) for item in result.contacts] == [as_read(p) for p in people]


def test_nul_characters_are_dropped_on_export(tmp_path: Path) -> None:
    contact = make_contact(name="Ada\x00", notes="a\x00b")
    result = read_csv(write(tmp_path, export_csv(snapshot_of(contact))))
    assert (result.contacts[0].draft.name, result.contacts[0].draft.notes) == ("Ada", "ab")
