"""Typing notes: one input (Enter saves), their kind, who said it, and the session's list.

Built for a rapporteur typing while people talk: kinds by shortcut or prefix, a roster
type-ahead for "said by", owner/due/status for action items (Enter there saves too), and
the list below that edits, stars, moves and deletes in place. Every edit is one undo step.

The kind belongs to the place the rapporteur writes in: moving to another session, team or
prompt starts the input on that place's kind (a key point; a worksheet answer on a prompt),
so a Decision picked for the last note of one session is not what the next team's answer
is saved as (:func:`~facilitator.domain.capture.kind_after_move`).

The list shows what the file holds: it takes every note change, this panel's own included,
from ``Changes`` (a saved note's row comes back with the names it points at and its stamps).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from facilitator.domain.capture import (
    ACTION_STATUSES,
    SETTING_KINDS,
    context_kind,
    kind_after_move,
    label_of,
    parse_prefix,
)
from facilitator.edits import capture as edits
from facilitator.store import notes as store
from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.context_bar import Choice
from facilitator.ui.capture.dialogs import KindsDialog
from facilitator.ui.capture.drafts import DRAFT_ID
from facilitator.ui.capture.models import NoteListModel
from facilitator.ui.capture.pending import PendingChanges
from facilitator.ui.capture.widgets import EnterSubmits, mnemonics, person_completer
from facilitator.ui.forms.ui_capture_notes import Ui_CaptureNotesPanel
from facilitator.ui.jobs import Job


class NotesPanel(QWidget):
    unsent_changed = Signal()  # the text in the input changed (typed, not saved)
    saved = Signal(str)  # the input became this note (its text has left the box)

    def __init__(
        self, ctx: AreaContext, shortcut_scope: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        """``shortcut_scope``: where Alt+1…8 choose the kind (the whole area, by default this
        panel)."""
        super().__init__(parent)
        self.ui = Ui_CaptureNotesPanel()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.kinds = self.ws.notes.kinds()
        self.kind = context_kind(None)
        self.choice = Choice()
        self._listed = False
        self._people: dict[str, str] = {}
        self._people_job: Job | None = None
        self._people_known = False  # ``_people`` holds the roster as it is now
        self._kind_shortcuts: list[QShortcut] = []
        self._shortcut_scope = shortcut_scope or self
        self._pending = PendingChanges()  # what changed while the panel was hidden
        self._saving: edits.AddNote | None = None  # the note Enter is saving
        # The draft a saved note deletes in its transaction, and who is told when it did
        # (the area's draft keeper knows whether there is one; a panel on its own always
        # deletes it).
        self.draft_to_clear: Callable[[], str | None] = lambda: DRAFT_ID
        self.draft_cleared: Callable[[], None] = lambda: None
        self.input = self.ui.note_input
        self.view = self.ui.note_list
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 4 + 12)
        self.input.submitted.connect(self.submit)
        self.input.textChanged.connect(self._input_changed)
        self.ui.said_by_edit.returnPressed.connect(self.input.setFocus)
        self.ui.said_by_edit.installEventFilter(self)
        self.ui.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.ui.due_edit.setDate(ctx.bus.clock.now().date() + timedelta(days=14))
        self.ui.due_check.toggled.connect(self._due_toggled)
        self.ui.status_combo.addItems(list(ACTION_STATUSES))
        self.ui.action_row.hide()
        self._enter = EnterSubmits(
            self.submit,
            [self.ui.owner_edit, self.ui.due_check, self.ui.due_edit, self.ui.status_combo],
            self,
        )

        self.model = NoteListModel(
            self.ws,
            lambda e: self.ctx.push(e, initiator=self),
            self.kinds,
            self._person_id,
            self,
            clock=ctx.bus.clock,
        )
        self.view.attach(self.model, self.kinds)
        self.view.person_delegate.before_edit = self._people_now
        self.view.delete_requested.connect(self.delete_selected)
        self.view.move_requested.connect(self.move_selected)
        self.view.star_requested.connect(self.toggle_star)

        self._load_people()
        self._apply_kinds()
        if ctx.read_only:
            self._set_read_only()
        self.ws.hub.changed.connect(self._on_changed)

    # -- following the context bar ---------------------------------------------------------
    @property
    def listed(self) -> bool:
        """Whether the list shows a place's notes yet."""
        return self._listed

    def follow(self, choice: Choice) -> None:
        """List the notes of the chosen session (and team); new notes go there, starting on
        that place's kind."""
        self.catch_up()
        before = self.choice
        self.choice = choice
        where = (choice.session_id, choice.team_id, choice.prompt_id)
        if where != (before.session_id, before.team_id, before.prompt_id):
            typing = bool(self.input.toPlainText().strip())
            self.set_kind(kind_after_move(self.kind, before.prompt_id, choice.prompt_id, typing))
        shown = (self.model.session_id, self.model.team_id)
        if (choice.session_id, choice.team_id) != shown or not self._listed:
            self._listed = True
            self.model.set_filter(choice.session_id, choice.team_id)
            if self.model.rowCount():
                self.view.scrollToBottom()

    # -- the unsent text (kept as a draft by the area's draft keeper) ----------------------
    def unsent(self) -> tuple[str, dict[str, Any]]:
        """The typed text and what else the input says about it."""
        return self.input.toPlainText(), {"kind": self.kind, "said_by": self.ui.said_by_edit.text()}

    def restore_unsent(self, text: str, kind: str | None, said_by: str) -> None:
        if kind:
            self.set_kind(kind)
        self.ui.said_by_edit.setText(said_by)
        self.input.setPlainText(text)
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)

    def clear_unsent(self) -> None:
        self.input.clear()

    def _input_changed(self) -> None:
        self._update_kind_ui()
        self.unsent_changed.emit()

    def submit(self) -> str | None:
        """Save the typed note (Enter); returns its id."""
        if self.ctx.read_only:
            self.ctx.status("This workshop is open read-only; notes cannot be added.")
            return None
        prefixed, text = parse_prefix(self.input.toPlainText(), self.kinds)
        text = text.strip()
        if not text:
            return None
        session_id = self.choice.session_id
        if not session_id:
            self.ctx.status("Add a session in the Agenda first: every note belongs to a session.")
            return None
        kind = prefixed or self.kind
        said_by_typed = self.ui.said_by_edit.text()
        said_by = said_by_typed.strip()
        person = self._person_id(said_by)
        values: dict[str, Any] = {
            "session_id": session_id,
            "team_id": self.choice.team_id,
            "prompt_id": self.choice.prompt_id,
            "kind": kind,
            "text": text,
            "attribution_person_id": person,
            "attribution_text": "" if person else said_by,
            "starred": int(self.ui.star_check.isChecked()),
            "position": None,  # last in the session: the insert works it out
        }
        if kind == "action_item":
            values["action_owner"] = self.ui.owner_edit.text().strip()
            values["action_due"] = (
                self.ui.due_edit.date().toString("yyyy-MM-dd")
                if self.ui.due_check.isChecked()
                else None
            )
            values["action_status"] = self.ui.status_combo.currentText()
        draft_id = self.draft_to_clear()
        command = edits.AddNote(self.ws, store.new_note_row(**values), draft_id)
        self._saving = command  # the list takes the note from it, not read back
        try:
            if not self.ctx.push(command, initiator=self):
                return None  # the text stays in the box and in the draft
        finally:
            self._saving = None
        if draft_id:
            self.draft_cleared()
        # The box empties on the next turn of the event loop, before it is painted, or as
        # soon as its text is typed into or read (the note is in the file and the list
        # now); the kind hint, the message and ``saved`` follow it.
        note_id = command.note_id
        message = f"Saved {label_of(kind, self.kinds).lower()}."
        self.input.clear_soon(lambda: self._note_left(note_id, message))
        if said_by_typed:
            self.ui.said_by_edit.clear()
        if values["starred"]:
            self.ui.star_check.setChecked(False)
        self.ui.owner_edit.clear()
        self.ui.due_check.setChecked(False)
        self.ui.status_combo.setCurrentIndex(0)
        self.input.setFocus()  # Enter in the owner or due field: the next note is typed here
        return note_id

    def _note_left(self, note_id: str, message: str) -> None:
        """The saved note's text left the box."""
        self._update_kind_ui("")
        self.saved.emit(note_id)
        self.ctx.status(message)

    def focus_input(self) -> None:
        self.input.setFocus()

    def _due_toggled(self, checked: bool) -> None:
        self.ui.due_edit.setEnabled(checked)
        if checked and self.ui.due_check.hasFocus():
            # Alt+D ticks it: the date is typed next, from its first part (the year).
            self.ui.due_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_list(self) -> None:
        self.view.setFocus()

    # -- the list --------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        self.catch_up()
        return self.view.selected_ids()

    def select_row(self, row: int) -> None:
        self.catch_up()
        self.view.select_row(row)

    def select_note(self, note_id: str) -> bool:
        self.catch_up()
        return self.view.select_note(note_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and not self.ctx.read_only:
            first = self.view.currentIndex().row()
            pushed = self.ctx.push(edits.delete_notes(self.ws, ids), initiator=self)
            if pushed and self.model.rowCount():
                self.select_row(min(first, self.model.rowCount() - 1))

    def move_selected(self, delta: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or self.ctx.read_only:
            return
        if self.model.loading:  # the order is renumbered over the whole list
            self.ctx.status("Still listing the session's notes: move the note in a moment.")
            return
        edit = edits.move_note(self.ws, self.model.ids(), ids[0], delta)
        if edit is not None and self.ctx.push(edit, initiator=self):
            self.select_note(ids[0])

    def toggle_star(self) -> None:
        for note_id in self.selected_ids():
            row = self.model.rows[self.model.row_of(note_id)]
            edit = edits.edit_note(self.ws, note_id, {"starred": 0 if row["starred"] else 1})
            self.ctx.push(edit, initiator=self)

    # -- people ----------------------------------------------------------------------------
    def _load_people(self) -> None:
        """The names "said by" completes and resolves, read again (people changed).

        In a large workshop (thousands of people, sorted in human order) they are read in
        a job when first needed: when the "said by" field takes the keyboard (Alt+B, Tab,
        a click). A job's Python work slows every Python call the window makes while it
        runs, so reading them as the area opens would slow its first display; a note saved
        with a "said by", or a "said by" edited in the list, before they are read reads
        them here.
        """
        self._forget_people_job()
        self._people_known = False
        if not self.ws.is_large:
            self._show_people(self.ws.notes.people())
        elif self.ui.said_by_edit.hasFocus():
            self._read_people_later()

    def _read_people_later(self) -> None:
        if self._people_known or self._people_job is not None:
            return
        ws = self.ws

        def work(_progress: Any) -> tuple[list[str], dict[str, str]]:
            with ws.reader() as reader:
                return _person_names(reader.notes.people())

        job = Job(self, "Reading the participants…", work, dialog=False)
        job.done.connect(self._people_read)
        job.failed.connect(lambda _exc: self._people_now())
        self._people_job = job
        job.start()

    def _people_now(self) -> None:
        """Have the names now (read here if the job has not read them yet)."""
        if self._people_known:
            return
        self._forget_people_job()
        self._show_people(self.ws.notes.people())

    def _forget_people_job(self) -> None:
        if self._people_job is not None:
            self._people_job.blockSignals(True)
            self._people_job.wait()
            self._people_job.deleteLater()
            self._people_job = None

    def _people_read(self, read: tuple[list[str], dict[str, str]]) -> None:
        if self._people_job is not None:
            self._people_job.deleteLater()
            self._people_job = None
        self._use_people(*read)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.ui.said_by_edit and event.type() == QEvent.Type.FocusIn:
            self._read_people_later()
        return False

    def _show_people(self, people: list[dict[str, Any]]) -> None:
        self._use_people(*_person_names(people))

    def _use_people(self, names: list[str], ids: dict[str, str]) -> None:
        self._people = ids
        self._people_known = True
        edit = self.ui.said_by_edit
        edit.setCompleter(person_completer(names, edit))
        self.view.set_people(names)

    def _person_id(self, text: str) -> str | None:
        if not text.strip():
            return None
        self._people_now()
        return self._people.get(text.strip().casefold())

    def stop(self) -> None:
        """Stop reading in the background (the area closes)."""
        self.model.stop()
        self._forget_people_job()

    # -- kinds -----------------------------------------------------------------------------
    def _apply_kinds(self) -> None:
        """Fill the kind picker and bind each kind's shortcut."""
        for sc in self._kind_shortcuts:
            sc.setParent(None)
            sc.deleteLater()
        self._kind_shortcuts = []
        combo = self.ui.kind_combo
        combo.blockSignals(True)
        combo.clear()
        for k in self.kinds:
            combo.addItem(
                f"{k.label}  ({k.shortcut}{' · ' + k.prefix + ':' if k.prefix else ''})", k.key
            )
            if k.shortcut:
                sc = QShortcut(QKeySequence(k.shortcut), self._shortcut_scope)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.setWhatsThis(f"Kind: {k.label}")
                sc.activated.connect(lambda key=k.key: self.set_kind(key))
                self._kind_shortcuts.append(sc)
        combo.setCurrentIndex(max(combo.findData(self.kind), 0))
        combo.blockSignals(False)

    def set_kind(self, key: str) -> None:
        self.kind = key
        self.ui.kind_combo.setCurrentIndex(max(self.ui.kind_combo.findData(key), 0))
        self._update_kind_ui()

    def _kind_chosen(self, _index: int) -> None:
        if self.ui.kind_combo.currentData():
            self.kind = self.ui.kind_combo.currentData()
        self._update_kind_ui()

    def _update_kind_ui(self, text: str | None = None) -> None:
        """Show the kind a prefix picks and the action fields; ``text``: the input's text
        when the caller knows it (the input just cleared), not read from it again."""
        typed = self.input.toPlainText() if text is None else text
        prefixed, _rest = parse_prefix(typed, self.kinds)
        kind = prefixed or self.kind
        hint = f"→ {label_of(kind, self.kinds)} (prefix)" if kind != self.kind else ""
        self.ui.prefix_hint.setText(hint)
        self.ui.action_row.setVisible(kind == "action_item")

    def reserved_keys(self) -> dict[str, str]:
        """Keys a kind's shortcut must not take: the area's Alt+letters and the window's
        menus and shortcuts (a shared key lost a note: Alt+S was Session and Star)."""
        reserved: dict[str, str] = {}
        window = self.window()
        scope = self._shortcut_scope
        for key, texts in mnemonics(scope).items():
            reserved[key] = texts[0]
        bar = window.menuBar() if hasattr(window, "menuBar") else None
        if bar is not None:
            for action in bar.actions():
                key = QKeySequence.mnemonic(action.text())
                if not key.isEmpty():
                    reserved[key.toString(QKeySequence.SequenceFormat.PortableText)] = (
                        action.text().replace("&", "") + " menu"
                    )
        for action in window.findChildren(QAction):
            for key in action.shortcuts():
                reserved.setdefault(
                    key.toString(QKeySequence.SequenceFormat.PortableText),
                    action.text().replace("&", ""),
                )
        reserved.setdefault("Ctrl+F", "Search")
        return reserved

    def edit_kinds(self) -> None:
        """Labels, prefixes and shortcuts of the kinds; the change comes back as Changes."""
        dialog = KindsDialog(self.kinds, self, self.reserved_keys())
        if dialog.exec() and not self.ctx.read_only:
            try:
                self.ws.notes.set_kinds(dialog.result_kinds)
            except WorkshopError as exc:
                self.ctx.error(exc)

    def _reload_kinds(self) -> None:
        self.kinds = self.ws.notes.kinds()
        self.model.set_kinds(self.kinds)
        self.view.set_kinds(self.kinds)
        self._apply_kinds()

    # -- reacting to the file --------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not self.isVisible():
            self._pending.add(changes)  # read when shown (or asked), not per note typed
            return
        self._apply(changes)

    def catch_up(self) -> None:
        """Apply what changed while the panel was hidden."""
        changes = self._pending.take()
        if changes is not None:
            self._apply(changes)

    def _apply(self, changes: Changes) -> None:
        saving = self._saving
        if saving is not None and saving.written is not None and changes.made_by(self):
            self.model.apply_changes(changes, {saving.note_id: saving.written})
        else:
            self.model.apply_changes(changes)
        if changes.touches(Table.PEOPLE):
            self._load_people()
        settings = changes.ids(Table.SETTINGS)
        if settings is None or SETTING_KINDS in settings:
            if self.ws.notes.kinds() != self.kinds or changes.everything:
                self._reload_kinds()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.catch_up()
        self.model.clock_moved()  # the Agenda may have started or ended a rehearsal

    def _set_read_only(self) -> None:
        for w in (self.input, self.ui.said_by_edit, self.ui.star_check, self.ui.action_row):
            w.setEnabled(False)
        self.view.set_read_only()
        self.input.setPlaceholderText("Read-only: notes cannot be added to this file.")


def _person_names(people: list[dict[str, Any]]) -> tuple[list[str], dict[str, str]]:
    """The names "said by" offers ("Ana Lopez (Peru, UNDP)") and what each typed name
    resolves to: the offered text, or the bare name when only one person has it."""
    counts: dict[str, int] = {}
    for p in people:
        counts[p["name"].casefold()] = counts.get(p["name"].casefold(), 0) + 1
    ids: dict[str, str] = {}
    names = []
    for p in people:
        where = ", ".join(x for x in (p["country"], p["organisation"]) if x)
        shown = f"{p['name']} ({where})" if where else p["name"]
        names.append(shown)
        ids[shown.casefold()] = p["id"]
        if counts[p["name"].casefold()] == 1:
            ids[p["name"].casefold()] = p["id"]
    return names, ids
