"""Regenerate the README screenshots from the demo data at a fixed size and clock.

python -m informa.screenshots [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.factory import make_app

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from informa.ui.app import InformaApp

CLOCK = fixed_clock(datetime(2026, 11, 20, 15, 30, tzinfo=UTC))
SIZE = (140, 40)


@dataclass(frozen=True)
class Shot:
    name: str
    title: str
    keys: tuple[str, ...] = ()
    settle_seconds: float = 0.0
    """Real time to let pass before the picture (the call's autosave waits a second)."""
    files: tuple[tuple[str, str], ...] = ()
    """Files to write (name, text) in the working folder first, for the keys to open."""
    size: tuple[int, int] = SIZE


CONNECTIONS = """\ufeffNotes:\r
"When exporting your connection data, you may notice that some of the email addresses are \
missing."\r
\r
First Name,Last Name,URL,Email Address,Company,Position,Connected On\r
Wei,Zhang,https://www.linkedin.com/in/wei-zhang-pm,,Cascadia Systems,"Product Manager, Genomics",\
12 Mar 2024\r
Maya,Okafor,https://www.linkedin.com/in/maya-okafor-phd,,Lumen Analytics,Senior Data Scientist,\
3 Feb 2021\r
Jun,Park,https://www.linkedin.com/in/jun-park-bio,,Helix Forge Bio,Scientist II,14 Feb 2023\r
Amara,Diallo,https://www.linkedin.com/in/amara-diallo,,"Northwind Health, Inc.",\
Clinical Data Manager,28 Oct 2025\r
Lukas,Weber,mailto:lukas@example.org,,Terraloop,Climate Data Lead,9 Sep 2022\r
Sofia,Ng,https://www.linkedin.com/in/sofia-ng,,,,31 Feb 2023\r
"""


def typed(text: str) -> tuple[str, ...]:
    """Key names for typing ``text``."""
    names = {
        " ": "space",
        "@": "at",
        ".": "full_stop",
        "-": "minus",
        ",": "comma",
        "(": "left_parenthesis",
        ")": "right_parenthesis",
    }
    return tuple(names.get(char, char) for char in text)


CALL_NOTES = (
    "f2",
    *typed("Yes, plenty of time"),
    "enter",
    "f2",
    *typed("Half meetings with the science team, half writing specs"),
    "enter",
    *typed("Learn SQL properly before anything else"),
    "f5",
    "enter",
)
"""The call's notes in both call pictures: two questions asked, an answer tagged Advice."""


SHOTS = (
    Shot("pipeline", "informa: the pipeline, due follow-ups first"),
    Shot("pipeline-all", "informa: every contact, with details", ("a", "home", *["down"] * 13)),
    Shot("help", "informa: keys and help (f1)", ("f1",)),
    Shot(
        "contact-form",
        "informa: a new contact (n)",
        (
            "n",
            *typed("Ada Lovelace"),
            "tab",
            *typed("Research Engineer"),
            "tab",
            *typed("Lum"),
            "right",
            "tab",
            *typed("ada@lovelace"),
            "tab",
        ),
    ),
    Shot(
        "prepare",
        "informa: preparing a call (p)",
        ("a", "home", "p", "g", "y", "tab", "down", "down", "down", "x", "tab", "space"),
        settle_seconds=0.3,
    ),
    Shot(
        "call",
        "informa: the live call (P)",
        (
            "a",
            "home",
            "P",
            "enter",  # yes, start it now
            *typed("Zoom, she is on mobile today"),
            "enter",
            *CALL_NOTES,
        ),
        settle_seconds=1.5,
    ),
    Shot(
        "call-80",
        "informa: the live call on half a screen, 80×24",
        (
            "a",
            "home",
            "P",
            "enter",  # yes, start it now
            *CALL_NOTES,
        ),
        settle_seconds=1.5,
        size=(80, 24),
    ),
    Shot("review", "informa: review, the agenda of what is due (v)", ("v",)),
    Shot(
        "import",
        "informa: importing LinkedIn connections (ctrl+p, import)",
        ("ctrl+p", *typed("import linkedin"), "enter", *typed("Connections.csv"), "enter"),
        settle_seconds=0.3,
        files=(("Connections.csv", CONNECTIONS),),
    ),
    Shot(
        "search", "informa: search notes, research and people (ctrl+f)", ("ctrl+f", *typed("sql"))
    ),
    Shot(
        "review-insights",
        "informa: review, answers side by side (v, 3)",
        ("v", "3", "down", "down", "down"),
    ),
    Shot(
        "debrief",
        "informa: the debrief after a call (f10)",
        (
            "a",
            "home",
            "P",
            "enter",  # yes, start it now
            "f2",
            *typed("Half meetings with the science team, half writing specs"),
            "f6",
            "enter",
            *typed("Learn SQL properly before anything else"),
            "f5",
            "enter",
            "f2",
            *typed("Jane Doe (Acme) - moved from a postdoc last year"),
            "f7",
            "enter",
            *typed("Send her my GitHub link"),
            "f8",
            "f10",
            *typed("Specs and stakeholder work matter as much as the analysis"),
        ),
    ),
)


async def settle(app: InformaApp, pilot: Pilot[None]) -> None:
    """Wait for loads and saves (not for workers holding an open dialog)."""
    for _ in range(3):
        busy = [worker for worker in app.workers if worker.group != "dialog"]
        if busy:
            await app.workers.wait_for_complete(busy)
        await pilot.pause()


async def capture(shot: Shot, db_path: Path, config_dir: Path) -> str:
    app = make_app(
        db_path=db_path, config_dir=config_dir, clock=CLOCK, save_settings=False, demo=True
    )
    async with app.run_test(size=shot.size) as pilot:
        await settle(app, pilot)
        for key in shot.keys:
            await pilot.press(key)
            await settle(app, pilot)
        if shot.settle_seconds:
            await pilot.pause(shot.settle_seconds)
            await settle(app, pilot)
        return app.export_screenshot(title=shot.title)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--only", nargs="*", metavar="NAME", help="Take only these shots.")
    args = parser.parse_args(argv)
    args.out = args.out.absolute()  # the shots are taken in a temporary working folder
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        template = write_demo_database(Path(folder) / "demo.db", clock=CLOCK).path
        for shot in SHOTS:
            if args.only and shot.name not in args.only:
                continue
            db_path = Path(folder) / f"{shot.name}.db"  # each picture starts from the demo
            shutil.copyfile(template, db_path)
            for name, text in shot.files:
                (Path(folder) / name).write_text(text, encoding="utf-8", newline="")
            svg = asyncio.run(capture(shot, db_path, Path(folder) / "config"))
            target = args.out / f"{shot.name}.svg"
            target.write_text(svg, encoding="utf-8")
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
