"""The contact list: a virtual table that draws only the rows on screen.

A DataTable measures every cell of every row before it draws (about a second for 10,000
contacts); this list keeps the contacts in memory and renders the visible lines on demand, so
a stage with thousands of people, a new sort or a filter keystroke repaints at once.

A view is given its first rows only (a few screenfuls); the list asks for the rest
(``MoreWanted``) when the user needs them: scrolling near the end of what is read, ``end``,
a sort or a filter. A view of thousands that is only glanced at is never read whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from informa.domain.clock import humanize_ago
from informa.domain.filtering import ContactMatcher
from informa.ui.keys import bindings
from informa.ui.text import clean

if TYPE_CHECKING:
    from informa.domain.model import Contact


class Column(NamedTuple):  # not a dataclass: this module loads before the first frame
    key: str
    label: str
    width: int
    priority: int
    """Columns with a higher number are dropped first when the list is narrow."""
    sort_key: Callable[[Contact], object]


def _last(contact: Contact) -> object:
    return contact.last_interaction_at.timestamp() if contact.last_interaction_at else 0.0


def _due(contact: Contact) -> object:
    return contact.next_action_due or date.max


COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", 18, 0, lambda c: c.name.casefold()),
    Column("role", "Role", 20, 3, lambda c: c.role.casefold()),
    Column("company", "Company", 16, 1, lambda c: c.company_name.casefold()),
    Column("source", "Source", 10, 5, lambda c: c.source.label),
    Column("last", "Last", 7, 4, _last),
    Column("due", "Due", 6, 2, _due),
    Column("next", "Next action", 0, 0, lambda c: c.next_action.casefold()),
)
"""The last column takes the width that is left (at least 12)."""
SORTABLE = tuple(column.key for column in COLUMNS)
GAP = 2


class ListMessage(Message):
    """From a contact list (plain classes, not dataclasses: this module loads before the
    first frame)."""

    def __init__(self, contact_list: ContactList) -> None:
        super().__init__()
        self.contact_list = contact_list

    @property
    def control(self) -> ContactList:
        return self.contact_list


class ContactList(ScrollView, can_focus=True):
    """Contacts, one per line, with a header that stays put. Posts ``Highlighted`` when the
    cursor moves and ``Selected`` on enter or a second click."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "contact-list--header",
        "contact-list--cursor",
        "contact-list--odd",
        "contact-list--name",
        "contact-list--muted",
        "contact-list--overdue",
        "contact-list--today",
        "contact-list--empty",
    }

    DEFAULT_CSS = """
    ContactList {
        height: 1fr;
        width: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;  /* the track from the start: rows arriving do not narrow it */
        scrollbar-background: $surface;  /* an empty track is not drawn as a bar */
        scrollbar-background-hover: $surface;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        background: $surface;
    }
    ContactList:focus { border: round $primary; }
    ContactList > .contact-list--header { text-style: bold; color: $text-accent; }
    ContactList > .contact-list--cursor { background: $panel-lighten-1; }
    ContactList:focus > .contact-list--cursor { background: $primary 45%; text-style: bold; }
    ContactList > .contact-list--odd { background: $boost; }
    ContactList > .contact-list--name { text-style: bold; }
    ContactList > .contact-list--muted { color: $text-muted; }
    ContactList > .contact-list--overdue { color: $error; text-style: bold; }
    ContactList > .contact-list--today { color: $warning; text-style: bold; }
    ContactList > .contact-list--empty { color: $text-muted; text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("contacts")

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(ListMessage):
        def __init__(self, contact_list: ContactList, contact: Contact | None) -> None:
            super().__init__(contact_list)
            self.contact = contact

    class Selected(ListMessage):
        def __init__(self, contact_list: ContactList, contact: Contact) -> None:
            super().__init__(contact_list)
            self.contact = contact

    class Sorted(ListMessage):
        """The user sorted by clicking a column title."""

    class MoreWanted(ListMessage):
        """The list holds only the view's first rows, and the user needs the rest."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._all: list[Contact] = []
        self._listed = 0
        self._matcher = ContactMatcher([])
        self.rows: list[Contact] = []
        self.filter_text = ""
        self.sort_column = "name"
        self.sort_reverse = False
        self.now = datetime.min.replace(tzinfo=UTC)  # set with the first contacts
        self.calls: Mapping[int, datetime] = {}
        """Today's calls not started yet, by contact id: their (local) time."""
        self.empty_message = ""
        """Shown when no row is listed; nothing until the first contacts are set."""
        self._styles: dict[str, Style] = {}
        self._wanted = False
        """``MoreWanted`` is posted for this list of contacts (once)."""
        self._to_last = False
        """``end`` was pressed before the rest was read: go there when it is (any other
        move of the cursor cancels it, ``watch_cursor``)."""

    # -- data ---------------------------------------------------------------------------

    def set_contacts(
        self,
        contacts: Sequence[Contact],
        now: datetime,
        *,
        listed: int | None = None,
        new_view: bool = False,
        calls: Mapping[int, datetime] | None = None,
    ) -> None:
        """Show ``contacts`` (sorted and filtered as the user chose), keeping the cursor on
        the same person when they are still listed, else on the same row (the top of a
        ``new_view``). ``listed``: how many the view holds when ``contacts`` are only its
        first rows. ``calls``: today's calls by contact id (first by due, "Call 15:00")."""
        keep = self.highlighted_id
        self.now = now
        self.calls = calls or {}
        self._all = list(contacts)
        self._listed = len(self._all) if listed is None else max(listed, len(self._all))
        self._wanted = False
        to_last = self._to_last and not new_view
        self._resort(keep, same_row=not new_view)
        if to_last and self.complete:
            self.action_last()
        else:
            self._to_last = to_last  # the cursor kept its person meanwhile: still waiting
        if self.filter_text:
            self.want_more()  # a filter on screen needs everyone

    @property
    def total(self) -> int:
        """Contacts in the view before the filter (also those not read yet)."""
        return self._listed

    @property
    def complete(self) -> bool:
        """Whether every contact of the view is read (not only its first rows)."""
        return len(self._all) >= self._listed

    @property
    def whole_wanted(self) -> bool:
        """Whether a reload should read the view whole: it is all here, or the rest was
        asked for (a sort or ``end`` is waiting for it)."""
        return self.complete or self._wanted

    def read_failed(self) -> None:
        """Reading the rest failed: the next need asks again (``end`` waits no more)."""
        self._wanted = self._to_last = False

    def want_more(self) -> None:
        """Ask for the rest of the view, once, if it is not all here."""
        if not self.complete and not self._wanted:
            self._wanted = True
            self.post_message(self.MoreWanted(self))

    def set_filter(self, text: str) -> None:
        """Called per keystroke: filters the already sorted list, never sorts."""
        if text != self.filter_text:
            self.filter_text = text
            if text:
                self.want_more()  # meanwhile the rows read so far are filtered
            self._rebuild(self.highlighted_id)

    def sort_by(self, column: str, reverse: bool | None = None) -> None:
        """Sort by ``column``; a view not read whole is sorted once the rest is in (its
        first rows alone would sort into a wrong order)."""
        if column not in SORTABLE:
            raise ValueError(f"unknown column {column!r}")
        if reverse is None:
            reverse = not self.sort_reverse if column == self.sort_column else False
        self.sort_column, self.sort_reverse = column, reverse
        if self.complete:
            self._resort(self.highlighted_id)
        else:
            self.want_more()
            self.refresh()  # the header's arrow

    def _resort(self, keep: int | None, *, same_row: bool = True) -> None:
        """Sort everyone once; the matcher keeps that order, so filtering needs no sort."""
        ordered = in_order(self._all, self.sort_column, reverse=self.sort_reverse, calls=self.calls)
        self._matcher = ContactMatcher(ordered)
        self._rebuild(keep, same_row=same_row)

    def _rebuild(self, keep: int | None, *, same_row: bool = True) -> None:
        rows = self._matcher.filter(self.filter_text)
        previous = self.cursor if same_row else 0
        self.rows = rows
        self.virtual_size = Size(0, self._lines)
        ids = [contact.id for contact in rows]
        # The same person if still listed; otherwise their neighbour, not the top.
        self.cursor = ids.index(keep) if keep in ids else min(previous, max(len(rows) - 1, 0))
        self.call_after_refresh(self._scroll_to_cursor)
        self.refresh()

    @property
    def _lines(self) -> int:
        """The header and a line per row; rows not read yet count (the scrollbar is true)."""
        return (len(self.rows) if self.filter_text else max(len(self.rows), self._listed)) + 1

    @property
    def _width(self) -> int:
        """The drawable width: without the vertical scrollbar."""
        return self.scrollable_content_region.width

    @property
    def highlighted(self) -> Contact | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    @property
    def highlighted_id(self) -> int | None:
        contact = self.highlighted
        return contact.id if contact else None

    def select_id(self, contact_id: int) -> bool:
        """Move the cursor to a contact if listed (and read); returns whether it was."""
        for index, contact in enumerate(self.rows):
            if contact.id == contact_id:
                self.cursor = index
                return True
        return False

    # -- cursor -------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, value: int) -> None:
        self._to_last = False  # a move wins over an ``end`` still waiting (which sets it after)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))
        self._want_more_near(value)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._want_more_near(new_value)  # the wheel or the scrollbar, away from the cursor

    def _want_more_near(self, row: float) -> None:
        """Ask for the rest when ``row`` is within two screenfuls of the last row read."""
        if row + 2 * self.size.height >= len(self.rows):
            self.want_more()

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.size.height - 2, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1
        if not self.complete and not self.filter_text:
            self._to_last = True  # the last row is not read yet: go there when it is
            self.want_more()

    def action_select(self) -> None:
        contact = self.highlighted
        if contact is not None:
            self.post_message(self.Selected(self, contact))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.sort_by(column)
                self.post_message(self.Sorted(self))
            return
        row = round(self.scroll_offset.y) + offset.y - 1
        if 0 <= row < len(self.rows):
            if row == self.cursor and event.chain > 1:
                self.action_select()
            self.cursor = row

    def on_mount(self) -> None:
        # The header's line from the start (no horizontal scrolling: the width is not
        # used), so that the first resize changes nothing and draws nothing again.
        self.virtual_size = Size(0, self._lines)

    def on_resize(self) -> None:
        self.call_after_refresh(self._scroll_to_cursor)

    # -- drawing ------------------------------------------------------------------------

    def visible_columns(self, width: int) -> list[tuple[Column, int]]:
        """Columns that fit ``width`` (dropping low-priority ones), with their widths."""
        return _visible_columns(width)

    def notify_style_update(self) -> None:
        self._styles.clear()  # the theme, or the focus (the cursor's colour), changed
        super().notify_style_update()

    def _column_at(self, x: int) -> str | None:
        position = 1
        for column, width in self.visible_columns(self._width):
            if position <= x < position + width + GAP:
                return column.key
            position += width + GAP
        return None

    def render_line(self, y: int) -> Strip:
        width = self._width
        base = self._base
        if y == 0:
            return self._header(width, base)
        index = round(self.scroll_offset.y) + y - 1
        if not self.rows:
            if y == 2:
                style = base + self._style("contact-list--empty")
                return Strip([Segment(f" {self.empty_message}", style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        return self._row(self.rows[index], index, width, base)

    @property
    def _base(self) -> Style:
        """The list's own style (``rich_style`` walks the ancestors for the background:
        worked out once per theme and focus, not for every line)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, name: str) -> Style:
        """A component's style, worked out once per theme and focus (a screenful of rows
        asks for it hundreds of times)."""
        style = self._styles.get(name)
        if style is None:
            full = self.get_component_rich_style(name)
            if name in ("contact-list--odd", "contact-list--cursor"):
                style = full  # these are the row's background
            else:
                # Text styles keep their colour and weight, never a background that would
                # hide the row's.
                style = Style(color=full.color, bold=full.bold, italic=full.italic)
            self._styles[name] = style
        return style

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self._style("contact-list--header")
        segments = [Segment(" ", base)]
        for column, column_width in self.visible_columns(width):
            label = column.label
            if column.key == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            segments.append(Segment(_fit(label, column_width), style))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments).crop_extend(0, width, base)

    def _row(self, contact: Contact, index: int, width: int, base: Style) -> Strip:
        line = base
        if index % 2:
            line += self._style("contact-list--odd")
        if index == self.cursor:
            line += self._style("contact-list--cursor")
        muted = line + self._style("contact-list--muted")
        segments = [Segment(" ", line)]
        for column, column_width in self.visible_columns(width):
            text, style = self._cell(contact, column.key, line, muted)
            segments.append(Segment(_fit(text, column_width), style))
            segments.append(Segment(" " * GAP, line))
        return Strip(segments).crop_extend(0, width, line)

    def _cell(self, contact: Contact, key: str, line: Style, muted: Style) -> tuple[str, Style]:
        if key == "name":
            return contact.name, line + self._style("contact-list--name")
        if key == "role":
            return contact.role, line
        if key == "company":
            return contact.company_name, line
        if key == "source":
            return contact.source.label, muted
        if key == "last":
            last = contact.last_interaction_at
            return (humanize_ago(last, self.now) if last else ""), muted
        call = self.calls.get(contact.id)
        if key == "due":
            due = contact.next_action_due
            today = self.now.date()
            if call is not None and (due is None or due > today):
                due = today  # the call is today
            if due is None:
                return "", line
            if due < today:
                return f"{due:%d %b}", line + self._style("contact-list--overdue")
            if due == today:
                return "today", line + self._style("contact-list--today")
            return f"{due:%d %b}", line
        if call is not None:
            return " · ".join(filter(None, (f"Call {call:%H:%M}", contact.next_action))), line
        return contact.next_action, line


def in_order(
    contacts: Sequence[Contact],
    column: str,
    *,
    reverse: bool = False,
    calls: Mapping[int, datetime] | None = None,
) -> list[Contact]:
    """``contacts`` as the list shows them when sorted by ``column``: ties alphabetical. By
    due, those with a call today (``calls``: by contact id) come first, in the calls' order."""
    sort_key = next(c for c in COLUMNS if c.key == column).sort_key
    if column == "due" and calls:
        by_due, booked = sort_key, calls

        def sort_key(contact: Contact) -> object:
            call = booked.get(contact.id)
            return (0, call) if call is not None else (1, by_due(contact))

    # Stable sorts: by name first, then the chosen column, so ties stay alphabetical.
    ordered = sorted(contacts, key=lambda c: c.name.casefold())
    ordered.sort(key=sort_key, reverse=reverse)  # type: ignore[arg-type]
    return ordered


@lru_cache(maxsize=8)
def _visible_columns(width: int) -> list[tuple[Column, int]]:
    columns = list(COLUMNS)
    while True:
        fixed = sum(c.width + GAP for c in columns if c.width)
        if width - fixed >= 12 or len(columns) <= 2:
            break
        columns.remove(max(columns, key=lambda c: (c.priority, -COLUMNS.index(c))))
    rest = max(width - fixed - 1, 8)
    return [(c, c.width or rest) for c in columns]


def _fit(text: str, width: int) -> str:
    """One line of ``width`` cells: control characters made visible, cut with an ellipsis."""
    from rich.cells import cell_len, set_cell_size

    text = " ".join(clean(text).split())
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)
