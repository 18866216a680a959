"""``make_app``: the one way the CLI, the tests and the screenshot script build the app.

Everything that varies is injected: the database path, the config folder, the clock and the
editor launcher. This module wires layers together, so it may import both store and ui.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from informa.banks import load_banks
from informa.domain.clock import Clock, system_clock
from informa.paths import BANKS_DIRNAME, SETTINGS_FILENAME, bundled_banks_dir, user_config_dir
from informa.settings import load_settings
from informa.store import Store
from informa.templates import (
    TEMPLATES_DIRNAME,
    bundled_templates_dir,
    load_templates,
    load_thank_you_templates,
)

if TYPE_CHECKING:
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
    """Open the database (raising ``InformaError`` with a clear message) and build the app."""
    from informa.editor import launch_editor
    from informa.ui.app import InformaApp

    config = config_dir if config_dir is not None else user_config_dir()
    settings_path = config / SETTINGS_FILENAME
    settings, problems = load_settings(settings_path)
    banks = load_banks(bundled_banks_dir(), config / BANKS_DIRNAME)
    templates = load_templates(bundled_templates_dir(), config / TEMPLATES_DIRNAME)
    thank_yous = load_thank_you_templates(bundled_templates_dir(), config / TEMPLATES_DIRNAME)
    store = Store.open(db_path, clock=clock, create_folder=create_folder)
    return InformaApp(
        store=store,
        settings=settings,
        settings_path=settings_path,
        banks=banks,
        templates=templates,
        thank_you_templates=thank_yous,
        clock=clock,
        problems=[*problems, *banks.problems, *templates.problems, *thank_yous.problems],
        editor=editor or launch_editor,
        demo=demo,
        save_settings=save_settings,
    )
