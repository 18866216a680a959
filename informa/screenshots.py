"""Regenerate the README screenshots from the demo data at a fixed size and clock.

python -m informa.screenshots [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from informa.demo import write_demo_database
from informa.domain.clock import fixed_clock
from informa.factory import make_app

CLOCK = fixed_clock(datetime(2026, 11, 20, 15, 30, tzinfo=UTC))
SIZE = (140, 40)


@dataclass(frozen=True)
class Shot:
    name: str
    title: str
    keys: tuple[str, ...] = ()


SHOTS = (
    Shot("pipeline", "informa: the pipeline, due follow-ups first"),
    Shot("pipeline-all", "informa: every contact, with details", ("a", "home", *["down"] * 13)),
    Shot("help", "informa: keys and help (f1)", ("f1",)),
)


async def capture(shot: Shot, db_path: Path, config_dir: Path) -> str:
    app = make_app(
        db_path=db_path, config_dir=config_dir, clock=CLOCK, save_settings=False, demo=True
    )
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return app.export_screenshot(title=shot.title)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db_path = write_demo_database(Path(folder) / "demo.db", clock=CLOCK).path
        for shot in SHOTS:
            svg = asyncio.run(capture(shot, db_path, Path(folder) / "config"))
            target = args.out / f"{shot.name}.svg"
            target.write_text(svg, encoding="utf-8")
            print(f"wrote {target}")


if __name__ == "__main__":
    main()
