"""``facilitator import FILE ROSTER``: the same reading, matching and writing as the dialog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="import a roster (CSV or XLSX) into a workshop",
        description="Read a registration spreadsheet (CSV in any common encoding and delimiter, "
        "or XLSX), map its columns, and add or update people. Rows repeating a person already "
        "present (same e-mail, or same name and organisation) update that person. Exit status: "
        "0 all rows imported; 1 some rows were rejected (nothing is written unless "
        "--skip-invalid); 2 the file or workshop could not be read.",
    )
    p.add_argument("file", help="workshop file")
    p.add_argument("roster", help="CSV or XLSX file to import")
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows when some are rejected"
    )
    p.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    p.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from facilitator.edits.people import ImportRoster
    from facilitator.interchange import roster
    from facilitator.store.database import Workshop
    from facilitator.store.errors import WorkshopError

    if not Path(args.file).exists():
        print(
            f"facilitator import: {args.file}: no such workshop file (create it with "
            "'facilitator FILE' or 'facilitator demo FILE').",
            file=sys.stderr,
        )
        return 2
    try:
        ws = Workshop(args.file, read_only=args.dry_run)
    except WorkshopError as exc:
        print(f"facilitator import: {exc}", file=sys.stderr)
        return 2
    try:
        try:
            table, mapping, plan = roster.load_and_plan(
                args.roster, ws.people.people(), history=ws.people.edit_history()
            )
        except roster.RosterFileError as exc:
            print(f"facilitator import: {exc}", file=sys.stderr)
            return 2
        out = sys.stdout
        print(
            f"{Path(args.roster).name}: {table.describe()}; header on row {mapping.header_row + 1}",
            file=out,
        )
        cols = roster.headers(table, mapping)
        pairs = [f"{cols[i]} → {roster.FIELDS[f]}" for i, f in sorted(mapping.columns.items()) if f]
        print("columns: " + "; ".join(pairs), file=out)
        for row in plan.adds:
            print(f"added    row {row.row}: {_who(row.person)}", file=out)
            for w in row.warnings:
                print(f"  note   row {row.row}: {w}", file=out)
        for update in plan.updates:
            row = update.row
            changed = ", ".join(update.values())
            print(f"updated  row {row.row}: {_who(row.person)} ({changed})", file=out)
            for kept in update.kept():
                print(
                    f"  kept   row {row.row}: {kept.field} “{kept.current}” ({kept.reason})",
                    file=out,
                )
        for update in plan.unchanged:
            row = update.row
            print(f"same     row {row.row}: {_who(row.person)} (already up to date)", file=out)
            for kept in update.kept():
                print(
                    f"  kept   row {row.row}: {kept.field} “{kept.current}” ({kept.reason})",
                    file=out,
                )
        for row, into, why in plan.merged:
            print(f"merged   row {row.row} into row {into} ({why})", file=out)
        for rej in plan.rejected:
            print(f"rejected row {rej.row}: {rej.reason}", file=sys.stderr)
        print("summary: " + plan.summary(), file=out)
        if args.dry_run:
            print("dry run: nothing written.", file=out)
            return 1 if plan.rejected else 0
        if plan.rejected and not args.skip_invalid:
            print(
                f"nothing written: {len(plan.rejected)} rows were rejected. Fix them, or run "
                "again with --skip-invalid to import the other rows.",
                file=sys.stderr,
            )
            return 1
        try:
            ImportRoster(ws, plan).apply()
        except WorkshopError as exc:
            print(f"facilitator import: {exc}", file=sys.stderr)
            return 2
        print(
            f"wrote {len(plan.adds)} new and {len(plan.updates)} updated people to {args.file}",
            file=out,
        )
        return 1 if plan.rejected else 0
    finally:
        ws.close()


def _who(person: dict) -> str:
    org = person.get("organisation", "")
    return f"{person['name']}" + (f" ({org})" if org else "")
