"""Hostile text in contacts and calls: stored as the rules say, shown harmlessly.

A name, company or role (one-line fields) keeps its words but loses control characters,
terminal escapes and bidirectional overrides (``informa.domain.validate.clean_line``): they
have no use in a name and would drive the terminal in every text field that shows them.
Notes, a contact's and a call's, are kept exactly as typed (lone surrogates, which cannot be
stored, aside); they are shown through ``informa.ui.text.plain``, with a visible U+FFFD for
each control character.

The app is driven as a user would: escapes arrive in a real terminal as a paste (bracketed
paste, ``events.Paste`` to the app), since no key types them. What the app renders is read
from its SVG screenshot, which holds the text of every cell as it would go to the terminal.
"""

from __future__ import annotations

import html
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.domain.errors import ValidationError
from informa.domain.model import ContactDraft
from informa.domain.validate import MAX_NAME, MAX_TEXT, clean_line
from informa.factory import make_app
from informa.store import Store
from informa.ui.app import InformaApp
from informa.ui.dialogs.contact_form import ContactForm
from informa.ui.screens.call import CallScreen
from informa.ui.screens.pipeline import PipelineScreen
from informa.ui.screens.search import SearchScreen
from informa.ui.widgets.contact_list import ContactList
from tests.builders import NOW
from tests.ui.helpers import quiet, settle, showing, start_call_now, typed

SIZE = (140, 45)
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eX\x00"
"""Clear the screen, set the window title (OSC … BEL), a one-byte CSI, a right-to-left
override, NUL."""
ESCAPES_CLEANED = "[2J]0;pwned31mX"
ESCAPES_SHOWN = "\ufffd[2J\ufffd]0;pwned\ufffd\ufffd31m\ufffdX\ufffd"
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach the terminal from user text: C0 controls (a newline only as the
screenshot's own line structure), DEL, C1 controls and the bidirectional controls."""
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def screen_text(app: InformaApp) -> str:
    """The screen as the terminal would get it, after checking that no raw control is in it."""
    svg = app.export_screenshot()
    found = sorted({f"U+{ord(char):04X}" for char in RAW.findall(svg)})
    assert not found, f"raw control characters on {type(app.screen).__name__}: {found}"
    return html.unescape(svg).replace("\xa0", " ")


async def paste(pilot: Pilot[Any], text: str) -> None:
    """What a terminal sends for a paste: the app hands it to the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


# -- storage: the rules -----------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "informa.db", clock=fixed_clock(NOW))
    yield opened
    opened.close()


def test_one_line_fields_lose_escapes_and_notes_keep_them(store: Store) -> None:
    notes = f"met at {ESCAPES} the fair\r\n\ttabbed\x0c"
    eve = store.contacts.create(
        ContactDraft(
            name=f"Eve {ESCAPES} Mallory",
            role=f"Boss{ESCAPES}",
            company=f"{ESCAPES}Acme",
            location=f"\u2066Lisbon\u2069{ESCAPES}",
            email="eve@example.org",
            notes=notes,
        )
    )
    call = store.interviews.prepare(eve.id)
    store.interviews.save_notes(call.id, f"A: {ESCAPES}\n{notes}", base_revision=0)

    eve = store.contacts.get(eve.id)
    assert (eve.name, eve.role, eve.company_name, eve.location) == (
        f"Eve {ESCAPES_CLEANED} Mallory",
        f"Boss{ESCAPES_CLEANED}",
        f"{ESCAPES_CLEANED}Acme",
        f"Lisbon{ESCAPES_CLEANED}",
    )
    assert eve.notes == notes
    assert store.interviews.get(call.id).notes == f"A: {ESCAPES}\n{notes}"


@pytest.mark.parametrize(
    "address", [f"eve{ESCAPES}@example.org", "eve@exa\u202emple.org", "eve@example.org\x00"]
)
def test_an_email_address_with_control_characters_is_refused(store: Store, address: str) -> None:
    with pytest.raises(ValidationError) as refused:
        store.contacts.create(ContactDraft(name="Eve", email=address))
    assert refused.value.field == "email"
    assert str(refused.value) == f"'{address}' is not an email address"


def test_overlong_fields_follow_the_rules(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        store.contacts.create(ContactDraft(name="E" * (MAX_NAME + 1)))
    assert (refused.value.field, str(refused.value)) == (
        "name",
        f"A name is longer than {MAX_NAME} characters",
    )
    with pytest.raises(ValidationError) as refused:
        store.contacts.create(ContactDraft(name="\x1b\x07 \u202e\x00\x9b"))
    assert (refused.value.field, str(refused.value)) == ("name", "A name is required")

    long_notes = "n" * (MAX_TEXT + 10)
    eve = store.contacts.create(
        ContactDraft(
            name=f"{'Eve ' * 40}{ESCAPES}"[:MAX_NAME],  # escapes past 200 are cut, then cleaned
            role="r" * 1000,
            company="c" * 1000,
            notes=long_notes,
        )
    )
    assert (len(eve.role), len(eve.company_name)) == (MAX_NAME, MAX_NAME)
    assert eve.notes == long_notes[:MAX_TEXT]
    call = store.interviews.prepare(eve.id)
    marathon = "I: " + "a long answer " * 20_000  # 280,000 characters: a call's notes are never cut
    store.interviews.save_notes(call.id, marathon, base_revision=0)
    assert store.interviews.get(call.id).notes == marathon


PIECES = st.sampled_from(
    [ESCAPES, "\x1b[?1049h", "\x07", "\x7f", "\x85", "\u2028", "\u2066", "\r\n", "\t", "  ", "é"]
)
FIELD = st.lists(PIECES | st.text(max_size=8), max_size=6).map("".join)


@settings(max_examples=50, deadline=None)
@given(name=FIELD, role=FIELD, company=FIELD, notes=FIELD, call_notes=FIELD)
def test_any_mix_of_escapes_is_stored_by_the_rules(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    role: str,
    company: str,
    notes: str,
    call_notes: str,
) -> None:
    store = Store.open(tmp_path_factory.mktemp("hostile") / "informa.db", clock=fixed_clock(NOW))
    try:
        try:
            contact = store.contacts.create(
                ContactDraft(name=name, role=role, company=company, notes=notes)
            )
        except ValidationError as refused:
            assert refused.field == "name"
            assert clean_line(name) == "" or len(clean_line(name)) > MAX_NAME
            return
        for value in (contact.name, contact.role, contact.company_name):
            assert not UNPRINTABLE.search(value)
        assert contact.name == clean_line(name)
        assert contact.role == clean_line(role)
        assert contact.company_name == clean_line(company)
        assert contact.notes == notes
        call = store.interviews.prepare(contact.id)
        store.interviews.save_notes(call.id, call_notes, base_revision=0)
        assert store.interviews.get(call.id).notes == call_notes
    finally:
        store.close()


# -- display: the app on a copy of the demo ---------------------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "informa.db"
    write_demo_database(path, clock=fixed_clock(NOW))
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "informa.db"
    shutil.copyfile(demo_template, target)
    return target


def app_on(db: Path, tmp_path: Path) -> InformaApp:
    return make_app(db_path=db, config_dir=tmp_path / "config", clock=fixed_clock(NOW))


async def test_a_contact_pasted_full_of_escapes_is_saved_clean_and_shown_harmlessly(
    demo_db: Path, tmp_path: Path
) -> None:
    app = app_on(demo_db, tmp_path)
    notes = f"met at the fair {ESCAPES}\nsays hi"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = showing(app, ContactForm)
        await pilot.press(*typed("Eve "))
        await paste(pilot, f"{ESCAPES} Mallory")
        await pilot.press("tab")
        await paste(pilot, f"Boss{ESCAPES}")
        await pilot.press("tab", *typed("Acme "))
        await paste(pilot, f"{ESCAPES}Labs")
        while not isinstance(form.focused, TextArea):
            await pilot.press("tab")
        await paste(pilot, notes)
        await pilot.press("f2")  # save from the notes
        await settle(pilot)

        showing(app, PipelineScreen)
        (eve,) = app.store.contacts.find(f"Eve {ESCAPES_CLEANED} Mallory")
        assert (eve.role, eve.company_name, eve.notes) == (
            f"Boss{ESCAPES_CLEANED}",
            f"Acme {ESCAPES_CLEANED}Labs",
            notes,
        )
        assert app.screen.query_one(ContactList).highlighted_id == eve.id
        shown = screen_text(app)
        assert f"Added Eve {ESCAPES_CLEANED} Mallory" in shown  # the toast
        assert f"Eve {ESCAPES_CLEANED} Mallory" in shown  # the detail's title
        assert f"met at the fair {ESCAPES_SHOWN}" in shown  # the notes, in the detail


async def jump_to(pilot: Pilot[Any], words: str, contact_id: int) -> str:
    """Find a contact with the command palette, as a user would; the palette's text."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed(words))
    await quiet(pilot)  # the palette searches in a worker
    palette = screen_text(pilot.app)  # type: ignore[arg-type]
    await pilot.press("enter")
    await settle(pilot)
    assert pilot.app.screen.query_one(ContactList).highlighted_id == contact_id
    return palette


def smuggle(db: Path, contact_id: int, **columns: str) -> None:
    """Write around the rules, as an older informa or another tool could have."""
    with closing(sqlite3.connect(db)) as connection, connection:
        for column, value in columns.items():
            connection.execute(
                f"UPDATE contact SET {column} = ? WHERE id = ?",
                (value, contact_id),
            )


async def test_escapes_already_in_the_database_are_shown_as_placeholders(
    demo_db: Path, tmp_path: Path
) -> None:
    store = Store.open(demo_db, clock=fixed_clock(NOW))
    try:
        eve = store.contacts.create(
            ContactDraft(name="Eve Mallory", notes=f"zebracrossing {ESCAPES} hello")
        )
        call = store.interviews.prepare(eve.id)
        notes = f"## [00:10] First question\nA: zebracrossing {ESCAPES} advice\n"
        store.interviews.save_notes(call.id, notes, base_revision=0)
    finally:
        store.close()
    smuggle(demo_db, eve.id, name=f"Eve {ESCAPES} Mallory")

    app = app_on(demo_db, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert f"Eve {ESCAPES_SHOWN} " in await jump_to(pilot, "Mallory", eve.id)  # "Mallory" lit
        shown = screen_text(app)
        assert f"Eve {ESCAPES_SHOWN} Mallory" in shown
        assert f"zebracrossing {ESCAPES_SHOWN} hello" in shown  # the contact's notes

        await pilot.press("ctrl+f", *typed("zebracrossing"))
        await settle(pilot)
        search = showing(app, SearchScreen)
        assert {(item.hit.kind, item.hit.ref_id) for item in search.found} == {
            ("contact", eve.id),
            ("interview", call.id),
        }
        # A snippet: the index holds NUL as a space (SQLite's snippet() would stop at it).
        assert f"{ESCAPES_SHOWN[:-1]} hello" in screen_text(app)


async def test_a_form_field_shows_pasted_escapes_harmlessly(demo_db: Path, tmp_path: Path) -> None:
    app = app_on(demo_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(showing(app, ContactForm).focused, Input)
        await paste(pilot, f"Eve {ESCAPES}")
        assert showing(app, ContactForm).query_one("#name", Input).value == f"Eve {ESCAPES}"
        assert "Eve " in screen_text(app)  # shown, without the controls


async def test_the_call_editor_shows_escapes_in_notes_harmlessly(
    demo_db: Path, tmp_path: Path
) -> None:
    store = Store.open(demo_db, clock=fixed_clock(NOW))
    try:
        eve = store.contacts.create(ContactDraft(name="Eve Mallory"))
        call = store.interviews.prepare(eve.id)
        store.interviews.save_notes(call.id, f"A: pasted {ESCAPES}\n", base_revision=0)
    finally:
        store.close()
    app = app_on(demo_db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await jump_to(pilot, "Mallory", eve.id)
        await start_call_now(pilot)
        call_screen = showing(app, CallScreen)
        assert call_screen.editor.text.startswith(f"A: pasted {ESCAPES}")  # kept as it is
        assert "A: pasted " in screen_text(app)  # shown, without the controls
