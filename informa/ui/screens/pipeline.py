"""Home: the pipeline. Views on the left, the contacts of the view, the highlighted contact."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList

from informa.domain.errors import InformaError, NotFoundError
from informa.domain.model import ALL, DUE, Stage, view_label
from informa.ui.messages import ContactLoaded, LoadFailed, PipelineLoaded
from informa.ui.widgets.contact_detail import ContactDetail
from informa.ui.widgets.contact_table import ContactTable
from informa.ui.widgets.stage_list import StageList

if TYPE_CHECKING:
    from informa.ui.app import InformaApp


class PipelineScreen(Screen[None]):
    """The contact pipeline."""

    HELP = """
## Pipeline

The people you want to talk to, by stage: **Prospect → Reached out → Scheduled →
Interviewed → In touch → Closed**. *Due* lists next actions due today or overdue.

- `d` due, `a` all, `1`–`6` a stage
- `tab` / `shift+tab` move between the views, the list and the details
- `r` reload from the database
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "show_view('due')", "Due", id="view_due"),
        Binding("a", "show_view('all')", "All", id="view_all"),
        *(
            Binding(
                str(number),
                f"show_view('{stage.value}')",
                stage.label,
                show=False,
                id=f"view_{stage.value}",
            )
            for number, stage in enumerate(Stage, start=1)
        ),
        Binding("r", "reload", "Reload", show=False, id="reload"),
    ]

    # Narrow terminals (a video call beside it) stack the details under the list.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it as an instance variable
        (0, "-narrow"),
        (170, "-wide"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pipeline")
        self.view = DUE
        self._first_load = True

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    @property
    def stage_list(self) -> StageList:
        return self.query_one(StageList)

    @property
    def table(self) -> ContactTable:
        return self.query_one(ContactTable)

    @property
    def detail(self) -> ContactDetail:
        return self.query_one(ContactDetail)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="workspace"):
            yield StageList()
            with Container(id="main"):
                table = ContactTable()
                table.border_title = view_label(self.view)
                yield table
                yield ContactDetail()
        yield Footer()

    def on_mount(self) -> None:
        self.stage_list.select_view(self.view)
        self.table.focus()
        self.load_pipeline(self.view)

    def action_show_view(self, view: str) -> None:
        self.stage_list.select_view(view)

    def action_reload(self) -> None:
        self.load_pipeline(self.view)

    @on(OptionList.OptionHighlighted, "#stages")
    def _view_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        view = event.option.id
        if view is not None and view != self.view:
            self.view = view
            self.load_pipeline(view)

    @on(OptionList.OptionSelected, "#stages")
    def _view_selected(self) -> None:
        self.table.focus()

    @work(thread=True, exclusive=True, group="pipeline")
    def load_pipeline(self, view: str) -> None:
        try:
            pipeline = self.informa.store.views.pipeline(view, self.informa.today())
        except InformaError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(PipelineLoaded(pipeline))

    def on_pipeline_loaded(self, message: PipelineLoaded) -> None:
        pipeline = message.pipeline
        if pipeline.view != self.view:
            return  # the user has moved on to another view
        if self._first_load and pipeline.view == DUE and not pipeline.contacts and pipeline.total:
            # Nothing due: open on everyone rather than on an empty list.
            self._first_load = False
            self.action_show_view(ALL)
            return
        self._first_load = False
        self.stage_list.show_counts(pipeline.counts, pipeline.due_count, pipeline.total)
        self.table.show(pipeline.contacts, self.informa.clock())
        self.table.border_title = f"{view_label(pipeline.view)} ({len(pipeline.contacts)})"
        if not pipeline.contacts:
            self.detail.clear(workspace_empty=pipeline.total == 0)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.message, title="Could not load", severity="error", timeout=10)

    @on(DataTable.RowHighlighted, "#contacts")
    def _contact_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.load_contact(int(event.row_key.value))

    @work(thread=True, exclusive=True, group="detail")
    def load_contact(self, contact_id: int) -> None:
        try:
            dossier = self.informa.store.views.dossier(contact_id)
        except NotFoundError:
            # Deleted elsewhere (another informa, an import): refresh the list instead.
            self.post_message(LoadFailed("That contact no longer exists; the list was refreshed."))
            self.app.call_from_thread(self.action_reload)
            return
        except InformaError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(ContactLoaded(dossier))

    def on_contact_loaded(self, message: ContactLoaded) -> None:
        if self.table.selected_id == message.dossier.contact.id:
            self.detail.show(message.dossier, self.informa.clock())
