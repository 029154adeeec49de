"""``kiosk doctor``: cameras, decoders, sign-in, server reachability and queue health."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from kiosk.cli import support


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``doctor`` sub-command."""
    parser = subparsers.add_parser(
        "doctor", parents=[parent], help="check cameras, decoders, server and queue",
        description="Check what the kiosk needs. Exit 0 when it can redeem online, else 1.")
    support.add_option(parser)
    parser.set_defaults(func=run)


def _probe(what: str, check: Callable[[], str]) -> str:
    try:
        return check()
    except ImportError:
        return "not available in this build"
    except Exception as exc:  # a diagnostic must report, never crash
        return f"could not check {what}: {exc}"


def _cameras() -> str:
    from kiosk.scan.camera import list_cameras  # noqa: PLC0415 - optional

    found = list_cameras()
    return ", ".join(f"{c.index}: {c.name}" for c in found) if found else "none found"


def _decoders() -> str:
    from kiosk.scan.decoders import available_decoders  # noqa: PLC0415 - optional

    found = available_decoders()
    return ", ".join(
        f"{d.name} ({'ok' if d.available else d.detail})" for d in found) if found else "none"


def run(args: argparse.Namespace) -> int:
    """Print one line per check (or write the support bundle)."""
    if args.support:
        return support.run(args)
    from kiosk import paths  # noqa: PLC0415
    from kiosk.app.engine import Engine  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.app.signin import current_account  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    healthy = True
    print(f"Data folder: {paths.data_dir()}")
    print(f"Cameras:     {_probe('cameras', _cameras)}")
    print(f"Decoders:    {_probe('decoders', _decoders)}")
    try:
        engine = Engine.open()
    except KioskError as exc:
        print(f"Account:     {exc.message}")
        print("kiosk doctor: not signed in", file=sys.stderr)
        return 1
    try:
        account = current_account(home=engine.home)
        shop = account.domain_name if account else f"shop {engine.domain_id}"
        print(f"Account:     {engine.staff or '?'} on {shop} "
              f"({getattr(engine.backend, 'name', '?')})")
        try:
            reachable, seconds, detail = engine.ping()
        except KioskError as exc:
            reachable, seconds, detail = True, 0.0, exc.message
        print(f"Server:      {'reachable' if reachable else 'UNREACHABLE'} "
              f"({seconds * 1000:.0f} ms) — {detail}")
        healthy = healthy and reachable
        pending, conflicts = engine.outbox.counts()
        open_entries = engine.outbox.open_entries()
        oldest = (f", oldest from {open_entries[0].redeemed_at:%Y-%m-%d %H:%M} UTC"
                  if open_entries else "")
        uncertain = sum(e.uncertain for e in open_entries)
        print(f"Queue:       {pending} waiting{oldest}; {uncertain} uncertain; "
              f"{conflicts} conflicts for a manager")
    finally:
        engine.close()
    if not healthy:
        print("kiosk doctor: the server cannot be reached; redemptions will queue offline",
              file=sys.stderr)
    return 0 if healthy else 1
