"""Rapporteurs' keys in the Venue Wi-Fi dialog: make one, show its QR code, revoke it.

The code is shown here, on the facilitator's own screen, and never on a projector view: a
key lets a browser add notes and see the roster's names for attribution. Making and revoking
keys are not undoable edits (like rotating the join code): a key shown once may be in use.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QHeaderView, QWidget

from facilitator.domain.venue import MAX_RAPPORTEUR_NAME
from facilitator.store.changes import Changes
from facilitator.store.tables import Table
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_venue_rapporteurs import Ui_VenueRapporteursPanel
from facilitator.ui.venue.controller import VenueController
from facilitator.ui.venue.models import RapporteursModel
from facilitator.ui.venue.qr import qr_image
from facilitator.venue.app import Presence


class RapporteursPanel(QWidget):
    def __init__(
        self, ctx: AreaContext, controller: VenueController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_VenueRapporteursPanel()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.ws = ctx.workshop
        self.controller = controller
        self.model = RapporteursModel(self)
        view = self.ui.rapporteurs_view
        view.setModel(self.model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        view.selectionModel().selectionChanged.connect(lambda *_: self.show_key())
        self.ui.name_edit.setMaxLength(MAX_RAPPORTEUR_NAME)
        self.ui.name_edit.returnPressed.connect(self.add)
        self.ui.add_button.clicked.connect(self.add)
        self.ui.revoke_button.clicked.connect(self.revoke)
        self.ui.copy_button.clicked.connect(self.copy)
        self.ws.hub.changed.connect(self._changed)
        controller.changed.connect(self.show_key)
        controller.presence_changed.connect(self._presence)
        self.reload()
        self._presence(controller.presence)

    def selected(self) -> dict | None:
        rows = self.ui.rapporteurs_view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.selected() or {}).get("id")
        self.model.set_rows(list(self.ws.venue.rapporteurs()) if self.ws.is_open else [])
        row = self.model.row_of(keep)
        if row < 0 and self.model.rows:
            row = len(self.model.rows) - 1
        if row >= 0:
            self.ui.rapporteurs_view.selectRow(row)
        self.show_key()

    def add(self) -> None:
        name = " ".join(self.ui.name_edit.text().split())
        if not name:
            self.ui.rapporteur_url_label.setText("Type the rapporteur's name first.")
            self.ui.name_edit.setFocus()
            return
        row = self.ws.venue.add_rapporteur(name)
        self.ui.name_edit.clear()
        self.reload(row["id"])

    def revoke(self) -> None:
        row = self.selected()
        if row is not None:
            self.ws.venue.revoke_rapporteur(row["id"])
            self.ctx.status(f"The rapporteur key of {row['name']} no longer works.")

    def copy(self) -> None:
        row = self.selected()
        url = self.controller.rapporteur_url(row["key"]) if row else ""
        if url:
            QGuiApplication.clipboard().setText(url)
            self.ctx.status("Rapporteur address copied.")

    def show_key(self) -> None:
        ui = self.ui
        row = self.selected()
        running = self.controller.running
        read_only = self.ws.read_only
        ui.add_button.setEnabled(not read_only)
        ui.name_edit.setEnabled(not read_only)
        ui.revoke_button.setEnabled(row is not None and not read_only)
        url = self.controller.rapporteur_url(row["key"]) if row else ""
        ui.copy_button.setEnabled(bool(url))
        if row is None:
            ui.rapporteur_qr_label.setPixmap(QPixmap())
            ui.rapporteur_qr_label.setText("Make a key for each rapporteur.")
            ui.rapporteur_url_label.setText("")
        elif not running:
            ui.rapporteur_qr_label.setPixmap(QPixmap())
            ui.rapporteur_qr_label.setText("The code appears here once the server runs.")
            ui.rapporteur_url_label.setText(f"Key of {row['name']}")
        else:
            ui.rapporteur_qr_label.setPixmap(QPixmap.fromImage(qr_image(url, 200)))
            ui.rapporteur_url_label.setText(f"{row['name']}: /r/{row['key'][:6]}…")

    def _presence(self, presence: Presence) -> None:
        self.model.set_connected(dict(presence.rapporteurs))

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Table.VENUE_RAPPORTEURS):
            self.reload()

    def detach(self) -> None:
        try:
            self.ws.hub.changed.disconnect(self._changed)
            self.controller.changed.disconnect(self.show_key)
            self.controller.presence_changed.disconnect(self._presence)
        except (RuntimeError, TypeError):
            pass
