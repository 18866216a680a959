"""Command-palette providers built from data: jump to any contact by name or company."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from informa.domain.errors import InformaError
from informa.ui.text import clean

if TYPE_CHECKING:
    from informa.ui.app import InformaApp

MAX_HITS = 20


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
