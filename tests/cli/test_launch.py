"""``informa`` itself: what opens the app without the command line, and what goes to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from informa import __version__
from informa.launch import main, plain_db
from informa.paths import DB_ENV


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        ([], {}, ""),  # the default database
        ([], {DB_ENV: "{tmp}/env.db"}, ""),  # resolve_paths reads the variable
        ([], {DB_ENV: ""}, ""),  # an empty variable is no variable, as for click
        (["--db", "{tmp}/mine.db"], {}, "{tmp}/mine.db"),
        (["--db={tmp}/mine.db"], {}, "{tmp}/mine.db"),
        (["--db", "{tmp}/mine.db"], {DB_ENV: "{tmp}/env.db"}, "{tmp}/mine.db"),
    ],
    ids=["nothing", "variable", "empty variable", "--db FILE", "--db=FILE", "--db wins"],
)
def test_only_opening_the_app_skips_the_command_line(
    args: list[str], environ: dict[str, str], expected: str, tmp_path: Path
) -> None:
    def filled(text: str) -> str:
        return text.format(tmp=tmp_path)

    found = plain_db([filled(a) for a in args], {k: filled(v) for k, v in environ.items()})
    assert found == filled(expected)


@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (["agenda"], {}),
        (["--db", "{tmp}/mine.db", "agenda"], {}),
        (["--help"], {}),
        (["-V"], {}),
        (["--db"], {}),
        (["--db", ""], {}),
        (["--db="], {}),
        (["--db", "."], {}),
        (["--db", "{tmp}"], {}),  # a folder
        (["--db", "--help"], {}),
        ([], {DB_ENV: "{tmp}"}),  # a folder in the variable
    ],
    ids=[
        "command",
        "--db and a command",
        "--help",
        "-V",
        "--db alone",
        "--db empty",
        "--db= empty",
        "--db .",
        "--db folder",
        "--db --help",
        "variable is a folder",
    ],
)
def test_anything_else_goes_to_the_command_line(
    args: list[str], environ: dict[str, str], tmp_path: Path
) -> None:
    def filled(text: str) -> str:
        return text.format(tmp=tmp_path)

    assert plain_db([filled(a) for a in args], {k: filled(v) for k, v in environ.items()}) is None


def test_the_command_line_answers_what_it_is_handed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"informa, version {__version__}"


def test_a_folder_given_as_the_database_is_explained_by_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(tmp_path)])
    assert stopped.value.code != 0
    err = capsys.readouterr().err
    assert "directory" in err or "folder" in err
    assert str(tmp_path.name) in err


def test_a_database_that_cannot_be_looked_at_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path in a folder the user may not enter: Python's ``stat`` raises, as it does for
    ``Path.exists`` in any command that checks the file."""
    locked = tmp_path / "locked" / "informa.db"

    def refused(path: Path, *args: object, **kwargs: object) -> bool:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    real = Path.exists
    monkeypatch.setattr(Path, "exists", refused)
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(locked), "agenda"])
    assert stopped.value.code == 1
    assert capsys.readouterr().err.strip() == f"informa: {locked}: Permission denied"


def test_a_folder_that_cannot_be_looked_at_is_no_reason_to_refuse_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether ``--db`` is a folder is asked of ``stat``, which may be refused: the path then
    goes to the app, which says why it cannot open it."""

    def refused(path: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "is_dir", refused)
    assert plain_db(["--db", str(tmp_path / "x.db")], {}) == str(tmp_path / "x.db")
