"""The thank-you, drafted from the debrief and from the agenda, recorded when marked sent."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from informa.domain.followup import AgendaKind
from informa.domain.model import ActivityKind
from informa.ui.app import InformaApp
from informa.ui.dialogs.thank_you import ThankYouDialog
from informa.ui.screens.debrief import DebriefScreen
from informa.ui.screens.review import ReviewScreen
from informa.ui.widgets.agenda_list import AgendaList

from .helpers import AppFactory, quiet, select, settle, showing

SIZE = (140, 40)
MAYA = "Maya Okafor"  # the demo's first interview: advice lines and two referrals


async def send(pilot: Pilot[Any], app: InformaApp) -> str:
    """In the open dialog: copy the draft, mark it sent; the draft as it was."""
    dialog = showing(app, ThankYouDialog)
    draft = dialog.query_one("#draft", TextArea).text
    await pilot.press("f3", "f2")
    await quiet(pilot)
    return draft


async def test_f4_in_the_debrief_drafts_and_records_the_thank_you(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        maya = await select(pilot, app, MAYA)
        (call,) = [c for c in app.store.interviews.for_contact(maya) if c.ended_at]
        assert call.thank_you_sent_at is not None  # the demo sent one already: a second
        await pilot.press("b")
        await quiet(pilot)
        showing(app, DebriefScreen)
        await pilot.press("f4")
        await settle(pilot)  # the dialog is open: its worker waits for the answer
        draft = await send(pilot, app)
        assert "SQL" in draft  # an advice line ticked for you
        assert app.clipboard.strip() == draft.strip()
        showing(app, DebriefScreen)
        timeline = app.store.activities.timeline(maya)
        assert sum(a.kind is ActivityKind.THANK_YOU for a in timeline) == 2


async def test_t_on_the_agenda_clears_the_thank_you(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await quiet(pilot)
        screen = showing(app, ReviewScreen)
        agenda = screen.query_one(AgendaList)
        for _ in range(agenda.option_count):
            if agenda.current is not None and agenda.current.kind is AgendaKind.THANK_YOU:
                break
            await pilot.press("down")
        item = agenda.current
        assert item is not None
        assert item.interview_id is not None
        await pilot.press("t")
        await settle(pilot)
        await send(pilot, app)
        showing(app, ReviewScreen)
        assert app.store.interviews.get(item.interview_id).thank_you_sent_at is not None
        assert item.key not in {i.key for i in screen.agenda}
