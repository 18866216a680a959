"""What every command shares: the one-line error, and where the database is."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from informa.paths import DbSource, Paths, not_a_database_file, resolve_paths

if TYPE_CHECKING:
    from informa.store import Store


class CliError(click.ClickException):
    """A one-line error: ``informa: <what and where>``, exit code 1, no traceback."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"informa: {self.format_message()}", err=True, file=file)


def paths_of(ctx: click.Context) -> Paths:
    root = ctx.find_root()
    db = root.params.get("db")
    if db is not None and not_a_database_file(db):
        raise CliError(
            f"--db: give the path of a database file, not a folder ({Path(db).absolute()})"
        )
    source = root.get_parameter_source("db")
    db_source = DbSource.ENV if source is ParameterSource.ENVIRONMENT else DbSource.OPTION
    return resolve_paths(db, db_source if db is not None else None)


def open_store(ctx: click.Context, *, create: bool = False, path: Path | None = None) -> Store:
    """The user's database (or ``path``), opened; with ``create`` a new one is made where
    none exists.

    Any problem with the file is one ``informa: ...`` line and exit status 1.
    """
    from informa.domain.clock import system_clock
    from informa.domain.errors import InformaError
    from informa.store import Store

    paths = paths_of(ctx)
    db_path = path or paths.db_path
    if not create and not db_path.exists():
        raise CliError(f"{db_path}: there is no database yet (nothing to export)")
    try:
        return Store.open(
            db_path,
            clock=system_clock,
            create_folder=create and paths.db_source is DbSource.DEFAULT and path is None,
        )
    except InformaError as exc:
        raise CliError(str(exc)) from exc
