"""``kiosk report shift [--since ISO] [--pdf FILE] [--json] [--close]``: the Z report."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO date or time: {text!r} (e.g. 2026-12-02T08:00)") from None
    return moment if moment.tzinfo else moment.astimezone()  # naive = the till's local time


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add ``report`` with its one report, ``shift``."""
    parser = subparsers.add_parser(
        "report", parents=[parent], help="the end-of-shift report",
        description="Reports for a manager.")
    kinds = parser.add_subparsers(title="reports", metavar="{shift}", required=True)
    shift = kinds.add_parser(
        "shift", parents=[parent], help="the end-of-shift (Z) report",
        description="What this till took since the last Z report (or local midnight), per "
                    "currency and staff member, with every voucher re-read from the server "
                    "and its redemption history set beside the till's. Exit 0 when the "
                    "books match, 4 when there are mismatches or figures that could not be "
                    "checked, 1 on error.")
    shift.add_argument("--since", type=_moment, metavar="ISO",
                       help="start of the shift (default: the last Z report, else midnight)")
    shift.add_argument("--pdf", type=Path, metavar="FILE", help="also write the full report "
                                                               "as a PDF")
    shift.add_argument("--json", action="store_true", help="print JSON")
    shift.add_argument("--close", action="store_true",
                       help="close the shift: the next report starts now (Z)")
    shift.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build, print and optionally close the shift."""
    from kiosk.app.headless import dumps  # noqa: PLC0415
    from kiosk.app.printing.escpos import PrinterError  # noqa: PLC0415
    from kiosk.app.printing.service import shop_name  # noqa: PLC0415
    from kiosk.app.shift import build_report, close_shift  # noqa: PLC0415
    from kiosk.app.shift_text import report_lines  # noqa: PLC0415
    from kiosk.cli import open_engine  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    engine = open_engine("report", args)
    if engine is None:
        return 1
    try:
        report = build_report(engine, since=args.since, shop=shop_name(engine))
        lines = report_lines(report)
        if args.pdf:
            from kiosk.app.qt.pdf import write_pdf  # noqa: PLC0415 - Qt only for --pdf

            write_pdf(args.pdf, lines)
        print(dumps(report) if args.json else "\n".join(lines))
        if args.close:
            close_shift(engine, report)
    except KioskError as exc:
        print(f"kiosk report: {exc.message}", file=sys.stderr)
        return 1
    except PrinterError as exc:
        print(f"kiosk report: could not write {args.pdf}: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    return 4 if report.check.mismatches or report.check.unchecked else 0
