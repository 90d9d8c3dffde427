"""Item models for the roster, the check-in list and the attendance tables."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from facilitator.domain import people as dom
from facilitator.store.database import Workshop

Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("country", "Country"),
    ("sector", "Sector"),
    ("gender", "Gender"),
    ("role", "Role"),
    ("email", "E-mail"),
]
PERSON_ID = Qt.ItemDataRole.UserRole + 1
# The rank of a row's value in the column's human order (the workshop's collation): the
# proxy sorts by this integer, so a click on a header sorts "Đức" with the D's.
SORT_RANK = Qt.ItemDataRole.UserRole + 2


def _shown(key: str, value: Any) -> str:
    value = "" if value is None else str(value)
    if key in ("sector", "gender") and dom.category_label(key, value) == dom.NOT_GIVEN:
        return ""  # a blank cell, as it was written; counts call it "Not given"
    if key == "sector":
        return dom.sector_label(value)
    if key == "gender":
        return dom.gender_label(value)
    if key == "role":
        return dom.role_label(value)
    return value


def _haystack(person: dict[str, Any]) -> str:
    """The folded text the filter searches: every shown column and the job title."""
    shown = " ".join(_shown(k, person.get(k)) for k, _ in COLUMNS)
    return dom.fold(shown + " " + person["job_title"])


class PeopleModel(QAbstractTableModel):
    """Everyone in the roster; with ``presence`` on, a last column shows who is checked in."""

    def __init__(self, ws: Workshop, presence: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.presence = presence
        self.rows: list[dict[str, Any]] = []
        self.haystacks: list[str] = []
        self.checked: dict[str, str] = {}  # person id → time checked in
        self.day_id = ""
        self.slot = "day"
        self._ranks: dict[int, list[int]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ranks = {}
        self.rows = self.ws.people.people()
        self.haystacks = [_haystack(p) for p in self.rows]
        self._load_presence()
        self.endResetModel()

    def refresh(self, ids: frozenset[str] | None) -> bool:
        """Show the changes to the people ``ids`` (None: unknown); returns True on a reset.

        Edited people are updated in their rows, which keeps the view's selection, sorting
        and scroll position; someone added or deleted (or unknown changes) reloads the list.
        """
        if ids is None:
            self.reload()
            return True
        fresh = {p["id"]: p for p in self.ws.people.people_by_ids(ids)}
        where = {p["id"]: i for i, p in enumerate(self.rows)}
        added = any(pid not in where for pid in fresh)
        deleted = any(pid in where and pid not in fresh for pid in ids)
        if added or deleted:
            self.reload()
            return True
        last = self.columnCount() - 1
        self._ranks = {}
        for pid, person in fresh.items():
            row = where[pid]
            self.rows[row] = person
            self.haystacks[row] = _haystack(person)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return False

    def _load_presence(self) -> None:
        self.checked = {}
        if self.presence and self.day_id:
            for (pid, slot), row in self.ws.people.attendance(self.day_id).items():
                if slot == self.slot and row["present"]:
                    self.checked[pid] = (row["checked_in_at"] or "")[11:16]

    def set_day(self, day_id: str, slot: str) -> None:
        self.day_id, self.slot = day_id, slot
        self.refresh_presence()

    def refresh_presence(self) -> None:
        self._load_presence()
        self._ranks.pop(len(COLUMNS), None)
        if self.rows:
            col = len(COLUMNS)
            self.dataChanged.emit(self.index(0, col), self.index(len(self.rows) - 1, col))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS) + int(self.presence)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        col = index.column()
        if role == PERSON_ID:
            return p["id"]
        if role == SORT_RANK:
            return self._rank(col)[index.row()]
        if col == len(COLUMNS):
            at = self.checked.get(p["id"])
            if role == Qt.ItemDataRole.DisplayRole:
                return f"✓ {at}" if at is not None else ""
            if role == Qt.ItemDataRole.ForegroundRole and at is not None:
                return QColor("#1B7F3B")
            return None
        key = COLUMNS[col][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _shown(key, p.get(key))
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and p.get("job_title"):
            return f"{p['name']} — {p['job_title']}"
        return None

    def _rank(self, col: int) -> list[int]:
        ranks = self._ranks.get(col)
        if ranks is None:
            if col == len(COLUMNS):
                texts = [self.checked.get(p["id"], "~") for p in self.rows]
            else:
                key = COLUMNS[col][0]
                texts = [_shown(key, p.get(key)) for p in self.rows]
            order = self.ws.collation.sorted(range(len(texts)), key=lambda i: texts[i])
            ranks = [0] * len(texts)
            for rank, i in enumerate(order):
                ranks[i] = rank
            self._ranks[col] = ranks
        return ranks

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == len(COLUMNS):
            return "Checked in"
        return COLUMNS[section][1] if 0 <= section < len(COLUMNS) else None

    def person_at(self, row: int) -> dict[str, Any]:
        return self.rows[row]

    def row_of(self, person_id: str) -> int:
        for i, p in enumerate(self.rows):
            if p["id"] == person_id:
                return i
        return -1


class PeopleFilter(QSortFilterProxyModel):
    """Instant filter across every column: each typed word must appear somewhere in the row.

    Matching is case- and accent-insensitive ("nguyen" finds "Nguyễn") and uses a folded text
    per row computed once on load, so filtering thousands of people stays instant.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(SORT_RANK)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = dom.fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.words:
            return True
        hay = self.sourceModel().haystacks[source_row]
        return all(w in hay for w in self.words)

    def people(self) -> list[dict[str, Any]]:
        src = self.sourceModel()
        return [src.rows[self.mapToSource(self.index(r, 0)).row()] for r in range(self.rowCount())]


def counts_text(people: list[dict[str, Any]], order: Callable[[str], Any] | None = None) -> str:
    """One line per dimension: the counts a roster panel shows for what is listed."""
    if not people:
        return "No one listed."

    def line(title: str, key: str) -> str:
        counts = dom.tally((p[key] for p in people), key, order)
        return f"<b>{title}:</b> " + ", ".join(f"{escape(k)} {n}" for k, n in counts)

    return "<br>".join(
        [
            f"<b>{len(people)} {'person' if len(people) == 1 else 'people'}</b>",
            line("Countries", "country"),
            line("Sectors", "sector"),
            line("Gender", "gender"),
        ]
    )


class AttendanceModel(QAbstractTableModel):
    """People present on a day, by country × sector (rows) and gender (columns), with totals.

    The gender columns are the roster's categories (Female, Male, Other, Not given), so the
    table adds up to what the roster counts.
    """

    GENDERS = [*dom.GENDERS, ""]

    def __init__(self, ws: Workshop, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.day_id = ""
        self.slot: str | None = None
        self.rows: list[tuple[str, str, list[int], bool]] = []  # country, sector, counts, total?

    def set_day(self, day_id: str, slot: str | None) -> None:
        self.day_id, self.slot = day_id, slot
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = build_disaggregation(
            self.ws.people.disaggregated(self.day_id, self.slot), self.ws.collation.sort_key
        )
        self.endResetModel()

    def headers(self) -> list[str]:
        genders = (dom.category_label("gender", g) for g in self.GENDERS)
        return ["Country", "Sector", *genders, "Total"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        country, sector, counts, total = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return country
            if col == 1:
                return sector
            return str(counts[col - 2])
        if role == Qt.ItemDataRole.FontRole and total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            heads = self.headers()
            return heads[section] if 0 <= section < len(heads) else None
        return None

    def as_rows(self) -> list[list[str]]:
        return [[c, s, *map(str, n)] for c, s, n, _t in self.rows]


def build_disaggregation(
    counts: list[dict[str, Any]], order: Callable[[str], Any] | None = None
) -> list[tuple[str, str, list[int], bool]]:
    """Rows country × sector with a count per gender and a total, a subtotal per country and
    a grand total; countries and sectors in human order, "Not given" last."""
    genders = AttendanceModel.GENDERS
    width = len(genders)
    table: dict[tuple[str, str], list[int]] = {}
    for r in counts:
        key = (
            dom.category_label("country", r["country"]),
            dom.category_label("sector", r["sector"]),
        )
        cell = table.setdefault(key, [0] * width)
        g = dom.gender_key(r["gender"])
        cell[genders.index(g) if g in genders else genders.index("other")] += r["n"]
    sort = order or str.casefold

    def rank(label: str) -> tuple[bool, Any]:
        return (label == dom.NOT_GIVEN, sort(label))

    out: list[tuple[str, str, list[int], bool]] = []
    grand = [0] * width
    for country in sorted({c for c, _ in table}, key=rank):
        sub = [0] * width
        for sector in sorted({s for c, s in table if c == country}, key=rank):
            cell = table[(country, sector)]
            out.append((country, sector, [*cell, sum(cell)], False))
            sub = [a + b for a, b in zip(sub, cell, strict=True)]
        out.append((country, "All sectors", [*sub, sum(sub)], True))
        grand = [a + b for a, b in zip(grand, sub, strict=True)]
    out.append(("All countries", "All sectors", [*grand, sum(grand)], True))
    return out
