"""The round board: the teams of the shown round as coloured columns of person cards.

Each column sums up what its team holds of every attribute the teams are mixed by, the
parts out of balance in bold red, and updates as people are moved. Drag a card to another
column, or from the keyboard: ←/→ go to the next team's cards, Ctrl+←/→ carry the person
there, Ctrl+M picks the team by name. Fix a person in their team (Ctrl+L) or freeze a whole
team (its Freeze button, or F in a card's menu) so a new generation keeps them; type a
room, choose a rapporteur, or add a rule from a card's menu (right-click, the menu key or
Shift+F10). Every change is one undo step.

The board reloads its columns only when teams, members or people of its round changed
(see :meth:`RoundBoard.effect`), and rescores the round when something the score depends on
changed elsewhere (other rounds of the team set, criteria, constraints, attendance).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import teams as engine
from facilitator.edits import teams as edits
from facilitator.edits.base import DeleteRows, SetFields
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.shortcuts import declare_keys
from facilitator.ui.teams.cards import (
    FROZEN_TIP,
    MEMBER_ROLE,
    PERSON_ROLE,
    CardList,
    TeamColumn,
)
from facilitator.ui.teams.selection import Selection
from facilitator.ui.teams.summary import summarise_round

Index = QModelIndex | QPersistentModelIndex
# The keys a card list answers itself (the board's, handed to every column).
CARD_KEYS = (
    ("Left", "Go to the previous team's cards"),
    ("Right", "Go to the next team's cards"),
    ("Ctrl+Left", "Move the person to the previous team"),
    ("Ctrl+Right", "Move the person to the next team"),
    ("Shift+F10", "Open the card's menu (as the menu key does)"),
)
KEY_HINT = (
    "Keyboard: Tab to the cards, ↑/↓ a person, ←/→ another team. Ctrl+←/→ moves the person "
    "there, Ctrl+M to a team by name; Ctrl+L fixes them in their team; the menu key or "
    "Shift+F10 for more."
)


WIDGET_SIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, which PySide does not export


class Effect(Enum):
    """What a change means for the board."""

    NONE = "none"
    RESCORE = "rescore"  # the cards are right; their scores may not be
    RELOAD = "reload"  # the cards of the round changed


class RoundBoard(QWidget):
    """The team columns of one round, their scores, and every edit made on a card."""

    evaluated = Signal(object, str)  # engine.Evaluation | None, the round's engine key

    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.selection = Selection()
        self.columns: dict[str, TeamColumn] = {}
        self.evaluation: engine.Evaluation | None = None
        self._member_ids: set[str] = set()
        self._person_ids: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color:#555;font-size:14px;padding:30px;")
        self.host = QWidget()
        self.columns_layout = QHBoxLayout(self.host)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        # Columns take the width up to their maximum; the rest stays empty at the end.
        self.columns_layout.addStretch(0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.host)
        # The summaries take as many lines as the longest, so every team's cards start at
        # the same height; measured again once the columns have their width.
        self._aligning = QTimer(self)
        self._aligning.setSingleShot(True)
        self._aligning.setInterval(0)
        self._aligning.timeout.connect(self.align_summaries)
        self.host.installEventFilter(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)
        editing = not ctx.read_only
        self._follow: str | None = None  # the person whose card takes the focus on reload
        self.move_action = QAction("Move to team…", self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.triggered.connect(self.move_current_dialog)
        self.fix_action = QAction("Fix in team / unfix", self)
        self.fix_action.setShortcut(QKeySequence("Ctrl+L"))
        self.fix_action.setToolTip(
            "Fix the person in their team: they stay there when teams are generated again"
        )
        self.fix_action.triggered.connect(self.toggle_fixed_current)
        for action in self.card_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(editing)
            self.addAction(action)
        self.ws.hub.changed.connect(self._on_changed)

    def card_actions(self) -> list[QAction]:
        """The keyboard actions on the focused card (the area offers them too)."""
        return [self.move_action, self.fix_action]

    # -- following changes -----------------------------------------------------------------
    def show_selection(self, selection: Selection) -> None:
        self.selection = selection
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if any(changes.made_by(col) for col in self.columns.values()):
            return  # a room or rapporteur set in a column, which shows it already
        # The board's own moves, locks and constraints are not skipped: where a moved card
        # lands, which cards show a lock and what the scores become are decided by the
        # store and the engine, so the board shows the result by reading it back.
        effect = self.effect(changes)
        if effect is Effect.RELOAD:
            self.reload()
        elif effect is Effect.RESCORE:
            self.evaluate()

    def effect(self, changes: Changes) -> Effect:
        """Reload when teams, members or people of the shown round changed; rescore when
        what the round's score depends on changed elsewhere; else nothing."""
        round_id, team_set_id = self.selection.round_id, self.selection.team_set_id
        if changes.everything:
            return Effect.RELOAD
        if not round_id:
            return Effect.NONE
        teams = changes.ids(Table.TEAMS)
        members = changes.ids(Table.TEAM_MEMBERS)
        people = changes.ids(Table.PEOPLE)
        if teams is None or members is None or people is None:
            return Effect.RELOAD  # which rows is not known
        shown_teams = set(self.columns)
        if teams & shown_teams or members & self._member_ids or people & self._person_ids:
            return Effect.RELOAD
        other_teams, other_members = teams - shown_teams, members - self._member_ids
        places = [
            *self.ws.teams.team_places(other_teams),
            *self.ws.teams.member_places(other_members),
        ]
        if any(p["round_id"] == round_id for p in places):
            return Effect.RELOAD  # a team or member that has just come into the round
        # The score covers the whole team set (pairs met in other rounds) and depends on
        # who takes part and is present, the criteria and the constraints. Rows deleted
        # elsewhere can no longer say where they were, so they count as maybe in the set.
        deleted = (other_teams | other_members) - {p["id"] for p in places}
        if deleted or any(p["team_set_id"] == team_set_id for p in places):
            return Effect.RESCORE
        team_sets = changes.ids(Table.TEAM_SETS)
        if team_sets is None or team_set_id in team_sets:
            return Effect.RESCORE
        if changes.touches(Table.TEAM_CONSTRAINTS, Table.ROUNDS, Table.ATTENDANCE, Table.PEOPLE):
            return Effect.RESCORE
        return Effect.NONE

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild the columns and cards of the shown round, then score it."""
        sel = self.selection
        team_rows = self.ws.teams.teams(sel.round_id) if sel.round_id else []
        ids = [t["id"] for t in team_rows]
        if ids != list(self.columns):
            for col in self.columns.values():
                self.columns_layout.removeWidget(col)
                col.hide()
                col.deleteLater()
            self.columns = {}
            for k, t in enumerate(team_rows):
                col = TeamColumn(t, self._drop_mover, self.ctx.read_only)
                col.view.key_handler = self._card_key
                declare_keys(col.view, *CARD_KEYS)
                col.freeze_toggled.connect(self.set_team_frozen)
                col.room_edited.connect(self.set_room)
                col.rapporteur_chosen.connect(self._rapporteur_chosen)
                col.view.customContextMenuRequested.connect(
                    lambda pos, c=col: self._card_menu(c, pos)
                )
                self.columns_layout.insertWidget(k, col, 1)
                self.columns[t["id"]] = col
        members: dict[str, list[dict]] = {t["id"]: [] for t in team_rows}
        for m in self.ws.teams.members(ids):
            members[m["team_id"]].append(m)
        for t in team_rows:
            self.columns[t["id"]].update_team(t, members[t["id"]])
        self._member_ids = {m["id"] for rows in members.values() for m in rows}
        self._person_ids = {m["person_id"] for rows in members.values() for m in rows} | {
            t["rapporteur_id"] for t in team_rows if t["rapporteur_id"]
        }
        if not sel.exercise_id:
            message = (
                "No group exercise yet. Use New exercise… to add one for a group session "
                "of the agenda."
            )
        elif not sel.team_set_id:
            message = "This exercise has no teams yet: press Set up teams."
        elif not team_rows:
            message = "No teams in this round yet: choose what to mix by and press Generate teams."
        else:
            message = ""
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))
        self.evaluate()
        if self._follow is not None:
            self.focus_person(self._follow)
            self._follow = None

    def evaluate(self) -> None:
        """Score what is stored now; show each team's summary and notes (the round's go out)."""
        self.evaluation = None
        sel = self.selection
        if not sel.team_set_id or not sel.round_id or not self.columns:
            for col in self.columns.values():
                col.show_round(None, None, "")
            self.evaluated.emit(None, "")
            return
        tp = self.ws.teams.build_problem(sel.team_set_id)
        assignment = self.ws.teams.current_assignment(tp)
        ev = engine.evaluate(tp.problem, assignment)
        self.evaluation = ev
        key = tp.engine_round(sel.round_id)
        scores = ev.team_scores.get(key, {})
        summaries = summarise_round(tp.problem, key, assignment.get(key, {}))
        names = {v: name for (rid, name), v in tp.team_keys.items() if rid == sel.round_id}
        pinned = self._pinned()
        for team_id, col in self.columns.items():
            name = names.get(team_id, "")
            ts = scores.get(name)
            col.show_round(summaries.get(name), ts.reasons if ts else [], name)
            col.model.set_pinned(pinned.get(col.team_name, set()))
        self.evaluated.emit(ev, key)
        self._aligning.start()

    def align_summaries(self) -> None:
        """Give every team's summary the height of the tallest, so the cards line up."""
        labels = [c.summary_label for c in self.columns.values() if c.summary_label.width() > 0]
        if not labels:
            return

        # Each summary's height for its width, measured without the height it was given
        # (a label's height for a width counts its limits).
        def needed(label: QLabel) -> int:
            label.setMinimumHeight(0)
            label.setMaximumHeight(WIDGET_SIZE_MAX)
            return label.heightForWidth(label.width())

        height = max(needed(label) for label in labels)
        for label in labels:
            label.setFixedHeight(height)  # the layout kept a shorter summary tall

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self._aligning.start()  # the columns' width changed: so may the lines
        return super().eventFilter(watched, event)

    def _pinned(self) -> dict[str, set[str]]:
        """Team name → people a rule fixes in that team in the shown round."""
        sel = self.selection
        out: dict[str, set[str]] = {}
        if not sel.team_set_id:
            return out
        for c in self.ws.teams.constraints(sel.team_set_id):
            if c["kind"] == "pin" and (not c["rounds"] or sel.round_id in c["rounds"]):
                out.setdefault(c["team_name"] or "", set()).update(c["person_ids"])
        return out

    def _pin_of(self, person_id: str, team_name: str) -> dict | None:
        """The rule that fixes only this person in this team in every round, if any."""
        sel = self.selection
        if not sel.team_set_id:
            return None
        return next(
            (
                c
                for c in self.ws.teams.constraints(sel.team_set_id)
                if c["kind"] == "pin"
                and c["person_ids"] == [person_id]
                and c["team_name"] == team_name
                and not c["rounds"]
            ),
            None,
        )

    # -- the focus ---------------------------------------------------------------------------
    def focus_first_card(self) -> bool:
        """Give the keyboard to the first card of the first team (after a generation);
        every team shows its first cards (a list scrolled down showed others' places)."""
        for col in self.columns.values():
            col.view.scrollToTop()
        for col in self.columns.values():
            if col.model.rowCount():
                self._focus_card(col, 0)
                return True
        return False

    def focus_person(self, person_id: str) -> bool:
        """Give the keyboard to a person's card, wherever it is now."""
        for col in self.columns.values():
            for row, m in enumerate(col.model.rows):
                if m["person_id"] == person_id:
                    self._focus_card(col, row)
                    return True
        return False

    def _focus_card(self, col: TeamColumn, row: int) -> None:
        index = col.model.index(row)
        col.view.setFocus(Qt.FocusReason.OtherFocusReason)
        col.view.setCurrentIndex(index)
        col.view.scrollTo(index)
        self.scroll.ensureWidgetVisible(col, 0, 0)

    def _card_key(self, view: CardList, event: QKeyEvent) -> bool:
        """←/→ go to the neighbouring team's cards; Ctrl+←/→ carry the person there;
        Shift+F10 opens the card's menu (as the menu key does; X11 has no such key)."""
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier:
            col = next((c for c in self.columns.values() if c.view is view), None)
            if col is not None:
                self._card_menu(col, QPoint(-1, -1))
            return True
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        mods &= ~Qt.KeyboardModifier.KeypadModifier
        if step is None or mods not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ControlModifier,
        ):
            return False
        cols = list(self.columns.values())
        here = next((i for i, c in enumerate(cols) if c.view is view), None)
        if here is None or not 0 <= here + step < len(cols):
            return True  # the first or last team: nowhere to go, and nothing else to do
        target = cols[here + step]
        index = view.currentIndex()
        if mods == Qt.KeyboardModifier.ControlModifier:
            if index.isValid():
                self.move_person(index.data(PERSON_ROLE), target.team_id, follow=True)
            return True
        if target.model.rowCount():
            row = min(max(index.row(), 0), target.model.rowCount() - 1)
            self._focus_card(target, row)
        else:
            target.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- edits from the cards --------------------------------------------------------------
    def _drop_mover(self, person_id: str, team_id: str, row: int) -> None:
        # A drop arrives inside the view's drop event: apply it once the event is over.
        QTimer.singleShot(0, self, lambda: self.move_person(person_id, team_id, row))

    def move_person(
        self, person_id: str, team_id: str, row: int = -1, follow: bool = False
    ) -> bool:
        """Move one person into a team of the shown round: one undo step. With ``follow``
        the person's card keeps the keyboard in its new team."""
        round_id = self.selection.round_id
        if self.ctx.read_only or not round_id:
            return False
        cmd = edits.move_person(self.ws, round_id, person_id, team_id, row)
        if cmd is None:
            return False
        self._follow = person_id if follow else None
        try:
            return self.ctx.push(cmd, initiator=self)
        finally:
            self._follow = None

    def set_member_fixed(self, member_id: str, fixed: bool) -> None:
        """Fix a person in their team of this round (a new generation keeps them there)."""
        text = "Fix in team" if fixed else "Unfix"
        edit = SetFields(self.ws, Table.TEAM_MEMBERS, member_id, {"locked": int(fixed)}, text)
        self.ctx.push(edit, initiator=self)

    def set_team_frozen(self, team_id: str, frozen: bool) -> None:
        """Freeze a team: everyone in it stays when teams are generated again."""
        text = "Freeze team" if frozen else "Unfreeze team"
        edit = SetFields(self.ws, Table.TEAMS, team_id, {"locked": int(frozen)}, text)
        self.ctx.push(edit, initiator=self)

    def set_room(self, team_id: str, room: str) -> None:
        """Store a room typed into a column (the column shows it already)."""
        edit = edits.set_team_room(self.ws, team_id, room)
        self.ctx.push(edit, initiator=self.columns.get(team_id))

    def set_rapporteur(self, team_id: str, person_id: str | None) -> None:
        """Make someone the team's rapporteur (from a card's menu: the column reloads)."""
        self._push_rapporteur(team_id, person_id, self)

    def _rapporteur_chosen(self, team_id: str, person_id: str | None) -> None:
        # Chosen in the column's own combo, which shows it already.
        self._push_rapporteur(team_id, person_id, self.columns.get(team_id))

    def _push_rapporteur(self, team_id: str, person_id: str | None, initiator: object) -> None:
        team = self.ws.rows.get(Table.TEAMS, team_id) or {}
        if team.get("rapporteur_id") != person_id:
            edit = edits.set_rapporteur(self.ws, team_id, person_id)
            self.ctx.push(edit, initiator=initiator)

    def add_constraint(
        self,
        kind: str,
        person_ids: list[str],
        team_name: str | None = None,
        round_ids: list[str] | None = None,
    ) -> None:
        team_set_id = self.selection.team_set_id
        if team_set_id:
            cmd = edits.add_constraint(self.ws, team_set_id, kind, person_ids, team_name, round_ids)
            if kind == "pin":
                cmd.setText(f"Fix in {team_name} in every round")
            self.ctx.push(cmd, initiator=self)

    def remove_pin(self, constraint_id: str) -> None:
        """Unfix a person fixed in a team in every round (removes that rule)."""
        edit = DeleteRows(self.ws, Table.TEAM_CONSTRAINTS, [constraint_id], "Unfix in every round")
        self.ctx.push(edit, initiator=self)

    # -- keyboard and menu -----------------------------------------------------------------
    def _current_card(self) -> tuple[TeamColumn, QModelIndex] | None:
        focus = self.focusWidget()
        for col in self.columns.values():
            if focus is col.view or col.view.isAncestorOf(focus):
                index = col.view.currentIndex()
                if index.isValid():
                    return col, index
        return None

    def move_current_dialog(self) -> None:
        """Keyboard alternative to dragging: pick the team for the focused card."""
        found = self._current_card()
        if found is None:
            self.ctx.status("Select a person card first.")
            return
        col, index = found
        others = [(tid, c.team_name) for tid, c in self.columns.items() if tid != col.team_id]
        if not others:
            return
        name = index.data(Qt.ItemDataRole.DisplayRole)
        labels = [t for _, t in others]
        choice, ok = QInputDialog.getItem(
            self, "Move to team", f"Move {name} to:", labels, 0, False
        )
        if ok:
            target = others[labels.index(choice)][0]
            self.move_person(index.data(PERSON_ROLE), target, follow=True)
        else:
            self._focus_card(col, index.row())

    def toggle_fixed_current(self) -> None:
        """Fix the focused card's person in their team, or unfix them (Ctrl+L)."""
        found = self._current_card()
        if found is None:
            self.ctx.status("Select a person card first.")
            return
        col, index = found
        member = next(m for m in col.model.rows if m["id"] == index.data(MEMBER_ROLE))
        if not member["locked"] and member["person_id"] in col.model.pinned:
            self.ctx.status(
                f"{member['name']} is fixed in {col.team_name} in every round: "
                "right-click ▸ Unfix, or remove the rule on the right."
            )
            return
        self._follow = member["person_id"]
        try:
            self.set_member_fixed(member["id"], not member["locked"])
        finally:
            self._follow = None

    def _pick_person(self, title: str, label: str, exclude: set[str]) -> str | None:
        people = [p for p in self.ws.teams.eligible_people() if p["id"] not in exclude]
        labels = [
            f"{p['name']} ({p['organisation']})" if p["organisation"] else p["name"] for p in people
        ]
        if not labels:
            return None
        choice, ok = QInputDialog.getItem(self, title, label, labels, 0, False)
        return people[labels.index(choice)]["id"] if ok else None

    def _card_menu(self, col: TeamColumn, pos: QPoint) -> None:
        index = col.view.indexAt(pos)
        if not index.isValid():  # the menu key: the focused card
            index = col.view.currentIndex()
            pos = col.view.visualRect(index).center()
        if not index.isValid() or self.ctx.read_only:
            return
        menu = self.card_menu(col, index)
        menu.exec(col.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def card_menu(self, col: TeamColumn, index: Index) -> QMenu:
        """The context menu of a card (also used by tests)."""
        person_id = index.data(PERSON_ROLE)
        name = index.data(Qt.ItemDataRole.DisplayRole)
        member = next(m for m in col.model.rows if m["person_id"] == person_id)
        team_name = col.team_name
        menu = QMenu(self)
        key = self.fix_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        # The key is shown, not given to the menu item: Ctrl+L belongs to the board.
        if member["locked"]:
            fix = menu.addAction(f"Unfix {name}\t{key}")
        else:
            fix = menu.addAction(f"Fix {name} in {team_name}\t{key}")
        fix.triggered.connect(lambda: self.set_member_fixed(member["id"], not member["locked"]))
        pin = self._pin_of(person_id, team_name)
        if pin is not None:
            every = menu.addAction(f"Unfix {name} in every round")
            every.triggered.connect(lambda: self.remove_pin(pin["id"]))
        elif person_id in col.model.pinned:
            every = menu.addAction(f"Fixed in {team_name} by a rule (see Rules)")
            every.setEnabled(False)
        else:
            every = menu.addAction(f"Fix {name} in {team_name} in every round")
            every.triggered.connect(lambda: self.add_constraint("pin", [person_id], team_name))
        # The whole team, from the keyboard too (F in the menu).
        freeze = menu.addAction(f"Un&freeze {team_name}" if col.frozen else f"&Freeze {team_name}")
        freeze.setToolTip(FROZEN_TIP)
        freeze.triggered.connect(lambda: self._freeze_from_menu(col, person_id))
        move = menu.addMenu("Move to team")
        for tid, other in self.columns.items():
            if tid != col.team_id:
                act = move.addAction(other.team_name)
                act.triggered.connect(
                    lambda _=False, t=tid: self.move_person(person_id, t, follow=True)
                )
        rap = menu.addAction("Make rapporteur of the team")
        rap.triggered.connect(lambda: self.set_rapporteur(col.team_id, person_id))
        menu.addSeparator()
        together = menu.addAction("Keep together with…")
        together.triggered.connect(lambda: self._pair("keep_together", person_id, name))
        apart = menu.addAction("Keep apart from…")
        apart.triggered.connect(lambda: self._pair("keep_apart", person_id, name))
        return menu

    def _freeze_from_menu(self, col: TeamColumn, person_id: str) -> None:
        """Freeze or unfreeze the card's team; the keyboard stays on the card."""
        self._follow = person_id
        try:
            self.set_team_frozen(col.team_id, not col.frozen)
        finally:
            self._follow = None

    def _pair(self, kind: str, person_id: str, name: str) -> None:
        verb = "together with" if kind == "keep_together" else "apart from"
        other = self._pick_person("Team constraint", f"Keep {name} {verb}:", {person_id})
        if other:
            self.add_constraint(kind, [person_id, other])

    def card_views(self) -> list[CardList]:
        return [c.view for c in self.columns.values()]
