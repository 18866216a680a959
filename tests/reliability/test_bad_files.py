"""Hand-made bad files, each refused with the exact message a user would read.

Every reader informa has for a file the user hands it (a question bank, the settings, a
contacts CSV, LinkedIn's ``Connections.csv``, a vCard, the database) is given files that are
wrong in the ways real files are: tabs, a bad indent, a duplicate id, a wrong type, an unknown
key, no header, binary, another encoding, only a header, cut in half, empty. The whole message
is compared (``==``, the temporary path included), and the file must be byte for byte what it
was: reading never writes.

Database files are opened through ``Store.open`` and through the command line
(``informa --db FILE agenda``: exit status 1, nothing on standard output, one
``informa: ...`` line on standard error).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from informa.banks import load_bank_file
from informa.cli import main
from informa.demo import write_demo_database
from informa.domain.errors import DatabaseFileError, InformaError
from informa.interchange.contacts_csv import read_csv
from informa.interchange.linkedin import read_connections
from informa.interchange.vcard import read_vcards
from informa.settings import Settings, load_settings
from informa.store import Store

# -- what each reader says --------------------------------------------------------------------


def bank(path: Path) -> str:
    try:
        load_bank_file(path)
    except InformaError as exc:
        return str(exc)
    raise AssertionError("the bank loaded")


def settings(path: Path) -> str:
    """Settings never fail: a bad value is a problem and its default is used."""
    loaded, problems = load_settings(path)
    assert loaded == Settings()
    return "\n".join(str(problem) for problem in problems)


def reader(read: Callable[[Path], object]) -> Callable[[Path], str]:
    def message(path: Path) -> str:
        try:
            read(path)
        except InformaError as exc:
            return str(exc)
        raise AssertionError(f"{read.__name__} read the file")

    message.__name__ = read.__name__
    return message


contacts_csv = reader(read_csv)
linkedin = reader(read_connections)
vcard = reader(read_vcards)

# -- the files --------------------------------------------------------------------------------

BANK = """\
id: mine
title: My questions
topics:
  - id: craft
    title: The craft
    questions:
      - id: day
        text: What does a typical day look like?
      - id: tools
        text: Which tools do you use?
"""
KNOWN_BANK_KEYS = "description, id, title, topics"
KNOWN_SETTINGS = (
    "call_minutes, call_panel, check_in_weeks, follow_up_cadence, holidays, interview_goal, keys, "
    "thank_you_hours, theme, your_background, your_name"
)
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "ORG:Analytical Engines\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEND:VCARD\r\n"
)
NOT_UTF8 = "not UTF-8 text (byte 0xe9); save the file as UTF-8 and try again"
LAUGHS = "".join(
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10) if level else 'ha, ha'}]\n"
    for level in range(7)
)


@dataclass(frozen=True)
class Bad:
    read: Callable[[Path], str]
    name: str
    content: bytes
    message: str
    """The whole message; ``{path}`` is the file's path."""


def text(value: str) -> bytes:
    return value.encode("utf-8")


CASES = {
    # question banks
    "bank indented with a tab": Bad(
        bank,
        "mine.yaml",
        text(BANK.replace("      - id: tools", "\t- id: tools")),
        "{path}:9: indented with a tab: YAML indentation must use spaces",
    ),
    "bank with a bad indent": Bad(
        bank,
        "mine.yaml",
        text(BANK.replace("        text: What", "       text: What")),
        "{path}:8: bad indentation or structure "
        "(expected <block end>, but found '<block mapping start>')",
    ),
    "bank with a question id used twice": Bad(
        bank,
        "mine.yaml",
        text(BANK.replace("id: tools", "id: day")),
        "{path}:9: duplicate question id 'day' in topic 'craft' (first used on line 7)",
    ),
    "bank with questions: 5": Bad(
        bank,
        "mine.yaml",
        text(BANK.split("    questions:")[0] + "    questions: 5\n"),
        "{path}:6: questions must be a list ('- item' lines)",
    ),
    "bank with an unknown top-level key": Bad(
        bank,
        "mine.yaml",
        text("colour: blue\n" + BANK),
        f"{{path}}:1: unknown key 'colour' in the bank (known keys: {KNOWN_BANK_KEYS})",
    ),
    "bank that is empty": Bad(
        bank, "mine.yaml", b"", "{path}: empty file: a bank needs id, title and topics"
    ),
    "bank in Latin-1": Bad(
        bank,
        "mine.yaml",
        BANK.replace("typical", "typ\xefcal").encode("latin-1"),
        "{path}: not UTF-8 text (invalid continuation byte)",
    ),
    "bank with a NUL character": Bad(
        bank,
        "mine.yaml",
        text(BANK.replace("Which", "Wh\x00ich")),
        "{path}:10: invalid YAML: the character U+0000 is not allowed",
    ),
    "bank with !!int on an empty value": Bad(
        bank,
        "mine.yaml",
        text(BANK + "        priority: !!int ''\n"),
        "{path}:11: priority must be a whole number, not str ''",
    ),
    "bank with an alias to itself": Bad(
        bank,
        "mine.yaml",
        text(BANK.replace("topics:\n", "topics: &all\n  - *all\n")),
        "{path}:3: an alias refers to a value that contains it (a loop)",
    ),
    "bank of aliases that expand a billion times": Bad(
        bank, "mine.yaml", text(LAUGHS), "{path}: more than 100000 values once aliases are expanded"
    ),
    "bank nested 600 deep": Bad(
        bank,
        "mine.yaml",
        text("[" * 600 + "]" * 600),
        "{path}: invalid YAML: nested too deeply",
    ),
    # the settings: a problem each, and the defaults
    "settings indented with a tab": Bad(
        settings,
        "settings.yaml",
        b"keys:\n\tquit: ctrl+x\n",
        "{path}:2: indented with a tab: YAML indentation must use spaces",
    ),
    "settings with an unknown key": Bad(
        settings,
        "settings.yaml",
        b"colour: blue\n",
        f"{{path}}:1: unknown key 'colour' in the settings (known keys: {KNOWN_SETTINGS})",
    ),
    "settings with a wrong type": Bad(
        settings,
        "settings.yaml",
        b"call_minutes: soon\n",
        "{path}:1: call_minutes must be a whole number, not str 'soon'",
    ),
    "settings that are empty": Bad(settings, "settings.yaml", b"", ""),
    "settings with an alias to itself": Bad(
        settings,
        "settings.yaml",
        b"keys: &k\n  quit: *k\n",
        "{path}:1: an alias refers to a value that contains it (a loop)",
    ),
    # informa's contacts CSV
    "contacts CSV with no header": Bad(
        contacts_csv,
        "contacts.csv",
        b"Ada Lovelace,ada@example.org\r\nGrace Hopper,grace@example.org\r\n",
        '{path}: no header row with a "name" column found (is this a contacts CSV?)',
    ),
    "contacts CSV that is binary": Bad(
        contacts_csv,
        "contacts.csv",
        bytes(range(256)),
        "{path}: this is a binary file, not a contacts CSV",
    ),
    "contacts CSV in Latin-1": Bad(
        contacts_csv,
        "contacts.csv",
        "name,company\r\nJosé García,Acme\r\n".encode("latin-1"),
        f"{{path}}:2: {NOT_UTF8}",
    ),
    "contacts CSV with only a header": Bad(
        contacts_csv,
        "contacts.csv",
        b"name,company,email\r\n",
        "{path}: the header is there but no contacts follow",
    ),
    "contacts CSV that is empty": Bad(
        contacts_csv, "contacts.csv", b"", "{path}: the file is empty, not a contacts CSV"
    ),
    # LinkedIn's Connections.csv
    "LinkedIn CSV with no header": Bad(
        linkedin,
        "Connections.csv",
        b"Ada,Lovelace,,,Analytical Engines,,14 Feb 2023\r\n",
        "{path}: no header row with First Name, Last Name and Company found; "
        "is this LinkedIn's Connections.csv?",
    ),
    "LinkedIn export still zipped": Bad(
        linkedin,
        "Connections.csv",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "{path}: this is a zip archive (a spreadsheet or an export still zipped?), "
        "not LinkedIn's Connections.csv",
    ),
    "LinkedIn CSV in Latin-1": Bad(
        linkedin,
        "Connections.csv",
        (LINKEDIN_HEADER + "Jos\xe9,Garc\xeda,,,Acme,,\r\n").encode("latin-1"),
        f"{{path}}:2: {NOT_UTF8}",
    ),
    "LinkedIn CSV with only a header": Bad(
        linkedin,
        "Connections.csv",
        text(LINKEDIN_HEADER),
        "{path}: the header is there but no connections follow",
    ),
    "LinkedIn CSV that is empty": Bad(
        linkedin,
        "Connections.csv",
        b"\r\n  \r\n",
        "{path}: the file is empty, not LinkedIn's Connections.csv",
    ),
    # vCard
    "vCard cut in half": Bad(
        vcard,
        "people.vcf",
        text(VCARDS[: len(VCARDS) // 2]),
        "{path}:1: the vCard that starts here has no END:VCARD (the file is cut short?)",
    ),
    "vCard cut in its second card": Bad(
        vcard,
        "people.vcf",
        text(VCARDS[: len(VCARDS) - 30]),
        "{path}:8: the vCard that starts here has no END:VCARD (the file is cut short?)",
    ),
    "vCard that is empty": Bad(
        vcard, "people.vcf", b"", "{path}: the file is empty, not a vCard file"
    ),
    "vCard that is a PDF": Bad(
        vcard,
        "people.vcf",
        b"%PDF-1.7\n%\xe2\xe3",
        "{path}: this is a PDF document, not a vCard file",
    ),
    "vCard in UTF-16": Bad(
        vcard,
        "people.vcf",
        VCARDS.encode("utf-16"),
        "{path}: the file is UTF-16; save it as UTF-8 and try again",
    ),
    "vCard in Latin-1": Bad(
        vcard,
        "people.vcf",
        VCARDS.replace("Ada Lovelace", "Adé Lovelace").encode("latin-1"),
        f"{{path}}:3: {NOT_UTF8}",
    ),
    "vCard with a line that is not a property": Bad(
        vcard,
        "people.vcf",
        text(VCARDS.replace("EMAIL:ada@example.org", "just some words")),
        "{path}:6: not a vCard property (NAME:value expected): 'just some words'",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bad_file_is_refused_with_its_exact_message(case: Bad, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)

    assert case.read(path) == case.message.format(path=path)
    assert path.read_bytes() == case.content
    assert sorted(tmp_path.iterdir()) == [path]


# -- databases --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real informa database (the demo), as bytes: each case damages a copy."""
    path = tmp_path_factory.mktemp("demo") / "informa.db"
    write_demo_database(path)
    return path.read_bytes()


def cut_in_half(demo: bytes, path: Path) -> None:
    path.write_bytes(demo[: len(demo) // 2])


def from_a_newer_informa(demo: bytes, path: Path) -> None:
    path.write_bytes(demo)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "INSERT INTO schema_migration (name, applied) VALUES (?, ?)",
            ("9999_from_the_future", "2031-01-01 00:00:00"),
        )


def not_sqlite(demo: bytes, path: Path) -> None:
    path.write_bytes(b"Contacts\nAda Lovelace, ada@example.org\n")


def another_programs(demo: bytes, path: Path) -> None:
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, file TEXT)")
        db.execute("INSERT INTO photo (file) VALUES ('beach.jpg')")


def only_the_header(demo: bytes, path: Path) -> None:
    path.write_bytes(demo[:16])


UNCHANGED = "The file was not changed."
DATABASES = {
    "not SQLite": (not_sqlite, "{path}: not an informa database (the file is not SQLite)"),
    "cut in half": (
        cut_in_half,
        f"{{path}}: not a usable informa database (database disk image is malformed). {UNCHANGED}",
    ),
    "only the SQLite header": (
        only_the_header,
        f"{{path}}: not a usable informa database (file is not a database). {UNCHANGED}",
    ),
    "from a newer informa": (
        from_a_newer_informa,
        "{path}: written by a newer version of informa (unknown schema migration "
        f"9999_from_the_future); upgrade informa to open it. {UNCHANGED}",
    ),
    "another program's SQLite database": (
        another_programs,
        "{path}: a SQLite database, but not an informa one (it has other tables); "
        f"choose another file with --db. {UNCHANGED}",
    ),
}


@pytest.mark.parametrize(("make", "message"), DATABASES.values(), ids=DATABASES.keys())
def test_a_bad_database_is_refused_and_left_as_it_was(
    make: Callable[[bytes, Path], None], message: str, demo_bytes: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "informa.db"
    make(demo_bytes, path)
    before = path.read_bytes()
    expected = message.format(path=path)

    with pytest.raises(DatabaseFileError) as refused:
        Store.open(path)
    assert str(refused.value) == expected

    result = CliRunner().invoke(main, ["--db", str(path), "agenda"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"informa: {expected}\n")

    assert path.read_bytes() == before
    # SQLite's read-only look at a WAL database may leave its shared-memory index and an empty
    # log beside it; neither holds data.
    beside = {p.name: p.stat().st_size for p in tmp_path.iterdir() if p != path}
    assert set(beside) <= {"informa.db-wal", "informa.db-shm"}
    assert beside.get("informa.db-wal", 0) == 0


@pytest.mark.slow  # the real informa in a pseudo-terminal
@pytest.mark.parametrize(
    ("make", "message"),
    [DATABASES["cut in half"], DATABASES["from a newer informa"]],
    ids=["cut in half", "from a newer informa"],
)
def test_the_app_in_a_terminal_refuses_a_bad_database_with_one_line(
    make: Callable[[bytes, Path], None],
    message: str,
    demo_bytes: bytes,
    tmp_path: Path,
    isolated_dirs: dict[str, Path],
) -> None:
    """The app opens its database after the first frame; a file it refuses still ends it
    with status 1 and the reason on one line, printed once the terminal is restored."""
    from tests.reliability.test_kill_mid_call import DEADLINE, TerminalApp, wait_for

    path = tmp_path / "informa.db"
    make(demo_bytes, path)
    before = path.read_bytes()
    app = TerminalApp(path)
    try:
        assert app.process.wait(timeout=DEADLINE) == 1
        expected = f"informa: {message.format(path=path)}"
        wait_for("the reason", lambda: expected in " ".join(app.text().split()))
        assert "Traceback" not in app.text()
    finally:
        app.close()
    assert path.read_bytes() == before
