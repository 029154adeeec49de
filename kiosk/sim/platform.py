"""What the simulator needs of one voucher API: its routes, error shape, fixture and state.

One :class:`Platform` subclass per API (``vouchercart.py``, ``vouchers_api.py``, ``vauchar.py``,
``shopwired.py``); the :class:`~kiosk.sim.simulator.Simulator` around it adds the clock, the
injected faults, the request log and the ``/_sim/`` controls, the same for every API.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sys
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

__all__ = ["FixtureError", "Json", "KeyedPlatform", "Platform"]

from kiosk.sim.clock import SimClock
from kiosk.sim.fixtures import FixtureError
from kiosk.sim.protocol import BadBody, NoRoute, Request, Response, SimError
from kiosk.sim.store import SimStore

Json = dict[str, Any]


def resources_dir() -> Path:
    """``resources/``, from source or from a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2] / "resources"


def read_json_file(path: str | Path) -> Any:
    """A JSON file's content (``FixtureError`` if unreadable)."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FixtureError(f"{source}: cannot be read: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FixtureError(f"{source}: not valid JSON: {exc}") from exc


def basic_pair(request: Request) -> tuple[str, str] | None:
    """``(user, password)`` of an HTTP Basic ``Authorization`` header, or None."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def bearer_token(request: Request) -> str | None:
    """The token of a ``Bearer`` ``Authorization`` header, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class Platform(ABC):
    """One API served by the simulator.

    Subclasses set ``name``, ``base_path`` (what ``kiosk login --server`` gets after the host),
    ``demo_fixture`` (a file in ``resources/``) and ``write_paths`` (the API's write endpoints,
    as ``(method, regex)``: where ``/_sim/drop`` applies), and implement the abstract methods.
    Every request runs inside one store transaction under the store's lock.
    """

    name: ClassVar[str]
    base_path: ClassVar[str]
    demo_fixture: ClassVar[str]
    write_paths: ClassVar[tuple[tuple[str, str], ...]]

    def __init__(self, store: SimStore, clock: SimClock) -> None:
        self.store = store
        self.clock = clock
        self._writes = [(m, re.compile(f"^{p}/?$")) for m, p in self.write_paths]

    # --- serving ------------------------------------------------------------------------
    def serve(self, request: Request) -> Response:
        """Answer one API request in one transaction, rolled back on any refusal (which is
        answered in the API's own error shape)."""
        try:
            with self.store.transaction():
                return self.dispatch(request)
        except SimError as error:
            return Response.error(error)
        except BadBody as exc:
            return Response.error(self.bad_body(str(exc)))
        except NoRoute as exc:
            return Response.error(self.no_route(exc.path_known))

    @abstractmethod
    def dispatch(self, request: Request) -> Response:
        """Route and answer; may raise ``SimError``, ``BadBody`` or ``NoRoute``."""

    @abstractmethod
    def bad_body(self, text: str) -> SimError:
        """The API's error for a body that is not a JSON object."""

    @abstractmethod
    def no_route(self, path_known: bool) -> SimError:
        """The API's error for an unknown path (or a known path with a wrong method)."""

    @abstractmethod
    def internal_error(self, status: int) -> Response:
        """An injected server error (``/_sim/fail`` mode ``json``) in the API's own shape."""

    def is_write(self, method: str, path: str) -> bool:
        """Whether this request is one of the API's redeem/apply writes."""
        return any(method == m and pattern.match(path) for m, pattern in self._writes)

    def set_rate_limits(self, enabled: bool) -> None:
        """Enforce the API's documented rate limits (only Vouchers API has any)."""
        if enabled:
            raise ValueError(f"the {self.name} API documents no rate limits")

    # --- state --------------------------------------------------------------------------
    @abstractmethod
    def normalise_fixture(self, data: Mapping[str, Any]) -> Json:
        """Check a fixture mapping; raise ``FixtureError`` if malformed."""

    @abstractmethod
    def seed(self, fixture: Json) -> None:
        """Replace the whole state by the (normalised) fixture's."""

    @abstractmethod
    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]:
        """Add or replace vouchers (in the API's own shape); returns their codes."""

    @abstractmethod
    def voucher(self, code: str) -> Json | None:
        """A voucher's full current state in the API's own shape, or None."""

    def load_fixture(self, source: Mapping[str, Any] | str | Path | None) -> Json:
        """The fixture from a mapping, a file, or this API's demo fixture (None)."""
        if source is None:
            source = resources_dir() / self.demo_fixture
        if isinstance(source, str | Path):
            source = read_json_file(source)
        if not isinstance(source, Mapping):
            raise FixtureError("a fixture is a JSON object")
        return self.normalise_fixture(source)


class KeyedPlatform(Platform):
    """An API whose shop authenticates with one credential (API key, or user:password) and
    whose vouchers are stored as JSON items with an id and a code (all but VoucherCart)."""

    default_auth: ClassVar[str]

    def __init__(self, store: SimStore, clock: SimClock, auth: str | None = None) -> None:
        super().__init__(store, clock)
        self._auth_override = auth

    @property
    def credential(self) -> str:
        """The one credential the API accepts (``--auth``, else the fixture's)."""
        if self._auth_override is not None:
            return self._auth_override
        return self.store.get_meta("auth") or self.default_auth

    def normalise_fixture(self, data: Mapping[str, Any]) -> Json:
        """``{"auth": CREDENTIAL, "vouchers": [...]}``; each voucher checked by the API."""
        auth = data.get("auth", self.default_auth)
        if not isinstance(auth, str) or not auth:
            raise FixtureError("the fixture's auth must be a non-empty string")
        vouchers = data.get("vouchers", [])
        if not isinstance(vouchers, list):
            raise FixtureError("the fixture's vouchers must be a list")
        return {"auth": auth, "vouchers": [self.stored_voucher(v) for v in vouchers]}

    def seed(self, fixture: Json) -> None:
        """Replace every voucher by the fixture's; remember its credential."""
        with self.store.transaction():
            self.store.clear_items()
            for voucher in fixture["vouchers"]:
                self.store.put_item(voucher["id"], voucher["code"], voucher)
            self.store.set_meta("auth", fixture["auth"])
            self.store.set_meta("fixture", json.dumps(fixture))

    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]:
        """Add or replace vouchers by code (an existing code keeps its id); all or none.

        Each is stored before the next is built, so new ones numbered from the stored ids
        (ShopWired) get an id each."""
        codes = []
        with self.store.transaction():  # a bad voucher rolls back the ones before it
            for data in vouchers:
                if not isinstance(data, Mapping):
                    raise FixtureError(f"a voucher is a JSON object: {data!r}")
                existing = self.store.item_by_code(str(data.get(self.code_key, "")))
                given = dict(data)
                if existing is not None and "id" not in given:
                    given["id"] = existing["id"]
                voucher = self.stored_voucher(given)
                self.store.put_item(voucher["id"], voucher["code"], voucher)
                codes.append(voucher["code"])
        return codes

    def voucher(self, code: str) -> Json | None:
        """The stored voucher with this code, presented as the API does."""
        stored = self.store.item_by_code(code)
        return self.present(stored) if stored is not None else None

    code_key: ClassVar[str] = "code"

    @abstractmethod
    def stored_voucher(self, data: Mapping[str, Any]) -> Json:
        """A voucher as stored: its API shape plus ``id`` and ``code`` (``FixtureError``)."""

    @abstractmethod
    def present(self, stored: Json) -> Json:
        """A stored voucher in the API's response shape."""

    def check_auth(self, request: Request) -> bool:
        """Whether the request carries this API's credential."""
        credential = self.credential
        if self.auth_scheme == "bearer":
            return bearer_token(request) == credential
        pair = basic_pair(request)
        return pair is not None and ":".join(pair) == credential

    auth_scheme: ClassVar[str] = "basic"  # or "bearer"
