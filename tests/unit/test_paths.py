"""Where informa keeps its files, and the owner-only folders and files it creates."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from informa.domain.errors import DatabaseFileError
from informa.paths import (
    DbSource,
    bundled_banks_dir,
    create_private_file,
    ensure_private_dir,
    resolve_paths,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_default_paths_follow_xdg(isolated_dirs: dict[str, Path]) -> None:
    paths = resolve_paths()
    assert paths.data_dir == isolated_dirs["data"] / "informa"
    assert paths.config_dir == isolated_dirs["config"] / "informa"
    assert paths.db_path == isolated_dirs["data"] / "informa" / "informa.db"
    assert paths.db_source is DbSource.DEFAULT
    assert paths.settings_path == isolated_dirs["config"] / "informa" / "settings.yaml"
    assert paths.user_banks_dir == isolated_dirs["config"] / "informa" / "question_banks"


def test_resolving_creates_nothing(isolated_dirs: dict[str, Path]) -> None:
    resolve_paths()
    assert not isolated_dirs["data"].exists()
    assert not isolated_dirs["config"].exists()


def test_env_var_wins_over_the_default(
    isolated_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFORMA_DB", str(tmp_path / "from-env.db"))
    paths = resolve_paths()
    assert paths.db_path == tmp_path / "from-env.db"
    assert paths.db_source is DbSource.ENV


def test_empty_env_var_is_ignored(
    isolated_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFORMA_DB", "")
    paths = resolve_paths()
    assert paths.db_path == isolated_dirs["data_dir"] / "informa.db"
    assert paths.db_source is DbSource.DEFAULT


def test_db_argument_wins_over_env_var(
    isolated_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INFORMA_DB", str(tmp_path / "from-env.db"))
    paths = resolve_paths(tmp_path / "from-option.db")
    assert paths.db_path == tmp_path / "from-option.db"
    assert paths.db_source is DbSource.OPTION
    explicit = resolve_paths(str(tmp_path / "x.db"), DbSource.ENV)
    assert explicit.db_source is DbSource.ENV


def test_db_argument_is_made_absolute(
    isolated_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_paths("rel/x.db").db_path == tmp_path / "rel" / "x.db"
    assert resolve_paths("~/x.db").db_path == tmp_path / "home" / "x.db"


def test_empty_db_argument_falls_back(isolated_dirs: dict[str, Path]) -> None:
    paths = resolve_paths("")
    assert paths.db_source is DbSource.DEFAULT
    assert paths.db_path == isolated_dirs["data_dir"] / "informa.db"


@pytest.mark.usefixtures("loose_umask")
def test_ensure_private_dir_creates_every_missing_folder_owner_only(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    target = tmp_path / "a" / "b" / "c"
    ensure_private_dir(target)
    assert target.is_dir()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path) == 0o755  # the existing parent is left alone


@pytest.mark.usefixtures("loose_umask")
def test_ensure_private_dir_leaves_an_existing_folder_alone(tmp_path: Path) -> None:
    existing = tmp_path / "shared"
    existing.mkdir()
    existing.chmod(0o755)
    ensure_private_dir(existing)
    assert mode(existing) == 0o755


def test_ensure_private_dir_refuses_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseFileError, match="not a folder"):
        ensure_private_dir(blocker)
    with pytest.raises(DatabaseFileError, match="cannot create folder"):
        ensure_private_dir(blocker / "inside")


@pytest.mark.usefixtures("loose_umask")
def test_create_private_file(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    create_private_file(path)
    assert path.is_file()
    assert path.read_bytes() == b""
    assert mode(path) == 0o600


def test_create_private_file_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        create_private_file(path)
    assert path.read_bytes() == b"keep me"


def test_bundled_banks_dir_holds_the_bundled_yaml_files() -> None:
    folder = bundled_banks_dir()
    assert folder.is_dir()
    names = {path.name for path in folder.glob("*.yaml")}
    assert {"10-core.yaml", "20-academia-to-industry.yaml"} <= names
