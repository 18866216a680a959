"""Killed (``kill -9``) during a large LinkedIn import, informa keeps all of it or none of it.

A real ``python -m informa --db DB import linkedin Connections.csv`` runs on a copy of the demo
database (which already holds people, calls and notes) and is killed with SIGKILL at seeded
random moments. A first, complete run measures how long the import takes and when the
database is opened (its ``-wal`` file appears then, just before the merge); the kill moments
are then spread over the start-up (reading the file) and, mostly, over the merge itself.

After each kill: ``PRAGMA integrity_check`` and the FTS5 index check pass; the database holds
exactly what it held before (the same SQL dump) or exactly what the complete import left (the
same dump once the import's own timestamps are masked), so the row counts of contacts,
companies, activities and the search index are one or the other; and importing the file
again completes, reports what is left to do, and leaves the complete import's counts.

``INFORMA_KILL_RUNS`` sets the number of kills (default 10), ``INFORMA_KILL_SEED`` the seed.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from informa.demo import write_demo_database

pytestmark = pytest.mark.slow  # the real informa importing, killed

RUNS = int(os.environ.get("INFORMA_KILL_RUNS", "10"))
SEED = int(os.environ.get("INFORMA_KILL_SEED", "20261120"))
ROWS = 4000
"""New people in the file: an import takes 0.5-1 s (a quarter of it start-up and reading)."""
COMPANIES = 1000
EARLY_EVERY = 4
"""One kill in four lands before the database is opened; the others during the merge."""
DEADLINE = 60.0
"""Seconds any one import may take (a slow, loaded CI machine included)."""
POLL = 0.001
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
TABLES = ("contact", "company", "activity", "search_index", "interview", "planned_question")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")


# -- the file and the database ---------------------------------------------------------------


def write_connections(path: Path, demo: Path) -> int:
    """A Connections.csv of ROWS new people, plus one row for each demo contact with a
    company (so the merge also fills in people already there); returns its row count."""
    with closing(sqlite3.connect(f"file:{demo}?mode=ro", uri=True)) as connection:
        known = connection.execute(
            "SELECT contact.name, company.name FROM contact JOIN company "
            "ON company.id = contact.company_id ORDER BY contact.id"
        ).fetchall()
    rows: list[list[str]] = []
    for i in range(ROWS):
        rows.append(
            [
                f"Imported{i}",
                f"Person{i}",
                f"https://www.linkedin.com/in/imported-person-{i}",
                f"imported{i}@example.com",
                f"Imported Company {i % COMPANIES}",
                "Data Analyst" if i % 2 else "Research Scientist, Platform",
                f"{1 + i % 28:02d} Mar 2024",
            ]
        )
    step = ROWS // (len(known) + 1)
    for n, (name, company) in enumerate(known, start=1):  # spread through the file
        first, _, last = str(name).partition(" ")
        rows.insert(n * step, [first, last, "", f"known{n}@example.com", str(company), "", ""])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return len(rows)


def counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db, timeout=5)) as connection:
        return {
            table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in TABLES
        }


def check_sound(db: Path) -> None:
    """SQLite's own check of the file, and FTS5's check of its index against its content."""
    with closing(sqlite3.connect(db, timeout=5)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        connection.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")


def content(db: Path, *, mask_stamps: bool) -> str:
    """A digest of the whole database as SQL; with ``mask_stamps``, every timestamp (the
    import's created/updated times differ from run to run) is replaced by a placeholder."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as connection:
        text = "\n".join(connection.iterdump())
    if mask_stamps:
        text = _STAMP.sub("<time>", text)
    return hashlib.sha256(text.encode()).hexdigest()


# -- running the import ---------------------------------------------------------------------


def start_import(db: Path, csv_file: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)  # the XDG folders of the ``isolated_dirs`` fixture
    env.pop("INFORMA_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "informa", "--db", str(db), "import", "linkedin", str(csv_file)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=db.parent,
    )


def wal(db: Path) -> Path:
    return db.with_name(f"{db.name}-wal")


def wait_for_open(process: subprocess.Popen[bytes], db: Path) -> float | None:
    """Poll until the database is opened (its -wal appears) or the process ends; the moment
    (monotonic), or None if it ended first."""
    end = time.monotonic() + DEADLINE
    while not wal(db).exists():
        if process.poll() is not None:
            return None
        assert time.monotonic() < end, "the import never opened the database"
        time.sleep(POLL)
    return time.monotonic()


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    """Wait for the process to end (killing it if it takes more than DEADLINE)."""
    try:
        out, err = process.communicate(timeout=DEADLINE)
    finally:
        if process.poll() is None:  # pragma: no cover - only when the deadline passed
            process.kill()
            process.wait(timeout=DEADLINE)
    return process.returncode, out.decode(), err.decode()


def import_completely(db: Path, csv_file: Path) -> tuple[str, float | None, float]:
    """Run the import to the end: its summary line, the seconds until the database was
    opened (None if that was not seen), and the seconds the whole run took."""
    started = time.monotonic()
    process = start_import(db, csv_file)
    opened = wait_for_open(process, db)
    code, out, err = finish(process)
    took = time.monotonic() - started
    assert code == 0, f"the import failed ({code}):\n{out}\n{err}"
    (summary,) = [line for line in out.splitlines() if line.startswith("Imported into")]
    return summary, None if opened is None else opened - started, took


@dataclass(frozen=True, slots=True)
class Kill:
    run: int
    phase: str
    """``start-up`` (timed from the start) or ``merge`` (timed from the database opening)."""
    delay: float


def schedule(runs: int, seed: int, startup: float, merge: float) -> list[Kill]:
    """Kill moments spread evenly (one in each slice, at a random point of it) over the
    start-up for one run in EARLY_EVERY and over the merge for the others."""
    rng = random.Random(seed)
    early = [run for run in range(runs) if run % EARLY_EVERY == 0]
    late = [run for run in range(runs) if run % EARLY_EVERY]
    kills = [
        Kill(run, "start-up", startup * (i + rng.random()) / len(early))
        for i, run in enumerate(early)
    ]
    kills += [
        Kill(run, "merge", merge * (i + rng.random()) / len(late)) for i, run in enumerate(late)
    ]
    return sorted(kills, key=lambda kill: kill.run)


def kill_import(db: Path, csv_file: Path, kill: Kill) -> tuple[int, bool]:
    """Start the import and SIGKILL it at ``kill``; its exit status, and whether the
    database had been opened when the signal was sent."""
    started = time.monotonic()
    process = start_import(db, csv_file)
    try:
        origin = started
        if kill.phase == "merge":
            opened = wait_for_open(process, db)
            origin = opened if opened is not None else time.monotonic()
        time.sleep(max(0.0, origin + kill.delay - time.monotonic()))  # the moment to kill
        was_open = wal(db).exists()
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        code, _, _ = finish(process)
    finally:
        if process.poll() is None:  # pragma: no cover - only if an assertion failed above
            process.kill()
            process.wait(timeout=DEADLINE)
    return code, was_open


# -- the test -------------------------------------------------------------------------------


def test_kill_9_during_a_large_import_keeps_all_of_it_or_none(tmp_path: Path) -> None:
    (tmp_path / "template").mkdir()
    template = write_demo_database(tmp_path / "template" / "demo.db").path
    assert not wal(template).exists()
    csv_file = tmp_path / "Connections.csv"
    rows = write_connections(csv_file, template)
    before_counts = counts(template)
    before = content(template, mask_stamps=False)
    assert before_counts["contact"] > 0
    assert before_counts["interview"] > 0

    # The complete import, timed: what "all of it" is.
    reference = tmp_path / "reference" / "informa.db"
    reference.parent.mkdir()
    shutil.copyfile(template, reference)
    summary, startup, took = import_completely(reference, csv_file)
    assert startup is not None, "the database was never seen open"
    match = re.search(r": (\d+) created, (\d+) updated", summary)
    assert match is not None, summary
    created, updated = int(match.group(1)), int(match.group(2))
    assert created >= ROWS, summary  # new people...
    assert updated > 0, summary  # ...and known ones filled in
    assert created + updated <= rows
    full_counts = counts(reference)
    full = content(reference, mask_stamps=True)
    assert full_counts["contact"] == before_counts["contact"] + created
    assert full_counts["interview"] == before_counts["interview"]
    merge = max(took - startup, 0.05)

    outcomes: list[str] = []
    for kill in schedule(RUNS, SEED, startup, merge):
        db = tmp_path / f"run{kill.run}" / "informa.db"
        db.parent.mkdir()
        shutil.copyfile(template, db)
        code, was_open = kill_import(db, csv_file, kill)
        where = f"run {kill.run}: kill {kill.delay:.3f} s into the {kill.phase} (exit {code})"

        check_sound(db)
        now = counts(db)
        if now == before_counts:
            assert content(db, mask_stamps=False) == before, f"{where}: a partial import"
            outcome = "none"
        elif now == full_counts:
            assert content(db, mask_stamps=True) == full, f"{where}: a partial import"
            outcome = "all"
        else:
            raise AssertionError(f"{where}: {now} is neither {before_counts} nor {full_counts}")
        killed = code == -signal.SIGKILL
        outcomes.append(f"{kill.phase}/{'open' if was_open else 'closed'}/{outcome}/{killed}")

        # The next import goes through and leaves the complete import's content.
        again, _, _ = import_completely(db, csv_file)
        expected = (
            summary.partition(": ")[2] if outcome == "none" else f"0 created, 0 updated, {rows}"
        )
        assert expected in again, f"{where}: {again}"
        check_sound(db)
        assert counts(db) == full_counts, where
        shutil.rmtree(db.parent)

    # The kills did land where they were meant to: some during the merge itself.
    mid_merge = [o for o in outcomes if o == "merge/open/none/True"]
    assert mid_merge, f"no kill landed during the merge: {outcomes}"
    assert len(outcomes) == RUNS


@pytest.mark.parametrize("runs", [1, 4, 10, 25])
def test_the_schedule_spreads_the_kills_over_start_up_and_merge(runs: int) -> None:
    kills = schedule(runs, SEED, startup=0.3, merge=0.6)
    assert [kill.run for kill in kills] == list(range(runs))
    early = [kill.delay for kill in kills if kill.phase == "start-up"]
    late = sorted(kill.delay for kill in kills if kill.phase == "merge")
    assert len(early) == (runs + EARLY_EVERY - 1) // EARLY_EVERY
    assert all(0 <= delay < 0.3 for delay in early)
    assert all(0 <= delay < 0.6 for delay in late)
    for i, delay in enumerate(late):  # one in each slice of the merge
        assert i * 0.6 / len(late) <= delay < (i + 1) * 0.6 / len(late)
    assert schedule(runs, SEED, 0.3, 0.6) == kills  # seeded: the same every time
