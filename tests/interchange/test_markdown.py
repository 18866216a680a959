"""The Markdown export: Obsidian-ready files, exact notes, links that resolve, safe names."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from informa.domain.errors import BadFileError
from informa.domain.model import (
    Consent,
    Contact,
    Interview,
    InterviewStatus,
    PlannedQuestion,
    Stage,
)
from informa.interchange.markdown import (
    MAX_FILE_NAME_BYTES,
    MarkdownReport,
    export_markdown,
    safe_stem,
)
from informa.store import Store
from tests.builders import NOW, make_contact
from tests.interchange.builders import snapshot_of

HOSTILE = [
    "../../etc/passwd",
    "a/b\\c",
    "..",
    ".hidden",
    "CON",
    "é" * 300,
    "\x1b[31mred",
    "",
    "/",
    "nul.txt",
    "  ",
    "x\x00y",
    "\u202eevil",
    "[[link]]|#^",
    "COM1 ",
    "-rf",
]
WIKI_LINK = re.compile(r"\[\[([^\]]+)\]\]")


def make_interview(interview_id: int, contact: Contact, **fields: Any) -> Interview:
    values: dict[str, Any] = {
        "id": interview_id,
        "contact_id": contact.id,
        "contact_name": contact.name,
        "status": InterviewStatus.DONE,
        "scheduled_at": NOW,
        "started_at": NOW,
        "ended_at": NOW + timedelta(minutes=25),
        "target_minutes": 25,
        "link": "",
        "recording_consent": Consent.NOT_ASKED,
        "notes": "## [00:10] Hello?\nA: talk to Sam\n",
        "notes_revision": 1,
        "thank_you_sent_at": None,
    }
    values.update(fields)
    return Interview(**values)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded, body


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def assert_links_resolve(folder: Path) -> int:
    """Every wiki link names exactly one exported file; returns how many links there are."""
    stems: dict[str, list[Path]] = {}
    for path in files_under(folder):
        stems.setdefault(path.stem.casefold(), []).append(path)
    count = 0
    for path in files_under(folder):
        if not path.read_text(encoding="utf-8").startswith("---\nexported_by: informa\n"):
            continue  # the user's own
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        # A property is a link when its whole value is one (as Obsidian reads it).
        targets = [
            value[2:-2]
            for value in meta.values()
            if isinstance(value, str) and WIKI_LINK.fullmatch(value)
        ]
        targets.extend(WIKI_LINK.findall(body))
        for target in targets:
            assert len(stems.get(target.casefold(), [])) == 1, (path, target)
            count += 1
    return count


def assert_safely_inside(folder: Path, report: MarkdownReport) -> None:
    root = folder.resolve()
    assert report.folder == root
    written = files_under(root)
    assert sorted(report.files) == written
    for path in written:
        assert path.resolve().is_relative_to(root)
        assert path.parent in (root, root / "contacts", root / "interviews")
        name = path.name
        assert len(os.fsencode(name)) <= MAX_FILE_NAME_BYTES
        name.encode("utf-8")  # valid UTF-8: no lone surrogates
        assert not name.startswith((".", "-", " "))
        assert name.endswith(".md")
        assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in name)
        assert not set(name) & set('<>:"/\\|?*#^[]')
        base = name.split(".")[0].strip().casefold()
        assert base not in {"con", "prn", "aux", "nul", "com1", "lpt1"}


# --- the demo ------------------------------------------------------------------------------


@pytest.mark.usefixtures("loose_umask")
def test_export_of_the_demo(demo_store: Store, tmp_path: Path) -> None:
    snapshot = demo_store.exports.snapshot()
    folder = tmp_path / "export" / "vault"
    report = export_markdown(snapshot, folder)
    assert len(report.files) == 1 + 24 + 7
    assert report.summary() == f"wrote 32 Markdown files to {folder.resolve()}"
    assert_safely_inside(folder, report)
    assert len(list((folder / "contacts").iterdir())) == 24
    assert len(list((folder / "interviews").iterdir())) == 7
    for path in report.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        split_front_matter(path.read_text(encoding="utf-8"))
    for made in (folder.parent, folder, folder / "contacts", folder / "interviews"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert assert_links_resolve(folder) > 24 + 7


def test_interview_files_hold_the_notes_byte_for_byte(demo_store: Store, tmp_path: Path) -> None:
    snapshot = demo_store.exports.snapshot()
    export_markdown(snapshot, tmp_path / "out")
    held = [item for item in snapshot.interviews if item.notes]
    assert len(held) == 5
    for interview in held:
        day = interview.started_at.date() if interview.started_at else None
        path = tmp_path / "out" / "interviews" / f"{day} {interview.contact_name}.md"
        data = path.read_bytes()
        start = data.index(b"\n# Notes\n\n") + len(b"\n# Notes\n\n")
        notes = interview.notes.encode("utf-8")
        assert data[start : start + len(notes)] == notes
        assert data[start + len(notes) :].startswith((b"\n# ", b"\n\n# ")) or data.endswith(notes)


def test_an_interview_file(demo_store: Store, tmp_path: Path) -> None:
    snapshot = demo_store.exports.snapshot()
    maya = next(item for item in snapshot.interviews if item.contact_name == "Maya Okafor")
    demo_store.interviews.save_debrief(maya.id, "## What did I learn?\nSQL first.\n")
    snapshot = demo_store.exports.snapshot()
    export_markdown(snapshot, tmp_path / "out")
    text = (tmp_path / "out" / "interviews" / "2026-10-09 Maya Okafor.md").read_text()
    meta, body = split_front_matter(text)
    assert meta == {
        "exported_by": "informa",
        "contact": "[[Maya Okafor]]",
        "company": "Lumen Analytics",
        "role": "Senior Data Scientist",
        "date": date(2026, 10, 9),
        "duration_minutes": 28,
        "status": "done",
        "tags": ["data-science", "alumni", "experimentation"],
        "link": "https://zoom.us/j/84512345678",
    }
    assert body.startswith("Call with [[Maya Okafor]] (Senior Data Scientist, Lumen Analytics).")
    not_asked = body.split("# Planned questions not asked\n\n")[1].split("\n\n")[0]
    assert not_asked.splitlines() == [
        "- Where do people on your team typically come from before joining?",
        "- How is AI changing the way your team works?",
    ]
    assert body.endswith("# Debrief\n\n## What did I learn?\nSQL first.\n")


def test_a_scheduled_interview_lists_its_plan(demo_store: Store, tmp_path: Path) -> None:
    export_markdown(demo_store.exports.snapshot(), tmp_path / "out")
    text = (tmp_path / "out" / "interviews" / "2026-11-22 Aisha Rahman.md").read_text()
    meta, body = split_front_matter(text)
    assert meta["status"] == "scheduled"
    assert meta["duration_minutes"] is None
    assert "# Notes" not in body
    assert "\n# Planned questions\n\n- " in body


def test_a_contact_file(demo_store: Store, tmp_path: Path) -> None:
    export_markdown(demo_store.exports.snapshot(), tmp_path / "out")
    meta, body = split_front_matter((tmp_path / "out" / "contacts" / "Daniel Cho.md").read_text())
    assert meta["name"] == "Daniel Cho"
    assert meta["company"] == "Helix Forge Bio"
    assert meta["role"] == "Bioinformatics Engineer"
    assert meta["stage"] == "In touch"
    assert meta["source"] == "Referral"
    assert meta["email"] == "dcho@helixforge.example"
    assert meta["linkedin"] == "https://www.linkedin.com/in/daniel-cho-bioinfo"
    assert meta["tags"] == ["biotech", "bioinformatics", "pipelines"]
    assert meta["referred_by"] == "[[Maya Okafor]]"
    assert "Referred by [[Maya Okafor]]." in body
    assert "# Notes\n\nMaya's intro. Hard stops on the hour." in body
    assert "# Interviews\n\n- [[2026-10-23 Daniel Cho]] (done, 24 min)\n" in body
    assert body.endswith("# Referred\n\n- [[Inés Castillo]]\n")


def test_the_index(demo_store: Store, tmp_path: Path) -> None:
    export_markdown(demo_store.exports.snapshot(), tmp_path / "out")
    meta, body = split_front_matter((tmp_path / "out" / "index.md").read_text())
    assert meta == {"exported_by": "informa", "contacts": 24, "interviews": 7}
    stages = re.findall(r"^## (.+) \((\d+)\)$", body, re.MULTILINE)
    assert stages == [
        ("Prospect", "8"),
        ("Reached out", "7"),
        ("Scheduled", "2"),
        ("Interviewed", "2"),
        ("In touch", "2"),
        ("Closed", "3"),
    ]
    assert "- [[Maya Okafor]] — Senior Data Scientist, Lumen Analytics\n" in body
    dates = re.findall(r"^- \[\[(\d{4}-\d{2}-\d{2}) ", body.split("# Interviews by date")[1], re.M)
    assert dates == sorted(dates)
    assert len(dates) == 7


def test_dates_are_given_in_the_zone_asked_for(tmp_path: Path) -> None:
    ada = make_contact(1, "Ada")
    late = datetime(2026, 10, 9, 23, 30, tzinfo=UTC)
    call = make_interview(1, ada, scheduled_at=late, started_at=late, ended_at=late)
    snapshot = snapshot_of(ada, interviews=[call])
    export_markdown(snapshot, tmp_path / "utc")
    export_markdown(snapshot, tmp_path / "sydney", zone=timezone(timedelta(hours=10)))
    assert (tmp_path / "utc" / "interviews" / "2026-10-09 Ada.md").is_file()
    assert (tmp_path / "sydney" / "interviews" / "2026-10-10 Ada.md").is_file()


def test_undated_interviews_and_special_text(tmp_path: Path) -> None:
    ada = make_contact(1, "Ada", role="R&D *lead*", company_name="[Acme]|#1", notes="x")
    question = PlannedQuestion(1, 1, "", "t", "- What <b>now</b>?", 0, None, True)
    numbered = PlannedQuestion(2, 1, "", "t", "1. First &amp; last?", 1, None, False)
    planned = make_interview(
        1,
        ada,
        status=InterviewStatus.PLANNED,
        scheduled_at=None,
        started_at=None,
        ended_at=None,
        notes="",
        questions=(question, numbered),
    )
    report = export_markdown(snapshot_of(ada, interviews=[planned]), tmp_path / "out")
    assert_safely_inside(tmp_path / "out", report)
    text = (tmp_path / "out" / "interviews" / "undated Ada.md").read_text()
    meta, body = split_front_matter(text)
    assert meta["date"] is None
    assert meta["company"] == "[Acme]|#1"
    assert "(R&D \\*lead\\*, \\[Acme\\]\\|\\#1)" in body
    assert "- \\- What \\<b\\>now\\</b\\>? (skipped)\n- 1\\. First \\&amp; last?\n" in body


# --- names that could escape ---------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE)
def test_safe_stem(name: str) -> None:
    stem = safe_stem(name)
    assert stem
    assert stem not in (".", "..")
    assert len(os.fsencode(f"{stem}.md")) <= MAX_FILE_NAME_BYTES
    assert "/" not in stem
    assert "\\" not in stem
    assert "\x00" not in stem
    assert not stem.startswith((".", "-"))


def test_examples_of_safe_stems() -> None:
    assert safe_stem("../../etc/passwd") == "etc-passwd"
    assert safe_stem("a/b\\c") == "a-b-c"
    assert safe_stem("..") == "unnamed"
    assert safe_stem("") == "unnamed"
    assert safe_stem(".hidden") == "hidden"
    assert safe_stem("CON") == "_CON"
    assert safe_stem("nul.txt") == "_nul.txt"
    assert safe_stem("\x1b[31mred") == "31mred"
    assert safe_stem("é" * 300) == "é" * 58  # 116 bytes + ".md"
    assert safe_stem("Tomás Herrera") == "Tomás Herrera"
    assert safe_stem("Tome\u0301") == "Tomé"  # composed (NFC)


def test_hostile_names_all_land_inside_the_folder(tmp_path: Path) -> None:
    jail = tmp_path / "jail"
    folder = jail / "out"
    people = [make_contact(number, name) for number, name in enumerate(HOSTILE, start=1)]
    calls = [make_interview(number, person) for number, person in enumerate(people, start=1)]
    report = export_markdown(snapshot_of(*people, interviews=calls), folder)
    assert_safely_inside(folder, report)
    assert [path.name for path in jail.iterdir()] == ["out"]
    assert len(list((folder / "contacts").iterdir())) == len(HOSTILE)
    assert len(list((folder / "interviews").iterdir())) == len(HOSTILE)
    # the index links both files, the interview its contact twice, the contact its interview
    assert assert_links_resolve(folder) == 5 * len(HOSTILE)


def test_same_names_get_numbered_files(tmp_path: Path) -> None:
    people = [make_contact(1, "Sam Lee"), make_contact(2, "Sam Lee"), make_contact(3, "SAM  LEE")]
    report = export_markdown(snapshot_of(*people), tmp_path / "out")
    names = sorted(path.name for path in (tmp_path / "out" / "contacts").iterdir())
    assert names == ["SAM LEE (3).md", "Sam Lee (2).md", "Sam Lee.md"]
    assert len(report.files) == 4
    assert assert_links_resolve(tmp_path / "out") == 3


def test_a_long_name_keeps_its_number_within_the_limit(tmp_path: Path) -> None:
    people = [make_contact(1, "字" * 200), make_contact(2, "字" * 200)]
    export_markdown(snapshot_of(*people), tmp_path / "out")
    names = sorted(path.name for path in (tmp_path / "out" / "contacts").iterdir())
    assert names[0].endswith(" (2).md")
    assert all(len(os.fsencode(name)) <= MAX_FILE_NAME_BYTES for name in names)
    assert names[0].removesuffix(" (2).md") != names[1].removesuffix(".md")


@pytest.mark.slow  # 60 examples, each a folder of files written
@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=5))
def test_any_names_land_inside_the_folder(names: list[str]) -> None:
    people = [make_contact(number, name) for number, name in enumerate(names, start=1)]
    calls = [make_interview(number, person) for number, person in enumerate(people, start=1)]
    with tempfile.TemporaryDirectory() as temporary:
        jail = Path(temporary)
        folder = jail / "out"
        report = export_markdown(snapshot_of(*people, interviews=calls), folder)
        assert_safely_inside(folder, report)
        assert [path.name for path in jail.iterdir()] == ["out"]
        assert len(report.files) == 1 + 2 * len(names)
        assert assert_links_resolve(folder) == 5 * len(names)
        for path in report.files:
            split_front_matter(path.read_text(encoding="utf-8"))


@given(st.text())
def test_any_name_gives_a_safe_stem(name: str) -> None:
    stem = safe_stem(name)
    assert stem == safe_stem(stem)
    assert len(stem.encode("utf-8")) <= MAX_FILE_NAME_BYTES - 3
    assert not stem.startswith((".", "-", " "))
    assert not stem.endswith((".", " "))
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in stem)


# --- writing into a folder that has files ---------------------------------------------------


def test_exporting_again_overwrites_only_our_own_files(demo_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    (folder / "contacts").mkdir(parents=True)
    mine = {
        folder / "index.md": b"# My vault\n",
        folder / "contacts" / "Maya Okafor.md": b"---\ntags: [friend]\n---\nmy own page\n",
        folder / "Daily note.md": b"today\n",
    }
    for path, data in mine.items():
        path.write_bytes(data)
    snapshot = demo_store.exports.snapshot()
    first = export_markdown(snapshot, folder)
    second = export_markdown(snapshot, folder)
    assert first.files == second.files
    for path, data in mine.items():
        assert path.read_bytes() == data
    assert folder / "index (2).md" in first.files
    assert folder / "contacts" / "Maya Okafor (2).md" in first.files
    assert len(files_under(folder)) == 32 + 3
    assert assert_links_resolve(folder) > 0


def test_a_stale_export_file_is_kept(tmp_path: Path) -> None:
    export_markdown(snapshot_of(make_contact(1, "Old Name")), tmp_path / "out")
    export_markdown(snapshot_of(make_contact(1, "New Name")), tmp_path / "out")
    names = sorted(path.name for path in (tmp_path / "out" / "contacts").iterdir())
    assert names == ["New Name.md", "Old Name.md"]


def test_a_link_where_a_file_would_go_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    (tmp_path / "out" / "contacts").mkdir(parents=True)
    (tmp_path / "out" / "contacts" / "Ada.md").symlink_to(outside)
    report = export_markdown(snapshot_of(make_contact(1, "Ada")), tmp_path / "out")
    assert outside.read_text() == "precious"
    assert tmp_path / "out" / "contacts" / "Ada (2).md" in report.files


def test_a_linked_sub_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "contacts").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(BadFileError) as caught:
        export_markdown(snapshot_of(make_contact(1, "Ada")), tmp_path / "out")
    assert str(caught.value) == (
        f"{(tmp_path / 'out').resolve() / 'contacts'}: "
        "is not a plain folder; move it away and export again"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_file_is_not_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("mine")
    with pytest.raises(BadFileError) as caught:
        export_markdown(snapshot_of(), target)
    assert str(caught.value) == f"{target}: is a file; give a folder to export into"
    assert target.read_text() == "mine"


def test_an_empty_snapshot_writes_only_the_index(tmp_path: Path) -> None:
    report = export_markdown(snapshot_of(), tmp_path / "out")
    assert report.files == ((tmp_path / "out" / "index.md").resolve(),)
    meta, body = split_front_matter(report.files[0].read_text())
    assert meta["contacts"] == 0
    assert body == "0 contacts, 0 interviews, exported from informa.\n\n# Contacts by stage\n"


def test_archived_contacts_say_so(tmp_path: Path) -> None:
    ada = replace(make_contact(1, "Ada"), archived=True, stage=Stage.CLOSED)
    export_markdown(snapshot_of(ada), tmp_path / "out")
    meta, _ = split_front_matter((tmp_path / "out" / "contacts" / "Ada.md").read_text())
    assert meta["archived"] is True


def test_a_note_of_the_users_own_keeps_its_name_for_itself(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "Daily Note.md").write_text("mine")
    report = export_markdown(snapshot_of(make_contact(1, "daily note")), tmp_path / "out")
    assert tmp_path / "out" / "contacts" / "daily note (2).md" in report.files
    assert assert_links_resolve(tmp_path / "out") == 1
