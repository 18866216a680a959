"""Import and export from the command palette, driven as a user types."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, ProgressBar, Static

from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.transfer import TransferScreen
from tests.interchange.conftest import FIXTURES

from .helpers import AppFactory, settle, showing, typed

SIZE = (120, 40)


async def open_palette_command(pilot: Pilot[Any], title: str) -> TransferScreen:
    await settle(pilot)
    await pilot.press("ctrl+p", *typed(title))
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    return showing(pilot.app, TransferScreen)  # type: ignore[arg-type]


async def give_path(pilot: Pilot[Any], path: Path) -> None:
    """Clear the path box and paste ``path`` into it (as from a file manager), then enter."""
    await pilot.press("ctrl+a", "ctrl+k")
    box = pilot.app.screen.query_one("#path", Input)
    box.post_message(events.Paste(str(path)))
    await pilot.pause()
    assert box.value == str(path)
    await pilot.press("enter")
    await settle(pilot)


def status(screen: TransferScreen) -> str:
    return str(screen.query_one("#transfer-status", Static).render())


async def test_importing_linkedin_connections_from_the_palette(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        before = app.store.contacts.count()
        screen = await open_palette_command(pilot, "import linkedin")
        assert screen.query_one("#path", Input).has_focus
        await give_path(pilot, FIXTURES / "linkedin_connections.csv")
        text = status(screen)
        assert "linkedin_connections.csv: ready to import" in text
        assert "6 would be created, 0 would be updated, 0 already there, 2 skipped" in text
        assert "skipped: line 11: no name" in text
        assert app.store.contacts.count() == before  # only checked so far
        go = screen.query_one("#go", Button)
        assert go.display
        assert go.has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert "Imported linkedin_connections.csv" in status(screen)
        bar = screen.query_one("#transfer-progress", ProgressBar)
        assert bar.percentage == 1
        assert app.store.contacts.count() == before + 6
        await pilot.press("escape")
        await settle(pilot)
        pipeline = showing(app, PipelineScreen)
        await pilot.press("a")  # everyone: the new people are listed
        await settle(pilot)
        names = [contact.name for contact in pipeline.contacts.rows]
        assert "Priya Raman" in names
        assert "Tomás Okafor" in names


async def test_a_file_that_is_not_a_connections_csv_is_refused_in_the_dialog(
    make: AppFactory, tmp_path: Path
) -> None:
    pdf = tmp_path / "Connections.csv"
    pdf.write_bytes(b"%PDF-1.5\n...")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        before = app.store.exports.snapshot()
        screen = await open_palette_command(pilot, "import linkedin")
        await give_path(pilot, pdf)
        assert status(screen) == f"{pdf}: this is a PDF document, not LinkedIn's Connections.csv"
        assert screen.query_one("#transfer-status").has_class("-error")
        assert not screen.query_one("#go", Button).display
        assert screen.query_one("#path", Input).has_focus  # to correct the path
        await pilot.press("ctrl+o")  # nothing was checked: nothing to import
        await settle(pilot)
        assert app.store.exports.snapshot() == before


async def test_exporting_contacts_as_csv_from_the_palette(make: AppFactory, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "contacts as csv")
        await give_path(pilot, target)
        showing(app, PipelineScreen)  # the dialog closed once written
        assert target.read_bytes().startswith(b"\xef\xbb\xbfname,")  # a BOM, for Excel
        lines = target.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) == 1 + app.store.contacts.count()
        assert target.stat().st_mode & 0o777 == 0o600
        assert any(f"Wrote {target}" in n.message for n in app._notifications)


async def test_a_backup_from_the_palette(make: AppFactory, tmp_path: Path) -> None:
    import sqlite3

    target = tmp_path / "backup.db"
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_palette_command(pilot, "back up")
        await give_path(pilot, target)
        showing(app, PipelineScreen)
        count = app.store.contacts.count()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT COUNT(*) FROM contact").fetchone() == (count,)


async def test_after_an_import_another_file_can_be_checked(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_palette_command(pilot, "import linkedin")
        await give_path(pilot, FIXTURES / "linkedin_connections.csv")
        await pilot.press("enter")  # import
        await settle(pilot)
        assert not screen.query_one("#transfer-progress").display  # done: no bar
        assert screen.query_one("#path", Input).has_focus
        await give_path(pilot, FIXTURES / "linkedin_old.csv")
        assert "linkedin_old.csv: ready to import" in status(screen)
        assert "2 would be created" in status(screen)
        await pilot.press("escape")  # not importing this one
        await settle(pilot)
        showing(app, PipelineScreen)


async def test_an_export_asks_before_replacing_a_file(make: AppFactory, tmp_path: Path) -> None:
    target = tmp_path / "mine.vcf"
    target.write_text("my own cards")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_palette_command(pilot, "contacts as vcard")
        await give_path(pilot, target)
        assert status(screen) == (
            f"{target} exists: press enter again to replace it, or change the name."
        )
        assert target.read_text() == "my own cards"
        await pilot.press("enter")
        await settle(pilot)
        showing(app, PipelineScreen)
        assert target.read_text().startswith("BEGIN:VCARD")
