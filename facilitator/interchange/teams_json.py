"""Headless JSON contract of the breakout-team planner.

Input (PROBLEM.json)::

    {"config": {"rounds": ["1", "2"],
                "teams": {"1": ["T1", "T2"], "2": ["T1", "T2"]},
                "balance_attributes": ["country", "sector", "gender"],
                "weights": {"balance": 10, "repeat": 15},
                "seed": 1},
     "participants": [{"id": "P001", "name": "...", "country": "...", "sector": "...",
                       "gender": "...", "organisation": "...", "language": "en",
                       "other_languages": ["fr"], "role": "participant"}],
     "constraints": {"keep_together": [["P001", "P002"]],
                     "keep_apart": [["P003", "P004"]],
                     "pinned": [{"id": "P005", "team": "T1", "rounds": ["1", "2"]}],
                     "absent": {"2": ["P006"]}}}

``config`` keys:

``rounds`` (required)
    Round ids, in order (strings; numbers are accepted and turned into strings).
``teams``
    Team ids per round.  A round without an entry gets teams ``T1..Tk`` from ``team_size``
    or ``team_count``.
``team_size`` / ``team_count``
    Wanted team size, or number of teams, used for rounds not listed in ``teams``.  With a
    size, ``k`` is chosen from the number of participants so that the (near equal) sizes
    come closest to it; the same ``k`` is used in every round.
``balance_attributes``
    Participant fields to spread evenly (default country, sector, gender).
``minority_attributes``
    Fields for which nobody should be the only one of their kind in a team (default gender).
``weights``
    Any of ``balance``, ``minority``, ``organisation``, ``language``, ``repeat``,
    ``stability`` (non-negative numbers; see :mod:`facilitator.domain.teams`).
``seed``
    Integer, default 0.  The same seed gives the same plan.
``mode``
    ``"rotate"`` (default: fewest repeated pairings) or ``"keep"`` (same teams every round,
    adjusted only for absences).

``participants``: ``id`` is required and unique; ``language`` and ``other_languages`` are the
working languages; every other text field (country, sector, gender, role, ...) can be used as a
balance attribute.  ``constraints`` is optional; ``pinned[].rounds`` defaults to every round;
``locked`` (``{"round": {"P001": "T2"}}``) is accepted too and treated like pins.

Output: ``{"1": {"T1": ["P001", ...], ...}, ...}``.

Exit codes of :func:`teams_plan_command`: 0 planned, 1 impossible constraints, 2 malformed
input (or unwritable output).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from facilitator.domain.errors import UserError
from facilitator.domain.teams import (
    InfeasibleProblem,
    Person,
    Pin,
    Plan,
    Problem,
    RoundSpec,
    Weights,
    plan,
    teams_for_size,
)

__all__ = ["ProblemFileError", "load_problem", "plan_to_json", "teams_plan_command"]

_PERSON_FIELDS = {"id", "name", "organisation", "language", "other_languages"}


class ProblemFileError(UserError):
    """A problem file is malformed; names the file and the JSON path of the bad field."""

    def __init__(self, path: str, field: str, message: str):
        self.path = str(path)
        self.field = field
        self.message = message
        where = f"{self.path}: {field}" if field else self.path
        super().__init__(f"{where}: {message}")


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def fail(self, field: str, message: str) -> ProblemFileError:
        return ProblemFileError(self.path, field, message)

    def obj(self, value: Any, field: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(field, f"expected an object, got {_kind(value)}")
        return value

    def lst(self, value: Any, field: str) -> list:
        if not isinstance(value, list):
            raise self.fail(field, f"expected a list, got {_kind(value)}")
        return value

    def text(self, value: Any, field: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(field, f"expected a string, got {_kind(value)}")
        value = str(value).strip()
        if not value:
            raise self.fail(field, "must not be empty")
        return value

    def texts(self, value: Any, field: str) -> list[str]:
        return [self.text(v, f"{field}[{i}]") for i, v in enumerate(self.lst(value, field))]

    def integer(self, value: Any, field: str, minimum: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"expected an integer, got {_kind(value)}")
        if minimum is not None and value < minimum:
            raise self.fail(field, f"must be at least {minimum}")
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def load_problem(path: str | Path) -> Problem:
    """Read and validate a PROBLEM.json file; raises ProblemFileError naming the bad field."""
    path = str(path)
    rd = _Reader(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemFileError(path, "", f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ProblemFileError(
            path, "", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    data = rd.obj(data, "$")
    for key in data:
        if key not in ("config", "participants", "constraints"):
            raise rd.fail(key, "unknown top-level key (expected config, participants, constraints)")
    if "config" not in data:
        raise rd.fail("config", "missing")
    if "participants" not in data:
        raise rd.fail("participants", "missing")
    config = rd.obj(data["config"], "config")
    constraints = rd.obj(data.get("constraints") or {}, "constraints")

    # participants
    people: list[Person] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(rd.lst(data["participants"], "participants")):
        f = f"participants[{i}]"
        entry = rd.obj(entry, f)
        if "id" not in entry:
            raise rd.fail(f"{f}.id", "missing")
        pid = rd.text(entry["id"], f"{f}.id")
        if pid in seen:
            raise rd.fail(f"{f}.id", f"duplicate participant id {pid!r}")
        seen[pid] = i
        langs: list[str] = []
        if entry.get("language") not in (None, ""):
            langs.append(rd.text(entry["language"], f"{f}.language"))
        if entry.get("other_languages") is not None:
            langs.extend(rd.texts(entry["other_languages"], f"{f}.other_languages"))
        attributes: dict[str, str] = {}
        for key, value in entry.items():
            if key in _PERSON_FIELDS or value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise rd.fail(f"{f}.{key}", f"expected a string, got {_kind(value)}")
            attributes[key] = str(value)
        name = entry.get("name")
        org = entry.get("organisation")
        for key, value in (("name", name), ("organisation", org)):
            if value is not None and not isinstance(value, str):
                raise rd.fail(f"{f}.{key}", f"expected a string, got {_kind(value)}")
        people.append(
            Person(
                id=pid,
                name=name or "",
                attributes=attributes,
                organisation=org or "",
                languages=tuple(dict.fromkeys(langs)),
                role=str(entry.get("role") or "participant"),
            )
        )
    if not people:
        raise rd.fail("participants", "no participants")

    def check_id(pid: str, field: str) -> str:
        if pid not in seen:
            raise rd.fail(field, f"unknown participant id {pid!r}")
        return pid

    # config
    allowed = {
        "rounds",
        "teams",
        "team_size",
        "team_count",
        "balance_attributes",
        "minority_attributes",
        "weights",
        "seed",
        "mode",
    }
    for key in config:
        if key not in allowed:
            raise rd.fail(
                f"config.{key}", f"unknown key (expected one of {', '.join(sorted(allowed))})"
            )
    if "rounds" not in config:
        raise rd.fail("config.rounds", "missing")
    round_ids = rd.texts(config["rounds"], "config.rounds")
    if not round_ids:
        raise rd.fail("config.rounds", "no rounds")
    if len(set(round_ids)) != len(round_ids):
        raise rd.fail("config.rounds", "a round id is listed twice")
    teams_cfg = rd.obj(config.get("teams") or {}, "config.teams")
    for rid in teams_cfg:
        if rid not in round_ids:
            raise rd.fail(f"config.teams.{rid}", f"round {rid!r} is not in config.rounds")
    size = count = None
    if config.get("team_size") is not None:
        size = rd.integer(config["team_size"], "config.team_size", 1)
    if config.get("team_count") is not None:
        count = rd.integer(config["team_count"], "config.team_count", 1)
    if size is not None and count is not None:
        raise rd.fail("config.team_size", "give team_size or team_count, not both")
    default_teams: tuple[str, ...] | None = None
    if size is not None or count is not None:
        k = teams_for_size(len(people), size=size, count=count)
        default_teams = tuple(f"T{j + 1}" for j in range(k))
    rounds: list[RoundSpec] = []
    for rid in round_ids:
        if rid in teams_cfg:
            f = f"config.teams.{rid}"
            ids = rd.texts(teams_cfg[rid], f)
            if not ids:
                raise rd.fail(f, "no teams")
            if len(set(ids)) != len(ids):
                raise rd.fail(f, "a team id is listed twice")
            rounds.append(RoundSpec(rid, tuple(ids)))
        elif default_teams is not None:
            rounds.append(RoundSpec(rid, default_teams))
        else:
            raise rd.fail(
                f"config.teams.{rid}", "no teams for this round (give teams or team_size)"
            )
    team_sets = {r.round_id: set(r.team_ids) for r in rounds}
    balance = ("country", "sector", "gender")
    if "balance_attributes" in config:
        balance = tuple(rd.texts(config["balance_attributes"], "config.balance_attributes"))
    minority = ("gender",)
    if "minority_attributes" in config:
        minority = tuple(rd.texts(config["minority_attributes"], "config.minority_attributes"))
    weights = Weights()
    if config.get("weights") is not None:
        wcfg = rd.obj(config["weights"], "config.weights")
        for key, value in wcfg.items():
            if key not in Weights.names():
                raise rd.fail(
                    f"config.weights.{key}",
                    f"unknown weight (known: {', '.join(Weights.names())})",
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise rd.fail(f"config.weights.{key}", "expected a non-negative number")
        weights = Weights.from_mapping(wcfg)
    seed = 0
    if config.get("seed") is not None:
        seed = rd.integer(config["seed"], "config.seed")
    mode = config.get("mode", "rotate")
    if mode not in ("rotate", "keep"):
        raise rd.fail("config.mode", f"expected 'rotate' or 'keep', got {mode!r}")

    # constraints
    for key in constraints:
        if key not in ("keep_together", "keep_apart", "pinned", "absent", "locked"):
            raise rd.fail(f"constraints.{key}", "unknown constraint kind")
    keep_together = []
    for gi, group in enumerate(
        rd.lst(constraints.get("keep_together") or [], "constraints.keep_together")
    ):
        f = f"constraints.keep_together[{gi}]"
        ids = rd.texts(group, f)
        if len(ids) < 2:
            raise rd.fail(f, "a keep-together group needs at least two people")
        keep_together.append(tuple(check_id(p, f"{f}[{j}]") for j, p in enumerate(ids)))
    keep_apart = []
    for gi, pair in enumerate(
        rd.lst(constraints.get("keep_apart") or [], "constraints.keep_apart")
    ):
        f = f"constraints.keep_apart[{gi}]"
        ids = rd.texts(pair, f)
        if len(ids) < 2:
            raise rd.fail(f, "a keep-apart entry needs at least two people")
        ids = [check_id(p, f"{f}[{j}]") for j, p in enumerate(ids)]
        # a longer list means: all of them pairwise apart
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                keep_apart.append((ids[a], ids[b]))
    pins = []
    for pi, entry in enumerate(rd.lst(constraints.get("pinned") or [], "constraints.pinned")):
        f = f"constraints.pinned[{pi}]"
        entry = rd.obj(entry, f)
        for key in ("id", "team"):
            if key not in entry:
                raise rd.fail(f"{f}.{key}", "missing")
        pid = check_id(rd.text(entry["id"], f"{f}.id"), f"{f}.id")
        team = rd.text(entry["team"], f"{f}.team")
        prounds: tuple[str, ...] | None = None
        if entry.get("rounds") is not None:
            prounds = tuple(rd.texts(entry["rounds"], f"{f}.rounds"))
            for j, rid in enumerate(prounds):
                if rid not in team_sets:
                    raise rd.fail(f"{f}.rounds[{j}]", f"unknown round {rid!r}")
        for rid in prounds if prounds is not None else round_ids:
            if team not in team_sets[rid]:
                raise rd.fail(f"{f}.team", f"team {team!r} does not exist in round {rid!r}")
        pins.append(Pin(pid, team, prounds))
    absent: dict[str, set[str]] = {}
    for rid, ids in rd.obj(constraints.get("absent") or {}, "constraints.absent").items():
        f = f"constraints.absent.{rid}"
        if rid not in team_sets:
            raise rd.fail(f, f"unknown round {rid!r}")
        absent[rid] = {check_id(p, f"{f}[{j}]") for j, p in enumerate(rd.texts(ids, f))}
    locked: dict[str, dict[str, str]] = {}
    for rid, locks in rd.obj(constraints.get("locked") or {}, "constraints.locked").items():
        f = f"constraints.locked.{rid}"
        if rid not in team_sets:
            raise rd.fail(f, f"unknown round {rid!r}")
        out = {}
        for pid, team in rd.obj(locks, f).items():
            check_id(pid, f"{f}.{pid}")
            team = rd.text(team, f"{f}.{pid}")
            if team not in team_sets[rid]:
                raise rd.fail(f"{f}.{pid}", f"team {team!r} does not exist in round {rid!r}")
            out[pid] = team
        locked[rid] = out
    return Problem(
        people=people,
        rounds=rounds,
        balance_attributes=balance,
        minority_attributes=minority,
        weights=weights,
        keep_together=keep_together,
        keep_apart=keep_apart,
        pins=pins,
        absent=absent,
        locked=locked,
        mode=mode,
        seed=seed,
    )


def plan_to_json(result: Plan | Mapping[str, Mapping[str, list[str]]]) -> dict:
    """The output document ``{"round": {"team": [ids]}}`` of a plan or an assignment."""
    assignment = result.assignment if isinstance(result, Plan) else result
    return {
        rid: {tid: list(ids) for tid, ids in teams.items()} for rid, teams in assignment.items()
    }


def _summary(result: Plan) -> list[str]:
    ev = result.evaluation
    lines = [
        f"Overall score {ev.overall_score:g} (0 is perfect): {ev.repeated_pairs} repeated "
        f"pairs, {ev.band_violations} outside the balance band, {ev.same_organisation_pairs} "
        f"same-organisation pairs, {ev.isolated_minorities} isolated, "
        f"{ev.language_isolated} without a shared language"
    ]
    for rid, teams in ev.team_scores.items():
        for tid, ts in teams.items():
            lines.append(f"Round {rid} {tid}: score {ts.score:g}")
            lines.extend(f"  {reason}" for reason in ts.reasons)
    for v in ev.hard_violations:
        lines.append(f"VIOLATION: {v}")
    for w in result.warnings:
        lines.append(f"warning: {w}")
    return lines


def teams_plan_command(
    problem_path: str, output_path: str | None, stdout: TextIO, stderr: TextIO
) -> int:
    """Plan the teams of PROBLEM.json; write the JSON to ``output_path`` or ``stdout``.

    The score summary and warnings go to ``stderr``.  Returns 0 when planned, 1 when the
    constraints are impossible, 2 when the input is malformed or the output cannot be written.
    """
    try:
        problem = load_problem(problem_path)
    except ProblemFileError as exc:
        print(f"error: {exc}", file=stderr)
        return 2
    try:
        result = plan(problem)
    except InfeasibleProblem as exc:
        print(f"error: {problem_path}: the constraints cannot all be met:", file=stderr)
        for reason in exc.reasons:
            print(f"  - {reason}", file=stderr)
        return 1
    text = json.dumps(plan_to_json(result), indent=2, ensure_ascii=False) + "\n"
    if output_path:
        try:
            Path(output_path).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"error: {output_path}: cannot write ({exc.strerror or exc})", file=stderr)
            return 2
    else:
        stdout.write(text)
    for line in _summary(result):
        print(line, file=stderr)
    return 0
