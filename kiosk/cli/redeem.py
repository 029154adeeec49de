"""``kiosk redeem CODE [--amount N | --order-total N] [--json]``: the GUI's redeem path,
headless. ``--order-total`` is the basket (minor units): required for a discount voucher.

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
    parser.add_argument("--order-total", metavar="N",
                        help="the basket total in minor units of the shop's currency: required "
                             "for a discount voucher; for a balance voucher it takes "
                             "min(available, N). Not with --amount")
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


def _units(args: argparse.Namespace) -> tuple[int | None, int | None]:
    """``--amount`` and ``--order-total`` as numbers; ``ValueError`` with the words to print."""
    from kiosk.domain.voucher import MAX_UNITS  # noqa: PLC0415

    if args.amount is not None and args.order_total is not None:
        raise ValueError("give --amount or --order-total, not both")
    amount = order_total = None
    if args.order_total is not None:
        order_total = parse_amount(args.order_total)
        if order_total is None:
            raise ValueError(f"--order-total must be a whole number of minor currency units "
                             f"(digits 0-9 only, at most {MAX_UNITS:,}), not "
                             f"{args.order_total!r}")
    if args.amount is not None:
        amount = parse_amount(args.amount)
        if amount is None:
            raise ValueError(f"--amount must be a whole number of units (minor currency units "
                             f"or uses, digits 0-9 only, at most {MAX_UNITS:,}), not "
                             f"{args.amount!r}")
    return amount, order_total


def run(args: argparse.Namespace) -> int:
    """Redeem and report."""
    from kiosk.app.engine import NOT_RECORDED_FULL, NOT_REDEEMED  # noqa: PLC0415
    from kiosk.app.headless import dumps, outcome_line  # noqa: PLC0415
    from kiosk.cli import engine_for  # noqa: PLC0415
    from kiosk.domain.errors import KioskError, StorageError  # noqa: PLC0415

    try:
        amount, order_total = _units(args)
    except ValueError as exc:
        print(f"kiosk redeem: {exc}", file=sys.stderr)
        return 1
    try:
        engine = engine_for(args)
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
        outcome = engine.redeem(args.code, amount, order_total=order_total)
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
