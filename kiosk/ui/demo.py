"""The demo's embedded server (``kiosk --demo``), Qt-free: ``kiosk.main`` starts it before
the GUI's imports, so the simulator child's own start overlaps them (start-up,
docs/performance.md)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from kiosk import paths
from kiosk.ui.server_thread import BackgroundServer

DEMO_LOGIN = {"email": "till@demo-shop.example", "password": "till1234", "domain": "demo-shop"}


def start_demo(args: argparse.Namespace) -> BackgroundServer | None:
    """With ``--demo``: the demo server of ``--backend`` started on a thread of its own (its
    URL once it listens: ``url()``), else None. Another platform than VoucherCart runs in a
    data folder of its own unless ``--home`` names one: never the real till's data."""
    if not getattr(args, "demo", False) or getattr(args, "play_sounds", False):
        return None
    backend = demo_backend(args)
    if backend != "vouchercart" and not getattr(args, "home", None):
        paths.set_home(paths.data_dir() / f"demo-{backend}")
    return BackgroundServer(lambda: demo_server(backend))


def demo_backend(args: argparse.Namespace) -> str:
    """The platform ``--backend`` asks the demo for."""
    return str(getattr(args, "demo_backend", "vouchercart"))


@contextlib.contextmanager
def demo_server(backend: str = "vouchercart") -> Iterator[str]:
    """The embedded simulator of ``backend`` with its demo fixture; yields its API URL.

    Another platform than VoucherCart signs the till in at once with the demo shop's
    credentials (those platforms authenticate shops, not staff), in a data folder of its own,
    with the demo's local staff ("Demo manager", PIN 1234, signed in; "Sam", PIN 2468).
    """
    if backend == "vouchercart":
        fixture: str | None = str(paths.resource("demo-fixture.json"))
        db = paths.data_dir() / "demo-server.sqlite"
    else:
        fixture, db = None, paths.data_dir() / f"demo-{backend}.sqlite"
    # A child process: its work takes another core than the kiosk's, its memory is not the
    # till's (from source and in the bundle alike).
    from kiosk.sim.child import serve_in_child  # noqa: PLC0415

    with serve_in_child(api=backend, fixture=fixture, db=str(db)) as url:
        if backend != "vouchercart":
            from kiosk.app.local_staff import open_local_staff  # noqa: PLC0415
            from kiosk.app.signin import sign_in_platform  # noqa: PLC0415

            sign_in_platform(backend, url, DEMO_CREDENTIALS[backend], staff="Demo till")
            staff, store = open_local_staff(paths.data_dir())
            try:
                staff.add_demo_staff()
            finally:
                store.close()
        yield url


DEMO_CREDENTIALS = {  # resources/demo-<backend>.json
    "vouchers-api": {"api_key": "sk_test_demo"},
    "vauchar": {"username": "demo-merchant", "password": "demo-api-key"},
    "shopwired": {"username": "demo-key", "password": "demo-secret"},
}

