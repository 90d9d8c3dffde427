"""Item models of the capture area: the session's notes and the worksheet grid."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor

from facilitator.domain.capture import ACTION_STATUSES, Kind, label_of
from facilitator.edits import capture as edits
from facilitator.store.changes import Changes
from facilitator.store.database import Workshop
from facilitator.store.records import NoteView
from facilitator.store.tables import Table
from facilitator.ui.jobs import Job
from facilitator.ui.models import RowsModel

if TYPE_CHECKING:
    from facilitator.ui.agenda.clock import Clock

Index = QModelIndex | QPersistentModelIndex
_NOTES = frozenset({Table.NOTES})

KIND_COLOURS = {
    "key_point": "#4E79A7",
    "recommendation": "#59A14F",
    "action_item": "#F28E2B",
    "decision": "#B07AA1",
    "question": "#76B7B2",
    "quote": "#9C755F",
    "challenge": "#E15759",
    "lesson_learned": "#EDC948",
    "answer": "#D37295",
    "summary": "#666666",
}
CONFLICT_BRUSH = QBrush(QColor("#FFE9B3"))


@lru_cache(maxsize=4096)  # painted for every row on every repaint
def workshop_time(
    stamp: str | None, zone: str, offset: timedelta = timedelta(0), with_date: bool = False
) -> str:
    """A UTC file stamp as a clock in ``zone`` (shifted by ``offset``) read it."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            moment = moment.astimezone()  # a zone this machine does not know: its own
    moment += offset
    return moment.strftime("%a %d %b %H:%M:%S" if with_date else "%H:%M")


def clock_time(stamp: str | None, clock: Clock, with_date: bool = False) -> str:
    """A UTC file stamp on the Agenda's clock: the workshop's time zone, and while the
    facilitator rehearses, the practice time (so a note typed at "10:40 on day two" says
    10:40). The file keeps the real UTC stamp; only the display follows the clock."""
    return workshop_time(stamp, clock.timezone, clock.offset, with_date)


def attribution(row: dict[str, Any]) -> str:
    return row.get("person_name") or row.get("attribution_text") or ""


class NoteListModel(RowsModel):
    """Notes of one session (optionally one team), in their order; edits go through undo.

    The notes panel hands it each ``Changes`` (:meth:`apply_changes`); it updates only the
    rows a change touched, so a new note appears without reloading the list and the
    selection survives edits and moves. Times are shown on the Agenda's ``clock``.

    In a large workshop (``Workshop.is_large``) a session is listed in two steps: its last
    :data:`HEAD_ROWS` notes at once (the list shows its end, where the next note goes),
    the earlier ones from a background job on a reader of the file, inserted above them
    (``rowsInserted``, no reset) when it is done. Notes changed meanwhile are read again
    then; moving notes waits for the whole list (``loading``).
    """

    HEAD_ROWS = 200

    STAR, TIME, KIND, TEXT, SAID_BY, WHERE, OWNER, DUE, STATUS = range(9)
    HEADERS = ("★", "Time", "Kind", "Note", "Said by", "Team / prompt", "Owner", "Due", "Status")
    NoteIdRole = Qt.ItemDataRole.UserRole + 1
    KindKeyRole = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self,
        ws: Workshop,
        push: Callable[[Any], bool],
        kinds: list[Kind],
        people_lookup: Callable[[str], str | None] | None = None,
        parent: Any = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.push = push
        self.kinds = kinds
        if clock is None:
            from facilitator.ui.agenda.clock import Clock

            clock = Clock(ws.agenda.timezone())
        self.clock = clock
        self._clock_read = (clock.timezone, clock.offset)  # what the shown times used
        self.people_lookup = people_lookup or (lambda _name: None)
        self.session_id: str | None = None
        self.team_id: str | None = None
        self.read_only = ws.read_only
        self._at: dict[str, int] | None = None  # note id → row; None: to be rebuilt
        self._job: Job | None = None  # listing the notes above the first HEAD_ROWS
        self._touched: set[str] = set()  # notes changed while it runs
        # The job starts once the head rows are on screen (a timer runs when the window has
        # nothing else to do): its Python work would slow their first paint.
        self._rest_later = QTimer(self)
        self._rest_later.setSingleShot(True)
        self._rest_later.setInterval(0)
        self._rest_later.timeout.connect(self._list_the_rest)

    # -- loading ---------------------------------------------------------------------------
    def set_filter(self, session_id: str | None, team_id: str | None) -> None:
        self.session_id, self.team_id = session_id, team_id
        self.reload()

    @property
    def loading(self) -> bool:
        """The earlier notes of a large session are still being listed."""
        return self._job is not None or self._rest_later.isActive()

    def reload(self) -> None:
        self.stop()
        notes = self.ws.notes
        self.beginResetModel()
        if self.ws.is_large:
            self.rows = notes.last_notes_for(self.session_id, self.team_id, self.HEAD_ROWS)
        else:
            self.rows = notes.notes_for(self.session_id, self.team_id)
        self._at = None
        self.endResetModel()
        if self.ws.is_large and len(self.rows) >= self.HEAD_ROWS:
            self._touched = set()
            self._rest_later.start()

    def _list_the_rest(self) -> None:
        ws, session_id, team_id = self.ws, self.session_id, self.team_id

        def work(_progress: Any) -> list[dict[str, Any]]:
            with ws.reader() as reader:
                return reader.notes.notes_for(session_id, team_id)

        job = Job(None, "Listing the session's notes…", work, dialog=False)
        job.done.connect(self._listed)
        job.failed.connect(self._listing_failed)
        self._job = job
        job.start()

    def stop(self) -> None:
        """Forget a listing still running (another session, or the area closes)."""
        self._rest_later.stop()
        job, self._job = self._job, None
        if job is not None:
            job.blockSignals(True)
            job.wait()
            job.deleteLater()

    def _listing_failed(self, _exc: Exception) -> None:
        # the reader could not read the file: list the session here instead
        self.stop()
        self.beginResetModel()
        self.rows = self.ws.notes.notes_for(self.session_id, self.team_id)
        self._at = None
        self.endResetModel()

    def _listed(self, every: list[dict[str, Any]]) -> None:
        """Insert the notes above the first row shown; read again those changed since."""
        job, self._job = self._job, None
        if job is not None:
            job.deleteLater()
        shown = {r["id"] for r in self.rows}
        first = self.rows[0]["id"] if self.rows else None
        end = next((i for i, r in enumerate(every) if r["id"] == first), len(every))
        if first is not None and end == len(every):  # the first row shown is new
            key = self._key(self.rows[0])
            end = next((i for i, r in enumerate(every) if self._key(r) > key), len(every))
        above = [r for r in every[:end] if r["id"] not in shown]
        if above:
            self.beginInsertRows(QModelIndex(), 0, len(above) - 1)
            self.rows[:0] = above
            self._at = None
            self.endInsertRows()
        touched, self._touched = self._touched, set()
        touched -= shown  # the rows shown were kept up to date
        if touched:
            self.refresh_notes(touched)
        keys = [self._key(r) for r in self.rows]
        if any(a > b for a, b in zip(keys, keys[1:], strict=False)):
            self._resort()

    def set_kinds(self, kinds: list[Kind]) -> None:
        self.kinds = kinds
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.KIND), self.index(len(self.rows) - 1, self.KIND)
            )

    def clock_moved(self) -> None:
        """Show every time again if the clock's zone or rehearsal changed since shown."""
        read = (self.clock.timezone, self.clock.offset)
        if read == self._clock_read:
            return
        self._clock_read = read
        if self.rows:
            last = len(self.rows) - 1
            self.dataChanged.emit(self.index(0, self.TIME), self.index(last, self.TIME))

    def _belongs(self, row: dict[str, Any]) -> bool:
        if row["session_id"] != self.session_id:
            return False
        return not self.team_id or row["team_id"] == self.team_id

    @staticmethod
    def _key(row: dict[str, Any]) -> tuple[int, str]:
        return (row["position"], row["created"])

    def row_of(self, note_id: str) -> int:
        if self._at is None:
            self._at = {r["id"]: i for i, r in enumerate(self.rows)}
        return self._at.get(note_id, -1)

    def ids(self) -> list[str]:
        return [r["id"] for r in self.rows]

    def apply_changes(self, changes: Changes, known: Mapping[str, NoteView] | None = None) -> None:
        """Bring the shown rows up to date: the notes a change names, and the notes that show
        the name of a team, prompt or person it names. ``known``: notes of the change as
        the file holds them now (the edit that wrote them has them), not read again."""
        note_ids = changes.ids(Table.NOTES)
        if note_ids is None:
            self.reload()
            return
        if self.loading:
            self._touched.update(note_ids)  # read again once the earlier notes are in
        todo = set(note_ids)
        if changes.rows.keys() - _NOTES:  # a name shown beside the notes may have changed
            for table, key in (
                (Table.TEAMS, "team_id"),
                (Table.EXERCISE_PROMPTS, "prompt_id"),
                (Table.PEOPLE, "attribution_person_id"),
            ):
                ids = changes.ids(table)
                if ids is None:
                    todo.update(r["id"] for r in self.rows if r[key])
                elif ids:
                    todo.update(r["id"] for r in self.rows if r[key] in ids)
        if todo:
            self.refresh_notes(todo, known)

    def refresh_notes(
        self, ids: set[str] | frozenset[str], known: Mapping[str, NoteView] | None = None
    ) -> None:
        """Re-read these notes (but those ``known``): update, insert or remove each row as
        the file now has it."""
        if len(ids) == 1 and known and not self.loading and self._at is not None:
            # the usual case, a note just written (its row in hand) that is not shown yet:
            # no lookup and, when it goes last, no search
            (note_id,) = ids
            row = known.get(note_id)
            if row is not None and note_id not in self._at and self._belongs(row):
                self._insert(row)
                return
        known = {k: v for k, v in (known or {}).items() if k in ids}
        unknown = [i for i in ids if i not in known]
        fresh: dict[str, Any] = self.ws.notes.notes_by_ids(unknown) if unknown else {}
        fresh.update(known)
        resort = False
        for note_id in ids:
            row = fresh.get(note_id)
            at = self.row_of(note_id)
            belongs = row is not None and self._belongs(row)
            if belongs and at >= 0:
                if self._key(self.rows[at]) != self._key(row):
                    resort = True
                self.rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
            elif belongs:
                if self.loading and self.rows and self._key(row) < self._key(self.rows[0]):
                    continue  # above the rows shown: it comes with the earlier notes
                self._insert(row)
            elif at >= 0:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self.rows[at]
                self._at = None
                self.endRemoveRows()
        if resort:
            self._resort()

    def _insert(self, row: NoteView) -> None:
        """Show a note that is not shown yet, in its place."""
        key = self._key(row)
        # A new note usually goes last: no search, and the row index stays valid.
        if not self.rows or self._key(self.rows[-1]) <= key:
            pos = len(self.rows)
        else:
            pos = bisect.bisect_right(self.rows, key, key=self._key)
        self.beginInsertRows(QModelIndex(), pos, pos)
        self.rows.insert(pos, row)
        if self._at is not None and pos == len(self.rows) - 1:
            self._at[row["id"]] = pos
        else:
            self._at = None
        self.endInsertRows()

    def _resort(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old_ids = self.ids()
        self.rows.sort(key=self._key)
        new_pos = self._at = {r["id"]: i for i, r in enumerate(self.rows)}
        old_list = self.persistentIndexList()
        new_list = [
            self.index(new_pos[old_ids[ix.row()]], ix.column()) if ix.isValid() else ix
            for ix in old_list
        ]
        self.changePersistentIndexList(old_list, new_list)
        self.layoutChanged.emit()

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _NOTE_ROLES or not index.isValid():
            return None  # most roles a paint asks for (font, alignment, icon…): quickly
        row = self.rows[index.row()]
        col = index.column()
        if role == self.NoteIdRole:
            return row["id"]
        if role == self.KindKeyRole:
            return row["kind"]
        if role == Qt.ItemDataRole.CheckStateRole and col == self.STAR:
            return Qt.CheckState.Checked if row["starred"] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and row.get("conflict_of"):
            return CONFLICT_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and col == self.KIND:
            return KIND_BRUSHES.get(row["kind"], OTHER_KIND_BRUSH)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.get("conflict_of"):
                return "Changed differently in another copy: choose with Resolve conflicts…"
            if col == self.TIME:
                zone = self.clock.timezone
                tip = (
                    f"Written {workshop_time(row['created'], zone, with_date=True)}, edited "
                    f"{workshop_time(row['updated'], zone, with_date=True)} ({zone} time)"
                )
                if self.clock.rehearsing:
                    tip += "; the list shows the rehearsal clock"
                return tip
            if col == self.TEXT:
                return row["text"]
            if col == self.DUE and row["action_due"]:
                return f"Due {row['action_due']}"
            if col in (self.SAID_BY, self.WHERE, self.OWNER):
                return self.data(index) or None  # the whole of what the cell cuts short
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            edit = role == Qt.ItemDataRole.EditRole
            if col == self.STAR:
                return None
            if col == self.TIME:
                mark = "⚠ " if row.get("conflict_of") and not edit else ""
                return mark + clock_time(row["created"], self.clock)
            if col == self.KIND:
                return row["kind"] if edit else label_of(row["kind"], self.kinds)
            if col == self.TEXT:
                return row["text"]
            if col == self.SAID_BY:
                return attribution(row)
            if col == self.WHERE:
                # The list of one team need not repeat its name on every row.
                team = "" if self.team_id else row.get("team_name") or ""
                return " · ".join(p for p in (team, row.get("prompt_text") or "") if p)
            if col == self.OWNER:
                return row["action_owner"]
            if col == self.DUE:
                return (row["action_due"] or "") if edit else self._due(row["action_due"])
            if col == self.STATUS:
                return row["action_status"]
        return None

    def multiData(self, index: Index, roles: Any) -> None:  # noqa: N802 - Qt API
        """Every role a cell is painted with, in one call (Qt asks for seven per cell; one
        call instead of seven is most of what repainting the list costs)."""
        valid = index.isValid()
        for wanted in roles:
            role = wanted.role()
            value = self.data(index, role) if valid and role in _NOTE_ROLES else None
            if value is None:
                wanted.clearData()  # Qt hands the same slots to every cell
            else:
                wanted.setData(value)

    def _due(self, due: str | None) -> str:
        """A due date as short as it reads: "30 Apr", with the year when it is another."""
        if not due:
            return ""
        try:
            day = datetime.strptime(due, "%Y-%m-%d")
        except ValueError:
            return due
        return day.strftime("%d %b" if day.year == self.clock.now().year else "%d %b %Y")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # asked for every cell of every paint: one lookup
        return (_READ_ONLY_FLAGS if self.read_only else _FLAGS)[index.column()]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        row = self.rows[index.row()]
        col = index.column()
        values: dict[str, Any] = {}
        if col == self.STAR and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            values["starred"] = int(checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif col == self.KIND:
            values["kind"] = str(value)
        elif col == self.TEXT:
            text = str(value).strip()
            if not text:
                return False  # deleting is done with Delete, not by emptying the text
            values["text"] = text
        elif col == self.SAID_BY:
            text = str(value).strip()
            person = self.people_lookup(text)
            values["attribution_person_id"] = person
            values["attribution_text"] = "" if person else text
        elif col == self.OWNER:
            values["action_owner"] = str(value).strip()
        elif col == self.DUE:
            text = str(value).strip()
            if text:
                try:
                    text = datetime.strptime(text, "%Y-%m-%d").date().isoformat()
                except ValueError:
                    return False
            values["action_due"] = text or None
        elif col == self.STATUS:
            text = str(value).strip()
            if text and text not in ACTION_STATUSES:
                return False
            values["action_status"] = text
        else:
            return False
        if all(row.get(k) == v for k, v in values.items()):
            return False
        return bool(self.push(edits.edit_note(self.ws, row["id"], values)))


_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_READ_ONLY_FLAGS = (_BASE,) * len(NoteListModel.HEADERS)
_FLAGS = tuple(
    _BASE | Qt.ItemFlag.ItemIsUserCheckable
    if col == NoteListModel.STAR
    else _BASE | Qt.ItemFlag.ItemIsEditable
    if col
    in (
        NoteListModel.KIND,
        NoteListModel.TEXT,
        NoteListModel.SAID_BY,
        NoteListModel.OWNER,
        NoteListModel.DUE,
        NoteListModel.STATUS,
    )
    else _BASE
    for col in range(len(NoteListModel.HEADERS))
)
KIND_BRUSHES = {kind: QBrush(QColor(colour)) for kind, colour in KIND_COLOURS.items()}
OTHER_KIND_BRUSH = QBrush(QColor("#333333"))
_NOTE_ROLES = frozenset(
    {
        NoteListModel.NoteIdRole,
        NoteListModel.KindKeyRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
    }
)


class WorksheetModel(QAbstractTableModel):
    """Prompts down, teams across: every team's answers side by side.

    The worksheet panel reloads it when the prompts or teams change and hands it the notes a
    change names (:meth:`refresh_notes`), which update only the cells they were or are in.
    """

    CellRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ws: Workshop, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.exercise_id: str | None = None
        self.prompts: list[dict[str, Any]] = []
        self.teams: list[dict[str, Any]] = []
        self.answers: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def set_exercise(self, exercise_id: str | None) -> None:
        self.exercise_id = exercise_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.prompts = self.ws.notes.prompts(self.exercise_id)
        self.teams = self.ws.notes.teams_for_exercise(self.exercise_id) if self.exercise_id else []
        self.answers = {}
        for r in self.ws.notes.answers([p["id"] for p in self.prompts]):
            self.answers.setdefault((r["prompt_id"], r["team_id"]), []).append(r)
        self.endResetModel()

    def refresh_notes(self, ids: frozenset[str]) -> None:
        """Re-read these notes and update the cells they left or joined."""
        prompt_rows = {p["id"]: i for i, p in enumerate(self.prompts)}
        if not ids or not prompt_rows:
            return
        touched: set[tuple[str, str]] = set()
        for cell, notes in self.answers.items():
            kept = [n for n in notes if n["id"] not in ids]
            if len(kept) != len(notes):
                self.answers[cell] = kept
                touched.add(cell)
        for row in self.ws.notes.notes_by_ids(list(ids)).values():
            if row["prompt_id"] in prompt_rows and row["team_id"] is not None:
                cell = (row["prompt_id"], row["team_id"])
                self.answers.setdefault(cell, []).append(row)
                touched.add(cell)
        team_columns = {t["id"]: j for j, t in enumerate(self.teams)}
        for cell in touched:
            self.answers[cell].sort(key=lambda n: (n["position"], n["created"]))
            if cell[1] in team_columns:
                index = self.index(prompt_rows[cell[0]], team_columns[cell[1]])
                self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.prompts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.teams)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.teams):
            team = self.teams[section]
            multi = len({t["round_id"] for t in self.teams}) > 1
            return f"{team['name']} ({team['round_title']})" if multi else team["name"]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.prompts):
            return self.prompts[section]["text"]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        prompt = self.prompts[index.row()]
        team = self.teams[index.column()]
        if role == self.CellRole:
            return (prompt["id"], team["id"])
        notes = self.answers.get((prompt["id"], team["id"]), [])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if len(notes) == 1:
                return notes[0]["text"]
            return "\n".join(f"• {n['text']}" for n in notes)
        if role == Qt.ItemDataRole.BackgroundRole and any(n["conflict_of"] for n in notes):
            return CONFLICT_BRUSH
        return None
