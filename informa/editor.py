"""Editing long text in the user's own editor (``$VISUAL`` / ``$EDITOR``)."""

from __future__ import annotations

import os
from pathlib import Path

from informa.domain.errors import InformaError


def launch_editor(text: str, suffix: str = ".md") -> str:
    """Open ``text`` in the editor and return what was saved. The app suspends around this."""
    import shlex  # not at import: the app loads this module before its first frame
    import subprocess
    import tempfile

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise InformaError(f"cannot run the editor '{command}': {exc}") from exc
    folder = Path(tempfile.mkdtemp(prefix="informa-edit-"))
    path = folder / f"edit{suffix}"
    try:
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        try:
            subprocess.run([*argv, str(path)], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            raise InformaError(f"the editor '{command}' failed: {exc}") from exc
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise InformaError(f"the editor saved text that is not UTF-8 ({exc.reason})") from exc
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()
