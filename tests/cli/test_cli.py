"""The command line, run in-process with click's CliRunner on private XDG folders."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner, Result

from informa import __version__
from informa.cli import main
from informa.paths import bundled_banks_dir

GOOD_BANK = """\
id: mine
title: My questions
topics:
  - id: warm-up
    title: Warm-up
    questions:
      - id: coffee
        text: Coffee or tea?
      - id: weekend
        text: Good weekend?
"""


def run(args: Sequence[str], env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def no_traceback(result: Result) -> bool:
    unexpected = result.exception is not None and not isinstance(result.exception, SystemExit)
    return not unexpected and "Traceback" not in result.output


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_version(isolated_dirs: dict[str, Path]) -> None:
    for flag in ("--version", "-V"):
        result = run([flag])
        assert result.exit_code == 0
        assert result.stdout == f"informa, version {__version__}\n"


def test_help_lists_the_commands(isolated_dirs: dict[str, Path]) -> None:
    result = run(["-h"])
    assert result.exit_code == 0
    for command in ("banks", "demo", "where"):
        assert command in result.stdout


# --- where -------------------------------------------------------------------------------


def where_rows(result: Result) -> dict[str, str]:
    rows = {}
    for line in result.stdout.splitlines():
        label, _, value = line.partition("  ")
        rows[label.strip()] = value.strip()
    return rows


def test_where_prints_every_path(isolated_dirs: dict[str, Path]) -> None:
    result = run(["where"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    rows = where_rows(result)
    data, config = isolated_dirs["data_dir"], isolated_dirs["config_dir"]
    assert rows == {
        "database": f"{data / 'informa.db'}  (default)",
        "data folder": str(data),
        "config folder": str(config),
        "settings": str(config / "settings.yaml"),
        "your banks": str(config / "question_banks"),
        "bundled banks": str(bundled_banks_dir()),
    }
    assert not isolated_dirs["data"].exists()  # where creates nothing


def test_where_with_db_option(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "elsewhere.db"
    result = run(["--db", str(db), "where"], env={"INFORMA_DB": str(tmp_path / "env.db")})
    assert result.exit_code == 0, result.output
    assert where_rows(result)["database"] == f"{db}  (from --db)"


def test_where_with_env_var(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = run(["where"], env={"INFORMA_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert where_rows(result)["database"] == f"{db}  (from $INFORMA_DB)"


# --- banks list --------------------------------------------------------------------------


def test_banks_list_shows_the_bundled_banks(isolated_dirs: dict[str, Path]) -> None:
    result = run(["banks", "list"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    bank_lines = [line for line in lines if not line.startswith(" ")]
    assert bank_lines[0].startswith("core  Core questions  (")
    assert bank_lines[0].endswith(" questions, bundled)")
    assert bank_lines[1].startswith("academia-to-industry  ")
    topic_ids = {line.split()[0] for line in lines if line.startswith("  ")}
    assert {"opening", "closing", "industry-trends", "transferable-skills"} <= topic_ids
    total = lines[-1]
    assert total.startswith("2 banks, ")
    assert total.endswith(" questions")
    assert int(total.split()[2]) >= 80


def test_banks_list_shows_a_user_bank_as_yours(isolated_dirs: dict[str, Path]) -> None:
    mine = write(isolated_dirs["banks_dir"] / "mine.yaml", GOOD_BANK)
    result = run(["banks", "list"])
    assert result.exit_code == 0, result.output
    assert f"mine  My questions  (2 questions, yours: {mine})" in result.stdout.splitlines()
    assert "  warm-up    2  Warm-up" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1].startswith("3 banks, ")


def test_banks_list_reports_a_broken_user_bank_and_lists_the_rest(
    isolated_dirs: dict[str, Path],
) -> None:
    write(isolated_dirs["banks_dir"] / "good.yaml", GOOD_BANK)
    broken = write(isolated_dirs["banks_dir"] / "broken.yaml", "id: broken\ntitle: B\n\ttopics:\n")
    result = run(["banks", "list"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"informa: skipped: {broken}:3: indented with a tab: YAML indentation must use spaces\n"
    )
    assert result.stdout.splitlines()[-1].startswith("3 banks, ")
    assert "broken" not in result.stdout
    assert "mine  My questions" in result.stdout


# --- banks check -------------------------------------------------------------------------


def test_banks_check_good_files(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", GOOD_BANK)
    core = bundled_banks_dir() / "10-core.yaml"
    result = run(["banks", "check", str(mine), str(core)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"{mine}: ok (bank 'mine', 1 topic, 2 questions)"
    assert lines[1].startswith(f"{core}: ok (bank 'core', ")


def test_banks_check_reports_every_problem(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    tabbed = write(
        tmp_path / "tabbed.yaml", GOOD_BANK.replace("  - id: warm-up", "\t- id: warm-up")
    )
    duplicate = write(tmp_path / "dup.yaml", GOOD_BANK.replace("id: weekend", "id: coffee"))
    result = run(["banks", "check", str(tabbed), str(duplicate)])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.stderr.splitlines() == [
        f"{tabbed}:4: indented with a tab: YAML indentation must use spaces",
        f"{duplicate}:9: duplicate question id 'coffee' in topic 'warm-up' (first used on line 7)",
    ]
    assert result.stdout == ""


def test_banks_check_two_files_with_one_id(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    first = write(tmp_path / "a.yaml", GOOD_BANK)
    second = write(tmp_path / "b.yaml", GOOD_BANK)
    result = run(["banks", "check", str(first), str(second)])
    assert result.exit_code == 1
    assert result.stderr == f"{second}: bank id 'mine' is also used by {first}\n"


def test_banks_check_missing_file(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run(["banks", "check", str(missing)])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.stderr == f"{missing}: cannot read: No such file or directory\n"


def test_banks_check_needs_a_file(isolated_dirs: dict[str, Path]) -> None:
    result = run(["banks", "check"])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_banks_check_impossible_date_has_no_traceback(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    bank = write(
        tmp_path / "bank.yaml", GOOD_BANK.replace("title: My questions", "title: 2026-02-30")
    )
    result = run(["banks", "check", str(bank)])
    # PyYAML raises a plain ValueError for it; the title stays the text as written.
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 0
    assert "ok" in result.output


# --- demo --out --------------------------------------------------------------------------


def test_demo_out_writes_a_private_database_once(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "demo.db"
    result = run(["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Wrote the demo database to {out}",
        f"Open it with: informa --db {out}",
    ]
    assert out.read_bytes().startswith(b"SQLite format 3\x00")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()

    again = run(["demo", "--out", str(out)])
    assert again.exit_code == 1
    assert no_traceback(again)
    assert again.stderr == (
        f"informa: {out}: already exists; informa demo never overwrites a file\n"
    )
    assert out.read_bytes() == before
    assert not isolated_dirs["data"].exists()  # the user's own data folder is untouched


def test_demo_out_into_a_missing_folder(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "demo.db"
    result = run(["demo", "--out", str(out)])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.stderr == f"informa: {out}: the folder {out.parent} does not exist\n"
    assert not out.parent.exists()


# --- --db problems, before the app opens -------------------------------------------------


def test_db_that_is_not_sqlite_is_refused_unchanged(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_bytes(b"my precious notes\n")
    result = run(["--db", str(text_file)])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.stderr == (
        f"informa: {text_file}: not an informa database (the file is not SQLite)\n"
    )
    assert text_file.read_bytes() == b"my precious notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_env_db_that_is_not_sqlite_is_refused(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_bytes(b"my precious notes\n")
    result = run([], env={"INFORMA_DB": str(text_file)})
    assert result.exit_code == 1
    assert "not an informa database" in result.stderr
    assert text_file.read_bytes() == b"my precious notes\n"


def test_db_in_a_missing_folder_is_refused(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    db = tmp_path / "nonexistent" / "dir" / "x.db"
    result = run(["--db", str(db)])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.stderr == f"informa: {db}: the folder {db.parent} does not exist\n"
    assert not (tmp_path / "nonexistent").exists()
    assert not isolated_dirs["data"].exists()


def test_db_at_an_absolute_missing_folder_is_refused(isolated_dirs: dict[str, Path]) -> None:
    db = "/nonexistent/dir/x.db"
    assert not Path("/nonexistent").exists()
    result = run(["--db", db])
    assert result.exit_code == 1
    assert result.stderr == f"informa: {db}: the folder /nonexistent/dir does not exist\n"
    assert not Path("/nonexistent").exists()


def test_db_option_must_name_a_file(isolated_dirs: dict[str, Path], tmp_path: Path) -> None:
    empty = run(["--db", "", "where"])
    assert empty.exit_code == 1
    assert "not a folder" in empty.stderr
    folder = run(["--db", str(tmp_path), "where"])
    assert folder.exit_code == 2  # click's own usage error
    assert "is a directory" in folder.stderr
    assert no_traceback(empty)
    assert no_traceback(folder)


def test_agenda_lists_what_is_due_in_plain_text_and_json(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    import json

    db = tmp_path / "demo.db"
    assert run(["demo", "--out", str(db)]).exit_code == 0
    text = run(["--db", str(db), "agenda"])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Overdue and due today\nOverdue\n")
    assert "Send a thank-you to Wei Zhang" in text.output
    data = run(["--db", str(db), "agenda", "--json"])
    assert data.exit_code == 0
    rows = json.loads(data.output)
    assert {"kind", "due", "overdue", "contact_id", "contact", "title", "detail", "key"} <= set(
        rows[0]
    )
    assert any(r["kind"] == "thank_you" and r["contact"] == "Wei Zhang" for r in rows)
    week = run(["--db", str(db), "agenda", "--days", "7"]).output
    assert week.startswith("Overdue, today and the next 7 days\n")
    ahead = json.loads(run(["--db", str(db), "agenda", "--json", "--days", "30"]).output)
    assert len(ahead) >= len(rows)


def test_agenda_without_a_database_says_so(isolated_dirs: dict[str, Path]) -> None:
    result = run(["agenda"])
    assert result.exit_code == 0
    assert result.output.startswith("Nothing due: there is no database yet at ")
    assert not (isolated_dirs["data_dir"] / "informa.db").exists()
    assert run(["agenda", "--json"]).output == "[]\n"


def test_agenda_on_a_file_that_is_not_a_database(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    bad = write(tmp_path / "notes.db", "not sqlite")
    result = run(["--db", str(bad), "agenda"])
    assert result.exit_code == 1
    assert no_traceback(result)
    assert result.output.startswith("informa: ")
    assert bad.read_text() == "not sqlite"


def test_agenda_lists_a_scheduled_call_with_its_time_and_link(
    isolated_dirs: dict[str, Path], tmp_path: Path
) -> None:
    import json
    from datetime import datetime

    db = tmp_path / "demo.db"
    assert run(["demo", "--out", str(db)]).exit_code == 0
    rows = json.loads(run(["--db", str(db), "agenda", "--json", "--days", "14"]).output)
    calls = [row for row in rows if row["kind"] == "call"]
    aisha = next(row for row in calls if row["contact"] == "Aisha Rahman")
    assert aisha["link"] == "https://zoom.us/j/87766554433"
    at = datetime.fromisoformat(aisha["at"]).astimezone()
    assert at.tzinfo is not None
    assert aisha["due"] == at.date().isoformat()
    assert aisha["title"] == f"{at:%H:%M} call with Aisha Rahman"
    assert aisha["key"] == f"call:{aisha['contact_id']}:{aisha['interview_id']}"
    assert all("link" not in row for row in rows if row["kind"] != "call")
    text = run(["--db", str(db), "agenda", "--days", "14"]).output
    assert f"  {at:%H:%M} call with Aisha Rahman\n" in text
    assert "; https://zoom.us/j/87766554433\n" in text
