"""iCalendar (.ics): the calls to come as events, and the agenda as to-dos (RFC 5545).

icalendar builds, escapes and folds the file, and writes the VTIMEZONE for the zone the times
are shown in (from the tz database, covering the years the file needs). UIDs come from ids in
the database, so importing a newer export into a calendar updates the events instead of
duplicating them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, Todo

from informa.domain.clock import ensure_aware
from informa.domain.errors import ValidationError
from informa.domain.followup import AgendaItem
from informa.domain.model import Contact, Interview, InterviewStatus, PlannedQuestion
from informa.domain.validate import check_url

if TYPE_CHECKING:
    from informa.domain.records import Snapshot

PRODID = "-//informa//informa//EN"
UID_DOMAIN = "informa.invalid"
ALARM_BEFORE = timedelta(minutes=15)
OTHER_TOPIC = "Your questions"
_CLOSED = (InterviewStatus.DONE, InterviewStatus.CANCELLED)


def interview_uid(interview_id: int) -> str:
    """The UID of a call's event: the same in every export of the same database."""
    return f"interview-{interview_id}@{UID_DOMAIN}"


def agenda_uid(item: AgendaItem) -> str:
    """The UID of an agenda item's to-do, from its stable key (``thank_you:5:5``)."""
    return f"agenda-{item.key.replace(':', '-')}@{UID_DOMAIN}"


def export_calendar(
    snapshot: Snapshot,
    agenda: Sequence[AgendaItem],
    *,
    zone: str | ZoneInfo,
    now: datetime,
) -> bytes:
    """An iCalendar file: a VEVENT for every call with a time that is not done or cancelled,
    and a VTODO for every agenda item.

    ``zone`` is the IANA name of the zone to show times in (``Europe/Berlin``; the machine's,
    from tzlocal) or a ``ZoneInfo``; ``now`` (aware) is the DTSTAMP. Raises
    ``ValidationError`` for a zone the tz database does not know. With no call to come and
    an empty agenda the calendar holds no component, which RFC 5545 does not allow: check
    for that first and say there is nothing to export.
    """
    local = _zone(zone)
    stamp = ensure_aware(now).astimezone(UTC)
    contacts = {contact.id: contact for contact in snapshot.contacts}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    years: set[int] = set()
    for interview in snapshot.interviews:
        if interview.scheduled_at is None or interview.status in _CLOSED:
            continue
        event = _event(interview, contacts.get(interview.contact_id), local, stamp)
        calendar.add_component(event)
        years.add(event.DTSTART.year)
    seen: set[str] = set()
    for item in agenda:
        uid = agenda_uid(item)
        if uid in seen:  # two hand-logged calls on one day: one thank-you to write
            continue
        seen.add(uid)
        todo = _todo(item, uid, local, stamp)
        calendar.add_component(todo)
        years.add(todo.DUE.year)
    if years:
        # Only the years the file needs: a VTIMEZONE from 1970 would list every change since.
        calendar.add_missing_timezones(date(min(years), 1, 1), date(max(years) + 2, 1, 1))
    return bytes(calendar.to_ical())


def _zone(zone: str | ZoneInfo) -> ZoneInfo:
    if isinstance(zone, ZoneInfo):
        return zone
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"unknown time zone '{zone}' (use a name such as Europe/Berlin)", field="zone"
        ) from None


def _event(interview: Interview, contact: Contact | None, local: tzinfo, stamp: datetime) -> Event:
    assert interview.scheduled_at is not None
    start = interview.scheduled_at.astimezone(local)
    minutes = max(interview.target_minutes, 1)
    name = contact.name if contact is not None else interview.contact_name
    company = contact.company_name if contact is not None else ""
    event = Event()
    event.add("uid", interview_uid(interview.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    event.add("summary", _summary(name, company))
    event.add("description", _description(interview, contact, name))
    scheduled = interview.status is not InterviewStatus.PLANNED
    event.add("status", "CONFIRMED" if scheduled else "TENTATIVE")
    link = interview.link.strip()
    if link:
        event.add("location", link)
        url = _web_address(link)
        if url:
            event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -ALARM_BEFORE)
    alarm.add("description", f"Informational interview with {name} in 15 minutes")
    event.add_component(alarm)
    return event


def _summary(name: str, company: str) -> str:
    if company:
        return f"Informational interview: {name} ({company})"
    return f"Informational interview: {name}"


def _web_address(link: str) -> str:
    try:
        return check_url(link)
    except ValidationError:
        return ""  # a phone number or a room: still the LOCATION, just not a URL


def _description(interview: Interview, contact: Contact | None, name: str) -> str:
    who = name
    if contact is not None and contact.role and contact.company_name:
        who = f"{name}, {contact.role} at {contact.company_name}"
    elif contact is not None and (contact.role or contact.company_name):
        who = f"{name}, {contact.role or contact.company_name}"
    parts = [f"With {who}. Target: {interview.target_minutes} minutes."]
    if interview.link.strip():
        parts.append(f"Join: {interview.link.strip()}")
    questions = [q for q in interview.questions if not q.skipped]
    if not questions:
        parts.append("No questions planned yet.")
        return "\n\n".join(parts)
    lines = ["Planned questions:"]
    topic: str | None = None
    for number, question in enumerate(sorted(questions, key=lambda q: q.position), 1):
        title = _topic_title(question)
        if title != topic:
            lines += ["", title]
            topic = title
        lines.append(f"{number}. {' '.join(question.text.split())}")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _topic_title(question: PlannedQuestion) -> str:
    """A topic id (``job-role``) as words; a stored title as is; one-offs together."""
    topic = question.topic.strip()
    if not topic:
        return OTHER_TOPIC
    if topic.islower() and " " not in topic:
        return topic.replace("-", " ").capitalize()
    return topic


def _todo(item: AgendaItem, uid: str, local: tzinfo, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", item.title)
    todo.add("description", item.detail)
    todo.add("due", item.due_at.astimezone(local) if item.due_at is not None else item.due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("categories", [item.kind.label])
    return todo


def has_entries(calendar: bytes) -> bool:
    """Whether an exported calendar holds any event or to-do: RFC 5545 wants at least one
    component, so an empty one is reported to the user instead of written."""
    return b"BEGIN:VEVENT" in calendar or b"BEGIN:VTODO" in calendar
