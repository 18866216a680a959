"""Everything about the highlighted contact: fields, company research, referrals, calls,
timeline (newest first)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from informa.domain.clock import humanize_ago
from informa.domain.wording import counted
from informa.ui.keys import key_for
from informa.ui.text import clean, plain

if TYPE_CHECKING:
    from informa.domain.model import ContactDossier

# By ``domain.responsiveness.Responsiveness`` value (a StrEnum: its members are these
# strings), so that its rules load with the first details shown, not with the first frame.
REPLY_NOTES = {
    "booster": "Booster: replied within 3 business days",
    "slow": "Slow responder: replied, after more than 3 business days",
    "unresponsive": "Unresponsive: no reply in 10 business days",
    "waiting": "Waiting for a reply",
}
REPLY_STYLES = {
    "booster": "bold green",
    "slow": "yellow",
    "unresponsive": "red",
    "waiting": "dim",
}


def _when(value: datetime, now: datetime) -> str:
    return f"{value.astimezone(now.tzinfo):%a %d %b %Y %H:%M} ({humanize_ago(value, now)})"


class ContactDetail(VerticalScroll):
    DEFAULT_CSS = """
    ContactDetail {
        width: 1fr;
        height: 1fr;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        padding: 0 1;
    }
    ContactDetail:focus { border: round $primary; }
    ContactDetail > Static { width: 1fr; }
    """

    can_focus = True

    def __init__(self) -> None:
        super().__init__(id="contact-detail")
        self.border_title = "Contact"

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")  # filled once the first view is read

    def clear(self, *, workspace_empty: bool = False) -> None:
        self.border_title = "Contact"
        if workspace_empty:
            message = Text.assemble(
                ("Welcome to informa.\n\n", "bold"),
                "Nobody is in your pipeline yet. To look around first, quit (ctrl+q) and run ",
                ("informa demo", "bold"),
                " to open informa on sample data; your own database stays as it is.",
            )
        else:
            message = Text("Nobody in this view.", style="dim")
        self.query_one("#detail-body", Static).update(message)

    def show(
        self, loaded: ContactDossier, now: datetime, *, holidays: Collection[date] = ()
    ) -> None:
        self.border_title = Text(clean(loaded.contact.name))  # never read as markup
        parts: list[RenderableType] = [_fields(loaded, now, holidays, key_for(self, "archive"))]
        if loaded.contact.notes:
            parts += [Text("\nNotes", style="bold"), plain(loaded.contact.notes)]
        parts += _referrals(loaded)
        parts += _interviews(loaded, now)
        if loaded.company and loaded.company.research:
            parts += [
                Text(f"\nResearch: {clean(loaded.company.name)}", style="bold"),
                _markdown(clean(loaded.company.research.strip())),
            ]
        parts += _timeline(loaded, now)
        self.query_one("#detail-body", Static).update(Group(*parts))


def _fields(
    loaded: ContactDossier, now: datetime, holidays: Collection[date], restore_key: str
) -> Table:
    """The contact's own fields (those that are set), next action, last contact, replies;
    ``restore_key`` restores an archived contact."""
    contact = loaded.contact
    fields = Table.grid(padding=(0, 1))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column()
    rows = [
        ("Role", contact.role),
        ("Company", contact.company_name),
        (
            "Stage",
            contact.stage.label
            + (f" (archived: {restore_key} restores)" if contact.archived else ""),
        ),
        ("Source", contact.source.label),
        ("Email", contact.email),
        ("LinkedIn", contact.linkedin_url),
        ("Location", contact.location),
        ("Tags", ", ".join(contact.tags)),
        ("Referred by", contact.referred_by_name),
    ]
    for label, value in rows:
        if value:
            fields.add_row(label, plain(value))
    if contact.next_action:
        due = contact.next_action_due
        style = "bold red" if contact.is_overdue(now.date()) else "yellow"
        text = plain(contact.next_action)
        if due is not None:
            text.append(f"  (due {due:%a %d %b})", style=style)
        fields.add_row("Next", text)
    if contact.last_interaction_at:
        fields.add_row("Last contact", _when(contact.last_interaction_at, now))
    from informa.domain.responsiveness import responsiveness

    replies = responsiveness(loaded.timeline, holidays, now.date(), zone=now.tzinfo)
    if replies is not None:
        fields.add_row("Replies", Text(REPLY_NOTES[replies], style=REPLY_STYLES[replies]))
    return fields


def _referrals(loaded: ContactDossier) -> list[RenderableType]:
    if not loaded.referrals:
        return []
    parts: list[RenderableType] = [Text("\nReferred", style="bold")]
    for other in loaded.referrals:
        parts.append(Text.assemble("  → ", plain(other.name), (f"  {other.stage.label}", "dim")))
    return parts


def _interviews(loaded: ContactDossier, now: datetime) -> list[RenderableType]:
    if not loaded.interviews:
        return []
    parts: list[RenderableType] = [Text("\nInterviews", style="bold")]
    for interview in loaded.interviews:
        when = interview.started_at or interview.scheduled_at
        line = Text("  ")
        line.append(f"{when.astimezone(now.tzinfo):%d %b %Y %H:%M}" if when else "unscheduled")
        line.append(f"  {interview.status.value.replace('_', ' ')}", style="dim")
        if interview.minutes is not None:
            line.append(f"  {interview.minutes} min", style="dim")
        else:
            line.append(f"  {interview.target_minutes} min planned", style="dim")
        if interview.questions:
            line.append(f"  {counted(len(interview.questions), 'question')}", style="dim")
        parts.append(line)
        if interview.link and interview.ended_at is None:
            parts.append(Text.assemble("    ", plain(interview.link, "underline")))
    return parts


def _timeline(loaded: ContactDossier, now: datetime) -> list[RenderableType]:
    if not loaded.timeline:
        return []
    parts: list[RenderableType] = [Text("\nTimeline", style="bold")]
    for activity in loaded.timeline:
        line = Text(f"  {activity.at.astimezone(now.tzinfo):%d %b}  ", style="dim")
        line.append(f"{activity.kind.label:<13}", style="bold")
        line.append_text(plain(activity.detail))
        parts.append(line)
    return parts


def _markdown(text: str) -> RenderableType:
    """Company research, rendered as Markdown (``rich.markdown`` loads on first use: it brings
    markdown-it, which the first screen does not need)."""
    from rich.markdown import Markdown

    return Markdown(text)
