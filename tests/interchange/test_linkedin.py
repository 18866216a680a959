"""LinkedIn's Connections.csv: the reader, the merge into the database, and the command."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from informa.cli import main
from informa.domain.errors import BadFileError
from informa.domain.incoming import IncomingContact
from informa.domain.model import ActivityKind, Source
from informa.interchange.linkedin import parse_connected_on, read_connections
from informa.store import Store
from tests.interchange.conftest import FIXTURES

REAL = FIXTURES / "linkedin_connections.csv"
OLD = FIXTURES / "linkedin_old.csv"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def test_the_real_export_with_its_preamble_is_read_from_the_header_on() -> None:
    raw = REAL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n")  # the quirks this test is about
    result = read_connections(REAL)
    people: dict[str, IncomingContact] = {}
    for person in result.contacts:  # Priya is in the file twice: keep the first
        people.setdefault(person.draft.name, person)
    assert list(people) == [
        "Priya Raman",
        "Tomás Okafor",
        "Lena Fischer",
        "Sam Lee",
        "Ada Nwosu",
        "Marco Rossi",
    ]
    priya = people["Priya Raman"]
    assert priya.line == 5
    assert priya.draft.company == "Genentech"
    assert priya.draft.role == "Senior Scientist"
    assert priya.draft.linkedin_url == "https://www.linkedin.com/in/priya-raman-4b1a2c"
    assert priya.draft.email == ""
    assert priya.draft.source is Source.LINKEDIN
    assert priya.connected_on == date(2023, 2, 14)
    assert people["Tomás Okafor"].draft.company == "Acme, Inc."
    assert people["Tomás Okafor"].draft.email == "tomas.okafor@example.org"
    assert people["Tomás Okafor"].connected_on == date(2021, 2, 3)
    lena = people["Lena Fischer"]  # padded with spaces; quotes and commas inside quotes
    assert lena.draft.company == 'The "Lab" Company'
    assert lena.draft.role == "Head of R&D, Europe"
    sam = people["Sam Lee"]  # a position with a line break inside the quotes
    assert sam.draft.role == "Engineering Manager Payments Platform"
    assert people["Ada Nwosu"].line == 10  # the line count goes on after the two-line row


def test_rows_it_cannot_use_are_reported_with_their_line() -> None:
    result = read_connections(REAL)
    assert [str(item) for item in result.skipped] == ["line 11: no name"]
    assert result.warnings == (
        "line 10 (Ada Nwosu): 'javascript:alert(1)' is not a web address (http or https); left out",
        "line 13 (Marco Rossi): '31 Feb 2023' is not a date; connection date left out",
    )
    people = {person.draft.name: person for person in result.contacts}
    assert people["Ada Nwosu"].draft.linkedin_url == ""
    assert people["Marco Rossi"].connected_on is None


def test_older_exports_without_a_url_column() -> None:
    result = read_connections(OLD)
    assert [(p.draft.name, p.draft.company, p.connected_on) for p in result.contacts] == [
        ("Wei Zhang", "Illumina", date(2019, 6, 12)),
        ("Grace Hopper", "US Navy", date(2018, 1, 1)),
    ]
    assert result.contacts[1].draft.email == "grace@example.com"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 Feb 2023", date(2023, 2, 14)),
        ("3 Feb 2021", date(2021, 2, 3)),
        ("03-Feb-21", date(2021, 2, 3)),
        ("1 September 2022", date(2022, 9, 1)),
        ("2023-02-14", date(2023, 2, 14)),
        ("29 Feb 2024", date(2024, 2, 29)),
        ("29 Feb 2023", None),
        ("14 Fév 2023", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_connection_dates(text: str, expected: date | None) -> None:
    assert parse_connected_on(text) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n%binary", "this is a PDF document, not LinkedIn's Connections.csv"),
        (b"PK\x03\x04zipped", "this is a zip archive"),
        (b"\x00\x01\x02\x03" * 10, "this is a binary file, not LinkedIn's Connections.csv"),
        (b"", "the file is empty, not LinkedIn's Connections.csv"),
        (HEADER.encode("utf-16"), "the file is UTF-16; save it as UTF-8 and try again"),
        (b"name,email\nAda,ada@example.com\n", "no header row with First Name, Last Name"),
        (HEADER.encode() + b"\r\n\r\n", "the header is there but no connections follow"),
        (HEADER.encode() + b"\nJos\xe9,Garc\xeda,,,,,\n", "f.csv:2: not UTF-8 text (byte 0xe9)"),
        (
            HEADER.encode() + b'\nAda,Lo,,,"Acme\nBob,Smith,,,Co,,\nCy,Po,,,Co,,\n',
            "f.csv:2: a quote opened in this row is never closed",
        ),
    ],
)
def test_files_that_are_not_connections_are_refused_in_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    with pytest.raises(BadFileError) as caught:
        read_connections(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


# -- property tests: the reader never fails in any other way, and keeps every value -------


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_any_text_gives_people_or_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        read_connections(path)
    except BadFileError as exc:
        assert str(exc).startswith(str(path))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_after_a_real_header_gives_people_or_one_clear_error(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "any.csv"
    path.write_text(f"{HEADER}\r\n{text}", encoding="utf-8", newline="")
    try:
        result = read_connections(path)
    except BadFileError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert all(person.draft.name for person in result.contacts)


_cell = st.text(
    # Printable text: controls and format characters (U+202A…) are dropped on the way in,
    # which tests/reliability/test_hostile_text.py covers; here the text must come back.
    alphabet=st.characters(exclude_categories=["C"]),
    max_size=30,
)
_row = st.tuples(
    _cell.filter(lambda s: s.strip() != ""),
    _cell,
    _cell,
    _cell,
    st.dates(date(2003, 5, 5), date(2040, 12, 31)),  # LinkedIn opened in May 2003
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_row, min_size=1, max_size=8), crlf=st.booleans(), bom=st.booleans())
def test_whatever_linkedin_writes_is_read_back(
    tmp_path: Path,
    rows: list[tuple[str, str, str, str, date]],
    crlf: bool,
    bom: bool,
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    out.write('Notes:\n"A paragraph, with ""quotes"", \nand a line break."\n\n')
    writer.writerow(HEADER.split(","))
    for first, last, company, position, day in rows:
        writer.writerow([first, last, "", "", company, position, day.strftime("%d %b %Y")])
    path = tmp_path / "c.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode())
    result = read_connections(path)
    assert not result.skipped
    got = [(p.draft.name, p.draft.company, p.draft.role, p.connected_on) for p in result.contacts]
    folded = " ".join
    assert got == [
        (folded(f"{a} {b}".split()), folded(c.split()), folded(d.split()), day)
        for a, b, c, d, day in rows
    ]


# -- into the database ------------------------------------------------------------------


def test_importing_creates_contacts_companies_and_connection_dates(empty_store: Store) -> None:
    report = empty_store.imports.merge(read_connections(REAL))
    assert report.created == [
        "Priya Raman",
        "Tomás Okafor",
        "Lena Fischer",
        "Sam Lee",
        "Ada Nwosu",
        "Marco Rossi",
    ]
    assert report.companies_created == 5
    assert [str(s) for s in report.skipped] == [
        "line 11: no name",
        "line 12 (Priya Raman): the same person as line 5",
    ]
    (priya,) = empty_store.contacts.find("priya raman")
    assert priya.company_name == "Genentech"
    assert priya.source is Source.LINKEDIN
    timeline = empty_store.activities.timeline(priya.id)
    assert [(a.kind, a.at.date(), a.detail) for a in timeline] == [
        (ActivityKind.CONNECTED, date(2023, 2, 14), "Connected on LinkedIn")
    ]
    assert priya.last_interaction_at is not None
    assert priya.last_interaction_at.date() == date(2023, 2, 14)
    assert [hit.title for hit in empty_store.search.search("genentech")] == [
        "Genentech",
        "Priya Raman",
    ]


def test_importing_the_same_file_again_adds_nothing(empty_store: Store) -> None:
    empty_store.imports.merge(read_connections(REAL))
    before = empty_store.exports.snapshot()
    again = empty_store.imports.merge(read_connections(REAL))
    assert again.created == []
    assert again.updated == []
    assert again.unchanged == 7
    assert empty_store.exports.snapshot() == before


def test_duplicates_merge_by_profile_url_then_by_name_and_company(
    empty_store: Store, tmp_path: Path
) -> None:
    empty_store.imports.merge(read_connections(REAL))
    later = tmp_path / "later.csv"
    later.write_text(
        f"{HEADER}\n"
        # the same profile (no www, a trailing slash), now with an email and a new name
        "Priya,Raman-Iyer,http://linkedin.com/in/priya-raman-4b1a2c/,priya@example.org,"
        "Genentech,Principal Scientist,14 Feb 2023\n"
        # no URL in the old row: matched by name and company (case-insensitive)
        "marco,ROSSI,https://www.linkedin.com/in/marco-rossi,,,,\n"
        # same name, another company: another person
        "Sam,Lee,,,Google,Engineer,\n",
        encoding="utf-8",
    )
    report = empty_store.imports.merge(read_connections(later))
    assert report.updated == ["Priya Raman"]
    assert report.unchanged == 1
    assert report.created == ["Sam Lee"]
    (priya,) = empty_store.contacts.find("Priya Raman")
    assert priya.email == "priya@example.org"  # gained what was missing
    assert priya.role == "Senior Scientist"  # what was there is never overwritten
    assert len(empty_store.contacts.find("Sam Lee")) == 2


def test_a_dry_run_reports_exactly_and_writes_nothing(empty_store: Store) -> None:
    dry = empty_store.imports.merge(read_connections(REAL), dry_run=True)
    assert empty_store.contacts.count() == 0
    assert empty_store.companies.all() == []
    real = empty_store.imports.merge(read_connections(REAL))
    assert dry.summary() == real.summary().replace("created", "would be created", 1).replace(
        "updated", "would be updated", 1
    )
    assert (dry.created, dry.skipped, dry.warnings) == (real.created, real.skipped, real.warnings)


def test_an_import_that_fails_half_way_changes_nothing(demo_store: Store, tmp_path: Path) -> None:
    before = demo_store.exports.snapshot()
    path = tmp_path / "big.csv"
    rows = [f"Person,{n},,,Company {n % 7},Role,1 Jan 2024" for n in range(1200)]
    path.write_text("\n".join([HEADER, *rows]), encoding="utf-8")
    result = read_connections(path)

    def crash(done: int, total: int) -> None:
        if done >= 500:
            raise RuntimeError("the machine went to sleep")

    with pytest.raises(RuntimeError):
        demo_store.imports.merge(result, progress=crash)
    assert demo_store.exports.snapshot() == before
    assert demo_store.search.search('"Company 3"') == []


def test_progress_is_reported_up_to_the_total(empty_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("\n".join([HEADER, *(f"P,{n},,,,,," for n in range(600))]), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    empty_store.imports.merge(read_connections(path), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(250, 600), (500, 600), (600, 600)]


# -- the command ------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_command_prints_a_summary_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "informa.db"
    code, out, _ = run("--db", str(db), "import", "linkedin", str(REAL), "--dry-run")
    assert code == 0
    assert out.splitlines()[0] == (
        "Dry run into a new database: 6 would be created, 0 would be updated, "
        "0 already there, 2 skipped, 5 new companies"
    )
    assert "  skipped line 11: no name" in out
    assert out.rstrip().endswith("Dry run: nothing was written.")
    assert not db.exists()
    code, out, _ = run("--db", str(db), "import", "linkedin", str(REAL))
    assert code == 0
    assert out.startswith(f"Imported into {db}: 6 created, 0 updated, 0 already there")
    code, out, _ = run("--db", str(db), "import", "linkedin", str(REAL))
    assert "0 created, 0 updated, 7 already there" in out
    assert db.stat().st_mode & 0o777 == 0o600


def test_the_command_refuses_a_bad_file_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "informa.db"
    pdf = tmp_path / "Connections.csv"
    pdf.write_bytes(b"%PDF-1.4\n")
    code, out, err = run("--db", str(db), "import", "linkedin", str(pdf))
    assert code == 1
    assert err == f"informa: {pdf}: this is a PDF document, not LinkedIn's Connections.csv\n"
    assert out == ""
    assert not db.exists()
