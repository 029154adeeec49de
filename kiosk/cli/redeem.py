"""``kiosk redeem CODE [--amount N] [--json]``: the GUI's redeem path, headless.

Exit 0 applied, 3 queued offline, 2 refused (with the reason), 1 error (one line on stderr,
e.g. "Storage full — nothing was redeemed. Call a manager." when the outbox cannot be written).
"""

from __future__ import annotations

import argparse
import re
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


def parse_amount(text: str) -> int | None:
    """A positive whole number of units in plain ASCII digits (no ``1_000``, no other
    scripts' digits, no signs), at most ``MAX_UNITS``; None otherwise."""
    from kiosk.domain.voucher import MAX_UNITS  # noqa: PLC0415

    if not re.fullmatch(r"[0-9]{1,20}", text.strip(), re.ASCII):
        return None
    value = int(text.strip())
    return value if 0 < value <= MAX_UNITS else None


def run(args: argparse.Namespace) -> int:
    """Redeem and report."""
    from kiosk.app.engine import NOT_RECORDED_FULL, NOT_REDEEMED, Engine  # noqa: PLC0415
    from kiosk.app.headless import dumps, outcome_line  # noqa: PLC0415
    from kiosk.domain.errors import KioskError, StorageError  # noqa: PLC0415
    from kiosk.domain.voucher import MAX_UNITS  # noqa: PLC0415

    amount: int | None = None
    if args.amount is not None:
        amount = parse_amount(args.amount)
        if amount is None:
            print(f"kiosk redeem: --amount must be a whole number of units (minor currency "
                  f"units or uses, digits 0-9 only, at most {MAX_UNITS:,}), not "
                  f"{args.amount!r}", file=sys.stderr)
            return 1
    try:
        engine = Engine.open()
    except StorageError as exc:  # cannot even open the outbox: say what it means here
        words = NOT_RECORDED_FULL if exc.full else f"{exc.message} {NOT_REDEEMED}"
        print(f"kiosk redeem: {words}", file=sys.stderr)
        return 1
    except KioskError as exc:
        print(f"kiosk redeem: {exc.message}", file=sys.stderr)
        return 1
    from kiosk.app.instance import gui_note  # noqa: PLC0415

    if note := gui_note(engine.home):
        print(note, file=sys.stderr)
    try:
        outcome = engine.redeem(args.code, amount)
        warning = engine.till_clock.warning()
    except KioskError as exc:
        print(f"kiosk redeem: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    if warning:
        print(f"kiosk redeem: warning: {warning}", file=sys.stderr)
    if args.json:
        print(dumps(outcome))
    elif outcome.status.value == "refused":
        print(f"kiosk redeem: {outcome.message}", file=sys.stderr)
    else:
        print(outcome_line(outcome))
    return EXIT[outcome.status.value]
