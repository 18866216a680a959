"""The pipeline's reads that take more than one store call: a view with what the screen
needs beside it, and what the contact form offers to choose from.

This module loads in the pipeline's first loading thread, after the first frame: it imports
nothing the store has not (the domain's value types only for type checking).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from informa.domain.errors import InformaError

if TYPE_CHECKING:
    from informa.actions.handle import Store
    from informa.domain.model import Contact, ContactDossier, Interview, PipelineView


@dataclass(frozen=True, slots=True)
class PipelineRead:
    """A view of the pipeline, and what else the read was asked for."""

    pipeline: PipelineView
    open_calls: tuple[Interview, ...] | None = None
    """Calls left in progress, if they were asked for (None: not read)."""
    first_detail: ContactDossier | None = None
    """The details of the contact the list shows first, if they were asked for and could
    be read (None otherwise: the screen reads them as it does for any highlight)."""


def read_pipeline(
    store: Store,
    view: str,
    today: date,
    *,
    limit: int | None = None,
    open_calls: bool = False,
    first: Callable[[Sequence[Contact]], Contact] | None = None,
) -> PipelineRead:
    """``view``'s counts and contacts (the first ``limit`` of them, or all), plus, if asked
    for, the calls left in progress (``open_calls``) and the details of the contact that
    ``first`` picks from those read (the one the list will show first).

    ``InformaError`` if the view cannot be read. The rest is extra: if the calls in
    progress cannot be read, there are none to offer (``()``); if the details cannot, they
    are left out."""
    pipeline = store.views.pipeline(view, today, limit=limit)
    calls: tuple[Interview, ...] | None = None
    if open_calls:
        try:
            calls = tuple(store.interviews.in_progress())
        except InformaError:
            calls = ()  # nothing to offer rather than no list
    detail: ContactDossier | None = None
    if first is not None and pipeline.contacts:
        with suppress(InformaError):
            detail = store.views.dossier(first(pipeline.contacts).id)
    return PipelineRead(pipeline, calls, detail)


@dataclass(frozen=True, slots=True)
class ContactFormChoices:
    """What the contact form offers: the companies known, and who may have referred someone."""

    companies: tuple[str, ...]
    referrers: tuple[tuple[int, str], ...]
    """(id, name) of every contact."""


def contact_form_choices(store: Store) -> ContactFormChoices:
    """The companies and the people the contact form suggests. ``InformaError`` if they
    cannot be read."""
    everyone = store.contacts.browse()
    companies = store.companies.all()
    return ContactFormChoices(
        companies=tuple(company.name for company in companies),
        referrers=tuple((other.id, other.name) for other in everyone),
    )
