"""README's promises that can be checked mechanically."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quickstart_is_two_commands_and_ci_runs_the_test_one() -> None:
    commands = _quickstart_commands()
    assert len(commands) == 2
    opens, tests = commands
    assert opens.endswith("informa demo")
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_pictures_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((screenshots/[^)]+\.svg)\)", readme)
    assert pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
    assert readme.index(pictures[0]) < readme.index("## Quickstart")


def test_documented_binding_ids_exist() -> None:
    from informa.ui.app import binding_ids

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("Binding ids:", 1)[1].split("\n\n", 1)[0]
    documented = set(re.findall(r"`([a-z_0-9]+)`", paragraph))
    assert documented == binding_ids()


def test_readme_key_tables_and_binding_ids_are_made_from_the_key_table() -> None:
    """README's keys are ``python -m informa.ui.keys --readme README.md``'s, as the table
    of keys has them now: run it after changing a key."""
    from informa.ui.keys.markdown import block_in, blocks

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, text in blocks().items():
        assert block_in(readme, name) == text, f"README's {name} differ from the table of keys"
