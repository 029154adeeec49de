"""``kiosk queue [list|sync|export FILE] [--json]``: the outbox, replay now, CSV export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``queue`` sub-command."""
    parser = subparsers.add_parser(
        "queue", parents=[parent], help="list, replay or export the offline queue",
        description="list: outbox entries with their states (newest first); sync: replay "
                    "now (exit 0 all sent, 2 some were refused and are now conflicts for a "
                    "manager, 3 some still queued, 1 error); export FILE: CSV.")
    parser.add_argument("action", nargs="?", default="list", choices=("list", "sync", "export"))
    parser.add_argument("file", nargs="?", type=Path, help="CSV file for export")
    parser.add_argument("--all", action="store_true", help="list every entry, not only open "
                        "ones and conflicts")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Do the chosen action."""
    from kiosk.app.engine import Engine  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.app.headless import dumps, entry_line  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415
    from kiosk.domain.outcomes import EntryState  # noqa: PLC0415

    if args.action == "export" and args.file is None:
        print("kiosk queue: export needs a FILE", file=sys.stderr)
        return 1
    try:
        engine = Engine.open()
    except KioskError as exc:
        print(f"kiosk queue: {exc.message}", file=sys.stderr)
        return 1
    try:
        if args.action == "export":
            try:
                count = engine.export_csv(args.file)
            except OSError as exc:
                print(f"kiosk queue: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
                return 1
            print(dumps({"exported": count, "file": str(args.file)}) if args.json
                  else f"Exported {count} entries to {args.file}")
            return 0
        if args.action == "sync":
            report = engine.sync()
            if args.json:
                print(dumps(report))
            else:
                print(f"{report.applied} sent, {report.reconciled} found already applied, "
                      f"{report.rejected} refused, {report.remaining} still queued")
            if report.auth_required:
                print(f"kiosk queue: {report.error or 'please sign in again'}", file=sys.stderr)
                return 1
            if report.remaining:
                if report.error:
                    print(f"kiosk queue: {report.error}", file=sys.stderr)
                return 3
            if report.rejected:
                print(f"kiosk queue: {report.rejected} redemption(s) were refused by the server "
                      "and are now conflicts for a manager (`kiosk queue list`).",
                      file=sys.stderr)
                return 2
            return 0
        states = None if args.all else (EntryState.PENDING, EntryState.SENDING,
                                        EntryState.REJECTED)
        entries = engine.entries(states)
        if args.json:
            print(dumps(entries))
        else:
            for entry in entries:
                print(entry_line(entry))
            pending, conflicts = engine.outbox.counts()
            print(f"{pending} queued, {conflicts} conflicts")
        return 0
    except KioskError as exc:
        print(f"kiosk queue: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
