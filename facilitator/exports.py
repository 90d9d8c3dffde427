"""Every export the app makes, in one registry shared by the CLI and File ▸ Export.

An exporter is ``fn(workshop, out, options, progress) -> None``: it reads the workshop
(opened read-only, so it can run in a worker thread while the window keeps editing), writes
``out`` atomically and raises ``ExportError`` (or a ``WorkshopError``) with a message for the
user. Modules are imported only when an export runs, so start-up never loads reportlab.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.domain.errors import UserError
from facilitator.store.errors import StorageError

if TYPE_CHECKING:
    from facilitator.domain.privacy import Finding
    from facilitator.store.database import Workshop  # noqa: F401

Progress = Callable[[float], None] | None


class ExportError(UserError):
    """An export that cannot be made as asked; the message is for the user."""


class UnresolvedHits(ExportError):
    """An anonymous export found people nobody decided about, and was asked not to guess.

    ``findings`` lists each undecided hit once, with where it comes from and its context.
    """

    def __init__(self, out: Path, findings: list[Finding]) -> None:
        self.findings = findings
        n = len(findings)
        super().__init__(
            f"{out}: not written: {n} possible name{'s' if n != 1 else ''} in the texts "
            "that nobody has decided about. Record a decision for each in the workshop, or "
            "withhold them all (--redact)."
        )

    def lines(self) -> list[str]:
        """One line per hit: where it prints, its row, what was found, and its context."""
        out = []
        for f in self.findings:
            label = f" ({f.source.label})" if f.source.label else ""
            out.append(
                f"{f.source.section}{label} [{f.source.row}/{f.source.field}]: "
                f"{f.hit.kind.value} “{f.hit.text}” in “{f.snippet}”"
            )
        return out


@dataclass
class ExportOptions:
    paper: str = "a4"  # "a4" or "letter"
    anonymous: bool = False
    draft: bool = False
    team_set: str | None = None  # team set id or title, for team-coloured badges and lists
    day: str | None = None  # day id or date, for per-day documents
    # Anonymous outputs: withhold every hit nobody decided (True), or refuse and list them.
    redact: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Exporter:
    kind: str  # the CLI name: ``facilitator export FILE KIND -o OUT``
    label: str  # menu text
    suffix: str  # default file extension
    target: str  # "module:function"
    area: str  # which area's menu lists it

    def load(self) -> Callable[..., None]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


EXPORTERS: list[Exporter] = [
    Exporter(
        "agenda", "Programme (PDF)…", ".pdf", "facilitator.reports.agenda:export_agenda", "agenda"
    ),
    Exporter("ics", "Calendar (.ics)…", ".ics", "facilitator.interchange.ics:export_ics", "agenda"),
    Exporter(
        "badges",
        "Name badges (PDF)…",
        ".pdf",
        "facilitator.reports.printkit:export_badges",
        "people",
    ),
    Exporter(
        "tents", "Table tents (PDF)…", ".pdf", "facilitator.reports.printkit:export_tents", "people"
    ),
    Exporter(
        "sign-in",
        "Sign-in sheets (PDF)…",
        ".pdf",
        "facilitator.reports.printkit:export_sign_in",
        "people",
    ),
    Exporter(
        "certificates",
        "Certificates (PDF)…",
        ".pdf",
        "facilitator.reports.printkit:export_certificates",
        "people",
    ),
    Exporter(
        "participants-pdf",
        "Participants list (PDF)…",
        ".pdf",
        "facilitator.reports.printkit:export_participants_pdf",
        "people",
    ),
    Exporter(
        "participants-csv",
        "Participants (CSV)…",
        ".csv",
        "facilitator.interchange.roster_export:export_csv",
        "people",
    ),
    Exporter(
        "participants-xlsx",
        "Participants (Excel)…",
        ".xlsx",
        "facilitator.interchange.roster_export:export_xlsx",
        "people",
    ),
    Exporter(
        "team-lists",
        "Team lists (PDF)…",
        ".pdf",
        "facilitator.reports.teamlists:export_team_lists",
        "teams",
    ),
    Exporter(
        "breakout-csv",
        "Breakout rooms (CSV)…",
        ".csv",
        "facilitator.interchange.breakout:export_breakout_csv",
        "teams",
    ),
    Exporter(
        "report",
        "Outcome report (PDF)…",
        ".pdf",
        "facilitator.reports.outcome:export_report",
        "report",
    ),
    Exporter(
        "report-docx",
        "Outcome report (Word)…",
        ".docx",
        "facilitator.reports.outcome_docx:export_report_docx",
        "report",
    ),
    # What phones sent over the venue Wi-Fi (Polls area).
    Exporter(
        "poll-answers-csv",
        "Poll answers (CSV)…",
        ".csv",
        "facilitator.venue.exports:export_poll_answers_csv",
        "polls",
    ),
    Exporter(
        "questions-csv",
        "Questions from phones (CSV)…",
        ".csv",
        "facilitator.venue.exports:export_questions_csv",
        "polls",
    ),
    Exporter(
        "evaluations-csv",
        "Evaluation answers (CSV)…",
        ".csv",
        "facilitator.venue.exports:export_evaluations_csv",
        "polls",
    ),
    Exporter(
        "venue-xlsx",
        "Polls, questions and evaluations (Excel)…",
        ".xlsx",
        "facilitator.venue.exports:export_venue_xlsx",
        "polls",
    ),
]

BY_KIND = {e.kind: e for e in EXPORTERS}


def run_export(
    kind: str,
    workshop_path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress = None,
) -> Path:
    """Open the workshop read-only and run one exporter; used by the CLI and the UI worker."""
    from facilitator.store.database import Workshop

    source, target = Path(workshop_path), Path(out)
    if not source.exists():
        raise ExportError(f"{source}: no such workshop file.")
    if target.exists() and target.resolve() == source.resolve():
        raise ExportError(f"{target}: that is the workshop itself; choose another output file.")
    if _is_workshop(target):
        raise ExportError(
            f"{target}: is a workshop file; exporting over it would destroy it. "
            "Choose another output file."
        )
    exporter = BY_KIND[kind]
    fn = exporter.load()
    with Workshop(workshop_path, read_only=True) as ws:
        fn(ws, Path(out), options or ExportOptions(), progress)
    return Path(out)


def check_privacy(findings: list[Finding], options: ExportOptions, out: Path) -> None:
    """Refuse an anonymous export with undecided hits unless the options say to withhold them."""
    if options.redact:
        return
    from facilitator.domain.privacy import unresolved

    pending = unresolved(findings)
    if pending:
        raise UnresolvedHits(out, pending)


def _is_workshop(path: Path) -> bool:
    """Whether path is an existing Facilitator workshop (never to be overwritten by an export)."""
    from facilitator.store.schema import APPLICATION_ID

    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return (
        header[:16] == b"SQLite format 3\x00"
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Write to a temporary file beside ``out`` and move it into place only when complete."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{out}: the folder {folder} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + out.name, suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(out, f"cannot be written ({exc.strerror}).") from exc
    os.close(fd)
    try:
        yield Path(tmp)
        # mkstemp makes the file private; exports are ordinary documents others may read.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        reason = "the disk is full" if exc.errno == 28 else exc.strerror
        raise StorageError(out, f"cannot be written ({reason}).") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
