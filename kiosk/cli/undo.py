"""``kiosk undo [--show] [--json]``: take back the till's last redemption of this shift.

The GUI's "Undo last redemption" without the manager PIN: the command line is for operators
who already hold the till's data directory. A redemption still queued is cancelled on the
till (never sent); an applied one is reversed on the server where the platform can
(Vauchar), else refused with the platform's reason and what to do instead.

Exit 0 undone (reversed or cancelled; ``--show``: there is one), 2 refused (the platform
cannot, nothing to undo, offline), 1 error (including an undo whose answer was lost: run it
again, it cannot take back more than that one redemption).
"""

from __future__ import annotations

import argparse
import sys

EXIT = {"reversed": 0, "cancelled": 0, "refused": 2, "unconfirmed": 1}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``undo`` sub-command."""
    parser = subparsers.add_parser(
        "undo", parents=[parent], help="undo the last redemption of this shift",
        description="Take back this till's last redemption since the last Z report: a "
                    "queued one is cancelled on the till, an applied one reversed on the "
                    "server where the platform can (Vauchar). Exit 0 undone, 2 refused "
                    "(the platform cannot, nothing to undo, offline), 1 error.")
    parser.add_argument("--show", action="store_true",
                        help="only show which redemption would be undone")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Undo (or show) the last redemption and report."""
    from kiosk.app.headless import dumps, entry_line  # noqa: PLC0415
    from kiosk.cli import open_engine  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    engine = open_engine("undo", args)
    if engine is None:
        return 1
    try:
        if args.show:
            entry = engine.last_redemption()
            if args.json:
                print(dumps({"entry": entry}))
            elif entry is not None:
                print(entry_line(entry))
            else:
                print("kiosk undo: nothing to undo since the shift began", file=sys.stderr)
            return 0 if entry is not None else 2
        outcome = engine.undo_last()
    except KioskError as exc:
        print(f"kiosk undo: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    if args.json:
        print(dumps(outcome))
    elif outcome.status.value in ("reversed", "cancelled"):
        print(f"{outcome.status.value}: {outcome.message}")
    else:
        print(f"kiosk undo: {outcome.message}", file=sys.stderr)
    return EXIT[outcome.status.value]
