"""The notes session, without Textual: when it saves, what a failed save and another
informa's save do, and the copy in a file. Times are plain numbers (what ``time.monotonic``
would say), saves go to a real database."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from informa.actions.notes import (
    AUTOSAVE_DELAY,
    AUTOSAVE_MAX_WAIT,
    SEPARATOR,
    Conflict,
    NotesSession,
    Saved,
    keep_both,
)
from informa.domain.errors import InformaError
from informa.domain.model import ContactDraft, Interview
from informa.store import Store
from informa.store.base import raw_cursor
from tests.builders import NOW


@pytest.fixture
def interview(store: Store) -> Interview:
    ada = store.contacts.create(ContactDraft(name="Ada Quill"))
    return store.interviews.start(store.interviews.prepare(ada.id).id)


def session_for(interview: Interview) -> NotesSession:
    return NotesSession(interview.id, notes=interview.notes, revision=interview.notes_revision)


def stored(store: Store, interview: Interview) -> str:
    return store.interviews.get(interview.id).notes


def saved_elsewhere(store: Store, interview: Interview, text: str) -> None:
    """Another informa saves these notes, from what it last read."""
    revision = store.interviews.get(interview.id).notes_revision
    store.interviews.save_notes(interview.id, text, base_revision=revision)


def read_only() -> None:
    """Every write of this connection refused, as a read-only file refuses them."""
    raw_cursor().execute("PRAGMA query_only = ON")


def writable() -> None:
    raw_cursor().execute("PRAGMA query_only = OFF")


# -- when to save ----------------------------------------------------------------------------


def test_the_defaults_are_the_calls() -> None:
    session = NotesSession(1)
    assert (session.delay, session.max_wait) == (AUTOSAVE_DELAY, AUTOSAVE_MAX_WAIT) == (0.3, 0.5)


def test_nothing_is_due_until_the_notes_change() -> None:
    session = NotesSession(1, notes="as stored")
    assert session.due_in(100.0) is None
    assert not session.edited("as stored", 100.0)
    assert session.due_in(100.0) is None
    assert session.status(unsaved=False) == ("saved", "saved")


def test_a_change_is_saved_after_a_moment_of_quiet() -> None:
    session = NotesSession(1)
    assert session.edited("a", 10.0)
    assert session.due_in(10.0) == pytest.approx(0.3)
    assert session.due_in(10.2) == pytest.approx(0.1)
    assert session.due_in(10.3) == 0
    assert session.due_in(12.0) == 0  # late is now, never negative
    assert session.status(unsaved=True) == ("saving…", "saving")


def test_each_key_moves_the_save_back() -> None:
    session = NotesSession(1, delay=0.3, max_wait=10)
    session.edited("a", 10.0)
    session.edited("ab", 10.2)
    assert session.due_in(10.3) == pytest.approx(0.2)  # 0.3 after the last key
    assert session.changed_at == 10.2


def test_typing_without_a_pause_is_saved_by_the_max_wait() -> None:
    session = NotesSession(1)
    text = ""
    for key in range(10):  # a key every 0.1 s: never 0.3 s of quiet
        text += "x"
        session.edited(text, 10.0 + key * 0.1)
        if key == 4:
            assert session.due_in(10.4) == pytest.approx(0.1)  # 0.5 after the first key
    assert session.due_in(10.9) == 0


def test_a_save_on_its_way_starts_the_wait_again() -> None:
    session = NotesSession(1)
    session.edited("a", 10.0)
    assert session.begin_save("a")
    assert session.due_in(10.4) is None  # nothing owed: "a" is on its way
    session.edited("ab", 10.45)
    assert session.due_in(10.45) == pytest.approx(0.3)  # a new max wait, from 10.45
    session.edited("abc", 10.7)
    assert session.due_in(10.7) == pytest.approx(0.25)


def test_an_undo_back_to_what_is_stored_saves_nothing() -> None:
    session = NotesSession(1, notes="stored")
    session.edited("stored!", 10.0)
    session.failed("the disk is full")
    assert not session.edited("stored", 10.1)  # undone
    assert not session.begin_save("stored")
    assert session.error is None  # nothing failed any more
    assert session.status(unsaved=False) == ("saved", "saved")


def test_a_change_back_while_a_save_is_on_its_way_is_saved_again() -> None:
    session = NotesSession(1, notes="")
    session.edited("a", 10.0)
    session.begin_save("a")
    assert not session.edited("", 10.1)  # an undo: what the database held before
    assert session.saved(Saved("a"), "", 10.2)  # "a" landed; the editor says "": owed
    assert session.due_in(10.2) is not None
    assert not session.saved(Saved("a"), "a", 10.3)  # as the editor says: nothing owed


def test_closing_saves_what_is_left(store: Store, interview: Interview) -> None:
    session = session_for(interview)
    session.edited("last words", 10.0)  # not yet due
    assert session.save(store, "last words", merge=True) == Saved("last words")
    assert stored(store, interview) == "last words"
    revision = store.interviews.get(interview.id).notes_revision
    assert session.save(store, "last words", merge=True) == Saved("last words")
    assert store.interviews.get(interview.id).notes_revision == revision  # nothing to write


# -- a save that fails -----------------------------------------------------------------------


def test_a_save_that_fails_keeps_the_text_and_says_so(store: Store, interview: Interview) -> None:
    session = session_for(interview)
    session.edited("keep me", 10.0)
    session.begin_save("keep me")
    read_only()
    with pytest.raises(InformaError) as failure:
        session.save(store, "keep me")
    writable()
    error = str(failure.value)
    assert error.startswith("cannot save: the database is read-only")
    told = session.failed(error)
    assert told is not None
    assert told.startswith(f"{error}. Your notes are still here in the editor")
    assert "ctrl+s saves a copy to a file" in told
    assert session.status(unsaved=True) == (f"not saved: {error}", "failed")
    assert session.failed(error) is None  # said once, not at every key
    assert stored(store, interview) == ""
    # The text is still owed: the next change saves it all.
    assert session.edited("keep me!", 11.0)
    assert session.begin_save("keep me!")
    outcome = session.save(store, "keep me!")
    assert outcome == Saved("keep me!")
    assert not session.saved(outcome, "keep me!", 11.1)
    assert session.status(unsaved=False) == ("saved", "saved")
    assert stored(store, interview) == "keep me!"


def test_closing_when_the_database_refuses_writes_a_recovery_copy(
    store: Store, interview: Interview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from informa import paths

    monkeypatch.setattr(paths, "export_dir", lambda: tmp_path)
    session = session_for(interview)
    session.edited("the last thing they said", 10.0)
    read_only()
    copy = session.close(store, "the last thing they said", NOW)
    writable()
    assert copy is not None
    assert copy.parent == tmp_path
    assert copy.read_text(encoding="utf-8") == "the last thing they said"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stored(store, interview) == ""


def test_closing_saves_without_a_copy_when_it_can(
    store: Store, interview: Interview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from informa import paths

    monkeypatch.setattr(paths, "export_dir", lambda: tmp_path)
    assert session_for(interview).close(store, "all saved", NOW) is None
    assert stored(store, interview) == "all saved"
    assert list(tmp_path.glob("informa-call-*")) == []


def test_closing_says_so_when_neither_the_database_nor_a_file_takes_the_notes(
    store: Store, interview: Interview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from informa import paths

    gone = tmp_path / "gone"
    monkeypatch.setattr(paths, "export_dir", lambda: gone)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(gone / "tmp"))
    read_only()
    with pytest.raises(InformaError) as failure:
        session_for(interview).close(store, "nowhere to go", NOW)
    writable()
    assert "read-only" in str(failure.value)
    assert "no copy could be written" in str(failure.value)


# -- another informa saved meanwhile ---------------------------------------------------------


def test_keep_both_puts_theirs_first() -> None:
    assert keep_both("theirs", "mine") == f"theirs\n{SEPARATOR}\nmine"
    assert keep_both("theirs\n", "mine") == f"theirs\n{SEPARATOR}\nmine"
    assert keep_both("", "mine") == f"{SEPARATOR}\nmine"


def test_a_conflict_is_taken_in_and_both_versions_are_kept(
    store: Store, interview: Interview
) -> None:
    session = session_for(interview)
    saved_elsewhere(store, interview, "theirs")
    conflict = session.save(store, "mine")
    assert conflict == Conflict("theirs", 1)
    assert isinstance(conflict, Conflict)
    assert stored(store, interview) == "theirs"  # nothing overwritten
    assert session.save(store, "mine, more") is conflict  # saves wait for the editor
    top = session.take_in(conflict)
    assert top == f"theirs\n{SEPARATOR}\n"
    assert session.take_in(conflict) is None  # the queued saves' report of the same one
    both = f"{top}mine, more"
    session.resolve(conflict)
    assert session.save(store, both) == Saved(both)
    assert stored(store, interview) == f"theirs\n{SEPARATOR}\nmine, more"
    assert session.save(store, f"{both} too") == Saved(f"{both} too")  # over the merge
    assert stored(store, interview) == f"{both} too"


def test_a_conflict_when_closing_saves_both_at_once(store: Store, interview: Interview) -> None:
    session = session_for(interview)
    saved_elsewhere(store, interview, "theirs\n")
    assert session.save(store, "mine", merge=True) == Saved(f"theirs\n{SEPARATOR}\nmine")
    assert stored(store, interview) == f"theirs\n{SEPARATOR}\nmine"


def test_a_conflict_met_before_closing_is_merged_on_close(
    store: Store, interview: Interview
) -> None:
    session = session_for(interview)
    saved_elsewhere(store, interview, "theirs")
    assert isinstance(session.save(store, "mine"), Conflict)
    assert session.save(store, "mine and more", merge=True) == Saved(
        f"theirs\n{SEPARATOR}\nmine and more"
    )
    assert stored(store, interview) == f"theirs\n{SEPARATOR}\nmine and more"


def test_nothing_typed_is_lost(store: Store, interview: Interview) -> None:
    """A failed save, another informa's save and closing, in one session: every word typed
    ends up in the database, and so does theirs."""
    session = session_for(interview)
    assert session.save(store, "one") == Saved("one")
    read_only()
    with pytest.raises(InformaError):
        session.save(store, "one two")
    writable()
    saved_elsewhere(store, interview, "one\ntheirs")
    conflict = session.save(store, "one two three")
    assert isinstance(conflict, Conflict)
    top = session.take_in(conflict)
    assert top is not None
    session.resolve(conflict)
    assert isinstance(session.save(store, f"{top}one two three four"), Saved)
    assert session.save(store, f"{top}one two three four five", merge=True) == Saved(
        f"{top}one two three four five"
    )
    assert stored(store, interview) == f"one\ntheirs\n{SEPARATOR}\none two three four five"


# -- the recovery copy -----------------------------------------------------------------------


def test_the_copy_is_owner_only_with_the_text(tmp_path: Path, loose_umask: None) -> None:
    session = NotesSession(7)
    target = session.save_copy("## [00:30] Opener\nA: be curious\n", NOW, [tmp_path])
    assert target == tmp_path / "informa-call-7-20261120-153000.md"
    assert target.read_text(encoding="utf-8") == "## [00:30] Opener\nA: be curious\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_copy_goes_to_the_next_folder_that_takes_it(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder"
    target = NotesSession(7).save_copy("notes", NOW, [missing, tmp_path])
    assert target.parent == tmp_path
    assert target.read_text(encoding="utf-8") == "notes"


def test_no_folder_takes_the_copy(tmp_path: Path) -> None:
    first, second = tmp_path / "gone", tmp_path / "also gone"
    with pytest.raises(InformaError) as failure:
        NotesSession(7).save_copy("notes", NOW, [first, second])
    message = str(failure.value)
    assert str(first) in message
    assert str(second) in message
    assert "; " in message


def test_the_copy_goes_to_the_export_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from informa import paths

    monkeypatch.setattr(paths, "export_dir", lambda: tmp_path)
    target = NotesSession(7).save_copy("notes", NOW)
    assert target.parent == tmp_path
