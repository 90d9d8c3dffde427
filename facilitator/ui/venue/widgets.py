"""Small pieces the Polls area's tabs share: a read-only table, a button, a session's label."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView


def table_view(model: Any) -> QTableView:
    """A row-selecting table over ``model``, no row numbers, no wrapping."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(False)
    return view


def button(text: str, slot: Any, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


def session_label(s: dict[str, Any]) -> str:
    """ "Day 1 · 09:00 Opening", as the session pickers show it."""
    return f"{s['day_title'] or s['day_date']} · {s.get('planned_start') or ''} {s['title']}"


def reselect(view: QTableView, model: Any, row_id: str | None) -> None:
    """Make ``row_id`` the current row again after a reload (if it is still listed)."""
    row = model.row_of(row_id)
    if row >= 0:
        view.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
