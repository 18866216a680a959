"""The wheel carries everything informa needs, bundled question banks included."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds the wheel and installs it in a new venv

ROOT = Path(__file__).resolve().parents[2]


def _build_wheel(out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = out.glob("informa-*.whl")
    return wheel


def test_wheel_installs_in_a_fresh_venv_and_finds_its_banks(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "informa/question_banks/10-core.yaml" in names
    assert "informa/store/migrations/0001_initial.py" in names
    assert "informa/templates/thank_you.yaml" in names
    assert not [name for name in names if name.startswith("tests/")]
    (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    metadata = zipfile.ZipFile(wheel).read(metadata_name).decode()
    requires = {
        line.split(":", 1)[1].strip().split(";")[0].split(">")[0].split("=")[0].split("<")[0]
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    }
    assert {"textual", "peewee", "pyyaml", "platformdirs", "click"} <= requires

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            str(wheel),
        ],
        check=True,
    )
    # The dependencies come from this test environment; informa itself only from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": "",
    }
    env.pop("INFORMA_DB", None)
    where = subprocess.run(
        [str(python), "-c", "import informa; print(informa.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert where.startswith(str(env_dir))

    listing = subprocess.run(
        [str(env_dir / "bin" / "informa"), "banks", "list"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert listing.stderr == ""
    assert "core  Core questions" in listing.stdout
    assert "academia-to-industry" in listing.stdout
    assert "2 banks," in listing.stdout
    assert (
        str(env_dir)
        in subprocess.run(
            [str(env_dir / "bin" / "informa"), "where"],
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
        ).stdout
    )
