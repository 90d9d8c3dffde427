"""A fresh demo is the bundled demo copied: the same workshop the demo builder writes, a
workshop of its own each time, and written from scratch when the bundled file cannot serve."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.interchange import demo
from facilitator.resources import resource
from facilitator.store import template
from facilitator.store.database import Workshop
from facilitator.store.errors import StorageError

ROOT = Path(__file__).resolve().parents[2]
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\.\d+(Z|\+00:00)")


def content(path: Path) -> list[str]:
    """The file's schema and rows as SQL, with the stamps of when it was written and its
    workshop id taken out (the only things two builds of the demo differ in)."""
    con = sqlite3.connect(path)
    try:
        (own,) = con.execute("SELECT id FROM workshop").fetchone()
        lines = list(con.iterdump())
    finally:
        con.close()
    # in any order: compacting the bundled file may list the schema's items in another
    return sorted(STAMP.sub("<stamp>", line).replace(own, "<workshop>") for line in lines)


def workshop_id(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id FROM workshop").fetchone()[0]
    finally:
        con.close()


def test_the_bundled_demo_is_what_the_demo_builder_writes_now(tmp_path: Path) -> None:
    built = demo._build(tmp_path / "built.workshop")
    copied = demo.write_demo(tmp_path / "copied.workshop")
    assert template.is_current(resource(*demo.TEMPLATE).read_bytes()), (
        "the bundled demo is of another format version: "
        "rebuild it with python -m facilitator.interchange.demo --template"
    )
    assert content(copied) == content(built), (
        "the bundled demo differs from what the demo builder writes: "
        "rebuild it with python -m facilitator.interchange.demo --template"
    )


def test_each_fresh_demo_is_a_workshop_of_its_own(tmp_path: Path) -> None:
    first = demo.write_demo(tmp_path / "first.workshop")
    second = demo.write_demo(tmp_path / "second.workshop")
    assert workshop_id(first) != workshop_id(second)
    ws = Workshop(first)
    try:
        assert not ws.read_only
        assert ws.info.details()["title"] == "Regional Workshop on Preventing Violent Extremism"
        assert len(ws.people.people()) > 30
        history = ws.query("SELECT row_id FROM row_history WHERE table_name = 'workshop'")
        assert [r["row_id"] for r in history] == [ws.info.details()["id"]]
        # a merge tells the two apart: they are not copies of one workshop
        from facilitator.store.merge import MergeError, merge_into

        with pytest.raises(MergeError, match="not a copy of this workshop"):
            merge_into(ws, second, backup=False)
    finally:
        ws.close()


def test_a_bundled_demo_of_another_format_is_not_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "resources" / "demo" / "demo.workshop"
    stale.parent.mkdir(parents=True)
    data = bytearray(resource(*demo.TEMPLATE).read_bytes())
    data[60:64] = (1).to_bytes(4, "big")  # user_version: the first format
    stale.write_bytes(bytes(data))
    real = demo.resource
    monkeypatch.setattr(
        demo, "resource", lambda *parts: stale if parts == demo.TEMPLATE else real(*parts)
    )
    written = demo.write_demo(tmp_path / "fresh.workshop")
    assert content(written) == content(demo._build(tmp_path / "built.workshop"))
    stale.unlink()  # and with no bundled demo at all
    assert content(demo.write_demo(tmp_path / "none.workshop")) == content(written)


def test_a_copy_that_cannot_be_written_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "demo.workshop"

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(StorageError, match="No space left on device") as caught:
        demo.write_demo(target)
    assert str(target) in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_the_demo_is_written_without_loading_sqlite_utils(tmp_path: Path) -> None:
    """``facilitator --demo`` copies the bundled file before the window opens: it never
    pays for sqlite-utils' import (a tenth of a second) before the first frame."""
    code = (
        "import sys\n"
        "from facilitator.interchange.demo import write_demo\n"
        f"write_demo({str(tmp_path / 'demo.workshop')!r})\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
