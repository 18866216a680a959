"""Add or edit a contact. Returns the normalised ``ContactDraft``; the caller saves it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, TextArea

from informa.domain.errors import ValidationError
from informa.domain.model import Contact, ContactDraft, Source
from informa.domain.validate import MAX_NAME, check_contact, name_key
from informa.ui.dialogs.base import FORM_ERROR, FormDialog, field_row, keys_hint
from informa.ui.keys import key_for
from informa.ui.text import plain
from informa.ui.widgets.safe import SafeInput, SafeTextArea

DEFAULT_SOURCES = (Source.LINKEDIN, Source.OTHER)
"""A source that says nothing chosen: the new contact's default, and "Other"."""
VALIDATED = ("name", "email", "linkedin_url", "check_in_weeks")
"""The fields ``check_contact`` can refuse, in form order."""
_STAND_INS: dict[str, Callable[[ContactDraft], ContactDraft]] = {
    "name": lambda draft: replace(draft, name="x"),
    "email": lambda draft: replace(draft, email=""),
    "linkedin_url": lambda draft: replace(draft, linkedin_url=""),
    "check_in_weeks": lambda draft: replace(draft, check_in_weeks=None),
}


def _weeks(text: str) -> int | None:
    """The check-in weeks typed (an integer field: digits, perhaps a sign), blank for none."""
    try:
        return int(text) if text.strip() else None
    except ValueError:
        return 0  # refused by the check, with its message


def contact_errors(draft: ContactDraft) -> dict[str, str]:
    """Every problem ``check_contact`` finds, by field (``check_contact`` stops at the first:
    each refused field is swapped for a valid stand-in and the check runs again)."""
    errors: dict[str, str] = {}
    for _ in range(len(_STAND_INS) + 1):
        try:
            check_contact(draft)
        except ValidationError as exc:
            field = exc.field if exc.field in _STAND_INS else FORM_ERROR
            if field in errors or field == FORM_ERROR:
                errors.setdefault(field, str(exc))
                return errors
            errors[field] = str(exc)
            draft = _STAND_INS[field](draft)
        else:
            return errors
    return errors


class ContactForm(FormDialog[ContactDraft | None]):
    """New contact, or edit ``initial``. ``companies`` are the existing company names (the
    company field completes them); ``referrers`` are (id, name) of who can have referred."""

    DEFAULT_CSS = """
    ContactForm #notes {
        height: 4;
    }
    """

    AUTO_FOCUS = "#name"

    def __init__(
        self,
        *,
        companies: Sequence[str],
        referrers: Sequence[tuple[int, str]],
        initial: Contact | None = None,
    ) -> None:
        title = "New contact" if initial is None else f"Edit {initial.name}"
        super().__init__(title=title, cancel_value=None)
        self._initial = initial
        self._companies = list(companies)
        self._company_keys = {name_key(name): name for name in self._companies}
        own_id = initial.id if initial is not None else None
        self._referrers = [(ref_id, name) for ref_id, name in referrers if ref_id != own_id]
        if (
            initial is not None
            and initial.referred_by_id is not None
            and initial.referred_by_id not in {ref_id for ref_id, _ in self._referrers}
        ):
            # Keep a referrer the caller did not list (archived, say) rather than drop it.
            self._referrers.append((initial.referred_by_id, initial.referred_by_name))
        self._touched: set[str] = set()
        opened = initial.source if initial is not None else Source.LINKEDIN
        self._default_source: Source | None = opened if opened in DEFAULT_SOURCES else None
        """The source the form opened with while the user has not chosen one, else None."""

    def compose_body(self) -> ComposeResult:
        contact = self._initial

        def text_input(field: str, value: str, placeholder: str = "") -> Input:
            return SafeInput(
                value, placeholder=placeholder, id=field, compact=True, max_length=MAX_NAME
            )

        yield field_row("Name", text_input("name", contact.name if contact else ""))
        yield field_row(
            "Role", text_input("role", contact.role if contact else "", "job title or headline")
        )
        company = text_input("company", contact.company_name if contact else "")
        company.suggester = SuggestFromList(self._companies, case_sensitive=False)
        yield field_row("Company", company, note=True)
        yield field_row("Email", text_input("email", contact.email if contact else ""))
        yield field_row(
            "LinkedIn",
            text_input(
                "linkedin_url",
                contact.linkedin_url if contact else "",
                "linkedin.com/in/…",
            ),
        )
        yield field_row(
            "Location", text_input("location", contact.location if contact else "", "city")
        )
        yield field_row(
            "Source",
            Select(
                [(source.label, source) for source in Source],
                value=contact.source if contact else Source.LINKEDIN,
                allow_blank=False,
                id="source",
                compact=True,
            ),
        )
        yield field_row(
            "Referred by",
            Select(
                [(plain(name), ref_id) for ref_id, name in self._referrers],
                value=(
                    contact.referred_by_id
                    if contact and contact.referred_by_id is not None
                    else Select.NULL
                ),
                prompt="nobody",
                id="referred_by",
                compact=True,
            ),
        )
        yield field_row(
            "Tags",
            SafeInput(
                ", ".join(contact.tags) if contact else "",
                placeholder="comma-separated: biotech, data-science",
                id="tags",
                compact=True,
            ),
        )
        weeks = contact.check_in_weeks if contact else None
        yield field_row(
            "Check in",
            SafeInput(
                str(weeks) if weeks is not None else "",
                placeholder="every N weeks once in touch (blank: your setting)",
                id="check_in_weeks",
                type="integer",
                compact=True,
                max_length=3,
            ),
        )
        yield field_row(
            "Notes", SafeTextArea(contact.notes if contact else "", id="notes", soft_wrap=True)
        )

    def hint(self) -> Content:
        return keys_hint(
            ("enter", "save"),
            (key_for(self, "dialog_save"), "save from notes"),
            (key_for(self, "dialog_cancel"), "cancel"),
        )

    def on_mount(self) -> None:
        self._show_company(self._value("company"))

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def draft(self) -> ContactDraft:
        """What the form holds now, not yet checked."""
        source = self.query_one("#source", Select).value
        referred_by = self.query_one("#referred_by", Select).value
        company = self._value("company")
        return ContactDraft(
            name=self._value("name"),
            role=self._value("role"),
            # An existing company keeps its own spelling.
            company=self._company_keys.get(name_key(company), company),
            email=self._value("email"),
            linkedin_url=self._value("linkedin_url"),
            location=self._value("location"),
            source=source if isinstance(source, Source) else Source.OTHER,
            referred_by_id=referred_by if isinstance(referred_by, int) else None,
            tags=tuple(self._value("tags").split(",")),
            notes=self.query_one("#notes", TextArea).text,
            check_in_weeks=_weeks(self._value("check_in_weeks")),
        )

    def _show_errors(self) -> dict[str, str]:
        errors = contact_errors(self.draft())
        for field in VALIDATED:
            self.show_error(field, errors.get(field) if field in self._touched else None)
        self.show_error(FORM_ERROR, errors.get(FORM_ERROR))
        return errors

    def _show_company(self, value: str) -> None:
        key = name_key(value)
        if not key:
            if self._companies:
                self.show_note("company", "type to pick one you have (→ accepts) or a new name")
            else:
                self.show_note("company", "")
            return
        if key in self._company_keys:
            self.show_note("company", "✓ existing company", "good")
            return
        match = next((name for name in self._companies if name_key(name).startswith(key)), None)
        note = Text("+ new company")
        if match is not None:
            note.append(" · → accepts ")
            note.append_text(plain(match, "bold"))
        self.show_note("company", note, "new")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id == "company":
            self._show_company(event.value)
        if event.input.id in VALIDATED and event.input.id in self._touched:
            self._show_errors()

    @on(Select.Changed, "#referred_by")
    def _referrer_chosen(self, event: Select.Changed) -> None:
        """A referrer makes the source Referral while it is still the default (and nobody
        puts the default back)."""
        if self._default_source is None:
            return
        source = self.query_one("#source", Select)
        source.value = Source.REFERRAL if isinstance(event.value, int) else self._default_source

    @on(Select.Changed, "#source")
    def _source_chosen(self, event: Select.Changed) -> None:
        referrer = self.query_one("#referred_by", Select).value
        automatic = Source.REFERRAL if isinstance(referrer, int) else self._default_source
        if event.value != automatic:
            self._default_source = None  # the user's choice: left alone from now on

    @on(Input.Blurred)
    def _blurred(self, event: Input.Blurred) -> None:
        # Errors wait until the user leaves a field (or saves), then follow every keystroke.
        field = event.input.id
        if field in VALIDATED and (event.value.strip() or field in self._touched):
            self._touched.add(field)
            self._show_errors()

    def action_save(self) -> None:
        company = self.query_one("#company", Input)
        suggestion = company._suggestion  # the greyed completion the user can see
        if suggestion and suggestion.casefold().startswith(company.value.casefold()):
            # "lum" + enter with "Lumen Analytics" offered means Lumen, not a new "lum".
            company.value = suggestion
        self._touched.update(VALIDATED)
        errors = self._show_errors()
        if errors:
            first = next((field for field in VALIDATED if field in errors), None)
            if first is not None:
                self.query_one(f"#{first}").focus()
            return
        self.dismiss(check_contact(self.draft()))
