"""The Textual app: a thin shell that wires the store, settings and banks to the screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from informa import __version__
from informa.domain.clock import Clock, system_clock
from informa.domain.errors import InformaError
from informa.ui import keys
from informa.ui.commands import ContactJump, NotesSearch, key_commands
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.text import key_label
from informa.ui.themes import THEMES

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.banks import BankSet
    from informa.domain.errors import Problem
    from informa.library import Later, Library
    from informa.settings import Settings
    from informa.templates import TemplateSet

HELP_COMMAND = "Keys and help"
"""The palette's title for Textual's "Keys" command (the help panel, F1)."""

EditorLauncher = Callable[[str, str], str]
"""Edit ``text`` (second argument: a file suffix such as ``.md``) and return the result."""


def binding_ids() -> set[str]:
    """Every binding id users can remap in settings (``keys:``): the table of keys'."""
    return set(keys.binding_ids())


class InformaApp(App[None]):
    """informa's app. Built by ``informa.factory.make_app``; tests inject every dependency."""

    TITLE = "informa"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ContactJump, NotesSearch}

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings("app")

    def __init__(
        self,
        *,
        store: Later[Store],
        db_path: Path,
        settings: Settings,
        settings_path: Path,
        library: Later[Library],
        check_library: bool = True,
        clock: Clock = system_clock,
        problems: Sequence[Problem] = (),
        editor: EditorLauncher | None = None,
        demo: bool = False,
        save_settings: bool = True,
    ) -> None:
        super().__init__()
        self._store = store
        self.db_path = db_path
        self.startup_error: str | None = None
        """Why the database could not be opened; the app has ended (``cli`` prints it)."""
        self.settings = settings
        self.settings_path = settings_path
        self.library = library
        self._check_library = check_library
        self.clock = clock
        self.editor = editor
        self.demo = demo
        self._problems = list(problems)
        self._save_settings = save_settings
        self._started = False
        self._backup_told = False
        for theme in THEMES:
            self.register_theme(theme)
        name = settings.theme if settings.theme in self.available_themes else "informa"
        chosen = self.get_theme(name)
        if chosen is not None and chosen.dark and self.current_theme.dark:
            # A dark theme, as Textual's default is: its colours go into the style sheet
            # before it is first parsed. Setting ``theme`` would parse and apply every style
            # sheet a second time just after the first (about 25 ms of start-up).
            self.set_reactive(App.theme, name)
            self.stylesheet.set_variables(self.get_css_variables())
        else:
            self.theme = name
        self.sub_title = "demo data" if demo else str(db_path)

    @property
    def store(self) -> Store:
        """The open database. It opens in the first screen's loading thread; asked for
        before that, it opens here. ``InformaError`` if the file cannot be opened."""
        return self._store.get()

    def open_store(self) -> bool:
        """Open the database (from a worker thread); if it cannot be, end the app with the
        reason in ``startup_error`` and return False."""
        import sqlite3  # loaded by now: the store's modules bring it

        try:
            store = self.store
        except InformaError as exc:
            self.call_from_thread(self._cannot_open, str(exc))
            return False
        except (OSError, sqlite3.Error) as exc:  # what the open's own checks did not foresee
            self.call_from_thread(self._cannot_open, f"{self.db_path}: cannot open ({exc})")
            return False
        backup = store.report.backup
        if backup is not None and not self._backup_told:
            self._backup_told = True  # once: every load of a view comes through here
            message = f"Database updated; a backup is at {backup}"
            self.call_from_thread(self.notify, message, markup=False, timeout=10)
        return True

    def _cannot_open(self, message: str) -> None:
        self.startup_error = message
        self.exit(return_code=1)

    @property
    def banks(self) -> BankSet:
        """The question banks (read on first use if the start-up load has not finished)."""
        return self.library.get().banks

    @property
    def templates(self) -> TemplateSet:
        return self.library.get().templates

    @property
    def thank_you_templates(self) -> TemplateSet:
        return self.library.get().thank_you_templates

    def freeze_memory(self) -> None:
        """Move what is alive now (Textual, the screen, the data just loaded) out of the
        garbage collector's sight. Full collections then stop scanning it: they were the
        60-80 ms stalls that made the slowest keystrokes (see benchmarks/)."""
        import gc

        gc.freeze()

    def started(self) -> None:
        """The first screen is up with its data: settle the memory, switch the garbage
        collector back on (``informa`` starts with it off: there is nothing to collect while
        modules import), then read the user's own banks and templates in the background to
        report their problems (``check_library``)."""
        import gc

        if self._started:
            return
        self._started = True
        gc.collect()  # what start-up left behind, before the rest is frozen for good
        self.freeze_memory()
        gc.enable()
        if self._check_library:
            self._load_library()

    @work(thread=True, group="library", exit_on_error=False)
    def _load_library(self) -> None:
        try:
            library = self.library.get()
        except InformaError as exc:
            self.call_from_thread(self._warn, str(exc))
            return
        for problem in library.problems:
            self.call_from_thread(self._warn, str(problem))

    def _warn(self, message: str) -> None:
        self.notify(markup=False, message=message, title="Skipped", severity="warning", timeout=12)

    def get_key_display(self, binding: Binding) -> str:
        """Function keys as printed on the keyboard: ``F1``, not Textual's ``f1``."""
        return key_label(super().get_key_display(binding))

    def today(self) -> date:
        return self.clock().date()

    def get_default_screen(self) -> Screen[None]:
        return PipelineScreen()

    def on_ready(self) -> None:
        """The first frame is on the terminal: the pipeline reads its data now."""
        pipeline = self.screen_stack[0]
        if isinstance(pipeline, PipelineScreen):
            pipeline.first_frame_drawn()

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))
            unknown = sorted(set(self.settings.keys) - binding_ids())
            if unknown:
                self.notify(
                    markup=False,
                    message=f"{self.settings_path}: unknown key binding id {', '.join(unknown)} "
                    f"(known: {', '.join(sorted(binding_ids()))})",
                    severity="warning",
                    timeout=12,
                )
        if self.settings.theme not in self.available_themes:
            self.notify(
                markup=False,
                message=(
                    f"{self.settings_path}: unknown theme '{self.settings.theme}'; using informa"
                ),
                severity="warning",
            )
        for problem in self._problems:
            self._warn(str(problem))
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        self._write_setting("theme", theme.name, "theme")

    def remember_call_panel(self, panel: str) -> None:
        """Keep the call's panel choice (``strip`` or ``side``) and write it to the settings."""
        from dataclasses import replace

        self.settings = replace(self.settings, call_panel=panel)
        self._write_setting("call_panel", panel, "call panel choice")

    def _write_setting(self, key: str, value: str, what: str) -> None:
        """Write ``key: value`` back to settings.yaml (comments kept); say so if it cannot be."""
        if not self._save_settings:
            return
        from informa.settings import save_setting

        try:
            save_setting(self.settings_path, key, value)
        except InformaError as exc:
            self.notify(
                markup=False,
                message=f"The {what} was not saved: {exc}",
                severity="warning",
                timeout=10,
            )
        except OSError as exc:
            self.notify(
                markup=False,
                message=f"{self.settings_path}: could not save the {what} ({exc.strerror})",
                severity="warning",
                timeout=10,
            )

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):  # by name: the panel's module (Markdown) loads late
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_show_help_panel(self) -> None:
        """The help panel (``F1``, the palette's *Keys and help*): informa's, which lies over
        the screen and gives the screen's help its whole height (``widgets/help_panel``)."""
        if not self.screen.query("HelpPanel"):
            from informa.ui.widgets.help_panel import InformaHelp

            self.screen.mount(InformaHelp())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Keys":  # the help panel (F1): found by "help" as well
                command = command._replace(title=HELP_COMMAND)
            yield command
        yield from key_commands(screen)
        if isinstance(screen, PipelineScreen):
            from informa.ui.screens.transfer import TRANSFERS

            for transfer in TRANSFERS:
                yield SystemCommand(
                    transfer.title, transfer.help, partial(screen.open_transfer, transfer)
                )
        yield SystemCommand(
            "About informa", f"informa {__version__}: where your data lives", self._about
        )

    def offers(self, action: str, screen: Screen[Any]) -> bool:
        """Whether the palette offers an app-wide key's ``action`` on ``screen``: search only
        on the pipeline, where its hits open (the key elsewhere says so)."""
        return action != "search" or isinstance(screen, PipelineScreen)

    def action_search(self) -> None:
        """Full-text search (``informa.ui.screens.search``); a hit opens on the pipeline."""
        from informa.ui.screens.search import open_search

        open_search(self)

    def jump_to_contact(self, contact_id: int) -> None:
        """Show a contact on the pipeline (from the palette or a link)."""
        screen = self.screen
        if isinstance(screen, PipelineScreen):
            screen.jump_to(contact_id)

    def _about(self) -> None:
        self.notify(
            markup=False,
            message=(
                f"informa {__version__}\nDatabase: {self.db_path}\nSettings: {self.settings_path}"
            ),
            title="About",
            timeout=10,
        )

    def on_unmount(self) -> None:
        store = self._store.peek()
        if store is not None:
            store.close()
