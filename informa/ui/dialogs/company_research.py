"""Research notes about a company (Markdown), edited here or in the user's own editor."""

from __future__ import annotations

from collections.abc import Callable
from importlib.util import find_spec
from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import TextArea

from informa.domain.errors import InformaError
from informa.domain.validate import MAX_TEXT
from informa.ui.dialogs.base import FormDialog, keys_hint
from informa.ui.keys import bindings, key_for
from informa.ui.widgets.safe import SafeTextArea

PLACEHOLDER = """\
What to find out before you reach out:
- what they make or do, and for whom
- jargon and acronyms to look up
- competitors and where they stand
- recent news: funding, launches, layoffs, hires
- links: careers page, engineering blog, talks, papers"""

# Syntax colours need tree-sitter's Markdown grammar, an optional extra of Textual.
LANGUAGE = (
    "markdown"
    if find_spec("tree_sitter") is not None and find_spec("tree_sitter_markdown") is not None
    else None
)


class CompanyResearch(FormDialog[str | None]):
    """Edit ``research`` about ``company_name``; returns the new text. ``editor(text, suffix)``
    opens the text elsewhere (default: ``$VISUAL`` / ``$EDITOR``)."""

    DEFAULT_CSS = """
    CompanyResearch > #dialog {
        max-width: 100;
        height: 90%;
    }
    CompanyResearch #research-body {
        height: 1fr;
    }
    CompanyResearch #research {
        height: 1fr;
        background: $surface;
        border: none;
        padding: 0 1;
    }
    CompanyResearch #research:focus {
        background: $surface-lighten-1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("research")

    AUTO_FOCUS = "#research"

    def __init__(
        self,
        *,
        company_name: str,
        research: str,
        editor: Callable[[str, str], str] | None = None,
    ) -> None:
        super().__init__(title=f"Research: {company_name}", cancel_value=None)
        self._research = research
        self._editor = editor

    def compose_body(self) -> ComposeResult:
        with Vertical(id="research-body"):
            yield SafeTextArea(
                self._research,
                id="research",
                language=LANGUAGE,
                soft_wrap=True,
                placeholder=PLACEHOLDER,
            )

    def hint(self) -> Content:
        return keys_hint(
            (key_for(self, "dialog_save"), "save"),
            (key_for(self, "dialog_editor"), "$EDITOR"),
            (key_for(self, "dialog_cancel"), "cancel"),
        )

    def on_mount(self) -> None:
        # Research grows at the bottom: start there.
        self.text_area.move_cursor(self.text_area.document.end)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#research", TextArea)

    def action_save(self) -> None:
        self.dismiss(self.text_area.text[:MAX_TEXT])

    def action_open_editor(self) -> None:
        area = self.text_area
        editor = self._editor
        if editor is None:
            from informa.editor import launch_editor

            editor = launch_editor
        try:
            with self.app.suspend():
                edited = editor(area.text, ".md")
        except SuspendNotSupported:
            self.notify(
                "This terminal cannot hand over to an editor.", title="Editor", severity="warning"
            )
            return
        except InformaError as exc:
            self.notify(str(exc), title="Editor", severity="warning", markup=False)
            return
        if edited != area.text:
            # An edit, not load_text: ctrl+z brings back what was there before.
            area.replace(edited, (0, 0), area.document.end, maintain_selection_offset=False)
        area.focus()
