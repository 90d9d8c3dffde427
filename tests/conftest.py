"""Shared fixtures: a fresh demo workshop per test, and an area context around it."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from facilitator.interchange.demo import write_demo  # noqa: E402
from facilitator.store.database import Workshop  # noqa: E402


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo(tmp_path_factory.mktemp("template") / "template.workshop")


@pytest.fixture
def demo_path(tmp_path: Path, _demo_template: Path) -> Path:
    """A private copy of the demo workshop."""
    target = tmp_path / "demo.workshop"
    target.write_bytes(_demo_template.read_bytes())
    return target


def _deal_by_hand(path: Path) -> Path:
    """Replace the demo's planned teams with a deal by hand: participants and speakers sorted
    by country, sector and name and dealt round-robin, absent people included. Its flaws
    (people absent that day in a team, sectors bunched together) are what the tests of the
    Teams area's warnings and of Generate teams start from."""
    con = sqlite3.connect(path)
    with con:
        people = con.execute(
            "SELECT id, country, sector, name FROM people WHERE role IN ('participant', 'speaker')"
        ).fetchall()
        ordered = [p[0] for p in sorted(people, key=lambda p: (p[1], p[2], p[3]))]
        for (team_set_id,) in con.execute("SELECT id FROM team_sets ORDER BY id").fetchall():
            teams = con.execute(
                "SELECT teams.id, teams.created FROM teams JOIN rounds ON rounds.id = round_id"
                " WHERE team_set_id = ? ORDER BY teams.position",
                (team_set_id,),
            ).fetchall()
            for t, (team_id, stamp) in enumerate(teams):
                con.execute("DELETE FROM team_members WHERE team_id = ?", (team_id,))
                con.executemany(
                    "INSERT INTO team_members (id, team_id, person_id, locked, position, created,"
                    " updated) VALUES (?, ?, ?, 0, ?, ?, ?)",
                    [
                        (f"mem_{team_id}_{pid}", team_id, pid, k, stamp, stamp)
                        for k, pid in enumerate(ordered[t :: len(teams)])
                    ],
                )
    con.close()
    return path


@pytest.fixture
def deal_by_hand() -> Callable[[Path], Path]:
    """Deals a demo file's teams by hand (see ``_deal_by_hand``); returns the path."""
    return _deal_by_hand


@pytest.fixture
def teams_dealt_by_hand(demo_path: Path) -> Path:
    """The test's demo copy with its teams dealt by hand (for ``usefixtures``: it runs before
    the workshop opens)."""
    return _deal_by_hand(demo_path)


@pytest.fixture
def workshop(demo_path: Path) -> Iterator[Workshop]:
    ws = Workshop(demo_path)
    yield ws
    ws.close()


@pytest.fixture
def errors() -> list[Exception]:
    """Errors an area showed to the user (instead of a dialog)."""
    return []


@pytest.fixture
def navigations() -> list[tuple[str, dict]]:
    """Requests an area made to show another area (area key, request)."""
    return []


@pytest.fixture
def messages() -> list[str]:
    """Status-bar messages an area showed."""
    return []


@pytest.fixture
def ctx(qtbot, workshop: Workshop, errors: list[Exception], navigations, messages):  # noqa: ANN001
    """An AreaContext like the main window builds, for testing one area on its own."""
    from PySide6.QtGui import QUndoStack

    from facilitator.edits.base import Edit
    from facilitator.ui.agenda.clock import Clock
    from facilitator.ui.areas import AreaContext
    from facilitator.ui.bus import AreaBus

    stack = QUndoStack()
    context = AreaContext(
        workshop=workshop,
        undo_stack=stack,
        navigate=lambda key, request: navigations.append((key, request)),
        status=messages.append,
        error=errors.append,
        bus=AreaBus(Clock(workshop.agenda.timezone())),
    )
    Edit.on_error = errors.append
    yield context
    Edit.on_error = None
    stack.clear()
