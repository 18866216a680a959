"""The call's notes editor: a soft-wrapped text area that tags lines, puts a line of its own
under the cursor and takes in text from elsewhere, each as an undo step of its own."""

from __future__ import annotations

from collections.abc import Callable

from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea

from informa.domain.notes import Tag, tag_of, toggle_tag
from informa.ui.widgets.safe_area import SafeTextArea

_TAG_CYCLE: tuple[Tag | None, ...] = (None, *Tag)


def cycle_tag(line: str) -> str:
    """``line`` with its next tag: none → A → I → R → TODO → none."""
    current = tag_of(line)
    after = _TAG_CYCLE[(_TAG_CYCLE.index(current) + 1) % len(_TAG_CYCLE)]
    # Back to none: toggling the current tag takes it off.
    return toggle_tag(line, after or current or Tag.ADVICE)


class _NotesLayout(WrappedDocument):
    """Textual's soft-wrapped document with a height that costs nothing to ask for.

    Textual's own ``height`` sums the wrap offsets of every line of the notes, and the editor
    asks for it once per row it draws: 280 lines × 35 rows on every keystroke for a 20 KB
    note (half a millisecond, more as the notes grow). It is the number of rows the document
    maps, which the wrapped document keeps anyway (tests/ui/test_call.py checks the two
    agree)."""

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)


class NotesArea(SafeTextArea):
    """The call notes editor. Its own f6 (select line) and f7 (select all) give way to the
    call's tag keys; its wrapped document is a ``_NotesLayout``."""

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._notes_layout

    @wrapped_document.setter
    def wrapped_document(self, document: WrappedDocument) -> None:
        # TextArea makes a new one for each text it loads.
        if type(document) is WrappedDocument:
            document.__class__ = _NotesLayout
        self._notes_layout = document

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("select_line", "select_all"):
            return False
        return super().check_action(action, parameters)

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        # Posted on every keystroke (the caret moves) and wanted by nobody above: it stops
        # here rather than being handed up through the screen to the app.
        event.stop()

    # -- changes made for the user, each its own undo step --------------------------------

    def edit_apart(self, change: Callable[[TextArea], object]) -> None:
        """Make a programmatic change its own undo step (not merged with typing around it)."""
        self.history.checkpoint()
        change(self)
        self.history.checkpoint()

    def retag(self, change: Callable[[str], str]) -> bool:
        """Change the cursor's line with ``change`` (a tag on or off), the cursor staying
        where it was in the text. False when ``change`` leaves it as it is (a heading)."""
        row, column = self.cursor_location
        old = self.document.get_line(row)
        new = change(old)
        if new == old:
            return False
        self.edit_apart(
            lambda area: area.replace(
                new, (row, 0), (row, len(old)), maintain_selection_offset=False
            )
        )
        self.move_cursor((row, min(max(column + len(new) - len(old), 0), len(new))))
        return True

    def insert_line(self, line: str, *, then_blank: bool = False) -> None:
        """``line`` on a line of its own after the cursor's line (on it, when blank); with
        ``then_blank`` an empty line under it for the answer, where the cursor goes."""
        row, _ = self.cursor_location
        current = self.document.get_line(row)
        text = f"{line}\n" if then_blank else line
        if current.strip():
            self.edit_apart(
                lambda area: area.insert(
                    f"\n{text}", (row, len(current)), maintain_selection_offset=False
                )
            )
        else:
            self.edit_apart(
                lambda area: area.replace(
                    text, (row, 0), (row, len(current)), maintain_selection_offset=False
                )
            )
        # The cursor moved before the new line made the document taller (the scroll stopped
        # at the old end): scroll again once the size is known.
        self.call_after_refresh(self.scroll_cursor_visible)

    def type_over(self, text: str) -> None:
        """``text`` in place of the selection (at the cursor when there is none)."""
        start, end = self.selection
        self.edit_apart(
            lambda area: area.replace(text, start, end, maintain_selection_offset=False)
        )

    def replace_all(self, text: str) -> None:
        """Every line replaced with ``text``: an edit, not a new document, so ctrl+z brings
        back what was there before."""
        self.edit_apart(
            lambda area: area.replace(
                text, (0, 0), area.document.end, maintain_selection_offset=False
            )
        )

    def prepend(self, text: str) -> None:
        self.edit_apart(lambda area: area.insert(text, (0, 0)))
