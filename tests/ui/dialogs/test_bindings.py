"""Every dialog key is described and has an id users can remap (``keys:`` in settings)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.binding import Binding
from textual.screen import Screen

from informa.ui.dialogs.company_research import CompanyResearch
from informa.ui.dialogs.confirm import Confirm
from informa.ui.dialogs.contact_form import ContactForm
from informa.ui.dialogs.log_interaction import LogInteraction
from informa.ui.dialogs.next_action import NextActionDialog
from informa.ui.dialogs.outreach import OutreachComposer
from informa.ui.dialogs.schedule_call import ScheduleCall
from informa.ui.dialogs.stage_picker import StagePicker

DIALOGS: list[type[Screen[Any]]] = [
    ContactForm,
    LogInteraction,
    NextActionDialog,
    ScheduleCall,
    CompanyResearch,
    OutreachComposer,
    Confirm,
    StagePicker,
]


def own_bindings(dialog: type[Screen[Any]]) -> dict[str, Binding]:
    """Bindings declared by the dialog and its informa base classes, by key."""
    keys: dict[str, Binding] = {}
    for owner in reversed(dialog.__mro__):
        if owner.__module__.startswith("informa."):
            for binding in owner.__dict__.get("BINDINGS", []):
                assert isinstance(binding, Binding)
                keys[binding.key] = binding
    return keys


@pytest.mark.parametrize("dialog", DIALOGS, ids=lambda d: d.__name__)
def test_bindings_have_ids_and_descriptions(dialog: type[Screen[Any]]) -> None:
    bindings = own_bindings(dialog)
    assert bindings["escape"].id == "dialog_cancel"
    for binding in bindings.values():
        assert binding.id is not None
        assert binding.id.startswith("dialog_")
        assert binding.description


@pytest.mark.parametrize(
    "dialog", [ContactForm, CompanyResearch, OutreachComposer], ids=lambda d: d.__name__
)
def test_dialogs_with_a_text_area_save_on_f2(dialog: type[Screen[Any]]) -> None:
    assert own_bindings(dialog)["f2"].id == "dialog_save"
