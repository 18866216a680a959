"""The command palette: a command for every key of the screen (from the table of keys),
and providers built from data: jump to any contact by name or company, and full-text search
over notes, research, contacts and companies."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.actions import parse
from textual.app import SystemCommand
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape
from textual.widget import Widget

from informa.domain.errors import InformaError
from informa.ui.keys import Key, KeyBindings, node_keys
from informa.ui.text import clean

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

    from informa.ui.app import InformaApp

MAX_HITS = 20
MIN_SEARCH_CHARS = 3
SEARCH_SCORE = 0.45
"""Full-text hits score below a command whose name matches what was typed."""
PALETTE_KINDS = {"contact": "Contact", "company": "Company", "interview": "Notes"}


def _binds_keys(node: DOMNode) -> bool:
    return any(
        isinstance(owner.__dict__.get("BINDINGS"), KeyBindings) for owner in type(node).__mro__
    )


def key_commands(screen: Screen[Any]) -> Iterator[SystemCommand]:
    """A palette command for each key of the table that ``screen``, its widgets in sight and
    the app bind, if it can act now (``check_action``, and the app's ``offers`` for its own
    keys): the same action as the key, by the table's title and help. A widget out of sight
    (on another tab) is left out: its command would act on what the user cannot see."""
    app = screen.app
    nodes: list[DOMNode] = [app, screen]
    nodes += [
        node
        for node in screen.walk_children()
        if _binds_keys(node) and isinstance(node, Widget) and node.is_on_screen
    ]
    offers = getattr(app, "offers", None)
    for node in nodes:
        done: set[str] = set()
        for key in node_keys(type(node)):
            if node is app and offers is not None and not offers(key.action, screen):
                continue
            if key.palette and key.action not in done and _allowed(node, key):
                done.add(key.action)
                yield SystemCommand(
                    key.palette_title, key.palette_help, partial(app.run_action, key.action, node)
                )


def _allowed(node: DOMNode, key: Key) -> bool:
    _, name, parameters = parse(key.action)
    return bool(node.check_action(name, parameters))


class ContactJump(Provider):
    """Type part of a name or a company; choosing a hit shows that contact."""

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        text = query.strip()
        if len(text) < 2:
            return
        try:
            found = await asyncio.to_thread(self.informa.store.contacts.lookup, text, MAX_HITS)
        except InformaError:
            return
        matcher = self.matcher(text)
        for contact in found:
            label = clean(contact.name)
            if contact.company_name:
                label += f" · {clean(contact.company_name)}"
            score, offsets = matcher.fuzzy_search.match(matcher.query, label)
            display = Content(label)  # plain text: a name like "[b]Sam" is shown as typed
            for offset in offsets:
                display = display.stylize(matcher.match_style, offset, offset + 1)
            role = f" · {clean(contact.role)}" if contact.role else ""
            yield Hit(
                max(score, 0.3),  # a company match scores low on the label: still show it
                display,
                partial(self.informa.jump_to_contact, contact.id),
                text=label,
                help=escape(f"Go to contact · {contact.stage.label}{role}"),
            )


class NotesSearch(Provider):
    """Full-text search (as ``ctrl+f``) for what is typed in the palette, 3 characters or more;
    choosing a hit opens it as the search screen does. Offered on the pipeline only, where the
    hits open."""

    @property
    def informa(self) -> InformaApp:
        return self.app  # type: ignore[return-value]

    async def search(self, query: str) -> Hits:
        from informa.actions.search import find
        from informa.ui.screens.pipeline import PipelineScreen
        from informa.ui.screens.search import open_target, snippet_markup

        text = query.strip()
        if len(text) < MIN_SEARCH_CHARS or not isinstance(self.screen, PipelineScreen):
            return
        try:
            found = await asyncio.to_thread(find, self.informa.store, text, MAX_HITS)
        except InformaError:
            return
        for rank, item in enumerate(found):
            hit, target = item.hit, item.target
            label = f"{PALETTE_KINDS.get(hit.kind, hit.kind)}: {clean(hit.title)}"
            yield Hit(
                SEARCH_SCORE * (1 - rank / (2 * MAX_HITS)),  # best first, after the commands
                Content(label),  # plain text: a name like "[b]Sam" is shown as typed
                partial(open_target, self.informa, target),
                text=label,
                help=snippet_markup(hit.snippet) if hit.snippet else None,
            )
