"""SVG snapshot of the contact form. Review and accept changes with ``--snapshot-update``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from informa.domain.model import ContactDraft
from informa.ui.dialogs.contact_form import ContactForm

from .host import SIZE, Host
from .test_contact_form import COMPANIES, REFERRERS

SnapCompare = Callable[..., bool]


def test_contact_form_while_typing(snap_compare: SnapCompare) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press(*"Sam Rivera", "tab", *"Data scientist", "tab", *"ac", "tab")
        await pilot.press(*"sam@", "tab")  # leaving the field shows the error
        await pilot.pause()

    app: Host[ContactDraft | None] = Host(
        lambda: ContactForm(companies=COMPANIES, referrers=REFERRERS)
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=fill)
