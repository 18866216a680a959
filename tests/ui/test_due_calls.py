"""The pipeline's due view at 80×24: the people with a call today first, with its time."""

from __future__ import annotations

from pathlib import Path

from informa.domain.clock import fixed_clock
from informa.store import Store
from informa.ui.widgets.contact_list import ContactList
from tests.builders import NOW

from .dialogs.host import shown
from .helpers import AppFactory, contact_named, settle


def book_today(db: Path, name: str, hour: int) -> None:
    store = Store.open(db, clock=fixed_clock(NOW))
    try:
        person = next(c for c in store.contacts.browse() if c.name == name)
        store.interviews.schedule(person.id, NOW.replace(hour=hour, minute=0))
    finally:
        store.close()


async def test_the_due_view_shows_todays_calls_first_with_their_time(
    make: AppFactory, demo_db: Path
) -> None:
    book_today(demo_db, "Kenji Watanabe", 17)
    book_today(demo_db, "Noor Haddad", 9)  # passed, never started
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listed = app.screen.query_one(ContactList)
        assert [c.name for c in listed.rows[:2]] == ["Noor Haddad", "Kenji Watanabe"]
        assert listed.highlighted_id == contact_named(app, "Noor Haddad")
        text = shown(app)
        assert "Call 09:00" in text
        assert "Call 17:00" in text
