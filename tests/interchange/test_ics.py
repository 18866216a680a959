"""iCalendar: calls to come as events, the agenda as to-dos, valid RFC 5545 in any zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, Todo

from informa.domain.errors import ValidationError
from informa.domain.followup import AgendaItem, AgendaKind, Rules
from informa.domain.model import ContactDraft, InterviewStatus, PitchCard
from informa.domain.plan import PlanItem
from informa.domain.records import Snapshot
from informa.interchange.ics import agenda_uid, export_calendar, interview_uid
from informa.store import Store
from tests.builders import NOW

NEW_YORK = "America/New_York"


def export(store: Store, zone: str = NEW_YORK, now: datetime = NOW) -> bytes:
    agenda = store.followups.agenda(Rules(), horizon_days=14)
    return export_calendar(store.exports.snapshot(), agenda, zone=zone, now=now)


def parse(data: bytes) -> Calendar:
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    return calendar


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def event_for(calendar: Calendar, interview_id: int) -> Event:
    return next(e for e in calendar.events if str(e["UID"]) == interview_uid(interview_id))


# ---------------------------------------------------------------------------------------------
# The file


def test_the_export_is_a_valid_calendar_with_every_required_property(demo_store: Store) -> None:
    data = export(demo_store)
    calendar = parse(data)

    assert str(calendar["PRODID"]) == "-//informa//informa//EN"
    assert str(calendar["VERSION"]) == "2.0"
    components = [*calendar.events, *calendar.todos]
    assert calendar.events
    assert calendar.todos
    for component in components:
        assert str(component["UID"])
        assert component.decoded("DTSTAMP") == NOW
    uids = [str(component["UID"]) for component in components]
    assert len(uids) == len(set(uids))
    for event in calendar.events:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
        assert str(alarm["DESCRIPTION"]).startswith("Informational interview with ")
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert not calendar.get_missing_tzids()


def test_lines_end_in_crlf_and_are_at_most_75_octets(demo_store: Store) -> None:
    data = export(demo_store)

    assert data.endswith(b"\r\n")
    lines = data[: -len(b"\r\n")].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the descriptions were folded


@pytest.mark.parametrize(
    "zone", [NEW_YORK, "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Etc/UTC", "UTC"]
)
def test_every_tzid_refers_to_a_vtimezone_in_the_file(demo_store: Store, zone: str) -> None:
    data = export(demo_store, zone)
    calendar = parse(data)

    used = {m for line in unfolded(data) for m in re.findall(r";TZID=([^;:]+)", line)}
    included = {str(tz["TZID"]) for tz in calendar.timezones}
    assert used <= included
    if zone not in ("UTC", "Etc/UTC"):
        assert used == {zone}


def test_uids_are_the_same_in_every_export(demo_store: Store) -> None:
    first = parse(export(demo_store))
    second = parse(export(demo_store, "Europe/Berlin", NOW + timedelta(hours=5)))

    def uids(calendar: Calendar) -> list[str]:
        return [str(c["UID"]) for c in [*calendar.events, *calendar.todos]]

    assert uids(first) == uids(second)
    assert [e.decoded("DTSTAMP") for e in second.events] == [NOW + timedelta(hours=5)] * 2


# ---------------------------------------------------------------------------------------------
# Events


def test_an_event_for_each_call_with_a_time_that_is_not_done_or_cancelled(
    demo_store: Store,
) -> None:
    snapshot = demo_store.exports.snapshot()
    expected = [
        interview_uid(i.id)
        for i in snapshot.interviews
        if i.scheduled_at is not None
        and i.status not in (InterviewStatus.DONE, InterviewStatus.CANCELLED)
    ]
    assert len(expected) == 2  # the demo's two scheduled calls; five are done

    calendar = parse(export(demo_store))

    assert [str(e["UID"]) for e in calendar.events] == expected


def test_a_call_prepared_but_not_scheduled_has_no_event(empty_store: Store) -> None:
    ada = empty_store.contacts.create(ContactDraft(name="Ada Lovelace"))
    empty_store.interviews.prepare(ada.id)

    calendar = parse(export(empty_store))

    assert calendar.events == []


def test_the_event_says_who_when_where_and_what_to_ask(empty_store: Store) -> None:
    ada = empty_store.contacts.create(
        ContactDraft(name="Ada Lovelace", role="Analyst", company="Engine Works")
    )
    start = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    call = empty_store.interviews.schedule(
        ada.id, start, target_minutes=30, link="https://zoom.us/j/123"
    )
    empty_store.interviews.set_plan(
        call.id,
        [
            PlanItem("How did you start?", "core/opening/start", "opening"),
            PlanItem("What is a typical day?", "core/job-role/typical-day", "job-role"),
            PlanItem("What tools do you use?", "core/job-role/tools", "job-role"),
            PlanItem("Can I ask about the engine?", ""),
            PlanItem("Who else should I talk to?", "core/closing/who-else", "closing"),
        ],
    )

    event = event_for(parse(export(empty_store)), call.id)

    assert str(event["SUMMARY"]) == "Informational interview: Ada Lovelace (Engine Works)"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)
    assert str(event["URL"]) == "https://zoom.us/j/123"
    assert str(event["LOCATION"]) == "https://zoom.us/j/123"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["DESCRIPTION"]) == (
        "With Ada Lovelace, Analyst at Engine Works. Target: 30 minutes.\n\n"
        "Join: https://zoom.us/j/123\n\n"
        "Planned questions:\n\n"
        "Opening\n1. How did you start?\n\n"
        "Job role\n2. What is a typical day?\n3. What tools do you use?\n\n"
        "Your questions\n4. Can I ask about the engine?\n\n"
        "Closing\n5. Who else should I talk to?"
    )


def test_a_contact_without_a_company_or_a_plan(empty_store: Store) -> None:
    ada = empty_store.contacts.create(ContactDraft(name="Ada Lovelace"))
    call = empty_store.interviews.schedule(ada.id, datetime(2026, 12, 1, 15, tzinfo=UTC))

    event = event_for(parse(export(empty_store)), call.id)

    assert str(event["SUMMARY"]) == "Informational interview: Ada Lovelace"
    assert "URL" not in event
    assert "LOCATION" not in event
    assert str(event["DESCRIPTION"]) == (
        "With Ada Lovelace. Target: 25 minutes.\n\nNo questions planned yet."
    )


def test_local_times_follow_daylight_saving_in_the_zone(empty_store: Store) -> None:
    ada = empty_store.contacts.create(ContactDraft(name="Ada Lovelace"))
    grace = empty_store.contacts.create(ContactDraft(name="Grace Hopper"))
    summer = empty_store.interviews.schedule(ada.id, datetime(2027, 7, 15, 14, tzinfo=UTC))
    winter = empty_store.interviews.schedule(grace.id, datetime(2026, 12, 15, 14, tzinfo=UTC))

    data = export(empty_store)
    lines = unfolded(data)
    calendar = parse(data)

    # 14:00 UTC is 10:00 in New York in July (EDT, -4) and 09:00 in December (EST, -5).
    assert f"DTSTART;TZID={NEW_YORK}:20270715T100000" in lines
    assert f"DTSTART;TZID={NEW_YORK}:20261215T090000" in lines
    for call in (summer, winter):
        start = event_for(calendar, call.id).decoded("DTSTART")
        assert start == call.scheduled_at
        assert start.tzinfo == ZoneInfo(NEW_YORK)
    # A client that knows no tz database goes by the VTIMEZONE in the file: it must agree.
    (timezone,) = calendar.timezones
    from_file = timezone.to_tz(lookup_tzid=False)
    assert datetime(2027, 7, 15, 10, tzinfo=from_file).astimezone(UTC) == summer.scheduled_at
    assert datetime(2026, 12, 15, 9, tzinfo=from_file).astimezone(UTC) == winter.scheduled_at


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^unknown time zone 'Mars/Olympus_Mons'"):
        export_calendar(_empty_snapshot(), [], zone="Mars/Olympus_Mons", now=NOW)


def test_a_zone_object_works_like_its_name(demo_store: Store) -> None:
    snapshot = demo_store.exports.snapshot()
    by_name = export_calendar(snapshot, [], zone=NEW_YORK, now=NOW)
    assert export_calendar(snapshot, [], zone=ZoneInfo(NEW_YORK), now=NOW) == by_name


# ---------------------------------------------------------------------------------------------
# To-dos


def test_a_todo_for_each_agenda_item(demo_store: Store) -> None:
    agenda = demo_store.followups.agenda(Rules(), horizon_days=14)
    assert {item.kind for item in agenda} >= {AgendaKind.THANK_YOU, AgendaKind.NEXT_ACTION}

    todos = parse(export(demo_store)).todos

    assert len(todos) == len(agenda)
    for todo, item in zip(todos, agenda, strict=True):
        assert str(todo["UID"]) == agenda_uid(item)
        assert str(todo["SUMMARY"]) == item.title
        assert str(todo["DESCRIPTION"]) == item.detail
        assert str(todo["STATUS"]) == "NEEDS-ACTION"
        assert _due(todo) == (item.due_at if item.due_at is not None else item.due)
        if item.due_at is None:
            assert todo["DUE"].params["VALUE"] == "DATE"
        else:
            assert todo["DUE"].params["TZID"] == NEW_YORK


def test_items_with_the_same_key_make_one_todo() -> None:
    item = AgendaItem(
        AgendaKind.THANK_YOU, 3, "Ada", date(2026, 11, 21), "Send a thank-you to Ada", "call"
    )
    data = export_calendar(_empty_snapshot(), [item, item], zone=NEW_YORK, now=NOW)

    assert [str(t["UID"]) for t in parse(data).todos] == [
        "agenda-thank_you-3-2026-11-21@informa.invalid"
    ]


def _due(todo: Todo) -> object:
    return todo.decoded("DUE")


def _empty_snapshot() -> Snapshot:
    return Snapshot((), (), (), (), PitchCard())
