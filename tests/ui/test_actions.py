"""Every pipeline action, driven the way a user types, checked in the database afterwards."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from informa.domain.model import ActivityKind, InterviewStatus, Source, Stage
from informa.ui.app import InformaApp
from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.contact_form import ContactForm
from informa.ui.widgets.contact_list import ContactList
from tests.builders import NOW

from .helpers import AppFactory, contact_named, opened, select, settle, start_call_now, typed

SIZE = (140, 45)


def call_is_open(app: InformaApp) -> bool:
    from informa.ui.screens.call import CallScreen

    return isinstance(app.screen, CallScreen)


def form_is_open(app: InformaApp) -> bool:
    return isinstance(app.screen, ContactForm)


async def test_new_contact_with_an_existing_company(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lumen = app.store.companies.find("Lumen Analytics")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*typed("Ada Lovelace"), "tab", *typed("Research Engineer"), "tab")
        await pilot.press(*typed("lumen analytics"), "tab", *typed("ada@lovelace.example"))
        await pilot.press("enter")
        await settle(pilot)
        (ada,) = app.store.contacts.find("Ada Lovelace")
        assert ada.role == "Research Engineer"
        assert lumen is not None
        assert ada.company_id == lumen.id
        assert ada.email == "ada@lovelace.example"
        assert ada.stage is Stage.PROSPECT
        highlighted = app.screen.query_one(ContactList).highlighted
        assert highlighted is not None
        assert highlighted.id == ada.id


async def test_invalid_form_saves_nothing_and_escape_cancels(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.store.contacts.count()
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*typed("Bad Email"), "tab", "tab", "tab", *typed("nope"), "enter")
        await settle(pilot)
        assert form_is_open(app)
        assert app.store.contacts.count() == before
        await pilot.press("escape")
        await settle(pilot)
        assert not form_is_open(app)
        assert app.store.contacts.count() == before


async def test_edit_contact(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        maya = await select(pilot, app, "Maya Okafor")
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("tab", "ctrl+u", *typed("Staff Data Scientist"), "enter")
        await settle(pilot)
        assert app.store.contacts.get(maya).role == "Staff Data Scientist"


async def test_stage_keys_move_and_record(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        assert app.store.contacts.get(zoe).stage is Stage.PROSPECT
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.store.contacts.get(zoe).stage is Stage.REACHED_OUT
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.store.contacts.get(zoe).stage is Stage.PROSPECT
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        assert app.store.contacts.get(zoe).stage is Stage.IN_TOUCH
        moves = [
            a.detail
            for a in app.store.activities.timeline(zoe)
            if a.kind is ActivityKind.STAGE_CHANGE
        ]
        assert moves[:3] == [
            "Prospect → In touch",
            "Reached out → Prospect",
            "Prospect → Reached out",
        ]


async def test_log_an_interaction_yesterday(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("tab", "ctrl+u", *typed("yesterday"), "tab")
        await pilot.press(*typed("Asked about her demo day"), "enter")
        await settle(pilot)
        latest = next(
            a for a in app.store.activities.timeline(zoe) if a.kind is ActivityKind.OUTREACH
        )
        assert latest.at == NOW - timedelta(days=1)
        assert latest.detail == "Asked about her demo day"
        assert app.store.contacts.get(zoe).stage is Stage.REACHED_OUT


async def test_next_action_with_a_natural_date(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("ctrl+u", *typed("Send the intro"), "tab", "ctrl+u")
        await pilot.press(*typed("in 2 weeks"), "enter")
        await settle(pilot)
        saved = app.store.contacts.get(zoe)
        assert saved.next_action == "Send the intro"
        assert saved.next_action_due == date(2026, 12, 4)


async def test_schedule_a_call(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*typed("thu 3pm"), "tab", *typed("zoom.us/j/555"), "enter")
        await settle(pilot)
        (call,) = app.store.interviews.for_contact(zoe)
        assert call.status is InterviewStatus.SCHEDULED
        assert call.scheduled_at == datetime(2026, 11, 26, 15, 0, tzinfo=NOW.tzinfo)
        assert call.link == "https://zoom.us/j/555"
        assert call.target_minutes == 25
        assert app.store.contacts.get(zoe).stage is Stage.SCHEDULED


async def test_company_research(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        maya = await select(pilot, app, "Maya Okafor")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter", *typed("Competitor: Statsig raised a Series C"), "f2")
        await settle(pilot)
        company_id = app.store.contacts.get(maya).company_id
        assert company_id is not None
        research = app.store.companies.get(company_id).research
        assert research.rstrip().endswith("Competitor: Statsig raised a Series C")


async def test_outreach_is_copied_and_logged_only_once_confirmed_sent(
    make: AppFactory, tmux_buffer: Path
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        assert app.store.contacts.get(zoe).source is Source.EVENT
        stage = app.store.contacts.get(zoe).stage
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("f2")
        await opened(pilot, Confirm)  # "Sent it to Zoe Martin?"
        assert "Zoe" in tmux_buffer.read_text(encoding="utf-8")
        assert "Zoe" in app.clipboard  # and sent to the terminal (OSC 52)
        await pilot.press("n")  # copied, not sent yet: nothing is logged
        await settle(pilot)
        kinds = [a.kind for a in app.store.activities.timeline(zoe)]
        assert ActivityKind.OUTREACH not in kinds
        assert app.store.contacts.get(zoe).stage is stage
        await pilot.press("f2")
        await opened(pilot, Confirm)
        await pilot.press("y")
        await settle(pilot)
        kinds = [a.kind for a in app.store.activities.timeline(zoe)]
        assert ActivityKind.OUTREACH in kinds
        assert app.store.contacts.get(zoe).stage is Stage.REACHED_OUT


async def test_archive_restore_and_delete(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        maya = await select(pilot, app, "Maya Okafor")
        referred = [c.id for c in app.store.contacts.referrals(maya)]
        await pilot.press("x")
        await settle(pilot)
        assert app.store.contacts.get(maya).stage is Stage.CLOSED
        await pilot.press("x")
        await settle(pilot)
        assert app.store.contacts.get(maya).stage is Stage.IN_TOUCH
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("enter")  # the focused button is Cancel: nothing happens
        await settle(pilot)
        assert app.store.contacts.find("Maya Okafor")
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.store.contacts.find("Maya Okafor") == []
        for other in referred:
            assert app.store.contacts.get(other).referred_by_id is None


async def test_filter_and_sort(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "slash", *typed("okafr"))
        await settle(pilot)
        contacts = app.screen.query_one(ContactList)
        assert [c.name for c in contacts.rows] == ["Maya Okafor"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(contacts.rows) > 20
        assert contacts.sort_column == "name"
        await pilot.press("s")
        assert contacts.sort_column == "role"
        await pilot.press("s")
        companies = [c.company_name.casefold() for c in contacts.rows]
        assert companies == sorted(companies)
        await pilot.press("S")
        companies = [c.company_name.casefold() for c in contacts.rows]
        assert companies == sorted(companies, reverse=True)
        await pilot.press("slash", *typed("data"))  # filtering keeps the chosen order
        await settle(pilot)
        filtered = [c.company_name.casefold() for c in contacts.rows]
        assert 1 < len(filtered) < len(companies)
        assert filtered == sorted(filtered, reverse=True)


async def test_due_view_lists_the_most_overdue_first(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = app.screen.query_one(ContactList).rows
        dues = [c.next_action_due for c in rows]
        assert dues
        assert None not in dues
        assert dues == sorted(d for d in dues if d is not None)
        assert dues[0] is not None
        assert dues[0] < NOW.date()


async def test_actions_need_a_contact(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "slash", *typed("zzzzzz"), "enter")
        await settle(pilot)
        assert app.screen.query_one(ContactList).highlighted is None
        await pilot.press("e", "l", "right_square_bracket")
        await settle(pilot)
        assert not form_is_open(app)


async def test_names_with_markup_are_shown_as_typed(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        from informa.domain.model import ContactDraft

        odd = app.store.contacts.create(ContactDraft(name="Ann [/x] [b]Lee"))
        await pilot.press("f5")
        await settle(pilot)
        assert await select(pilot, app, "Ann [/x] [b]Lee") == odd.id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.is_running
        assert app.store.contacts.get(odd.id).stage is Stage.REACHED_OUT
        messages = [str(n.message) for n in app._notifications]
        assert "Ann [/x] [b]Lee → Reached out" in messages
        await pilot.press("slash", *typed("[/"))
        await settle(pilot)
        assert app.is_running


async def test_clicking_a_column_title_sorts(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await settle(pilot)
        contacts = app.screen.query_one(ContactList)
        # border, a space, then Name (18) and Role (20), each followed by a 2-cell gap
        await pilot.click(ContactList, offset=(1 + 1 + 20 + 22 + 2, 1))
        await settle(pilot)
        assert contacts.sort_column == "company"
        companies = [c.company_name.casefold() for c in contacts.rows]
        assert companies == sorted(companies)
        assert "sorted by company" in str(contacts.border_subtitle)


async def test_start_call_now_plans_the_questions_and_opens_the_call(make: AppFactory) -> None:
    from informa.ui.screens.debrief import DebriefScreen

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        zoe = await select(pilot, app, "Zoe Martin")
        await start_call_now(pilot)
        assert call_is_open(app)
        (call,) = app.store.interviews.for_contact(zoe)
        refs = [q.question_ref for q in call.questions]
        assert refs[-1] == "core/closing/who-else"
        assert len(refs) >= 10
        await pilot.press(*typed("hello"), "f10")
        await settle(pilot)
        assert not call_is_open(app)
        assert isinstance(app.screen, DebriefScreen)  # ending a call opens its debrief
        done = app.store.interviews.get(call.id)
        assert done.status is InterviewStatus.DONE
        assert done.notes.startswith("hello")
        assert app.store.contacts.get(zoe).stage is Stage.INTERVIEWED


async def test_a_call_left_in_progress_is_offered_for_resuming(make: AppFactory) -> None:
    from informa.ui.screens.call import CallScreen

    app = make()
    zoe = contact_named(app, "Zoe Martin")
    call = app.store.interviews.prepare(zoe)
    app.store.interviews.start(call.id, at=NOW - timedelta(minutes=12))
    app.store.interviews.save_notes(call.id, "typed before the crash", base_revision=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert "typed before the crash" in app.screen.query_one("TextArea").text  # type: ignore[attr-defined]
