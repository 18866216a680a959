"""A guard that blocks and records every way out to the network, and every CLI command.

Used by ``test_privacy.py`` in-process, and run as ``python -m tests.reliability.network_guard
SANDBOX`` to check a fresh interpreter: the guard goes in before informa (or any library it
uses) is imported, then every informa module is imported and every CLI command run. That
covers what a library might do when it is first imported, which an in-process test cannot
see once another test has imported it. Only the standard library is imported at the top.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "interchange" / "fixtures"
LINKEDIN = FIXTURES / "linkedin_connections.csv"
VCARDS = FIXTURES / "google_contacts.vcf"

Patch = Callable[[object, str, object], None]
"""``setattr``, or pytest's ``monkeypatch.setattr`` (undone after the test)."""


class NetworkBlocked(OSError):
    """What a blocked network call raises (an OSError, as being offline would)."""


class NetworkGuard:
    """Blocks and records socket creation other than AF_UNIX, connect, sendto, and name
    lookups.

    AF_UNIX sockets stay allowed: asyncio's event loop makes a socketpair (AF_UNIX on Linux
    and macOS) to wake itself, which Textual's loop needs.
    """

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self.unix_sockets = 0

    def blocked(self, what: str) -> NetworkBlocked:
        self.attempts.append(what)
        return NetworkBlocked(f"network blocked by the test: {what}")

    def install(self, patch: Patch) -> None:
        guard = self
        original_init = socket.socket.__init__

        def init(self: socket.socket, *args: Any, **kwargs: Any) -> None:
            original_init(self, *args, **kwargs)
            if self.family in (socket.AF_INET, socket.AF_INET6):
                family = self.family.name
                self.close()
                raise guard.blocked(f"socket({family})")
            guard.unix_sockets += 1

        def refuse(name: str) -> Callable[..., Any]:
            def refused(*args: Any, **kwargs: Any) -> Any:
                shown = ", ".join(repr(arg) for arg in args if not isinstance(arg, socket.socket))
                raise guard.blocked(f"{name}({shown})")

            return refused

        patch(socket.socket, "__init__", init)
        for method in ("connect", "connect_ex", "sendto"):
            patch(socket.socket, method, refuse(f"socket.{method}"))
        for function in (
            "create_connection",
            "getaddrinfo",
            "gethostbyname",
            "gethostbyname_ex",
            "gethostbyaddr",
            "getnameinfo",
        ):
            patch(socket, function, refuse(function))


def every_command(sandbox: Path) -> list[list[str | Path]]:
    """Every CLI command, each as a user would run it, writing only into ``sandbox`` and the
    data folder (the app itself, ``informa`` and ``informa demo``, is driven elsewhere)."""
    from informa.paths import bundled_banks_dir

    demo = sandbox / "demo.db"
    bank = next(bundled_banks_dir().glob("*.yaml"))
    return [
        ["where"],
        ["--version"],
        ["--help"],
        ["import", "linkedin", LINKEDIN],  # the default database: data folder made here
        ["import", "linkedin", "--dry-run", LINKEDIN],
        ["demo", "--out", demo],
        ["--db", demo, "agenda"],
        ["--db", demo, "agenda", "--json", "--days", "30"],
        ["banks", "list"],
        ["banks", "check", bank],
        ["--db", demo, "export", "csv", "-o", sandbox / "contacts.csv"],
        ["--db", demo, "export", "csv"],
        ["--db", demo, "export", "vcard", "-o", sandbox / "contacts.vcf"],
        ["--db", demo, "export", "ics", "-o", sandbox / "calendar.ics"],
        ["--db", demo, "export", "json", "-o", sandbox / "everything.json"],
        ["--db", demo, "export", "markdown", "-o", sandbox / "notes"],
        ["--db", demo, "import", "linkedin", LINKEDIN],
        ["--db", demo, "import", "vcard", VCARDS],
        ["--db", sandbox / "from-csv.db", "import", "csv", sandbox / "contacts.csv"],
        ["--db", sandbox / "from-json.db", "import", "json", sandbox / "everything.json"],
        ["--db", demo, "backup"],  # into the data folder's backups/
        ["--db", demo, "backup", "-o", sandbox / "copy.db"],
        ["--db", demo, "restore", "--yes", sandbox / "copy.db"],  # keeps a safety backup
        ["--db", sandbox / "new" / "restored.db", "restore", "--yes", sandbox / "copy.db"],
    ]


def run_every_command(sandbox: Path) -> list[str]:
    """Run :func:`every_command` in this process; the commands that failed, with output."""
    from click.testing import CliRunner

    from informa.cli import main

    failed: list[str] = []
    for args in every_command(sandbox):
        words = [str(arg) for arg in args]
        result = CliRunner().invoke(main, words)
        if result.exit_code != 0:
            failed.append(f"informa {' '.join(words)} ({result.exit_code}):\n{result.output}")
    return failed


def import_everything() -> int:
    """Import every informa module (and so every library it uses); how many."""
    import informa

    names = [
        info.name
        for info in pkgutil.walk_packages(informa.__path__, "informa.")
        if not info.name.endswith("__main__")
    ]
    for name in names:
        importlib.import_module(name)
    return len(names)


def _fresh(sandbox: Path) -> None:  # pragma: no cover - runs in a subprocess
    guard = NetworkGuard()
    guard.install(setattr)
    modules = import_everything()
    failed = run_every_command(sandbox)
    json.dump({"attempts": guard.attempts, "failed": failed, "modules": modules}, sys.stdout)


if __name__ == "__main__":  # pragma: no cover - runs in a subprocess
    _fresh(Path(sys.argv[1]))
