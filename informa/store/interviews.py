"""Interviews: scheduling, the question plan, the call itself and the thank-you."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta

from informa.domain import model as d
from informa.domain.errors import InformaError, NotFoundError, ValidationError
from informa.domain.plan import PlanItem
from informa.domain.validate import MAX_TEXT, check_url
from informa.store import convert, search
from informa.store import models as m
from informa.store.activities import add_row, advance_row
from informa.store.base import Service, raw_cursor, reads, writes
from informa.store.contacts import ContactService
from informa.store.rows import contact_row, interview_row

_NOTES_STATE = (
    "SELECT interview.notes, interview.notes_revision, interview.debrief, contact.name"
    " FROM interview JOIN contact ON contact.id = interview.contact_id WHERE interview.id = ?"
)
_SAVE_NOTES = "UPDATE interview SET notes = ?, notes_revision = ?, updated_at = ? WHERE id = ?"

_OPEN_STATUSES = (
    d.InterviewStatus.PLANNED.value,
    d.InterviewStatus.SCHEDULED.value,
    d.InterviewStatus.IN_PROGRESS.value,
)


class NotesConflictError(InformaError):
    """The notes changed elsewhere (another informa) since this editor loaded them."""

    def __init__(self, interview_id: int, stored: str, revision: int) -> None:
        super().__init__(f"the notes of interview {interview_id} were changed elsewhere")
        self.stored = stored
        self.revision = revision


class InterviewService(Service):
    @writes
    def schedule(
        self,
        contact_id: int,
        at: datetime,
        *,
        target_minutes: int = 25,
        link: str = "",
    ) -> d.Interview:
        contact = contact_row(contact_id)
        if not 5 <= target_minutes <= 180:
            raise ValidationError("the target length must be 5 to 180 minutes", field="target")
        now = self.now()
        link = check_url(link, "link")
        # A call prepared before it was scheduled is this call: its plan stays with it.
        row = (
            m.Interview.select()
            .where(
                (m.Interview.contact == contact)
                & (m.Interview.status == d.InterviewStatus.PLANNED.value)
                & m.Interview.scheduled_at.is_null()
            )
            .order_by(m.Interview.id)
            .first()
        )
        if row is None:
            row = m.Interview(contact=contact, created_at=now)
        row.status = d.InterviewStatus.SCHEDULED.value
        row.scheduled_at, row.target_minutes, row.link = self.now(at), target_minutes, link
        row.updated_at = now
        row.save()
        advance_row(contact, d.Stage.SCHEDULED, now)
        return self._value(row)

    @writes
    def prepare(self, contact_id: int, *, target_minutes: int = 25) -> d.Interview:
        """The interview to prepare for this contact: the next one not yet held, or a new,
        unscheduled one."""
        contact = contact_row(contact_id)
        open_row = (
            m.Interview.select()
            .where((m.Interview.contact == contact) & m.Interview.status.in_(_OPEN_STATUSES))
            .order_by(m.Interview.scheduled_at.asc(nulls="LAST"), m.Interview.id)
            .first()
        )
        if open_row is not None:
            return self._value(open_row)
        now = self.now()
        row = m.Interview.create(
            contact=contact,
            status=d.InterviewStatus.PLANNED.value,
            target_minutes=target_minutes,
            created_at=now,
            updated_at=now,
        )
        return self._value(row)

    @reads
    def in_progress(self) -> list[d.Interview]:
        """Calls started and not ended: after a crash, these are offered for resuming."""
        rows = m.Interview.select().where(m.Interview.status == d.InterviewStatus.IN_PROGRESS.value)
        return [self._value(row) for row in rows.order_by(m.Interview.started_at.desc())]

    @reads
    def booked_on(self, day: date) -> dict[int, datetime]:
        """Calls booked on the local ``day`` (the clock's zone) and not started, of contacts
        neither closed nor archived: each contact's first one, in time order, by contact id,
        in local time."""
        zone = self.now().tzinfo
        start = datetime.combine(day, time(), tzinfo=zone)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
        rows = (
            m.Interview.select(m.Interview.contact, m.Interview.scheduled_at)
            .join(m.Contact)
            .where(
                (m.Interview.status == d.InterviewStatus.SCHEDULED.value)
                & m.Interview.started_at.is_null()
                & (m.Interview.scheduled_at >= start)
                & (m.Interview.scheduled_at < end)
                & (m.Contact.stage != d.Stage.CLOSED.value)
                & ~m.Contact.archived
            )
            .order_by(m.Interview.scheduled_at, m.Interview.id)
        )
        booked: dict[int, datetime] = {}
        for row in rows:
            booked.setdefault(row.contact_id, row.scheduled_at.astimezone(zone))
        return booked

    @reads
    def asked_before(self, contact_id: int, *, excluding: int | None = None) -> set[str]:
        """Question refs already asked of this contact in other interviews."""
        query = (
            m.PlannedQuestion.select(m.PlannedQuestion.question_ref)
            .join(m.Interview)
            .where(
                (m.Interview.contact == contact_id)
                & m.PlannedQuestion.asked_at.is_null(False)
                & (m.PlannedQuestion.question_ref != "")
            )
        )
        if excluding is not None:
            query = query.where(m.Interview.id != excluding)
        return {row.question_ref for row in query}

    @writes
    def pause(self, interview_id: int, *, at: datetime | None = None) -> d.Interview:
        row = interview_row(interview_id)
        if row.started_at is not None and row.paused_at is None and row.ended_at is None:
            row.paused_at, row.updated_at = self.now(at), self.now()
            row.save(only=[m.Interview.paused_at, m.Interview.updated_at])
        return self._value(row)

    @writes
    def resume(self, interview_id: int, *, at: datetime | None = None) -> d.Interview:
        row = interview_row(interview_id)
        if row.paused_at is not None:
            paused = int((self.now(at) - row.paused_at).total_seconds())
            row.paused_seconds += max(paused, 0)
            row.paused_at, row.updated_at = None, self.now()
            row.save(
                only=[m.Interview.paused_seconds, m.Interview.paused_at, m.Interview.updated_at]
            )
        return self._value(row)

    @writes
    def save_debrief(self, interview_id: int, text: str) -> d.Interview:
        row = interview_row(interview_id)
        row.debrief, row.updated_at = text[:MAX_TEXT], self.now()
        row.save(only=[m.Interview.debrief, m.Interview.updated_at])
        search.index_interview(row, row.contact.name)
        return self._value(row)

    @writes
    def finish_debrief(
        self, interview_id: int, text: str, referrals: Sequence[d.ContactDraft] = ()
    ) -> list[d.Contact]:
        """Save the debrief and add the confirmed referrals not yet contacts, together (one
        transaction); returns the contacts added."""
        self.save_debrief(interview_id, text)
        return ContactService(self.clock).add_new(referrals)

    @writes
    def set_prep_done(self, interview_id: int, done: Collection[str]) -> d.Interview:
        """Which pre-call checklist items are ticked (ids without spaces)."""
        row = interview_row(interview_id)
        ids = sorted({item for item in done if item and not any(c.isspace() for c in item)})
        row.prep_done, row.updated_at = " ".join(ids), self.now()
        row.save(only=[m.Interview.prep_done, m.Interview.updated_at])
        return self._value(row)

    @writes
    def set_plan(self, interview_id: int, items: Sequence[PlanItem]) -> d.Interview:
        """Replace the plan, keeping asked/skipped marks of questions that stay in it."""
        row = interview_row(interview_id)
        old = {q.question_ref or q.text: q for q in row.questions}
        m.PlannedQuestion.delete().where(m.PlannedQuestion.interview == row).execute()
        for position, item in enumerate(items):
            previous = old.get(item.question_ref or item.text)
            m.PlannedQuestion.create(
                interview=row,
                question_ref=item.question_ref,
                topic=item.topic,
                text=item.text.strip(),
                position=position,
                asked_at=previous.asked_at if previous else None,
                skipped=previous.skipped if previous else False,
            )
        return self._value(row)

    @writes
    def start(self, interview_id: int, *, at: datetime | None = None) -> d.Interview:
        row = interview_row(interview_id)
        if row.started_at is None:
            row.started_at = self.now(at)
        row.status, row.updated_at = d.InterviewStatus.IN_PROGRESS.value, self.now()
        row.save()
        return self._value(row)

    @writes
    def save_notes(self, interview_id: int, notes: str, *, base_revision: int) -> int:
        """Save the notes body; returns the new revision.

        Refuses (``NotesConflictError``) if someone else saved since ``base_revision``, so
        that the caller can keep both versions instead of silently overwriting one.
        """
        # Fixed SQL, not peewee's query builder: an autosave comes every few keystrokes and
        # building the statements took as long as SQLite took to run them (benchmarks/).
        cursor = raw_cursor()
        found = cursor.execute(_NOTES_STATE, (interview_id,)).fetchone()
        if found is None:
            raise NotFoundError(f"interview {interview_id} does not exist")
        current, revision, debrief, contact_name = found
        if revision != base_revision:
            raise NotesConflictError(interview_id, current, revision)
        updated_at = m.Interview.updated_at.db_value(self.now())
        cursor.execute(_SAVE_NOTES, (notes, revision + 1, updated_at, interview_id))
        search.put("interview", interview_id, contact_name, search.notes_body(notes, debrief))
        return int(revision + 1)

    @writes
    def mark_asked(self, planned_id: int, *, at: datetime | None = None) -> d.PlannedQuestion:
        row = self._planned(planned_id)
        row.asked_at, row.skipped = self.now(at), False
        row.save()
        return convert.planned_question(row)

    @writes
    def skip(self, planned_id: int, skipped: bool = True) -> d.PlannedQuestion:
        row = self._planned(planned_id)
        row.skipped = skipped
        if skipped:
            row.asked_at = None
        row.save()
        return convert.planned_question(row)

    @writes
    def finish(self, interview_id: int, *, at: datetime | None = None) -> d.Interview:
        row = interview_row(interview_id)
        end = self.now(at)
        if row.paused_at is not None:  # ending while paused: the pause ends with the call
            row.paused_seconds += max(int((end - row.paused_at).total_seconds()), 0)
            row.paused_at = None
        row.started_at = row.started_at or end
        row.ended_at, row.status, row.updated_at = end, d.InterviewStatus.DONE.value, self.now()
        row.save()
        minutes = round(((end - row.started_at).total_seconds() - row.paused_seconds) / 60)
        add_row(row.contact, d.ActivityKind.CALL, end, f"Informational interview, {minutes} min")
        advance_row(row.contact, d.Stage.INTERVIEWED, end)
        return self._value(row)

    @writes
    def set_consent(self, interview_id: int, consent: d.Consent) -> d.Interview:
        row = interview_row(interview_id)
        row.recording_consent, row.updated_at = consent.value, self.now()
        row.save()
        return self._value(row)

    @writes
    def mark_thank_you_sent(
        self, interview_id: int, *, at: datetime | None = None, detail: str = ""
    ) -> d.Interview:
        row = interview_row(interview_id)
        sent = self.now(at)
        row.thank_you_sent_at, row.updated_at = sent, self.now()
        row.save()
        add_row(row.contact, d.ActivityKind.THANK_YOU, sent, detail or "Thank-you sent")
        return self._value(row)

    @writes
    def discard(self, interview_id: int) -> tuple[d.Interview, d.Stage]:
        """Throw a call away as if it had not happened: the interview, its plan, its search
        entry and the snoozes of its agenda items go; if it had ended, so do the call on the
        timeline and the move to Interviewed that ending it made (the contact goes back to
        the stage before, unless they were moved since). Returns the call as it was and the
        contact's stage now. Starting a call moves no stage: a call not ended leaves it."""
        row = interview_row(interview_id)
        value = self._value(row)
        contact = row.contact
        if row.ended_at is not None:
            _undo_finish(contact, row.ended_at)
        search.drop("interview", interview_id)
        m.Snooze.delete().where(
            m.Snooze.item_key.endswith(f":{contact.id}:{interview_id}")
        ).execute()
        m.PlannedQuestion.delete().where(m.PlannedQuestion.interview == row).execute()
        row.delete_instance()
        return value, d.Stage(contact.stage)

    @reads
    def get(self, interview_id: int) -> d.Interview:
        return self._value(interview_row(interview_id))

    @reads
    def for_contact(self, contact_id: int) -> list[d.Interview]:
        contact_row(contact_id)
        rows = (
            m.Interview.select()
            .where(m.Interview.contact == contact_id)
            .order_by(m.Interview.scheduled_at.desc(nulls="LAST"), m.Interview.id.desc())
        )
        return [self._value(row) for row in rows]

    @staticmethod
    def _planned(planned_id: int) -> m.PlannedQuestion:
        row = m.PlannedQuestion.get_or_none(m.PlannedQuestion.id == planned_id)
        if row is None:
            raise NotFoundError(f"planned question {planned_id} does not exist")
        return row

    @staticmethod
    def _value(row: m.Interview) -> d.Interview:
        questions = tuple(
            convert.planned_question(q) for q in row.questions.order_by(m.PlannedQuestion.position)
        )
        return convert.interview(row, row.contact.name, questions)


_INTERACTIONS = [kind.value for kind in d.ActivityKind if kind.is_interaction]


def _undo_finish(contact: m.Contact, ended_at: datetime) -> None:
    """Take back what ``finish`` wrote on the contact's side at ``ended_at``: the call on the
    timeline, the move to Interviewed (if they are still there), the last interaction."""
    at_end = m.Activity.select().where(
        (m.Activity.contact == contact) & (m.Activity.at == ended_at)
    )
    call = at_end.where(
        (m.Activity.kind == d.ActivityKind.CALL.value)
        & m.Activity.detail.startswith("Informational interview")
    ).first()
    moved = at_end.where(
        (m.Activity.kind == d.ActivityKind.STAGE_CHANGE.value)
        & m.Activity.detail.endswith(f" → {d.Stage.INTERVIEWED.label}")
    ).first()
    if moved is not None and contact.stage == d.Stage.INTERVIEWED.value:
        before = moved.detail.removesuffix(f" → {d.Stage.INTERVIEWED.label}")
        stage = next((stage for stage in d.Stage if stage.label == before), None)
        if stage is not None:
            contact.stage = stage.value
            contact.save(only=[m.Contact.stage])
            moved.delete_instance()
    if call is not None:
        call.delete_instance()
        if contact.last_interaction_at == ended_at:
            last = (
                m.Activity.select()
                .where((m.Activity.contact == contact) & m.Activity.kind.in_(_INTERACTIONS))
                .order_by(m.Activity.at.desc())
                .first()
            )
            contact.last_interaction_at = last.at if last is not None else None
            contact.save(only=[m.Contact.last_interaction_at])
