"""The benchmark database: thousands of realistic contacts, companies, calls with notes and
timelines, made from a fixed seed, so every run measures the same data.

The data is built in memory as an informa export (the lossless JSON form of
``informa.store.dump``) and written with ``store.dump.load``: one service call, one
transaction, bulk inserts and the search index rebuilt by the store itself. The result is
cached (keyed by scale, seed, dataset version, schema and day, because due dates are
relative to today) so reruns start at once; the cached file is only ever copied, never
opened by the app.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from informa.banks import load_banks
from informa.domain.banks import Question
from informa.domain.model import ActivityKind, Stage
from informa.domain.plan import PlanItem
from informa.domain.validate import name_key
from informa.paths import bundled_banks_dir
from informa.store import Store
from informa.store.db import known_migrations
from informa.store.dump import COLUMNS, FORMAT, VERSION

DATASET_VERSION = 2
"""Bump when the generated data changes, so cached databases are made again."""
SEED = 20_261_125
BIG_NOTE_BYTES = 20_000
"""The note typed into by the keystroke benchmark and saved by the autosave one."""


@dataclass(frozen=True, slots=True)
class Scale:
    name: str
    contacts: int
    companies: int
    interviews: int
    big_stage: int
    """How many contacts are Prospects: the stage the stage_switch benchmark opens."""
    csv_rows: int
    """Rows of the Connections.csv that import_linkedin imports."""


FULL = Scale(
    "full", contacts=10_000, companies=800, interviews=1_000, big_stage=3_000, csv_rows=10_000
)
QUICK = Scale("quick", contacts=2_000, companies=200, interviews=200, big_stage=600, csv_rows=2_000)

# Shares of the contacts that are not prospects, by stage.
_LATER_STAGES = (
    (Stage.REACHED_OUT, 0.40),
    (Stage.SCHEDULED, 0.115),
    (Stage.INTERVIEWED, 0.20),
    (Stage.IN_TOUCH, 0.157),
    (Stage.CLOSED, 0.128),
)

# -- vocabulary ----------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Ada Adaeze Aditi Ahmed Aiko Alejandro Amara Ana Anders Andrés Anika Arjun Astrid Aylin "
    "Bao Beatriz Bjørn Camille Carlos Chen Chiara Chidi Chloé Daniel Darius Dmitri Elena Elif "
    "Emeka Emma Esther Fatima Felix Freya Gabriel Grace Hana Hannah Hiroshi Ibrahim Ines Ingrid "
    "Isabela Ivan Jamal James Javier Jia Jin Joaquín Jonas Julia Kai Kamala Karim Kenji Khadija "
    "Kofi Lars Layla Leila Li Lucas Lucía Luis Maya Mei Mateo Matteo Mehmet Mia Miguel Mira "
    "Mohammed Nadia Naledi Naomi Nikhil Nina Noah Nora Olga Omar Oskar Pablo Paolo Priya Rachel "
    "Rafael Rahul Ravi Rosa Sakura Samir Sara Sebastián Siddharth Sofia Soo-ah Stefan Sven "
    "Tanvi Thabo Tomás Uma Valentina Wei Xin Yara Yusuf Zainab Zoë Łukasz Søren Ngozi Oluwaseun"
)
LAST_NAMES = _words(
    "Abebe Adeyemi Aguilar Ahmed Alvarez Andersen Bakker Banerjee Becker Bianchi Brown Castillo "
    "Chatterjee Chen Cho Costa Cruz Dang Das Dubois Eriksson Fernández Fischer Fontaine García "
    "Gonzalez Gupta Haddad Hansen Herrera Hoffmann Hopper Huang Ibrahim Ito Ivanova Jansen Jensen "
    "Johansson Kaur Kim Kowalski Kumar Larsen Laurent Lee Li Lindqvist Liu Lopez Mahlangu Martin "
    "Mendoza Molina Moreau Müller Murphy Nakamura Nguyen Nkosi Novak Nowak Obi Okafor Okonkwo "
    "Olsen Ortiz Osei Park Patel Pereira Petrov Popescu Qureshi Ramírez Rao Reddy Rossi Sánchez "
    "Santos Sato Schmidt Schneider Shah Silva Singh Smith Sokolov Suzuki Tanaka Taylor Tran "
    "Varga Vargas Wagner Wang Weber Williams Wong Wu Yamamoto Yilmaz Yusuf Zhang Zhou Zielinski"
)
COMPANY_HEADS = _words(
    "Helix Cascadia Brightline Northwind Fieldnote Lumen Quanta Meridian Arbor Halcyon Vector "
    "Cobalt Sable Juniper Atlas Beacon Cedar Delta Ember Fathom Granite Harbor Indigo Kestrel "
    "Lattice Mosaic Nimbus Orbit Prism Quill Ridge Summit Tidal Umbra Verdant Willow Zephyr "
    "Ampersand Basalt Cinder Drift Equinox Foundry Glacier Horizon Iris Keystone Lantern Magnet "
    "Nova Onyx Pioneer Redwood Signal Tandem Vantage Wavelength"
)
COMPANY_TAILS = _words(
    "Labs Systems Bio Analytics Partners Health Robotics Energy Therapeutics Genomics Data AI "
    "Consulting Capital Diagnostics Software Instruments Materials Research Networks"
)
INDUSTRIES = (
    "Biotech",
    "Software",
    "Consulting",
    "Pharma",
    "Data & analytics",
    "Energy",
    "Medical devices",
    "Finance",
    "Public sector",
    "Non-profit",
    "Education technology",
    "Hardware",
)
ROLES = (
    "Data Scientist",
    "Senior Data Scientist",
    "Machine Learning Engineer",
    "Bioinformatics Engineer",
    "Research Scientist",
    "Principal Scientist",
    "Product Manager",
    "Senior Product Manager, Genomics",
    "UX Researcher",
    "Senior UX Researcher",
    "Consultant, Life Sciences",
    "Engagement Manager",
    "Medical Science Liaison",
    "Regulatory Affairs Specialist",
    "Clinical Data Manager",
    "Quantitative Analyst",
    "Software Engineer",
    "Staff Software Engineer",
    "Engineering Manager",
    "Technical Writer",
    "Science Policy Advisor",
    "Program Officer",
    "Patent Agent",
    "Field Application Scientist",
    "Solutions Architect",
    "Head of Data",
    "Director of Research",
    "VP Engineering",
    "Founder & CEO",
    "Analytics Lead",
    "Computational Biologist",
    "Process Development Scientist",
    "Operations Manager",
    "Developer Advocate",
    "Learning Designer",
    "Market Research Analyst",
)
LOCATIONS = (
    "Boston, MA",
    "Cambridge, MA",
    "San Francisco, CA",
    "South San Francisco, CA",
    "Seattle, WA",
    "New York, NY",
    "Austin, TX",
    "Chicago, IL",
    "Toronto, ON",
    "Montréal, QC",
    "London, UK",
    "Berlin, Germany",
    "München, Germany",
    "Zürich, Switzerland",
    "Amsterdam, Netherlands",
    "Copenhagen, Denmark",
    "Paris, France",
    "Barcelona, Spain",
    "Bengaluru, India",
    "Singapore",
    "Tokyo, Japan",
    "Sydney, Australia",
    "Remote",
)
TAGS = (
    "biotech",
    "data",
    "ml",
    "product",
    "consulting",
    "policy",
    "startup",
    "big-tech",
    "pharma",
    "ux",
    "alumni",
    "phd",
    "postdoc",
    "hiring",
    "mentor",
    "warm-intro",
    "genomics",
    "climate",
    "writing",
    "regulatory",
    "finance",
    "remote",
)
NEXT_ACTIONS = (
    "Send a thank-you that mentions the hiring timeline",
    "Follow up on the outreach",
    "Ask for an intro to the analytics team",
    "Share my Nextflow port on GitHub",
    "Check in with an update on the applications",
    "Confirm the call time",
    "Send the article they asked about",
    "Report back on the course they suggested",
    "Reply to their message about the meetup",
    "Connect on LinkedIn",
)
SUBJECTS = (
    "People on the team",
    "Managers there",
    "Most new hires",
    "Hiring panels",
    "People from academia",
    "People in her group",
    "Leaders in his org",
    "Data platform engineers",
    "Recruiters there",
    "The founders",
    "Senior scientists",
    "The product org",
)
VERBS = (
    "value",
    "look for",
    "struggle with",
    "spend most of their time on",
    "care a lot about",
    "rarely ask about",
    "hire for",
    "are moving towards",
    "want to see",
    "underestimate",
)
OBJECTS = (
    "clear communication with non-scientists",
    "Python and SQL on messy real-world data",
    "shipping something small every week",
    "statistics that survive a skeptical review",
    "a portfolio with one end-to-end project",
    "stakeholder management",
    "regulatory submissions and documentation",
    "experiment design and A/B testing",
    "owning a problem without being told how",
    "pipelines in Nextflow or Airflow",
    "cloud costs and reproducibility",
    "writing short decision documents",
    "user interviews and synthesis",
    "mentoring juniors",
    "the consulting case interview",
)
TAILS = (
    "more than publications",
    "especially in the first six months",
    "according to her",
    "since the reorganisation last spring",
    "which surprised me",
    "and they said it is learnable on the job",
    "in every loop they run",
    "which academia rarely trains",
    "so I should practise it",
    "",
)
TOPICS = (
    "moving from a postdoc to industry",
    "the hiring process",
    "consulting",
    "regulatory affairs",
    "product management",
    "their data platform",
    "the PhD-to-industry meetup",
    "writing a good resume",
)
CONTACT_NOTES = (
    "Met at the career fair; prefers email.",
    "Same PhD program, a few years ahead.",
    "Hard stops on the hour. Very generous with time.",
    "Found via an AMA in a Slack community.",
    "Asked not to be recorded.",
    "Warm intro from a former labmate.",
    "Replies fast on LinkedIn, slow on email.",
    "Co-author on a preprint I cited.",
)
PITCH = {
    "background": "PhD in computational biology, postdoc in single-cell genomics.",
    "goals": "Understand data science and product roles in biotech before applying.",
    "skills": "Python and R\nStatistics and experiment design\nTeaching and writing",
}


# -- the notes ------------------------------------------------------------------------------


def _sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS)
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return f"{text}, {tail}." if tail else f"{text}."


def notes_text(
    rng: random.Random,
    questions: Sequence[str],
    size: tuple[int, int],
    people: Sequence[str],
) -> str:
    """Call notes as informa's editor makes them: ``## [mm:ss] question`` headings (the
    questions asked, in order) with lines under each, some tagged A:, I:, R: or TODO:;
    between ``size[0]`` and ``size[1]`` bytes of UTF-8."""
    low, high = size
    lines = [f"Call notes. {_sentence(rng)}", ""]
    used = sum(len(line.encode()) + 1 for line in lines)
    elapsed, turn = rng.randint(20, 90), 0
    while used < low:
        question = questions[turn % len(questions)]
        turn += 1
        section = [f"## [{elapsed // 60:02d}:{elapsed % 60:02d}] {question}"]
        for _ in range(rng.randint(2, 6)):
            kind = rng.random()
            if kind < 0.25:
                section.append(f"A: {_sentence(rng)}")
            elif kind < 0.55:
                section.append(f"I: {_sentence(rng)}")
            elif kind < 0.62:
                person = rng.choice(people)
                section.append(f"R: talk to {person} about {rng.choice(TOPICS)}")
            elif kind < 0.68:
                section.append(f"TODO: {rng.choice(NEXT_ACTIONS).lower()}")
            else:
                section.append(_sentence(rng))
        section.append("")
        for line in section:
            cost = len(line.encode()) + 1
            if used + cost > high:
                return "\n".join(lines)
            lines.append(line)
            used += cost
        elapsed += rng.randint(60, 300)
    return "\n".join(lines)


def big_note(seed: int = SEED) -> str:
    """The 20 KB note of the call in progress (the keystroke and autosave benchmarks)."""
    rng = random.Random(seed + 1)
    questions = [q.text for q in _questions()]
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(20)]
    return notes_text(
        rng, rng.sample(questions, 12), (BIG_NOTE_BYTES, BIG_NOTE_BYTES + 400), people
    )


def _questions() -> list[Question]:
    banks = load_banks(bundled_banks_dir())
    return [q for bank in banks.banks for topic in bank.topics for q in topic.questions]


# -- the export document --------------------------------------------------------------------


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c == "-")


def _stage_plan(scale: Scale) -> list[Stage]:
    rest = scale.contacts - scale.big_stage
    stages = [Stage.PROSPECT] * scale.big_stage
    counts = [round(rest * share) for _, share in _LATER_STAGES]
    counts[0] += rest - sum(counts)
    for (stage, _), count in zip(_LATER_STAGES, counts, strict=True):
        stages += [stage] * count
    return stages


class _Builder:
    def __init__(self, scale: Scale, seed: int, today: date) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.today = today
        self.now = datetime.combine(today, time(0), tzinfo=UTC)
        self.questions = _questions()
        self.tables: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}

    def build(self) -> dict[str, Any]:
        self._companies()
        self._contacts()
        self._interviews()
        self._later_stages()
        self._last_interactions()
        self.tables["profile"].append({"id": 1, **PITCH, "updated_at": _stamp(self.now)})
        for table, rows in self.tables.items():
            expected = {column.name for column in COLUMNS[table]}
            for row in rows[:1]:
                if set(row) != expected:
                    missing, unknown = sorted(expected - set(row)), sorted(set(row) - expected)
                    raise RuntimeError(
                        f"benchmarks/dataset.py is out of step with the schema of {table}: "
                        f"missing {missing}, unknown {unknown}"
                    )
        return {
            "format": FORMAT,
            "version": VERSION,
            "schema": known_migrations(),
            "tables": self.tables,
        }

    def _companies(self) -> None:
        rng = self.rng
        names = [f"{head} {tail}" for head in COMPANY_HEADS for tail in COMPANY_TAILS]
        self.company_names = rng.sample(names, self.scale.companies)
        for index, name in enumerate(self.company_names, start=1):
            created = self.now - timedelta(days=rng.randint(200, 700))
            research = ""
            if rng.random() < 0.4:
                research = " ".join(_sentence(rng) for _ in range(rng.randint(2, 8)))
            self.tables["company"].append(
                {
                    "id": index,
                    "name": name,
                    "name_key": name_key(name),
                    "industry": rng.choice(INDUSTRIES),
                    "website": f"https://{_ascii(name.replace(' ', '-'))}.example",
                    "research": research,
                    "created_at": _stamp(created),
                    "updated_at": _stamp(created + timedelta(days=rng.randint(0, 100))),
                }
            )

    def _contacts(self) -> None:
        rng = self.rng
        stages = _stage_plan(self.scale)
        rng.shuffle(stages)
        self.stage_of: dict[int, Stage] = {}
        self.names: dict[int, str] = {}
        self.reply_at: dict[int, datetime] = {}
        for contact_id, stage in enumerate(stages, start=1):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            name = f"{first} {last}"
            company_id = rng.randint(1, self.scale.companies) if rng.random() < 0.92 else None
            company = self.company_names[company_id - 1] if company_id else ""
            referred_by = None
            source = rng.choice(
                ("linkedin", "linkedin", "alumni", "association", "event", "community", "cold")
            )
            if contact_id > 100 and rng.random() < 0.12:
                referred_by, source = rng.randint(1, contact_id - 1), "referral"
            created = self.now - timedelta(days=rng.randint(120, 600), minutes=rng.randint(0, 1439))
            self._timeline(contact_id, stage, source, created)
            next_action, due = "", None
            if stage is not Stage.CLOSED and rng.random() < 0.3:
                next_action = rng.choice(NEXT_ACTIONS)
                due = (self.today + timedelta(days=rng.randint(-25, 30))).isoformat()
            slug = f"{_ascii(first)}-{_ascii(last)}-{contact_id:x}"
            domain = _ascii(company.replace(" ", "")) if company else "mail"
            self.tables["contact"].append(
                {
                    "id": contact_id,
                    "name": name,
                    "name_key": name_key(name),
                    "role": rng.choice(ROLES),
                    "company_id": company_id,
                    "email": f"{_ascii(first)}.{_ascii(last)}@{domain}.example"
                    if rng.random() < 0.6
                    else "",
                    "linkedin_url": f"https://www.linkedin.com/in/{slug}"
                    if rng.random() < 0.8
                    else "",
                    "location": rng.choice(LOCATIONS),
                    "source": source,
                    "referred_by_id": referred_by,
                    "stage": stage.value,
                    "tags": rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3))),
                    "notes": rng.choice(CONTACT_NOTES) if rng.random() < 0.5 else "",
                    "next_action": next_action,
                    "next_action_due": due,
                    "last_interaction_at": None,  # see _last_interactions
                    "check_in_weeks": rng.choice((None, None, None, 4, 8, 12)),
                    "archived": stage is Stage.CLOSED and rng.random() < 0.3,
                    "created_at": _stamp(created),
                    "updated_at": _stamp(created),
                }
            )
            self.stage_of[contact_id] = stage
            self.names[contact_id] = name

    def _timeline(
        self, contact_id: int, stage: Stage, source: str, created: datetime
    ) -> list[tuple[str, datetime, str]]:
        """A contact's activities up to the reply that led to a call (calls, thank-yous and
        later stages are added with the interviews)."""
        rng = self.rng
        events: list[tuple[str, datetime, str]] = []
        if source == "linkedin":
            events.append(("connected", created, "Connected on LinkedIn"))
        at, previous = created, Stage.PROSPECT
        for step, kind, detail in (
            (Stage.REACHED_OUT, "outreach", "Sent: Hi, I am a postdoc exploring data roles"),
            (Stage.SCHEDULED, "reply", "Happy to chat next week"),
        ):
            if stage.position < step.position:
                break
            at += timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 8))
            events.append((kind, at, detail))
            events.append(("stage_change", at, f"{previous.label} → {step.label}"))
            previous = step
        if rng.random() < 0.3:
            at += timedelta(days=rng.randint(1, 5))
            events.append(("note", at, "Read their latest blog post"))
        self.reply_at[contact_id] = at
        for kind, moment, detail in events:
            self._activity(contact_id, kind, moment, detail)
        return events

    def _activity(self, contact_id: int, kind: str, at: datetime, detail: str) -> None:
        rows = self.tables["activity"]
        rows.append(
            {
                "id": len(rows) + 1,
                "contact_id": contact_id,
                "kind": kind,
                "at": _stamp(at),
                "detail": detail,
            }
        )

    def _interviews(self) -> None:
        rng = self.rng
        held = [
            cid
            for cid, stage in self.stage_of.items()
            if stage in (Stage.INTERVIEWED, Stage.IN_TOUCH, Stage.CLOSED)
        ]
        callers = sorted(rng.choice(held) for _ in range(self.scale.interviews))
        people = list(self.names.values())
        texts = self.questions
        self.first_call: dict[int, datetime] = {}
        self.last_call: dict[int, datetime] = {}
        last_call = self.last_call
        for interview_id, contact_id in enumerate(callers, start=1):
            start = last_call.get(contact_id, self.reply_at[contact_id]) + timedelta(
                days=rng.randint(3, 20), hours=rng.randint(0, 6)
            )
            start = min(start, self.now - timedelta(days=1, hours=rng.randint(0, 48)))
            minutes = rng.randint(18, 40)
            end = start + timedelta(minutes=minutes)
            last_call[contact_id] = end
            self.first_call.setdefault(contact_id, end)
            asked = rng.sample(texts, rng.randint(5, 9))
            notes = notes_text(
                rng, [q.text for q in asked], (rng.randint(2048, 4600), 5120), people
            )
            thanked = end + timedelta(hours=rng.randint(2, 30)) if rng.random() < 0.85 else None
            self.tables["interview"].append(
                {
                    "id": interview_id,
                    "contact_id": contact_id,
                    "status": "done",
                    "scheduled_at": _stamp(start),
                    "started_at": _stamp(start),
                    "ended_at": _stamp(end),
                    "target_minutes": rng.choice((20, 25, 25, 30)),
                    "link": f"https://zoom.example/j/{rng.randint(10**9, 10**10 - 1)}",
                    "recording_consent": rng.choice(("yes", "no", "not_asked")),
                    "notes": notes,
                    "notes_revision": rng.randint(5, 60),
                    "thank_you_sent_at": _stamp(thanked) if thanked else None,
                    "paused_seconds": 0,
                    "paused_at": None,
                    "debrief": _sentence(rng) if rng.random() < 0.5 else "",
                    "prep_done": "",
                    "created_at": _stamp(start - timedelta(days=5)),
                    "updated_at": _stamp(thanked or end),
                }
            )
            planned = self.tables["planned_question"]
            for position, question in enumerate([*asked, *rng.sample(texts, 2)]):
                was_asked = position < len(asked)
                planned.append(
                    {
                        "id": len(planned) + 1,
                        "interview_id": interview_id,
                        "question_ref": question.ref,
                        "topic": question.ref.split("/")[1],
                        "text": question.text,
                        "position": position,
                        "asked_at": _stamp(start + timedelta(minutes=2 * position))
                        if was_asked
                        else None,
                        "skipped": False,
                    }
                )
            self._activity(contact_id, "call", end, f"Informational interview, {minutes} min")
            if thanked is not None:
                self._activity(contact_id, "thank_you", thanked, "Thank-you sent")

    def _later_stages(self) -> None:
        """Interviewed after the first call; In touch (with a check-in) or Closed later."""
        rng = self.rng
        for contact_id, stage in self.stage_of.items():
            if stage.position < Stage.INTERVIEWED.position:
                continue
            at = self.first_call.get(contact_id)
            if at is None:  # a stage reached without a call recorded here
                at = self.reply_at[contact_id] + timedelta(days=rng.randint(3, 20))
            self._activity(contact_id, "stage_change", at, "Scheduled → Interviewed")
            later = self.last_call.get(contact_id, at) + timedelta(days=rng.randint(10, 60))
            later = min(later, self.now - timedelta(hours=rng.randint(2, 200)))
            if stage is Stage.IN_TOUCH:
                self._activity(contact_id, "check_in", later, "Sent an update on my applications")
                self._activity(contact_id, "stage_change", later, "Interviewed → In touch")
            elif stage is Stage.CLOSED:
                self._activity(contact_id, "stage_change", later, "Interviewed → Closed")

    def _last_interactions(self) -> None:
        """Each contact's last interaction and last change, from their timeline."""
        last: dict[int, str] = {}
        changed: dict[int, str] = {}
        for row in self.tables["activity"]:
            contact_id, at = row["contact_id"], row["at"]
            changed[contact_id] = max(changed.get(contact_id, at), at)
            if ActivityKind(row["kind"]).is_interaction:
                last[contact_id] = max(last.get(contact_id, at), at)
        for contact in self.tables["contact"]:
            contact["last_interaction_at"] = last.get(contact["id"])
            contact["updated_at"] = max(contact["updated_at"], changed.get(contact["id"], ""))


# -- files ------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where generated databases and files are kept between runs."""
    configured = os.environ.get("INFORMA_BENCH_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "informa-benchmarks"


def _key(scale: Scale, seed: int, today: date) -> str:
    schema = known_migrations()[-1].split("_")[0]
    return f"{scale.name}-{scale.contacts}-seed{seed}-v{DATASET_VERSION}-s{schema}-{today:%Y%m%d}"


def database(scale: Scale, seed: int = SEED, *, today: date | None = None) -> Path:
    """The benchmark database for ``scale`` (made now if not cached); copy it before use."""
    today = today or datetime.now(UTC).astimezone().date()  # today where the machine is
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"informa-bench-{_key(scale, seed, today)}.db"
    if path.exists():
        return path
    document = _Builder(scale, seed, today).build()
    partial = folder / f".{path.name}.{os.getpid()}.tmp"
    partial.unlink(missing_ok=True)
    store = Store.open(partial)
    try:
        store.dump.load(document, source="the benchmark dataset")
    finally:
        store.close()
    with closing(sqlite3.connect(partial)) as db:  # fold the WAL in: one file to copy
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    for stale in folder.glob(f"informa-bench-{scale.name}-*.db"):
        if stale != path:  # another day's, seed's or schema's: not used again
            stale.unlink(missing_ok=True)
    return path


def copy_database(source: Path, destination: Path) -> Path:
    """A private copy of a benchmark database (the app and the benchmarks write to it)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{destination}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, destination)
    destination.chmod(0o600)
    return destination


@dataclass(frozen=True, slots=True)
class CallInProgress:
    db_path: Path
    interview_id: int
    contact_name: str
    notes: str


def call_in_progress(source: Path, destination: Path, seed: int = SEED) -> CallInProgress:
    """A copy of ``source`` in which a call is going on (started 12 minutes ago, three
    questions asked) with the 20 KB note saved: what informa offers to resume on start.
    Made through the store's services, as the call screen would have left it."""
    copy_database(source, destination)
    note = big_note(seed)
    rng = random.Random(seed + 2)
    questions = rng.sample(_questions(), 10)
    store = Store.open(destination)
    try:
        (contact,) = store.contacts.browse(Stage.SCHEDULED, limit=1)
        call = store.interviews.prepare(contact.id)
        plan = [PlanItem(q.text, q.ref, q.ref.split("/")[1]) for q in questions]
        call = store.interviews.set_plan(call.id, plan)
        started = datetime.now(UTC) - timedelta(minutes=12)
        call = store.interviews.start(call.id, at=started)
        for index, planned in enumerate(call.questions[:3]):
            store.interviews.mark_asked(planned.id, at=started + timedelta(minutes=3 * index))
        store.interviews.save_notes(call.id, note, base_revision=call.notes_revision)
    finally:
        store.close()
    return CallInProgress(destination, call.id, contact.name, note)


def connections_csv(scale: Scale, seed: int = SEED) -> Path:
    """LinkedIn's Connections.csv with ``scale.csv_rows`` people (cached): the preamble
    LinkedIn writes, CRLF line ends, quoted commas; companies mostly ones the database
    knows, some new; nobody already in the database by profile URL."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"Connections-{scale.csv_rows}-seed{seed}-v{DATASET_VERSION}.csv"
    if path.exists():
        return path
    rng = random.Random(seed + 3)
    known = [f"{head} {tail}" for head in COMPANY_HEADS for tail in COMPANY_TAILS]
    partial = folder / f".{path.name}.{os.getpid()}.tmp"
    with partial.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "Notes:\r\n"
            '"When exporting your connection data, you may notice that some of the email '
            "addresses are missing. You will only see email addresses for connections who "
            'have allowed their connections to see or download their email address."\r\n\r\n'
        )
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for row in range(1, scale.csv_rows + 1):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            company = rng.choice(known) if rng.random() < 0.75 else ""
            if not company:
                company = f"{rng.choice(LAST_NAMES)}, {rng.choice(LAST_NAMES)} & Partners"
            connected = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3500))
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{_ascii(first)}-{_ascii(last)}-li{row:x}",
                    f"{_ascii(first)}.{_ascii(last)}@example.org" if rng.random() < 0.05 else "",
                    company,
                    rng.choice(ROLES),
                    f"{connected.day:02d} {connected:%b %Y}",
                ]
            )
    partial.replace(path)
    return path


@contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = Store.open(path)
    try:
        yield store
    finally:
        store.close()
