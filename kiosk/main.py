"""The ``kiosk`` entry point: the GUI, or a headless sub-command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, cast

from kiosk import __version__, paths
from kiosk.app import logfile
from kiosk.cli import add_commands

STATELESS_COMMANDS = frozenset({"decode"})  # need no data folder


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 1 ("error"): exit 2 means "refused" to scripts (DESIGN §4)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


class _NotTheGui(Exception):
    """The command line is not only the GUI's options."""


class _GuiParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheGui(message)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser."""
    parser = _Parser(prog="kiosk", description="Voucher Kiosk")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_gui_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(cast("argparse._SubParsersAction[argparse.ArgumentParser]", subparsers))
    return parser


def gui_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """``argv`` parsed as the GUI's options alone, or None when it holds anything else (a
    sub-command, help, an error): then the full parser, with every sub-command's parser and
    module, is built for it. Starting the GUI needs neither (start-up, docs/performance.md)."""
    parser = _GuiParser(prog="kiosk", add_help=False)
    _add_gui_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheGui:
        return None
    if rest:
        return None
    args.command = None
    return args


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--home", metavar="DIR", help="data directory")
    parser.add_argument("--demo", action="store_true",
                        help="run against the embedded demo server, staff login pre-filled")
    parser.add_argument("--backend", dest="demo_backend", default="vouchercart",
                        choices=("vouchercart", "vouchers-api", "vauchar", "shopwired"),
                        help="with --demo: which platform's simulator and demo vouchers")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render a screen offscreen to a PNG and exit")
    parser.add_argument("--screen", default="scan", help="screen for --screenshot")
    parser.add_argument("--fullscreen", action="store_true", help="start in kiosk mode")
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1024x600")
    # A check for the packaged app (packaging/smoke_test.py): play every sound once and exit.
    parser.add_argument("--play-sounds", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--language", metavar="CODE",
                        help="UI language for this run (en, de), whatever the settings say")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk; returns the process exit code."""
    args = gui_args(argv) or build_parser().parse_args(argv)
    paths.set_home(getattr(args, "home", None))
    try:
        home: Path | None = paths.data_dir()
    except OSError as exc:
        if args.command not in STATELESS_COMMANDS:
            sys.stderr.write(f"kiosk: cannot use the data folder: {exc.strerror}: "
                             f"{exc.filename}\n")
            return 1
        home = None
    logfile.install(home)
    if args.command:
        try:
            code: int = args.func(args)
        except KeyboardInterrupt:
            sys.stderr.write("kiosk: interrupted. A redemption under way is kept in the "
                             "queue: see `kiosk queue`.\n")
            return 130
        return code
    from kiosk.ui import collector  # noqa: PLC0415 - Qt-free
    from kiosk.ui.demo import start_demo  # noqa: PLC0415 - Qt-free

    collector.pause()  # until the first screen is painted (start-up, docs/performance.md)
    # The demo server's child process starts before the GUI's imports, on the other core.
    demo = start_demo(args)
    from kiosk.ui.pyside_feature import import_pyside  # noqa: PLC0415

    import_pyside()  # without reading the source of every module imported after it
    from kiosk.ui.application import run_gui  # noqa: PLC0415 - Qt only when the GUI runs

    gui_code: int = run_gui(args, demo)
    return gui_code


if __name__ == "__main__":
    sys.exit(main())
