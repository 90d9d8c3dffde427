"""The Capture area: live notes per session and team, summaries, worksheets and search.

A composition of panels, each owning its widgets and refreshing itself from ``Changes``:
the context bar (session, team, prompt) whose choice the others follow, the notes panel,
the summary panel, the worksheet, the search panel, and the draft keeper that keeps unsent
text in the file. The area wires their signals together (no panel touches another's
widgets) and turns navigation requests into a choice and a selection; when opening a note
or summary moves the choice elsewhere, the status bar and the context bar say so.

Keyboard (unique in the area, clear of the menu bar's Alt+F/E/V/H and Ctrl+1…6): Alt+N,
Alt+W, Alt+C the tabs; Alt+S, Alt+M, Alt+P session, team, prompt (Enter comes back to the
note box); Alt+K kind, Alt+1…9 a kind at once, Alt+B said by, Alt+R star, Alt+O owner,
Alt+D due, Alt+U status, Alt+Y summary, Alt+X exercise, Alt+I edit prompts, Alt+A discard
recovered text, Ctrl+F search.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.capture.context_bar import Choice, ContextBar
from facilitator.ui.capture.drafts import DraftKeeper
from facilitator.ui.capture.notes_panel import NotesPanel
from facilitator.ui.capture.search_panel import SearchPanel
from facilitator.ui.capture.summary_panel import SummaryPanel
from facilitator.ui.capture.worksheet_panel import WorksheetPanel

NOTES_TAB, WORKSHEET_TAB, SEARCH_TAB = range(3)
# What the note list's own keys do (Help ▸ Keyboard shortcuts lists them).
NOTE_LIST_KEYS = {
    "Del": "Delete the selected notes",
    "Alt+Up": "Move the note up",
    "Alt+Down": "Move the note down",
    "Space": "Star or unstar the note",
}


class CaptureArea(QWidget):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ws = ctx.workshop
        outer = QVBoxLayout(self)
        self.context = ContextBar(ctx)
        outer.addWidget(self.context)
        self.drafts = DraftKeeper(ctx, self._unsent)
        outer.addWidget(self.drafts)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("capture_tabs")
        outer.addWidget(self.tabs, 1)

        self.notes = NotesPanel(ctx, shortcut_scope=self)
        self.summary = SummaryPanel(ctx)
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.setObjectName("notes_splitter")
        QVBoxLayout(page).addWidget(split)
        split.addWidget(self.notes)
        split.addWidget(self.summary)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 300])
        self.tabs.addTab(page, "&Notes")
        # The worksheet and search tabs are built on the next turn of the event loop (or
        # when first used): the notes tab, which the area opens on, is on screen sooner.
        self._worksheet: WorksheetPanel | None = None
        self._search: SearchPanel | None = None
        self._worksheet_page = _page()
        self.tabs.addTab(self._worksheet_page, "&Worksheet")
        self._search_page = _page()
        self.tabs.addTab(self._search_page, "Sear&ch")
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._build_tabs)
        # Decided once: a file that grows past the size while the area is open keeps the
        # way it was opened (its list was read whole, or its timers were made).
        large = self.ws.is_large
        if not large:
            self._later.start()  # (a large workshop's, once its notes are listed)
        # What the benchmark and the crash test type into and read back.
        self.input = self.notes.input
        self.model = self.notes.model

        self.context.own_note_edits = (self.notes,)  # typing a note changes no conflict
        self.context.changed.connect(self._follow)
        self.context.picked.connect(self.back_to_typing)
        self.context.kinds_requested.connect(self.notes.edit_kinds)
        self.notes.unsent_changed.connect(self.drafts.schedule)
        self.notes.saved.connect(self.drafts.note_saved)
        self.notes.draft_to_clear = self.drafts.to_clear
        self.notes.draft_cleared = self.drafts.cleared
        self.drafts.discard_requested.connect(self.notes.clear_unsent)
        self.tabs.currentChanged.connect(self._tab_changed)
        # Alt+N on the tab already shown changes no tab; it still takes the keyboard there.
        self.tabs.tabBar().installEventFilter(self)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.setWhatsThis("Search notes and summaries")
        find.activated.connect(self.focus_search)
        from facilitator.ui.shortcuts import declare_keys, describe_shortcuts

        declare_keys(self.input, ("Return", "Save the note"), ("Shift+Return", "New line"))
        describe_shortcuts(self.notes.view, NOTE_LIST_KEYS)
        declare_keys(self.notes.view, ("F2", "Edit the cell"))

        # A large workshop's area paints first, its notes on the next turn of the event
        # loop the window has free once it shows (unless a recovered draft or a request
        # chooses the place before that), its other tabs on the turn after: each is one
        # step the window paints between, not one long wait.
        self._list_later = QTimer(self)
        self._list_later.setSingleShot(True)
        self._list_later.setInterval(0)
        self._list_later.timeout.connect(self._first_follow)
        self._list_pending = large  # started by the first showEvent
        if not large:
            self._follow(self.context.choice())
        self._restore_draft()

    def _first_follow(self) -> None:
        if not self.notes.listed:
            self._follow(self.context.choice())
        self._later.start()

    def _follow(self, choice: Choice) -> None:
        self.notes.follow(choice)
        self.summary.follow(choice)
        if self._worksheet is not None:
            self._worksheet.follow(choice)
        self.drafts.context_changed()

    # -- the tabs built after the notes tab -------------------------------------------------
    def _build_tabs(self) -> None:
        _ = self.worksheet, self.search

    @property
    def worksheet(self) -> WorksheetPanel:
        if self._worksheet is None:
            panel = WorksheetPanel(self.ctx)
            self._worksheet_page.layout().addWidget(panel)
            panel.answer_requested.connect(self.open_context)
            panel.follow(self.context.choice())
            self._worksheet = panel
        return self._worksheet

    @property
    def search(self) -> SearchPanel:
        if self._search is None:
            panel = SearchPanel(self.ws, self.notes.kinds)
            self._search_page.layout().addWidget(panel)
            panel.open_hit.connect(self._open_hit)
            self._search = panel
        return self._search

    @property
    def session_id(self) -> str | None:
        return self.context.session_id

    @property
    def team_id(self) -> str | None:
        return self.context.team_id

    @property
    def prompt_id(self) -> str | None:
        return self.context.prompt_id

    # -- unsent text -----------------------------------------------------------------------
    def _unsent(self) -> tuple[str, dict[str, Any]]:
        text, fields = self.notes.unsent()
        where = {"session_id": self.session_id, "team_id": self.team_id}
        return text, {**where, "prompt_id": self.prompt_id, **fields}

    def _restore_draft(self) -> None:
        draft = self.drafts.recovered()
        if draft is None:
            return
        context = draft["context"]
        self.context.restore(
            context.get("session_id"), context.get("team_id"), context.get("prompt_id")
        )
        self.notes.restore_unsent(draft["text"], context.get("kind"), context.get("said_by", ""))
        self.drafts.offer(draft)

    # -- navigation ------------------------------------------------------------------------
    def open_context(
        self, session_id: str | None, team_id: str | None, prompt_id: str | None = None
    ) -> None:
        """Show the notes tab for a session/team/prompt and put the cursor in the input."""
        self.context.choose(session_id, team_id, prompt_id)
        self.tabs.setCurrentIndex(NOTES_TAB)
        self.notes.focus_input()

    def back_to_typing(self) -> None:
        """The rapporteur chose where notes go (Enter in a picker): type the next one."""
        self.tabs.setCurrentIndex(NOTES_TAB)
        self.notes.focus_input()

    def handle_request(self, request: dict[str, Any]) -> None:
        """Open a note ({"note_id"}), summary ({"summary_id"}) or session ({"session_id"}).

        A note or summary opens where it was written; when that is another session, team or
        prompt than the one chosen, the status bar and the context bar say so (new notes go
        there from now on)."""
        before = self.context.choice()
        if request.get("note_id"):
            note = self.ws.rows.get(Table.NOTES, request["note_id"])
            if note is None:
                self.ctx.status("That note no longer exists (deleted or merged away).")
                return
            self.open_context(note["session_id"], note["team_id"], note["prompt_id"])
            if not self.notes.select_note(note["id"]):
                self.context.set_team(None)
                self.notes.select_note(note["id"])
            self.notes.focus_list()
            self._tell_moved(before, "note")
        elif request.get("summary_id"):
            summary = self.ws.rows.get(Table.SUMMARIES, request["summary_id"])
            if summary is None:
                self.ctx.status("That summary no longer exists (deleted or merged away).")
                return
            self.open_context(summary["session_id"], summary["team_id"])
            self.summary.focus_editor()
            self._tell_moved(before, "summary")
        elif request.get("session_id"):
            self.open_context(request["session_id"], request.get("team_id"))

    def _tell_moved(self, before: Choice, what: str) -> None:
        after = self.context.choice()
        parts = [
            name
            for name, old, new in (
                ("session", before.session_id, after.session_id),
                ("team", before.team_id, after.team_id),
                ("prompt", before.prompt_id, after.prompt_id),
            )
            if old != new
        ]
        if not parts:
            return
        changed = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
        self.context.announce(f"↪ moved to show the {what}", before)
        self.ctx.status(
            f"Switched {changed} to show the {what}: {self.context.describe(after)}. "
            "New notes go there now."
        )

    def _open_hit(self, table: Table, row_id: str) -> None:
        key = "note_id" if table == Table.NOTES else "summary_id"
        self.handle_request({key: row_id})

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(SEARCH_TAB)
        self.search.query_edit.setFocus()
        self.search.query_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, lambda: self._focus_tab(self.tabs.currentIndex()))
        return False

    def _tab_changed(self, index: int) -> None:
        """Each tab takes the keyboard where its work is (Alt+N/W/C, Ctrl+F)."""
        if index == SEARCH_TAB:
            self.search.fill_filters()
            self.search.run()
        self._focus_tab(index)

    def _focus_tab(self, index: int) -> None:
        if not self.isVisible():
            return
        if index == NOTES_TAB:
            self.notes.focus_input()
        elif index == WORKSHEET_TAB:
            self.worksheet.ui.worksheet_view.setFocus()
        elif index == SEARCH_TAB:
            self.search.query_edit.setFocus()

    # -- leaving ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Write pending draft and summary text now (leaving the area, closing the file)."""
        self.drafts.flush()
        self.summary.flush()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self._later.stop()
        self._list_pending = False
        self._list_later.stop()
        if self._search is not None:
            self._search.stop()
        self.notes.stop()  # their readers must be gone before the file closes
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._list_pending:
            self._list_pending = False
            self._list_later.start()
        if self.tabs.currentIndex() == NOTES_TAB and not self.ctx.read_only:
            self.notes.focus_input()


def _page() -> QWidget:
    """A tab's page, its panel added when it is built."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page
