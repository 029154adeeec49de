"""``kiosk redeem CODE [--amount N] [--json]``: the GUI's redeem path, headless.

Exit 0 applied, 3 queued offline, 2 refused (with the reason), 1 error (one line on stderr,
e.g. "Storage full — nothing was redeemed. Call a manager." when the outbox cannot be written).
"""

from __future__ import annotations

import argparse
import sys

EXIT = {"applied": 0, "queued": 3, "refused": 2}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``redeem`` sub-command."""
    parser = subparsers.add_parser(
        "redeem", parents=[parent], help="redeem a voucher (queues it when offline)",
        description="Redeem a voucher: saved to the outbox first, then sent; offline it is "
                    "queued. Exit 0 applied, 3 queued offline, 2 refused, 1 error.")
    parser.add_argument("code", help="the voucher code")
    parser.add_argument("--amount", metavar="N",
                        help="units to take (minor currency units, or uses); default: all")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Redeem and report."""
    from kiosk.app.engine import NOT_RECORDED, NOT_RECORDED_FULL, Engine  # noqa: PLC0415
    from kiosk.app.headless import dumps, outcome_line  # noqa: PLC0415
    from kiosk.domain.errors import KioskError, StorageError  # noqa: PLC0415

    amount: int | None = None
    if args.amount is not None:
        try:
            amount = int(args.amount)
        except ValueError:
            print(f"kiosk redeem: --amount must be a whole number of units (minor currency "
                  f"units or uses), not {args.amount!r}", file=sys.stderr)
            return 1
    try:
        engine = Engine.open()
    except StorageError as exc:  # cannot even open the outbox: say what it means here
        print(f"kiosk redeem: {NOT_RECORDED_FULL if exc.full else NOT_RECORDED}",
              file=sys.stderr)
        return 1
    except KioskError as exc:
        print(f"kiosk redeem: {exc.message}", file=sys.stderr)
        return 1
    from kiosk.app.instance import gui_note  # noqa: PLC0415

    if note := gui_note(engine.home):
        print(note, file=sys.stderr)
    try:
        outcome = engine.redeem(args.code, amount)
    except KioskError as exc:
        print(f"kiosk redeem: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    if args.json:
        print(dumps(outcome))
    elif outcome.status.value == "refused":
        print(f"kiosk redeem: {outcome.message}", file=sys.stderr)
    else:
        print(outcome_line(outcome))
    return EXIT[outcome.status.value]
