"""Dialogs that prepare a poll or an evaluation. Each returns plain values (or None when
cancelled); the area turns them into one undoable edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.domain.venue import (
    EVAL_QUESTION_KINDS,
    EVALUATION_KINDS,
    MAX_OPTION,
    MAX_OPTIONS,
    MAX_POLL_QUESTION,
    POLL_KINDS,
    OptionSpec,
    PollSpec,
    poll_problems,
)
from facilitator.store.database import Workshop
from facilitator.ui.forms.ui_venue_evaluation import Ui_VenueEvaluationDialog
from facilitator.ui.forms.ui_venue_poll import Ui_VenuePollDialog
from facilitator.ui.models import Index


@dataclass
class PollDraft:
    values: dict[str, Any]
    options: list[dict[str, Any]] = field(
        default_factory=list
    )  # id (kept when known), text, note_id


class PollDialog(QDialog):
    """New or existing poll: question, kind, session, options or recommendations."""

    def __init__(
        self,
        ws: Workshop,
        poll_id: str | None = None,
        session_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_VenuePollDialog()
        self.ui.setupUi(self)
        self.ws = ws
        self.poll_id = poll_id
        ui = self.ui
        self.setWindowTitle("Edit poll" if poll_id else "New poll")
        for key, label in POLL_KINDS.items():
            ui.kind_combo.addItem(label, key)
        ui.session_combo.addItem("No session", None)
        for s in ws.notes.sessions():
            ui.session_combo.addItem(f"{s['day_title'] or s['day_date']} · {s['title']}", s["id"])
        ui.scale_combo.addItem("1 to 5", 5)
        ui.scale_combo.addItem("1 to 10", 10)
        self.old_options: list[dict[str, Any]] = []
        chosen_notes: set[str] = set()
        row = ws.venue.poll(poll_id) if poll_id else None
        if row is not None:
            ui.question_edit.setText(row["question"])
            ui.kind_combo.setCurrentIndex(max(0, ui.kind_combo.findData(row["kind"])))
            session_id = row["session_id"]
            ui.scale_combo.setCurrentIndex(max(0, ui.scale_combo.findData(row["scale_max"])))
            ui.max_spin.setValue(row["max_choices"])
            ui.dots_spin.setValue(row["dots"])
            self.old_options = [dict(o) for o in ws.venue.options(poll_id)]
            if row["kind"] == "dots":
                chosen_notes = {o["note_id"] for o in self.old_options if o["note_id"]}
            else:
                ui.options_edit.setPlainText("\n".join(o["text"] for o in self.old_options))
        ui.session_combo.setCurrentIndex(max(0, ui.session_combo.findData(session_id)))
        for rec in ws.venue.recommendations():
            item = QListWidgetItem(f"{rec['text']}  ({rec['session_title'] or 'no session'})")
            item.setData(Qt.ItemDataRole.UserRole, rec["id"])
            item.setData(Qt.ItemDataRole.UserRole + 1, rec["text"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if rec["id"] in chosen_notes or (row is None and not chosen_notes)
                else Qt.CheckState.Unchecked
            )
            ui.recommendations_list.addItem(item)
        ui.recommendations_list.setWordWrap(True)
        ui.recommendations_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.kind_combo.currentIndexChanged.connect(self._kind_changed)
        ui.button_box.accepted.connect(self._accept)
        ui.button_box.rejected.connect(self.reject)
        self._kind_changed()
        self.draft: PollDraft | None = None

    def kind(self) -> str:
        return self.ui.kind_combo.currentData()

    def _kind_changed(self) -> None:
        ui, kind = self.ui, self.kind()
        has_options = kind in ("single", "multiple", "ranking")
        for w in (ui.options_label, ui.options_edit):
            w.setVisible(has_options)
        ui.recommendations_list.setVisible(kind == "dots")
        for w in (ui.scale_label, ui.scale_combo):
            w.setVisible(kind == "scale")
        for w in (ui.max_label, ui.max_spin):
            w.setVisible(kind in ("multiple", "words"))
        for w in (ui.dots_label, ui.dots_spin):
            w.setVisible(kind == "dots")
        if kind == "words":
            ui.max_label.setText("&Entries per person:")
            ui.max_spin.setSpecialValueText("3 (the default)")
        else:
            ui.max_label.setText("&Most per person:")
            ui.max_spin.setSpecialValueText("Any number")
        if kind == "dots":
            ui.options_label.setVisible(True)
            ui.options_label.setText(
                "Recommendations to vote on (ticked; from the notes of kind recommendation):"
            )
        else:
            ui.options_label.setText("Options, one per line:")

    def _options(self) -> list[dict[str, Any]]:
        kind = self.kind()
        if kind in ("scale", "words"):
            return []
        old = list(self.old_options)
        if kind == "dots":
            by_note = {o["note_id"]: o for o in old if o["note_id"]}
            out = []
            lst = self.ui.recommendations_list
            for i in range(lst.count()):
                item = lst.item(i)
                if item.checkState() != Qt.CheckState.Checked:
                    continue
                note_id = item.data(Qt.ItemDataRole.UserRole)
                text = item.data(Qt.ItemDataRole.UserRole + 1)[:MAX_OPTION]
                kept = by_note.get(note_id)
                out.append({"id": kept["id"] if kept else None, "text": text, "note_id": note_id})
            return out
        lines = [" ".join(t.split()) for t in self.ui.options_edit.toPlainText().splitlines()]
        texts = [t for t in lines if t]
        # An option keeps its id (and its answers) when its text stays; a line reworded keeps
        # the id of the old line at its place, else of the next old line left unmatched.
        by_text = {o["text"]: o for o in old}
        ids: list[str | None] = [by_text[t]["id"] if t in by_text else None for t in texts]
        used = {i for i in ids if i}
        for i in range(len(texts)):
            if ids[i] is None and i < len(old) and old[i]["id"] not in used:
                ids[i] = old[i]["id"]
                used.add(old[i]["id"])
        spare = [o["id"] for o in old if o["id"] not in used]
        for i in range(len(texts)):
            if ids[i] is None and spare:
                ids[i] = spare.pop(0)
        return [{"id": oid, "text": t, "note_id": None} for oid, t in zip(ids, texts, strict=True)]

    def _accept(self) -> None:
        ui = self.ui
        question = " ".join(ui.question_edit.text().split())
        options = self._options()
        kind = self.kind()
        problems = []
        if any(len(o["text"]) > MAX_OPTION for o in options):
            problems.append(f"An option is longer than {MAX_OPTION} characters.")
        if len(question) > MAX_POLL_QUESTION:
            problems.append(f"The question is longer than {MAX_POLL_QUESTION} characters.")
        if len({o["text"].casefold() for o in options}) != len(options):
            problems.append("Two options have the same text.")
        spec = PollSpec(
            "",
            kind,
            question,
            tuple(OptionSpec(str(i), o["text"]) for i, o in enumerate(options)),
            ui.scale_combo.currentData(),
            ui.max_spin.value(),
            ui.dots_spin.value(),
        )
        problems += poll_problems(spec)
        if kind == "dots" and not ui.recommendations_list.count():
            problems = [
                "There are no recommendations to vote on yet: capture notes of kind "
                "recommendation first (Capture area)."
            ]
        if len(options) > MAX_OPTIONS:
            problems.append(f"At most {MAX_OPTIONS} options.")
        if problems:
            ui.error_label.setText(" ".join(dict.fromkeys(problems)))
            return
        self.draft = PollDraft(
            {
                "question": question,
                "kind": kind,
                "session_id": ui.session_combo.currentData(),
                "scale_max": ui.scale_combo.currentData(),
                "max_choices": ui.max_spin.value() if kind in ("multiple", "words") else 0,
                "dots": ui.dots_spin.value(),
            },
            options,
        )
        self.accept()


def edit_poll(
    ws: Workshop, poll_id: str | None, session_id: str | None, parent: QWidget | None
) -> PollDraft | None:
    dialog = PollDialog(ws, poll_id, session_id, parent)
    return dialog.draft if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- evaluations ---------------------------------------------------------------------------------


class QuestionRows(QAbstractTableModel):
    """The questions of the evaluation being edited (text and kind, editable in place)."""

    HEADERS = ("Question", "Answer")

    def __init__(self, rows: list[dict[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return row["text"]
            return (
                EVAL_QUESTION_KINDS[row["kind"]]
                if role == Qt.ItemDataRole.DisplayRole
                else row["kind"]
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = "text" if index.column() == 0 else "kind"
        value = " ".join(str(value).split()) if key == "text" else str(value)
        if key == "kind" and value not in EVAL_QUESTION_KINDS:
            return False
        self.rows[index.row()][key] = value
        self.dataChanged.emit(index, index)
        return True

    def add(self, kind: str, text: str = "") -> int:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append({"id": None, "kind": kind, "text": text})
        self.endInsertRows()
        return len(self.rows) - 1

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return row
        self.beginResetModel()
        self.rows.insert(target, self.rows.pop(row))
        self.endResetModel()
        return target


class KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        if index.column() != 1:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for key, label in EVAL_QUESTION_KINDS.items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


@dataclass
class EvaluationDraft:
    values: dict[str, Any]
    questions: list[dict[str, Any]]


class EvaluationDialog(QDialog):
    def __init__(
        self,
        ws: Workshop,
        evaluation_id: str | None = None,
        preset: EvaluationDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_VenueEvaluationDialog()
        self.ui.setupUi(self)
        self.ws = ws
        ui = self.ui
        self.setWindowTitle("Edit evaluation" if evaluation_id else "New evaluation")
        for key, label in EVALUATION_KINDS.items():
            ui.kind_combo.addItem(label, key)
        ui.day_combo.addItem("Any day", None)
        for d in ws.notes.days():
            ui.day_combo.addItem(d["title"] or d["date"], d["id"])
        row = ws.venue.evaluation(evaluation_id) if evaluation_id else None
        self.pair_id: str | None = None
        if row is not None:
            values: dict[str, Any] = dict(row)
            questions = [
                {"id": q["id"], "kind": q["kind"], "text": q["text"]}
                for q in ws.venue.eval_questions(row["id"])
            ]
        elif preset is not None:
            values, questions = dict(preset.values), [dict(q) for q in preset.questions]
        else:
            values, questions = {"title": "", "kind": "day", "day_id": None}, []
        self.pair_id = values.get("pair_id")
        ui.title_edit.setText(values.get("title") or "")
        ui.kind_combo.setCurrentIndex(max(0, ui.kind_combo.findData(values.get("kind"))))
        ui.day_combo.setCurrentIndex(max(0, ui.day_combo.findData(values.get("day_id"))))
        self.model = QuestionRows(questions, self)
        ui.questions_view.setModel(self.model)
        ui.questions_view.setItemDelegate(KindDelegate(ui.questions_view))
        header = ui.questions_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        ui.add_scale_button.clicked.connect(lambda: self._add("scale5"))
        ui.add_text_button.clicked.connect(lambda: self._add("text"))
        ui.remove_button.clicked.connect(lambda: self.model.remove(self._row()))
        ui.up_button.clicked.connect(lambda: self._move(-1))
        ui.down_button.clicked.connect(lambda: self._move(1))
        ui.button_box.accepted.connect(self._accept)
        ui.button_box.rejected.connect(self.reject)
        self.draft: EvaluationDraft | None = None

    def _row(self) -> int:
        index = self.ui.questions_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _add(self, kind: str) -> None:
        row = self.model.add(kind)
        index = self.model.index(row, 0)
        self.ui.questions_view.setCurrentIndex(index)
        self.ui.questions_view.edit(index)

    def _move(self, delta: int) -> None:
        row = self.model.move(self._row(), delta)
        self.ui.questions_view.setCurrentIndex(self.model.index(row, 0))

    def _accept(self) -> None:
        title = " ".join(self.ui.title_edit.text().split())
        questions = [q for q in self.model.rows if q["text"].strip()]
        if not title:
            self.ui.error_label.setText("Give the evaluation a title.")
            return
        if not questions:
            self.ui.error_label.setText("Add at least one question.")
            return
        if any(len(q["text"]) > MAX_POLL_QUESTION for q in questions):
            self.ui.error_label.setText(
                f"A question is longer than {MAX_POLL_QUESTION} characters."
            )
            return
        self.draft = EvaluationDraft(
            {
                "title": title,
                "kind": self.ui.kind_combo.currentData(),
                "day_id": self.ui.day_combo.currentData(),
                "pair_id": self.pair_id,
            },
            questions,
        )
        self.accept()


def edit_evaluation(
    ws: Workshop,
    evaluation_id: str | None,
    preset: EvaluationDraft | None,
    parent: QWidget | None,
) -> EvaluationDraft | None:
    dialog = EvaluationDialog(ws, evaluation_id, preset, parent)
    return dialog.draft if dialog.exec() == QDialog.DialogCode.Accepted else None
