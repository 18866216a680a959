"""The settings file: defaults, every key, bad values, and writing the theme back."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from informa.domain.errors import FileProblems
from informa.settings import TEMPLATE, Settings, load_settings, save_setting, save_theme

KNOWN = (
    "known keys: call_minutes, call_panel, check_in_weeks, follow_up_cadence, holidays, "
    "interview_goal, keys, thank_you_hours, theme, your_background, your_name"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def load(path: Path, text: str) -> tuple[Settings, list[str]]:
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    return settings, [str(problem) for problem in problems]


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.yaml") == (Settings(), [])


def test_defaults() -> None:
    settings = Settings()
    assert settings.theme == "informa"
    assert (settings.interview_goal, settings.call_minutes) == (10, 25)
    assert settings.follow_up_cadence == "3b7"
    assert (settings.thank_you_hours, settings.check_in_weeks) == (24, 8)
    assert (settings.holidays, settings.keys) == ((), {})


@pytest.mark.parametrize("text", ["", "# all defaults\n"])
def test_empty_file_gives_defaults(tmp_path: Path, text: str) -> None:
    assert load(tmp_path / "settings.yaml", text) == (Settings(), [])


def test_every_key_is_read(tmp_path: Path) -> None:
    text = (
        "theme: nord\n"
        "interview_goal: 20\n"
        "call_minutes: 30\n"
        "follow_up_cadence: 7+7\n"
        "thank_you_hours: 48\n"
        "check_in_weeks: 6\n"
        "holidays: [2026-12-25, 2026-01-01]\n"
        "keys:\n"
        "  new_contact: ctrl+n\n"
        "  quit: ctrl+q\n"
    )
    settings, problems = load(tmp_path / "settings.yaml", text)
    assert problems == []
    assert settings == Settings(
        theme="nord",
        interview_goal=20,
        call_minutes=30,
        follow_up_cadence="7+7",
        thank_you_hours=48,
        check_in_weeks=6,
        holidays=(date(2026, 1, 1), date(2026, 12, 25)),  # sorted
        keys={"new_contact": "ctrl+n", "quit": "ctrl+q"},
    )


def test_the_template_itself_is_valid_and_uses_the_defaults(tmp_path: Path) -> None:
    settings, problems = load(tmp_path / "settings.yaml", TEMPLATE.format(theme="informa"))
    assert (settings, problems) == (Settings(), [])


def test_bad_values_are_reported_and_their_defaults_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    text = (
        "theme: nord\n"
        'call_minutes: "long"\n'
        "follow_up_cadence: weekly\n"
        "interview_goal: 12\n"
        "holidays: [notadate, 2026-12-25]\n"
        "check_in_weeks: 0\n"
        "colour: red\n"
        "keys:\n"
        "  new_contact: ctrl+n\n"
        "  quit: [ctrl+q]\n"
    )
    settings, problems = load(path, text)
    assert settings == Settings(
        theme="nord",
        interview_goal=12,
        holidays=(date(2026, 12, 25),),
        keys={"new_contact": "ctrl+n"},
    )
    assert sorted(problems) == sorted(
        [
            f"{path}:{line_of(text, 'colour')}: unknown key 'colour' in the settings ({KNOWN})",
            f"{path}:{line_of(text, 'call_minutes')}: call_minutes must be a whole number, "
            "not str 'long'",
            f"{path}:{line_of(text, 'check_in_weeks')}: check_in_weeks must be between 1 and "
            "104, not 0",
            f"{path}:{line_of(text, 'follow_up')}: follow_up_cadence must be one of 3b7, 7+7, "
            "not 'weekly'",
            f"{path}:{line_of(text, 'holidays')}: holiday 'notadate' is not a date like 2026-12-25",
            f"{path}:{line_of(text, 'quit')}: key for 'quit' must be text, not a list",
        ]
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("theme: true\n", "theme must be text, not true/false (true)"),
        ("interview_goal: 1001\n", "interview_goal must be between 1 and 1000, not 1001"),
        ("call_minutes: 4\n", "call_minutes must be between 5 and 180, not 4"),
        ("thank_you_hours: 337\n", "thank_you_hours must be between 1 and 336, not 337"),
        ("check_in_weeks: 105\n", "check_in_weeks must be between 1 and 104, not 105"),
        ("holidays: 2026-12-25\n", "holidays must be a list ('- item' lines)"),
        ("keys: [a]\n", "keys must map binding ids to keys, like 'new_contact: ctrl+n'"),
    ],
)
def test_each_bad_value_keeps_the_default(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "settings.yaml"
    settings, problems = load(path, text)
    assert settings == Settings()
    assert problems == [f"{path}:1: {message}"]


def test_settings_that_are_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    assert load(path, "- nord\n") == (
        Settings(),
        [f"{path}:1: the settings must be a mapping of 'key: value' lines"],
    )


def test_unparsable_file_gives_defaults_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    assert load(path, "theme: nord\n\tcall_minutes: 30\n") == (
        Settings(),
        [f"{path}:2: indented with a tab: YAML indentation must use spaces"],
    )


def test_unreadable_file_gives_defaults_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(b"theme: \xff\n")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{path}: not UTF-8 text (invalid start byte)",
    ]


def test_impossible_holiday_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    settings, problems = load(path, "theme: nord\nholidays: [2026-02-30]\n")
    assert settings.holidays == ()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2: ")


def test_holiday_with_a_time_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    settings, problems = load(path, "holidays:\n  - 2026-12-25 10:00:00\n  - 2026-12-24\n")
    assert settings.holidays == (date(2026, 12, 24),)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2: ")


# --- save_theme --------------------------------------------------------------------------


@pytest.mark.usefixtures("loose_umask")
def test_save_theme_on_a_missing_file_writes_the_template(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "informa"
    path = folder / "settings.yaml"
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == TEMPLATE.format(theme="nord")
    assert "\ntheme: nord\n" in path.read_text(encoding="utf-8")
    assert mode(path) == 0o600
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700
    assert [p.name for p in folder.iterdir()] == ["settings.yaml"]  # no temporary file left


@pytest.mark.usefixtures("loose_umask")
def test_save_theme_leaves_an_existing_folder_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    save_theme(tmp_path / "settings.yaml", "nord")
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "settings.yaml") == 0o600


def test_save_theme_replaces_only_the_theme_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    before = (
        "# my settings\n"
        "theme: informa  # the default\n"
        "\n"
        "# longer calls\n"
        "call_minutes: 40\n"
        "# theme: commented-out\n"
    )
    path.write_text(before, encoding="utf-8")
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == before.replace(
        "theme: informa  # the default", "theme: nord  # the default"
    )
    settings, problems = load_settings(path)
    assert (settings.theme, settings.call_minutes, problems) == ("nord", 40, [])


def test_save_theme_appends_a_theme_line_if_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("# comment\ncall_minutes: 40\n\n\n", encoding="utf-8")
    save_theme(path, "dracula")
    assert path.read_text(encoding="utf-8") == "# comment\ncall_minutes: 40\ntheme: dracula\n"
    settings, problems = load_settings(path)
    assert (settings.theme, settings.call_minutes, problems) == ("dracula", 40, [])


def test_save_theme_makes_an_existing_file_private(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("theme: nord\n", encoding="utf-8")
    path.chmod(0o644)
    save_theme(path, "informa-light")
    assert mode(path) == 0o600


def test_saved_theme_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    save_theme(path, "informa-light")
    assert load_settings(path) == (Settings(theme="informa-light"), [])
    save_theme(path, "nord")
    assert load_settings(path) == (Settings(theme="nord"), [])
    assert path.read_text(encoding="utf-8") == TEMPLATE.format(theme="nord")


def test_save_theme_refuses_flow_style_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("{call_minutes: 30}\n", encoding="utf-8")
    with pytest.raises(FileProblems) as refused:
        save_theme(path, "nord")
    assert str(refused.value).startswith(f"{path}:1: ")
    assert path.read_text(encoding="utf-8") == "{call_minutes: 30}\n"


def test_save_theme_refuses_a_value_on_the_next_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("call_minutes: 30\ntheme:\n  nord\n", encoding="utf-8")
    with pytest.raises(FileProblems) as refused:
        save_theme(path, "gruvbox")
    assert str(refused.value).startswith(f"{path}:2: ")
    assert load_settings(path)[0].theme == "nord"


def test_save_theme_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "informa.yaml"
    real.parent.mkdir()
    real.write_text("theme: informa\n", encoding="utf-8")
    link = tmp_path / "settings.yaml"
    link.symlink_to(real)
    save_theme(link, "nord")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "theme: nord\n"


# --- call_panel ----------------------------------------------------------------------------


def test_call_panel_is_strip_side_or_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    assert Settings().call_panel == "strip"
    assert load(path, "call_panel: side\n") == (Settings(call_panel="side"), [])
    settings, problems = load(path, "theme: nord\ncall_panel: beside\n")
    assert settings == Settings(theme="nord")
    assert problems == [f"{path}:2: call_panel must be one of strip, side, not 'beside'"]


def test_save_setting_on_a_missing_file_writes_the_template_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    save_setting(path, "call_panel", "side")
    assert path.read_text(encoding="utf-8") == TEMPLATE.format(theme="informa") + (
        "call_panel: side\n"
    )
    assert load_settings(path) == (Settings(call_panel="side"), [])


def test_save_setting_replaces_its_line_and_keeps_the_comments(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("# mine\ncall_panel: side  # wide\ntheme: nord\n", encoding="utf-8")
    save_setting(path, "call_panel", "strip")
    assert path.read_text(encoding="utf-8") == "# mine\ncall_panel: strip  # wide\ntheme: nord\n"
    save_theme(path, "dracula")
    save_setting(path, "call_panel", "side")
    assert path.read_text(encoding="utf-8") == (
        "# mine\ncall_panel: side  # wide\ntheme: dracula\n"
    )


def test_save_setting_appends_a_missing_key_after_the_template(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    save_theme(path, "nord")
    save_setting(path, "call_panel", "side")
    text = path.read_text(encoding="utf-8")
    assert text == TEMPLATE.format(theme="nord") + "call_panel: side\n"
    assert load_settings(path) == (Settings(theme="nord", call_panel="side"), [])


def test_save_setting_refuses_flow_style_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("{theme: nord}\n", encoding="utf-8")
    with pytest.raises(FileProblems, match="cannot save 'call_panel' here"):
        save_setting(path, "call_panel", "side")
    assert path.read_text(encoding="utf-8") == "{theme: nord}\n"
