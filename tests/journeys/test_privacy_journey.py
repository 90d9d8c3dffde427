"""Deciding possible names in the Privacy check with the keyboard only, in the real window."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from facilitator.domain.privacy import Choice
from facilitator.store.database import Workshop


def _policy(path: Path):  # noqa: ANN202
    with Workshop(path, read_only=True) as ws:
        return ws.privacy.policy()


def test_decide_names_with_the_keyboard_and_undo(screen, demo_path: Path) -> None:  # noqa: ANN001
    screen.launch(str(demo_path))
    # Without a window manager nothing gives the new window the keyboard; a user's click would.
    subprocess.run(["xdotool", "windowfocus", "--sync", screen.window_id()], env=screen.env)
    screen.key("ctrl+7")  # the Report area
    screen.key("alt+y")  # its Privacy check tab; the list has the keys
    time.sleep(2.0)  # the scan runs in the background
    screen.shot("privacy-check")
    screen.key("k")  # Amélie Durand, in the acknowledgements: keep
    screen.key("shift+w")  # the next hit, Ms Omarova: withhold every mention of Dana Omarova
    screen.wait_for(lambda: bool(_policy(demo_path).people), 10, "the decision was not saved")
    screen.shot("decided")
    policy = _policy(demo_path)
    assert [d.choice for d in policy.hits.values()] == [Choice.KEEP]
    assert next(iter(policy.hits)).endswith("|amelie durand")
    assert policy.people == {"per_demo002": policy.people["per_demo002"]}
    assert policy.people["per_demo002"].choice == Choice.WITHHOLD
    screen.key("ctrl+z")  # Edit ▸ Undo: the person's decision goes, the first stays
    screen.wait_for(lambda: not _policy(demo_path).people, 10, "undo did not reach the file")
    assert len(_policy(demo_path).hits) == 1
    screen.key("alt+n")  # undecided only
    screen.shot("undecided-only")
