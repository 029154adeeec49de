"""``kiosk doctor --support FILE.zip``: pack logs, versions and queue health for support."""

from __future__ import annotations

import argparse
import sys


def add_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--support FILE.zip`` to ``kiosk doctor``."""
    parser.add_argument("--support", metavar="FILE.zip", default=None,
                        help="write logs, versions and queue health (no codes, no passwords) "
                             "to a zip for support, and exit")


def run(args: argparse.Namespace) -> int:
    """Write the bundle; exit 0, or 1 when it cannot be written."""
    from pathlib import Path  # noqa: PLC0415

    from kiosk import paths  # noqa: PLC0415
    from kiosk.app.support import write_support_zip  # noqa: PLC0415 - keep `--help` fast
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    target = Path(args.support)
    try:
        names = write_support_zip(target, paths.data_dir())
    except OSError as exc:
        print(f"kiosk doctor: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KioskError as exc:
        print(f"kiosk doctor: {exc.message}", file=sys.stderr)
        return 1
    print(f"Support bundle written to {target} ({len(names)} files: {', '.join(names)})")
    return 0
