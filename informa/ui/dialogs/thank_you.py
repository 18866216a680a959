"""Draft the thank-you after a call: pick what to mention, edit, copy, then mark it sent.

The draft is a template filled in from the call: the contact's name, when the call was,
the Advice / Info lines the user ticks (``domain.thanks.default_picks`` ticks up to three
first) and the people the contact suggested. Ticking or unticking a line fills the draft in
again, unless the user has edited it by hand: their text is then kept, and a note says that
f4 fills it in again with the current ticks. Choosing another template always fills it in
again (as in the outreach composer; ctrl+z in the draft brings the previous text back).

f3 copies the draft (or, from the subject line, the subject) to the clipboard, tmux's buffer
or both (``dialogs.copy_text``; the toast says which), or shows it to copy by hand when
neither is known to work; copying does not mark anything sent. f2 marks it sent: the dialog
closes with a :class:`ThankYouResult` for the caller to record
(``informa.actions.thanks.mark_thank_you_sent(store, interview_id, detail=result.detail)``).
Unless the draft has been copied as it stands, f2 asks to be pressed again, so the reminder
is never cleared by a slip of the finger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from informa.domain.notes import TaggedLine
from informa.domain.outreach import word_count
from informa.domain.thanks import (
    LINKEDIN_NOTE_LIMIT,
    default_picks,
    join_words,
    linkedin_note_fits,
    sent_detail,
    thank_you_fields,
)
from informa.domain.wording import counted
from informa.templates import Template, render_thank_you, render_thank_you_subject
from informa.ui.dialogs.base import FORM_ERROR, FormDialog, field_row, keys_hint, template_picker
from informa.ui.dialogs.copy_text import copy_text
from informa.ui.keys import bindings, key_for
from informa.ui.text import clean, plain
from informa.ui.widgets.safe import SafeInput, SafeTextArea

LINKEDIN = "linkedin"


@dataclass(frozen=True, slots=True)
class ThankYouResult:
    """What the user marked sent."""

    text: str
    """The message as it was when marked sent (surrounding blank space removed)."""
    template_id: str
    """The template it started from; empty when there were none."""
    channel: str
    """``email``, ``message`` or ``linkedin`` (empty when there was no template)."""
    sent: bool = True
    subject: str = ""
    """The subject line of an email; empty otherwise."""

    @property
    def detail(self) -> str:
        """The activity's detail for ``mark_thank_you_sent``: how it went out."""
        return sent_detail(self.channel)


def item_prompt(item: TaggedLine) -> Content:
    """``Advice  Learn SQL window functions  · What skills matter?``, the question muted."""
    parts: list[str | tuple[str, str]] = [
        (f"{item.tag.label:<7}", "bold $accent"),
        clean(item.text),
    ]
    if item.question:
        parts.append((f"  · {clean(item.question)}", "$text-muted"))
    return Content.assemble(*parts)


def counter_text(text: str, channel: str) -> tuple[Content, bool]:
    """The length line under the draft, and whether it is over a LinkedIn note's limit."""
    words = word_count(text)
    length = f"{counted(words, 'word')} · {counted(len(text), 'character')}"
    if channel != LINKEDIN:
        return Content.styled(length, "$text-muted"), False
    length = f"{counted(words, 'word')} · {len(text)}/{LINKEDIN_NOTE_LIMIT}"
    if linkedin_note_fits(text):
        return Content.styled(f"{length} characters: fits a LinkedIn note", "$text-muted"), False
    over = len(text) - LINKEDIN_NOTE_LIMIT + 1
    message = (
        f"{length} characters: {over} too many for a LinkedIn note (under {LINKEDIN_NOTE_LIMIT})"
    )
    return Content.styled(message, "bold $text-error"), True


class ThankYouDialog(FormDialog[ThankYouResult | None]):
    """Draft a thank-you to ``contact_name`` for the call that ended at ``call_end``.

    ``items`` are the call's Advice / Info lines and ``introductions`` the names the contact
    suggested (both read by ``informa.actions.thanks.draft_thank_you``),
    ``templates`` the thank-you templates (``load_thank_you_templates``), the first shown
    unless ``template_id`` names another; ``now`` is the clock's time (local zone).
    """

    DEFAULT_CSS = """
    ThankYouDialog > #dialog {
        max-width: 116;
        height: 90%;
        max-height: 40;
    }
    ThankYouDialog #learned {
        height: auto;
        max-height: 7;
        background: $surface;
        border: none;
        padding: 0;
    }
    ThankYouDialog #learned:focus {
        background: $surface-lighten-1;
    }
    ThankYouDialog #draft {
        height: 1fr;
        min-height: 5;
        background: $surface;
        border: none;
        padding: 0 1;
    }
    ThankYouDialog #draft:focus {
        background: $surface-lighten-1;
    }
    ThankYouDialog #counter {
        width: 1fr;
        height: 1;
        text-align: right;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("thank_you")

    AUTO_FOCUS = "#learned, #draft"
    SAVE_LABEL = "Mark sent"

    def __init__(
        self,
        *,
        contact_name: str,
        company: str,
        call_end: datetime,
        items: Sequence[TaggedLine],
        introductions: Sequence[str],
        templates: Sequence[Template],
        my_name: str,
        now: datetime,
        template_id: str | None = None,
    ) -> None:
        super().__init__(title=f"Thank-you: {contact_name}", cancel_value=None)
        self._contact_name = contact_name
        self._company = company
        self._call_end = call_end
        self._items = list(items)
        self._introductions = list(introductions)
        self._templates = {template.id: template for template in templates}
        self._titles = [(plain(template.title), template.id) for template in templates]
        ids = [template.id for template in templates]
        self._template_id = template_id if template_id in ids else (ids[0] if ids else None)
        self._my_name = my_name
        self._now = now
        picks = default_picks(self._items)
        self._initial = {index for index, item in enumerate(self._items) if item in picks}
        self._rendered = ""
        self._copied: str | None = None
        """The draft as last copied, if it was."""
        self._confirming = False

    # --- layout ---------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        yield template_picker(self._titles, self._template_id)
        if self._items:
            learned: SelectionList[int] = SelectionList(
                *(
                    Selection(item_prompt(item), index, index in self._initial)
                    for index, item in enumerate(self._items)
                ),
                id="learned",
                compact=True,
            )
            yield field_row("Learned", learned, note=True)
        else:
            yield field_row(
                "Learned",
                Label(
                    "No Advice (A:) or Info (I:) lines in the call's notes: "
                    "write what you learned in the draft.",
                    id="learned-none",
                    classes="note",
                ),
            )
        if self._introductions:
            yield field_row(
                "Suggested", Label(plain(join_words(self._introductions)), id="introduced")
            )
        subject = field_row("Subject", SafeInput(id="subject", compact=True))
        subject.id = "subject-row"
        yield subject
        yield SafeTextArea("", id="draft", soft_wrap=True, placeholder="Write your thank-you…")
        yield Static("", id="counter")

    def compose_buttons(self) -> ComposeResult:
        yield Button("Cancel", id="cancel", compact=True)
        yield Button("Copy", id="copy", compact=True)
        yield Button(self.SAVE_LABEL, id="save", variant="primary", compact=True)

    def hint(self) -> Content:
        return keys_hint(
            (key_for(self, "dialog_copy"), "copy"),
            (key_for(self, "dialog_save"), "mark sent"),
            (key_for(self, "dialog_cancel"), "cancel"),
            tail="copying alone does not mark it sent",
        )

    def on_mount(self) -> None:
        self._refill()
        self._show_ticks()

    # --- state ----------------------------------------------------------------------------

    @property
    def draft(self) -> TextArea:
        return self.query_one("#draft", TextArea)

    @property
    def subject(self) -> Input:
        return self.query_one("#subject", Input)

    @property
    def template(self) -> Template | None:
        return self._templates.get(self._template_id) if self._template_id else None

    @property
    def channel(self) -> str:
        template = self.template
        return template.channel if template is not None else ""

    @property
    def edited(self) -> bool:
        """Whether the draft differs from what was last filled in."""
        return self.draft.text != self._rendered

    def picked(self) -> list[str]:
        """The ticked lines' texts, in note order."""
        if not self._items:
            return []
        ticked = self.query_one("#learned", SelectionList).selected
        return [self._items[index].text for index in sorted(ticked)]

    def _filled(self) -> tuple[str, str]:
        """The draft and the subject, filled in from the template and the ticks."""
        template = self.template
        if template is None:
            return "", ""
        fields = thank_you_fields(
            contact_name=self._contact_name,
            company=self._company,
            call_end=self._call_end,
            picked=self.picked(),
            introductions=self._introductions,
            my_name=self._my_name,
            now=self._now,
        )
        return render_thank_you(template, fields), render_thank_you_subject(template, fields)

    def _refill(self) -> None:
        text, subject = self._filled()
        self._rendered = text
        area = self.draft
        if area.text != text:
            # An edit rather than load_text, so ctrl+z brings the previous text back.
            area.replace(text, (0, 0), area.document.end, maintain_selection_offset=False)
        self.subject.value = subject
        self.query_one("#subject-row").display = bool(subject)
        self._show_count()

    def _show_count(self) -> None:
        content, over = counter_text(self.draft.text.strip(), self.channel)
        counter = self.query_one("#counter", Static)
        counter.update(content)
        counter.set_class(over, "-over")

    def _show_ticks(self) -> None:
        if not self._items:
            return
        if self.edited:
            self.show_note(
                "learned",
                f"You edited the draft: it keeps your text. {key_for(self, 'dialog_refill')} "
                "fills it in again.",
                "new",
            )
            return
        count = len(self.query_one("#learned", SelectionList).selected)
        self.show_note(
            "learned",
            f"{count} of {len(self._items)} ticked for the draft (1–3 is best) · space ticks",
        )

    # --- events ---------------------------------------------------------------------------

    @on(Select.Changed, "#template")
    def _template_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self._template_id:
            return
        self._template_id = event.value
        self._refill()
        self._show_ticks()

    @on(SelectionList.SelectedChanged, "#learned")
    def _ticks_changed(self) -> None:
        if not self.edited:
            self._refill()
        self._show_ticks()

    @on(TextArea.Changed, "#draft")
    def _draft_changed(self) -> None:
        self._confirming = False
        self.show_error(FORM_ERROR, None)
        self._show_count()
        self._show_ticks()

    @on(Input.Submitted, "#subject")
    def _subject_submitted(self, event: Input.Submitted) -> None:
        # Enter in the subject moves on to the draft; it must not mark anything sent.
        event.prevent_default()
        event.stop()
        self.draft.focus()

    @on(Button.Pressed, "#copy")
    def _copy_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_copy()

    # --- actions --------------------------------------------------------------------------

    def action_refill(self) -> None:
        self._refill()
        self._show_ticks()

    def action_copy(self) -> None:
        if self.focused is self.subject and self.subject.value.strip():
            self._copy(self.subject.value.strip(), what="the subject line")
            return
        text = self.draft.text.strip()
        if not text:
            self.show_error(FORM_ERROR, "Nothing to copy: write the thank-you first.")
            return
        # Copied, or shown to copy by hand: either way the user has the text as it stands.
        self._copied = text
        self._confirming = False
        self.show_error(FORM_ERROR, None)
        self._copy(
            text,
            what="the thank-you",
            then=f"Send it, then press {key_for(self, 'dialog_save')}: mark sent.",
        )

    @work(group="copy")
    async def _copy(self, text: str, *, what: str, then: str = "") -> None:
        await copy_text(self, text, what=what, then=then)

    def action_save(self) -> None:
        text = self.draft.text.strip()
        if not text:
            self.show_error(FORM_ERROR, "Write the thank-you first.")
            self.draft.focus()
            return
        if self._copied != text and not self._confirming:
            self._confirming = True
            what = "Not copied yet" if self._copied is None else "Changed since you copied it"
            self.show_error(
                FORM_ERROR,
                f"{what}: press {key_for(self, 'dialog_save')} again if you have sent it, "
                f"or {key_for(self, 'dialog_copy')} to copy it.",
            )
            return
        subject = self.subject.value.strip() if self.channel == "email" else ""
        self.dismiss(ThankYouResult(text, self._template_id or "", self.channel, True, subject))
