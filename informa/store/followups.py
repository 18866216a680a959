"""The agenda and the review: everything the follow-up rules and the progress figures need,
read in one transaction, and the snoozes the user set.

The rules themselves are pure (``domain.followup``); this module only gathers their input:
one query per table, grouped in Python, so an agenda over thousands of contacts stays a
handful of queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from informa.domain import model as d
from informa.domain.agenda import AHEAD_DAYS
from informa.domain.followup import AgendaItem, Rules
from informa.domain.records import Records
from informa.domain.validate import clean_line
from informa.store import convert
from informa.store import models as m
from informa.store.base import Service, reads, writes
from informa.store.contacts import _select, _values


class FollowUpService(Service):
    @reads
    def records(self) -> Records:
        """All contacts, activities, interviews (with their plans) and snoozes, in one read."""
        contacts = tuple(_values(_select().order_by(m.Contact.name_key)))
        names = {contact.id: contact.name for contact in contacts}
        activities: dict[int, list[d.Activity]] = defaultdict(list)
        for event in m.Activity.select().order_by(m.Activity.at, m.Activity.id):
            activities[event.contact_id].append(convert.activity(event))
        questions: dict[int, list[d.PlannedQuestion]] = defaultdict(list)
        for question in m.PlannedQuestion.select().order_by(m.PlannedQuestion.position):
            questions[question.interview_id].append(convert.planned_question(question))
        interviews: dict[int, list[d.Interview]] = defaultdict(list)
        for row in m.Interview.select().order_by(m.Interview.id):
            value = convert.interview(
                row, names.get(row.contact_id, ""), tuple(questions.get(row.id, ()))
            )
            interviews[row.contact_id].append(value)
        industries = {
            row.id: row.industry for row in m.Company.select(m.Company.id, m.Company.industry)
        }
        return Records(
            contacts,
            {key: tuple(value) for key, value in activities.items()},
            {key: tuple(value) for key, value in interviews.items()},
            industries,
            self.snoozed(),
        )

    @reads
    def snoozed(self) -> dict[str, date]:
        """Agenda item keys put off, and the day each comes back."""
        return {row.item_key: row.until for row in m.Snooze.select()}

    @writes
    def snooze(self, item_key: str, until: date) -> None:
        """Put an agenda item off until ``until`` (it shows again on that day)."""
        key = clean_line(item_key)
        if not key:
            return
        m.Snooze.insert(item_key=key, until=until).on_conflict_replace().execute()

    def agenda(self, rules: Rules, *, horizon_days: int = AHEAD_DAYS) -> list[AgendaItem]:
        """What is due or overdue, up to ``horizon_days`` ahead, snoozed items left out."""
        return self.records().agenda(now=self.now(), rules=rules, horizon_days=horizon_days)
