"""The notes of a call as they are typed: when to save them, saving them without losing a
word when another informa saved meanwhile, what to tell the user, and a copy in a file of
their own when the database cannot be written.

Nothing here knows of Textual. The caller passes the time (``time.monotonic()``) and runs
the saves where it likes; the call screen runs the editor's side on the UI thread and
:meth:`NotesSession.save` on its writer thread, one save after another.

The rules:

- the notes are saved after ``delay`` of quiet since the last change, and while typing goes
  on at most ``max_wait`` after the first change not yet on its way to the database;
- a save that fails keeps the text where it is (the editor), says why once, and is tried
  again on the next change; the user can write a copy to a file (:meth:`save_copy`), and the
  last save, as the screen closes, writes that copy itself if the database still cannot
  take the text (:meth:`close`);
- if another informa saved these notes meanwhile, both versions are kept: what is stored, a
  separator line, then this editor's text. While the screen is open the editor takes in the
  other version first (the user sees both); a screen that is closing saves both at once.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from informa import paths
from informa.domain.errors import InformaError
from informa.interchange.files import write_private

if TYPE_CHECKING:
    from informa.actions.handle import Store

AUTOSAVE_DELAY = 0.3
"""Seconds of quiet after a change before the notes are saved."""
AUTOSAVE_MAX_WAIT = 0.5
"""Seconds a change waits at most, typing or not: with the save itself (a few ms), every
character is on disk within a second of being typed, whatever happens next."""
SEPARATOR = "----- your version (not saved elsewhere) -----"

SaveState = Literal["saved", "saving", "failed"]


def keep_both(stored: str, yours: str) -> str:
    """The notes after a conflict: what is stored, the separator line, then this editor's."""
    head = stored if not stored or stored.endswith("\n") else f"{stored}\n"
    return f"{head}{SEPARATOR}\n{yours}"


@dataclass(frozen=True, slots=True)
class Saved:
    """The notes as they now are in the database."""

    text: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Another informa saved these notes since this session last did."""

    stored: str
    revision: int


def _conflict_of(error: InformaError) -> Conflict | None:
    """The store's ``NotesConflictError`` as a value, or None for any other failure.

    Imported here, where a save has already failed, not at the top: the call screen imports
    this module, and nothing the UI imports may load the store (tests/architecture)."""
    from informa.store import NotesConflictError

    if isinstance(error, NotesConflictError):
        return Conflict(error.stored, error.revision)
    return None


class NotesSession:
    """The notes of interview ``interview_id`` while a screen edits them.

    It has two sides, each used from one thread:

    - the editor's (:meth:`edited`, :meth:`due_in`, :meth:`begin_save`, :meth:`saved`,
      :meth:`failed`, :meth:`take_in`, :meth:`status`): what the editor holds against what
      is stored, when to save, what to say;
    - the database's (:meth:`save`, :meth:`resolve`): the revision the next save is based on
      and a conflict met but not yet taken in. The caller runs these in the order the
      editor asked for them (the call screen's writer thread).
    """

    def __init__(
        self,
        interview_id: int,
        *,
        notes: str = "",
        revision: int = 0,
        delay: float = AUTOSAVE_DELAY,
        max_wait: float = AUTOSAVE_MAX_WAIT,
    ) -> None:
        self.interview_id = interview_id
        self.delay = delay
        self.max_wait = max_wait
        # The editor's side.
        self.saved_text = notes
        """What the database holds, as far as the editor knows."""
        self.error: str | None = None
        """Why the last save failed; None once one succeeds (or the text is back to what is
        stored)."""
        self.changed_at = float("-inf")
        """When the editor last changed away from what is stored (the caller's clock)."""
        self._owed_since: float | None = None
        """When the first change not yet on its way to the database was made."""
        self._taken_in: Conflict | None = None
        # The database's side.
        self._revision = revision
        self._stored_text = notes
        self._conflict: Conflict | None = None

    def loaded(self, notes: str, revision: int) -> None:
        """The notes as just read from the database, before any save of this session."""
        self.saved_text = self._stored_text = notes
        self._revision = revision

    # -- when to save (the editor's side) ------------------------------------------------

    def edited(self, text: str, now: float) -> bool:
        """The editor now holds ``text`` (a key, a paste, an undo). True when that is not
        what is stored: a save is owed (:meth:`due_in` says when)."""
        if text == self.saved_text:
            return False
        self.changed_at = now
        if self._owed_since is None:
            self._owed_since = now
        return True

    def due_in(self, now: float) -> float | None:
        """Seconds from ``now`` until the notes are to be saved: ``delay`` after the last
        change, and never later than ``max_wait`` after the first change still owed; 0 when
        that time has come, None when no change is owed."""
        if self._owed_since is None:
            return None
        due = min(self.changed_at + self.delay, self._owed_since + self.max_wait)
        return max(due - now, 0.0)

    def begin_save(self, text: str) -> bool:
        """The time has come (the debounce, the max wait, an action, leaving): True when
        ``text`` is to be saved now. Changes from here on are owed afresh. When ``text`` is
        what is stored already (an undo back to it) there is nothing to save, and nothing
        failed any more."""
        self._owed_since = None
        if text == self.saved_text:
            self.error = None
            return False
        return True

    def saved(self, outcome: Saved, text: str, now: float) -> bool:
        """A save came back: the database holds ``outcome.text``. ``text`` is the editor's
        now. True when that differs and no change is owed for it (the editor changed back
        to the old text while the save was on its way: an undo), so a save is owed now."""
        self.saved_text, self.error = outcome.text, None
        if text == outcome.text or self._owed_since is not None:
            return False
        self._owed_since = now
        return True

    def failed(self, error: str, *, copy_key: str = "ctrl+s") -> str | None:
        """A save failed: the text stays in the editor and is tried again on the next
        change. What to tell the user the first time (None while it goes on failing);
        ``copy_key`` is the key that saves a copy, as the user has it."""
        first = self.error is None
        self.error = error
        if not first:
            return None
        return (
            f"{error}. Your notes are still here in the editor and are tried again as you "
            f"type; {copy_key} saves a copy to a file."
        )

    def unsaved(self, text: str) -> bool:
        return text != self.saved_text

    def status(self, *, unsaved: bool) -> tuple[str, SaveState]:
        """The line under the notes: "saved", "saving…" (the editor holds ``unsaved``
        changes), or "not saved: why" until a save succeeds."""
        if self.error is not None:
            return f"not saved: {self.error}", "failed"
        if unsaved:
            return "saving…", "saving"
        return "saved", "saved"

    def take_in(self, conflict: Conflict) -> str | None:
        """A save met another version: the text to put above the editor's (theirs and the
        separator line), the first time the editor meets ``conflict``; None after (saves
        queued behind the one that found it report the same one). Then the editor's text
        is saved with ``resolving`` (:meth:`resolve`)."""
        if self._taken_in is conflict:
            return None
        self._taken_in = conflict
        return keep_both(conflict.stored, "")

    # -- saving (the database's side) ----------------------------------------------------

    def save(self, store: Store, text: str, *, merge: bool = False) -> Saved | Conflict:
        """Save ``text`` over what this session last saved (nothing to do if it is that).

        If another informa saved in between, the conflict is returned for the editor to
        take in (:meth:`take_in`), and every save returns it until the editor has
        (:meth:`resolve`). With ``merge`` (a screen that is closing) both versions are
        saved at once instead: theirs, the separator, then ``text``. Any other failure is
        raised (an ``InformaError``); what was stored stays as it was.
        """
        base = self._revision
        if self._conflict is not None:
            if not merge:
                return self._conflict
            text, base = keep_both(self._conflict.stored, text), self._conflict.revision
            self._conflict = None
        if text == self._stored_text:
            return Saved(text)
        interviews = store.interviews
        try:
            revision = interviews.save_notes(self.interview_id, text, base_revision=base)
        except InformaError as exc:
            conflict = _conflict_of(exc)
            if conflict is None:
                raise
            if not merge:
                self._conflict = conflict
                return conflict
            text = keep_both(conflict.stored, text)
            revision = interviews.save_notes(
                self.interview_id, text, base_revision=conflict.revision
            )
        self._revision, self._stored_text = revision, text
        return Saved(text)

    def close(self, store: Store, text: str, at: datetime) -> Path | None:
        """The last save, as the screen closes: both versions kept if another informa saved
        meanwhile (``merge``). If the database cannot take it, ``text`` goes to a recovery
        copy (:meth:`save_copy`) and its file comes back; ``None`` when it was saved. An
        ``InformaError`` only when neither could be written."""
        try:
            self.save(store, text, merge=True)
        except InformaError as exc:
            try:
                return self.save_copy(text, at)
            except InformaError as copy_failed:
                raise InformaError(f"{exc}; no copy could be written: {copy_failed}") from exc
        return None

    def resolve(self, conflict: Conflict) -> None:
        """The editor now holds both versions (:meth:`take_in`): the next save goes over
        theirs."""
        if self._conflict is conflict:
            self._conflict = None
            self._revision, self._stored_text = conflict.revision, conflict.stored

    # -- the recovery copy ---------------------------------------------------------------

    def save_copy(self, text: str, at: datetime, folders: Iterable[Path] | None = None) -> Path:
        """Write ``text`` to a file of its own, owner-only (0600), for when the database
        cannot be written: in the first of ``folders`` that takes it (by default the export
        folder, Downloads or home, then the temporary folder). Returns the file; raises an
        ``InformaError`` naming what went wrong in each folder."""
        if folders is None:
            folders = (paths.export_dir(), Path(tempfile.gettempdir()))
        name = f"informa-call-{self.interview_id}-{at.strftime('%Y%m%d-%H%M%S')}.md"
        problems: list[str] = []
        for folder in folders:
            target = folder / name
            try:
                write_private(target, text)
            except InformaError as exc:
                problems.append(str(exc))
                continue
            return target
        raise InformaError("; ".join(problems))
