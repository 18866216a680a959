"""The review screen: the agenda acted on in place, progress, insights and referrals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, Tree

from informa.domain.followup import AgendaKind
from informa.domain.model import ActivityKind
from informa.ui.app import InformaApp
from informa.ui.dialogs.log_interaction import LogInteraction
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.review import ReviewScreen
from informa.ui.widgets.agenda_list import AgendaList
from informa.ui.widgets.contact_list import ContactList
from tests.builders import NOW

from .helpers import AppFactory, quiet, settle, showing, typed

SIZE = (140, 40)
SnapCompare = Callable[..., bool]


async def open_review(pilot: Pilot[Any], app: InformaApp) -> ReviewScreen:
    await settle(pilot)
    await pilot.press("v")
    await quiet(pilot)
    screen = showing(app, ReviewScreen)
    assert screen.agenda  # loaded
    return screen


async def cursor_on(pilot: Pilot[Any], agenda: AgendaList, match: Callable[..., bool]) -> None:
    """Move the agenda's cursor down to the first item ``match`` accepts."""
    for _ in range(agenda.option_count):
        item = agenda.current
        if item is not None and match(item):
            return
        await pilot.press("down")
    raise AssertionError("no such agenda item")


def text(screen: ReviewScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_v_opens_the_agenda_most_overdue_first(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        assert agenda.has_focus
        first = agenda.get_option_at_index(0)
        assert str(first.prompt) == "Overdue"
        dues = [item.due for item in screen.agenda]
        assert dues == sorted(dues)
        thanks = [i for i in screen.agenda if i.kind is AgendaKind.THANK_YOU]
        assert {i.contact_name for i in thanks} == {"Wei Zhang", "Rachel Adeyemi"}
        assert "overdue" in str(agenda.border_subtitle)


async def test_z_puts_an_item_off_until_tomorrow(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        item = agenda.current
        assert item is not None
        await pilot.press("z")
        await quiet(pilot)
        assert app.store.followups.snoozed() == {item.key: NOW.date() + timedelta(days=1)}
        assert item.key not in {i.key for i in screen.agenda}


async def test_l_logs_what_was_done_and_the_item_goes(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        await cursor_on(pilot, agenda, lambda i: i.kind is AgendaKind.THANK_YOU)
        item = agenda.current
        assert item is not None
        assert item.interview_id is not None
        await pilot.press("l")
        await pilot.pause()
        dialog = showing(app, LogInteraction)
        assert dialog is not None
        await pilot.press("tab", "tab", *typed("sent by email"), "enter")
        await quiet(pilot)
        showing(app, ReviewScreen)
        call = app.store.interviews.get(item.interview_id)
        assert call.thank_you_sent_at is not None
        kinds = [a.kind for a in app.store.activities.timeline(item.contact_id)]
        assert ActivityKind.THANK_YOU in kinds
        assert item.key not in {i.key for i in screen.agenda}


async def test_enter_shows_the_contact_on_the_pipeline(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        await pilot.press("down")
        item = agenda.current
        assert item is not None
        await pilot.press("enter")
        await quiet(pilot)
        showing(app, PipelineScreen)
        highlighted = app.screen.query_one(ContactList).highlighted
        assert highlighted is not None
        assert highlighted.id == item.contact_id


async def test_progress_insights_and_referrals(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(pilot, app)
        await pilot.press("2")
        goal = text(screen, "#goal")
        assert "in all, of your goal of 10" in goal
        funnel = text(screen, "#funnel")
        assert "Prospect" in funnel
        assert "Interviewed" in funnel
        assert "Median time to a reply" in funnel

        await pilot.press("3")
        questions = screen.query_one("#questions", OptionList)
        assert questions.has_focus
        assert str(questions.get_option_at_index(0).prompt).strip().startswith("4")
        answers = text(screen, "#answers-text")
        assert answers.startswith("Who else do you think I should talk to?")
        assert "Maya Okafor" in answers
        await pilot.press("down")
        assert "How did you get your start" in text(screen, "#answers-text")
        advice = screen.query_one("#advice", OptionList)
        every = advice.option_count
        screen.query_one("#advice-filter", Input).focus()
        await pilot.press(*typed("brightline"))
        await pilot.pause()
        assert 0 < advice.option_count < every
        assert all("Brightline" in str(o.prompt) for o in advice.options)
        await pilot.press("escape")  # clears the filter first
        assert advice.option_count == every
        await pilot.press("escape")  # then leaves it for the list
        assert advice.has_focus
        showing(app, ReviewScreen)

        await pilot.press("4")
        tree = screen.query_one("#referral-tree", Tree)
        assert tree.has_focus
        roots = [str(node.label) for node in tree.root.children]
        assert roots[0].startswith("Maya Okafor")
        assert roots[1:] == sorted(roots[1:])  # the largest tree first, then by name
        assert tree.border_subtitle == "10 people in 4 trees"
        await pilot.press("enter")  # the first person
        await quiet(pilot)
        highlighted = app.screen.query_one(ContactList).highlighted
        assert highlighted is not None
        assert highlighted.name == "Maya Okafor"


def test_review_agenda_snapshot(snap_compare: SnapCompare, make: AppFactory) -> None:
    async def opened(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("v")
        await quiet(pilot)

    assert snap_compare(make(demo=True, save_settings=False), run_before=opened, terminal_size=SIZE)


async def test_one_agenda_item_is_counted_in_the_singular() -> None:
    from textual.app import App, ComposeResult

    from informa.domain.agenda import AgendaItem

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield AgendaList(id="agenda")

    app = One()
    async with app.run_test(size=(80, 24)):
        agenda = app.query_one(AgendaList)
        item = AgendaItem(AgendaKind.FOLLOW_UP, 1, "Ana", NOW.date(), "Follow up with Ana", "-")
        agenda.show([item], NOW)
        assert str(agenda.border_subtitle) == "1 item · 0 overdue"


async def test_the_agenda_title_says_it_lists_the_week_ahead(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        assert agenda.border_title == "Overdue, today and the next 7 days"
        last = max(item.due for item in screen.agenda)
        assert last > NOW.date()  # it does list days after today


async def test_a_call_to_come_is_on_the_agenda_with_its_time_at_80_columns(
    make: AppFactory,
) -> None:
    from tests.ui.dialogs.host import shown

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot, app)
        agenda = screen.query_one(AgendaList)
        await cursor_on(pilot, agenda, lambda i: i.kind is AgendaKind.CALL)
        item = agenda.current
        assert item is not None
        assert item.due_at is not None
        assert item.contact_name == "Aisha Rahman"
        local = item.due_at  # in the clock's zone
        assert item.title == f"{local:%H:%M} call with Aisha Rahman"
        assert item.link == "https://zoom.us/j/87766554433"
        screen_text = shown(app)
        assert ">Call" in screen_text  # the kind, in bold
        assert f"{local:%H:%M} call with Aisha Rahman" in screen_text
        assert f"scheduled for {local:%a} {local.day} {local:%b} {local:%H:%M}" in screen_text
        # Nothing to log or thank for yet: l and t are not offered, and do nothing.
        keys = app.screen.active_bindings
        assert "l" not in keys
        assert "t" not in keys
        assert "z" in keys
        await pilot.press("l", "t")
        await pilot.pause()
        showing(app, ReviewScreen)
        # enter shows them on the pipeline, where p prepares the call.
        await pilot.press("enter")
        await quiet(pilot)
        showing(app, PipelineScreen)
        highlighted = app.screen.query_one(ContactList).highlighted
        assert highlighted is not None
        assert highlighted.id == item.contact_id
