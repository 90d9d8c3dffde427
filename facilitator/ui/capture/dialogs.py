"""Capture dialogs: worksheet prompt editor, merge conflict chooser, note kinds settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.capture import Kind, KindConfigError, validate_kinds
from facilitator.edits import capture as edits
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.models import attribution, workshop_time
from facilitator.ui.forms.ui_capture_conflicts import Ui_CaptureConflictsDialog
from facilitator.ui.forms.ui_capture_prompts import Ui_CapturePromptsDialog

PromptIdRole = Qt.ItemDataRole.UserRole + 1


class PromptEditorDialog(QDialog):
    """Edit an exercise's worksheet prompts; applied as one undoable step on OK."""

    def __init__(
        self, ctx: AreaContext, exercise_id: str | None, session_id: str | None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CapturePromptsDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.exercise_id = exercise_id
        self.session_id = session_id
        ex = ctx.workshop.rows.get(Table.EXERCISES, exercise_id) if exercise_id else None
        if ex is None and session_id:
            session = ctx.workshop.rows.get(Table.SESSIONS, session_id) or {}
            self.ui.title_edit.setText(session.get("title", ""))
        else:
            self.ui.title_edit.setText((ex or {}).get("title", ""))
        self.model = QStandardItemModel(self)
        for p in ctx.workshop.notes.prompts(exercise_id):
            item = QStandardItem(p["text"])
            item.setData(p["id"], PromptIdRole)
            self.model.appendRow(item)
        self.ui.prompt_list.setModel(self.model)
        self.ui.add_button.clicked.connect(self._add_from_edit)
        self.ui.new_prompt_edit.returnPressed.connect(self._add_from_edit)
        self.ui.remove_button.clicked.connect(self._remove)
        self.ui.up_button.clicked.connect(lambda: self._move(-1))
        self.ui.down_button.clicked.connect(lambda: self._move(1))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.new_prompt_edit.setFocus()

    def texts(self) -> list[tuple[str | None, str]]:
        out = []
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            out.append((item.data(PromptIdRole), item.text().strip()))
        return out

    def _add_from_edit(self) -> None:
        text = self.ui.new_prompt_edit.text().strip()
        if not text:
            return
        self.model.appendRow(QStandardItem(text))
        self.ui.new_prompt_edit.clear()
        self.ui.prompt_list.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))

    def _remove(self) -> None:
        index = self.ui.prompt_list.currentIndex()
        if index.isValid():
            self.model.removeRow(index.row())

    def _move(self, delta: int) -> None:
        index = self.ui.prompt_list.currentIndex()
        if not index.isValid():
            return
        r = index.row()
        target = r + delta
        if not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(r)
        self.model.insertRow(target, items)
        self.ui.prompt_list.setCurrentIndex(self.model.index(target, 0))

    def accept(self) -> None:
        self._add_from_edit()
        texts = self.texts()
        empty = [i + 1 for i, (_pid, t) in enumerate(texts) if not t]
        if empty:
            self.ui.error_label.setText(f"Prompt {empty[0]} is empty: type a text or remove it.")
            return
        edit = edits.save_prompts(
            self.ctx.workshop,
            self.exercise_id,
            self.session_id,
            self.ui.title_edit.text().strip(),
            texts,
        )
        if edit is not None and not self.ctx.push(edit):
            return
        super().accept()


class ConflictDialog(QDialog):
    """Lists notes and summaries changed in both copies; the user picks a version for each."""

    def __init__(self, ctx: AreaContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaptureConflictsDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.model = QStandardItemModel(self)
        self.ui.conflict_list.setModel(self.model)
        self.ui.splitter.setSizes([240, 520])
        self.conflicts: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        self.ui.conflict_list.selectionModel().currentChanged.connect(self._show)
        self.ui.keep_mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.ui.keep_other_button.clicked.connect(lambda: self.resolve("other"))
        self.ui.keep_both_button.clicked.connect(lambda: self.resolve("both"))
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.button_box.accepted.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        self.conflicts = self.ctx.workshop.notes.conflicts()
        self.model.clear()
        for table, mine, _other in self.conflicts:
            label = "Summary" if table == Table.SUMMARIES else "Note"
            self.model.appendRow(QStandardItem(f"{label}: {mine['text'][:60]}"))
        if self.conflicts:
            self.ui.conflict_list.setCurrentIndex(self.model.index(0, 0))
        self._show(self.ui.conflict_list.currentIndex())

    def _describe(self, row: dict[str, Any]) -> str:
        lines = [row["text"]]
        said = attribution(row) if "attribution_text" in row else ""
        if row.get("attribution_person_id"):
            person = self.ctx.workshop.rows.get(Table.PEOPLE, row["attribution_person_id"])
            said = person["name"] if person else said
        if said:
            lines.append(f"\nSaid by: {said}")
        for key, label in (
            ("kind", "Kind"),
            ("action_owner", "Owner"),
            ("action_due", "Due"),
            ("action_status", "Status"),
        ):
            if row.get(key):
                lines.append(f"{label}: {row[key]}")
        if "starred" in row:
            lines.append("Starred" if row["starred"] else "Not starred")
        return "\n".join(lines)

    def _show(self, index: QModelIndex, _previous: Any = None) -> None:
        valid = index.isValid() and index.row() < len(self.conflicts)
        for w in (
            self.ui.keep_mine_button,
            self.ui.keep_other_button,
            self.ui.keep_both_button,
        ):
            w.setEnabled(valid and not self.ctx.read_only)
        if not valid:
            self.ui.mine_text.setPlainText("")
            self.ui.other_text.setPlainText("")
            self.ui.intro_label.setText("No conflicts left: every merged change is settled.")
            return
        _table, mine, other = self.conflicts[index.row()]
        zone = self.ctx.bus.clock.timezone
        mine_at = workshop_time(mine["updated"], zone, with_date=True)
        other_at = workshop_time(other["updated"], zone, with_date=True)
        self.ui.mine_label.setText(f"This copy (edited {mine_at})")
        self.ui.other_label.setText(f"Other copy (edited {other_at})")
        self.ui.mine_text.setPlainText(self._describe(mine))
        self.ui.other_text.setPlainText(self._describe(other))

    def resolve(self, keep: str) -> None:
        index = self.ui.conflict_list.currentIndex()
        if not index.isValid():
            return
        table, mine, other = self.conflicts[index.row()]
        if self.ctx.push(edits.resolve_conflict(self.ctx.workshop, table, mine, other, keep)):
            self.reload()


class KindsDialog(QDialog):
    """Per-workshop labels, typing prefixes and shortcuts of note kinds.

    ``reserved`` (key → what uses it) are keys the window already gives to something else; a
    kind cannot take them.
    """

    def __init__(
        self,
        kinds: list[Kind],
        parent: QWidget | None = None,
        reserved: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note kinds")
        self.kinds = kinds
        self.reserved = reserved or {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Type a prefix and a colon at the start of a note (e.g. “r: fund youth "
                "groups”) or press the shortcut to choose its kind. Saved in this workshop."
            )
        )
        grid = QGridLayout()
        for c, title in enumerate(("Kind", "Label", "Prefix", "Shortcut")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, c)
        self.rows: list[tuple[QLineEdit, QLineEdit, QKeySequenceEdit]] = []
        for r, k in enumerate(kinds, start=1):
            grid.addWidget(QLabel(k.key.replace("_", " ")), r, 0)
            label = QLineEdit(k.label)
            label.setObjectName(f"label_{k.key}")
            prefix = QLineEdit(k.prefix)
            prefix.setObjectName(f"prefix_{k.key}")
            prefix.setMaximumWidth(80)
            shortcut = QKeySequenceEdit(QKeySequence(k.shortcut))
            shortcut.setObjectName(f"shortcut_{k.key}")
            grid.addWidget(label, r, 1)
            grid.addWidget(prefix, r, 2)
            grid.addWidget(shortcut, r, 3)
            self.rows.append((label, prefix, shortcut))
        layout.addLayout(grid)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #B00020;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_kinds: list[Kind] = kinds

    def values(self) -> list[Kind]:
        return [
            Kind(
                k.key,
                label.text().strip() or k.label,
                prefix.text().strip(),
                shortcut.keySequence().toString(QKeySequence.SequenceFormat.PortableText),
            )
            for k, (label, prefix, shortcut) in zip(self.kinds, self.rows, strict=True)
        ]

    def accept(self) -> None:
        kinds = self.values()
        try:
            validate_kinds(kinds, self.reserved)
        except KindConfigError as exc:
            self.error_label.setText(str(exc))
            return
        self.result_kinds = kinds
        super().accept()
