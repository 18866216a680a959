"""The table of keys (``informa.ui.keys``) is the one place keys are declared: every binding
of every screen, dialog and widget comes from it, its ids are the ones users can remap, every
action it names exists, and every action is in the command palette."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict

import pytest
from textual.actions import parse
from textual.binding import Binding
from textual.dom import DOMNode

import informa.ui
from informa.ui import app as ui_app
from informa.ui.keys import (
    KEYS,
    SCOPES,
    Key,
    KeyBindings,
    KeyHelp,
    bindings,
    effective_keys,
    key_text,
    keys_of,
    node_keys,
)
from informa.ui.screens.call import CallScreen
from informa.ui.screens.pipeline import PipelineScreen


def ui_classes() -> list[type[DOMNode]]:
    """Every screen, dialog, widget and app class of informa.ui that declares bindings."""
    found = []
    for module in pkgutil.walk_packages(informa.ui.__path__, "informa.ui."):
        if module.name.endswith("__main__"):
            continue
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if (
                issubclass(value, DOMNode)
                and value.__module__ == module.name
                and "BINDINGS" in value.__dict__
            ):
                found.append(value)
    return found


CLASSES = ui_classes()


def class_of(scope: str) -> type[DOMNode]:
    (owner,) = [cls for cls in CLASSES if cls.__dict__["BINDINGS"].scope == scope]
    return owner


@pytest.mark.parametrize("owner", CLASSES, ids=lambda cls: cls.__name__)
def test_every_binding_comes_from_the_table(owner: type[DOMNode]) -> None:
    declared = owner.__dict__["BINDINGS"]
    assert isinstance(declared, KeyBindings)
    assert declared == bindings(declared.scope)
    assert all(isinstance(binding, Binding) for binding in declared)


def test_each_scope_is_one_class_named_in_scopes() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for owner in CLASSES:
        owners[owner.__dict__["BINDINGS"].scope].append(owner.__name__)
    assert dict(owners) == {scope: [what.split(":")[0]] for scope, what in SCOPES.items()}
    assert {key.scope for key in KEYS} == set(SCOPES)


def test_ids_are_unique_in_a_scope_and_a_shared_id_is_one_action() -> None:
    seen: set[tuple[str, str]] = set()
    actions: dict[str, set[str]] = defaultdict(set)
    for key in KEYS:
        if key.id:
            assert (key.scope, key.id) not in seen, key
            seen.add((key.scope, key.id))
            actions[key.id].add(key.action)
    assert {name: found for name, found in actions.items() if len(found) > 1} == {}
    assert [key for key in KEYS if key.id and key.id.strip() != key.id] == []


def test_the_remappable_ids_are_the_tables() -> None:
    bound = {
        binding.id
        for owner in CLASSES
        for binding in owner.__dict__["BINDINGS"]
        if isinstance(binding, Binding) and binding.id
    }
    assert ui_app.binding_ids() == bound
    assert "call_end" in bound


@pytest.mark.parametrize("key", KEYS, ids=lambda key: f"{key.scope}:{key.id or key.keys}")
def test_every_action_exists(key: Key) -> None:
    _, name, _ = parse(key.action)
    owner = class_of(key.scope)
    assert callable(getattr(owner, f"action_{name}", None)), f"{owner.__name__}.action_{name}"


def test_every_action_is_in_the_palette_or_textual_has_it() -> None:
    textual_commands = {"toggle_help": "Keys and help", "quit": "Quit"}
    for key in KEYS:
        if key.palette:
            assert key.palette_title, key
            assert key.palette_help, key
        else:
            assert not key.id or key.action in textual_commands, key


@pytest.mark.parametrize("owner", CLASSES, ids=lambda cls: cls.__name__)
def test_palette_titles_are_distinct_on_each_screen(owner: type[DOMNode]) -> None:
    titles = [key.palette_title for key in node_keys(owner) if key.palette]
    if owner is not ui_app.InformaApp:
        titles += [key.palette_title for key in keys_of("app") if key.palette]
    assert len(titles) == len(set(titles)), titles


def test_a_subclass_key_replaces_its_base_on_the_same_key() -> None:
    from informa.ui.dialogs.outreach import OutreachComposer

    f2 = [key for key in node_keys(OutreachComposer) if key.keys == "f2"]
    assert [key.label for key in f2] == ["Copy"]
    assert [key.id for key in node_keys(OutreachComposer)] == ["dialog_cancel", "dialog_save"]


def test_the_pipeline_keeps_its_palette_commands() -> None:
    before = {  # the palette's commands when they were typed by hand
        "New contact": "Add someone to the pipeline",
        "Edit contact": "Edit the highlighted contact",
        "Log interaction": "Outreach sent, reply received, call, message, check-in, note",
        "Set next action": "What to do next and by when",
        "Schedule call": "Date, time, link and length of a call",
        "Prepare call": "Plan the questions, check the pitch card, then start",
        "Start call now": "Notes, question checklist and timer for a call now",
        "Debrief": "The last call: what it came to, referrals, reflection",
        "Review": "Agenda, progress against your goal, insights, referral tree",
        "Draft thank-you": "The thank-you for the last call with this contact",
        "Compose outreach": "Write the first message from a template, checked as you type",
        "Next stage": "Move the highlighted contact one stage on",
        "Previous stage": "Move the highlighted contact one stage back",
        "Move to stage…": "Pick any stage for the highlighted contact",
        "Company research": "Notes on the company: jargon, competitors, news, links",
        "Archive or restore": "Archive to Closed, or restore an archived contact",
        "Delete contact": "Delete the highlighted contact (asks first)",
        "Filter contacts": "Filter the list as you type",
        "Sort contacts": "Sort by the next column",
        "Show Due": "Pipeline: list the contacts in Due",
        "Show Closed": "Pipeline: list the contacts in Closed",
    }
    now = {key.palette_title: key.palette_help for key in node_keys(PipelineScreen)}
    assert {title: now.get(title) for title in before} == before


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("f12", "F12"),
        ("ctrl+f5", "ctrl+F5"),
        ("ctrl+f", "ctrl+f"),
        ("question_mark", "?"),
        ("right_square_bracket", "]"),
        ("slash", "/"),
        ("escape", "esc"),
        ("shift+up", "shift+↑"),
        ("full_stop", "."),
        ("P", "P"),
        ("delete", "delete"),
    ],
)
def test_keys_are_shown_as_on_the_keyboard(key: str, shown: str) -> None:
    assert key_text(key) == shown


def test_the_keymap_replaces_a_keys_default() -> None:
    (end,) = [key for key in KEYS if key.id == "call_end"]
    assert effective_keys(end, {}) == ["f10"]
    assert effective_keys(end, {"call_end": "f12,ctrl+e"}) == ["f12", "ctrl+e"]
    assert effective_keys(end, {"call_pause": "f12"}) == ["f10"]


def test_the_help_shows_the_keys_in_effect() -> None:
    assert "- `F10` **End call**: " in CallScreen.HELP  # read on the class: the defaults
    remapped = CallScreen.__dict__["HELP"].text({"call_end": "f12"})
    assert "- `F12` **End call**: " in remapped
    assert "F10" not in remapped
    assert remapped.startswith("## Call\n")
    assert "- `F5` / `F6` / `F7` / `F8` **Advice / Info / Referral / Action**: " in remapped


@pytest.mark.parametrize(
    "owner", [cls for cls in CLASSES if "HELP" in cls.__dict__], ids=lambda cls: cls.__name__
)
def test_a_screens_help_lists_its_own_keys(owner: type[DOMNode]) -> None:
    described = owner.__dict__["HELP"]
    assert isinstance(described, KeyHelp)
    assert owner.__dict__["BINDINGS"].scope in described.scopes


def test_a_default_key_given_to_another_key_of_the_screen_is_no_longer_shown() -> None:
    """``call_end: f12`` takes F12 from the call's Panel (Textual does the same with the
    bindings): the help must not offer F12 for both."""
    from informa.ui.keys import effective_keys, help_lines

    (panel,) = [key for key in KEYS if key.id == "call_panel"]
    (end,) = [key for key in KEYS if key.id == "call_end"]
    assert effective_keys(panel, {}) == ["f12", "ctrl+n"]
    assert effective_keys(panel, {"call_end": "f12"}) == ["ctrl+n"]
    assert effective_keys(end, {"call_end": "f12"}) == ["f12"]
    assert effective_keys(panel, {"new_contact": "f12"}) == ["f12", "ctrl+n"]  # another screen
    lines = help_lines(["call"], {"call_end": "f12"})
    assert "`F12` **End call**" in lines
    assert "`ctrl+n` **Panel**" in lines
