"""``kiosk status CODE [--json]``: what a voucher is worth and whether it can be used."""

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
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Look the voucher up and print it."""
    from kiosk.app.engine import Engine  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.app.headless import dumps, lookup_lines  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415
    from kiosk.scan.codes import CodeRejected, normalise_code  # noqa: PLC0415

    try:
        normalise_code(args.code)
    except CodeRejected as rejected:
        print(f"kiosk status: This is not a voucher code ({rejected.reason.value}).",
              file=sys.stderr)
        return 2
    try:
        engine = Engine.open()
    except KioskError as exc:
        print(f"kiosk status: {exc.message}", file=sys.stderr)
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
    print(dumps(lookup) if args.json else "\n".join(lookup_lines(lookup)))
    return 0 if lookup.voucher is not None else 2
