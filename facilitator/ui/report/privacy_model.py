"""What the Privacy check shows: the scan, the hits grouped by whom they name, and the filter.

:func:`scan_workshop` is the work of a :class:`~facilitator.ui.jobs.Job`: it opens its own
read-only workshop and collects every hit in the texts an anonymous output prints (the
anonymised report, and the team lists when lists are shown with privacy on), so a large
workshop never freezes the window. :class:`HitsModel` holds the hits under one row per
person, organisation or kind of contact detail, in the order the report prints them, and
applies each new decision without scanning again (:meth:`HitsModel.apply`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.domain.privacy import (
    Choice,
    Decision,
    Finding,
    Organisation,
    Person,
    PrivacyPolicy,
    describe,
    fold,
    replacement_for,
)
from facilitator.reports.heap import Kept, long_lived
from facilitator.store.database import Workshop
from facilitator.store.report import let_go_of
from facilitator.ui.jobs import Progress

_Index = QModelIndex | QPersistentModelIndex

FOUND, WHERE, DECISION, PRINTED = range(4)
HEADERS = ("Who · found in context", "Where", "Decision", "Printed as")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # a hit's key, or a group's
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # (snippet, start, end): the hit marked in it
UNDECIDED_ROLE = Qt.ItemDataRole.UserRole + 3  # a hit nobody decided (groups: any of theirs)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # the words the filter looks in

UNDECIDED_INK = QColor("#B34700")
CHOICE_WORDS = {Choice.WITHHOLD: "Withhold", Choice.KEEP: "Keep", Choice.NOT_A_NAME: "Not a name"}
# How a field of a row is called where it is shown (a note's text needs no word).
FIELD_WORDS = {
    "summary": "summary",
    "title": "title",
    "subtitle": "subtitle",
    "venue": "venue",
    "description": "description",
    "room": "room",
    "action_owner": "action owner",
    "instructions": "instructions",
    "name": "team name",
    "round": "round",
    "question": "question",
    "option": "option",
    "answer": "answer",
}


# -- the scan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrivacyScan:
    """Every hit in what the anonymous outputs print, and what the panel needs to show them."""

    findings: list[Finding]
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    organisations_on: bool  # whether organisations were looked for
    anonymous: bool  # the report is anonymised as saved (or by the Chatham House Rule)
    lists_private: bool  # team lists print through the guard too


def team_list_findings(ws: Workshop) -> list[Finding]:
    """The hits in the team lists' texts (set, round and team names, rooms), as they print."""
    from facilitator.exports import ExportError, ExportOptions
    from facilitator.reports.teamlists import collect, guarded

    guard = ws.privacy.guard(True)
    for ts in ws.teams.team_sets():
        try:
            found, rounds = collect(ws, ExportOptions(team_set=ts["id"]))
        except ExportError:
            continue  # a team set without teams prints no list
        guarded(found, rounds, guard)
    return guard.findings


def scan_workshop(path: Path, progress: Progress) -> PrivacyScan:
    """Read the workshop (its own read-only connection) and find every hit; a Job's work."""
    progress(0.0)
    with long_lived() as keep, Workshop(path, read_only=True) as ws:  # see reports/heap.py
        settings = ws.report.load_settings()
        anonymous = settings.anonymous
        reading = Kept(lambda f: progress(0.8 * f), keep)
        report = ws.report.load_report(settings, anonymous=True, progress=reading)
        findings = list(report.privacy)
        let_go_of(report)  # only the findings are kept
        del report
        progress(0.8)
        lists = ws.privacy.lists_private()
        if lists:
            findings += team_list_findings(ws)
        engine = ws.privacy.engine()
        scan = PrivacyScan(
            findings,
            dict(engine.by_id),
            dict(engine.organisations),
            engine.find_organisations,
            anonymous,
            lists,
        )
    progress(1.0)
    return scan


def place(finding: Finding) -> str:
    """Where a hit prints, as the user knows it: section, session or team, which text."""
    src = finding.source
    parts = [src.section]
    if src.label and src.label != src.section:
        parts.append(src.label)
    word = FIELD_WORDS.get(src.field)
    if word and word not in src.section.lower():
        parts.append(word)
    return " · ".join(parts)


def choice_text(decision: Decision | None, by: str = "hit") -> str:
    if decision is None:
        return "Undecided"
    text = CHOICE_WORDS[decision.choice]
    return text if by == "hit" else f"{text} (every mention)"


# -- the rows --------------------------------------------------------------------------------


@dataclass
class HitRow:
    """One hit (every hit with the same key is decided together, so it is one row)."""

    finding: Finding
    group: int
    places: list[str] = field(default_factory=list)  # where it prints, once each
    count: int = 1
    by: str = ""  # which decision applies: "hit", "person", "organisation" or ""


@dataclass
class Group:
    """The hits that name one person or organisation (or share no one to decide them for)."""

    key: str
    title: str
    tip: str
    person: str | None = None
    organisation: str | None = None
    rows: list[HitRow] = field(default_factory=list)

    @property
    def bulk(self) -> bool:
        """Whether one decision can cover every mention (a person or an organisation)."""
        return bool(self.person or self.organisation)

    def undecided(self) -> int:
        return sum(1 for r in self.rows if r.finding.unresolved)


def group_key(finding: Finding) -> str:
    hit = finding.hit
    if hit.organisation:
        return f"organisation:{hit.organisation}"
    if len(hit.people) == 1:
        return f"person:{hit.people[0]}"
    if hit.people:
        return "several:" + ",".join(hit.people)
    return "contact"


class HitsModel(QAbstractItemModel):
    """Groups (top level) with their hits (children); five columns, see ``HEADERS``."""

    replacement_edited = Signal(object, str)  # (HitRow or Group, text typed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        self.scan: PrivacyScan | None = None
        self.policy = PrivacyPolicy()
        self._by_key: dict[str, tuple[int, int]] = {}  # hit key → (group, row)

    # -- loading ---------------------------------------------------------------------------
    def load(self, scan: PrivacyScan, policy: PrivacyPolicy) -> None:
        """Show a new scan (the view keeps its place by key, see the panel)."""
        self.beginResetModel()
        self.scan = scan
        groups: dict[str, Group] = {}
        rows: dict[str, HitRow] = {}
        for finding in scan.findings:
            key = finding.key
            known = rows.get(key)
            where = place(finding)
            if known is not None:
                known.count += 1
                if where not in known.places:
                    known.places.append(where)
                continue
            gkey = group_key(finding)
            group = groups.get(gkey)
            if group is None:
                group = groups[gkey] = self._group(gkey, finding, scan)
            row = HitRow(finding, 0, [where])
            group.rows.append(row)
            rows[key] = row
        order = {"person": 0, "organisation": 1, "several": 2, "contact": 3}
        self.groups = sorted(
            groups.values(), key=lambda g: (order[g.key.split(":")[0]], fold(g.title))
        )
        self._by_key = {}
        for gi, group in enumerate(self.groups):
            for ri, row in enumerate(group.rows):
                row.group = gi
                self._by_key[row.finding.key] = (gi, ri)
        self._decide(policy)
        self.endResetModel()

    @staticmethod
    def _group(key: str, finding: Finding, scan: PrivacyScan) -> Group:
        hit = finding.hit
        if hit.organisation:
            org = scan.organisations.get(hit.organisation)
            name = org.name if org else hit.text
            return Group(key, name, "An organisation of the roster", organisation=hit.organisation)
        people = [scan.people[p] for p in hit.people if p in scan.people]
        if len(people) == 1:
            p = people[0]
            tip = " · ".join(x for x in (p.role or "participant", p.organisation, p.country) if x)
            return Group(key, p.name, tip, person=p.id)
        if people:
            names = ", ".join(p.name for p in people)
            return Group(key, f"One of: {names}", "The roster has several people this may mean")
        return Group(key, "E-mail addresses and phone numbers", "Not in the roster")

    def apply(self, policy: PrivacyPolicy) -> None:
        """Show every hit under these decisions (no new scan: the texts did not change).

        Only the rows whose decision or printed text changed are announced, so one decision
        on a list of thousands of hits costs about nothing.
        """
        old = self.policy
        changed = self._decide(policy)
        last = len(HEADERS) - 1
        styled = old.replacement != policy.replacement
        for gi, group in enumerate(self.groups):
            rows = changed.get(gi, [])
            bulk = self._group_decision(group, old) != self._group_decision(group, policy)
            if not (rows or bulk or styled):
                continue
            parent = self.index(gi, 0)
            for first, end in _runs(rows):
                self.dataChanged.emit(self.index(first, 0, parent), self.index(end, last, parent))
            self.dataChanged.emit(parent, self.index(gi, last))

    def _decide(self, policy: PrivacyPolicy) -> dict[int, list[int]]:
        """Apply ``policy``; returns the rows whose display changed, by group."""
        self.policy = policy
        changed: dict[int, list[int]] = {}
        if self.scan is None:
            return changed
        people, orgs = self.scan.people, self.scan.organisations
        for gi, group in enumerate(self.groups):
            for ri, row in enumerate(group.rows):
                before = (row.finding.decision, row.finding.printed, row.by)
                row.finding = row.finding.decided(policy, people, orgs)
                row.by = policy.decided_by(row.finding.key, row.finding.hit)
                if (row.finding.decision, row.finding.printed, row.by) != before:
                    changed.setdefault(gi, []).append(ri)
        return changed

    # -- reading ---------------------------------------------------------------------------
    def counts(self) -> tuple[int, int]:
        """(hits, undecided hits)."""
        rows = [r for g in self.groups for r in g.rows]
        return len(rows), sum(1 for r in rows if r.finding.unresolved)

    def hit_rows(self) -> Iterator[HitRow]:
        for group in self.groups:
            yield from group.rows

    def row_at(self, index: _Index) -> HitRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self.groups[index.internalId() - 1]
        return group.rows[index.row()] if index.row() < len(group.rows) else None

    def group_at(self, index: _Index) -> Group | None:
        """The group row itself (None for a hit row)."""
        if not index.isValid() or index.internalId() != 0:
            return None
        return self.groups[index.row()] if index.row() < len(self.groups) else None

    def group_of(self, index: _Index) -> Group | None:
        """The group of a row, whether it is the group row or one of its hits."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.group_at(index)
        return self.groups[index.internalId() - 1]

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        """The row of a hit key or group key (invalid when it is not shown any more)."""
        found = self._by_key.get(key)
        if found is not None:
            gi, ri = found
            return self.index(ri, column, self.index(gi, 0))
        for gi, group in enumerate(self.groups):
            if group.key == key:
                return self.index(gi, column)
        return QModelIndex()

    def group_printed(self, group: Group) -> str:
        """What withholding every mention prints: the typed replacement or the default."""
        decision = self._group_decision(group)
        if decision is not None and decision.replacement:
            return decision.replacement
        scan = self.scan
        if scan is None:
            return ""
        if group.person:
            return describe(scan.people.get(group.person), self.policy.replacement)
        if group.rows:
            hit = group.rows[0].finding.hit
            return replacement_for(hit, self.policy.replacement, scan.people, scan.organisations)
        return ""

    def _group_decision(self, group: Group, policy: PrivacyPolicy | None = None) -> Decision | None:
        policy = policy or self.policy
        if group.person:
            return policy.people.get(group.person)
        if group.organisation:
            return policy.organisation_decisions.get(group.organisation)
        return None

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.groups):
            return QModelIndex()
        if row >= len(self.groups[parent.row()].rows):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self.groups[parent.row()].rows) if parent.row() < len(self.groups) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(HEADERS)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == PRINTED:
            group = self.group_at(index)
            if group is None or group.bulk:
                return _EDITABLE
        return _SELECTABLE

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group_at(index)
        if group is not None:
            return self._group_data(group, index.column(), role)
        row = self.row_at(index)
        return None if row is None else self._hit_data(row, index.column(), role)

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        undecided = group.undecided()
        if role == KEY_ROLE:
            return group.key
        if role == UNDECIDED_ROLE:
            return undecided > 0
        if role == SEARCH_ROLE:
            return group.title
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FOUND:
                return group.title
            if column == WHERE:
                n = len(group.rows)
                sections = ", ".join(dict.fromkeys(r.finding.source.section for r in group.rows))
                return f"{n} mention{'s' * (n != 1)}: {sections}"
            if column == DECISION:
                decision = self._group_decision(group)
                if decision is not None:
                    said = f"{CHOICE_WORDS[decision.choice]} every mention"
                    return said + (f" · {undecided} undecided" if undecided else "")
                return f"{undecided} undecided" if undecided else "Each decided"
            if column == PRINTED:
                return self.group_printed(group) if group.bulk else ""
        if role == Qt.ItemDataRole.EditRole and column == PRINTED:
            return self.group_printed(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PRINTED and group.bulk:
                return "What withholding every mention prints (F2 to change it)"
            return group.tip
        if role == Qt.ItemDataRole.FontRole and column == FOUND:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == DECISION and undecided:
            return UNDECIDED_INK
        return None

    def _hit_data(self, row: HitRow, column: int, role: int) -> Any:
        f = row.finding
        if role == KEY_ROLE:
            return f.key
        if role == UNDECIDED_ROLE:
            return f.unresolved
        if role == SNIPPET_ROLE:
            return (f.snippet, *f.mark) if column == FOUND else None
        if role == SEARCH_ROLE:
            return " ".join((f.hit.text, f.snippet, *row.places, self.groups[row.group].title))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == FOUND:
                return f.snippet
            if column == WHERE:
                more = len(row.places) - 1
                return row.places[0] + (f" (+{more} more)" if more else "")
            if column == DECISION:
                return choice_text(f.decision, row.by or "hit")
            if column == PRINTED:
                if role == Qt.ItemDataRole.EditRole and f.decision is not None:
                    if f.decision.choice != Choice.WITHHOLD:  # start from the default
                        return self._default(row)
                return f.printed
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FOUND:
                kind = f.hit.kind.value
                return (
                    f"“{f.hit.text}”: {kind}, {f.hit.reason} ({f.hit.confidence:.0%} sure)\n"
                    f"{f.snippet}"
                )
            if column == WHERE:
                times = f"\nfound {row.count} times" if row.count > 1 else ""
                return "\n".join(row.places) + times
            if column == PRINTED:
                if f.decision is None:
                    return "Withheld like this unless you decide (F2 to change what is printed)"
                return "F2 to change what is printed instead"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DECISION and f.unresolved:
                return UNDECIDED_INK
            kept = f.decision is not None and f.decision.choice != Choice.WITHHOLD
            if column == PRINTED and kept:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and f.unresolved and column in (DECISION, PRINTED):
            font = QFont()
            font.setItalic(column == PRINTED)
            font.setBold(column == DECISION)
            return font
        return None

    def _default(self, row: HitRow) -> str:
        scan = self.scan
        if scan is None:
            return ""
        hit = row.finding.hit
        return replacement_for(hit, self.policy.replacement, scan.people, scan.organisations)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Typing what a withheld hit prints: the panel records it as a decision."""
        if role != Qt.ItemDataRole.EditRole or index.column() != PRINTED:
            return False
        target: HitRow | Group | None = self.group_at(index) or self.row_at(index)
        if target is None or (isinstance(target, Group) and not target.bulk):
            return False
        self.replacement_edited.emit(target, str(value or "").strip())
        return True


_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs: one dataChanged each."""
    start = prev = None
    for r in rows:
        if start is None:
            start = prev = r
        elif r == prev + 1:  # type: ignore[operator]
            prev = r
        else:
            yield start, prev  # type: ignore[misc]
            start = prev = r
    if start is not None:
        yield start, prev  # type: ignore[misc]


class HitsFilter(QSortFilterProxyModel):
    """Only undecided hits, and/or hits whose words or place contain the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undecided_only = False
        self.text = ""
        self.setRecursiveFilteringEnabled(True)

    def set_filter(self, *, undecided_only: bool | None = None, text: str | None = None) -> None:
        self.beginFilterChange()
        if undecided_only is not None:
            self.undecided_only = undecided_only
        if text is not None:
            self.text = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 - Qt API
        if not (self.undecided_only or self.text):
            return True
        if not parent.isValid():
            return False  # a group shows when one of its hits does
        index = self.sourceModel().index(row, 0, parent)
        if self.undecided_only and not index.data(UNDECIDED_ROLE):
            return False
        return not self.text or self.text in fold(index.data(SEARCH_ROLE) or "")


class SnippetDelegate(QStyledItemDelegate):
    """Draws a hit's context on one line with the hit itself marked (bold, highlighted)."""

    MARK = QColor("#FFE08A")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        value = index.data(SNIPPET_ROLE)
        if not value:
            super().paint(painter, option, index)
            return
        text, start, end = value
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = QRectF(opt.rect.adjusted(4, 0, -4, 0))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        plain = QFont(opt.font)
        bold = QFont(opt.font)
        bold.setBold(True)
        fm, fb = QFontMetrics(plain), QFontMetrics(bold)
        before, found, after = text[:start], text[start:end], text[end:]
        width = rect.width()
        found_w = fb.horizontalAdvance(found)
        room = max(0.0, width - found_w)
        if fm.horizontalAdvance(before) + fm.horizontalAdvance(after) > room:
            before_room = min(fm.horizontalAdvance(before), room * 0.45)
            before = fm.elidedText(before, Qt.TextElideMode.ElideLeft, int(before_room))
        painter.save()
        painter.setClipRect(opt.rect)
        x = rect.left()
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setPen(ink)
        painter.setFont(plain)
        if before:
            w = fm.horizontalAdvance(before)
            painter.drawText(QRectF(x, rect.top(), w + 1, rect.height()), flags, before)
            x += w
        high = min(rect.height() - 2, fb.height() + 2)
        top = rect.top() + (rect.height() - high) / 2
        mark = QRectF(x - 1, top, min(found_w, width) + 2, high)
        painter.fillRect(mark, self.MARK)
        painter.setPen(QColor("#1C2430"))
        painter.setFont(bold)
        painter.drawText(QRectF(x, rect.top(), found_w + 1, rect.height()), flags, found)
        x += found_w
        left = rect.right() - x
        if after and left > 0:
            painter.setPen(ink)
            painter.setFont(plain)
            shown = fm.elidedText(after, Qt.TextElideMode.ElideRight, int(left))
            painter.drawText(QRectF(x, rect.top(), left, rect.height()), flags, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(min(size.width(), 520), size.height())


class FindingsTable(QAbstractTableModel):
    """A flat list of hits (the export's question): found, context, where, printed as."""

    COLUMNS = ("Found", "In context", "Where", "Withheld as")

    def __init__(self, findings: list[Finding], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings = list(findings)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section] if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        f = self.findings[index.row()]
        if role == SNIPPET_ROLE and index.column() == 1:
            return (f.snippet, *f.mark)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (f.hit.text, f.snippet, place(f), f.printed)[index.column()]
        return None
