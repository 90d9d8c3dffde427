"""The Capture area: live notes per session and team, summaries, worksheets and search.

Built for a rapporteur typing while people talk: one input, Enter saves, kinds by shortcut or
prefix, the list below edits in place. Unsent text is written to the file as a draft within
a second, so a crash loses at most the last second of typing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.capture import ACTION_STATUSES, label_of, parse_prefix
from facilitator.edits import capture as edits
from facilitator.store import notes as store
from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.dialogs import ConflictDialog, KindsDialog, PromptEditorDialog
from facilitator.ui.capture.models import NoteListModel, WorksheetModel, local_time
from facilitator.ui.capture.search_panel import SearchPanel
from facilitator.ui.capture.widgets import (
    KindDelegate,
    NoteInput,
    PersonDelegate,
    StatusDelegate,
    person_completer,
)

DRAFT_ID = "capture.input"
DRAFT_DELAY_MS = 300  # the draft is on disk at most this long after the first unsaved key
SUMMARY_DELAY_MS = 400
NOTES_TAB, WORKSHEET_TAB, SEARCH_TAB = range(3)


class CaptureArea(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.kinds = self.ws.notes.kinds()
        self.kind = self.kinds[0].key
        self._follow_live = True
        self._loading = False
        self._people: dict[str, str] = {}
        self._build()
        self._load_people()
        self._fill_sessions()
        self._apply_kind_shortcuts()
        self._restore_draft()
        self.ws.hub.changed.connect(self._on_changed)
        self._update_conflicts()
        if self.ctx.read_only:
            self._set_read_only()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("session_combo")
        self.session_combo.setMinimumWidth(320)
        self.team_combo = QComboBox()
        self.team_combo.setObjectName("team_combo")
        self.prompt_combo = QComboBox()
        self.prompt_combo.setObjectName("prompt_combo")
        self.prompt_combo.setMinimumWidth(180)
        self.live_label = QLabel()
        self.live_label.setObjectName("live_label")
        for label, widget in (
            ("&Session", self.session_combo),
            ("T&eam", self.team_combo),
            ("&Prompt", self.prompt_combo),
        ):
            lab = QLabel(label)
            lab.setBuddy(widget)
            bar.addWidget(lab)
            bar.addWidget(widget)
        bar.addWidget(self.live_label)
        bar.addStretch(1)
        self.conflict_button = QPushButton()
        self.conflict_button.setObjectName("conflict_button")
        self.conflict_button.setStyleSheet("background: #FFE9B3;")
        self.conflict_button.clicked.connect(self.show_conflicts)
        bar.addWidget(self.conflict_button)
        self.kinds_button = QPushButton("Kinds…")
        self.kinds_button.setToolTip("Labels, typing prefixes and shortcuts of note kinds")
        self.kinds_button.clicked.connect(self.edit_kinds)
        bar.addWidget(self.kinds_button)
        outer.addLayout(bar)

        self.draft_banner = QWidget()
        self.draft_banner.setObjectName("draft_banner")
        self.draft_banner.setStyleSheet("#draft_banner { background: #E3F2FD; }")
        banner = QHBoxLayout(self.draft_banner)
        self.draft_label = QLabel()
        banner.addWidget(self.draft_label, 1)
        self.discard_button = QPushButton("Discard recovered text")
        self.discard_button.clicked.connect(self.discard_draft)
        banner.addWidget(self.discard_button)
        self.draft_banner.hide()
        outer.addWidget(self.draft_banner)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("capture_tabs")
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_notes_tab(), "&Notes")
        self.tabs.addTab(self._build_worksheet_tab(), "&Worksheet")
        self.search = SearchPanel(self.ws, self.kinds)
        self.search.open_hit.connect(self._open_hit)
        self.tabs.addTab(self.search, "Searc&h")
        self.tabs.currentChanged.connect(self._tab_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        self.session_combo.currentIndexChanged.connect(self._session_chosen)
        self.team_combo.currentIndexChanged.connect(self._team_chosen)
        self.prompt_combo.currentIndexChanged.connect(lambda _i: self._context_changed())

    def _build_notes_tab(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.setObjectName("notes_splitter")
        QVBoxLayout(page).addWidget(split)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        kind_row = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        kind_row.addWidget(QLabel("Kind"))
        kind_row.addWidget(self.kind_combo)
        self.prefix_hint = QLabel()
        self.prefix_hint.setObjectName("prefix_hint")
        kind_row.addWidget(self.prefix_hint, 1)
        col.addLayout(kind_row)

        self.input = NoteInput()
        self.input.setObjectName("note_input")
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 4 + 12)
        self.input.submitted.connect(self.submit)
        self.input.textChanged.connect(self._input_changed)
        col.addWidget(self.input)

        extra = QHBoxLayout()
        self.said_by_edit = QLineEdit()
        self.said_by_edit.setObjectName("said_by_edit")
        self.said_by_edit.setPlaceholderText(
            "Said by: a name from the roster, or e.g. “a civil-society participant from Thailand”"
        )
        self.said_by_edit.returnPressed.connect(self.input.setFocus)
        extra.addWidget(self.said_by_edit, 3)
        self.star_check = QCheckBox("&Star")
        self.star_check.setObjectName("star_check")
        extra.addWidget(self.star_check)
        col.addLayout(extra)

        self.action_row = QWidget()
        self.action_row.setObjectName("action_row")
        action = QHBoxLayout(self.action_row)
        action.setContentsMargins(0, 0, 0, 0)
        self.owner_edit = QLineEdit()
        self.owner_edit.setObjectName("owner_edit")
        self.owner_edit.setPlaceholderText("Owner (who will do it)")
        self.due_edit = QDateEdit()
        self.due_edit.setObjectName("due_edit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate.currentDate().addDays(14))
        self.due_check = QCheckBox("Due")
        self.due_check.setObjectName("due_check")
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.due_edit.setEnabled(False)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItems(list(ACTION_STATUSES))
        for w in (self.owner_edit, self.due_check, self.due_edit, self.status_combo):
            action.addWidget(w)
        col.addWidget(self.action_row)
        self.action_row.hide()

        self.hint_label = QLabel(
            "Enter saves · Shift+Enter new line · Alt+1…8 or a prefix like “r:” sets the kind · "
            "in the list: F2 edits, Space stars, Alt+↑/↓ moves, Delete removes"
        )
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555;")
        col.addWidget(self.hint_label)

        self.model = NoteListModel(self.ws, self.ctx.push, self.kinds, self._person_id, self)
        self.view = QTableView()
        self.view.setObjectName("note_list")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(NoteListModel.KIND, KindDelegate(self.kinds, self))
        self.view.setItemDelegateForColumn(NoteListModel.STATUS, StatusDelegate(self))
        self.person_delegate = PersonDelegate([], self)
        self.view.setItemDelegateForColumn(NoteListModel.SAID_BY, self.person_delegate)
        header = self.view.horizontalHeader()
        for c, w in enumerate((28, 46, 104, 380, 130, 110, 100, 84, 80)):
            self.view.setColumnWidth(c, w)
        header.setSectionResizeMode(NoteListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Rows fit their text, measured only for rows that change: sizing every row on each
        # insert (ResizeToContents) costs a full pass over the list per note.
        self.model.modelReset.connect(self.view.resizeRowsToContents)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.dataChanged.connect(self._rows_changed)
        self.model.modelReset.connect(self._fit_columns)
        header.sectionResized.connect(
            lambda col, _old, _new: col == NoteListModel.TEXT and self.view.resizeRowsToContents()
        )
        col.addWidget(self.view, 1)
        self._list_shortcut("Delete", self.delete_selected)
        self._list_shortcut("Alt+Up", lambda: self.move_selected(-1))
        self._list_shortcut("Alt+Down", lambda: self.move_selected(1))
        self._list_shortcut("Space", self.toggle_star)
        split.addWidget(left)

        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        rcol.addWidget(self.summary_label)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setPlaceholderText(
            "Synthesis of this session (or of the chosen team's output), for the report."
        )
        rcol.addWidget(self.summary_edit, 1)
        self.summary_conflict = QLabel(
            "Another copy changed this summary differently: see Resolve conflicts."
        )
        self.summary_conflict.setStyleSheet("background: #FFE9B3;")
        self.summary_conflict.hide()
        rcol.addWidget(self.summary_conflict)
        self.summary_timer = QTimer(self)
        self.summary_timer.setSingleShot(True)
        self.summary_timer.setInterval(SUMMARY_DELAY_MS)
        self.summary_timer.timeout.connect(self.save_summary)
        self.summary_edit.textChanged.connect(self._summary_typed)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 380])

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        return page

    def _list_shortcut(self, keys: str, slot: Any) -> None:
        shortcut = QShortcut(QKeySequence(keys), self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    def _build_worksheet_tab(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        row = QHBoxLayout()
        self.exercise_combo = QComboBox()
        self.exercise_combo.setObjectName("exercise_combo")
        self.exercise_combo.currentIndexChanged.connect(self._exercise_chosen)
        row.addWidget(QLabel("Exercise"))
        row.addWidget(self.exercise_combo, 1)
        self.prompts_button = QPushButton("Edit &prompts…")
        self.prompts_button.setObjectName("prompts_button")
        self.prompts_button.clicked.connect(self.edit_prompts)
        row.addWidget(self.prompts_button)
        col.addLayout(row)
        col.addWidget(
            QLabel(
                "Every team's answers side by side. Double-click or Enter on a cell to answer "
                "that prompt for that team."
            )
        )
        self.worksheet_model = WorksheetModel(self.ws, self)
        self.worksheet_view = QTableView()
        self.worksheet_view.setObjectName("worksheet_view")
        self.worksheet_view.setModel(self.worksheet_model)
        self.worksheet_view.setWordWrap(True)
        self.worksheet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.worksheet_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.worksheet_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.worksheet_view.verticalHeader().setMaximumWidth(220)
        self.worksheet_view.activated.connect(self._worksheet_cell)
        self.worksheet_model.modelReset.connect(self.worksheet_view.resizeRowsToContents)
        col.addWidget(self.worksheet_view, 1)
        return page

    # -- people ----------------------------------------------------------------------------
    def _load_people(self) -> None:
        people = self.ws.notes.people()
        counts: dict[str, int] = {}
        for p in people:
            counts[p["name"].casefold()] = counts.get(p["name"].casefold(), 0) + 1
        self._people = {}
        names = []
        for p in people:
            where = ", ".join(x for x in (p["country"], p["organisation"]) if x)
            shown = f"{p['name']} ({where})" if where else p["name"]
            names.append(shown)
            self._people[shown.casefold()] = p["id"]
            if counts[p["name"].casefold()] == 1:
                self._people[p["name"].casefold()] = p["id"]
        self.said_by_edit.setCompleter(person_completer(names, self.said_by_edit))
        self.person_delegate.names = names

    def _person_id(self, text: str) -> str | None:
        return self._people.get(text.strip().casefold())

    # -- sessions, teams, prompts ----------------------------------------------------------
    def _fill_sessions(self, keep: str | None = None) -> None:
        self._loading = True
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        live = self._live_session_id()
        for s in self.ws.notes.sessions():
            start = f"{s['planned_start']} " if s.get("planned_start") else ""
            mark = "  ● live" if s["id"] == live else ""
            self.session_combo.addItem(
                f"{s['day_title'] or s['day_date']} · {start}{s['title']}{mark}", s["id"]
            )
        target = keep if keep and not self._follow_live else None
        if target is None:
            target = self.ws.notes.default_session_id(live)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(target), 0))
        self.session_combo.blockSignals(False)
        self._loading = False
        self._session_chosen(-1, manual=False)
        self._fill_exercises()

    def _live_session_id(self) -> str | None:
        live = self.ctx.bus.live_session_id
        if live:
            return live
        return self.ws.agenda.running_session_id()

    @property
    def session_id(self) -> str | None:
        return self.session_combo.currentData()

    @property
    def team_id(self) -> str | None:
        return self.team_combo.currentData()

    @property
    def prompt_id(self) -> str | None:
        return self.prompt_combo.currentData()

    def _session_chosen(self, _index: int, manual: bool = True) -> None:
        if self._loading:
            return
        if manual:
            self._follow_live = self.session_id == self._live_session_id()
        live = self._live_session_id()
        self.live_label.setText("● live" if self.session_id and self.session_id == live else "")
        keep_team = self.team_id
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        self.team_combo.addItem("— whole session —", None)
        for t in self.ws.notes.teams_for_session(self.session_id):
            self.team_combo.addItem(t["name"], t["id"])
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(keep_team), 0))
        self.team_combo.blockSignals(False)
        self._fill_prompts()
        self._team_chosen(-1)

    def _fill_prompts(self) -> None:
        keep = self.prompt_id
        self.prompt_combo.blockSignals(True)
        self.prompt_combo.clear()
        self.prompt_combo.addItem("— no prompt —", None)
        exercise = self.ws.notes.exercise_for_session(self.session_id)
        for p in self.ws.notes.prompts(exercise["id"] if exercise else None):
            self.prompt_combo.addItem(p["text"], p["id"])
        self.prompt_combo.setCurrentIndex(max(self.prompt_combo.findData(keep), 0))
        self.prompt_combo.setEnabled(self.prompt_combo.count() > 1)
        self.prompt_combo.blockSignals(False)

    def _team_chosen(self, _index: int) -> None:
        self.model.set_filter(self.session_id, self.team_id)
        self._load_summary()
        self._context_changed()
        if self.model.rowCount():
            self.view.scrollToBottom()

    def _context_changed(self) -> None:
        if self.input.toPlainText():
            self._schedule_draft()

    def _fill_exercises(self) -> None:
        keep = self.exercise_combo.currentData()
        self.exercise_combo.blockSignals(True)
        self.exercise_combo.clear()
        for e in self.ws.notes.exercises():
            self.exercise_combo.addItem(e["title"] or "Untitled exercise", e["id"])
        if keep is None:
            current = self.ws.notes.exercise_for_session(self.session_id)
            keep = current["id"] if current else None
        self.exercise_combo.setCurrentIndex(max(self.exercise_combo.findData(keep), 0))
        self.exercise_combo.blockSignals(False)
        self.worksheet_model.set_exercise(self.exercise_combo.currentData())

    def _exercise_chosen(self, _index: int) -> None:
        self.worksheet_model.set_exercise(self.exercise_combo.currentData())

    # -- kinds -----------------------------------------------------------------------------
    def _apply_kind_shortcuts(self) -> None:
        for sc in getattr(self, "_kind_shortcuts", []):
            sc.setParent(None)
            sc.deleteLater()
        self._kind_shortcuts: list[QShortcut] = []
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for k in self.kinds:
            text = f"{k.label}  ({k.shortcut}{' · ' + k.prefix + ':' if k.prefix else ''})"
            self.kind_combo.addItem(text, k.key)
            if k.shortcut:
                sc = QShortcut(QKeySequence(k.shortcut), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(lambda key=k.key: self.set_kind(key))
                self._kind_shortcuts.append(sc)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(self.kind), 0))
        self.kind_combo.blockSignals(False)

    def set_kind(self, key: str) -> None:
        self.kind = key
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(key), 0))
        self._update_kind_ui()

    def _kind_chosen(self, _index: int) -> None:
        if self.kind_combo.currentData():
            self.kind = self.kind_combo.currentData()
        self._update_kind_ui()

    def _effective_kind(self) -> str:
        prefixed, _rest = parse_prefix(self.input.toPlainText(), self.kinds)
        return prefixed or self.kind

    def _update_kind_ui(self) -> None:
        kind = self._effective_kind()
        prefixed = kind != self.kind
        self.prefix_hint.setText(f"→ {label_of(kind, self.kinds)} (prefix)" if prefixed else "")
        self.action_row.setVisible(kind == "action_item")

    def edit_kinds(self) -> None:
        dialog = KindsDialog(self.kinds, self)
        if dialog.exec() and not self.ctx.read_only:
            try:
                self.ws.notes.set_kinds(dialog.result_kinds)
            except WorkshopError as exc:
                self.ctx.error(exc)
                return
            self._reload_kinds()

    def _reload_kinds(self) -> None:
        self.kinds = self.ws.notes.kinds()
        self.model.set_kinds(self.kinds)
        self.search.set_kinds(self.kinds)
        delegate = self.view.itemDelegateForColumn(NoteListModel.KIND)
        if isinstance(delegate, KindDelegate):
            delegate.kinds = self.kinds
        self._apply_kind_shortcuts()

    # -- typing and saving -----------------------------------------------------------------
    def _input_changed(self) -> None:
        self._update_kind_ui()
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        # Not restarted on each key: a steady typist still gets a save every DRAFT_DELAY_MS.
        if not self.draft_timer.isActive() and not self.ctx.read_only:
            self.draft_timer.start()

    def draft_context(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "team_id": self.team_id,
            "prompt_id": self.prompt_id,
            "kind": self.kind,
            "said_by": self.said_by_edit.text(),
        }

    def save_draft(self) -> None:
        self.draft_timer.stop()
        if self.ctx.read_only or not self.ws.is_open:
            return
        try:
            self.ws.notes.save_draft(DRAFT_ID, self.input.toPlainText(), self.draft_context())
        except WorkshopError as exc:
            self.ctx.status(f"Unsent text could not be kept: {exc.message}")

    def _restore_draft(self) -> None:
        draft = self.ws.notes.load_draft(DRAFT_ID)
        if draft is None:
            return
        context = draft["context"]
        if context.get("session_id") and self.session_combo.findData(context["session_id"]) >= 0:
            self._follow_live = False
            self.session_combo.setCurrentIndex(self.session_combo.findData(context["session_id"]))
            self.team_combo.setCurrentIndex(
                max(self.team_combo.findData(context.get("team_id")), 0)
            )
            self.prompt_combo.setCurrentIndex(
                max(self.prompt_combo.findData(context.get("prompt_id")), 0)
            )
        if context.get("kind"):
            self.set_kind(context["kind"])
        self.said_by_edit.setText(context.get("said_by", ""))
        self.input.setPlainText(draft["text"])
        self.draft_timer.stop()  # it is on disk already
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)
        self.draft_label.setText(
            f"Recovered unsent text typed at {local_time(draft['updated'], True)}; "
            "it is back in the box below. Press Enter to save it as a note."
        )
        self.draft_banner.show()

    def discard_draft(self) -> None:
        self.input.clear()
        self.draft_banner.hide()
        self.save_draft()

    def submit(self) -> str | None:
        """Save the typed note (Enter); returns its id."""
        if self.ctx.read_only:
            self.ctx.status("This workshop is open read-only; notes cannot be added.")
            return None
        raw = self.input.toPlainText()
        prefixed, text = parse_prefix(raw, self.kinds)
        text = text.strip()
        if not text:
            return None
        if not self.session_id:
            self.ctx.status("Add a session in the Agenda first: every note belongs to a session.")
            return None
        kind = prefixed or self.kind
        said_by = self.said_by_edit.text().strip()
        person = self._person_id(said_by)
        values: dict[str, Any] = {
            "session_id": self.session_id,
            "team_id": self.team_id,
            "prompt_id": self.prompt_id,
            "kind": kind,
            "text": text,
            "attribution_person_id": person,
            "attribution_text": "" if person else said_by,
            "starred": int(self.star_check.isChecked()),
            "position": self.ws.notes.next_position(self.session_id),
        }
        if kind == "action_item":
            values["action_owner"] = self.owner_edit.text().strip()
            values["action_due"] = (
                self.due_edit.date().toString("yyyy-MM-dd") if self.due_check.isChecked() else None
            )
            values["action_status"] = self.status_combo.currentText()
        command = edits.AddNote(self.ws, store.new_note_row(**values), DRAFT_ID)
        if not self.ctx.push(command):
            return None  # the text stays in the box and in the draft
        self.draft_timer.stop()
        self.input.blockSignals(True)
        self.input.clear()
        self.input.blockSignals(False)
        self._update_kind_ui()
        self.said_by_edit.clear()
        self.star_check.setChecked(False)
        self.owner_edit.clear()
        self.due_check.setChecked(False)
        self.draft_banner.hide()
        self.ctx.status(f"Saved {label_of(kind, self.kinds).lower()}.")
        return command.note_id

    # -- list editing ----------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.rows[r]["id"] for r in rows if r < len(self.model.rows)]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and not self.ctx.read_only:
            first = self.view.currentIndex().row()
            if self.ctx.push(edits.delete_notes(self.ws, ids)) and self.model.rowCount():
                self.select_row(min(first, self.model.rowCount() - 1))

    def move_selected(self, delta: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.ctx.read_only:
            return
        edit = edits.move_note(self.ws, self.model.ids(), ids[0], delta)
        if edit is not None and self.ctx.push(edit):
            self.select_note(ids[0])

    def toggle_star(self) -> None:
        for note_id in self.selected_ids():
            row = self.model.rows[self.model.row_of(note_id)]
            self.ctx.push(
                edits.edit_note(self.ws, note_id, {"starred": 0 if row["starred"] else 1})
            )

    def select_row(self, row: int) -> None:
        index = self.model.index(row, NoteListModel.TEXT)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def select_note(self, note_id: str) -> bool:
        row = self.model.row_of(note_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    def _fit_columns(self, *_args: Any) -> None:
        """Show action and team columns only when the list has something to put in them."""
        actions = any(r["kind"] == "action_item" for r in self.model.rows)
        for c in (NoteListModel.OWNER, NoteListModel.DUE, NoteListModel.STATUS):
            self.view.setColumnHidden(c, not actions)
        where = any(r.get("team_name") or r.get("prompt_text") for r in self.model.rows)
        self.view.setColumnHidden(NoteListModel.WHERE, not where)

    def _rows_inserted(self, _parent: Any, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.view.resizeRowToContents(row)
        self._fit_columns()
        self.view.scrollTo(self.model.index(last, 0))

    def _rows_changed(self, top: Any, bottom: Any, *_roles: Any) -> None:
        if bottom.row() - top.row() < 50:
            for row in range(top.row(), bottom.row() + 1):
                self.view.resizeRowToContents(row)
        self._fit_columns()

    # -- summaries -------------------------------------------------------------------------
    def _load_summary(self) -> None:
        if self.summary_timer.isActive():
            self.save_summary()  # typed text belongs to the summary shown until now
        row = self.ws.notes.summary(self.session_id, self.team_id)
        team = self.team_combo.currentText() if self.team_id else ""
        session = self.session_combo.currentText().split(" · ", 1)[-1]
        self.summary_label.setText(
            f"<b>Summary of {team}'s output</b> in {session}"
            if team
            else f"<b>Summary of the session</b> {session}"
        )
        text = row["text"] if row else ""
        if self.summary_edit.toPlainText() != text:
            self.summary_edit.blockSignals(True)
            self.summary_edit.setPlainText(text)
            self.summary_edit.blockSignals(False)
        conflict = row is not None and self.ws.notes.summary_has_conflict(row["id"])
        self.summary_conflict.setVisible(conflict)
        self._summary_target = (self.session_id, self.team_id)

    def _summary_typed(self) -> None:
        if not self.summary_timer.isActive():
            self.summary_timer.start()

    def save_summary(self) -> None:
        self.summary_timer.stop()
        if self.ctx.read_only or not self.ws.is_open:
            return
        session_id, team_id = getattr(self, "_summary_target", (None, None))
        if not session_id:
            return
        text = self.summary_edit.toPlainText()
        row = self.ws.notes.summary(session_id, team_id)
        if (row["text"] if row else "") == text:
            return
        self.ctx.push(edits.SaveSummary(self.ws, session_id, team_id, text))

    # -- worksheet -------------------------------------------------------------------------
    def edit_prompts(self) -> None:
        exercise_id = self.exercise_combo.currentData()
        session_id = None
        if exercise_id is None:
            session_id = self.session_id
        dialog = PromptEditorDialog(self.ctx, exercise_id, session_id, self)
        dialog.exec()

    def _worksheet_cell(self, index: Any) -> None:
        if not index.isValid():
            return
        prompt_id, team_id = index.data(WorksheetModel.CellRole)
        exercise = self.ws.rows.get(Table.EXERCISES, self.worksheet_model.exercise_id or "")
        team = self.ws.rows.get(Table.TEAMS, team_id) or {}
        rnd = self.ws.rows.get(Table.ROUNDS, team.get("round_id") or "") or {}
        session_id = rnd.get("session_id") or (exercise or {}).get("session_id")
        self.open_context(session_id, team_id, prompt_id)

    def open_context(
        self, session_id: str | None, team_id: str | None, prompt_id: str | None = None
    ) -> None:
        """Show the notes tab for a session/team/prompt and put the cursor in the input."""
        if session_id and self.session_combo.findData(session_id) >= 0:
            self._follow_live = False
            self.session_combo.setCurrentIndex(self.session_combo.findData(session_id))
        if team_id and self.team_combo.findData(team_id) < 0:
            self._add_team_choice(team_id)
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))
        self.prompt_combo.setCurrentIndex(max(self.prompt_combo.findData(prompt_id), 0))
        self.tabs.setCurrentIndex(NOTES_TAB)
        self.input.setFocus()

    def _add_team_choice(self, team_id: str) -> None:
        team = self.ws.rows.get(Table.TEAMS, team_id)
        if team:
            self.team_combo.addItem(team["name"], team_id)

    # -- navigation ------------------------------------------------------------------------
    def handle_request(self, request: dict[str, Any]) -> None:
        """Open a note ({"note_id"}), summary ({"summary_id"}) or session ({"session_id"})."""
        if request.get("note_id"):
            note = self.ws.rows.get(Table.NOTES, request["note_id"])
            if note is None:
                self.ctx.status("That note no longer exists (deleted or merged away).")
                return
            self.open_context(note["session_id"], note["team_id"], self.prompt_id)
            if not self.select_note(note["id"]):
                self.team_combo.setCurrentIndex(0)
                self.select_note(note["id"])
            self.view.setFocus()
        elif request.get("summary_id"):
            summary = self.ws.rows.get(Table.SUMMARIES, request["summary_id"])
            if summary is None:
                return
            self.open_context(summary["session_id"], summary["team_id"])
            self.summary_edit.setFocus()
        elif request.get("session_id"):
            self.open_context(request["session_id"], request.get("team_id"))

    def _open_hit(self, table: Table, row_id: str) -> None:
        key = "note_id" if table == Table.NOTES else "summary_id"
        self.handle_request({key: row_id})

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(SEARCH_TAB)
        self.search.query_edit.setFocus()
        self.search.query_edit.selectAll()

    def _tab_changed(self, index: int) -> None:
        if index == SEARCH_TAB:
            self.search.fill_filters()
            self.search.run()

    # -- conflicts -------------------------------------------------------------------------
    def _update_conflicts(self) -> None:
        n = self.ws.notes.conflict_count()
        self.conflict_button.setText(f"⚠ {n} merge conflict{'s' if n != 1 else ''}: resolve…")
        self.conflict_button.setVisible(n > 0)

    def show_conflicts(self) -> None:
        ConflictDialog(self.ctx, self).exec()

    # -- reacting to the file --------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self._on_reset()
            return
        if changes.touches(Table.SESSIONS, Table.DAYS):
            self._fill_sessions(keep=self.session_id)
        elif changes.touches(Table.TEAMS, Table.ROUNDS, Table.TEAM_SETS):
            self._session_chosen(-1, manual=False)
        if changes.touches(Table.EXERCISES, Table.EXERCISE_PROMPTS):
            self._fill_prompts()
            self._fill_exercises()
        if changes.touches(Table.PEOPLE):
            self._load_people()
        if changes.touches(Table.SUMMARIES):
            if not self.summary_edit.hasFocus() or not self.summary_timer.isActive():
                self._load_summary()
        if changes.touches(Table.SUMMARIES, Table.NOTES):
            self._update_conflicts()
        if changes.touches(Table.SETTINGS):
            kinds = self.ws.notes.kinds()
            if kinds != self.kinds:
                self._reload_kinds()

    def _on_reset(self) -> None:
        self._load_people()
        self._reload_kinds()
        self._fill_sessions(keep=self.session_id)
        self._update_conflicts()

    def _set_read_only(self) -> None:
        for w in (
            self.input,
            self.said_by_edit,
            self.star_check,
            self.action_row,
            self.kinds_button,
            self.prompts_button,
        ):
            w.setEnabled(False)
        self.summary_edit.setReadOnly(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.input.setPlaceholderText("Read-only: notes cannot be added to this file.")

    def flush(self) -> None:
        """Write pending draft and summary text now (leaving the area, closing the file)."""
        if self.draft_timer.isActive():
            self.save_draft()
        if self.summary_timer.isActive():
            self.save_summary()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.flush()
        super().hideEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.tabs.currentIndex() == NOTES_TAB and not self.ctx.read_only:
            self.input.setFocus()
