"""What the table of keys (``informa.ui.keys.table``) makes: a scope's ``BINDINGS``, the keys
in effect after the user's keymap (``keys:`` in ``settings.yaml``), as they are shown, and the
help panel's key lines.

Loaded before the first frame: nothing here imports more than Textual's bindings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from informa.ui.keys.table import KEYS, SCOPES, Key
from informa.ui.text import key_label

if TYPE_CHECKING:
    from textual.dom import DOMNode

__all__ = [
    "KEYS",
    "SCOPES",
    "Key",
    "KeyBindings",
    "KeyHelp",
    "binding_ids",
    "bindings",
    "effective_keys",
    "grouped",
    "help_lines",
    "key_for",
    "key_text",
    "keys_of",
    "line_parts",
    "node_keys",
]

Keymap = Mapping[str, str]


class KeyBindings(list[BindingType]):
    """A class's ``BINDINGS``, made from the table; it knows its scope (the palette and the
    help panel find a node's keys through it)."""

    def __init__(self, scope: str, items: Iterable[BindingType]) -> None:
        super().__init__(items)
        self.scope = scope


def keys_of(scope: str) -> tuple[Key, ...]:
    """The table's keys of ``scope``, in the table's order."""
    if scope not in SCOPES:
        raise KeyError(f"no such scope: {scope}")
    return tuple(key for key in KEYS if key.scope == scope)


def bindings(scope: str) -> KeyBindings:
    """``BINDINGS`` for the class of ``scope``: ``BINDINGS = bindings("call")``."""
    return KeyBindings(
        scope,
        (
            Binding(
                key.keys,
                key.action,
                key.label,
                show=key.show,
                priority=key.priority,
                tooltip=key.tooltip,
                id=key.id or None,
            )
            for key in keys_of(scope)
        ),
    )


def binding_ids() -> list[str]:
    """Every binding id users can remap (``keys:`` in settings), each once, in table order."""
    return list(dict.fromkeys(key.id for key in KEYS if key.id))


def node_keys(node_class: type[object]) -> list[Key]:
    """The table's keys a class binds, as Textual merges them: its own and its bases' (a
    subclass's key replaces its base's on the same default key), base classes first."""
    by_key: dict[str, Key] = {}
    for owner in reversed(node_class.__mro__):
        declared = owner.__dict__.get("BINDINGS")
        if isinstance(declared, KeyBindings):
            for key in keys_of(declared.scope):
                for name in key.keys.split(","):
                    by_key[name.strip()] = key
    return list(dict.fromkeys(by_key.values()))


def _names(keys: str) -> list[str]:
    return [name.strip() for name in keys.split(",") if name.strip()]


def effective_keys(key: Key, keymap: Keymap) -> list[str]:
    """The keys that run ``key`` now: the user's (``keymap``, by binding id) or the default,
    less a default key the user gave to another key of the same scope (Textual takes it
    from this one: ``call_end: f12`` leaves the call's Panel with ``ctrl+n`` only)."""
    chosen = keymap.get(key.id) if key.id else None
    if chosen:
        return _names(chosen)
    claimed = {
        name
        for other in KEYS
        if other.scope == key.scope and other.id and other.id != key.id
        for name in _names(keymap.get(other.id, ""))
    }
    return [name for name in _names(key.keys) if name not in claimed]


_NAMES = {
    "escape": "esc",
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "pgup",
    "pagedown": "pgdn",
}


def key_text(key: str) -> str:
    """A Textual key name as the help and the README write it: ``ctrl+f``, ``shift+↑``,
    ``/``, ``esc``, and function keys as printed on the keyboard (``F12``)."""
    from textual.keys import format_key

    *modifiers, name = key.split("+")
    if name in _NAMES:
        name = _NAMES[name]
    elif "_" in name:  # a character's name: full_stop, plus…
        name = format_key(name)
    return key_label("+".join([*modifiers, name]))


def key_for(node: DOMNode, binding_id: str) -> str:
    """The key that runs ``binding_id`` now, as shown (``F2``, or the user's remap): for
    the hints and messages that name a key in words."""
    key = next(key for key in KEYS if key.id == binding_id)
    keys = effective_keys(key, _keymap(node))
    return key_text(keys[0]) if keys else "(no key)"


def _shown(keys: Iterable[str]) -> str:
    return " ".join(f"`{key_text(key)}`" for key in keys)


def grouped(keys: Iterable[Key]) -> Iterator[list[Key]]:
    """``keys`` with those of a group (in one scope) together, at the first one's place."""
    groups: dict[tuple[str, str], list[Key]] = {}
    order: list[list[Key]] = []
    for key in keys:
        if key.group:
            shared = groups.get((key.scope, key.group))
            if shared is not None:
                shared.append(key)
                continue
            groups[(key.scope, key.group)] = shared = []
            shared.append(key)
            order.append(shared)
        else:
            order.append([key])
    yield from order


def line_parts(group: list[Key], keymap: Keymap) -> tuple[str, str, str]:
    """One line of keys: the keys (``F5`` / ``F6``), the labels, what they do."""
    keys = " / ".join(_shown(effective_keys(key, keymap)) for key in group)
    labels = " / ".join(dict.fromkeys(key.label for key in group))
    return keys, labels, group[0].help_line


def help_lines(scopes: Iterable[str], keymap: Keymap) -> str:
    """The help panel's key lines for ``scopes``: ``- `F10` **End call**: …``; the ranked
    keys first (those the key bar keeps in view: *End call* is on a small terminal's first
    page of help), then the others, each in the table's order."""
    lines = []
    groups = grouped(key for scope in scopes for key in keys_of(scope))
    for group in sorted(groups, key=lambda group: -max(key.rank for key in group)):
        keys, labels, text = line_parts(group, keymap)
        lines.append(f"- {keys} **{labels}**: {text}" if text else f"- {keys} **{labels}**")
    return "\n".join(lines)


class KeyHelp:
    """A screen's ``HELP`` (what the help panel shows): its prose, a line per key of
    ``scopes`` with the keys in effect (the app's keymap), then ``outro``.

    ``HELP = KeyHelp(INTRO, "review", "agenda")``. Read on the class, it shows the defaults.
    """

    def __init__(self, intro: str, *scopes: str, outro: str = "") -> None:
        for scope in scopes:
            keys_of(scope)  # a typo fails at import, not when F1 is pressed
        self.intro = intro.strip()
        self.scopes = scopes
        self.outro = outro.strip()

    def text(self, keymap: Keymap) -> str:
        parts = [self.intro, help_lines(self.scopes, keymap), self.outro]
        return "\n\n".join(part for part in parts if part) + "\n"

    def __get__(self, node: DOMNode | None, owner: type[object] | None = None) -> str:
        return self.text(_keymap(node) if node is not None else {})


def _keymap(node: DOMNode) -> Keymap:
    """The keymap of the app ``node`` is in (``App.set_keymap``), or none."""
    try:
        app = node.app
    except RuntimeError:  # not attached to a running app
        return {}
    return app._keymap
