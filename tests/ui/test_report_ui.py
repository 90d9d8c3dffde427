"""The Report area driven through its widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from facilitator.store.report import SETTING_KEY
from facilitator.ui.report.area import ReportArea


def test_sections_model_passes_the_model_tester(ctx, qtmodeltester):  # noqa: ANN001
    area = ReportArea(ctx)
    qtmodeltester.check(area.options.model)


def test_choices_are_saved_in_the_workshop(ctx, qtbot):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    ui = area.options.ui
    ui.starred_check.setChecked(True)
    ui.paper_combo.setCurrentIndex(1)
    ui.summary_edit.setPlainText("The organisers thank everyone.")
    area.options.save()  # the text editor saves after a short pause; flush it as leaving would
    ui.sections_view.setCurrentIndex(area.options.model.index(1))  # Contents
    qtbot.mouseClick(ui.down_button, Qt.MouseButton.LeftButton)
    area.options.model.setData(
        area.options.model.index(0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
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
    assert again.options.ui.summary_edit.toPlainText() == "The organisers thank everyone."
    assert again.options.model.sections()[:2] == ["summary", "contents"]


def test_preview_renders_pages_in_a_worker(ctx, qtbot, errors):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.output.preview()
    assert area.output.busy()  # the layout runs off the GUI thread
    qtbot.waitUntil(lambda: not area.output.busy(), timeout=60_000)
    assert not errors
    assert "pages" in area.output.ui.status_label.text()
    layout = area.pages.pages_layout
    shown = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert len(shown) >= 3 and all(not w.pixmap().isNull() for w in shown)


def test_export_writes_pdf_and_docx(ctx, qtbot, errors, tmp_path: Path):  # noqa: ANN001
    from facilitator.domain.privacy import Choice
    from facilitator.edits.privacy import decide

    # Every possible name decided, so the anonymous export does not stop to ask first
    # (the question itself: tests/ui/test_report_privacy_export.py).
    findings = ctx.workshop.report.load_report().privacy
    ctx.push(decide(ctx.workshop, Choice.WITHHOLD, hits=findings))
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    for kind, name in (("report", "r.pdf"), ("report-docx", "r.docx")):
        out = tmp_path / name
        area.output.export(kind, out)
        with qtbot.waitSignal(area.output.export_job.done, timeout=60_000):
            pass
        assert out.stat().st_size > 1000
    assert not errors
    assert area.output.ui.progress_bar.value() == 100


def test_report_edits_undo_and_typing_is_one_step(ctx, qtbot):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    ui = area.options.ui
    ui.draft_check.setChecked(True)
    ui.summary_edit.setFocus()
    qtbot.keyClicks(ui.summary_edit, "Governments and civil society agreed")
    area.options.save()  # what the typing timer does
    assert ctx.workshop.info.setting(SETTING_KEY)["executive_summary"].startswith("Governments")
    assert ctx.undo_stack.count() == 2  # the tick, then all the typing as one step
    ctx.undo_stack.undo()
    assert ctx.workshop.info.setting(SETTING_KEY)["executive_summary"] == ""
    assert ui.summary_edit.toPlainText() == ""
    ctx.undo_stack.undo()
    assert ctx.workshop.report.load_settings().draft is False  # back to no saved choices at all
    assert not ui.draft_check.isChecked()


def _wait_for_preview(qtbot, area: ReportArea) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not area.output.busy(), timeout=60_000)


def test_preview_progress_and_page_count(ctx, qtbot, errors):  # noqa: ANN001
    from pypdf import PdfReader

    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.show()
    out = area.output.ui
    area.output.preview()
    assert out.cancel_button.isVisible() and not out.preview_button.isEnabled()
    _wait_for_preview(qtbot, area)
    assert not errors
    assert out.progress_bar.value() == 100
    assert not out.cancel_button.isVisible() and out.preview_button.isEnabled()
    pages = len(PdfReader(area.pages.folder / "preview.pdf").pages)  # counted another way
    assert out.status_label.text().startswith(f"{pages} pages")


def test_preview_can_be_cancelled_and_run_again(ctx, qtbot, errors):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.show()
    out = area.output.ui
    area.output.preview()
    qtbot.mouseClick(out.cancel_button, Qt.MouseButton.LeftButton)
    _wait_for_preview(qtbot, area)
    assert out.status_label.text() == "Preview cancelled."
    assert area.pages.pages_layout.count() == 1  # still the hint, no pages
    assert not errors and out.preview_button.isEnabled()
    area.output.preview()
    _wait_for_preview(qtbot, area)
    assert "pages" in out.status_label.text() and area.pages.pages_layout.count() >= 3


def test_preview_without_poppler_says_what_is_missing(ctx, qtbot, errors, monkeypatch):  # noqa: ANN001
    from facilitator.exports import ExportError
    from facilitator.ui.report import preview

    monkeypatch.setattr(preview.shutil, "which", lambda _name: None)
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.output.preview()
    _wait_for_preview(qtbot, area)
    assert isinstance(errors[0], ExportError) and "pdftoppm" in str(errors[0])
    assert "poppler-utils" in area.output.ui.status_label.text()
    assert area.output.ui.preview_button.isEnabled()


def test_a_bug_in_the_preview_becomes_a_message(ctx, qtbot, errors, monkeypatch):  # noqa: ANN001
    from facilitator.reports import outcome
    from facilitator.ui.jobs import JobBug

    def broken(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(outcome, "build_pdf", broken)
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.output.preview()
    _wait_for_preview(qtbot, area)
    assert isinstance(errors[0], JobBug)
    assert "Previewing the report failed" in area.output.ui.status_label.text()
    assert area.output.ui.preview_button.isEnabled()


def test_closing_the_area_stops_a_running_preview(ctx, qtbot, errors):  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.output.preview()
    job = area.output.preview_job
    area.close()
    assert not job.thread.isRunning() and not area.output.busy()
    assert not errors
