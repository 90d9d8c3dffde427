"""Undoable privacy decisions: per hit, per person, per organisation, and the options.

Every decision is one change of the ``privacy`` setting through :class:`SetSetting`, so it is
saved at once, undone with Edit ▸ Undo, and announced like any other edit. The functions
build the edit; the caller pushes it (``ctx.push(edit, initiator=self)``).
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.domain.privacy import (
    REPLACEMENT_STYLES,
    Choice,
    Decision,
    Finding,
    PrivacyPolicy,
)
from facilitator.edits.base import SetSetting
from facilitator.store.database import Workshop
from facilitator.store.privacy import SETTING_KEY

_VERBS = {
    Choice.WITHHOLD: "Withhold",
    Choice.KEEP: "Keep",
    Choice.NOT_A_NAME: "Mark as not a name",
}


def _edit(ws: Workshop, policy: PrivacyPolicy, text: str) -> SetSetting:
    return SetSetting(ws, SETTING_KEY, policy.to_value(), text)


def _decision(choice: Choice | None, replacement: str) -> Decision | None:
    if choice is None:
        return None
    text = replacement.strip() if choice == Choice.WITHHOLD else ""
    return Decision(Choice(choice), text)


def decide_hits(
    ws: Workshop, findings: Iterable[Finding], choice: Choice | None, replacement: str = ""
) -> SetSetting:
    """Decide some hits, each on its own (``None`` forgets their decisions)."""
    found = list(findings)
    if not found:
        raise ValueError("no hits to decide")
    decision = _decision(choice, replacement)
    policy = ws.privacy.policy().deciding(hits={f.key: decision for f in found})
    what = f"“{found[0].hit.text}”" if len(found) == 1 else f"{len(found)} hits"
    verb = _VERBS[Choice(choice)] if choice is not None else "Undecide"
    return _edit(ws, policy, f"{verb} {what}")


def decide_person(
    ws: Workshop, person_id: str, choice: Choice | None, replacement: str = ""
) -> SetSetting:
    """Decide every hit that points to this person (hits decided on their own still win)."""
    person = ws.people.person(person_id)
    if person is None:
        raise ValueError(f"no person {person_id!r} in {ws.path.name}")
    decision = _decision(choice, replacement)
    policy = ws.privacy.policy().deciding(people={person_id: decision})
    verb = _VERBS[Choice(choice)] if choice is not None else "Undecide"
    return _edit(ws, policy, f"{verb} every mention of {person['name']}")


def decide_organisation(
    ws: Workshop, organisation: str, choice: Choice | None, replacement: str = ""
) -> SetSetting:
    """Decide every hit of one organisation (its key: the name as the engine folds it)."""
    store = ws.privacy
    policy = store.policy()
    known = store.engine(policy).organisations.get(organisation)
    if known is None:
        raise ValueError(f"no organisation {organisation!r} in the roster of {ws.path.name}")
    decision = _decision(choice, replacement)
    verb = _VERBS[Choice(choice)] if choice is not None else "Undecide"
    return _edit(
        ws, policy.deciding(organisations={organisation: decision}), f"{verb} {known.name}"
    )


def set_privacy_options(
    ws: Workshop, *, replacement: str | None = None, organisations: bool | None = None
) -> SetSetting:
    """Change how withheld people are described, or whether organisations are looked for."""
    policy = ws.privacy.policy()
    if replacement is not None:
        if replacement not in REPLACEMENT_STYLES:
            raise ValueError(
                f"replacement must be one of {', '.join(REPLACEMENT_STYLES)}, not {replacement!r}"
            )
        policy.replacement = replacement
    if organisations is not None:
        policy.organisations = organisations
    return _edit(ws, policy, "Change privacy options")
