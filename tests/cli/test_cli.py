"""The command line: version, help, demo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from facilitator import __version__
from facilitator.cli import main


def test_version_and_help_name_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "facilitator", "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"facilitator {__version__}"
    help_text = subprocess.run(
        [sys.executable, "-m", "facilitator", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("demo", "check", "export", "import", "teams", "merge"):
        assert f"  {command} " in help_text


def test_demo_writes_a_valid_workshop(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "demo.workshop"
    assert main(["demo", str(path)]) == 0
    assert main(["check", str(path)]) == 0
    assert "people: 36" in capsys.readouterr().out


def test_demo_into_missing_folder_fails_cleanly(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["demo", str(tmp_path / "nope" / "demo.workshop")]) == 1
    assert "nope" in capsys.readouterr().err
