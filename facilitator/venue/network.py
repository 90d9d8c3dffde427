"""This machine's IPv4 addresses, for choosing where the venue server listens.

Phones reach the laptop by IP address (a venue network has no DNS), on the interface that
joins the venue's Wi-Fi: a travel router's network, or the laptop's own hotspot. Nothing
here sends a packet; Qt only lists the interfaces the system knows.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

VIRTUAL = ("docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "utun", "tun", "tap", "zt")


@dataclass(frozen=True)
class Interface:
    name: str  # the system's name: wlan0, en0, "Wi-Fi"
    label: str  # what the user sees
    address: str
    loopback: bool = False
    wireless: bool = False
    virtual: bool = False

    @property
    def private(self) -> bool:
        return ipaddress.ip_address(self.address).is_private and not self.loopback


def interfaces() -> list[Interface]:
    """Every IPv4 address of an interface that is up, the likeliest venue network first."""
    out: list[Interface] = []
    Flag = QNetworkInterface.InterfaceFlag
    for iface in QNetworkInterface.allInterfaces():
        flags = iface.flags()
        if not (flags & Flag.IsUp and flags & Flag.IsRunning):
            continue
        loopback = bool(flags & Flag.IsLoopBack)
        kind = iface.type()
        wireless = kind in (
            QNetworkInterface.InterfaceType.Wifi,
            QNetworkInterface.InterfaceType.Ieee80211,
        )
        name = iface.name()
        virtual = name.lower().startswith(VIRTUAL)
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            address = ip.toString()
            human = iface.humanReadableName() or name
            what = "this computer only" if loopback else ("Wi-Fi" if wireless else "network")
            label = f"{address} — {human} ({what})"
            out.append(Interface(name, label, address, loopback, wireless, virtual))
    return sorted(out, key=_rank)


def _rank(i: Interface) -> tuple[bool, bool, bool, bool, str]:
    return (i.loopback, i.virtual, not i.wireless, not i.private, i.address)


def default_host(found: list[Interface] | None = None) -> str:
    """The address to offer first: a real network's, else this computer only (127.0.0.1)."""
    items = interfaces() if found is None else found
    for i in items:
        if not i.loopback and not i.virtual:
            return i.address
    return "127.0.0.1"
