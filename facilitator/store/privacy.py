"""The workshop's privacy choices and the guard every anonymous output prints through.

The roster becomes a :class:`~facilitator.domain.privacy.PrivacyEngine`; the organiser's
decisions live in the ``privacy`` setting (undoable through ``SetSetting`` edits, see
``facilitator/edits/privacy.py``). Outputs ask :meth:`PrivacyStore.guard` for one guard and
pass every free text they print through it with its source.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from facilitator.domain.privacy import Choice, Guard, Person, PrivacyEngine, PrivacyPolicy
from facilitator.store.changes import Changes
from facilitator.store.tables import Table

if TYPE_CHECKING:
    from facilitator.store.database import Workshop

SETTING_KEY = "privacy"


def _json_list(value: Any) -> list[str]:
    try:
        items = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    return [str(x) if not isinstance(x, list) else " ".join(map(str, x)) for x in items if x]


class PrivacyStore:
    """Reads the roster and the privacy setting; saves the setting (one operation)."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws
        self._engine: tuple[tuple[Any, ...], PrivacyEngine] | None = None
        ws.hub.listen(self._forget_engine)

    def _forget_engine(self, changes: Changes) -> None:
        if changes.touches(Table.PEOPLE, Table.WORKSHOP):  # the roster, organisers, funders
            self._engine = None

    def policy(self) -> PrivacyPolicy:
        return PrivacyPolicy.from_value(self.ws.info.setting(SETTING_KEY))

    def save_policy(self, policy: PrivacyPolicy) -> None:
        self.ws.info.set_setting(SETTING_KEY, policy.to_value())

    def roster(self) -> list[Person]:
        return [
            Person(
                id=r["id"],
                name=r["name"] or "",
                honorific=r["honorific"] or "",
                organisation=r["organisation"] or "",
                country=r["country"] or "",
                email=r["email"] or "",
                phone=r["phone"] or "",
                role=r["role"] or "",
                sector=r["sector"] or "",
                gender=r["gender"] or "",
            )
            for r in self.ws.db.query(
                "SELECT id, name, honorific, organisation, country, email, phone, role, sector, "
                "gender FROM people ORDER BY name COLLATE HUMAN, id"
            )
        ]

    def public_organisations(self) -> list[str]:
        """The organisers and funders: named on every cover, so never a hit themselves."""
        try:
            details = self.ws.info.details()
        except StopIteration:
            return []
        return _json_list(details.get("organisers")) + _json_list(details.get("funders"))

    def engine(self, policy: PrivacyPolicy | None = None) -> PrivacyEngine:
        """The engine for the roster as it is now, compiled again only after the roster or
        the organisers changed (this workshop's Changes, or another connection's write), so
        a projector that redraws on every phone's answer stays fast."""
        policy = policy or self.policy()
        version = self.ws.db.execute("PRAGMA data_version").fetchone()[0]
        key = (policy.organisations, version)
        if self._engine is not None and self._engine[0] == key:
            return self._engine[1]
        engine = PrivacyEngine(
            self.roster(), organisations=policy.organisations, public=self.public_organisations()
        )
        self._engine = (key, engine)
        return engine

    def lists_private(self) -> bool:
        """Whether lists of people are shown with privacy on: the Chatham House Rule, or a
        *Lists show* setting other than full details (team lists, the projector views)."""
        try:
            details = self.ws.info.details()
        except StopIteration:
            return False
        return bool(details.get("chatham_house")) or (details.get("privacy") or "full") != "full"

    def guard(self, on: bool, unresolved: Choice = Choice.WITHHOLD) -> Guard:
        """A guard for one output: off (prints as written) unless the output is anonymous."""
        if not on:
            return Guard.off()
        policy = self.policy()
        return Guard(self.engine(policy), policy, unresolved)
