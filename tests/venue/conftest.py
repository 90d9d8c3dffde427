"""Fixtures of the venue tests (helpers in phones.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitator.store.database import Workshop
from tests.journeys.harness import screen  # noqa: F401 - the journey tests' fixture
from tests.venue.phones import Venue, make_venue


@pytest.fixture
def venue(qapp, workshop: Workshop) -> Iterator[Venue]:  # noqa: ANN001
    v = make_venue(workshop)
    yield v
    v.publisher.detach()
