"""Properties every export shares: embedded fonts, safe targets, readable files."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.exports import EXPORTERS, ExportError, ExportOptions, run_export

PDF_KINDS = [e.kind for e in EXPORTERS if e.suffix == ".pdf"]


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_every_pdf_embeds_every_font(kind: str, demo_path: Path, tmp_path: Path) -> None:
    out = run_export(kind, demo_path, tmp_path / f"{kind}.pdf", ExportOptions())
    listing = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing, f"{kind}: no fonts at all"
    unembedded = [line for line in listing if line.split()[-5] != "yes"]
    assert unembedded == [], f"{kind}: fonts not embedded: {unembedded}"


def test_export_never_overwrites_a_workshop(demo_path: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with pytest.raises(ExportError, match="the workshop itself"):
        run_export("agenda", demo_path, demo_path)
    other = tmp_path / "other.workshop"
    other.write_bytes(demo_path.read_bytes())
    with pytest.raises(ExportError, match="is a workshop file"):
        run_export("participants-csv", demo_path, other)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert other.read_bytes()[:16] == b"SQLite format 3\x00"


def test_exported_files_are_readable_by_others(demo_path: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = run_export("participants-csv", demo_path, tmp_path / "people.csv")
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_missing_workshop_is_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "typo.workshop"
    assert main(["export", str(missing), "agenda", "-o", str(tmp_path / "a.pdf")]) == 1
    assert f"{missing}: no such workshop file" in capsys.readouterr().err
    assert not missing.exists()


def test_demo_does_not_replace_an_existing_file(
    demo_path: Path, capsys: pytest.CaptureFixture
) -> None:
    before = demo_path.read_bytes()
    assert main(["demo", str(demo_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert demo_path.read_bytes() == before
    assert main(["demo", str(demo_path), "--force"]) == 0
