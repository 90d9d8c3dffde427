"""View ▸ Venue Wi-Fi…: choose the network, start and stop, show the join URL and QR code,
rotate the code, close the room, see how many phones are connected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from facilitator.edits.base import SetSetting
from facilitator.store.changes import Changes
from facilitator.store.errors import WorkshopError
from facilitator.store.tables import Table
from facilitator.store.venue import SETTING_NAMED, SETTING_SERVER
from facilitator.ui.areas import AreaContext
from facilitator.ui.forms.ui_venue_server import Ui_VenueServerDialog
from facilitator.ui.venue.controller import VenueController, controller_for
from facilitator.ui.venue.qr import qr_image
from facilitator.ui.venue.rapporteurs import RapporteursPanel
from facilitator.venue.app import Presence
from facilitator.venue.network import Interface, interfaces
from facilitator.venue.server import DEFAULT_PORT


class VenueDialog(QDialog):
    def __init__(self, ctx: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VenueServerDialog()
        self.ui.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.controller: VenueController = controller_for(ctx)
        self.found: list[Interface] = []
        ui = self.ui
        ui.refresh_button.clicked.connect(self.fill_interfaces)
        ui.start_button.clicked.connect(self.start)
        ui.stop_button.clicked.connect(self.controller.stop)
        ui.room_button.clicked.connect(self.toggle_room)
        ui.rotate_button.clicked.connect(self.controller.rotate_code)
        ui.named_check.toggled.connect(self.set_named)
        ui.projector_button.clicked.connect(self.projector)
        ui.button_box.rejected.connect(self.close)
        self.controller.changed.connect(self.refresh)
        self.controller.connections_changed.connect(self._connections)
        self.controller.presence_changed.connect(self._presence)
        self.rapporteurs = RapporteursPanel(ctx, self.controller, self)
        ui.rapporteurs_layout.addWidget(self.rapporteurs)
        ctx.workshop.hub.changed.connect(self._changed)
        last = ctx.workshop.info.setting(SETTING_SERVER) or {}
        self.ui.port_spin.setValue(int(last.get("port") or DEFAULT_PORT) if last else DEFAULT_PORT)
        self.fill_interfaces(str(last.get("host") or ""))
        self.refresh()

    def fill_interfaces(self, prefer: str = "") -> None:
        combo = self.ui.interface_combo
        current = prefer or combo.currentData() or self.controller.host
        self.found = interfaces()
        combo.clear()
        for i in self.found:
            combo.addItem(i.label, i.address)
        index = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(0, index))

    def start(self) -> None:
        host = self.ui.interface_combo.currentData() or "127.0.0.1"
        try:
            self.controller.start(host, self.ui.port_spin.value())
        except OSError as exc:
            self.ui.status_label.setText(
                f"Could not start on {host}:{self.ui.port_spin.value()}: {exc.strerror or exc}. "
                "Choose another port, or another network."
            )
            return
        except WorkshopError as exc:
            self.ctx.error(exc)
            return
        self.ctx.status(f"Venue Wi-Fi: phones join at {self.controller.url()}")

    def toggle_room(self) -> None:
        if self.controller.room_open:
            self.controller.close_room()
        else:
            self.controller.open_room()

    def set_named(self, on: bool) -> None:
        if bool(self.ctx.workshop.info.setting(SETTING_NAMED, False)) == on:
            return
        text = "Ask participants for their names" if on else "Participants anonymous"
        self.ctx.push(SetSetting(self.ctx.workshop, SETTING_NAMED, on, text), initiator=self)

    def projector(self) -> None:
        from facilitator.ui.venue.projector import show_venue_projector

        show_venue_projector(self.ctx)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Table.SETTINGS, Table.VENUE_DEVICES):
            self.refresh()

    def _connections(self, n: int) -> None:
        if self.controller.running:
            self.ui.connected_label.setText(self._count_text(n))

    def _presence(self, _presence: Presence) -> None:
        self._connections(self.controller.connections)

    def _count_text(self, n: int) -> str:
        """Who is connected: participants as counts, rapporteurs by the name of their key."""
        ws = self.ctx.workshop
        joined = ws.venue.device_count() if ws.is_open else 0
        phones = "1 phone" if n == 1 else f"{n} phones"
        lines = [f"{phones} connected now · {joined} joined so far"]
        p = self.controller.presence
        if p.teams:
            devices = p.team_devices
            teams = len(p.teams)
            lines.append(
                f"Team worksheets: {devices} device{'s' * (devices != 1)} "
                f"in {teams} team{'s' * (teams != 1)}"
            )
        if p.rapporteurs and ws.is_open:
            names = {r["id"]: r["name"] for r in ws.venue.rapporteurs()}
            who = sorted(names.get(i, "?") for i in p.rapporteurs)
            lines.append("Rapporteurs connected: " + ", ".join(who))
        return "\n".join(lines)

    def refresh(self) -> None:
        ui, c, ws = self.ui, self.controller, self.ctx.workshop
        if not ws.is_open:
            self.close()
            return
        running = c.running
        ui.start_button.setEnabled(not running and not ws.read_only)
        ui.stop_button.setEnabled(running)
        ui.interface_combo.setEnabled(not running)
        ui.port_spin.setEnabled(not running)
        ui.refresh_button.setEnabled(not running)
        ui.room_button.setEnabled(running)
        ui.room_button.setText("&Close the room" if c.room_open else "&Open the room")
        ui.rotate_button.setEnabled(not ws.read_only)
        ui.named_check.blockSignals(True)
        ui.named_check.setChecked(ws.venue.named())
        ui.named_check.blockSignals(False)
        ui.named_check.setEnabled(not ws.read_only)
        code = ws.venue.join_code()
        ui.code_label.setText(f"Join code: <b>{code}</b>" if code else "")
        if running:
            url = c.url()
            ui.url_label.setText(f"<span style='font-size:15pt'><b>{url}</b></span>")
            ui.qr_label.setPixmap(QPixmap.fromImage(qr_image(url, 250)))
            if c.room_open:
                ui.status_label.setText(
                    f"Serving on {c.host}:{c.port}. Phones on the same network scan the code "
                    "or open the address."
                )
            else:
                ui.status_label.setText("The room is closed: every phone was disconnected.")
        else:
            ui.url_label.setText("")
            ui.qr_label.setPixmap(QPixmap())
            ui.qr_label.setText("The QR code appears here once the server runs.")
            ui.status_label.setText(
                "Not serving. Pick the network the phones are on (the travel router's or this "
                "laptop's hotspot) and press Start."
            )
        ui.connected_label.setText(self._count_text(c.connections) if running else "")

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        try:
            self.ctx.workshop.hub.changed.disconnect(self._changed)
            self.controller.changed.disconnect(self.refresh)
            self.controller.connections_changed.disconnect(self._connections)
            self.controller.presence_changed.disconnect(self._presence)
        except (RuntimeError, TypeError):
            pass
        self.rapporteurs.detach()
        super().closeEvent(event)  # type: ignore[arg-type]


def show_venue_dialog(ctx: AreaContext) -> VenueDialog:
    """View ▸ Venue Wi-Fi… (one dialog per window; a second call raises it)."""
    controller = controller_for(ctx)
    existing = controller.dialog
    try:
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
    except RuntimeError:  # deleted on close
        pass
    dialog = VenueDialog(ctx, ctx.window)
    controller.dialog = dialog
    dialog.show()
    return dialog
