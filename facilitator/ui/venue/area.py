"""The Polls area: polls per session, questions to the panel, evaluations and the teams'
worksheets on their own devices, run live.

Participants answer from their phones (View ▸ Venue Wi-Fi…); everything the facilitator does
happens here, as undoable edits. The views refresh from the workshop's Changes (a phone's
answer arrives as one), gathered over a few milliseconds so 300 answers a second stay cheap.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.venue import (
    EVALUATION_KINDS,
    TEMPLATES,
    summarise_question,
    tally,
)
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_QA_SESSION, eval_spec
from facilitator.ui.areas import AreaContext
from facilitator.ui.venue import edits
from facilitator.ui.venue.charts import ResultsChart, eval_as_results
from facilitator.ui.venue.controller import controller_for
from facilitator.ui.venue.dialogs import EvaluationDraft, edit_evaluation, edit_poll
from facilitator.ui.venue.models import EvaluationsModel, PollsModel, QuestionsModel
from facilitator.ui.venue.worksheets_tab import WorksheetsTab

POLL_TABLES = (Table.VENUE_POLLS, Table.VENUE_POLL_OPTIONS, Table.VENUE_ANSWERS, Table.SESSIONS)
QUESTION_TABLES = (
    Table.VENUE_QUESTIONS,
    Table.VENUE_QUESTION_VOTES,
    Table.SETTINGS,
    Table.SESSIONS,
    Table.NOTES,
)
EVAL_TABLES = (
    Table.VENUE_EVALUATIONS,
    Table.VENUE_EVAL_QUESTIONS,
    Table.VENUE_EVAL_ANSWERS,
    Table.DAYS,
)


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(False)
    return view


def _button(text: str, slot: Any, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


class PollsArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller_for(ctx)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._flush)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.server_label = QLabel()
        self.server_label.setObjectName("server_label")
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.server_label, 1)
        top.addWidget(_button("Venue Wi-Fi…", self._venue_dialog))
        top.addWidget(_button("Projector", self._projector, "Join code, live results, question"))
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_polls(), "Polls")
        self.tabs.addTab(self._build_questions(), "Questions")
        self.tabs.addTab(self._build_evaluations(), "Evaluations")
        self.worksheets = WorksheetsTab(ctx, self.controller)
        self.tabs.addTab(self.worksheets, "Team &worksheets")
        outer.addWidget(self.tabs, 1)
        self.ws.hub.changed.connect(self._changed)
        self.controller.changed.connect(self._server_state)
        self.controller.connections_changed.connect(lambda _n: self._server_state())
        self.controller.presence_changed.connect(lambda _p: self._server_state())
        self.reload_polls()
        self.reload_questions()
        self.reload_evaluations()
        self._server_state()

    # -- building --------------------------------------------------------------------------
    def _build_polls(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Session:"))
        self.poll_session = QComboBox()
        self.poll_session.setObjectName("poll_session_combo")
        self.poll_session.currentIndexChanged.connect(self.reload_polls)
        row.addWidget(self.poll_session, 1)
        lay.addLayout(row)
        self.polls_model = PollsModel(self)
        self.polls_view = _table(self.polls_model)
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
            b = _button(text, slot)
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
        box = QVBoxLayout(page)
        box.addWidget(split)
        return page

    def _build_questions(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel("Questions from phones for:"))
        self.qa_combo = QComboBox()
        self.qa_combo.setObjectName("qa_session_combo")
        self.qa_combo.activated.connect(self._qa_chosen)
        row.addWidget(self.qa_combo, 1)
        lay.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.questions_model = QuestionsModel(self)
        self.questions_view = _table(self.questions_model)
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
            b = _button(text, slot)
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
        return page

    def _build_evaluations(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        self.evals_model = EvaluationsModel(self)
        self.evals_view = _table(self.evals_model)
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
            b = _button(text, slot)
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
        box = QVBoxLayout(page)
        box.addWidget(split)
        return page

    # -- refreshing --------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if not self.ws.is_open:
            return
        if changes.touches(*POLL_TABLES):
            self._pending.add("polls")
        if changes.touches(*QUESTION_TABLES):
            self._pending.add("questions")
        if changes.touches(*EVAL_TABLES):
            self._pending.add("evaluations")
        if changes.touches(Table.SETTINGS):
            self._pending.add("server")
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        if not self.ws.is_open:
            return
        if "polls" in pending:
            self.reload_polls()
        if "questions" in pending:
            self.reload_questions()
        if "evaluations" in pending:
            self.reload_evaluations()
        if "server" in pending:
            self._server_state()

    def _server_state(self) -> None:
        c = self.controller
        if not self.ws.is_open:
            return
        if c.running:
            room = "" if c.room_open else " · the room is closed"
            p = c.presence
            teams = f" · {p.team_devices} on team worksheets" if p.team_devices else ""
            names = (
                {r["id"]: r["name"] for r in self.ws.venue.rapporteurs()} if p.rapporteurs else {}
            )
            who = ", ".join(sorted(names.get(i, "?") for i in p.rapporteurs))
            rapporteurs = f" · rapporteurs: {who}" if who else ""
            self.server_label.setText(
                f"Venue Wi-Fi on: phones join at <b>{c.url()}</b> · {c.connections} connected"
                f"{teams}{rapporteurs}{room}"
            )
        else:
            self.server_label.setText(
                "Venue Wi-Fi is off: start it to let phones answer (the polls still run here)."
            )

    def _sessions(self) -> list[dict[str, Any]]:
        return self.ws.notes.sessions()

    @staticmethod
    def _session_label(s: dict[str, Any]) -> str:
        return f"{s['day_title'] or s['day_date']} · {s.get('planned_start') or ''} {s['title']}"

    def reload_polls(self) -> None:
        combo = self.poll_session
        chosen = combo.currentData() if combo.count() else "*"
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All sessions", "*")
        for s in self._sessions():
            combo.addItem(self._session_label(s), s["id"])
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
        self._reselect(self.polls_view, self.polls_model, keep)
        self._poll_selected()

    def current_poll(self) -> str | None:
        return self.polls_model.row_id(self.polls_view.currentIndex())

    def _reselect(self, view: QTableView, model: Any, row_id: str | None) -> None:
        row = model.row_of(row_id)
        if row < 0 and model.rowCount() and row_id is None:
            return
        if row >= 0:
            view.selectionModel().setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

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

    def reload_questions(self) -> None:
        combo = self.qa_combo
        combo.clear()
        combo.addItem("The session running now (follows the Agenda)", None)
        for s in self._sessions():
            combo.addItem(self._session_label(s), s["id"])
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

    def reload_evaluations(self) -> None:
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
        self._reselect(self.evals_view, self.evals_model, keep)
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

    # -- poll actions -------------------------------------------------------------------------
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
            self.reload_polls()
            self._reselect(self.polls_view, self.polls_model, edit.poll_id)

    def edit_poll(self, *_: Any) -> None:
        pid = self.current_poll()
        if pid is None or self.ctx.read_only:
            return
        draft = edit_poll(self.ws, pid, None, self)
        if draft is not None:
            self.ctx.push(edits.SavePoll(self.ws, pid, draft.values, draft.options), self)
            self.reload_polls()

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
        self.reload_polls()

    def poll_live(self, action: str) -> None:
        pid = self.current_poll()
        if pid is None:
            return
        if action == "open":
            spec = self.ws.venue.spec(pid)
            from facilitator.domain.venue import poll_problems

            problems = poll_problems(spec) if spec else []
            if problems:
                QMessageBox.information(self, "Open poll", " ".join(problems))
                return
        self.ctx.push(edits.PollLive(self.ws, pid, action), initiator=self)
        self.reload_polls()

    def toggle_reveal(self) -> None:
        pid = self.current_poll()
        row = self.ws.venue.poll(pid) if pid else None
        if row is not None:
            self.poll_live("hide" if row["revealed"] else "reveal")

    # -- question actions ---------------------------------------------------------------------
    def _qa_chosen(self, index: int) -> None:
        value = self.qa_combo.itemData(index)
        self.ctx.push(edits.take_questions_for(self.ws, value), initiator=self)
        self.reload_questions()

    def _select(self, question_id: str | None) -> None:
        self.ctx.push(edits.select_question(self.ws, question_id), initiator=self)
        self.reload_questions()

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
        self.reload_questions()

    def hide_question(self) -> None:
        ids = self._selected_questions()
        q = self.ws.venue.question(ids[0]) if len(ids) == 1 else None
        if q is None:
            return
        on = not q["hidden"]
        text = "Hide question" if on else "Show question"
        self.ctx.push(edits.Moderate(self.ws, q["id"], {"hidden": int(on)}, text), self)
        self.reload_questions()

    def merge_questions(self) -> None:
        """Keep the first selected (the one most voted, as listed) and fold the others into it."""
        ids = self._selected_questions()
        if len(ids) < 2:
            return
        target, others = ids[0], ids[1:]
        from facilitator.edits.base import Macro

        macro = Macro(
            f"Merge {len(others)} question{'s' * (len(others) > 1)}",
            [edits.Moderate(self.ws, q, {"merged_into": target}, "Merge") for q in others],
            self.ws,
        )
        self.ctx.push(macro, initiator=self)
        self.reload_questions()

    # -- evaluation actions -------------------------------------------------------------------
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
            self.reload_evaluations()
            self._reselect(self.evals_view, self.evals_model, edit.evaluation_id)

    def edit_evaluation(self, *_: Any) -> None:
        eid = self.current_evaluation()
        if eid is None or self.ctx.read_only:
            return
        draft = edit_evaluation(self.ws, eid, None, self)
        if draft is not None:
            self.ctx.push(edits.SaveEvaluation(self.ws, eid, draft.values, draft.questions), self)
            self.reload_evaluations()

    def delete_evaluation(self) -> None:
        eid = self.current_evaluation()
        if eid is None:
            return
        self.ctx.push(edits.delete_evaluation(self.ws, eid), initiator=self)
        self.reload_evaluations()

    def evaluation_state(self, state: str) -> None:
        eid = self.current_evaluation()
        if eid is not None:
            self.ctx.push(edits.evaluation_state(self.ws, eid, state), initiator=self)
            self.reload_evaluations()

    # -- elsewhere ----------------------------------------------------------------------------
    def _venue_dialog(self) -> None:
        from facilitator.ui.venue.dialog import show_venue_dialog

        show_venue_dialog(self.ctx)

    def _projector(self) -> None:
        from facilitator.ui.venue.projector import show_venue_projector

        show_venue_projector(self.ctx)
