"""ContactForm, typed into the way a user would."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input, Label, Select

from informa.domain.model import ContactDraft, Source, Stage
from informa.ui.dialogs.contact_form import ContactForm, contact_errors
from tests.builders import make_contact

from .host import SIZE, Host, shown

COMPANIES = ["Acme Corp", "Genentech", "Zymergen"]
REFERRERS = [(1, "Ana Li"), (2, "Sam Rivera"), (3, "[b]Bo")]

SAM = make_contact(
    2,
    "Sam Rivera",
    role="Data scientist",
    company="Acme Corp",
    email="sam@acme.com",
    linkedin_url="https://www.linkedin.com/in/samrivera",
    location="Basel",
    source=Source.ALUMNI,
    referred_by_id=1,
    referred_by_name="Ana Li",
    stage=Stage.SCHEDULED,
    tags=("biotech", "phd"),
    notes="Met at the alumni dinner.",
)


def new_form() -> Host[ContactDraft | None]:
    return Host(lambda: ContactForm(companies=COMPANIES, referrers=REFERRERS))


def error_of(app: Host[ContactDraft | None], field: str) -> str | None:
    label = app.screen.query_one(f"#{field}-error", Label)
    return str(label.content) if label.display else None


async def test_name_company_email_then_enter_returns_the_draft() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam Rivera", "tab", "tab", *"ac", "right")  # → accepts Acme Corp
        await pilot.press("tab", *"sam@acme.com", "enter")
        await pilot.pause()
    assert app.result == ContactDraft(
        name="Sam Rivera", company="Acme Corp", email="sam@acme.com", source=Source.LINKEDIN
    )


async def test_an_existing_company_keeps_its_own_spelling() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ana", "tab", "tab", *"GENENTECH")
        note = app.screen.query_one("#company-note", Label)
        assert "existing company" in str(note.content)
        await pilot.press("enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.company == "Genentech"


async def test_the_company_note_tells_new_from_existing() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", *"zym")
        note = app.screen.query_one("#company-note", Label)
        assert "new company" in str(note.content)
        assert "Zymergen" in str(note.content)  # what → would complete to
        assert note.has_class("-new")
        await pilot.press("right")
        assert app.screen.query_one("#company", Input).value == "Zymergen"
        assert "existing company" in str(note.content)
        assert note.has_class("-good")
        await pilot.press("ctrl+u", *"Initech")
        assert str(note.content) == "+ new company"


async def test_an_invalid_email_shows_the_error_and_returns_nothing_until_fixed() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", "tab", "tab", "tab", *"sam-at-acme", "enter")
        await pilot.pause()
        assert not app.dismissed
        assert error_of(app, "email") == "'sam-at-acme' is not an email address"
        assert app.screen.query_one("#email", Input).has_class("-invalid")
        assert app.screen.focused is app.screen.query_one("#email")
        # Fixing it clears the error as the user types.
        await pilot.press("ctrl+u", *"sam@acme.com")
        assert error_of(app, "email") is None
        await pilot.press("enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.email == "sam@acme.com"


async def test_a_name_is_required_and_errors_wait_until_a_field_is_left() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab", *"sam@")
        assert error_of(app, "email") is None  # still typing
        await pilot.press("tab")
        assert error_of(app, "email") == "'sam@' is not an email address"
        assert error_of(app, "name") is None  # not saved yet
        await pilot.press("enter")  # in LinkedIn: saves, and shows every problem
        await pilot.pause()
        assert not app.dismissed
        assert error_of(app, "name") == "A name is required"
        assert error_of(app, "email") == "'sam@' is not an email address"
        assert app.screen.focused is app.screen.query_one("#name")


async def test_linkedin_url_is_checked_and_completed() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", *["tab"] * 4, *"javascript:alert(1)", "enter")
        await pilot.pause()
        assert error_of(app, "linkedin_url") is not None
        await pilot.press("ctrl+u", *"linkedin.com/in/sam", "enter")
        await pilot.pause()
    result = app.result
    assert result is not None
    assert result.linkedin_url == "https://linkedin.com/in/sam"


async def test_source_referrer_tags_and_notes() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Kim", *["tab"] * 6)  # Source
        await pilot.press("enter", "down", "enter")  # LinkedIn → Alumni network
        await pilot.press("tab", "enter", "down", "down", "enter")  # nobody → Ana → Sam
        await pilot.press("tab", *"PhD, Data Science ,phd", "tab", *"x6")  # digits only
        await pilot.press("tab", *"line one", "enter", *"two")
        await pilot.press("f2")
        await pilot.pause()
    assert app.result == ContactDraft(
        name="Kim",
        source=Source.ALUMNI,
        referred_by_id=2,
        tags=("phd", "data-science"),
        notes="line one\ntwo",
        check_in_weeks=6,
    )


async def test_check_in_weeks_out_of_range_is_refused() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Kim", *["tab"] * 9, *"0", "f2")
        await pilot.pause()
        error = error_of(app, "check_in_weeks")
        assert error is not None
        assert "1 to 104 weeks" in error
        assert app.screen.focused is not None
        assert app.screen.focused.id == "check_in_weeks"


async def test_escape_cancels() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Sam", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_editing_prefills_every_field_and_leaves_out_the_contact_itself() -> None:
    app: Host[ContactDraft | None] = Host(
        lambda: ContactForm(companies=COMPANIES, referrers=REFERRERS, initial=SAM)
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert "Edit Sam Rivera" in shown(app)
        assert screen.query_one("#name", Input).value == "Sam Rivera"
        assert screen.query_one("#tags", Input).value == "biotech, phd"
        referred_by: Select[int] = screen.query_one("#referred_by", Select)
        assert referred_by.value == 1
        ids = [value for _, value in referred_by._options]
        assert 2 not in ids  # nobody refers themselves
        await pilot.press("tab", "ctrl+u", *"ML engineer", "enter")
        await pilot.pause()
    assert app.result == replace(
        ContactDraft(
            name=SAM.name,
            company=SAM.company_name,
            email=SAM.email,
            linkedin_url=SAM.linkedin_url,
            location=SAM.location,
            source=SAM.source,
            referred_by_id=SAM.referred_by_id,
            tags=SAM.tags,
            notes=SAM.notes,
        ),
        role="ML engineer",
    )


async def test_user_text_is_never_read_as_markup() -> None:
    app: Host[ContactDraft | None] = Host(
        lambda: ContactForm(
            companies=[], referrers=REFERRERS, initial=replace(SAM, id=9, name="[b]Sam")
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["tab"] * 7, "enter", "down")  # open "Referred by": [b]Bo is listed
        await pilot.pause()
        screenshot = shown(app)
    assert "Edit [b]Sam" in screenshot
    assert "[b]Bo" in screenshot


def test_contact_errors_lists_every_refused_field() -> None:
    draft = ContactDraft(name=" ", email="nope", linkedin_url="ftp://x")
    assert set(contact_errors(draft)) == {"name", "email", "linkedin_url"}
    assert contact_errors(ContactDraft(name="Sam")) == {}


async def test_choosing_a_referrer_makes_the_default_source_referral() -> None:
    app = new_form()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Kim", *["tab"] * 7)  # Referred by
        await pilot.press("enter", "down", "enter")  # nobody → Ana
        assert app.screen.query_one("#source", Select).value is Source.REFERRAL
        await pilot.press("enter", "up", "enter")  # Ana → nobody: the default again
        assert app.screen.query_one("#source", Select).value is Source.LINKEDIN
        await pilot.press("enter", "down", "down", "enter")  # nobody → Sam
        await pilot.press("f2")
        await pilot.pause()
    assert app.result == ContactDraft(name="Kim", source=Source.REFERRAL, referred_by_id=2)


async def test_a_chosen_source_stays_when_a_referrer_is_chosen() -> None:
    # test_source_referrer_tags_and_notes: Alumni chosen first, then Sam: Alumni stays.
    app = Host(lambda: ContactForm(companies=COMPANIES, referrers=REFERRERS, initial=SAM))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#referred_by", Select).value = 3
        await pilot.pause()
        assert app.screen.query_one("#source", Select).value is Source.ALUMNI
