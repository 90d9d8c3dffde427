"""Run an export as a job with a progress dialog, so the window never freezes.

An anonymous output whose texts hold possible names nobody has decided about is not written
straight away: the export stops before writing (the same check as the command line's exit
2) and the window asks once, listing them (:class:`~facilitator.ui.report.unresolved.
UnresolvedDialog`): withhold them all and export, review them in the Privacy check, or
cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from facilitator.exports import BY_KIND, ExportError, ExportOptions, UnresolvedHits, run_export
from facilitator.reports.heap import long_lived
from facilitator.ui.areas import AreaContext
from facilitator.ui.jobs import Job, JobCancelled, Progress


def review_in_privacy_check(ctx: AreaContext) -> None:
    """Open the Report area's Privacy check on the hits nobody decided."""
    ctx.navigate("report", {"privacy": "undecided"})


def export_job(
    ctx: AreaContext,
    kind: str,
    out: Path,
    options: ExportOptions | None = None,
    *,
    ask: bool = True,
    follow: Callable[[Job], None] | None = None,
    review: Callable[[], None] | None = None,
) -> Job:
    """One export; success goes to the status bar, a failure to a message. Not started.

    With ``ask`` undecided names stop the export and the window asks; "Withhold all and
    export" starts a second job (handed to ``follow`` first, so the caller's progress bar
    follows it too); "Review in Privacy check" calls ``review`` (by default the Report area).
    """
    workshop_path, opts = ctx.workshop.path, options or ExportOptions()
    first = replace(opts, redact=False) if ask else opts

    def work(progress: Progress) -> Path:
        try:
            # From the start: loading the exporter's modules allocates plenty, and a full
            # collection would walk everything the window holds (reports/heap.py).
            with long_lived():
                return run_export(kind, workshop_path, out, first, progress)
        except JobCancelled:
            out.unlink(missing_ok=True)  # no half-written file left behind
            raise

    def failed(exc: Exception) -> None:
        if ask and isinstance(exc, UnresolvedHits):
            _ask(exc)
        else:
            ctx.error(exc)

    def _ask(exc: UnresolvedHits) -> None:
        from facilitator.ui.report.unresolved import REVIEW, WITHHOLD, UnresolvedDialog

        dialog = UnresolvedDialog(exc.findings, out.name, ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(choice: str) -> None:
            if choice == WITHHOLD:
                again = export_job(
                    ctx, kind, out, replace(opts, redact=True), ask=False, follow=follow
                )
                job.retry = again  # type: ignore[attr-defined]  # kept alive with the first
                if follow is not None:
                    follow(again)
                again.start()
            elif choice == REVIEW:
                n = len(exc.findings)
                ctx.status(
                    f"{out.name} was not written: {n} possible name{'s' * (n != 1)} to decide."
                )
                (review or (lambda: review_in_privacy_check(ctx)))()
            else:
                ctx.status(f"Export of {out.name} cancelled.")

        dialog.chosen.connect(chosen)
        dialog.open()

    job = Job(ctx.window, f"Writing {out.name}…", work, expected=(ExportError,))
    job.done.connect(lambda path: ctx.status(f"Exported {path}"))
    job.failed.connect(failed)
    job.cancelled.connect(lambda: ctx.status(f"Export of {out.name} cancelled."))
    return job


def export_with_dialog(
    ctx: AreaContext, kind: str, options: ExportOptions | None = None
) -> Job | None:
    exporter = BY_KIND[kind]
    suggestion = ctx.workshop.path.with_name(f"{ctx.workshop.path.stem} {kind}{exporter.suffix}")
    path, _ = QFileDialog.getSaveFileName(
        ctx.window, exporter.label.rstrip("…"), str(suggestion), f"*{exporter.suffix}"
    )
    if not path:
        return None
    return export_job(ctx, kind, Path(path), options).start()
