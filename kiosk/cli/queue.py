"""``kiosk queue [list|sync|export FILE] [--all] [--json]``: the outbox, replay now, CSV export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.app.engine import Engine


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add ``queue`` and its own sub-commands (``kiosk queue`` alone lists)."""
    parser = subparsers.add_parser(
        "queue", parents=[parent], help="list, replay or export the offline queue",
        description="The offline queue (outbox). Without an action: list.")
    _list_options(parser, default=False)
    parser.set_defaults(func=run, action="list")
    actions = parser.add_subparsers(title="actions", metavar="{list,sync,export}")
    listing = actions.add_parser(
        "list", parents=[parent], help="entries with their states, newest first",
        description="Outbox entries with their states, newest first: open ones and "
                    "conflicts, or every entry with --all.")
    _list_options(listing, default=argparse.SUPPRESS)
    listing.set_defaults(action="list")
    sync = actions.add_parser(
        "sync", parents=[parent], help="replay queued redemptions now",
        description="Replay queued redemptions now. Exit 0 all sent, 2 some were refused "
                    "and are now conflicts for a manager, 3 some still queued, 1 error.")
    sync.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                      help="print JSON")
    sync.set_defaults(action="sync")
    export = actions.add_parser(
        "export", parents=[parent], help="write every entry to a CSV file",
        description="Write every outbox entry to a CSV file.")
    export.add_argument("file", type=Path, help="the CSV file to write")
    export.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON")
    export.set_defaults(action="export")


def _list_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    # On the sub-command the options default to SUPPRESS, so `kiosk queue --json list`
    # keeps the --json given before the action.
    parser.add_argument("--all", action="store_true", default=default,
                        help="list every entry, not only open ones and conflicts")
    parser.add_argument("--json", action="store_true", default=default, help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Do the chosen action."""
    from kiosk.cli import open_engine  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    engine = open_engine("queue", args)
    if engine is None:
        return 1
    from kiosk.app.instance import gui_note  # noqa: PLC0415

    if note := gui_note(engine.home):
        print(note, file=sys.stderr)
    try:
        action = {"list": _list, "sync": _sync, "export": _export}[args.action]
        return action(engine, args)
    except KioskError as exc:
        print(f"kiosk queue: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()


def _list(engine: Engine, args: argparse.Namespace) -> int:
    from kiosk.app.headless import dumps, entry_line  # noqa: PLC0415
    from kiosk.domain.outcomes import EntryState  # noqa: PLC0415

    states = None if args.all else (EntryState.PENDING, EntryState.SENDING, EntryState.REJECTED)
    entries = engine.entries(states)
    if args.json:
        print(dumps(entries))
        return 0
    for entry in entries:
        print(entry_line(entry))
    pending, conflicts = engine.outbox.counts()
    print(f"{pending} queued, {conflicts} conflicts")
    return 0


def _sync(engine: Engine, args: argparse.Namespace) -> int:
    from kiosk.app.headless import dumps  # noqa: PLC0415

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
        print(f"kiosk queue: {report.rejected} redemption(s) were refused by the server and are "
              "now conflicts for a manager (`kiosk queue list`).", file=sys.stderr)
        return 2
    return 0


def _export(engine: Engine, args: argparse.Namespace) -> int:
    from kiosk.app.headless import dumps  # noqa: PLC0415

    try:
        count = engine.export_csv(args.file)
    except OSError as exc:
        print(f"kiosk queue: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    print(dumps({"exported": count, "file": str(args.file)}) if args.json
          else f"Exported {count} entries to {args.file}")
    return 0
