"""Overview: edit the workshop details; see what the workshop holds at a glance.

Every field is written the moment it changes (typing in one field merges into one undo step).

The glance is counted off the UI thread (a :class:`~facilitator.ui.jobs.Job` on a reader of
the file): the area shows the workshop's details at once and its figures a moment later, a
huge workshop included. It is counted again after changes while it is on screen, and when
it is shown again after changes elsewhere. The area the window opens with is also where the
workshop first shows on screen: from there the store's modules load in the background and
a damage found by the check that follows a large file's opening is reported.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_overview import Ui_OverviewForm
from facilitator.ui.idle import when_idle

if TYPE_CHECKING:
    from facilitator.ui.jobs import Job

# The glance's counts of the roster, with the dimension each one's labels belong to.
GLANCE_DIMENSIONS = (("roles", "role"), ("countries", "country"), ("genders", "gender"))

PRIVACY = [
    ("full", "Full details"),
    ("name_org", "Name and organisation only"),
    ("none", "Nothing personal"),
]
COMMON_ZONES = [
    "UTC",
    "Asia/Almaty",
    "Asia/Bangkok",
    "Asia/Bishkek",
    "Asia/Ho_Chi_Minh",
    "Asia/Jakarta",
    "Asia/Kuala_Lumpur",
    "Asia/Manila",
    "Asia/Phnom_Penh",
    "Asia/Tashkent",
    "Asia/Dushanbe",
    "Europe/Brussels",
    "Europe/London",
    "America/New_York",
]


# What the "at a glance" figures count.
GLANCE_TABLES = (
    Table.DAYS,
    Table.SESSIONS,
    Table.PEOPLE,
    Table.ATTENDANCE,
    Table.EXERCISES,
    Table.TEAMS,
    Table.NOTES,
    Table.SUMMARIES,
)


class VerticalScroll(QScrollArea):
    """A long form on a low screen scrolls up and down, never sideways: it is as wide as the
    form needs."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        inner = self.widget()
        bar = self.verticalScrollBar().sizeHint().width()
        width = inner.minimumSizeHint().width() + bar if inner is not None else 0
        return QSize(width, super().minimumSizeHint().height())


class OverviewArea(QWidget):
    def __init__(self, ctx: AreaContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.ws = ctx.workshop
        self.ui = Ui_OverviewForm()
        inner = QWidget()
        self.ui.setupUi(inner)
        # The details and the figures share the width in a fixed ratio, whatever the
        # figures say: when they arrived (counted after the first frame) the details form
        # narrowed from 937 to 568 px under the user's eyes.
        figures = self.ui.glance_group.sizePolicy()
        figures.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.ui.glance_group.setSizePolicy(figures)
        self.ui.main_layout.setStretch(0, 3)
        self.ui.main_layout.setStretch(1, 2)
        scroll = VerticalScroll()
        scroll.setObjectName("overview_scroll")
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        for key, label in PRIVACY:
            self.ui.privacy_combo.addItem(label, key)
        self.ui.timezone_combo.addItems(COMMON_ZONES)
        self._row_id = self.ws.info.details()["id"]
        self._text_fields: dict[str, QLineEdit] = {
            "title": self.ui.title_edit,
            "subtitle": self.ui.subtitle_edit,
            "venue": self.ui.venue_edit,
            "city": self.ui.city_edit,
            "country": self.ui.country_edit,
        }
        self._list_fields: dict[str, QPlainTextEdit] = {
            "organisers": self.ui.organisers_edit,
            "funders": self.ui.funders_edit,
        }
        self._load(connected=False)
        self._wire()
        self._glance_timer = QTimer(self, singleShot=True, interval=300)
        self._glance_timer.timeout.connect(self._refresh_glance)
        self._glance_job: Job | None = None
        self._glance_stale = True  # counted again when next shown
        self._glance_again = False  # changed while being counted
        self._painted = False
        self._damage = ""
        self.ui.glance_label.setText("<p>Counting what the workshop holds…</p>")
        self.ui.glance_label.installEventFilter(self)
        self.ws.hub.changed.connect(self._on_changed)
        self.ws.hub.damaged.connect(self._on_damaged)
        if ctx.read_only:  # every field starts editable (finding them all takes a while)
            for w in self.findChildren(QWidget):
                if hasattr(w, "setReadOnly"):
                    w.setReadOnly(True)
        for w in (
            self.ui.start_date_edit,
            self.ui.end_date_edit,
            self.ui.timezone_combo,
            self.ui.privacy_combo,
            self.ui.chatham_check,
            self.ui.half_days_check,
        ):
            w.setEnabled(not ctx.read_only)

    # -- loading ---------------------------------------------------------------------------
    def _load(self, connected: bool = True) -> None:
        """Show the workshop's details. Once the fields are ``connected`` to the edits their
        changes make, their signals are blocked meanwhile; the first load, before that,
        needs no blocking (finding every child widget to block it would cost the first
        frame some milliseconds)."""
        d = self.ws.info.details()
        children = self.findChildren(QWidget) if connected else []
        blockers = [QSignalBlocker(w) for w in children]
        for key, edit in self._text_fields.items():
            if edit.text() != (d[key] or ""):
                edit.setText(d[key] or "")
                edit.setCursorPosition(0)  # a long value shows its beginning, not its end
        for key, edit in self._list_fields.items():
            text = "\n".join(json.loads(d[key] or "[]"))
            if edit.toPlainText() != text:
                edit.setPlainText(text)
        sig = "\n".join(" | ".join(s) for s in json.loads(d["signatories"] or "[]"))
        if self.ui.signatories_edit.toPlainText() != sig:
            self.ui.signatories_edit.setPlainText(sig)
        langs = ", ".join(json.loads(d["languages"] or "[]"))
        if self.ui.languages_edit.text() != langs:
            self.ui.languages_edit.setText(langs)
            self.ui.languages_edit.setCursorPosition(0)
        if self.ui.description_edit.toPlainText() != d["description"]:
            self.ui.description_edit.setPlainText(d["description"])
        for key, edit in (
            ("start_date", self.ui.start_date_edit),
            ("end_date", self.ui.end_date_edit),
        ):
            if d[key]:
                edit.setDate(QDate.fromString(d[key], "yyyy-MM-dd"))
        self.ui.timezone_combo.setCurrentText(d["timezone"])
        self.ui.privacy_combo.setCurrentIndex(max(0, [k for k, _ in PRIVACY].index(d["privacy"])))
        self.ui.chatham_check.setChecked(bool(d["chatham_house"]))
        self.ui.half_days_check.setChecked(bool(d["half_days"]))
        del blockers

    def _wire(self) -> None:
        for key, edit in self._text_fields.items():
            edit.textEdited.connect(lambda text, k=key: self._set(k, text))
        for key, edit in self._list_fields.items():
            edit.textChanged.connect(
                lambda k=key, e=edit: self._set(
                    k,
                    json.dumps(
                        [ln.strip() for ln in e.toPlainText().splitlines() if ln.strip()],
                        ensure_ascii=False,
                    ),
                )
            )
        self.ui.signatories_edit.textChanged.connect(self._set_signatories)
        self.ui.languages_edit.textEdited.connect(
            lambda text: self._set(
                "languages",
                json.dumps([p.strip() for p in text.replace(";", ",").split(",") if p.strip()]),
            )
        )
        self.ui.description_edit.textChanged.connect(
            lambda: self._set("description", self.ui.description_edit.toPlainText())
        )
        self.ui.start_date_edit.dateChanged.connect(
            lambda d: self._set("start_date", d.toString("yyyy-MM-dd"), merge=False)
        )
        self.ui.end_date_edit.dateChanged.connect(
            lambda d: self._set("end_date", d.toString("yyyy-MM-dd"), merge=False)
        )
        self.ui.timezone_combo.currentTextChanged.connect(self._set_timezone)
        self.ui.privacy_combo.currentIndexChanged.connect(
            lambda i: self._set("privacy", PRIVACY[i][0], merge=False)
        )
        self.ui.chatham_check.toggled.connect(
            lambda on: self._set("chatham_house", int(on), merge=False)
        )
        self.ui.half_days_check.toggled.connect(
            lambda on: self._set("half_days", int(on), merge=False)
        )

    def _set_signatories(self) -> None:
        rows = []
        for line in self.ui.signatories_edit.toPlainText().splitlines():
            if line.strip():
                name, _, title = line.partition("|")
                rows.append([name.strip(), title.strip()])
        self._set("signatories", json.dumps(rows, ensure_ascii=False))

    def _set_timezone(self, text: str) -> None:
        from zoneinfo import available_timezones

        if text in COMMON_ZONES or text in available_timezones():
            self._set("timezone", text, merge=False)

    def _set(self, key: str, value: Any, merge: bool = True) -> None:
        if self.ctx.read_only:
            return
        if self.ws.info.details()[key] == value:
            return
        from facilitator.edits.base import SetFields

        label = key.replace("_", " ")
        self.ctx.push(
            SetFields(
                self.ws,
                Table.WORKSHOP,
                self._row_id,
                {key: value},
                text=f"Edit {label}",
                merge=merge,
            ),
            initiator=self,  # the field already shows the value
        )

    # -- updates from anywhere -------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Table.WORKSHOP) and not changes.made_by(self):
            self._load()
        if changes.touches(*GLANCE_TABLES):
            self._glance_stale = True
            if self.isVisible():
                self._glance_timer.start()

    def _on_damaged(self, error: WorkshopError) -> None:
        """The check after a large file opened found it damaged: say so, here and at once."""
        from html import escape

        self._damage = (
            f"<p style='color:#8A1C1C'><b>This file is damaged; changes are not saved.</b> "
            f"{escape(error.user_message())}</p>"
        )
        self.ui.glance_label.setText(self._damage + self.ui.glance_label.text())
        self.ctx.error(error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.ui.glance_label
            and event.type() == QEvent.Type.Paint
            and not self._painted
        ):
            # The workshop is on screen: now count (and load the rest) without holding up
            # its first frame.
            self._painted = True
            when_idle(self, self._first_shown)
        return False

    def _first_shown(self) -> None:
        if not self.ws.is_open:
            return
        self.ws.load_in_background()
        self._refresh_glance()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._painted and self._glance_stale:
            self._glance_timer.start(0)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._glance_timer.stop()
        if self._glance_job is not None and self._glance_job.running:
            self._glance_job.wait()  # its reader must be gone before the file closes
        super().closeEvent(event)

    def _refresh_glance(self) -> None:
        """Count in a job on a reader of the file; the figures follow when it is done."""
        if not self.ws.is_open:
            return
        if self._glance_job is not None and self._glance_job.running:
            self._glance_again = True
            return
        from facilitator.domain import people as people_dom
        from facilitator.ui.jobs import Job

        self._glance_stale = False
        self._glance_again = False
        ws = self.ws

        def count(_progress: Any) -> dict[str, Any]:
            with ws.reader() as reader:
                g = reader.info.glance()
                # The roster's categories and labels in human order ("Not given" once,
                # last), sorted here too: the first sort works out the workshop's locale.
                order = reader.collation.sort_key
                g["tallied"] = {
                    key: people_dom.tally(g[key], dimension, order)
                    for key, dimension in GLANCE_DIMENSIONS
                }
                return g

        job = Job(self, "Counting what the workshop holds…", count, dialog=False)
        job.done.connect(self._show_glance)
        job.failed.connect(self._glance_failed)
        self._glance_job = job
        job.start()

    def _glance_failed(self, exc: Exception) -> None:
        from html import escape

        self.ui.glance_label.setText(
            self._damage + f"<p>The figures could not be counted: {escape(str(exc))}</p>"
        )
        self._glance_finished()

    def _glance_finished(self) -> None:
        if self._glance_job is not None:
            self._glance_job.deleteLater()
            self._glance_job = None
        if self._glance_again and self.isVisible():
            self._glance_timer.start()

    def _show_glance(self, g: dict[str, Any]) -> None:
        from html import escape

        def pairs(items: list[tuple], label: Any = str) -> str:
            return ", ".join(f"{escape(label(k) or 'none')} {n:,}" for k, n in items) or "none"

        days = "".join(
            f"<li>{escape(title or date)} ({escape(date)}): {n:,} checked in</li>"
            for (date, title), (_, n) in zip(g["days"], g["attendance"], strict=False)
        )

        def count(n: int, one: str, many: str) -> str:
            """``n`` in the words ``one`` or ``many`` ("{} exercise"), thousands grouped."""
            return (one if n == 1 else many).format(f"{n:,}")

        notes_total = sum(n for _, n in g["notes"])
        html = (
            f"<h3>{count(g['people'], '{} person', '{} people')}</h3>"
            f"<p><b>Roles:</b> {pairs(g['tallied']['roles'])}</p>"
            f"<p><b>Countries ({len(g['countries'])}):</b> {pairs(g['tallied']['countries'])}</p>"
            f"<p><b>Gender:</b> {pairs(g['tallied']['genders'])}</p>"
            f"<h3>{count(len(g['days']), '{} day', '{} days')}, "
            f"{count(g['sessions'], '{} session', '{} sessions')}</h3><ul>{days}</ul>"
            f"<p>{count(g['group_sessions'], '{} group session', '{} group sessions')}, "
            f"{count(g['exercises'], '{} exercise', '{} exercises')}, "
            f"{count(g['teams'], '{} team', '{} teams')}</p>"
            f"<h3>{count(notes_total, '{} note', '{} notes')}, "
            f"{count(g['summaries'], '{} summary', '{} summaries')}</h3>"
            f"<p>{pairs(g['notes'], lambda k: k.replace('_', ' '))}</p>"
        )
        self.ui.glance_label.setText(self._damage + html)
        self._glance_finished()
