"""The demo opens on teams the engine planned: everyone present that day in a team, nobody
absent in one, no broken rule, and at most one thing to look at per team."""

from __future__ import annotations

from pathlib import Path

from facilitator.domain.teams import evaluate
from facilitator.interchange.demo import write_demo
from facilitator.store.database import Workshop


def test_demo_teams_are_a_good_plan_of_the_people_present(tmp_path: Path) -> None:
    ws = Workshop(write_demo(tmp_path / "demo.workshop"))
    try:
        team_sets = ws.teams.team_sets()
        assert len(team_sets) == 2
        for ts in team_sets:
            tp = ws.teams.build_problem(ts["id"])
            assignment = ws.teams.current_assignment(tp)
            (round_key,) = assignment
            teams = assignment[round_key]
            assert len(teams) == ts["team_count"]
            placed = [pid for members in teams.values() for pid in members]
            absent = tp.problem.absent.get(round_key, set())
            everyone = {p.id for p in tp.problem.people}
            assert len(placed) == len(set(placed))
            assert set(placed) == everyone - absent, ts["title"]
            sizes = [len(m) for m in teams.values()]
            assert max(sizes) - min(sizes) <= 1
            ev = evaluate(tp.problem, assignment)
            assert ev.hard_violations == []
            # "Quality: good" or better in the Teams area: at most one note per team
            assert len(ev.reasons()) <= len(teams), ev.reasons()
    finally:
        ws.close()
