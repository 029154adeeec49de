"""Headless command line: one module per sub-command, each exposing ``register(subparsers)``.

A sub-command module adds its parser with ``set_defaults(func=run)`` where
``run(args) -> int`` returns the process exit code. Heavy imports stay inside ``run``
so that ``kiosk --help`` and the GUI start fast.
"""

from __future__ import annotations

import argparse
import importlib

COMMAND_MODULES = ("login", "status", "redeem", "queue", "doctor", "decode")


def common_options() -> argparse.ArgumentParser:
    """Options every sub-command accepts (also accepted before the sub-command)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--home", metavar="DIR", default=argparse.SUPPRESS,
        help="data directory (default: $KIOSK_HOME or the platform's user data dir)",
    )
    return parent


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register every sub-command that exists."""
    parent = common_options()
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kiosk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kiosk.cli.{name}":
                raise
            continue
        module.register(subparsers, parent)
