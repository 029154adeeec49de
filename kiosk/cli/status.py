"""``kiosk status CODE [--order-total N] [--json]``: what a voucher is worth and whether it
can be used; with the basket, what a discount voucher takes off it."""

from __future__ import annotations

import argparse
import sys


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``status`` sub-command."""
    parser = subparsers.add_parser(
        "status", parents=[parent], help="show a voucher's status",
        description="Show a voucher's status: online, or from this till's records when "
                    "offline (saying so). Exit 0 found, 2 unknown, 1 error.")
    parser.add_argument("code", help="the voucher code")
    parser.add_argument("--order-total", metavar="N",
                        help="the basket total in minor units: shows a discount voucher's "
                             "discount and what the customer pays")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Look the voucher up and print it."""
    from kiosk.app.headless import dumps, lookup_json, lookup_lines  # noqa: PLC0415
    from kiosk.cli import open_engine  # noqa: PLC0415
    from kiosk.cli.redeem import parse_amount  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415
    from kiosk.scan.codes import CodeRejected, normalise_code  # noqa: PLC0415

    try:
        normalise_code(args.code)
    except CodeRejected as rejected:
        print(f"kiosk status: This is not a voucher code ({rejected.reason.value}).",
              file=sys.stderr)
        return 2
    order_total = None
    if args.order_total is not None:
        order_total = parse_amount(args.order_total)
        if order_total is None:
            print(f"kiosk status: --order-total must be a whole number of minor currency units, "
                  f"not {args.order_total!r}", file=sys.stderr)
            return 1
    engine = open_engine("status", args)
    if engine is None:
        return 1
    try:
        lookup = engine.lookup(args.code)
        warning = engine.till_clock.warning()
    except KioskError as exc:
        print(f"kiosk status: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    if warning:
        print(f"kiosk status: warning: {warning}", file=sys.stderr)
    print(dumps(lookup_json(lookup, order_total)) if args.json
          else "\n".join(lookup_lines(lookup, order_total)))
    return 0 if lookup.voucher is not None else 2
