"""Schedule a call: when (a day and a time, in the future), the meeting link, the length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from informa.domain.dates import When, describe_when, parse_when
from informa.domain.errors import ValidationError
from informa.domain.validate import check_url
from informa.ui.dialogs.base import FormDialog, field_row
from informa.ui.widgets.safe import SafeInput

FIELDS = ("when", "link", "minutes")
MIN_MINUTES = 5
MAX_MINUTES = 180


@dataclass(frozen=True, slots=True)
class CallPlan:
    at: datetime
    """Aware, in ``now``'s zone, after ``now``."""
    link: str
    """A checked web address (``https://`` added when missing), or empty."""
    minutes: int


def read_call_time(text: str, now: datetime) -> When:
    """A future moment with a time of day."""
    when = parse_when(text, now, prefer="future", field="when")
    if not when.has_time:
        raise ValidationError("add a time, like 'thu 3pm'", field="when")
    if when.at <= now:
        raise ValidationError("that is in the past", field="when")
    return when


def read_minutes(text: str) -> int:
    message = f"between {MIN_MINUTES} and {MAX_MINUTES} minutes"
    try:
        minutes = int(text)
    except ValueError:
        raise ValidationError(message, field="minutes") from None
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(message, field="minutes")
    return minutes


class ScheduleCall(FormDialog[CallPlan | None]):
    """When the call with ``contact_name`` is, where, and how long it should take."""

    AUTO_FOCUS = "#when"

    def __init__(self, *, contact_name: str, now: datetime, default_minutes: int = 25) -> None:
        super().__init__(title=f"Schedule a call: {contact_name}", cancel_value=None)
        self._now = now
        self._default_minutes = default_minutes
        self._touched: set[str] = set()

    def compose_body(self) -> ComposeResult:
        yield field_row(
            "When",
            SafeInput(
                placeholder="thu 3pm, tomorrow 10:30, 2026-12-03 14:00", id="when", compact=True
            ),
            note=True,
        )
        yield field_row(
            "Link",
            SafeInput(placeholder="video call link (optional)", id="link", compact=True),
        )
        yield field_row(
            "Minutes",
            SafeInput(
                str(self._default_minutes),
                type="integer",
                max_length=3,
                id="minutes",
                compact=True,
            ),
            note=True,
        )

    def on_mount(self) -> None:
        self.show_note("when", "a day and a time")
        self.show_note("minutes", f"target length, {MIN_MINUTES}–{MAX_MINUTES}")

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def _show(self, field: str) -> bool:
        """Check one field and show what was understood or what is wrong with it."""
        value = self._value(field)
        try:
            if field == "when":
                when = read_call_time(value, self._now)
                self.show_note("when", f"→ {describe_when(when, self._now)}")
            elif field == "link":
                check_url(value, field="link")
            else:
                read_minutes(value)
        except ValidationError as exc:
            self.show_error(field, str(exc))
            return False
        self.show_error(field, None)
        return True

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        if field == "when" and not event.value.strip() and field not in self._touched:
            return  # nothing typed yet: no error
        # A date or a number is read back at once; a half-typed link waits to be left.
        if field in ("when", "minutes") or field in self._touched:
            self._touched.add(field)
            self._show(field)

    @on(Input.Blurred, "#link")
    def _link_left(self, event: Input.Blurred) -> None:
        if event.value.strip():
            self._touched.add("link")
            self._show("link")

    def action_save(self) -> None:
        self._touched.update(FIELDS)
        invalid = [field for field in FIELDS if not self._show(field)]
        if invalid:
            self.query_one(f"#{invalid[0]}").focus()
            return
        self.dismiss(
            CallPlan(
                at=read_call_time(self._value("when"), self._now).at,
                link=check_url(self._value("link"), field="link"),
                minutes=read_minutes(self._value("minutes")),
            )
        )
