"""The Report area driven through its widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from facilitator.store.report import SETTING_KEY
from facilitator.ui.report.area import ReportArea


def test_sections_model_passes_the_model_tester(ctx, qtmodeltester):  # noqa: ANN001
    area = ReportArea(ctx)
    qtmodeltester.check(area.model)


def test_choices_are_saved_in_the_workshop(ctx, qtbot):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    ui = area.ui
    ui.starred_check.setChecked(True)
    ui.paper_combo.setCurrentIndex(1)
    ui.summary_edit.setPlainText("The organisers thank everyone.")
    area.save()  # the text editor saves after a short pause; flush it as leaving would
    ui.sections_view.setCurrentIndex(area.model.index(1))  # Contents
    qtbot.mouseClick(ui.down_button, Qt.MouseButton.LeftButton)
    area.model.setData(
        area.model.index(0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )  # drop the cover
    stored = ctx.workshop.info.setting(SETTING_KEY)
    assert stored["starred_only"] is True and stored["paper"] == "letter"
    assert stored["executive_summary"] == "The organisers thank everyone."
    assert stored["sections"][:2] == ["summary", "contents"]
    assert "cover" not in stored["sections"]
    # Chatham House workshop: anonymised and the box cannot be unticked.
    assert ui.anonymous_check.isChecked() and not ui.anonymous_check.isEnabled()
    again = ReportArea(ctx)
    qtbot.addWidget(again)
    assert again.ui.summary_edit.toPlainText() == "The organisers thank everyone."
    assert again.model.sections()[:2] == ["summary", "contents"]


def test_preview_renders_pages_in_a_worker(ctx, qtbot, errors):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.preview()
    assert area.busy()  # the layout runs off the GUI thread
    qtbot.waitUntil(lambda: not area.busy(), timeout=60_000)
    assert not errors
    assert "pages" in area.ui.status_label.text()
    shown = [area.pages_layout.itemAt(i).widget() for i in range(area.pages_layout.count())]
    assert len(shown) >= 3 and all(not w.pixmap().isNull() for w in shown)


def test_export_writes_pdf_and_docx(ctx, qtbot, errors, tmp_path: Path):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    for kind, name in (("report", "r.pdf"), ("report-docx", "r.docx")):
        out = tmp_path / name
        area.export(kind, out)
        with qtbot.waitSignal(area._job.done, timeout=60_000):
            pass
        assert out.stat().st_size > 1000
    assert not errors
    assert area.ui.progress_bar.value() == 100


def test_report_edits_undo_and_typing_is_one_step(ctx, qtbot):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.ui.draft_check.setChecked(True)
    area.ui.summary_edit.setFocus()
    qtbot.keyClicks(area.ui.summary_edit, "Governments and civil society agreed")
    area.save()  # what the typing timer does
    assert ctx.workshop.info.setting(SETTING_KEY)["executive_summary"].startswith("Governments")
    assert ctx.undo_stack.count() == 2  # the tick, then all the typing as one step
    ctx.undo_stack.undo()
    assert ctx.workshop.info.setting(SETTING_KEY)["executive_summary"] == ""
    assert area.ui.summary_edit.toPlainText() == ""
    ctx.undo_stack.undo()
    assert ctx.workshop.report.load_settings().draft is False  # back to no saved choices at all
    assert not area.ui.draft_check.isChecked()
