"""Home: the pipeline. Views on the left, the contacts of the view, the highlighted contact.

Every action here is one key (described in the footer and the help panel) and a command in
the palette. Dialogs collect input; the screen saves it through one service call in a thread
worker, then reloads what changed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from informa.domain.enums import ALL, DUE, ActivityKind, Stage, view_label
from informa.domain.errors import InformaError, NotFoundError, ValidationError
from informa.ui.messages import ContactLoaded, LoadFailed, PipelineLoaded
from informa.ui.screens.breakpoints import set_breakpoint_classes
from informa.ui.text import clean
from informa.ui.widgets.contact_detail import ContactDetail
from informa.ui.widgets.contact_list import SORTABLE, ContactList, in_order
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.safe import SafeInput
from informa.ui.widgets.stage_list import StageList
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.domain.model import Contact, ContactDossier, Interview
    from informa.ui.app import InformaApp
    from informa.ui.screens.transfer import Transfer

T = TypeVar("T")

FIRST_WINDOW = 200
"""Contacts read first when a view opens: more rows than the tallest terminal shows."""
STARTED_AFTER = 0.1
"""Seconds from the first data to ``InformaApp.started``: its collection of the start-up's
garbage (some 20 ms) comes after that frame is drawn, not before."""


def natural_sort(view: str) -> str:
    """The column a view opens sorted by: Due by date (the most overdue first), the others
    by name. ``s`` / ``S`` change it until the next view."""
    return "due" if view == DUE else "name"


PIPELINE_HELP = """
## Pipeline

The people you want to talk to, by stage: **Prospect → Reached out → Scheduled →
Interviewed → In touch → Closed**. *Due* lists next actions due today or overdue, the most
overdue first.

- `d` due, `a` all, `1`…`6` a stage; `/` filters as you type, `s` / `S` sort
- `n` new contact, `e` edit, `l` log an interaction, `t` next action, `c` schedule a call
- `]` / `[` next / previous stage, `m` move to any stage, `x` archive or restore, `delete`
- `p` prepares the next call (plan, pitch card, checklist) and starts it; `P` starts it
  at once; `b` opens the debrief of the last call
- `v` reviews: the agenda of what is due, progress, insights, the referral tree; `T`
  drafts the thank-you for the last call
- `o` compose outreach, `r` company research
- `ctrl+p` jumps to anyone by name or company
"""


ACTION_COMMANDS = (  # palette title, help, action
    ("New contact", "Add someone to the pipeline", "new_contact"),
    ("Edit contact", "Edit the highlighted contact", "edit_contact"),
    (
        "Log interaction",
        "Outreach sent, reply received, call, message, check-in, note",
        "log_interaction",
    ),
    ("Set next action", "What to do next and by when", "next_action"),
    ("Schedule call", "Date, time, link and length of a call", "schedule_call"),
    ("Prepare call", "Plan the questions, check the pitch card, then start", "prepare_call"),
    ("Start call now", "Notes, question checklist and timer for a call now", "start_call"),
    ("Debrief", "The last call: what it came to, referrals, reflection", "debrief"),
    ("Review", "Agenda, progress against your goal, insights, referral tree", "review"),
    ("Draft thank-you", "The thank-you for the last call with this contact", "thank_you"),
    (
        "Compose outreach",
        "Write the first message from a template, checked as you type",
        "outreach",
    ),
    ("Next stage", "Move the highlighted contact one stage on", "next_stage"),
    ("Previous stage", "Move the highlighted contact one stage back", "previous_stage"),
    ("Move to stage…", "Pick any stage for the highlighted contact", "move_stage"),
    ("Company research", "Notes on the company: jargon, competitors, news, links", "research"),
    ("Archive or restore", "Archive to Closed, or restore an archived contact", "archive"),
    ("Delete contact", "Delete the highlighted contact (asks first)", "delete_contact"),
    ("Filter contacts", "Filter the list as you type", "filter"),
    ("Sort contacts", "Sort by the next column", "sort"),
)


class PipelineScreen(Screen[None]):
    """The contact pipeline."""

    HELP = PIPELINE_HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_contact", "New", tooltip="Add a contact.", id="new_contact"),
        Binding("e", "edit_contact", "Edit", tooltip="Edit this contact.", id="edit_contact"),
        Binding("l", "log_interaction", "Log", tooltip="Log an interaction.", id="log"),
        Binding("t", "next_action", "Next", tooltip="Set the next action.", id="next_action"),
        Binding("c", "schedule_call", "Schedule", tooltip="Schedule a call.", id="schedule_call"),
        Binding(
            "p",
            "prepare_call",
            "Prepare call",
            tooltip="Plan the next call's questions, then start it.",
            id="prepare_call",
        ),
        Binding(
            "P",
            "start_call",
            "Start call",
            tooltip="Open the live call workspace now: notes, questions, timer.",
            show=False,
            id="start_call",
        ),
        Binding(
            "v",
            "review",
            "Review",
            tooltip="Agenda, progress, insights and referrals.",
            id="review",
        ),
        Binding(
            "T",
            "thank_you",
            "Thank-you",
            tooltip="Draft the thank-you for the last call with this contact.",
            show=False,
            id="thank_you",
        ),
        Binding(
            "b",
            "debrief",
            "Debrief",
            tooltip="The debrief of this contact's last call.",
            show=False,
            id="debrief",
        ),
        Binding("o", "outreach", "Outreach", tooltip="Compose an outreach message.", id="outreach"),
        Binding("right_square_bracket", "next_stage", "Stage→", id="next_stage"),
        Binding("left_square_bracket", "previous_stage", "←Stage", show=False, id="previous_stage"),
        Binding(
            "m", "move_stage", "Move", tooltip="Move to any stage.", show=False, id="move_stage"
        ),
        Binding("r", "research", "Research", tooltip="Company research.", id="research"),
        Binding("x", "archive", "Archive", tooltip="Archive or restore.", id="archive"),
        Binding(
            "delete",
            "delete_contact",
            "Delete",
            tooltip="Delete this contact (asks first).",
            show=False,  # in the help panel and the palette; the footer is full
            id="delete_contact",
        ),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("s", "sort", "Sort", show=False, id="sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False, id="sort_reverse"),
        Binding("d", "show_view('due')", "Due", show=False, id="view_due"),
        Binding("a", "show_view('all')", "All", show=False, id="view_all"),
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
        Binding("f5", "reload", "Reload", show=False, id="reload"),
    ]

    # Narrow terminals (a video call beside it) stack the details under the list.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it as an instance variable
        (0, "-narrow"),
        (170, "-wide"),
    ]

    AUTO_FOCUS = "#contacts"
    """The list has the focus from the first frame (focused in ``on_mount``, it took it from
    the stage list a frame later: a second full paint at start-up)."""

    DEFAULT_CSS = """
    PipelineScreen { layout: horizontal; }  /* the header and the key bar are docked */
    /* The details keep their half when the filter box opens above the list. */
    PipelineScreen #contact-detail { height: 50%; }
    PipelineScreen.-wide #contact-detail { dock: right; width: 56; height: 1fr; }
    #filter { display: none; height: 3; border: round $accent; }
    #filter.-active { display: block; }
    """

    def __init__(self) -> None:
        super().__init__(id="pipeline")
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

    def compose(self) -> ComposeResult:
        set_breakpoint_classes(self)
        yield TitleBar()
        yield StageList()
        with Container(id="main"):  # the list above the details, or beside them (-wide)
            yield ContactList(id="contacts")
            yield ContactDetail()
        yield KeyBar()

    def on_mount(self) -> None:
        self.stage_list.select_view(self.view)

    def first_frame_drawn(self) -> None:
        """The app's first frame is on the terminal (``InformaApp.on_ready``): now read the
        data. A reading thread started sooner holds the interpreter while that frame is
        drawn (benchmarks/: startup)."""
        self.load_pipeline(self.view, first=True)

    @work(group="dialog")
    async def offer_resume(self, call: Interview) -> None:
        """A call still "in progress" means informa stopped mid-call: offer to go back to it
        (the first load reads them, ``load_pipeline``)."""
        from informa.domain.notes import format_elapsed
        from informa.ui.dialogs.confirm import Confirm

        elapsed = format_elapsed(call.elapsed_seconds(self.informa.clock()))
        resume = await self.app.push_screen_wait(
            Confirm(
                title=f"Resume the call with {call.contact_name}?",
                message=(
                    f"It was still going when informa stopped ({elapsed} in). Your notes "
                    "and ticked questions are safe. Resume it now?"
                ),
                confirm_label="Resume",
                danger=False,
            )
        )
        if resume:
            self._open_call(call.id, call.contact_id)

    def _open_call(self, interview_id: int, contact_id: int) -> None:
        from informa.ui.screens.call import CallScreen

        def closed(ended: bool | None) -> None:
            self.refresh_after_change(contact_id)
            if ended:
                self._open_debrief(interview_id, contact_id)

        self.app.push_screen(CallScreen(interview_id), callback=closed)

    def _open_debrief(self, interview_id: int, contact_id: int) -> None:
        from informa.ui.screens.debrief import DebriefScreen

        self.app.push_screen(
            DebriefScreen(interview_id), callback=lambda _: self.refresh_after_change(contact_id)
        )

    def action_prepare_call(self) -> None:
        from informa.ui.screens.prepare import PrepareScreen

        contact = self.current
        if contact is None:
            return
        contact_id = contact.id

        def closed(start: int | None) -> None:
            self.refresh_after_change(contact_id)
            if start is not None:
                self._open_call(start, contact_id)  # the interview prepared, plan as it is

        self.app.push_screen(PrepareScreen(contact_id), callback=closed)

    def action_review(self) -> None:
        from informa.ui.screens.review import ReviewScreen

        def closed(contact_id: int | None) -> None:
            if contact_id is None:
                self.action_reload()  # the agenda may have changed things
            else:
                self.jump_to(contact_id, reload=True)

        self.app.push_screen(ReviewScreen(), callback=closed)

    def open_transfer(self, transfer: Transfer) -> None:
        """An import or export from the palette; after an import the list is read again."""
        from informa.ui.screens.transfer import TransferScreen

        def closed(changed: bool | None) -> None:
            if changed:
                self.action_reload()

        self.app.push_screen(TransferScreen(transfer), callback=closed)

    async def _last_call(self, contact: Contact) -> int | None:
        """The id of the last call with ``contact`` that has ended (or say there is none)."""
        try:
            calls = await asyncio.to_thread(self.informa.store.interviews.for_contact, contact.id)
        except InformaError as exc:
            self._tell(str(exc), severity="error")
            return None
        ended = [call for call in calls if call.ended_at is not None]
        if not ended:
            self._tell(f"No call with {contact.name} has ended yet.", severity="warning")
            return None
        return max(ended, key=lambda call: (call.ended_at, call.id)).id

    @work(group="dialog")
    async def action_debrief(self) -> None:
        contact = self.current
        if contact is None:
            return
        last = await self._last_call(contact)
        if last is not None:
            self._open_debrief(last, contact.id)

    @work(group="dialog")
    async def action_thank_you(self) -> None:
        from informa.ui.thanks import draft_thank_you

        contact = self.current
        if contact is None:
            return
        last = await self._last_call(contact)
        if last is not None and await draft_thank_you(self, last):
            self.refresh_after_change(contact.id)

    @work(group="dialog")
    async def action_start_call(self) -> None:
        """Open this contact's next call (planned with a suggested plan if it has none)."""
        from informa.actions.prepare import start_call_now

        contact = self.current
        if contact is None:
            return
        app, contact_id = self.informa, contact.id

        def start() -> Interview:  # the banks, too, are read off the UI thread
            return start_call_now(
                app.store, app.banks, contact_id, minutes=app.settings.call_minutes
            )

        try:
            call = await asyncio.to_thread(start)
        except InformaError as exc:
            self._tell(str(exc), title="Could not start the call", severity="error")
            return
        self._open_call(call.id, contact.id)

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
        store, today = self.informa.store, self.informa.today()
        try:
            pipeline = store.views.pipeline(view, today, limit=None if whole else FIRST_WINDOW)
        except InformaError as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        open_calls: tuple[Interview, ...] | None = None
        if self._resume_pending:
            try:
                open_calls = tuple(store.interviews.in_progress())
            except InformaError:
                open_calls = ()  # nothing to offer rather than no list
        first_detail: ContactDossier | None = None
        if first and pipeline.contacts:
            top = in_order(pipeline.contacts, natural_sort(view))[0]
            with suppress(InformaError):  # then the details load as they always do
                first_detail = store.views.dossier(top.id)
        if not get_current_worker().is_cancelled:  # a newer load (a save, a switch) wins
            self.post_message(PipelineLoaded(pipeline, open_calls, first_detail))

    def on_pipeline_loaded(self, message: PipelineLoaded) -> None:
        pipeline = message.pipeline
        if message.open_calls is not None and self._resume_pending:
            self._resume_pending = False
            if message.open_calls:
                self.offer_resume(message.open_calls[0])
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
            "Nobody yet: press n to add your first contact."
            if pipeline.total == 0
            else "Nobody here."
        )
        new_view = self._listed_view != pipeline.view
        if new_view:
            self._listed_view = pipeline.view
            contacts.sort_column = natural_sort(pipeline.view)
            contacts.sort_reverse = False
        contacts.set_contacts(
            pipeline.contacts, self.informa.clock(), listed=pipeline.listed, new_view=new_view
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

    def _tell(self, message: str, **options: Any) -> None:
        """A toast with user text in it: never parsed as markup ("[b]Sam" stays as typed)."""
        self.notify(clean(message), markup=False, **options)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.informa.started()
        self.contacts.read_failed()
        self._tell(message.message, title="Could not load", severity="error", timeout=10)

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

    @on(ContactList.Selected)
    def _contact_selected(self) -> None:
        self.action_edit_contact()

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

    def refresh_after_change(self, contact_id: int | None = None) -> None:
        """Reload the list and the details after a change, landing on ``contact_id``."""
        self._land_on = contact_id
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

    # -- actions on the highlighted contact ---------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_contact = {
            "prepare_call",
            "start_call",
            "debrief",
            "thank_you",
            "edit_contact",
            "log_interaction",
            "next_action",
            "schedule_call",
            "outreach",
            "next_stage",
            "previous_stage",
            "move_stage",
            "research",
            "archive",
            "delete_contact",
        }
        if action in needs_contact and self.is_mounted and self.current is None:
            return None  # shown dimmed in the footer
        if action in needs_contact or action == "new_contact":
            # One dialog at a time: keys typed while a form is loading must not stack more.
            opening = any(
                worker.group == "dialog" and not worker.is_finished
                for worker in self.app.workers
                if worker.node is self
            )
            if opening:
                return False
        return True

    def _save(
        self,
        job: Callable[[], T],
        *,
        done: Callable[[T], None] | None = None,
        message: str | Callable[[T], str] | None = None,
    ) -> None:
        """Run one service call off the UI thread; report success or the error."""
        self._save_worker(job, done, message)

    @work(thread=True, group="save")
    def _save_worker(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None] | None,
        message: str | Callable[[Any], str] | None,
    ) -> None:
        try:
            result = job()
        except ValidationError as exc:
            self.app.call_from_thread(self._tell, str(exc), title="Not saved", severity="error")
            return
        except InformaError as exc:
            self.app.call_from_thread(
                self._tell, str(exc), title="Not saved", severity="error", timeout=10
            )
            return
        text = message(result) if callable(message) else message
        if text:
            self.app.call_from_thread(self._tell, text)
        if done is not None:
            self.app.call_from_thread(done, result)

    def _changed(self, contact: Contact) -> None:
        self.refresh_after_change(contact.id)

    def _added(self, contact: Contact) -> None:
        """A new contact: show them, switching to All if this view would hide them."""
        self._follow = True
        self.refresh_after_change(contact.id)

    def action_new_contact(self) -> None:
        self._open_contact_form(None)

    def action_edit_contact(self) -> None:
        if self.current is not None:
            self._open_contact_form(self.current)

    @work(group="dialog")
    async def _open_contact_form(self, contact: Contact | None) -> None:
        from informa.ui.dialogs.contact_form import ContactForm

        try:
            # Off the UI thread: before the first view has loaded, this waits for the open.
            store = await asyncio.to_thread(getattr, self.informa, "store")
            everyone = await asyncio.to_thread(store.contacts.browse)
            companies = [c.name for c in await asyncio.to_thread(store.companies.all)]
        except InformaError as exc:
            self._tell(str(exc), title="Could not open the form", severity="error")
            return
        referrers = [(other.id, other.name) for other in everyone]
        draft = await self.app.push_screen_wait(
            ContactForm(companies=companies, referrers=referrers, initial=contact)
        )
        if draft is None:
            return
        if contact is None:
            self._save(
                lambda: store.contacts.create(draft),
                done=self._added,
                message=lambda saved: f"Added {saved.name}",
            )
        else:
            contact_id = contact.id
            self._save(
                lambda: store.contacts.update(contact_id, draft),
                done=self._changed,
                message=lambda saved: f"Saved {saved.name}",
            )

    def _move(self, stage: Stage) -> None:
        contact = self.current
        if contact is None or stage is contact.stage:
            return
        store, contact_id = self.informa.store, contact.id
        self._save(
            lambda: store.contacts.move(contact_id, stage),
            done=self._changed,
            message=f"{contact.name} → {stage.label}",
        )

    def action_next_stage(self) -> None:
        if self.current is not None:
            self._move(self.current.stage.next())

    def action_previous_stage(self) -> None:
        if self.current is not None:
            self._move(self.current.stage.previous())

    @work(group="dialog")
    async def action_move_stage(self) -> None:
        from informa.ui.dialogs.stage_picker import StagePicker

        contact = self.current
        if contact is None:
            return
        stage = await self.app.push_screen_wait(
            StagePicker(contact_name=contact.name, current=contact.stage)
        )
        if stage is not None:
            self._move(stage)

    def action_archive(self) -> None:
        contact = self.current
        if contact is None:
            return
        store, contact_id = self.informa.store, contact.id
        if contact.archived:
            self._save(
                lambda: store.contacts.restore(contact_id),
                done=self._changed,
                message=lambda saved: f"Restored {saved.name} to {saved.stage.label}",
            )
        else:
            self._save(
                lambda: store.contacts.archive(contact_id),
                done=self._changed,
                message=f"Archived {contact.name} (x again restores)",
            )

    @work(group="dialog")
    async def action_delete_contact(self) -> None:
        from informa.ui.dialogs.confirm import Confirm

        contact = self.current
        if contact is None:
            return
        confirmed = await self.app.push_screen_wait(
            Confirm(
                title=f"Delete {contact.name}?",
                message=(
                    "Their interviews, notes and timeline are deleted too. People they "
                    "referred stay in your pipeline. This cannot be undone."
                ),
            )
        )
        if not confirmed:
            return
        store, contact_id = self.informa.store, contact.id
        self._save(
            lambda: store.contacts.delete(contact_id),
            done=lambda _: self.refresh_after_change(),
            message=f"Deleted {contact.name}",
        )

    @work(group="dialog")
    async def action_log_interaction(self) -> None:
        from informa.ui.dialogs.log_interaction import LogInteraction

        contact = self.current
        if contact is None:
            return
        entry = await self.app.push_screen_wait(
            LogInteraction(contact_name=contact.name, now=self.informa.clock())
        )
        if entry is None:
            return
        store, contact_id = self.informa.store, contact.id
        self._save(
            lambda: store.activities.log(contact_id, entry.kind, at=entry.at, detail=entry.detail),
            done=lambda _: self.refresh_after_change(contact_id),
            message=f"Logged {entry.kind.label.lower()} with {contact.name}",
        )

    @work(group="dialog")
    async def action_next_action(self) -> None:
        from informa.ui.dialogs.next_action import NextActionDialog

        contact = self.current
        if contact is None:
            return
        result = await self.app.push_screen_wait(
            NextActionDialog(
                contact_name=contact.name,
                now=self.informa.clock(),
                current_text=contact.next_action,
                current_due=contact.next_action_due,
            )
        )
        if result is None:
            return
        store, contact_id = self.informa.store, contact.id
        self._save(
            lambda: store.contacts.set_next_action(contact_id, result.text, result.due),
            done=self._changed,
            message="Next action cleared" if not result.text else "Next action set",
        )

    @work(group="dialog")
    async def action_schedule_call(self) -> None:
        from informa.ui.dialogs.schedule_call import ScheduleCall

        contact = self.current
        if contact is None:
            return
        plan = await self.app.push_screen_wait(
            ScheduleCall(
                contact_name=contact.name,
                now=self.informa.clock(),
                default_minutes=self.informa.settings.call_minutes,
            )
        )
        if plan is None:
            return
        store, contact_id = self.informa.store, contact.id
        self._save(
            lambda: store.interviews.schedule(
                contact_id, plan.at, target_minutes=plan.minutes, link=plan.link
            ),
            done=lambda _: self.refresh_after_change(contact_id),
            message=f"Call with {contact.name} on {plan.at:%a %d %b at %H:%M}",
        )

    @work(group="dialog")
    async def action_research(self) -> None:
        from informa.ui.dialogs.company_research import CompanyResearch

        contact = self.current
        if contact is None:
            return
        if contact.company_id is None:
            self._tell(
                f"{contact.name} has no company yet: add one with e (edit).",
                severity="warning",
            )
            return
        store, company_id = self.informa.store, contact.company_id
        try:
            company = await asyncio.to_thread(store.companies.get, company_id)
        except InformaError as exc:
            self._tell(str(exc), title="Could not open the research", severity="error")
            return
        text = await self.app.push_screen_wait(
            CompanyResearch(
                company_name=company.name, research=company.research, editor=self.informa.editor
            )
        )
        if text is None or text == company.research:
            return
        contact_id = contact.id
        self._save(
            lambda: store.companies.set_research(company_id, text),
            done=lambda _: self.refresh_after_change(contact_id),
            message=f"Saved research on {company.name}",
        )

    @work(group="dialog")
    async def action_outreach(self) -> None:
        from informa.domain.outreach import check_outreach
        from informa.templates import outreach_fields, render, suggested_order
        from informa.ui.dialogs.outreach import OutreachComposer

        contact = self.current
        if contact is None:
            return
        settings = self.informa.settings
        fields = outreach_fields(
            contact, your_name=settings.your_name, your_background=settings.your_background
        )
        templates = [
            (template.id, template.title, render(template, fields))
            for template in suggested_order(self.informa.templates.templates, contact)
        ]
        if not (settings.your_name and settings.your_background):
            self._tell(
                "Tip: set your_name and your_background in settings.yaml "
                "(informa where shows it) to fill in [my_name] and [my_background].",
                timeout=8,
            )
        text = await self.app.push_screen_wait(
            OutreachComposer(contact_name=contact.name, templates=templates, check=check_outreach)
        )
        if text is None:
            return
        self.app.copy_to_clipboard(text)
        store, contact_id = self.informa.store, contact.id
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        self._save(
            lambda: store.activities.log(
                contact_id, ActivityKind.OUTREACH, detail=f"Sent: {first_line[:80]}"
            ),
            done=lambda _: self.refresh_after_change(contact_id),
            message=f"Copied to the clipboard and logged as outreach to {contact.name}",
        )
