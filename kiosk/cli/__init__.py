"""Headless command line: one module per sub-command, each exposing ``register(subparsers)``.

A sub-command module adds its parser with ``set_defaults(func=run)`` where
``run(args) -> int`` returns the process exit code; every ``run`` is wrapped once so
that a closed pipe (``kiosk status X | head``) ends the command quietly. Heavy imports
stay inside ``run`` so that ``kiosk --help`` and the GUI start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING

from kiosk.cli.output import quiet_pipe

if TYPE_CHECKING:
    from kiosk.app.engine import Engine

COMMAND_MODULES = ("login", "status", "redeem", "undo", "queue", "receipt", "report", "doctor",
                   "decode", "staff")


def common_options() -> argparse.ArgumentParser:
    """Options every sub-command accepts (also accepted before the sub-command)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--home", metavar="DIR", default=argparse.SUPPRESS,
        help="data directory (default: $KIOSK_HOME or the platform's user data dir)",
    )
    parent.add_argument(
        "--staff", metavar="NAME", default=argparse.SUPPRESS,
        help="who works the till, recorded with each redemption (Vouchers API, Vauchar, "
             "ShopWired): a name on the till's staff list (`kiosk staff list`); while the "
             "list is empty any name (default: the operating-system user name)",
    )
    return parent


def staff_of(args: argparse.Namespace) -> str:
    """``--staff``, else "" (the engine then uses the signed-in account's)."""
    return str(getattr(args, "staff", "") or "").strip()


def engine_for(args: argparse.Namespace) -> Engine:
    """The signed-in engine with ``--staff`` (looked up on the till's local staff list on
    key-based platforms). Raises ``KioskError``."""
    from kiosk.app.engine import Engine  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.app.local_staff import take_staff  # noqa: PLC0415

    engine = Engine.open(staff=staff_of(args))
    try:
        take_staff(engine, staff_of(args))
    except BaseException:
        engine.close()
        raise
    return engine


def open_engine(command: str, args: argparse.Namespace) -> Engine | None:
    """The signed-in engine, or None after saying why on stderr (``kiosk COMMAND: …``)."""
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    try:
        return engine_for(args)
    except KioskError as exc:
        print(f"kiosk {command}: {exc.message}", file=sys.stderr)
        return None


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register every sub-command."""
    parent = common_options()
    for name in COMMAND_MODULES:
        importlib.import_module(f"kiosk.cli.{name}").register(subparsers, parent)
    for parser in subparsers.choices.values():
        parser.set_defaults(func=quiet_pipe(parser.get_default("func")))
