"""What the exports read: everything, in one consistent read transaction."""

from __future__ import annotations

from collections import defaultdict

from informa.domain import model as d
from informa.domain.records import Snapshot
from informa.store import convert
from informa.store import models as m
from informa.store.base import Service, reads
from informa.store.contacts import _select, _values


class ExportService(Service):
    @reads
    def snapshot(self) -> Snapshot:
        contacts = tuple(_values(_select().order_by(m.Contact.name_key, m.Contact.id)))
        names = {contact.id: contact.name for contact in contacts}
        questions: dict[int, list[d.PlannedQuestion]] = defaultdict(list)
        for row in m.PlannedQuestion.select().order_by(
            m.PlannedQuestion.interview, m.PlannedQuestion.position, m.PlannedQuestion.id
        ):
            questions[row.interview_id].append(convert.planned_question(row))
        interviews = tuple(
            convert.interview(row, names.get(row.contact_id, ""), tuple(questions[row.id]))
            for row in m.Interview.select().order_by(
                m.Interview.contact,
                m.Interview.scheduled_at.asc(nulls="LAST"),
                m.Interview.id,
            )
        )
        companies = tuple(
            convert.company(row) for row in m.Company.select().order_by(m.Company.name_key)
        )
        activities = tuple(
            convert.activity(row)
            for row in m.Activity.select().order_by(m.Activity.at, m.Activity.id)
        )
        profile = m.Profile.get_or_none(m.Profile.id == 1)
        pitch = (
            d.PitchCard(profile.background, profile.goals, profile.skills)
            if profile is not None
            else d.PitchCard()
        )
        return Snapshot(companies, contacts, interviews, activities, pitch)
