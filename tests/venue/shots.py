"""Screenshots the venue tests take: in the test's tmp folder, and copied to the folder named
by FACILITATOR_SCREENSHOTS when it is set (how docs/screenshots/ is refreshed:
``FACILITATOR_SCREENSHOTS=docs/screenshots pytest tests/venue``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def keep_shot(path: Path) -> None:
    folder = os.environ.get("FACILITATOR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
