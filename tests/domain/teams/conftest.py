"""The shared plan checks live in teams_checks.py; their asserts get pytest's explanations."""

import pytest

pytest.register_assert_rewrite("teams_checks")
