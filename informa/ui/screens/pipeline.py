"""Home: the pipeline. Views on the left, the contacts of the view, the highlighted contact.

Every action here is one key (described in the footer and the help panel) and a command in
the palette. Dialogs collect input; the screen saves it through one service call in a thread
worker, then reloads what changed.

The screen is built in layers, one concern each: ``pipeline_loading`` reads the views and
shows the list and the details (the first frame's part), ``pipeline_editing`` makes the
changes to the highlighted contact, and this module adds the keys, the layout, the first
data and the screens it opens (prepare, call, debrief, review, transfer).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container

from informa.domain.errors import InformaError
from informa.ui.keys import KeyHelp, bindings, key_for
from informa.ui.screens.breakpoints import set_breakpoint_classes
from informa.ui.screens.pipeline_editing import ContactEditing
from informa.ui.widgets.contact_detail import ContactDetail
from informa.ui.widgets.contact_list import ContactList
from informa.ui.widgets.key_bar import KeyBar
from informa.ui.widgets.stage_list import StageList
from informa.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from informa.domain.model import Contact, Interview
    from informa.ui.screens.transfer import Transfer


PIPELINE_HELP = """
## Pipeline

The people you want to talk to, by stage: **Prospect → Reached out → Scheduled →
Interviewed → In touch → Closed**. *Due* lists next actions due today or overdue, the most
overdue first. `ctrl+p` jumps to anyone by name or company, and finds every action.
"""


class PipelineScreen(ContactEditing):
    """The contact pipeline."""

    HELP = KeyHelp(PIPELINE_HELP, "pipeline", "app")

    BINDINGS: ClassVar[list[BindingType]] = bindings("pipeline")

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

    # -- the first frame ----------------------------------------------------------------

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

    # -- calls, and the screens this one opens ------------------------------------------

    def calls_left_open(self, calls: tuple[Interview, ...]) -> None:
        self.offer_resume(calls[0])

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

        call = CallScreen(interview_id)

        def closed(ended: bool | None) -> None:
            # A call thrown away: land on its contact, wherever they are now.
            self.refresh_after_change(contact_id, follow=call.discarded)
            if ended:
                self._open_debrief(interview_id, contact_id)

        self.app.push_screen(call, callback=closed)

    def _open_debrief(self, interview_id: int, contact_id: int) -> None:
        from informa.ui.screens.debrief import DebriefScreen

        debrief = DebriefScreen(interview_id)

        def closed(_: None) -> None:
            self.refresh_after_change(contact_id, follow=debrief.discarded)

        self.app.push_screen(debrief, callback=closed)

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
        """Open this contact's next call (planned with a suggested plan if it has none),
        once the user says so: a stray key must not start one. A call under way resumes."""
        from informa.actions.prepare import start_call_now

        contact = self.current
        if contact is None:
            return
        app, contact_id = self.informa, contact.id
        try:
            calls = await asyncio.to_thread(app.store.interviews.for_contact, contact_id)
        except InformaError as exc:
            self._tell(str(exc), title="Could not start the call", severity="error")
            return
        under_way = any(c.started_at is not None and c.ended_at is None for c in calls)
        if not under_way and not await self._confirm_start(contact):
            return

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

    async def _confirm_start(self, contact: Contact) -> bool:
        from informa.ui.dialogs.confirm import Confirm

        question = Confirm(
            title=f"Start the call with {contact.name} now?",
            message=(
                "The clock starts at once and the call is kept as an interview. "
                f"To plan the questions first, press {key_for(self, 'prepare_call')}."
            ),
            confirm_label="Start call",
            danger=False,
            enter_confirms=True,
        )
        started: bool = await self.app.push_screen_wait(question)
        return started

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
