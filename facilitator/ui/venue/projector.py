"""Projector view of the venue: how to join (URL, QR code), the live poll and the selected
question, in large type on a dark background.

Opens full screen on a second screen when there is one (Esc closes, F11 toggles full screen).
It follows the workshop's Changes (a phone's answer arrives as one), gathered for 30 ms so a
burst of answers costs one redraw.

With privacy on (the Chatham House Rule, or *Lists show* other than full details) the poll,
its options and words, and the question on screen print through the privacy guard, and the
question's author is not shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from facilitator.domain.privacy import Guard, Source
from facilitator.domain.venue import Results, tally
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue.charts import ResultsChart, venue_font
from facilitator.ui.venue.controller import controller_for
from facilitator.ui.venue.qr import qr_image

WATCHED = (
    Table.VENUE_POLLS,
    Table.VENUE_POLL_OPTIONS,
    Table.VENUE_ANSWERS,
    Table.VENUE_QUESTIONS,
    Table.VENUE_QUESTION_VOTES,
    Table.SETTINGS,
    Table.WORKSHOP,  # the Chatham House Rule and Lists show
    Table.PEOPLE,  # the roster the guard looks for
)
ON_SCREEN = "Projector"  # the guard's section; decisions are keyed by row and field


class VenueProjector(QWidget):
    updated = Signal()  # after each redraw (the benchmark times a phone's answer to it)

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller_for(ctx)
        self.setWindowTitle("Facilitator: polls and questions")
        self.setObjectName("venue_projector")
        self.setStyleSheet(
            "#venue_projector{background:#111820;} QLabel{color:#F5F7FA;}"
            "#join_panel{background:#1C2733;border-radius:16px;}"
            "#question_panel{background:#1C2733;border-radius:16px;}"
        )
        outer = QHBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 24)
        outer.setSpacing(24)
        join = QFrame()
        join.setObjectName("join_panel")
        jl = QVBoxLayout(join)
        jl.setContentsMargins(20, 20, 20, 20)
        self.join_title = QLabel("Join on your phone")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url = QLabel()
        self.url.setWordWrap(True)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.join_title, self.qr, self.url, self.code):
            jl.addWidget(w)
        jl.addStretch(1)
        outer.addWidget(join, 3)
        main = QVBoxLayout()
        self.poll_title = QLabel()
        self.poll_title.setWordWrap(True)
        self.chart = ResultsChart(dark=True)
        self.chart.setObjectName("projector_chart")
        main.addWidget(self.poll_title)
        main.addWidget(self.chart, 1)
        panel = QFrame()
        panel.setObjectName("question_panel")
        ql = QVBoxLayout(panel)
        ql.setContentsMargins(20, 14, 20, 14)
        self.question_head = QLabel("Question from the room")
        self.question = QLabel()
        self.question.setWordWrap(True)
        ql.addWidget(self.question_head)
        ql.addWidget(self.question)
        self.question_panel = panel
        main.addWidget(panel)
        outer.addLayout(main, 7)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.refresh)
        self.ws.hub.changed.connect(self._changed)
        self.controller.changed.connect(self.refresh)
        self._fonts()
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED) and not self._timer.isActive():
            self._timer.start()

    def _fonts(self) -> None:
        h = max(400, self.height())
        for label, share, bold in (
            (self.join_title, 0.04, True),
            (self.url, 0.032, True),
            (self.code, 0.05, True),
            (self.poll_title, 0.055, True),
            (self.question_head, 0.028, False),
            (self.question, 0.045, True),
        ):
            label.setFont(venue_font(self.font(), max(12, int(h * share)), bold, label.text()))
        self.question_head.setStyleSheet("color:#B8C4D0;")

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._fonts()
        super().resizeEvent(event)
        self._draw_qr()

    def _draw_qr(self) -> None:
        url = self.controller.url()
        if url:
            side = int(min(self.width() * 0.24, self.height() * 0.5))
            self.qr.setPixmap(QPixmap.fromImage(qr_image(url, max(160, side))))
        else:
            self.qr.setPixmap(QPixmap())

    def refresh(self) -> None:
        if not self.ws.is_open:
            self.close()
            return
        v = self.ws.venue
        url = self.controller.url()
        if url:
            self.join_title.setText("Join on your phone")
            self.url.setText(f"{self.controller.host}:{self.controller.port}")
            self.code.setText(f"Code {v.join_code()}")
        else:
            self.join_title.setText("Venue Wi-Fi is off")
            self.url.setText("Start it in View ▸ Venue Wi-Fi…")
            self.code.setText("")
        self._draw_qr()
        guard = self.ws.privacy.guard(self.ws.privacy.lists_private())
        row = v.open_poll() or v.last_revealed_poll()
        if row is None:
            self.poll_title.setText("")
            self.chart.set_results(None, message="")
        else:
            spec = v.spec(row["id"])
            assert spec is not None
            results = guarded(tally(spec, v.values(row["id"])), guard, row["id"])
            closed = "" if row["state"] == "open" else "  (closed)"
            question = guard(row["question"], Source(ON_SCREEN, row["id"], "question"))
            self.poll_title.setText(question + closed)
            self.chart.set_results(results, hidden=not row["revealed"])
        selected = v.selected_question()
        q = v.question(selected) if selected else None
        if q is None or q["hidden"] or q["merged_into"]:
            self.question_panel.hide()
        else:
            votes = next(
                (r["votes"] for r in v.questions(q["session_id"]) if r["id"] == q["id"]), 0
            )
            self.question_panel.show()
            self.question_head.setText(
                f"Question from the room · {votes} vote{'s' * (votes != 1)}"
                + (f" · {q['author']}" if q["author"] and v.named() and not guard.on else "")
            )
            # The key of the note that mirrors it, so its decision in the Privacy check holds.
            where = Source(ON_SCREEN, q["note_id"] or q["id"], "text")
            self.question.setText(guard(q["text"], where))
        self._fonts()
        self.updated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        try:
            self.ws.hub.changed.disconnect(self._changed)
            self.controller.changed.disconnect(self.refresh)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)


def guarded(results: Results, guard: Guard, poll_id: str) -> Results:
    """A poll's results with its option labels and words through the privacy guard."""
    if not guard.on:
        return results
    bars = tuple(
        replace(b, label=guard(b.label, Source(ON_SCREEN, poll_id, "option", b.label)))
        for b in results.bars
    )
    words = tuple((guard(w, Source(ON_SCREEN, poll_id, "answer")), n) for w, n in results.words)
    return replace(results, bars=bars, words=words)


def show_venue_projector(ctx: AreaContext) -> VenueProjector:
    """View ▸ Projector: polls and questions (F7). Reuses the open window if any."""
    controller = controller_for(ctx)
    old = controller.projector
    try:
        if old is not None and old.isVisible():
            old.raise_()
            old.activateWindow()
            return old  # type: ignore[return-value]
    except RuntimeError:
        pass
    view = VenueProjector(ctx)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    controller.projector = view
    screens = QGuiApplication.screens()
    here = ctx.window.screen() if ctx.window is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not here]
    if others:
        view.setGeometry(others[0].geometry())
        view.showFullScreen()
    else:
        view.resize(1280, 720)
        view.show()
    return view
