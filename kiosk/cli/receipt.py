"""``kiosk receipt ENTRY_ID|--last [--pdf FILE | --escpos-file FILE]``: render a receipt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``receipt`` sub-command."""
    parser = subparsers.add_parser(
        "receipt", parents=[parent], help="render a redemption's receipt",
        description="Render the receipt of a redemption (its outbox entry id, as `kiosk queue "
                    "list` shows it in brackets, or --last): as text, a PDF, or the ESC/POS "
                    "bytes a thermal printer takes (a file or a device such as /dev/usb/lp0).")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("entry_id", nargs="?", help="the redemption's reference (entry id)")
    which.add_argument("--last", action="store_true", help="the newest redemption")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF")
    output.add_argument("--escpos-file", type=Path, metavar="FILE",
                        help="write ESC/POS printer bytes (a file or a printer device)")
    parser.add_argument("--width", type=int, choices=(58, 80), default=None,
                        help="paper width in mm (default: the printer setting)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render the receipt."""
    from dataclasses import replace  # noqa: PLC0415

    from kiosk.app.printing.escpos import PrinterError, print_lines  # noqa: PLC0415
    from kiosk.app.printing.receipt import receipt_lines  # noqa: PLC0415
    from kiosk.app.printing.service import ReceiptService  # noqa: PLC0415
    from kiosk.cli import open_engine  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    engine = open_engine("receipt", args)
    if engine is None:
        return 1
    try:
        service = ReceiptService(engine)
        entry_id = service.last_entry_id() if args.last else args.entry_id
        receipt = service.receipt(entry_id)
        config = service.config()
        if args.width:
            config = replace(config, width_mm=args.width)
        lines = receipt_lines(receipt, config.columns)
        if args.escpos_file:
            print_lines(replace(config, kind="file", address=str(args.escpos_file)), lines)
            print(f"Receipt {receipt.reference} written to {args.escpos_file}")
        elif args.pdf:
            from kiosk.app.qt.pdf import write_pdf  # noqa: PLC0415 - Qt only for --pdf

            write_pdf(args.pdf, lines, width_mm=config.width_mm)
            print(f"Receipt {receipt.reference} written to {args.pdf}")
        else:
            print("\n".join(lines))
    except KioskError as exc:
        print(f"kiosk receipt: {exc.message}", file=sys.stderr)
        return 1
    except PrinterError as exc:
        target = args.escpos_file or args.pdf
        print(f"kiosk receipt: could not write {target}: {exc.message}", file=sys.stderr)
        return 1
    finally:
        engine.close()
    return 0
