"""The Textual app: a thin shell that wires the store, settings and banks to the screens."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import HelpPanel

from informa import __version__
from informa.domain.clock import Clock, system_clock
from informa.ui.commands import ContactJump, NotesSearch
from informa.ui.screens.pipeline import ACTION_COMMANDS, PipelineScreen
from informa.ui.themes import THEMES

if TYPE_CHECKING:
    from informa.banks import BankSet
    from informa.domain.errors import Problem
    from informa.settings import Settings
    from informa.store import Store
    from informa.templates import TemplateSet

EditorLauncher = Callable[[str, str], str]
"""Edit ``text`` (second argument: a file suffix such as ``.md``) and return the result."""


def binding_ids() -> set[str]:
    """Every binding id users can remap in settings (``keys:``)."""
    from informa.ui.dialogs.base import Dialog, FormDialog
    from informa.ui.dialogs.company_research import CompanyResearch
    from informa.ui.dialogs.confirm import Confirm
    from informa.ui.dialogs.outreach import OutreachComposer
    from informa.ui.dialogs.stage_picker import StagePicker
    from informa.ui.dialogs.thank_you import ThankYouDialog
    from informa.ui.screens.call import CallScreen
    from informa.ui.screens.debrief import DebriefScreen
    from informa.ui.screens.prepare import PrepareScreen
    from informa.ui.screens.review import ReviewScreen
    from informa.ui.screens.search import SearchScreen
    from informa.ui.screens.transfer import TransferScreen
    from informa.ui.widgets.agenda_list import AgendaList
    from informa.ui.widgets.plan_list import PlanList

    owners = (
        InformaApp,
        PipelineScreen,
        Dialog,
        FormDialog,
        CompanyResearch,
        Confirm,
        OutreachComposer,
        StagePicker,
        ThankYouDialog,
        CallScreen,
        PrepareScreen,
        PlanList,
        DebriefScreen,
        TransferScreen,
        ReviewScreen,
        AgendaList,
        SearchScreen,
    )
    return {
        binding.id
        for owner in owners
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


class InformaApp(App[None]):
    """informa's app. Built by ``informa.factory.make_app``; tests inject every dependency."""

    TITLE = "informa"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {ContactJump, NotesSearch}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "toggle_help", "Help", tooltip="Show or hide the keys panel.", id="help"),
        Binding("question_mark", "toggle_help", "Help", show=False, id="help_alt"),
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit informa.", priority=True, id="quit"),
        Binding(
            "ctrl+f",
            "search",
            "Search",
            tooltip="Search notes, research, contacts and companies.",
            show=False,  # shown, it would be on every screen's footer
            id="search",
        ),
    ]

    def __init__(
        self,
        *,
        store: Store,
        settings: Settings,
        settings_path: Path,
        banks: BankSet,
        templates: TemplateSet,
        thank_you_templates: TemplateSet,
        clock: Clock = system_clock,
        problems: Sequence[Problem] = (),
        editor: EditorLauncher | None = None,
        demo: bool = False,
        save_settings: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.settings_path = settings_path
        self.banks = banks
        self.templates = templates
        self.thank_you_templates = thank_you_templates
        self.clock = clock
        self.editor = editor
        self.demo = demo
        self._problems = list(problems)
        self._save_settings = save_settings
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = settings.theme if settings.theme in self.available_themes else "informa"
        self.sub_title = "demo data" if demo else str(store.path)

    def freeze_memory(self) -> None:
        """Move what is alive now (Textual, the screen, the data just loaded) out of the
        garbage collector's sight. Full collections then stop scanning it: they were the
        60-80 ms stalls that made the slowest keystrokes (see benchmarks/)."""
        import gc

        gc.freeze()

    def today(self) -> date:
        return self.clock().date()

    def get_default_screen(self) -> Screen[None]:
        return PipelineScreen()

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
            self.notify(
                markup=False, message=str(problem), title="Skipped", severity="warning", timeout=12
            )
        backup = self.store.report.backup
        if backup is not None:
            self.notify(
                markup=False, message=f"Database updated; a backup is at {backup}", timeout=10
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if not self._save_settings:
            return
        from informa.domain.errors import InformaError
        from informa.settings import save_theme

        try:
            save_theme(self.settings_path, theme.name)
        except InformaError as exc:
            self.notify(
                markup=False,
                message=f"The theme was not saved: {exc}",
                severity="warning",
                timeout=10,
            )
        except OSError as exc:
            self.notify(
                markup=False,
                message=f"{self.settings_path}: could not save the theme ({exc.strerror})",
                severity="warning",
                timeout=10,
            )

    def action_toggle_help(self) -> None:
        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, PipelineScreen):
            from informa.domain.model import VIEWS, view_label

            for title, help_text, action in ACTION_COMMANDS:
                if screen.check_action(action, ()):
                    yield SystemCommand(title, help_text, partial(screen.run_action, action))
            from informa.ui.screens.transfer import TRANSFERS

            for transfer in TRANSFERS:
                yield SystemCommand(
                    transfer.title, transfer.help, partial(screen.open_transfer, transfer)
                )
            for view in VIEWS:
                yield SystemCommand(
                    f"Show {view_label(view)}",
                    f"Pipeline: list the contacts in {view_label(view)}",
                    lambda view=view: screen.action_show_view(view),
                )
        yield SystemCommand(
            "About informa", f"informa {__version__}: where your data lives", self._about
        )

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
                f"informa {__version__}\nDatabase: {self.store.path}\n"
                f"Settings: {self.settings_path}"
            ),
            title="About",
            timeout=10,
        )

    def on_unmount(self) -> None:
        self.store.close()
