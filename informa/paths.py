"""Where informa keeps its files.

The database lives in the user data folder and the user's own question banks and settings in
the config folder (both from platformdirs). ``--db PATH`` or ``INFORMA_DB`` point the app at
another database. Folders informa creates are owner-only (0700); so is the database (0600).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import platformdirs

from informa.domain.errors import DatabaseFileError

APP_NAME = "informa"
DB_FILENAME = "informa.db"
SETTINGS_FILENAME = "settings.yaml"
BANKS_DIRNAME = "question_banks"
TEMPLATES_DIRNAME = "templates"
DB_ENV = "INFORMA_DB"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class DbSource(StrEnum):
    DEFAULT = "default"
    OPTION = "--db"
    ENV = DB_ENV


@dataclass(frozen=True, slots=True)
class Paths:
    data_dir: Path
    config_dir: Path
    db_path: Path
    db_source: DbSource

    @property
    def settings_path(self) -> Path:
        return self.config_dir / SETTINGS_FILENAME

    @property
    def user_banks_dir(self) -> Path:
        return self.config_dir / BANKS_DIRNAME


def user_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def resolve_paths(db: str | Path | None = None, db_source: DbSource | None = None) -> Paths:
    """Resolve every path. ``db`` wins over ``$INFORMA_DB``, which wins over the default."""
    data_dir = user_data_dir()
    if db is not None and str(db) != "":
        source = db_source or DbSource.OPTION
        db_path = Path(db)
    elif os.environ.get(DB_ENV):
        source = DbSource.ENV
        db_path = Path(os.environ[DB_ENV])
    else:
        source = DbSource.DEFAULT
        db_path = data_dir / DB_FILENAME
    return Paths(
        data_dir=data_dir,
        config_dir=user_config_dir(),
        db_path=db_path.expanduser().absolute(),
        db_source=source,
    )


def not_a_database_file(db: str | Path) -> bool:
    """Whether ``--db`` (or ``$INFORMA_DB``) names no file: empty, ``.`` or a folder. A folder
    that cannot be looked at (a parent the user may not enter) counts as a file: opening it
    then says why it cannot be used."""
    if str(db) in ("", "."):
        return True
    try:
        return Path(db).is_dir()
    except OSError:
        return False


def bundled_banks_dir() -> Path:
    """The question banks shipped with informa.

    In a wheel they are inside the package (``informa/question_banks``); in a source checkout
    (including an editable install) they are the repository's top-level ``question_banks``.
    """
    package_dir = Path(__file__).resolve().parent
    inside = package_dir / BANKS_DIRNAME
    if inside.is_dir():
        return inside
    return package_dir.parent / BANKS_DIRNAME


def export_dir() -> Path:
    """Where exports (and copies of notes) are offered: Downloads if there is one, else home."""
    downloads = platformdirs.user_downloads_path()
    return downloads if downloads.is_dir() else Path.home()


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) so that what informa creates is owner-only."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            pass
        except OSError as exc:
            raise DatabaseFileError(f"{folder}: cannot create folder ({exc.strerror})") from exc
        # mkdir's mode is filtered by the umask; make it exact.
        folder.chmod(PRIVATE_DIR_MODE)
    if not path.is_dir():
        raise DatabaseFileError(f"{path}: not a folder")


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file; fails if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)
    path.chmod(PRIVATE_FILE_MODE)
