"""Log something that happened with a contact: an outreach sent, a reply, a call, a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from informa.domain.dates import When, at_time_of, describe_when, parse_when
from informa.domain.errors import ValidationError
from informa.domain.model import ActivityKind
from informa.domain.validate import clean_line
from informa.ui.dialogs.base import FormDialog, field_row
from informa.ui.widgets.safe import SafeInput

KINDS: tuple[tuple[str, ActivityKind], ...] = (
    ("Outreach sent", ActivityKind.OUTREACH),
    ("Reply received", ActivityKind.REPLY),
    ("Call", ActivityKind.CALL),
    ("Message", ActivityKind.MESSAGE),
    ("Check-in", ActivityKind.CHECK_IN),
    ("Note", ActivityKind.NOTE),
)


@dataclass(frozen=True, slots=True)
class InteractionEntry:
    kind: ActivityKind
    at: datetime
    """Aware, in ``now``'s zone; a day typed without a time is that day at ``now``'s time."""
    detail: str


def read_past(text: str, now: datetime) -> tuple[datetime, When]:
    """When something happened: not after today; a bare day takes ``now``'s time of day."""
    when = parse_when(text, now, prefer="past", field="when")
    if when.day > now.date():
        raise ValidationError("that is in the future", field="when")
    return (when.at if when.has_time else at_time_of(when.day, now)), when


class LogInteraction(FormDialog[InteractionEntry | None]):
    """What happened with ``contact_name``, when, and a line of detail."""

    AUTO_FOCUS = "#kind"

    def __init__(
        self, *, contact_name: str, now: datetime, kind: ActivityKind = ActivityKind.OUTREACH
    ) -> None:
        super().__init__(title=f"Log interaction: {contact_name}", cancel_value=None)
        self._now = now
        self._kind = kind
        self._kinds = list(KINDS)
        if kind not in {known for _, known in KINDS}:  # a thank-you, say, logged by a caller
            self._kinds.append((kind.label, kind))

    def compose_body(self) -> ComposeResult:
        yield field_row(
            "What",
            Select(self._kinds, value=self._kind, allow_blank=False, id="kind", compact=True),
        )
        yield field_row(
            "When",
            SafeInput(
                "now",
                placeholder="today, yesterday, thu 3pm, 2026-12-03",
                id="when",
                compact=True,
            ),
            note=True,
        )
        yield field_row(
            "Detail",
            SafeInput(placeholder="what was said or sent (optional)", id="detail", compact=True),
        )

    def on_mount(self) -> None:
        self._read_when()

    def _read_when(self) -> datetime | None:
        try:
            at, when = read_past(self.query_one("#when", Input).value, self._now)
        except ValidationError as exc:
            self.show_error("when", str(exc))
            return None
        self.show_error("when", None)
        self.show_note("when", f"→ {describe_when(when, self._now)}")
        return at

    @on(Input.Changed, "#when")
    def _when_changed(self) -> None:
        self._read_when()

    def action_save(self) -> None:
        at = self._read_when()
        if at is None:
            self.query_one("#when").focus()
            return
        kind = self.query_one("#kind", Select).value
        assert isinstance(kind, ActivityKind)
        detail = clean_line(self.query_one("#detail", Input).value)
        self.dismiss(InteractionEntry(kind=kind, at=at, detail=detail))
