"""The round board: the teams of the shown round as coloured columns of person cards.

Drag a card to another column (or use Move to team…, Ctrl+M) and the scores update at
once; lock a person (Ctrl+L) or a whole team so a new generation keeps them; type a room,
choose a rapporteur, or add a constraint from a card's menu. Every change is one undo step.

The board reloads its columns only when teams, members or people of its round changed
(see :meth:`RoundBoard.effect`), and rescores the round when something the score depends on
changed elsewhere (other rounds of the team set, criteria, constraints, attendance).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
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
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.teams.cards import MEMBER_ROLE, PERSON_ROLE, CardList, TeamColumn
from facilitator.ui.teams.selection import Selection

Index = QModelIndex | QPersistentModelIndex


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
        layout.addWidget(self.empty_label)
        layout.addWidget(self.scroll, 1)
        editing = not ctx.read_only
        self.move_action = QAction("Move to team…", self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.triggered.connect(self.move_current_dialog)
        self.lock_action = QAction("Lock / unlock person", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.toggle_lock_current)
        for action in self.card_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(editing)
            self.addAction(action)
        self.ws.hub.changed.connect(self._on_changed)

    def card_actions(self) -> list[QAction]:
        """The keyboard actions on the focused card (the area offers them too)."""
        return [self.move_action, self.lock_action]

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
                col.lock_toggled.connect(self.set_team_locked)
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
            message = "No teams in this round yet: set the criteria and press Generate teams."
        else:
            message = ""
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))
        self.evaluate()

    def evaluate(self) -> None:
        """Score what is stored now and show each team's reasons (the round's go out)."""
        self.evaluation = None
        sel = self.selection
        if not sel.team_set_id or not sel.round_id or not self.columns:
            for col in self.columns.values():
                col.set_score(None, [], "")
            self.evaluated.emit(None, "")
            return
        tp = self.ws.teams.build_problem(sel.team_set_id)
        ev = engine.evaluate(tp.problem, self.ws.teams.current_assignment(tp))
        self.evaluation = ev
        key = tp.engine_round(sel.round_id)
        scores = ev.team_scores.get(key, {})
        names = {v: name for (rid, name), v in tp.team_keys.items() if rid == sel.round_id}
        for team_id, col in self.columns.items():
            name = names.get(team_id, "")
            ts = scores.get(name)
            col.set_score(ts.score if ts else 0, ts.reasons if ts else [], name)
        self.evaluated.emit(ev, key)

    # -- edits from the cards --------------------------------------------------------------
    def _drop_mover(self, person_id: str, team_id: str, row: int) -> None:
        # A drop arrives inside the view's drop event: apply it once the event is over.
        QTimer.singleShot(0, lambda: self.move_person(person_id, team_id, row))

    def move_person(self, person_id: str, team_id: str, row: int = -1) -> bool:
        """Move one person into a team of the shown round: one undo step."""
        round_id = self.selection.round_id
        if self.ctx.read_only or not round_id:
            return False
        cmd = edits.move_person(self.ws, round_id, person_id, team_id, row)
        return cmd is not None and self.ctx.push(cmd, initiator=self)

    def set_member_locked(self, member_id: str, locked: bool) -> None:
        self.ctx.push(edits.set_member_locked(self.ws, member_id, locked), initiator=self)

    def set_team_locked(self, team_id: str, locked: bool) -> None:
        self.ctx.push(edits.set_team_locked(self.ws, team_id, locked), initiator=self)

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
            self.ctx.push(cmd, initiator=self)

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
            self.move_person(index.data(PERSON_ROLE), others[labels.index(choice)][0])

    def toggle_lock_current(self) -> None:
        found = self._current_card()
        if found is not None:
            col, index = found
            member = next(m for m in col.model.rows if m["id"] == index.data(MEMBER_ROLE))
            self.set_member_locked(member["id"], not member["locked"])

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
        if not index.isValid() or self.ctx.read_only:
            return
        menu = self.card_menu(col, index)
        menu.exec(col.view.viewport().mapToGlobal(pos))

    def card_menu(self, col: TeamColumn, index: Index) -> QMenu:
        """The context menu of a card (also used by tests)."""
        person_id = index.data(PERSON_ROLE)
        name = index.data(Qt.ItemDataRole.DisplayRole)
        member = next(m for m in col.model.rows if m["person_id"] == person_id)
        team_name = col.team_name
        menu = QMenu(self)
        lock = menu.addAction("Unlock" if member["locked"] else f"Lock in {team_name}")
        lock.triggered.connect(lambda: self.set_member_locked(member["id"], not member["locked"]))
        move = menu.addMenu("Move to team")
        for tid, other in self.columns.items():
            if tid != col.team_id:
                act = move.addAction(other.team_name)
                act.triggered.connect(lambda _=False, t=tid: self.move_person(person_id, t))
        rap = menu.addAction("Make rapporteur of the team")
        rap.triggered.connect(lambda: self.set_rapporteur(col.team_id, person_id))
        menu.addSeparator()
        pin = menu.addAction(f"Pin {name} to {team_name} (every round)")
        pin.triggered.connect(lambda: self.add_constraint("pin", [person_id], team_name))
        together = menu.addAction("Keep together with…")
        together.triggered.connect(lambda: self._pair("keep_together", person_id, name))
        apart = menu.addAction("Keep apart from…")
        apart.triggered.connect(lambda: self._pair("keep_apart", person_id, name))
        return menu

    def _pair(self, kind: str, person_id: str, name: str) -> None:
        verb = "together with" if kind == "keep_together" else "apart from"
        other = self._pick_person("Team constraint", f"Keep {name} {verb}:", {person_id})
        if other:
            self.add_constraint(kind, [person_id, other])

    def card_views(self) -> list[CardList]:
        return [c.view for c in self.columns.values()]
