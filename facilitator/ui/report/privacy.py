"""The Privacy check: every possible name the anonymous outputs print, decided before export.

The hits come from a scan in a :class:`~facilitator.ui.jobs.Job` (``privacy_model.py``) that
runs again, a moment after the last change, when notes, summaries, people or the report's
texts change, and only while the Report area is on screen. Each decision is one undoable
edit of the workshop's ``privacy`` setting (``facilitator/edits/privacy.py``) and shows at
once without a new scan; undo and redo come back as Changes and show the same way.

Keys on the list: arrows move, W withhold, K keep, N not a name, Del undecide (with Shift:
every mention of the hit's person or organisation), F2 types what is printed instead, Enter
opens the text the hit is in.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from facilitator.domain.privacy import REPLACEMENT_STYLES, Choice
from facilitator.edits.privacy import decide, set_privacy_options
from facilitator.exports import ExportError
from facilitator.store.changes import Changes
from facilitator.store.privacy import SETTING_KEY as PRIVACY_KEY
from facilitator.store.report import SETTING_KEY as REPORT_KEY
from facilitator.store.tables import Table
from facilitator.ui.areas import AREAS, AreaContext
from facilitator.ui.forms.ui_report_privacy import Ui_ReportPrivacy
from facilitator.ui.jobs import Job
from facilitator.ui.report.privacy_model import (
    DECISION,
    FOUND,
    KEY_ROLE,
    PRINTED,
    WHERE,
    Group,
    HitRow,
    HitsFilter,
    HitsModel,
    PrivacyScan,
    SnippetDelegate,
    place,
    scan_workshop,
)
from facilitator.ui.venue.charts import ensure_fonts

RESCAN_PAUSE_MS = 400
# The area that edits exercises and teams (its key is also a table's name).
TEAMS_AREA = next(a.key for a in AREAS if a.target.startswith("facilitator.ui.teams."))
# Tables whose texts (or the roster) the outputs print through the guard: a change scans again.
SCANNED = (
    Table.WORKSHOP,
    Table.DAYS,
    Table.SESSIONS,
    Table.PEOPLE,
    Table.EXERCISES,
    Table.EXERCISE_PROMPTS,
    Table.TEAM_SETS,
    Table.ROUNDS,
    Table.TEAMS,
    Table.NOTES,
    Table.SUMMARIES,
    Table.VENUE_POLLS,
    Table.VENUE_POLL_OPTIONS,
    Table.VENUE_EVALUATIONS,
    Table.VENUE_EVAL_QUESTIONS,
    Table.VENUE_EVAL_ANSWERS,
)
KEYS = (
    (Choice.WITHHOLD, "W", "Withhold"),
    (Choice.KEEP, "K", "Keep"),
    (Choice.NOT_A_NAME, "N", "Not a name"),
    (None, "Del", "Undecide"),
)
STYLE_LABELS = {
    "withheld": "[name withheld]",
    "country": "role and country (a participant from Thailand)",
    "sector": "role and sector (a representative of a civil-society organisation)",
}


class PrivacyPanel(QWidget):
    counted = Signal(int, int)  # hits, undecided: after every scan and decision
    text_requested = Signal(str)  # a report text to edit: "executive_summary"…

    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.ui = Ui_ReportPrivacy()
        self.ui.setupUi(self)
        self.model = HitsModel(self)
        self.proxy = HitsFilter(self)
        self.proxy.setSourceModel(self.model)
        ensure_fonts()  # names in Thai and Khmer show on any system
        view = self.ui.hits_view
        view.setModel(self.proxy)
        view.setItemDelegateForColumn(FOUND, SnippetDelegate(view))
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FOUND, QHeaderView.ResizeMode.Stretch)
        for column, width in ((WHERE, 180), (DECISION, 160), (PRINTED, 160)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.scan: PrivacyScan | None = None
        self.job: Job | None = None
        self.active_widget: QWidget = self  # scans run while this is on screen
        self._stale = True
        self._again = False
        self._first_undecided = False  # show_undecided() asked before the hits were in
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESCAN_PAUSE_MS)
        self._timer.timeout.connect(self.scan_now)

        self.actions_by_key: dict[str, QAction] = {}
        for choice, key, text in KEYS:
            for every in (False, True):
                sequence = f"Shift+{key}" if every else key
                label = f"{text} every mention" if every else text
                action = QAction(f"{label}\t{sequence}", view)
                keys = [QKeySequence(sequence)]
                if key == "Del":
                    keys.append(QKeySequence("Shift+Backspace" if every else "Backspace"))
                action.setShortcuts(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(partial(self.decide, choice, every))
                view.addAction(action)
                self.actions_by_key[sequence] = action
        edit = QAction("Change what is printed\tF2", view)
        edit.setShortcut(QKeySequence("F2"))
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_replacement)
        view.addAction(edit)
        self.actions_by_key["F2"] = edit
        show = QAction("Show where it is\tEnter", view)
        show.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        show.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        show.triggered.connect(self.show_source)
        view.addAction(show)
        self.actions_by_key["Enter"] = show

        u = self.ui
        u.withhold_button.clicked.connect(lambda: self.decide(Choice.WITHHOLD))
        u.keep_button.clicked.connect(lambda: self.decide(Choice.KEEP))
        u.not_name_button.clicked.connect(lambda: self.decide(Choice.NOT_A_NAME))
        u.clear_button.clicked.connect(lambda: self.decide(None))
        u.show_button.clicked.connect(self.show_source)
        u.filter_edit.textChanged.connect(lambda text: self._filter(text=text))
        u.undecided_check.toggled.connect(lambda on: self._filter(undecided_only=on))
        for key in REPLACEMENT_STYLES:
            u.replacement_combo.addItem(STYLE_LABELS.get(key, key), key)
        u.replacement_combo.currentIndexChanged.connect(self._style_chosen)
        u.organisations_check.toggled.connect(self._organisations_toggled)
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.replacement_edited.connect(self._replacement_typed)
        self.ws.hub.changed.connect(self._on_changed)
        self._load_options()
        self._update_buttons()
        u.scan_progress.hide()

    # -- scanning ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Scan again shortly (now if on screen; else when it next is)."""
        self._stale = True
        if self.active_widget.isVisible():
            self._timer.start()

    def wake(self) -> None:
        """The panel (or the area holding it) came on screen: scan if anything changed."""
        if self._stale and not self._timer.isActive():
            self._timer.start(0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.wake()

    def busy(self) -> bool:
        return self.job is not None

    def idle(self) -> bool:
        """Nothing to scan and nothing scanning: the list shows the workshop as it is."""
        return not (self.busy() or self._stale or self._timer.isActive())

    def scan_now(self) -> None:
        if self.job is not None:
            self._again = True  # after the one running, with what changed since
            return
        if not self.ws.is_open:
            return
        self._stale = False
        work = partial(scan_workshop, self.ws.path)
        label = "Checking the texts for names…"
        job = Job(self, label, work, expected=(ExportError,), dialog=False)
        job.done.connect(self._scanned)
        job.failed.connect(self._scan_failed)
        job.cancelled.connect(self._end_scan)
        self.job = job
        self.ui.scan_progress.show()
        if self.scan is None:
            self.ui.summary_label.setText("Checking the texts for names…")
        job.start()

    def stop(self) -> None:
        """Stop a running scan and wait for it (the area is closing)."""
        self._timer.stop()
        self._again = False
        if self.job is not None:
            self.job.blockSignals(True)
            self.job.wait()
            self._end_scan()

    def _end_scan(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.ui.scan_progress.hide()
        if self._again:
            self._again = False
            self.refresh()

    def _scanned(self, scan: PrivacyScan) -> None:
        view = self.ui.hits_view
        current = self._key(view.currentIndex())
        selected = [self._key(i) for i in view.selectionModel().selectedRows()]
        collapsed = {
            g.key
            for gi, g in enumerate(self.model.groups)
            if not view.isExpanded(self.proxy.mapFromSource(self.model.index(gi, 0)))
        }
        self.scan = scan
        self.model.load(scan, self.ws.privacy.policy())
        view.expandAll()
        for key in collapsed:
            view.collapse(self.proxy.mapFromSource(self.model.index_of(key)))
        self._select(current, selected)
        if self._first_undecided or not view.currentIndex().isValid():
            self._first_undecided = False
            self._go_first()
        self._update_summary()
        self._update_buttons()
        self._end_scan()

    def _scan_failed(self, exc: Exception) -> None:
        self.ui.summary_label.setText(str(exc))
        self._end_scan()
        self.ctx.error(exc)

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self._load_options()
            self.refresh()
            return
        settings = changes.ids(Table.SETTINGS)
        policy = settings is None or PRIVACY_KEY in settings
        texts = settings is None or REPORT_KEY in settings or changes.touches(*SCANNED)
        if policy:
            self._load_options()
        looked_for = self.scan.organisations_on if self.scan is not None else None
        if texts or (policy and looked_for != self.ws.privacy.policy().organisations):
            self.refresh()
        elif policy and not changes.made_by(self):
            self.apply_policy()

    def apply_policy(self) -> None:
        """Show the decisions as stored now (after an edit, an undo or a redo)."""
        self.model.apply(self.ws.privacy.policy())
        self._update_summary()
        self._update_buttons()

    def _update_summary(self) -> None:
        total, undecided = self.model.counts()
        scan = self.scan
        if scan is None:
            return
        where = "the anonymised report" + (" and the team lists" if scan.lists_private else "")
        if not total:
            text = f"No possible names in the texts of {where}."
        else:
            text = f"{total} possible name{'s' * (total != 1)} in the texts of {where}: "
            text += (
                f"{undecided} undecided. Undecided ones are withheld in the preview, and an "
                "export asks about them."
                if undecided
                else "every one decided."
            )
        if not scan.anonymous:
            text = (
                "The report is not anonymised now; these decisions apply when it is "
                "(and to anonymous exports). " + text
            )
        self.ui.summary_label.setText(text)
        self.counted.emit(total, undecided)

    # -- filtering and moving --------------------------------------------------------------------
    def _filter(self, **how: Any) -> None:
        view = self.ui.hits_view
        current = self._key(view.currentIndex())
        self.proxy.set_filter(**how)
        view.expandAll()
        self._select(current)

    def show_undecided(self) -> None:
        """Only the undecided hits, the first of them current, the list focused."""
        self.ui.filter_edit.clear()
        self.ui.undecided_check.setChecked(True)
        view = self.ui.hits_view
        view.setFocus()
        self._first_undecided = self.scan is None or self._stale or self.busy()
        self._go_first()

    def _go_first(self) -> None:
        hits = [i for i in self._visible_rows() if self._hit(i) is not None]
        if hits:
            self.ui.hits_view.setCurrentIndex(hits[0])

    def _key(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self.model.data(self.proxy.mapToSource(index.siblingAtColumn(0)), KEY_ROLE)

    def _hit(self, index: QModelIndex) -> HitRow | None:
        return self.model.row_at(self.proxy.mapToSource(index))

    def _visible_rows(self) -> list[QModelIndex]:
        """The rows the list shows, top to bottom (hits of collapsed groups left out)."""
        view = self.ui.hits_view
        out: list[QModelIndex] = []
        for gi in range(self.proxy.rowCount()):
            group = self.proxy.index(gi, 0)
            out.append(group)
            if view.isExpanded(group):
                out += [self.proxy.index(r, 0, group) for r in range(self.proxy.rowCount(group))]
        return out

    def _select(self, key: str | None, keys: list[str | None] | None = None) -> None:
        view = self.ui.hits_view
        if key is None:
            return
        index = self.proxy.mapFromSource(self.model.index_of(key))
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        selection = view.selectionModel()
        for other in keys or ():
            if other and other != key:
                found = self.proxy.mapFromSource(self.model.index_of(other))
                if found.isValid():
                    flag = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                    selection.select(found, flag)
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _selected_rows(self) -> list[QModelIndex]:
        view = self.ui.hits_view
        rows = view.selectionModel().selectedRows()
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().siblingAtColumn(0)]
        return rows

    def _next_key(self, rows: list[QModelIndex], groups: bool, decided: set[str]) -> str | None:
        """The row to go on with after deciding ``rows``: the next one of the same level (a
        person's row after a person's row, else a hit) that is not one just decided (every
        hit of a group in ``decided``) and that the list still shows; else the one before."""
        view = self.ui.hits_view
        chosen = {self._key(i) for i in rows}
        for key in decided:
            group = self.model.index_of(key)
            chosen |= {
                self.model.data(self.model.index(r, 0, group), KEY_ROLE)
                for r in range(self.model.rowCount(group))
            }
        ordered = sorted(rows, key=lambda i: view.visualRect(i).top())
        for step, start in ((view.indexBelow, ordered[-1]), (view.indexAbove, ordered[0])):
            index = step(start)
            while index.isValid():
                if self._fits(index, groups, chosen):
                    return self._key(index)
                index = step(index)
        return None

    def _fits(self, index: QModelIndex, groups: bool, chosen: set[str | None]) -> bool:
        is_group = not index.parent().isValid()
        if is_group != groups or self._key(index) in chosen:
            return False
        row = self._hit(index)
        return not (self.proxy.undecided_only and row is not None and not row.finding.unresolved)

    # -- deciding ----------------------------------------------------------------------------
    def decide(self, choice: Choice | None, every: bool = False) -> bool:
        """Decide the selected rows: a hit on its own, a person's row (or Shift) every mention."""
        if self.ctx.read_only:
            return False
        rows = self._selected_rows()
        if not rows:
            return False
        hits, people, orgs, forget = [], [], [], []
        done: set[str] = set()
        on_groups = all(not i.parent().isValid() for i in rows)  # people's rows selected
        for index in rows:
            source = self.proxy.mapToSource(index)
            group = self.model.group_at(source)
            if group is None and every:
                group = self.model.group_of(source)
            if group is None:
                continue
            if group.key in done:
                continue
            done.add(group.key)
            if group.person:
                people.append(group.person)
            elif group.organisation:
                orgs.append(group.organisation)
            if group.bulk:
                forget += [r.finding for r in group.rows]
            else:
                hits += [r.finding for r in group.rows]
        for index in rows:
            row = self._hit(index)
            if row is not None and self.model.groups[row.group].key not in done:
                hits.append(row.finding)
        target = self._next_key(rows, on_groups, done)
        try:
            edit = decide(
                self.ws, choice, hits=hits, people=people, organisations=orgs, forget=forget
            )
        except ValueError as exc:
            self.ctx.status(str(exc))
            return False
        view = self.ui.hits_view
        view.setFocus()  # a button was pressed: the keys go on working on the list
        if not self.ctx.push(edit, initiator=self):
            return False
        self.apply_policy()
        self._select(target)
        return True

    def edit_replacement(self) -> None:
        """Type what the current row prints instead (a hit, or every mention of a person)."""
        view = self.ui.hits_view
        index = view.currentIndex().siblingAtColumn(PRINTED)
        editable = index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        if editable and not self.ctx.read_only:
            view.setCurrentIndex(index)
            view.edit(index)

    def _replacement_typed(self, target: HitRow | Group, text: str) -> None:
        """F2 on "Printed as": withhold it (or every mention) with the words typed."""
        if self.ctx.read_only:
            return
        if isinstance(target, Group):
            edit = decide(
                self.ws,
                Choice.WITHHOLD,
                people=[target.person] if target.person else [],
                organisations=[target.organisation] if target.organisation else [],
                forget=[r.finding for r in target.rows],
                replacement=text,
            )
        else:
            edit = decide(self.ws, Choice.WITHHOLD, hits=[target.finding], replacement=text)
        if self.ctx.push(edit, initiator=self):
            QTimer.singleShot(0, self, self.apply_policy)  # after the editor has closed

    def _style_chosen(self, index: int) -> None:
        style = self.ui.replacement_combo.itemData(index)
        if style and style != self.ws.privacy.policy().replacement and not self.ctx.read_only:
            if self.ctx.push(set_privacy_options(self.ws, replacement=style), initiator=self):
                self.apply_policy()

    def _organisations_toggled(self, on: bool) -> None:
        if on != self.ws.privacy.policy().organisations and not self.ctx.read_only:
            if self.ctx.push(set_privacy_options(self.ws, organisations=on), initiator=self):
                self.refresh()  # the engine looks for other things: scan again

    def _load_options(self) -> None:
        policy = self.ws.privacy.policy()
        u = self.ui
        for w in (u.replacement_combo, u.organisations_check):
            w.blockSignals(True)
        style = u.replacement_combo.findData(policy.replacement)
        u.replacement_combo.setCurrentIndex(max(0, style))
        u.organisations_check.setChecked(policy.organisations)
        for w in (u.replacement_combo, u.organisations_check):
            w.blockSignals(False)
            w.setEnabled(not self.ctx.read_only)

    def _update_buttons(self) -> None:
        some = bool(self._selected_rows()) and not self.ctx.read_only
        u = self.ui
        for button in (u.withhold_button, u.keep_button, u.not_name_button, u.clear_button):
            button.setEnabled(some)
        u.show_button.setEnabled(self._hit(self.ui.hits_view.currentIndex()) is not None)

    # -- where a hit is --------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != PRINTED:
            self.show_source()

    def show_source(self) -> None:
        """Open the text the current hit is in, in the area where it is edited."""
        row = self._hit(self.ui.hits_view.currentIndex())
        if row is None:
            return
        src = row.finding.source
        rows = self.ws.rows
        if src.row == REPORT_KEY:
            self.text_requested.emit(src.field)
        elif rows.get(Table.NOTES, src.row):
            self.ctx.navigate("capture", {"note_id": src.row})
        elif src.field == "summary" and rows.get(Table.SESSIONS, src.row):
            self.ctx.navigate("capture", {"session_id": src.row})
        elif rows.get(Table.SESSIONS, src.row):
            self.ctx.navigate("agenda", {"session_id": src.row})
        elif team := rows.get(Table.TEAMS, src.row):
            round_row = rows.get(Table.ROUNDS, team["round_id"])
            where = {
                "team_set_id": round_row["team_set_id"] if round_row else None,
                "round_id": team["round_id"],
            }
            self.ctx.navigate(TEAMS_AREA, where)
        elif rows.get(Table.EXERCISES, src.row):
            self.ctx.navigate(TEAMS_AREA, {"exercise_id": src.row})
        elif rows.get(Table.WORKSHOP, src.row):
            self.ctx.navigate("overview", {})
        else:
            self.ctx.status(f"“{row.finding.hit.text}” is in {place(row.finding)}.")
