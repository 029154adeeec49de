"""``kiosk decode [--json] [--decoder zxing|zbar|combined] FILE...``: decode files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
             parent: argparse.ArgumentParser) -> None:
    """Add the ``decode`` sub-command."""
    parser = subparsers.add_parser(
        "decode", parents=[parent], help="decode barcodes in image or video files",
        description="Decode barcodes in image (png, jpg, webp, gif) and video files with the "
                    "camera's pipeline. Exit 0 if anything was found, 1 if not.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("--json", action="store_true",
                        help='print one JSON list of {"file", "text", "format"} objects')
    parser.add_argument("--decoder", choices=("zxing", "zbar", "combined"), default="combined")
    parser.add_argument("--formats", metavar="LIST",
                        help="comma-separated formats (default: all voucher formats)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Decode every file; returns the exit code."""
    from kiosk.scan.camera import SourceUnavailable  # noqa: PLC0415 - keep --help fast
    from kiosk.scan.decoders import DecoderUnavailable, make_decoder  # noqa: PLC0415
    from kiosk.scan.files import decode_file  # noqa: PLC0415
    from kiosk.scan.symbols import parse_formats  # noqa: PLC0415

    try:
        decoder = make_decoder(args.decoder, parse_formats(args.formats), still=True)
    except (DecoderUnavailable, ValueError) as exc:
        print(f"kiosk decode: {exc}", file=sys.stderr)
        return 1
    results: list[dict[str, str]] = []
    for path in args.files:
        try:
            symbols = decode_file(path, decoder)
        except SourceUnavailable as exc:
            print(f"kiosk decode: cannot read {exc}", file=sys.stderr)
            continue
        for symbol in symbols:
            results.append({"file": str(path), "text": symbol.text, "format": symbol.format.value})
            if not args.json:
                print(f"{path}: {symbol.format.value}: {symbol.text}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    return 0 if results else 1
