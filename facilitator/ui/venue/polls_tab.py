"""Polls area ▸ Polls: the polls of a session, opened, closed and revealed live.

The list is filtered by session; the chart beside it shows the selected poll's answers as
they arrive from the phones (each answer is a Changes on the workshop, gathered by the area).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.venue import poll_problems, tally
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue import edits
from facilitator.ui.venue.charts import ResultsChart
from facilitator.ui.venue.dialogs import edit_poll
from facilitator.ui.venue.models import PollsModel
from facilitator.ui.venue.widgets import button, reselect, session_label, table_view

WATCHED = (Table.VENUE_POLLS, Table.VENUE_POLL_OPTIONS, Table.VENUE_ANSWERS, Table.SESSIONS)


class PollsTab(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Session:"))
        self.poll_session = QComboBox()
        self.poll_session.setObjectName("poll_session_combo")
        self.poll_session.currentIndexChanged.connect(self.reload)
        row.addWidget(self.poll_session, 1)
        lay.addLayout(row)
        self.polls_model = PollsModel(self)
        self.polls_view = table_view(self.polls_model)
        self.polls_view.setObjectName("polls_view")
        self.polls_view.doubleClicked.connect(self.edit_poll)
        self.polls_view.selectionModel().selectionChanged.connect(self._poll_selected)
        header = self.polls_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 3, 4, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        self.polls_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        lay.addWidget(self.polls_view, 1)
        buttons = QHBoxLayout()
        self.poll_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", "&New poll…", self.new_poll),
            ("edit", "Ed&it…", self.edit_poll),
            ("delete", "Delete", self.delete_poll),
            ("open", "&Open", lambda: self.poll_live("open")),
            ("close", "C&lose", lambda: self.poll_live("closed")),
            ("reveal", "&Reveal results", self.toggle_reveal),
        ):
            b = button(text, slot)
            b.setObjectName(f"poll_{key}_button")
            self.poll_buttons[key] = b
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.poll_title = QLabel()
        self.poll_title.setWordWrap(True)
        self.poll_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        rl.addWidget(self.poll_title)
        self.poll_chart = ResultsChart()
        self.poll_chart.setObjectName("poll_chart")
        rl.addWidget(self.poll_chart, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addWidget(split)

    def reload(self) -> None:
        combo = self.poll_session
        chosen = combo.currentData() if combo.count() else "*"
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All sessions", "*")
        for s in self.ws.notes.sessions():
            combo.addItem(session_label(s), s["id"])
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        chosen = combo.currentData()
        keep = self.current_poll()
        titles = self.ws.venue.session_titles()
        counts = self.ws.venue.answer_counts()
        rows = []
        for p in self.ws.venue.polls():
            if chosen != "*" and p["session_id"] != chosen:
                continue
            r: dict[str, Any] = dict(p)
            r["session_title"] = titles.get(p["session_id"] or "", "")
            r["answers"] = counts.get(p["id"], 0)
            rows.append(r)
        self.polls_model.set_rows(rows)
        reselect(self.polls_view, self.polls_model, keep)
        self._poll_selected()

    def current_poll(self) -> str | None:
        return self.polls_model.row_id(self.polls_view.currentIndex())

    def _poll_selected(self, *_: Any) -> None:
        pid = self.current_poll()
        row = self.ws.venue.poll(pid) if pid else None
        ro = self.ctx.read_only
        b = self.poll_buttons
        b["new"].setEnabled(not ro)
        for key in ("edit", "delete", "open", "close", "reveal"):
            b[key].setEnabled(row is not None and not ro)
        if row is None:
            self.poll_title.setText("")
            self.poll_chart.set_results(None, message="Select a poll to see its results.")
            return
        b["open"].setEnabled(not ro and row["state"] != "open")
        b["close"].setEnabled(not ro and row["state"] == "open")
        b["reveal"].setText("Hide results" if row["revealed"] else "&Reveal results")
        spec = self.ws.venue.spec(row["id"])
        assert spec is not None
        self.poll_title.setText(row["question"])
        results = tally(spec, self.ws.venue.values(row["id"]))
        self.poll_chart.set_results(results)

    # -- actions ------------------------------------------------------------------------------
    def new_poll(self) -> None:
        session = self.poll_session.currentData()
        if session == "*":
            session = self.ctx.bus.live_session_id or self.ws.notes.default_session_id(
                self.ctx.bus.live_session_id
            )
        draft = edit_poll(self.ws, None, session or None, self)
        if draft is None:
            return
        values = dict(draft.values)
        values["position"] = self.ws.venue.next_poll_position(values["session_id"])
        edit = edits.AddPoll(self.ws, values, draft.options)
        if self.ctx.push(edit, initiator=self):
            self.reload()
            reselect(self.polls_view, self.polls_model, edit.poll_id)

    def edit_poll(self, *_: Any) -> None:
        pid = self.current_poll()
        if pid is None or self.ctx.read_only:
            return
        draft = edit_poll(self.ws, pid, None, self)
        if draft is not None:
            self.ctx.push(edits.SavePoll(self.ws, pid, draft.values, draft.options), self)
            self.reload()

    def delete_poll(self) -> None:
        pid = self.current_poll()
        if pid is None:
            return
        n = len(self.ws.venue.values(pid))
        if n:
            answer = QMessageBox.question(
                self,
                "Delete poll",
                f"This poll has {n} answers. Delete it with its answers? (Edit ▸ Undo brings "
                "it back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.push(edits.delete_poll(self.ws, pid), initiator=self)
        self.reload()

    def poll_live(self, action: str) -> None:
        pid = self.current_poll()
        if pid is None:
            return
        if action == "open":
            spec = self.ws.venue.spec(pid)
            problems = poll_problems(spec) if spec else []
            if problems:
                QMessageBox.information(self, "Open poll", " ".join(problems))
                return
        self.ctx.push(edits.PollLive(self.ws, pid, action), initiator=self)
        self.reload()

    def toggle_reveal(self) -> None:
        pid = self.current_poll()
        row = self.ws.venue.poll(pid) if pid else None
        if row is not None:
            self.poll_live("hide" if row["revealed"] else "reveal")
