"""The simulator's command line (``python -m kiosk.sim``, or the bundle's executable with
``kiosk.sim.child.CHILD_ARG``): run one voucher API's simulator until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType

from kiosk.sim.server import make_server
from kiosk.sim.simulator import APIS


def build_parser() -> argparse.ArgumentParser:
    """The simulator's command line (DESIGN.md §4)."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.sim",
                                     description="Local voucher API simulator")
    parser.add_argument("--api", choices=sorted(APIS), default="vouchercart",
                        help="which API to serve (default: vouchercart)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--fixture", metavar="FILE.json",
                        help="seeds a new --db (default: the demo fixture)")
    parser.add_argument("--db", metavar="FILE", help="SQLite state file (default: in memory)")
    parser.add_argument("--token-ttl", type=float, default=86400, metavar="SECONDS",
                        help="access token lifetime (VoucherCart)")
    parser.add_argument("--auth", metavar="CREDENTIAL",
                        help="the API key (vouchers-api) or user:password (vauchar, shopwired);"
                             " without --fixture the store starts empty")
    parser.add_argument("--stop-on-eof", action="store_true",
                        help="also stop when standard input closes (the parent that started"
                             " the simulator ended, however it ended)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until a signal; prints ``listening on URL`` once it accepts connections."""
    args = build_parser().parse_args(argv)
    try:
        server = make_server(args.fixture, db=args.db, token_ttl=args.token_ttl,
                             host=args.host, port=args.port, api=args.api, auth=args.auth)
    except (OSError, ValueError) as exc:
        print(f"kiosk.sim: {exc}", file=sys.stderr)  # noqa: T201
        return 1

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() waits for serve_forever(), which runs in this (the main) thread
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.stop_on_eof:
        threading.Thread(target=_stop_on_eof, args=(server.shutdown,), daemon=True).start()
    print(f"listening on {server.api_url}", flush=True)  # noqa: T201
    try:
        server.serve_forever()
    finally:
        server.stop()
    return 0


def _stop_on_eof(shutdown: Callable[[], None]) -> None:
    """Wait for standard input to close, then stop the server."""
    with contextlib.suppress(OSError, ValueError):
        while sys.stdin.buffer.read(4096):
            pass
    shutdown()

