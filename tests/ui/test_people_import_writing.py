"""A large roster import keeps the window answering (issue #16): the preview's items are
made in the checking job, and the rows are written in steps under a modal progress
dialog that cannot be closed half-way, as one undo step."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.ui.people import import_dialog

SHOTS = Path(os.environ.get("PEOPLE_SHOTS", "/tmp/people-shots"))
WALK_INS = 2500


def write_roster(path: Path, known: list[dict], walk_ins: int, new_phone: str = "") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["Name", "Organisation", "Email", "Phone"])
        for p in known:
            out.writerow([p["name"], p["organisation"], p["email"], new_phone or p["phone"]])
        for i in range(walk_ins):
            out.writerow([f"Walk-in {i}", f"Org {i % 30}", f"w{i}@example.org", ""])
    return path


def test_only_the_rows_that_differ_are_opened_in_the_preview(
    qtbot,
    qtmodeltester,
    ctx,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    known = [p for p in ctx.workshop.people.people() if p["email"]][:4]
    assert len(known) == 4
    path = write_roster(tmp_path / "roster.csv", known, 3, new_phone="+1 555 0100")
    dialog = import_dialog.open_file(ctx, path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    model, view = dialog.preview_model, dialog.ui.preview_view
    qtmodeltester.check(model)
    dialog.resize(1280, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "import-preview-opened.png"))
    opened = {
        model.index(r, 2).data()
        for r in range(model.rowCount())
        if view.isExpanded(model.index(r, 0))
    }
    assert opened == {f"{p['name']}, {p['organisation']}".strip(", ") for p in known}
    phone = model.index(0, 2, model.index(model.changed[0], 0))
    assert phone.data() == "+1 555 0100"


def test_a_large_roster_is_written_in_steps_as_one_undo_step(
    qtbot,
    ctx,
    tmp_path: Path,  # noqa: ANN001
    messages,  # noqa: ANN001
) -> None:
    before = len(ctx.workshop.people.people())
    path = write_roster(tmp_path / "roster.csv", [], WALK_INS)
    dialog = import_dialog.open_file(ctx, path)
    assert dialog is not None and dialog.can_import()
    qtbot.addWidget(dialog)
    steps = ctx.undo_stack.count()
    seen: list[int] = []  # the progress dialog's value at each tick of the window's timer
    escaped: list[bool] = []

    def tick() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, import_dialog.WritingProgress)
        ]
        visible = [w for w in shown if w.isVisible()]
        if not visible:
            return
        progress = visible[0]
        seen.append(progress.value())
        if len(seen) == 2:
            SHOTS.mkdir(parents=True, exist_ok=True)
            progress.grab().save(str(SHOTS / "import-writing.png"))
            QTest.keyClick(progress, Qt.Key.Key_Escape)  # a user trying to stop it
            escaped.append(progress.isVisible())

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    try:
        assert import_dialog.commit(ctx, dialog)
    finally:
        timer.stop()
    # the window had turns while the rows were written, and saw the progress grow
    assert len(seen) >= 3 and seen == sorted(seen) and seen[-1] > seen[0]
    assert escaped == [True]  # Escape does not close it half-way
    assert not any(
        w.isVisible()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, import_dialog.WritingProgress)
    )
    names = {p["name"] for p in ctx.workshop.people.people()}
    assert len(names) >= before and f"Walk-in {WALK_INS - 1}" in names
    assert len(ctx.workshop.people.people()) == before + WALK_INS
    assert messages[-1] == f"Imported roster.csv: {WALK_INS} added, 0 updated, 0 skipped."
    assert ctx.undo_stack.count() == steps + 1


def test_undoing_and_redoing_a_large_import_shows_progress_and_lets_the_window_repaint(
    qtbot,
    ctx,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    before = len(ctx.workshop.people.people())
    path = write_roster(tmp_path / "roster.csv", [], WALK_INS)
    dialog = import_dialog.open_file(ctx, path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert import_dialog.commit(ctx, dialog)
    seen: list[tuple[str, int]] = []  # (what the dialog says, its value) at each tick

    def tick() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, import_dialog.WritingProgress) and w.isVisible():
                seen.append((w.labelText(), w.value()))
                if len(seen) == 2:
                    SHOTS.mkdir(parents=True, exist_ok=True)
                    w.grab().save(
                        str(SHOTS / f"import-{'undo' if 'back' in w.labelText() else 'redo'}.png")
                    )

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    try:
        ctx.undo_stack.undo()
        undo_seen, seen[:] = list(seen), []
        assert len(ctx.workshop.people.people()) == before
        ctx.undo_stack.redo()
        redo_seen = list(seen)
    finally:
        timer.stop()
    assert len(ctx.workshop.people.people()) == before + WALK_INS
    for ticks, label in ((undo_seen, "Taking the import back…"), (redo_seen, "Writing")):
        # the window had turns during each, and saw the progress grow
        assert len(ticks) >= 3, ticks
        assert all(text.startswith(label) for text, _ in ticks)
        values = [v for _, v in ticks]
        assert values == sorted(values) and values[-1] > values[0]
    assert not any(
        w.isVisible()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, import_dialog.WritingProgress)
    )
