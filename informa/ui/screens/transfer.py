"""Import and export from the command palette: ask for a file, check it, show what an import
would do, then run it in a thread with a progress bar.

An import is read in full and tried as a dry run before anything is written; the user sees
the summary (created, updated, skipped, warnings) and confirms. The real import is one
transaction, so closing the app half-way leaves the database as it was. What each entry does
is an action (``informa.actions.transfer``, ``informa.actions.backup``), the same the
command line runs; this screen asks for the path and shows what comes back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Button, Input, ProgressBar, Static

from informa import paths
from informa.domain.errors import InformaError
from informa.domain.wording import counted
from informa.ui.dialogs.base import Dialog, field_row, keys_hint
from informa.ui.keys import bindings
from informa.ui.text import plain
from informa.ui.widgets.safe import SafeInput

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.actions.transfer import Preview
    from informa.domain.followup import Rules
    from informa.domain.incoming import ImportReport, ReadResult
    from informa.ui.app import InformaApp

SHOWN_PROBLEMS = 6


@dataclass(frozen=True, slots=True)
class Transfer:
    """One import or export the palette offers."""

    id: str
    title: str
    help: str
    prompt: str
    """What to give, for the path box: ``Connections.csv``, ``Folder``."""
    default_name: str = ""
    """The file (or folder) name offered for an export, in the export folder; ``{date}`` is
    today."""
    folder: bool = False

    @property
    def is_import(self) -> bool:
        return self.id.startswith("import")

    @property
    def format(self) -> str:
        """What the action reads or writes: ``linkedin``, ``csv``, ``markdown``…"""
        return self.id.partition("-")[2]


TRANSFERS = (
    Transfer(
        "import-linkedin",
        "Import LinkedIn connections",
        "Contacts from LinkedIn's Connections.csv (Get a copy of your data)",
        "Connections.csv",
    ),
    Transfer(
        "import-csv",
        "Import contacts from CSV",
        "A CSV with the columns informa exports (name, company, role, …)",
        "CSV file",
    ),
    Transfer("import-vcard", "Import vCard", "Contacts from an address book (.vcf)", "vCard file"),
    Transfer(
        "export-csv",
        "Export contacts as CSV",
        "For a spreadsheet; formulas are neutralised",
        "CSV file",
        "informa-contacts-{date}.csv",
    ),
    Transfer(
        "export-vcard",
        "Export contacts as vCard",
        "For an address book (.vcf)",
        "vCard file",
        "informa-contacts-{date}.vcf",
    ),
    Transfer(
        "export-ics",
        "Export calendar",
        "Scheduled calls (15-minute alarm) and due follow-ups, for a calendar (.ics)",
        "Calendar file",
        "informa-calendar-{date}.ics",
    ),
    Transfer(
        "export-markdown",
        "Export notes as Markdown",
        "One file per call and per contact, and an index (an Obsidian vault works)",
        "Folder",
        "informa-notes",
        folder=True,
    ),
    Transfer(
        "export-json",
        "Export everything as JSON",
        "All your data, losslessly (informa import json reads it back)",
        "JSON file",
        "informa-{date}.json",
    ),
    Transfer(
        "backup",
        "Back up the database",
        "A consistent copy of the database, made while you work",
        "Backup file",
        "informa-backup-{date}.db",
    ),
)


class PathSuggester(Suggester):
    """Completes a path as it is typed from the files that exist (``→`` accepts)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed = Path(value).expanduser()
        folder, stem = (typed, "") if value.endswith(os.sep) else (typed.parent, typed.name)
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError:
            return None
        for name in names:
            if name.startswith(stem) and name != stem and not name.startswith("."):
                completed = value + name[len(stem) :]
                return completed + os.sep if (folder / name).is_dir() else completed
        return None


def _export(transfer: Transfer, store: Store, target: Path, rules: Rules) -> str:
    """Write the export; returns what to tell the user."""
    if transfer.id == "backup":
        from informa.actions.backup import backup

        return f"Backed up the database to {backup(store.path, target)}"
    from informa.actions import transfer as transfers

    if transfer.folder:
        exported = transfers.export_markdown(store, target)
        return f"Wrote {counted(exported.files, 'file')} to {exported.path}"
    transfers.export(store, transfer.format, target, bom=True, rules=rules)  # BOM: for Excel
    return f"Wrote {target}"


class TransferScreen(Dialog[bool]):
    """Run one of ``TRANSFERS``; dismisses with True when the database changed."""

    DEFAULT_CSS = """
    TransferScreen > #dialog {
        max-width: 88;
    }
    TransferScreen #transfer-status {
        width: 1fr;
        height: auto;
        margin: 1 0 0 0;
    }
    TransferScreen #transfer-status.-error {
        color: $text-error;
    }
    TransferScreen #transfer-progress {
        display: none;
        margin-top: 1;
    }
    TransferScreen.-running #transfer-progress {
        display: block;
    }
    TransferScreen #go {
        display: none;
    }
    TransferScreen.-ready #go {
        display: block;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("transfer")

    def __init__(self, transfer: Transfer) -> None:
        super().__init__(title=transfer.title, cancel_value=False)
        self.transfer = transfer
        self._checked: Preview | None = None
        self._changed = False
        self._busy = False
        self._replace: Path | None = None
        """The existing file the user was asked about (enter again replaces it)."""

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    def compose_body(self) -> ComposeResult:
        transfer = self.transfer
        default = ""
        if transfer.default_name:
            name = transfer.default_name.format(date=self.informa.today().isoformat())
            default = str(paths.export_dir() / name)
        yield Static(plain(f"{transfer.help}."), classes="message")
        yield field_row(
            "Folder" if transfer.folder else "File",
            SafeInput(
                default,
                placeholder=f"{transfer.prompt}: type its path (→ completes)",
                suggester=PathSuggester(),
                id="path",
            ),
        )
        yield ProgressBar(id="transfer-progress", show_eta=False)
        yield Static("", id="transfer-status")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Import", id="go", variant="primary", compact=True)

    def hint(self) -> Content:
        verb = "check the file" if self.transfer.is_import else "write"
        return keys_hint(("enter", verb), ("esc", "close"))

    def show_keys(self, *pairs: tuple[str, str]) -> None:
        self.query_one(".hint", Static).update(keys_hint(*pairs))

    @property
    def status(self) -> Static:
        return self.query_one("#transfer-status", Static)

    def say(self, text: str | Content, *, error: bool = False) -> None:
        self.status.update(plain(text) if isinstance(text, str) else text)
        self.status.set_class(error, "-error")

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._busy:
            return
        typed = event.value.strip()
        if not typed:
            self.say("Type the path of a file.", error=True)
            return
        path = Path(typed).expanduser()
        self._checked = None
        self.set_class(False, "-ready")
        self._busy = True
        if self.transfer.is_import:
            self.say("Reading…")
            self.check(path)
        elif self._replacing(path):
            self._busy = False
        else:
            self.say("Writing…")
            self.write(path)

    def _replacing(self, path: Path) -> bool:
        """A file export onto a file that exists asks first: enter again replaces it."""
        if self.transfer.folder or self.transfer.id == "backup" or not path.is_file():
            return False
        if self._replace == path:
            return False
        self._replace = path
        self.say(f"{path} exists: press enter again to replace it, or change the name.")
        return True

    @work(thread=True, exclusive=True, group="transfer")
    def check(self, path: Path) -> None:
        """Read the whole file and try it as a dry run: nothing is written yet."""
        from informa.actions.transfer import preview_import

        try:
            preview = preview_import(self.informa.store, self.transfer.format, path)
        except InformaError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._ready, preview)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.show_keys(("enter", "try again"), ("esc", "close"))
        self.remove_class("-running")
        self.say(message, error=True)
        self.query_one("#path", Input).focus()

    def _ready(self, preview: Preview) -> None:
        path, report = preview.path, preview.report
        self._busy = False
        self._checked = preview
        self.say(_report_text(report, heading=f"{path.name}: ready to import"))
        if report.created or report.updated:
            self.add_class("-ready")
            self.query_one("#go", Button).focus()
            self.show_keys(("enter", "import"), ("esc", "cancel"))
        else:
            self.say(_report_text(report, heading=f"{path.name}: nothing new to import"))

    @on(Button.Pressed, "#go")
    def _go_pressed(self) -> None:
        self.action_go()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Import only a file that has been checked, and not while one runs."""
        if action == "go":
            return self._checked is not None and not self._busy
        return True

    def action_go(self) -> None:
        if self._checked is None or self._busy:
            return
        path, result = self._checked.path, self._checked.incoming
        self._busy = True
        self.set_class(False, "-ready")
        self.add_class("-running")
        bar = self.query_one("#transfer-progress", ProgressBar)
        bar.update(total=max(len(result.contacts), 1), progress=0)
        self.say(f"Importing {counted(len(result.contacts), 'row')} from {path.name}…")
        self.run_import(path, result)

    @work(thread=True, exclusive=True, group="transfer")
    def run_import(self, path: Path, result: ReadResult) -> None:
        from informa.actions.transfer import merge_import

        bar = self.query_one("#transfer-progress", ProgressBar)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            report = merge_import(self.informa.store, result, progress=progress)
        except InformaError as exc:
            self.app.call_from_thread(self._failed, f"Nothing was imported: {exc}")
            return
        self.app.call_from_thread(self._imported, path, report)

    def _imported(self, path: Path, report: ImportReport) -> None:
        self._busy = False
        self._checked = None
        self.remove_class("-running")
        self.query_one("#path", Input).focus()  # another file, or esc
        self._changed = True
        self.say(_report_text(report, heading=f"Imported {path.name}"))
        self.show_keys(("esc", "close"))
        self.informa.notify(
            markup=False, message=f"{path.name}: {report.summary()}", title="Imported"
        )

    @work(thread=True, exclusive=True, group="transfer")
    def write(self, target: Path) -> None:
        try:
            rules = self.informa.settings.follow_up_rules()
            message = _export(self.transfer, self.informa.store, target, rules)
        except InformaError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._written, message)

    def _written(self, message: str) -> None:
        self._busy = False
        self.informa.notify(markup=False, message=message, title=self.transfer.title)
        self.dismiss(False)

    def action_cancel(self) -> None:
        if self._busy and self.transfer.is_import and self.has_class("-running"):
            self.notify("The import is running; it finishes in a moment.", severity="warning")
            return
        self.dismiss(self._changed)


def _report_text(report: ImportReport, *, heading: str) -> Content:
    lines: list[tuple[str, str] | str] = [(heading, "bold"), "\n", report.summary()]
    for label, items in (("skipped", report.skipped), ("warning", report.warnings)):
        for item in items[:SHOWN_PROBLEMS]:
            lines += ["\n", (f"{label}: ", "$text-muted"), str(item)]
        if len(items) > SHOWN_PROBLEMS:
            lines += ["\n", (f"… and {len(items) - SHOWN_PROBLEMS} more", "$text-muted")]
    return Content.assemble(*lines)
