"""Regenerate the README screenshots from the demo data at a fixed size and clock.

python -m informa.screenshots [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
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
            *typed("Zoom, she is on mobile today"),
            "enter",
            "f2",
            *typed("Yes, plenty of time"),
            "enter",
            "f2",
            *typed("Half meetings with the science team, half writing specs"),
            "enter",
            *typed("Learn SQL properly before anything else"),
            "f5",
            "enter",
        ),
        settle_seconds=1.5,
    ),
    Shot("review", "informa: review, the agenda of what is due (v)", ("v",)),
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
            "tab",
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
    async with app.run_test(size=SIZE) as pilot:
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
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        template = write_demo_database(Path(folder) / "demo.db", clock=CLOCK).path
        for shot in SHOTS:
            db_path = Path(folder) / f"{shot.name}.db"  # each picture starts from the demo
            shutil.copyfile(template, db_path)
            svg = asyncio.run(capture(shot, db_path, Path(folder) / "config"))
            target = args.out / f"{shot.name}.svg"
            target.write_text(svg, encoding="utf-8")
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
