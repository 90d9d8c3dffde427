"""Shared fixtures: a fresh demo workshop per test, and an area context around it."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
