"""Reading files given to import, and writing exports owner-only.

Every import starts with ``read_text``: it refuses, with one line that names the file, what
is not text at all (a PDF, a zip, an image), what is not UTF-8, and an empty file. Every
export ends with ``write_private``: a temporary owner-only file beside the target, renamed
over it when complete, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from informa.domain.errors import BadFileError
from informa.paths import PRIVATE_FILE_MODE

STDOUT = "-"

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (a spreadsheet or an export still zipped?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3\x00": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Excel or Word file",
    b"\x1f\x8b": "a gzip archive",
}


def read_text(path: Path, *, expected: str) -> str:
    """The text of ``path`` (UTF-8, a byte-order mark dropped, line ends kept as written).

    ``expected`` says what the file should be, for messages: ``a LinkedIn Connections.csv``.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadFileError(f"{path}: is a folder, not {expected}") from None
    except OSError as exc:
        raise BadFileError(f"{path}: cannot read it ({exc.strerror})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadFileError(f"{path}: the file is UTF-16; save it as UTF-8 and try again")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BadFileError(f"{path}: this is {what}, not {expected}")
    if b"\x00" in data[:8192]:
        raise BadFileError(f"{path}: this is a binary file, not {expected}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadFileError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8 and try again"
        ) from None
    if not text.strip():
        raise BadFileError(f"{path}: the file is empty, not {expected}")
    return text


def write_private(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` owner-only (0600), replacing it only once complete.

    The temporary file gets a new, unpredictable name (``O_EXCL``): a link planted where it
    would go cannot redirect the export into another file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temporary: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise BadFileError(f"{path}: cannot write it ({exc.strerror})") from None


def write_output(target: Path | str | None, data: str | bytes) -> Path | None:
    """Write an export to ``target``, or to standard output when it is ``None`` or ``-``.

    Returns the file written, or ``None`` for standard output.
    """
    if target is None or str(target) == STDOUT:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return None
    path = Path(target)
    if path.is_dir():
        raise BadFileError(f"{path}: is a folder; give a file name to write to")
    write_private(path, data)
    return path
