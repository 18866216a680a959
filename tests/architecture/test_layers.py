"""The layering rules of DESIGN.md, checked in fresh interpreters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORE = [
    "informa.domain.plan",
    "informa.domain.debrief",
    "informa.domain.followup",
    "informa.domain.review",
    "informa.domain.outreach",
    "informa.domain.dates",
    "informa.domain.filtering",
    "informa.templates",
    "informa.domain.model",
    "informa.domain.notes",
    "informa.domain.validate",
    "informa.store",
    "informa.banks",
    "informa.interchange",
    "informa.interchange.linkedin",
    "informa.interchange.contacts_csv",
    "informa.interchange.markdown",
    "informa.interchange.jsonfile",
    "informa.interchange.backup",
    "informa.interchange.vcard",
    "informa.interchange.ics",
    "informa.settings",
    "informa.paths",
    "informa.demo",
]
UI = [
    "informa.ui.app",
    "informa.ui.commands",
    "informa.ui.screens.pipeline",
    "informa.ui.screens.call",
    "informa.ui.screens.prepare",
    "informa.ui.screens.debrief",
    "informa.ui.screens.search",
    "informa.ui.screens.review",
    "informa.ui.screens.transfer",
    "informa.ui.widgets.agenda_list",
    "informa.ui.widgets.bank_browser",
    "informa.ui.widgets.plan_list",
    "informa.ui.widgets.pitch_card",
    "informa.ui.dialogs.pitch",
    "informa.ui.dialogs.question",
    "informa.ui.dialogs.referral",
    "informa.ui.widgets.checklist",
    "informa.ui.widgets.call_timer",
    "informa.ui.widgets.stage_list",
    "informa.ui.widgets.contact_list",
    "informa.ui.widgets.contact_detail",
    "informa.ui.dialogs.contact_form",
    "informa.ui.dialogs.log_interaction",
    "informa.ui.dialogs.next_action",
    "informa.ui.dialogs.schedule_call",
    "informa.ui.dialogs.company_research",
    "informa.ui.dialogs.outreach",
    "informa.ui.dialogs.confirm",
    "informa.ui.dialogs.stage_picker",
]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(json.loads(out))


def test_core_layers_never_import_textual() -> None:
    loaded = _loaded_after_import(CORE)
    assert not {name for name in loaded if name.split(".")[0] == "textual"}


def test_ui_never_imports_peewee() -> None:
    loaded = _loaded_after_import(UI)
    assert "peewee" not in loaded
    assert "playhouse" not in loaded
    assert "informa.store" not in loaded


def test_cli_imports_textual_lazily() -> None:
    loaded = _loaded_after_import(["informa.cli"])
    assert "textual" not in loaded
    assert "peewee" not in loaded
    assert "informa.cli_interchange" not in loaded  # import, export…: loaded when asked for


def test_python_dash_m_informa_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "informa", "--version"], check=True, capture_output=True, text=True
    )
    assert result.stdout.startswith("informa, version ")


def test_the_app_is_built_without_what_its_first_frame_does_not_draw(tmp_path: Path) -> None:
    """Start-up is Textual's import and a frame (benchmarks/: startup). The database, the
    banks' YAML, fuzzy matching, Markdown and the domain's value types load after the first
    frame, in threads or on first use; importing any of them while the app is built is a
    start-up regression."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "import informa.launch\n"  # what ``informa`` runs to open the app
        "from informa.factory import make_app\n"
        f"app = make_app(db_path=Path({str(tmp_path / 'informa.db')!r}),"
        f" config_dir=Path({str(tmp_path / 'config')!r}))\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    loaded = set(json.loads(out))
    late = {
        "peewee",
        "playhouse",
        "informa.store",
        "yaml",
        "informa.banks",
        "informa.templates",
        "rapidfuzz",
        "markdown_it",
        "rich.markdown",
        "textual.widgets._text_area",
        "informa.domain.followup",
        "informa.domain.notes",
        "informa.domain.model",  # its dataclasses: built with the first data (enums: not)
        "textual.widgets._markdown",
        "click",  # the command line: ``informa`` opens the app without it (informa.launch)
        "informa.cli",
    }
    assert sorted(late & loaded) == []
    assert not (tmp_path / "informa.db").exists()  # not even opened yet
