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
        policy = policy or self.policy()
        return PrivacyEngine(
            self.roster(), organisations=policy.organisations, public=self.public_organisations()
        )

    def guard(self, on: bool, unresolved: Choice = Choice.WITHHOLD) -> Guard:
        """A guard for one output: off (prints as written) unless the output is anonymous."""
        if not on:
            return Guard.off()
        policy = self.policy()
        return Guard(self.engine(policy), policy, unresolved)
