"""The ``kiosk`` entry point: the GUI, or a headless sub-command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kiosk import __version__, paths
from kiosk.app import logfile
from kiosk.cli import add_commands


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Voucher Kiosk")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data directory")
    parser.add_argument("--demo", action="store_true",
                        help="run against the embedded demo server, staff login pre-filled")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render a screen offscreen to a PNG and exit")
    parser.add_argument("--screen", default="scan", help="screen for --screenshot")
    parser.add_argument("--fullscreen", action="store_true", help="start in kiosk mode")
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1024x600")
    # A check for the packaged app (packaging/smoke_test.py): play every sound once and exit.
    parser.add_argument("--play-sounds", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--language", metavar="CODE",
                        help="UI language for this run (en, de), whatever the settings say")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk; returns the process exit code."""
    args = build_parser().parse_args(argv)
    paths.set_home(getattr(args, "home", None))
    logfile.install(paths.data_dir())
    if args.command:
        code: int = args.func(args)
        return code
    from kiosk.ui.application import run_gui  # noqa: PLC0415 - Qt only when the GUI runs

    gui_code: int = run_gui(args)
    return gui_code


if __name__ == "__main__":
    sys.exit(main())
