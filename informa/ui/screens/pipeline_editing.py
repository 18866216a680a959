"""Changes to the highlighted contact: a dialog collects the input, one service call in a
thread worker saves it, a toast says what happened, and the list is read again, landing on
the contact. Adding and editing, stage moves, archiving and deleting, logging, the next
action, scheduling a call, company research and outreach.

Each dialog runs in a worker of the group ``dialog``: ``PipelineScreen.check_action`` lets
one open at a time. The dialogs load when first asked for, never with the first frame.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work

from informa.domain.enums import ActivityKind, Stage
from informa.domain.errors import InformaError, ValidationError
from informa.ui.keys import key_for
from informa.ui.screens.pipeline_loading import PipelineLoading
from informa.ui.widgets.contact_list import ContactList

if TYPE_CHECKING:
    from informa.domain.model import Contact

T = TypeVar("T")


class ContactEditing(PipelineLoading):
    """The pipeline's changes to the highlighted contact."""

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
        self.refresh_after_change(contact.id, follow=True)

    # -- adding and editing -------------------------------------------------------------

    def action_new_contact(self) -> None:
        self._open_contact_form(None)

    def action_edit_contact(self) -> None:
        if self.current is not None:
            self._open_contact_form(self.current)

    @on(ContactList.Selected)
    def _contact_selected(self) -> None:
        self.action_edit_contact()

    @work(group="dialog")
    async def _open_contact_form(self, contact: Contact | None) -> None:
        from informa.actions.pipeline import contact_form_choices
        from informa.ui.dialogs.contact_form import ContactForm

        try:
            # Off the UI thread: before the first view has loaded, this waits for the open.
            store = await asyncio.to_thread(getattr, self.informa, "store")
            choices = await asyncio.to_thread(contact_form_choices, store)
        except InformaError as exc:
            self._tell(str(exc), title="Could not open the form", severity="error")
            return
        draft = await self.app.push_screen_wait(
            ContactForm(companies=choices.companies, referrers=choices.referrers, initial=contact)
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

    # -- stages, archive, delete --------------------------------------------------------

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
                message=f"Archived {contact.name} ({key_for(self, 'archive')} again restores)",
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

    # -- what happened and what comes next ----------------------------------------------

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

    # -- research and outreach ----------------------------------------------------------

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
        if text is None:  # closed without saying it was sent: nothing to log
            return
        store, contact_id = self.informa.store, contact.id
        first_line = next((line for line in text.splitlines() if line.strip()), "")
        self._save(
            lambda: store.activities.log(
                contact_id, ActivityKind.OUTREACH, detail=f"Sent: {first_line[:80]}"
            ),
            done=lambda _: self.refresh_after_change(contact_id),
            message=f"Logged as outreach to {contact.name}",
        )
