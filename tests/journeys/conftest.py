"""Journey tests drive the real app on a virtual screen (see harness.py)."""

from harness import screen  # noqa: F401 - the fixture
