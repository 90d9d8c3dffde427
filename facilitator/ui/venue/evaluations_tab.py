"""Polls area ▸ Evaluations: day, final and before/after evaluations, with their answers.

A new evaluation starts from a template (or the questions of a "Before" for its "After");
the answers from the phones are summarised beside the list as charts and text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.venue import EVALUATION_KINDS, TEMPLATES, summarise_question
from facilitator.store.tables import Table
from facilitator.store.venue import eval_spec
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue import edits
from facilitator.ui.venue.charts import ResultsChart, eval_as_results
from facilitator.ui.venue.dialogs import EvaluationDraft, edit_evaluation
from facilitator.ui.venue.models import EvaluationsModel
from facilitator.ui.venue.widgets import button, reselect, table_view

WATCHED = (
    Table.VENUE_EVALUATIONS,
    Table.VENUE_EVAL_QUESTIONS,
    Table.VENUE_EVAL_ANSWERS,
    Table.DAYS,
)


class EvaluationsTab(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        self.evals_model = EvaluationsModel(self)
        self.evals_view = table_view(self.evals_model)
        self.evals_view.setObjectName("evaluations_view")
        self.evals_view.doubleClicked.connect(self.edit_evaluation)
        self.evals_view.selectionModel().selectionChanged.connect(self._evaluation_selected)
        header = self.evals_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 6):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.evals_view, 1)
        buttons = QHBoxLayout()
        self.eval_buttons: dict[str, QPushButton] = {}
        new = QPushButton("&New evaluation")
        new.setObjectName("evaluation_new_button")
        menu = QMenu(new)
        for kind in ("day", "final", "pre"):
            menu.addAction(TEMPLATES[kind].title, lambda k=kind: self.new_evaluation(k))
        self.post_action = menu.addAction(
            "After: the same questions as the selected “Before”", self.new_post_test
        )
        menu.addAction("Blank", lambda: self.new_evaluation(None))
        new.setMenu(menu)
        buttons.addWidget(new)
        self.eval_buttons["new"] = new
        for key, text, slot in (
            ("edit", "Ed&it…", self.edit_evaluation),
            ("delete", "Delete", self.delete_evaluation),
            ("open", "&Open", lambda: self.evaluation_state("open")),
            ("close", "C&lose", lambda: self.evaluation_state("closed")),
        ):
            b = button(text, slot)
            b.setObjectName(f"evaluation_{key}_button")
            self.eval_buttons[key] = b
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.eval_results = QScrollArea()
        self.eval_results.setWidgetResizable(True)
        self.eval_results.setObjectName("evaluation_results")
        split.addWidget(left)
        split.addWidget(self.eval_results)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addWidget(split)

    def reload(self) -> None:
        keep = self.current_evaluation()
        days = {d["id"]: d["title"] or d["date"] for d in self.ws.notes.days()}
        counts = self.ws.venue.eval_response_counts()
        rows = []
        for e in self.ws.venue.evaluations():
            r: dict[str, Any] = dict(e)
            r["day_title"] = days.get(e["day_id"] or "", "")
            r["responses"] = counts.get(e["id"], 0)
            r["question_count"] = len(self.ws.venue.eval_questions(e["id"]))
            rows.append(r)
        self.evals_model.set_rows(rows)
        reselect(self.evals_view, self.evals_model, keep)
        self._evaluation_selected()

    def current_evaluation(self) -> str | None:
        return self.evals_model.row_id(self.evals_view.currentIndex())

    def _evaluation_selected(self, *_: Any) -> None:
        eid = self.current_evaluation()
        row = self.ws.venue.evaluation(eid) if eid else None
        ro = self.ctx.read_only
        b = self.eval_buttons
        b["new"].setEnabled(not ro)
        self.post_action.setEnabled(row is not None and row["kind"] == "pre")
        for key in ("edit", "delete", "open", "close"):
            b[key].setEnabled(row is not None and not ro)
        holder = QWidget()
        lay = QVBoxLayout(holder)
        if row is None:
            lay.addWidget(QLabel("Select an evaluation to see its answers."))
        else:
            b["open"].setEnabled(not ro and row["state"] != "open")
            b["close"].setEnabled(not ro and row["state"] == "open")
            values = self.ws.venue.eval_values(row["id"])
            heading = QLabel(f"<b>{row['title']}</b> · {EVALUATION_KINDS.get(row['kind'], '')}")
            lay.addWidget(heading)
            for i, q in enumerate(self.ws.venue.eval_questions(row["id"]), 1):
                result = summarise_question(eval_spec(q), values.get(q["id"], []))
                title = QLabel(f"{i}. {q['text']}")
                title.setWordWrap(True)
                title.setStyleSheet("font-weight: bold;")
                lay.addWidget(title)
                if q["kind"] == "text":
                    shown = "\n".join(f"• {t}" for t in result.texts[:30]) or "No answers yet."
                    text = QLabel(shown)
                    text.setWordWrap(True)
                    lay.addWidget(text)
                else:
                    chart = ResultsChart()
                    chart.setFixedHeight(40 + 30 * result.question.scale_max)
                    chart.set_results(eval_as_results(result))
                    lay.addWidget(chart)
        lay.addStretch(1)
        self.eval_results.setWidget(holder)

    # -- actions ------------------------------------------------------------------------------
    def new_evaluation(self, template: str | None) -> None:
        if template:
            t = TEMPLATES[template]
            preset = EvaluationDraft(
                {"title": t.title, "kind": t.kind, "day_id": None},
                [{"id": None, "kind": k, "text": text} for k, text in t.questions],
            )
        else:
            preset = EvaluationDraft({"title": "", "kind": "day", "day_id": None}, [])
        self._add_evaluation(preset)

    def new_post_test(self) -> None:
        eid = self.current_evaluation()
        pre = self.ws.venue.evaluation(eid) if eid else None
        if pre is None or pre["kind"] != "pre":
            return
        title = pre["title"].replace("Before", "After", 1)
        if title == pre["title"]:
            title = f"After: {pre['title']}"
        preset = EvaluationDraft(
            {"title": title, "kind": "post", "day_id": None, "pair_id": pre["id"]},
            [
                {"id": None, "kind": q["kind"], "text": q["text"]}
                for q in self.ws.venue.eval_questions(pre["id"])
            ],
        )
        self._add_evaluation(preset)

    def _add_evaluation(self, preset: EvaluationDraft) -> None:
        draft = edit_evaluation(self.ws, None, preset, self)
        if draft is None:
            return
        values = {**draft.values, "position": self.ws.venue.next_evaluation_position()}
        edit = edits.AddEvaluation(self.ws, values, draft.questions)
        if self.ctx.push(edit, initiator=self):
            self.reload()
            reselect(self.evals_view, self.evals_model, edit.evaluation_id)

    def edit_evaluation(self, *_: Any) -> None:
        eid = self.current_evaluation()
        if eid is None or self.ctx.read_only:
            return
        draft = edit_evaluation(self.ws, eid, None, self)
        if draft is not None:
            self.ctx.push(edits.SaveEvaluation(self.ws, eid, draft.values, draft.questions), self)
            self.reload()

    def delete_evaluation(self) -> None:
        eid = self.current_evaluation()
        if eid is None:
            return
        self.ctx.push(edits.delete_evaluation(self.ws, eid), initiator=self)
        self.reload()

    def evaluation_state(self, state: str) -> None:
        eid = self.current_evaluation()
        if eid is not None:
            self.ctx.push(edits.evaluation_state(self.ws, eid, state), initiator=self)
            self.reload()
