"""The command line. ``informa`` opens the app; subcommands work without the TUI.

Textual is imported only by the commands that open the app, so the others start fast. The
console script is ``informa.launch.main``: it opens the app itself when there is nothing for
the command line to read, and hands everything else to ``main`` here.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from informa import __version__
from informa.cli_common import CliError, paths_of
from informa.domain.errors import InformaError
from informa.domain.wording import counted
from informa.paths import DB_ENV, DbSource, Paths, bundled_banks_dir

F = TypeVar("F", bound=Callable[..., Any])

INTERCHANGE = ("import", "export", "backup", "restore")
"""The commands of ``cli_interchange``, loaded when one of them (or the help) is asked for:
opening the app does not need them (benchmarks/: startup)."""


class _Informa(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *INTERCHANGE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in INTERCHANGE and cmd_name not in self.commands:
            from informa.cli_interchange import COMMANDS

            for command in COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=_Informa,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    help=f"Database file to use (default: in your data folder; or set ${DB_ENV}).",
)
@click.version_option(__version__, "-V", "--version", prog_name="informa")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """informa: a keyboard-driven workspace for informational interviews.

    Run without a command to open the app on your database.
    """
    if ctx.invoked_subcommand is None:
        paths = paths_of(ctx)
        _open_app(paths.db_path, paths, create_folder=paths.db_source is DbSource.DEFAULT)


def _open_app(db_path: Path, paths: Paths, *, create_folder: bool, demo: bool = False) -> None:
    """Open the app (``informa.launch.open_app``); what stops it is one ``informa:`` line."""
    from informa.launch import open_app

    try:
        open_app(db_path, paths, create_folder=create_folder, demo=demo)
    except InformaError as exc:
        raise CliError(str(exc)) from exc


@main.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the demo database to this new file and exit (never overwrites).",
)
@click.pass_context
def demo(ctx: click.Context, out: Path | None) -> None:
    """Open the app on a fresh sample database (your own data is not touched)."""
    from informa.demo import write_demo_database

    paths = paths_of(ctx)
    if out is not None:
        try:
            report = write_demo_database(out)
        except InformaError as exc:
            raise CliError(str(exc)) from exc
        click.echo(f"Wrote the demo database to {report.path}")
        click.echo(f"Open it with: informa --db {report.path}")
        return
    folder = Path(tempfile.mkdtemp(prefix="informa-demo-"))
    try:
        try:
            report = write_demo_database(folder / "informa-demo.db")
        except InformaError as exc:
            raise CliError(str(exc)) from exc
        _open_app(report.path, paths, create_folder=False, demo=True)  # settings stay as they are
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@main.command()
@click.pass_context
def where(ctx: click.Context) -> None:
    """Print where informa keeps its files."""
    paths = paths_of(ctx)
    rows = [
        ("database", f"{paths.db_path}  ({_source_text(paths.db_source)})"),
        ("data folder", str(paths.data_dir)),
        ("config folder", str(paths.config_dir)),
        ("settings", str(paths.settings_path)),
        ("your banks", str(paths.user_banks_dir)),
        ("bundled banks", str(bundled_banks_dir())),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        click.echo(f"{label:<{width}}  {value}")


def _source_text(source: DbSource) -> str:
    return {
        DbSource.DEFAULT: "default",
        DbSource.OPTION: "from --db",
        DbSource.ENV: f"from ${DB_ENV}",
    }[source]


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON, for scripts.")
@click.option(
    "--days",
    type=click.IntRange(0, 365),
    default=0,
    show_default=True,
    help="Also list what falls due in the next DAYS days.",
)
@click.pass_context
def agenda(ctx: click.Context, as_json: bool, days: int) -> None:
    """Print what is due or overdue today: calls, thank-yous, follow-ups, check-ins, next
    actions."""
    import json

    from informa.domain.agenda import agenda_title
    from informa.domain.clock import system_clock
    from informa.domain.followup import AgendaKind, group_by_day
    from informa.settings import load_settings
    from informa.store import Store

    paths = paths_of(ctx)
    settings, problems = load_settings(paths.settings_path)
    for problem in problems:
        click.echo(f"informa: {problem}", err=True)
    if not paths.db_path.exists():
        if as_json:
            click.echo("[]")
        else:
            click.echo(f"Nothing due: there is no database yet at {paths.db_path}.")
        return
    try:
        store = Store.open(paths.db_path, clock=system_clock)
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    try:
        now = store.clock()
        items = store.followups.agenda(settings.follow_up_rules(), horizon_days=days)
    except InformaError as exc:
        raise CliError(str(exc)) from exc
    finally:
        store.close()
    today = now.date()
    if as_json:
        rows = [
            {
                "kind": item.kind.value,
                "due": item.due.isoformat(),
                "overdue": item.is_overdue_at(now),
                "contact_id": item.contact_id,
                "contact": item.contact_name,
                "interview_id": item.interview_id,
                "title": item.title,
                "detail": item.detail,
                "key": item.key,
                **(
                    {"at": item.due_at.isoformat(), "link": item.link}
                    if item.kind is AgendaKind.CALL and item.due_at is not None
                    else {}
                ),
            }
            for item in items
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(
            "Nothing due today." if not days else f"Nothing due in the next {counted(days, 'day')}."
        )
        return
    click.secho(agenda_title(days), bold=True, underline=True)
    for label, group in group_by_day(items, today):
        click.secho(label, bold=True, fg="red" if label == "Overdue" else None)
        for item in group:
            click.echo(f"  {item.title}")
            click.secho(f"    {item.detail}", dim=True)


@main.group()
def banks() -> None:
    """Question banks: list them, check your own."""


@banks.command("list")
@click.pass_context
def banks_list(ctx: click.Context) -> None:
    """List the banks in effect, their topics and question counts."""
    from informa.banks import load_banks

    paths = paths_of(ctx)
    bank_set = load_banks(bundled_banks_dir(), paths.user_banks_dir)
    for bank in bank_set.banks:
        origin = "bundled" if bank.bundled else f"yours: {bank.path}"
        click.secho(f"{bank.id}", bold=True, nl=False)
        click.echo(f"  {bank.title}  ({counted(bank.question_count, 'question')}, {origin})")
        width = max((len(topic.id) for topic in bank.topics), default=0)
        for topic in bank.topics:
            click.echo(f"  {topic.id:<{width}}  {len(topic.questions):>3}  {topic.title}")
    click.echo(
        f"{counted(len(bank_set.banks), 'bank')}, {counted(bank_set.question_count, 'question')}"
    )
    for problem in bank_set.problems:
        click.echo(f"informa: skipped: {problem}", err=True)


@banks.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def banks_check(files: tuple[Path, ...]) -> None:
    """Validate bank files; print FILE:LINE: message for each problem."""
    from informa.banks import check_files, load_bank_file
    from informa.domain.errors import FileProblems

    problems = check_files(files)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise SystemExit(1)
    for path in files:
        try:
            bank = load_bank_file(path)
        except FileProblems:  # pragma: no cover - check_files found none a moment ago
            continue
        click.echo(
            f"{path}: ok (bank '{bank.id}', {counted(len(bank.topics), 'topic')}, "
            f"{counted(bank.question_count, 'question')})"
        )
