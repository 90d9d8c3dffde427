"""Polls area ▸ Questions: the questions phones send to the panel, moderated live.

Which session takes questions follows the Agenda's running session unless the facilitator
picks one (an undoable setting). Visible questions are kept as notes of kind "question".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.edits.base import Macro
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_QA_SESSION
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue import edits
from facilitator.ui.venue.models import QuestionsModel
from facilitator.ui.venue.widgets import button, session_label, table_view

WATCHED = (
    Table.VENUE_QUESTIONS,
    Table.VENUE_QUESTION_VOTES,
    Table.SETTINGS,
    Table.SESSIONS,
    Table.NOTES,
)


class QuestionsTab(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Questions from phones for:"))
        self.qa_combo = QComboBox()
        self.qa_combo.setObjectName("qa_session_combo")
        self.qa_combo.activated.connect(self._qa_chosen)
        row.addWidget(self.qa_combo, 1)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.questions_model = QuestionsModel(self)
        self.questions_view = table_view(self.questions_model)
        self.questions_view.setObjectName("questions_view")
        self.questions_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.questions_view.selectionModel().selectionChanged.connect(self._question_buttons)
        self.questions_view.doubleClicked.connect(self.project_question)
        header = self.questions_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (0, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        split.addWidget(self.questions_view)
        side = QWidget()
        sl = QVBoxLayout(side)
        self.question_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("project", "Show on &projector", self.project_question),
            ("clear", "Clear the projector", lambda: self._select(None)),
            ("answered", "Mark &answered", self.mark_answered),
            ("hide", "Hi&de", self.hide_question),
            ("merge", "&Merge selected", self.merge_questions),
        ):
            b = button(text, slot)
            b.setObjectName(f"question_{key}_button")
            self.question_buttons[key] = b
            sl.addWidget(b)
        sl.addStretch(1)
        self.question_note = QLabel(
            "Visible questions are kept as notes of kind “question” on their session (Capture, "
            "the report). Hidden and merged ones are not."
        )
        self.question_note.setWordWrap(True)
        self.question_note.setStyleSheet("color: #5A6878;")
        sl.addWidget(self.question_note)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)

    def reload(self) -> None:
        combo = self.qa_combo
        combo.clear()
        combo.addItem("The session running now (follows the Agenda)", None)
        for s in self.ws.notes.sessions():
            combo.addItem(session_label(s), s["id"])
        combo.addItem("Not taking questions", "")
        setting = self.ws.info.setting(SETTING_QA_SESSION)
        index = combo.findData(setting) if isinstance(setting, str) else 0
        combo.setCurrentIndex(max(0, index))
        session = self.ws.venue.qa_session(self.ctx.bus.live_session_id)
        keep = self._selected_questions()
        rows = self.ws.venue.questions(session) if session else []
        rows.sort(
            key=lambda r: (
                bool(r["hidden"] or r["merged_into"]),
                bool(r["answered"]),
                -r["votes"],
                r["created"],
            )
        )
        self.questions_model.selected = self.ws.venue.selected_question()
        self.questions_model.set_rows(rows)
        for qid in keep:
            row = self.questions_model.row_of(qid)
            if row >= 0:
                self.questions_view.selectionModel().select(
                    self.questions_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._question_buttons()

    def _selected_questions(self) -> list[str]:
        rows = sorted({i.row() for i in self.questions_view.selectionModel().selectedRows()})
        return [
            self.questions_model.rows[r]["id"] for r in rows if r < len(self.questions_model.rows)
        ]

    def _question_buttons(self, *_: Any) -> None:
        ids = self._selected_questions()
        ro = self.ctx.read_only
        rows = [self.ws.venue.question(q) for q in ids]
        one = len(ids) == 1 and rows[0] is not None
        b = self.question_buttons
        b["project"].setEnabled(one and not ro)
        b["clear"].setEnabled(not ro and self.ws.venue.selected_question() is not None)
        b["answered"].setEnabled(one and not ro)
        b["hide"].setEnabled(one and not ro)
        b["merge"].setEnabled(len(ids) >= 2 and not ro)
        if one and rows[0] is not None:
            b["answered"].setText("Re&open" if rows[0]["answered"] else "Mark &answered")
            b["hide"].setText("S&how" if rows[0]["hidden"] else "Hi&de")

    # -- actions ------------------------------------------------------------------------------
    def _qa_chosen(self, index: int) -> None:
        value = self.qa_combo.itemData(index)
        self.ctx.push(edits.take_questions_for(self.ws, value), initiator=self)
        self.reload()

    def _select(self, question_id: str | None) -> None:
        self.ctx.push(edits.select_question(self.ws, question_id), initiator=self)
        self.reload()

    def project_question(self, *_: Any) -> None:
        ids = self._selected_questions()
        if len(ids) == 1:
            self._select(ids[0])

    def mark_answered(self) -> None:
        ids = self._selected_questions()
        q = self.ws.venue.question(ids[0]) if len(ids) == 1 else None
        if q is None:
            return
        on = not q["answered"]
        text = "Mark question answered" if on else "Reopen question"
        self.ctx.push(edits.Moderate(self.ws, q["id"], {"answered": int(on)}, text), self)
        self.reload()

    def hide_question(self) -> None:
        ids = self._selected_questions()
        q = self.ws.venue.question(ids[0]) if len(ids) == 1 else None
        if q is None:
            return
        on = not q["hidden"]
        text = "Hide question" if on else "Show question"
        self.ctx.push(edits.Moderate(self.ws, q["id"], {"hidden": int(on)}, text), self)
        self.reload()

    def merge_questions(self) -> None:
        """Keep the first selected (the one most voted, as listed) and fold the others into it."""
        ids = self._selected_questions()
        if len(ids) < 2:
            return
        target, others = ids[0], ids[1:]
        macro = Macro(
            f"Merge {len(others)} question{'s' * (len(others) > 1)}",
            [edits.Moderate(self.ws, q, {"merged_into": target}, "Merge") for q in others],
            self.ws,
        )
        self.ctx.push(macro, initiator=self)
        self.reload()
