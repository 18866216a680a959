"""Read models for screens: what one screen shows, in one consistent read transaction."""

from __future__ import annotations

from datetime import date

from informa.domain import model as d
from informa.domain.clock import Clock
from informa.store.activities import ActivityService
from informa.store.base import Service, reads
from informa.store.companies import CompanyService
from informa.store.contacts import ContactService
from informa.store.interviews import InterviewService

TIMELINE_LIMIT = 50


def _next_action_due(contact: d.Contact, today: date) -> bool:
    """In the due view for their next action (as ``ContactService.due`` reads it)."""
    due = contact.next_action_due
    return due is not None and due <= today and contact.stage is not d.Stage.CLOSED


class ViewService(Service):
    def __init__(
        self,
        clock: Clock,
        *,
        contacts: ContactService,
        companies: CompanyService,
        interviews: InterviewService,
        activities: ActivityService,
    ) -> None:
        super().__init__(clock)
        self.contacts = contacts
        self.companies = companies
        self.interviews = interviews
        self.activities = activities

    @reads
    def pipeline(self, view: str, today: date, *, limit: int | None = None) -> d.PipelineView:
        """The counts per stage and the contacts of ``view`` (due, all, or a stage value),
        in the view's natural order; only the first ``limit`` of them if given (the screen
        paints those, then asks for the rest). The due view lists the people with a call
        booked ``today`` first, in the order of their calls, then those whose next action is
        due; every view carries today's calls (``PipelineView.calls``)."""
        contacts = self.contacts
        booked = self.interviews.booked_on(today)
        callers = [contacts.get(contact_id) for contact_id in booked]
        also_due = sum(not _next_action_due(caller, today) for caller in callers)
        if view == d.DUE:
            read = contacts.due(today, limit=limit)
            complete = limit is None or len(read) < limit
            shown = [*callers, *(one for one in read if one.id not in booked)]
        else:
            if view == d.ALL:
                read = contacts.browse(limit=limit)
            else:
                read = contacts.browse(d.Stage(view), limit=limit)
            complete = limit is None or len(read) < limit
            shown = read
        if view == d.DUE and complete:
            due_count = len(shown)
        else:
            due_count = contacts.due_count(today) + also_due
        counts = contacts.stage_counts()
        total = sum(count.count for count in counts)
        return d.PipelineView(
            view, tuple(counts), due_count, total, tuple(shown), complete, tuple(booked.items())
        )

    @reads
    def dossier(self, contact_id: int) -> d.ContactDossier:
        contact = self.contacts.get(contact_id)
        company = self.companies.get(contact.company_id) if contact.company_id else None
        return d.ContactDossier(
            contact=contact,
            company=company,
            referrals=tuple(self.contacts.referrals(contact_id)),
            interviews=tuple(self.interviews.for_contact(contact_id)),
            timeline=tuple(self.activities.timeline(contact_id, TIMELINE_LIMIT)),
        )
