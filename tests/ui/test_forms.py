"""Generated form code must match forms/*.ui (regenerated here and compared)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _body(text: str) -> list[str]:
    # The banner names the uic version; everything after it must match exactly.
    return [line for line in text.splitlines() if not line.startswith("## Created by")]


@pytest.mark.parametrize("form", FORMS, ids=[f.stem for f in FORMS])
def test_generated_form_matches_source(form: Path, tmp_path: Path) -> None:
    uic = shutil.which("pyside6-uic")
    assert uic, "pyside6-uic is installed with PySide6"
    generated = ROOT / "facilitator" / "ui" / "forms" / f"ui_{form.stem}.py"
    assert generated.exists(), f"run: pyside6-uic {form.relative_to(ROOT)} -o {generated}"
    fresh = tmp_path / generated.name
    subprocess.run([uic, str(form), "-o", str(fresh)], check=True)
    assert _body(fresh.read_text()) == _body(generated.read_text()), (
        f"{generated.name} is stale: regenerate it with pyside6-uic {form.name}"
    )


def test_every_generated_form_has_a_source() -> None:
    generated = sorted((ROOT / "facilitator" / "ui" / "forms").glob("ui_*.py"))
    assert {g.stem[3:] for g in generated} == {f.stem for f in FORMS}
