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


def decide(
    ws: Workshop,
    choice: Choice | None,
    *,
    hits: Iterable[Finding] = (),
    people: Iterable[str] = (),
    organisations: Iterable[str] = (),
    forget: Iterable[Finding] = (),
    replacement: str = "",
) -> SetSetting:
    """Several decisions as one undo step (what the Privacy check does for a selection).

    ``hits`` are decided each on its own; ``people`` and ``organisations`` for every mention;
    ``forget`` are hits whose own decisions are dropped, so that deciding every mention of
    Dewi leaves none of her mentions decided otherwise.
    """
    found = list(hits)
    dropped = [f for f in forget if f.key not in {h.key for h in found}]
    persons = list(dict.fromkeys(people))
    orgs = list(dict.fromkeys(organisations))
    if not (found or persons or orgs):
        raise ValueError("nothing to decide")
    store = ws.privacy
    policy = store.policy()
    named = {p: ws.people.person(p) for p in persons}
    missing = [p for p, row in named.items() if row is None]
    if missing:
        raise ValueError(f"no person {missing[0]!r} in {ws.path.name}")
    known = store.engine(policy).organisations if orgs else {}
    unknown = [o for o in orgs if o not in known]
    if unknown:
        raise ValueError(f"no organisation {unknown[0]!r} in the roster of {ws.path.name}")
    decision = _decision(choice, replacement)
    own: dict[str, Decision | None] = {f.key: None for f in dropped}
    own.update({f.key: decision for f in found})
    policy = policy.deciding(
        hits=own,
        people={p: decision for p in persons},
        organisations={o: decision for o in orgs},
    )
    verb = _VERBS[Choice(choice)] if choice is not None else "Undecide"
    targets = [f"every mention of {row['name']}" for row in named.values() if row is not None]
    targets += [known[o].name for o in orgs]
    if found:
        one = f"“{found[0].hit.text}”" if len(found) == 1 else f"{len(found)} hits"
        targets.append(one if not targets else f"{len(found)} more hit{'s' * (len(found) > 1)}")
    what = targets[0] if len(targets) == 1 else f"{', '.join(targets[:-1])} and {targets[-1]}"
    return _edit(ws, policy, f"{verb} {what}")
