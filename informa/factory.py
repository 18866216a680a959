"""``make_app``: the one way the CLI, the tests and the screenshot script build the app.

Everything that varies is injected: the database path, the config folder, the clock and the
editor launcher. This module wires layers together, so it may import both store and ui.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from informa.domain.clock import Clock, system_clock
from informa.library import Later, has_own_files, load_library
from informa.paths import SETTINGS_FILENAME, user_config_dir
from informa.settings import load_settings

if TYPE_CHECKING:
    from informa.store import Store
    from informa.ui.app import EditorLauncher, InformaApp


def make_app(
    *,
    db_path: Path,
    config_dir: Path | None = None,
    clock: Clock = system_clock,
    create_folder: bool = False,
    demo: bool = False,
    editor: EditorLauncher | None = None,
    save_settings: bool = True,
) -> InformaApp:
    """Build the app on the database at ``db_path``.

    Nothing slow happens here: the database opens in the thread that reads the first
    screen's data, once that screen is drawn (a file that cannot be opened ends the app
    with the message in ``InformaApp.startup_error``), and the banks and templates are read
    after that (``informa.library``). Anything that asks for them sooner gets them at once."""
    from informa.editor import launch_editor
    from informa.ui.app import InformaApp

    config = config_dir if config_dir is not None else user_config_dir()
    settings_path = config / SETTINGS_FILENAME
    settings, problems = load_settings(settings_path)
    return InformaApp(
        store=Later(partial(open_store, db_path, clock, create_folder=create_folder)),
        db_path=db_path,
        settings=settings,
        settings_path=settings_path,
        library=Later(lambda: load_library(config)),
        check_library=has_own_files(config),
        clock=clock,
        problems=problems,
        editor=editor or launch_editor,
        demo=demo,
        save_settings=save_settings,
    )


def open_store(db_path: Path, clock: Clock, *, create_folder: bool) -> Store:
    """``Store.open``, with the store's modules (peewee and the services) imported here."""
    from informa.store import Store

    return Store.open(db_path, clock=clock, create_folder=create_folder)
