"""informa's benchmark suite: ``python benchmarks/run.py [--quick] [--json] [--only NAME]``.

Each figure is measured several times next to its baseline, in the same run on the same
machine, and reported as a median (and p95) with its ratio to the baseline or its target.
Nothing here fails: the table says which targets are met (✓) and which are not (✗).
See benchmarks/README.md for what each benchmark does and how.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import dataset  # this folder is on sys.path: run.py is run as a script
import harness
from harness import Terminal, final_cursor

HERE = Path(__file__).resolve().parent
BASELINES = HERE / "baselines"
PYTHON = sys.executable

# -- what is measured, and the targets ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spec:
    name: str
    unit: str
    stat: str
    """The statistic compared with the target: ``median``, ``p95`` or ``p99``."""
    limit: float
    on_ratio: bool
    """The limit applies to value / baseline (else to the value itself)."""
    how: str

    @property
    def target(self) -> str:
        if self.on_ratio:
            return f"≤ {self.limit:g} ×"
        return f"≤ {self.limit:g} {self.unit}" + (f" {self.stat}" if self.stat != "median" else "")


SPECS: dict[str, Spec] = {
    spec.name: spec
    for spec in (
        Spec(
            "startup",
            "ms",
            "median",
            1.3,
            True,
            "pty: spawn of `python -m informa --db LARGE` → the first full paint of the home "
            "screen (every row drawn); baseline: bare_static.py, the same way",
        ),
        Spec(
            "startup_widgets",
            "ms",
            "median",
            1.3,
            True,
            "not informa: bare_widgets.py (the home screen's widgets and keys, no data, no "
            "informa code) → its first full paint; baseline: bare_static.py. The share of the "
            "startup target these widgets take by themselves",
        ),
        Spec(
            "startup_loaded",
            "ms",
            "median",
            1.3,
            True,
            "pty: the same spawn → the last frame before 0.5 s of quiet once the contacts are "
            "listed (list and details drawn); baseline: bare_static.py's last frame",
        ),
        Spec(
            "keystroke",
            "ms",
            "median",
            1.15,
            True,
            "pty: key written → frame that moves the caret written, typing into the 20 KB note "
            "of the resumed call; baseline: bare_textarea.py, same note and harness",
        ),
        Spec(
            "keystroke_p99",
            "ms",
            "p99",
            33.0,
            False,
            "the same keys' 99th percentile (baseline shown for comparison)",
        ),
        Spec(
            "autosave",
            "ms",
            "median",
            2.0,
            False,
            "in-process: store.interviews.save_notes of the 20 KB note (FTS5 re-index included)",
        ),
        Spec(
            "filter",
            "ms",
            "median",
            30.0,
            False,
            "pty: key written in the pipeline filter (All, every contact) → the frame with the "
            "list redrawn for it (its subtitle shows the new filter text)",
        ),
        Spec(
            "search",
            "ms",
            "p95",
            10.0,
            False,
            "in-process: store.search.search(query), top 20 with snippets, mixed queries",
        ),
        Spec(
            "stage_switch",
            "ms",
            "median",
            50.0,
            False,
            "pty: key `1` written (All → Prospect, the large stage) → the frame with the list "
            "titled 'Prospect (N)'",
        ),
        Spec(
            "import_linkedin",
            "ms",
            "median",
            1000.0,
            False,
            "in-process: read_connections(csv) + store.imports.merge, into a fresh copy of the "
            "large database",
        ),
        Spec(
            "rss",
            "MiB",
            "median",
            1.5,
            True,
            "VmRSS of the startup process once the screen is quiet; baseline: bare_static.py",
        ),
    )
}
GROUP = {"keystroke_p99": "keystroke", "startup_loaded": "startup", "startup_widgets": "startup"}
"""Rows measured with (and reported with) another benchmark."""
NAMES = tuple(name for name in SPECS if name not in GROUP)


@dataclass(frozen=True, slots=True)
class Plan:
    scale: dataset.Scale
    runs: int
    keystroke_runs: int
    keys: int
    autosaves: int
    search_rounds: int
    filter_queries: int
    stage_switches: int


def plan_for(quick: bool, runs: int | None) -> Plan:
    if quick:
        return Plan(dataset.QUICK, runs or 2, 1, 120, 40, 2, 2, 3)
    runs = runs or 5
    return Plan(dataset.FULL, runs, max(runs // 2 + 1, 1), 400, 100, 5, 4, 5)


# -- statistics ----------------------------------------------------------------------------


def percentile(samples: Sequence[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    ordered = sorted(samples)
    if not ordered:
        return math.nan
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def stat(samples: Sequence[float], which: str) -> float:
    if which == "median":
        return statistics.median(samples) if samples else math.nan
    return percentile(samples, float(which[1:]))


@dataclass(slots=True)
class Row:
    spec: Spec
    samples: list[float]
    baseline_samples: list[float] = field(default_factory=list)

    @property
    def value(self) -> float:
        return stat(self.samples, self.spec.stat)

    @property
    def baseline(self) -> float | None:
        return stat(self.baseline_samples, self.spec.stat) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        baseline = self.baseline
        return self.value / baseline if baseline else None

    @property
    def met(self) -> bool | None:
        if math.isinf(self.spec.limit):
            return None
        measured = self.ratio if self.spec.on_ratio else self.value
        return None if measured is None else measured <= self.spec.limit

    def as_json(self) -> dict[str, object]:
        def rounded(value: float | None) -> float | None:
            return None if value is None or math.isnan(value) else round(value, 3)

        return {
            "name": self.spec.name,
            "value": rounded(self.value),
            "unit": self.spec.unit,
            "baseline": rounded(self.baseline),
            "ratio": rounded(self.ratio),
            "stat": self.spec.stat,
            "median": rounded(stat(self.samples, "median")),
            "p95": rounded(stat(self.samples, "p95")),
            "target": None if math.isinf(self.spec.limit) else self.spec.target,
            "met": self.met,
            "samples": len(self.samples),
        }


# -- helpers -------------------------------------------------------------------------------


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def app_env(home: Path) -> dict[str, str]:
    """The environment of every program started: its own config and data folders, so the
    user's settings neither slow nor change what is measured (and nothing of theirs is
    written)."""
    env = dict(os.environ)
    env.pop("INFORMA_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode is cached, as for a user
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    return env


def ms(seconds: float) -> float:
    return seconds * 1000


QUIET = 0.5
"""Seconds without output after which a screen counts as fully painted."""
SETTLE = 0.2
"""Seconds without output between two measured keys (a worker's late repaint included)."""
KEY_GAP = 0.04
"""Seconds between a key's frame and the next key: a very fast typist."""


@dataclass(slots=True)
class Started:
    paint_ms: float
    """Spawn → the first full paint (every row of the screen drawn)."""
    loaded_ms: float
    """Spawn → the last output before QUIET seconds of quiet, once ``marker`` showed."""
    rss_mib: float


def measure_start(term: Terminal, marker: str) -> Started:
    painted = term.wait_full_paint()
    term.wait_output(marker)
    last = term.wait_quiet(QUIET)
    rss = term.rss_kib() / 1024
    return Started(ms(painted - term.started), ms(last - term.started), rss)


def current_cursor(term: Terminal) -> tuple[int, int] | None:
    frame = term.last_frame()
    return None if frame is None else final_cursor(term.frame_bytes(frame))


# -- the sessions in a pseudo-terminal -----------------------------------------------------


def informa_argv(db_path: Path) -> list[str]:
    return [PYTHON, "-m", "informa", "--db", str(db_path)]


FILTER_QUERIES = ("mar", "chen", "data sci", "okafr", "bio", "zoe")


def filter_keys(term: Terminal, queries: Sequence[str], everyone: int) -> list[float]:
    """From the All view: ``/``, then each query a key at a time, then escape."""
    samples: list[float] = []
    all_title = rf"All \({everyone}\)"
    since = term.frame_count
    term.send(b"a")
    term.wait_text(all_title, since=since)
    term.wait_quiet(SETTLE)
    for query in queries:
        since = term.frame_count
        term.send(b"/")
        term.wait_text("Filter by name", since=since)
        term.wait_quiet(SETTLE)
        for end in range(1, len(query) + 1):
            typed = query[:end]
            since = term.frame_count
            sent = term.send(query[end - 1].encode())
            frame = term.wait_text(f"filter “{re.escape(typed)}”", since=since)
            samples.append(ms(frame.at - sent))
            term.wait_quiet(SETTLE)
        since = term.frame_count
        term.send(harness.ESCAPE)
        term.wait_text(all_title, since=since)
        term.wait_quiet(SETTLE)
    return samples


def stage_switches(term: Terminal, switches: int, big: int, everyone: int) -> list[float]:
    """All → Prospect (the large stage) by its key, timed; then back to All, untimed."""
    samples: list[float] = []
    for _ in range(switches):
        since = term.frame_count
        sent = term.send(b"1")
        frame = term.wait_text(rf"Prospect \({big}\)", since=since)
        samples.append(ms(frame.at - sent))
        term.wait_quiet(SETTLE)
        since = term.frame_count
        term.send(b"a")
        term.wait_text(rf"All \({everyone}\)", since=since)
        term.wait_quiet(SETTLE)
    return samples


def typing_text(keys: int) -> list[bytes]:
    """``keys`` keystrokes of note-taking: words, tags, Enter between lines (never twice
    in a row: each key must move the caret)."""
    lines = (
        "I: they review every analysis in pairs and ship something weekly",
        "A: learn SQL window functions before the technical screen",
        "R: talk to Priya Shah about the platform team",
        "the manager came from a postdoc too and says the first year is mostly listening",
        "TODO: send the paper they asked about",
    )
    text = "\r".join(lines * (keys // sum(len(line) + 1 for line in lines) + 1))
    return [char.encode() for char in text[:keys]]


def type_keys(term: Terminal, keys: Sequence[bytes]) -> list[float]:
    """Each key: written, then timed until the frame that moves the caret is read."""
    samples: list[float] = []
    cursor = current_cursor(term)
    for key in keys:
        since = term.frame_count
        sent = term.send(key)
        before = cursor
        frame = term.wait_frame(
            f"the frame for key {key!r}",
            lambda _f, data, before=before: final_cursor(data) not in (None, before),  # type: ignore[misc]
            since=since,
        )
        cursor = final_cursor(term.frame_bytes(frame))
        samples.append(ms(frame.at - sent))
        time.sleep(KEY_GAP)
    return samples


# -- the suite -----------------------------------------------------------------------------


@dataclass(slots=True)
class Samples:
    values: dict[str, list[float]] = field(default_factory=dict)
    baselines: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, values: Sequence[float] | float, *, baseline: bool = False) -> None:
        target = self.baselines if baseline else self.values
        if isinstance(values, float | int):
            target.setdefault(name, []).append(float(values))
        else:
            target.setdefault(name, []).extend(values)


class Suite:
    def __init__(self, plan: Plan, only: set[str], work: Path) -> None:
        self.plan = plan
        self.only = only
        self.work = work
        self.env = app_env(work / "home")
        self.samples = Samples()
        self.seed = dataset.SEED

    def terminal(self, argv: Sequence[str]) -> Terminal:
        """``argv`` in the pty, from the work folder (so ``-m informa`` is the installed one,
        not a checkout that happens to be the current folder)."""
        return Terminal(argv, env=self.env, cwd=self.work)

    def bare_static(self) -> Started:
        with self.terminal([PYTHON, str(BASELINES / "bare_static.py")]) as term:
            return measure_start(term, "bare static: ready")

    def bare_widgets(self) -> Started:
        with self.terminal([PYTHON, str(BASELINES / "bare_widgets.py")]) as term:
            return measure_start(term, "bare widgets: ready")

    def wants(self, *names: str) -> bool:
        return any(name in self.only for name in names)

    def run(self) -> None:
        scale = self.plan.scale
        started = time.perf_counter()
        self.source = dataset.database(scale, self.seed)
        say(f"database ready ({scale.contacts} contacts) in {time.perf_counter() - started:.1f} s")
        if self.wants("autosave"):
            self.autosave()
        if self.wants("search"):
            self.search()
        if self.wants("import_linkedin"):
            self.import_linkedin()
        if self.wants("startup", "rss", "filter", "stage_switch"):
            self.pipeline()
        if self.wants("keystroke"):
            self.keystroke()

    # -- in-process ----------------------------------------------------------------------

    def autosave(self) -> None:
        call = dataset.call_in_progress(self.source, self.work / "autosave.db", self.seed)
        typed = "".join(key.decode() for key in typing_text(4000)).replace("\r", "\n")
        with dataset.opened(call.db_path) as store:
            revision = store.interviews.get(call.interview_id).notes_revision
            text = call.notes
            for run in range(self.plan.runs):
                say(f"autosave run {run + 1}/{self.plan.runs}")
                for save in range(self.plan.autosaves):
                    step = run * self.plan.autosaves + save
                    text += typed[(step * 12) % 3900 : (step * 12) % 3900 + 12]
                    begin = time.perf_counter()
                    revision = store.interviews.save_notes(
                        call.interview_id, text, base_revision=revision
                    )
                    self.samples.add("autosave", ms(time.perf_counter() - begin))

    SEARCHES = (
        "data",
        "team hiring",
        "postdoc",
        "consult*",
        '"hiring manager"',
        "Okafor",
        "Priya Shah",
        "regulatory OR policy",
        "pipelines -Nextflow",
        "stakeholder management",
        "Helix",
        "biotech startup",
        "refer*",
        "xylophone",
        "python sql",
        "Zürich",
    )

    def search(self) -> None:
        with dataset.opened(dataset.copy_database(self.source, self.work / "search.db")) as store:
            for query in self.SEARCHES:  # warm: the first query reads the index from disk
                store.search.search(query)
            for run in range(self.plan.runs):
                say(f"search run {run + 1}/{self.plan.runs}")
                for _ in range(self.plan.search_rounds):
                    for query in self.SEARCHES:
                        begin = time.perf_counter()
                        store.search.search(query)
                        self.samples.add("search", ms(time.perf_counter() - begin))

    def import_linkedin(self) -> None:
        from informa.interchange.linkedin import read_connections

        csv_path = dataset.connections_csv(self.plan.scale, self.seed)
        for run in range(self.plan.runs):
            say(f"import_linkedin run {run + 1}/{self.plan.runs}")
            copy = dataset.copy_database(self.source, self.work / "import.db")
            with dataset.opened(copy) as store:
                begin = time.perf_counter()
                report = store.imports.merge(read_connections(csv_path))
                self.samples.add("import_linkedin", ms(time.perf_counter() - begin))
            if len(report.created) + len(report.updated) < self.plan.scale.csv_rows * 0.9:
                raise harness.HarnessError(f"the import did far less than expected: {report}")

    # -- in a pseudo-terminal --------------------------------------------------------------

    def pipeline(self) -> None:
        """Per run: the bare app's start, then informa's on the large database (start-up,
        memory), in which the filter and stage switches are then timed."""
        scale = self.plan.scale
        db = dataset.copy_database(self.source, self.work / "pipeline.db")
        say("warming up (bytecode and page cache)")
        self.bare_static()
        self.bare_widgets()
        with self.terminal(informa_argv(db)) as term:
            measure_start(term, r"Due \(\d+\)")
        for run in range(self.plan.runs):
            say(f"startup run {run + 1}/{self.plan.runs}")
            bare = self.bare_static()
            self.samples.add("startup", bare.paint_ms, baseline=True)
            self.samples.add("startup_loaded", bare.loaded_ms, baseline=True)
            self.samples.add("rss", bare.rss_mib, baseline=True)
            self.samples.add("startup_widgets", bare.paint_ms, baseline=True)
            self.samples.add("startup_widgets", self.bare_widgets().paint_ms)
            with self.terminal(informa_argv(db)) as term:
                app = measure_start(term, r"Due \(\d+\)")
                self.samples.add("startup", app.paint_ms)
                self.samples.add("startup_loaded", app.loaded_ms)
                self.samples.add("rss", app.rss_mib)
                if self.wants("filter"):
                    queries = FILTER_QUERIES[: self.plan.filter_queries]
                    self.samples.add("filter", filter_keys(term, queries, scale.contacts))
                if self.wants("stage_switch"):
                    switches = stage_switches(
                        term, self.plan.stage_switches, scale.big_stage, scale.contacts
                    )
                    self.samples.add("stage_switch", switches)

    def keystroke(self) -> None:
        keys = typing_text(self.plan.keys)
        note = dataset.big_note(self.seed)
        note_file = self.work / "note.md"
        note_file.write_text(note, encoding="utf-8")
        runs = self.plan.keystroke_runs
        for run in range(runs):
            say(f"keystroke run {run + 1}/{runs}: the bare TextArea")
            argv = [PYTHON, str(BASELINES / "bare_textarea.py"), str(note_file)]
            with self.terminal(argv) as term:
                term.wait_output(re.escape(note.rstrip().splitlines()[-1][:40]))
                term.wait_quiet(SETTLE)
                latencies = type_keys(term, keys)
                self.samples.add("keystroke", latencies, baseline=True)
                self.samples.add("keystroke_p99", latencies, baseline=True)
            say(f"keystroke run {run + 1}/{runs}: informa's call screen")
            call = dataset.call_in_progress(self.source, self.work / "call.db", self.seed)
            with self.terminal(informa_argv(call.db_path)) as term:
                term.wait_output("Resume the call")
                term.wait_quiet(SETTLE)
                since = term.frame_count
                term.send(b"y")
                term.wait_text("Resumed the call at", since=since)
                term.wait_quiet(SETTLE)
                latencies = type_keys(term, keys)
                self.samples.add("keystroke", latencies)
                self.samples.add("keystroke_p99", latencies)
            with dataset.opened(call.db_path) as store:  # the typing reached the database
                saved = store.interviews.get(call.interview_id).notes
            if len(saved) < len(note) + len(keys) * 0.9:
                raise harness.HarnessError("the typed keys did not reach the saved notes")

    def rows(self) -> list[Row]:
        rows = []
        for name, spec in SPECS.items():
            if GROUP.get(name, name) in self.only and name in self.samples.values:
                rows.append(
                    Row(spec, self.samples.values[name], self.samples.baselines.get(name, []))
                )
        return rows


# -- reporting -----------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    with suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} × {cpu}{memory}; "
        f"Python {platform.python_version()}, Textual {version('textual')}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def number(value: float | None, unit: str = "") -> str:
    if value is None or math.isnan(value):
        return "—"
    text = (
        f"{value:.0f}"
        if abs(value) >= 100
        else f"{value:.1f}"
        if abs(value) >= 10
        else f"{value:.2f}"
    )
    return f"{text} {unit}".rstrip()


def table(rows: Sequence[Row]) -> str:
    header = ("name", "median", "p95", "value", "baseline", "ratio", "target", "met")
    lines = []
    for row in rows:
        spec = row.spec
        met = {True: "✓", False: "✗", None: ""}[row.met]
        lines.append(
            (
                spec.name,
                number(stat(row.samples, "median"), spec.unit),
                number(stat(row.samples, "p95"), spec.unit),
                f"{number(row.value, spec.unit)}"
                + ("" if spec.stat == "median" else f" {spec.stat}"),
                number(row.baseline, spec.unit),
                "—" if row.ratio is None else f"{row.ratio:.2f} ×",
                "—" if math.isinf(spec.limit) else spec.target,
                met,
            )
        )
    widths = [max(len(str(cells[i])) for cells in (header, *lines)) for i in range(len(header))]
    out = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))]
    out.append("  ".join("-" * width for width in widths))
    out += [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        for cells in lines
    ]
    return "\n".join(line.rstrip() for line in out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Measure informa's speed and memory against baselines and targets.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a smaller database, fewer runs (< 1 min)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--only",
        action="append",
        choices=NAMES,
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(NAMES)}",
    )
    parser.add_argument(
        "--runs", type=int, help="how many times each benchmark runs (default 5; --quick 2)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder (database copies)"
    )
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    plan = plan_for(args.quick, args.runs)
    only = set(args.only or NAMES)
    work = Path(tempfile.mkdtemp(prefix="informa-bench-"))
    load_before = load()
    began = time.perf_counter()
    suite = Suite(plan, only, work)
    try:
        suite.run()
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    wall = time.perf_counter() - began
    rows = suite.rows()
    scale = plan.scale
    about = (
        f"{scale.name}: {scale.contacts:,} contacts, {scale.interviews:,} interviews, "
        f"{scale.csv_rows:,}-row CSV; seed {suite.seed}; {plan.runs} runs "
        f"({plan.keystroke_runs} × {plan.keys} keys); {harness.COLUMNS}×{harness.ROWS} pty"
    )
    if args.json:
        for row in rows:
            print(json.dumps(row.as_json(), ensure_ascii=False))
        say(about)
        say(machine())
        say(f"load average before {load_before}, after {load()}; {wall:.0f} s")
        return 0
    print(f"informa benchmarks — {about}")
    print(f"machine: {machine()}")
    print(f"load average (1, 5, 15 min): before {load_before}, after {load()}; took {wall:.0f} s")
    if args.quick:
        print("quick run: a smaller database; the targets are for the full run")
    print()
    print(table(rows))
    print()
    for row in rows:
        print(f"{row.spec.name}: {row.spec.how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
