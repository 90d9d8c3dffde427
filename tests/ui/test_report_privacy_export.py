"""An anonymous export with undecided names asks once and lists them: withhold all and export,
review them in the Privacy check, or cancel; from the Report area and from File ▸ Export."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain.privacy import Choice
from facilitator.edits.privacy import decide
from facilitator.ui.export_runner import export_job
from facilitator.ui.report.area import ReportArea
from facilitator.ui.report.unresolved import UnresolvedDialog


def _area(qtbot, ctx) -> ReportArea:  # noqa: ANN001
    area = ReportArea(ctx)
    qtbot.addWidget(area)
    area.resize(1280, 720)
    area.show()
    return area


def _question(qtbot) -> UnresolvedDialog:  # noqa: ANN001
    """The dialog the export opened (waits for the export to get that far)."""

    def shown() -> list[UnresolvedDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, UnresolvedDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=60_000)
    return shown()[0]


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_withhold_all_and_export(qtbot, ctx, errors, tmp_path: Path) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    out = tmp_path / "report.pdf"
    area.output.export("report", out)
    dialog = _question(qtbot)
    assert not out.exists()  # nothing is written before the answer
    assert dialog.model.rowCount() == 15  # each undecided hit once, as the CLI lists them
    found = {dialog.model.index(r, 0).data() for r in range(15)}
    assert {"Ms. Lestari", "Жумабаевой", "สมชาย", "dewi.lestari@example.org"} <= found
    assert "15 possible names" in dialog.ui.message_label.text()
    assert "report.pdf" in dialog.ui.message_label.text()
    dialog.grab().save(str(tmp_path / "unresolved.png"))
    qtbot.mouseClick(dialog.ui.withhold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    qtbot.waitUntil(lambda: area.output.ui.status_label.text().startswith("Exported"))
    assert area.output.ui.progress_bar.value() == 100
    text = _text(out)
    assert "Lestari" not in text and "Жумабаев" not in text and "[name withheld]" in text
    assert not errors
    # Nothing was decided in the workshop: the next export asks again.
    assert ctx.workshop.privacy.policy().hits == {}


def test_review_opens_the_privacy_check_on_the_undecided(qtbot, ctx, messages, tmp_path) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    out = tmp_path / "report.docx"
    area.output.export("report-docx", out)
    qtbot.mouseClick(_question(qtbot).ui.review_button, Qt.MouseButton.LeftButton)
    panel = area.privacy
    assert area.tabs.currentWidget() is panel
    assert panel.ui.undecided_check.isChecked()
    assert area.focusWidget() is panel.ui.hits_view  # keys go to the list once it is active
    qtbot.waitUntil(lambda: panel.scan is not None and panel.idle(), timeout=30_000)
    current = panel._hit(panel.ui.hits_view.currentIndex())
    assert current is not None and current.finding.unresolved  # ready for W, K or N
    assert not out.exists()
    assert messages[-1] == "report.docx was not written: 15 possible names to decide."
    assert "Not exported yet: 15 possible names" in area.output.ui.status_label.text()


def test_cancel_writes_nothing(qtbot, ctx, messages, errors, tmp_path: Path) -> None:  # noqa: ANN001
    area = _area(qtbot, ctx)
    out = tmp_path / "report.pdf"
    area.output.export("report", out)
    qtbot.mouseClick(_question(qtbot).ui.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert not out.exists() and not errors
    assert messages[-1] == "Export of report.pdf cancelled."
    assert area.tabs.currentWidget() is area.pages


def test_decided_hits_export_without_asking(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    ws = ctx.workshop
    findings = ws.report.load_report().privacy
    ctx.push(decide(ws, Choice.WITHHOLD, hits=[f for f in findings if f.hit.text != "สมชาย"]))
    ctx.push(decide(ws, Choice.KEEP, hits=[f for f in findings if f.hit.text == "สมชาย"]))
    area = _area(qtbot, ctx)
    out = tmp_path / "report.pdf"
    area.output.export("report", out)
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, UnresolvedDialog)]
    assert "สมชาย" in _text(out).replace(" ", "")  # the kept one is printed as written


def test_file_export_report_asks_and_review_goes_to_the_report_area(
    qtbot, ctx, navigations, tmp_path: Path
) -> None:  # noqa: ANN001
    out = tmp_path / "from-menu.pdf"
    job = export_job(ctx, "report", out).start()  # what File ▸ Export ▸ Report does
    dialog = _question(qtbot)
    assert dialog.model.rowCount() == 15
    qtbot.mouseClick(dialog.ui.review_button, Qt.MouseButton.LeftButton)
    assert navigations == [("report", {"privacy": "undecided"})]
    assert not out.exists() and not job.running
    # The main window hands that request to the Report area.
    area = _area(qtbot, ctx)
    area.handle_request(navigations[0][1])
    assert area.tabs.currentWidget() is area.privacy and area.privacy.ui.undecided_check.isChecked()


def test_file_export_withhold_all_writes_the_file(qtbot, ctx, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "from-menu.docx"
    export_job(ctx, "report-docx", out).start()
    qtbot.mouseClick(_question(qtbot).ui.withhold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists(), timeout=60_000)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Sarah Whitfield" not in text and "[name withheld]" in text


def test_the_question_model_passes_the_model_tester(qtbot, ctx, qtmodeltester, tmp_path) -> None:  # noqa: ANN001
    export_job(ctx, "report", tmp_path / "r.pdf").start()
    dialog = _question(qtbot)
    qtmodeltester.check(dialog.model)
    dialog.reject()
