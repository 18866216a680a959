"""``informa``: open the app, or hand the arguments to the command line.

Opening the app is what ``informa`` does most, and it needs none of the command line: click
and the commands' modules are about 6 ms of the time to the first frame (benchmarks/:
startup). So ``informa`` and ``informa --db FILE`` open the app from here; anything else (a
command, ``--help``, a ``--db`` that is a folder) goes to ``informa.cli``, which checks and
reports it as it always has.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from informa.domain.errors import InformaError
from informa.paths import DB_ENV, DbSource, not_a_database_file, resolve_paths

if TYPE_CHECKING:
    from informa.paths import Paths

PROG = "informa"


def main(argv: list[str] | None = None) -> None:
    """The console script and ``python -m informa``."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        db = plain_db(args, os.environ)
        if db is None:
            from informa.cli import main as cli

            cli.main(args=args, prog_name=PROG)  # exits
        paths = resolve_paths(db or None, DbSource.OPTION if db else None)
        open_app(paths.db_path, paths, create_folder=paths.db_source is DbSource.DEFAULT)
    except InformaError as exc:
        _fail(str(exc))
    except OSError as exc:  # a file or folder that cannot even be looked at (permissions)
        _fail(f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc))


def _fail(message: str) -> NoReturn:
    print(f"{PROG}: {message}", file=sys.stderr)  # as the command line's errors are
    raise SystemExit(1)


def plain_db(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """What ``--db`` says when ``args`` only open the app: the file (``""`` when it is not
    given), or ``None`` when the command line must read them."""
    if not args:
        db = ""
        given = environ.get(DB_ENV) or ""  # click ignores an empty variable too
    elif len(args) == 2 and args[0] == "--db":
        db = given = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        db = given = args[0].removeprefix("--db=")
    else:
        return None
    if (args or given) and (given.startswith("-") or not_a_database_file(given)):
        return None  # the command line explains what is wrong with it
    return db


def open_app(db_path: Path, paths: Paths, *, create_folder: bool, demo: bool = False) -> None:
    """Open the app on ``db_path`` until the user quits; the demo reads the user's settings
    and banks but never writes them. A database or settings folder that cannot be used is
    an ``InformaError`` whose message is meant for the user."""
    import gc

    # Nothing to collect while Textual and informa import and the first screen is built:
    # the app switches the collector back on once its first screen has its data
    # (``InformaApp.started``). Measured in benchmarks/ (startup).
    gc.disable()
    from informa.factory import make_app  # Textual loads only when the app opens

    app = make_app(
        db_path=db_path,
        config_dir=paths.config_dir,
        create_folder=create_folder,
        demo=demo,
        save_settings=not demo,
    )
    app.run()
    if app.startup_error is not None:
        raise InformaError(app.startup_error)
    if app.return_code:
        raise SystemExit(app.return_code)
