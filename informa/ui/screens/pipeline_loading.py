"""The pipeline's views as the screen reads and shows them: a view read in a thread worker,
its first rows first (the rest when the list wants them), the highlighted contact's details,
landing on a contact after a change, the filter box and the sort.

``PipelineScreen`` (``informa.ui.screens.pipeline``) is this screen with its keys, its layout
and the changes it makes; this module is on the first frame, so it imports what it draws
and nothing more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from informa.domain.enums import ALL, DUE, view_label
from informa.domain.errors import InformaError, NotFoundError
from informa.ui.keys import key_for
from informa.ui.messages import ContactLoaded, LoadFailed, PipelineLoaded
from informa.ui.text import clean
from informa.ui.widgets.contact_detail import ContactDetail
from informa.ui.widgets.contact_list import SORTABLE, ContactList, in_order
from informa.ui.widgets.safe import SafeInput
from informa.ui.widgets.stage_list import StageList

if TYPE_CHECKING:
    from collections.abc import Sequence

    from informa.domain.model import Contact, ContactDossier, Interview
    from informa.ui.app import InformaApp

FIRST_WINDOW = 200
"""Contacts read first when a view opens: more rows than the tallest terminal shows."""
STARTED_AFTER = 0.1
"""Seconds from the first data to ``InformaApp.started``: its collection of the start-up's
garbage (some 20 ms) comes after that frame is drawn, not before."""


def natural_sort(view: str) -> str:
    """The column a view opens sorted by: Due by date (the most overdue first), the others
    by name. ``s`` / ``S`` change it until the next view."""
    return "due" if view == DUE else "name"


class PipelineLoading(Screen[None]):
    """The views, the list and the details of the pipeline, read and shown."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = DUE
        self._first_load = True
        self._started = False
        self._resume_pending = True
        """No load has yet read the calls left in progress."""
        self._detail_pending = False
        self._detail_read: int | None = None
        """The contact whose details a view's load brought (no need to read them again)."""
        self._nobody_highlighted = True
        self._land_on: int | None = None
        self._follow = False
        self._total = 0
        self._listed_view: str | None = None
        """The view whose contacts the list holds (the one on screen may still be loading)."""

    # -- typed accessors ----------------------------------------------------------------

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    @property
    def stage_list(self) -> StageList:
        return self.query_one(StageList)

    @property
    def contacts(self) -> ContactList:
        return self.query_one(ContactList)

    @property
    def detail(self) -> ContactDetail:
        return self.query_one(ContactDetail)

    @property
    def filter_input(self) -> Input | None:
        """The filter box, once ``/`` has made it (an Input is a dozen milliseconds of the
        first frame: benchmarks/, startup)."""
        found = self.query("#filter")
        return found.first(Input) if found else None

    @property
    def current(self) -> Contact | None:
        return self.contacts.highlighted

    def _tell(self, message: str, **options: Any) -> None:
        """A toast with user text in it: never parsed as markup ("[b]Sam" stays as typed)."""
        self.notify(clean(message), markup=False, **options)

    def calls_left_open(self, calls: tuple[Interview, ...]) -> None:
        """The first load found calls still in progress (``calls``, never empty): informa
        stopped mid-call. The screen that opens calls offers to resume one; here, nothing."""

    # -- loading ------------------------------------------------------------------------

    def action_show_view(self, view: str) -> None:
        self.stage_list.select_view(view)

    def action_reload(self) -> None:
        self.load_pipeline(self.view, whole=self.contacts.whole_wanted)

    @on(StageList.Highlighted)
    def _view_highlighted(self, event: StageList.Highlighted) -> None:
        view = event.view
        if view != self.view:
            self.view = view
            if view != ALL:  # a jump lands on All: moving elsewhere first drops it
                self._land_on, self._follow = None, False
            self.load_pipeline(view)

    @on(StageList.Selected)
    def _view_selected(self) -> None:
        self.contacts.focus()

    @work(thread=True, exclusive=True, group="pipeline")
    def load_pipeline(self, view: str, *, whole: bool = False, first: bool = False) -> None:
        """Read ``view`` and post it: its first ``FIRST_WINDOW`` rows (and the counts of
        all), or all of it if ``whole``. The list asks for the rest when the user needs it
        (``ContactList.MoreWanted``), so a stage of thousands shows in a few milliseconds
        and is held in memory only if it is used (see benchmarks/: stage_switch, rss).
        Until one has arrived, a load also reads the calls left in progress (to offer them
        for resuming): the first may be overtaken by the user switching views. The ``first``
        load also reads the details of the contact listed first, so that the screen fills
        in one frame."""
        if not self.informa.open_store():  # the first time: the database opens here
            return
        from informa.actions.pipeline import read_pipeline

        def listed_first(contacts: Sequence[Contact]) -> Contact:
            return in_order(contacts, natural_sort(view))[0]

        try:
            read = read_pipeline(
                self.informa.store,
                view,
                self.informa.today(),
                limit=None if whole else FIRST_WINDOW,
                open_calls=self._resume_pending,
                first=listed_first if first else None,
            )
        except InformaError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:  # a newer load (a save, a switch) wins
            self.post_message(PipelineLoaded(read.pipeline, read.open_calls, read.first_detail))

    def on_pipeline_loaded(self, message: PipelineLoaded) -> None:
        pipeline = message.pipeline
        if message.open_calls is not None and self._resume_pending:
            self._resume_pending = False
            if message.open_calls:
                self.calls_left_open(message.open_calls)
        if pipeline.view != self.view:
            return  # the user has moved on to another view
        if self._first_load and pipeline.view == DUE and not pipeline.contacts and pipeline.total:
            # Nothing due: open on everyone rather than on an empty list.
            self._first_load = False
            self.action_show_view(ALL)
            return
        if not self._started:  # the first screenful is in: now the rest can start
            self._started = True
            # Once this frame is drawn (it collects): call_after_refresh may run before it.
            self.set_timer(STARTED_AFTER, self.informa.started)
        self._first_load = False
        self._total = pipeline.total
        self.stage_list.show_counts(pipeline.counts, pipeline.due_count, pipeline.total)
        contacts = self.contacts
        contacts.empty_message = (
            f"Nobody yet: press {key_for(self, 'new_contact')} to add your first contact."
            if pipeline.total == 0
            else "Nobody here."
        )
        new_view = self._listed_view != pipeline.view
        if new_view:
            self._listed_view = pipeline.view
            contacts.sort_column = natural_sort(pipeline.view)
            contacts.sort_reverse = False
        contacts.set_contacts(
            pipeline.contacts,
            self.informa.clock(),
            listed=pipeline.listed,
            new_view=new_view,
            calls=dict(pipeline.calls),
        )
        detail = message.first_detail
        self._detail_read = None
        if detail is not None and detail.contact.id == contacts.highlighted_id:
            self._detail_read = detail.contact.id  # the highlight need not read it again
            self._show_detail(detail)
        self._update_titles()
        land_on, self._land_on = self._land_on, None
        follow, self._follow = self._follow, False
        if land_on is not None and contacts.select_id(land_on):
            self.load_contact(land_on)  # the same row, new data
        elif land_on is not None and not contacts.complete:
            # Maybe further down than the rows read so far: read them all, then land.
            self._land_on, self._follow = land_on, follow
            self.load_pipeline(pipeline.view, whole=True)
            return
        elif land_on is not None and follow and self.view != ALL:
            # Jumping to someone this view does not show: go where everyone is.
            self._land_on = land_on
            self.action_show_view(ALL)
            return
        # Otherwise a change took them out of this view (moved on, closed): stay here, on
        # the neighbouring row; the toast said where they went.
        if not contacts.rows:
            self.detail.clear(workspace_empty=pipeline.total == 0)

    def _update_titles(self) -> None:
        contacts = self.contacts
        shown, total = len(contacts.rows), contacts.total
        count = f"{shown} of {total}" if contacts.filter_text else f"{total}"
        contacts.border_title = f"{view_label(self.view)} ({count})"
        arrow = "▼" if contacts.sort_reverse else "▲"
        subtitle = f"sorted by {contacts.sort_column} {arrow}"
        if contacts.filter_text:
            subtitle = f"filter “{clean(contacts.filter_text)}” · {subtitle}"
        contacts.border_subtitle = Text(subtitle)  # Text, not a string: never read as markup

    def on_load_failed(self, message: LoadFailed) -> None:
        self.informa.started()
        self.contacts.read_failed()
        self._tell(message.message, title="Could not load", severity="error", timeout=10)

    # -- the highlighted contact's details ----------------------------------------------

    @on(ContactList.Highlighted)
    def _contact_highlighted(self, event: ContactList.Highlighted) -> None:
        if (event.contact is None) != self._nobody_highlighted:
            self._nobody_highlighted = event.contact is None
            self.refresh_bindings()  # the contact keys are dimmed when nobody is highlighted
        if event.contact is not None:
            # The list's frame first, then the details: a new view or a held arrow key
            # repaints the list at once, and only the row the cursor stops on is read.
            if not self._detail_pending:
                self._detail_pending = True
                self.call_after_refresh(self._load_highlighted)
        elif not self.contacts.rows and not self._first_load:  # not before anything is read
            self.detail.clear(workspace_empty=self._total == 0)

    def _load_highlighted(self) -> None:
        self._detail_pending = False
        contact_id = self.contacts.highlighted_id
        read, self._detail_read = self._detail_read, None
        if contact_id is not None and contact_id != read:
            self.load_contact(contact_id)

    @on(ContactList.Sorted)
    def _sorted(self) -> None:
        self._update_titles()

    @on(ContactList.MoreWanted)
    def _more_wanted(self) -> None:
        if self._listed_view == self.view:  # not the previous view's rows, still on screen
            self.load_pipeline(self.view, whole=True)

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
        if self.contacts.highlighted_id == message.dossier.contact.id:
            self._show_detail(message.dossier)

    def _show_detail(self, dossier: ContactDossier) -> None:
        self.detail.show(dossier, self.informa.clock(), holidays=self.informa.settings.holidays)

    # -- landing on a contact -----------------------------------------------------------

    def refresh_after_change(self, contact_id: int | None = None, *, follow: bool = False) -> None:
        """Reload the list and the details after a change, landing on ``contact_id``
        (``follow``: switching to All if this view no longer shows them)."""
        self._land_on = contact_id
        if follow:
            self._follow = True
        self.load_pipeline(self.view, whole=self.contacts.whole_wanted)

    def jump_to(self, contact_id: int, *, reload: bool = False) -> None:
        """Put the cursor on a contact, switching to All if this view does not show them
        (``reload``: read the list again first, something changed)."""
        if not reload and self.contacts.select_id(contact_id):
            self.contacts.focus()
            return
        self.key_escape()  # a filter might hide them
        self._land_on = contact_id
        self._follow = True
        if self.view == ALL or not self.contacts.complete:
            self.load_pipeline(self.view, whole=True)  # they may be anywhere in this view
        else:
            self.action_show_view(ALL)
        self.contacts.focus()

    # -- filter and sort ----------------------------------------------------------------

    async def action_filter(self) -> None:
        box = self.filter_input
        if box is None:
            box = SafeInput(
                placeholder="Filter by name, company, role, tags or email (esc clears)",
                id="filter",
            )
            await self.query_one("#main").mount(box, before=self.contacts)
            self.watch(box, "value", self._filter_changed, init=False)
        box.add_class("-active")
        box.focus()
        self.contacts.want_more()  # read everyone while the first word is typed

    def _filter_changed(self, value: str) -> None:
        """Watched, not an ``Input.Changed`` handler: the message would arrive after the
        box's own frame, and the list would wait for the next one."""
        self.contacts.set_filter(value)
        self._update_titles()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.contacts.focus()

    def key_escape(self) -> None:
        box = self.filter_input
        if box is not None and box.has_class("-active"):
            box.value = ""
            box.remove_class("-active")
            self.contacts.focus()

    def action_sort(self) -> None:
        contacts = self.contacts
        following = SORTABLE[(SORTABLE.index(contacts.sort_column) + 1) % len(SORTABLE)]
        contacts.sort_by(following, reverse=False)
        self._update_titles()

    def action_sort_reverse(self) -> None:
        self.contacts.sort_by(self.contacts.sort_column)
        self._update_titles()
