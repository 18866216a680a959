"""``informa import``, ``informa export``, ``informa backup`` and ``informa restore``.

What each does is an action (``informa.actions.transfer``, ``informa.actions.backup``), the
same the app's palette runs; these commands only find the files, open the database and
report. A bad file is one ``informa: FILE:LINE: ...`` line and exit status 1, and it is read
in full before the database is even opened, so nothing is written.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from informa.cli_common import CliError, open_store, paths_of
from informa.domain.errors import InformaError
from informa.domain.wording import counted

if TYPE_CHECKING:
    from informa.actions.transfer import Exported
    from informa.domain.incoming import ReadResult
    from informa.store import Store

SHOWN_PROBLEMS = 20
"""Skipped rows and warnings printed in full; beyond that, a count."""
PROGRESS_FROM = 500
"""Show a progress bar (on a terminal) for imports of at least this many rows."""

_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True, readable=False),
    help="File to write (default, or '-': standard output). Created readable by you only.",
)
_DRY_RUN = click.option(
    "--dry-run", is_flag=True, help="Show what would be imported; write nothing."
)
# click's own checks (a folder, unreadable) would end in a usage error with exit 2; the
# readers and writers say what is wrong with the file in one line instead.
_FILE = click.argument("file", type=click.Path(path_type=Path, readable=False))


@click.group("import")
def import_group() -> None:
    """Bring people in from LinkedIn, a CSV or vCard file, or load a JSON export.

    Someone already in informa is matched by LinkedIn profile URL, else by name and company,
    and only gains what was missing: importing the same file twice adds nothing.
    """


@click.group("export")
def export_group() -> None:
    """Write your data in formats other tools read (nothing leaves your machine)."""


# -- imports --------------------------------------------------------------------------


@import_group.command("linkedin")
@_FILE
@_DRY_RUN
@click.pass_context
def import_linkedin(ctx: click.Context, file: Path, dry_run: bool) -> None:
    """Import LinkedIn's Connections.csv (from "Get a copy of your data")."""
    _merge(ctx, "linkedin", file, dry_run)


@import_group.command("csv")
@_FILE
@_DRY_RUN
@click.pass_context
def import_csv(ctx: click.Context, file: Path, dry_run: bool) -> None:
    """Import contacts from a CSV with the columns `informa export csv` writes."""
    _merge(ctx, "csv", file, dry_run)


@import_group.command("vcard")
@_FILE
@_DRY_RUN
@click.pass_context
def import_vcard(ctx: click.Context, file: Path, dry_run: bool) -> None:
    """Import contacts from a vCard (.vcf) file."""
    _merge(ctx, "vcard", file, dry_run)


@import_group.command("json")
@_FILE
@click.pass_context
def import_json(ctx: click.Context, file: Path) -> None:
    """Load an `informa export json` file into an empty database (e.g. with --db NEW.db)."""
    from informa.actions.transfer import import_json as load

    with _store(ctx, create=True) as store:
        counts = load(store, file)
    click.echo("Loaded " + ", ".join(_counted(count, table) for table, count in counts.items()))


def _counted(count: int, table: str) -> str:
    """``9 companies``, ``1 profile``, ``56 planned questions``."""
    words = table.replace("_", " ")
    if count != 1:
        words = f"{words[:-1]}ies" if words.endswith("y") else f"{words}s"
    return f"{count} {words}"


def _merge(ctx: click.Context, fmt: str, file: Path, dry_run: bool) -> None:
    from informa.actions.transfer import read_contacts

    try:
        result = read_contacts(fmt, file)  # all of it, before the database is opened
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    paths = paths_of(ctx)
    if dry_run and not paths.db_path.exists():  # against an empty database, made and dropped
        with tempfile.TemporaryDirectory(prefix="informa-dry-run-") as folder:
            _apply(ctx, result, dry_run=True, where="a new database", path=Path(folder) / "db")
        return
    _apply(ctx, result, dry_run=dry_run, where=str(paths.db_path))


def _apply(
    ctx: click.Context,
    result: ReadResult,
    *,
    dry_run: bool,
    where: str,
    path: Path | None = None,
) -> None:
    from informa.actions.transfer import merge_import

    with (
        _store(ctx, create=True, path=path) as store,
        _progress(len(result.contacts)) as progress,
    ):
        report = merge_import(store, result, dry_run=dry_run, progress=progress)
    click.echo(f"{'Dry run into' if dry_run else 'Imported into'} {where}: {report.summary()}")
    for label, items in (("skipped", report.skipped), ("warning:", report.warnings)):
        for item in items[:SHOWN_PROBLEMS]:
            click.echo(f"  {label} {item}")
        if len(items) > SHOWN_PROBLEMS:
            click.echo(f"  … and {len(items) - SHOWN_PROBLEMS} more {label.rstrip(':')}")
    if dry_run:
        click.echo("Dry run: nothing was written.")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on standard error for long imports on a terminal; else nothing."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=total, label="Importing", file=sys.stderr) as bar:
        shown = 0

        def advance(done: int, _total: int) -> None:
            nonlocal shown
            bar.update(done - shown)
            shown = done

        yield advance


@contextmanager
def _store(
    ctx: click.Context, *, create: bool = False, path: Path | None = None
) -> Iterator[Store]:
    """The database for one command; any ``InformaError`` inside is one line and exit 1."""
    store = open_store(ctx, create=create, path=path)
    try:
        yield store
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()


# -- exports --------------------------------------------------------------------------


def _wrote(what: str, exported: Exported) -> None:
    """Say which file was written, on standard error: standard output may be the export."""
    if exported.path is not None:
        click.echo(f"Wrote {what} to {exported.path}", err=True)


@export_group.command("csv")
@_OUTPUT
@click.pass_context
def export_csv(ctx: click.Context, output: str | None) -> None:
    """Contacts as CSV (the columns `informa import csv` reads). Formulas are neutralised."""
    from informa.actions.transfer import export

    to_file = output is not None and output != "-"  # a file gets a BOM, for Excel
    with _store(ctx) as store:
        exported = export(store, "csv", output, bom=to_file)
    _wrote(counted(exported.contacts, "contact"), exported)


@export_group.command("vcard")
@_OUTPUT
@click.pass_context
def export_vcard(ctx: click.Context, output: str | None) -> None:
    """Contacts as vCards (.vcf), for an address book."""
    from informa.actions.transfer import export

    with _store(ctx) as store:
        exported = export(store, "vcard", output)
    _wrote(counted(exported.contacts, "contact"), exported)


@export_group.command("ics")
@_OUTPUT
@click.option(
    "--days",
    type=click.IntRange(0, 365),
    default=14,
    show_default=True,
    help="Include to-dos (thank-yous, follow-ups) falling due within DAYS days.",
)
@click.pass_context
def export_ics(ctx: click.Context, output: str | None, days: int) -> None:
    """Scheduled calls as events (15-minute alarm) and due follow-ups as to-dos (.ics)."""
    from informa.actions.transfer import export
    from informa.settings import load_settings

    settings, _problems = load_settings(paths_of(ctx).settings_path)
    with _store(ctx) as store:
        exported = export(store, "ics", output, rules=settings.follow_up_rules(), days=days)
    _wrote("the calendar", exported)


@export_group.command("markdown")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, readable=False),
    help="Folder to write into (created if missing; an Obsidian vault works).",
)
@click.pass_context
def export_markdown(ctx: click.Context, output: Path) -> None:
    """One Markdown file per call and per contact, and an index (readable in Obsidian)."""
    from informa.actions.transfer import export_markdown as to_markdown

    with _store(ctx) as store:
        exported = to_markdown(store, output)
    click.echo(f"Wrote {counted(exported.files, 'file')} to {exported.path}")


@export_group.command("json")
@_OUTPUT
@click.pass_context
def export_json(ctx: click.Context, output: str | None) -> None:
    """Everything, losslessly (load it again with `informa import json`)."""
    from informa.actions.transfer import export

    with _store(ctx) as store:
        exported = export(store, "json", output)
    _wrote("everything", exported)


# -- backups --------------------------------------------------------------------------


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, readable=False),
    help="File to create (default: a dated file in the backups folder). Never overwritten.",
)
@click.pass_context
def backup(ctx: click.Context, output: Path | None) -> None:
    """Copy the database safely, even while informa is open and saving."""
    from informa.actions.backup import backup as copy_database
    from informa.actions.backup import default_backup_path
    from informa.domain.clock import system_clock

    paths = paths_of(ctx)
    if not paths.db_path.exists():
        raise CliError(f"{paths.db_path}: there is no database yet (nothing to back up)")
    try:
        target = output or default_backup_path(paths.data_dir, system_clock())
        written = copy_database(paths.db_path, target)
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    click.echo(f"Backed up {paths.db_path} to {written}")


@click.command()
@_FILE
@click.option("-y", "--yes", is_flag=True, help="Do not ask before replacing the database.")
@click.pass_context
def restore(ctx: click.Context, file: Path, yes: bool) -> None:
    """Replace the database with a backup (the current one is backed up first)."""
    from informa.actions.backup import restore as restore_database
    from informa.domain.clock import system_clock

    paths = paths_of(ctx)
    if not yes:
        click.confirm(f"Replace {paths.db_path} with {file}? (a backup of it is kept)", abort=True)
    try:
        kept = restore_database(
            paths.db_path, file, backups_dir=paths.data_dir / "backups", now=system_clock()
        )
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    click.echo(f"Restored {file} into {paths.db_path}")
    if kept is not None:
        click.echo(f"The database as it was is kept in {kept}")


COMMANDS = (import_group, export_group, backup, restore)
