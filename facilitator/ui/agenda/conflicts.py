"""The agenda's conflicts as a list beside the plan; choosing one selects its session."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from facilitator.ui.agenda.state import AgendaState


class ConflictsPanel(QWidget):
    session_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAccessibleName("Conflicts")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view)
        self._sessions: list[str] = []  # the session each listed conflict selects
        self.view.activated.connect(self.choose)
        self.view.clicked.connect(self.choose)

    @property
    def count(self) -> int:
        return len(self._sessions)

    def tab_title(self) -> str:
        return f"C&onflicts ({self.count})" if self.count else "C&onflicts"

    def set_state(self, state: AgendaState) -> None:
        texts, owners = [], []
        numbers = {d.id: i + 1 for i, d in enumerate(state.days)}
        for c in state.conflicts:
            texts.append(f"Day {numbers.get(c.day_id, '?')}: {c.message}")
            owners.append(c.session_ids[0] if c.session_ids else "")
        self.model.setStringList(texts)
        self._sessions = owners
        n = len(texts)
        self.summary_label.setText(
            "No conflicts." if not n else f"{n} conflict{'s' if n != 1 else ''}:"
        )

    def choose(self, index: QModelIndex) -> None:
        """A conflict was clicked or activated: ask for its session to be selected."""
        if 0 <= index.row() < len(self._sessions):
            self.session_chosen.emit(self._sessions[index.row()])
