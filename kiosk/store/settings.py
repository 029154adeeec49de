"""Typed kiosk settings, persisted as JSON in the data directory.

Each option is declared once on ``Settings`` as a typed descriptor (a registry in the manner
of Picard's ``Option`` objects): ``settings.volume`` reads an ``int``, assigning it validates
and saves at once. ``Settings.options()`` lists them all, e.g. for a settings screen.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

from kiosk.domain.errors import StorageError
from kiosk.store.private import write_private

T = TypeVar("T")
SETTINGS_NAME = "settings.json"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One typed setting with its default and an optional check of new values."""

    kinds: tuple[type, ...]
    default: T
    description: str = ""
    check: Callable[[Any], bool] | None = None
    name: str = ""

    def __set_name__(self, owner: type, name: str) -> None:
        object.__setattr__(self, "name", name)

    @overload
    def __get__(self, instance: None, owner: type) -> Option[T]: ...
    @overload
    def __get__(self, instance: Settings, owner: type) -> T: ...
    def __get__(self, instance: Settings | None, owner: type) -> Option[T] | T:
        if instance is None:
            return self
        value: T = instance.value(self.name)
        return value

    def __set__(self, instance: Settings, value: T) -> None:
        instance.set(self.name, value)

    def validate(self, value: Any) -> T:
        """``value`` if it is acceptable for this option, else ``ValueError``."""
        if isinstance(value, bool) and bool not in self.kinds:
            raise ValueError(f"{self.name}: expected {self._kind_names()}, got {value!r}")
        if not isinstance(value, self.kinds):
            raise ValueError(f"{self.name}: expected {self._kind_names()}, got {value!r}")
        if self.check is not None and not self.check(value):
            raise ValueError(f"{self.name}: {value!r} is out of range")
        return cast(T, value)

    def _kind_names(self) -> str:
        return " or ".join(k.__name__ for k in self.kinds)


def _non_negative(value: int) -> bool:
    return value >= 0


class Settings:
    """The kiosk's options. Thread-safe; every change is written to disk atomically."""

    kiosk_name = Option[str]((str,), "Till 1", "name shown on screen and in exports")
    shop_name = Option[str]((str,), "", "shop name on screen, receipts and reports (empty = "
                            "the server's name for the shop)")
    kiosk_id = Option[str]((str,), "", "unique id of this till, generated once")
    camera_device = Option[int | str]((int, str), 0, "camera index or device path")
    decoder = Option[str]((str,), "combined", "barcode decoder: combined, zxing or zbar",
                          lambda v: v in ("combined", "zxing", "zbar"))
    beep = Option[bool]((bool,), True, "beep on a successful scan")
    volume = Option[int]((int,), 80, "beep volume, 0-100", lambda v: 0 <= v <= 100)
    idle_lock_minutes = Option[int]((int,), 0, "lock after idle minutes (0 = never)",
                                    _non_negative)
    lock_pin = Option[str]((str,), "", "hash of the manager PIN, empty = none")
    language = Option[str]((str,), "", "UI language code, empty = system")
    offline_seen_within_hours = Option[int](
        (int,), 72, "offline: accept vouchers checked within this many hours (0 = any)",
        _non_negative)
    offline_cap_per_voucher = Option[int](
        (int,), 10_000, "offline: most units queued per voucher (0 = no cap)", _non_negative)
    offline_cap_per_shift = Option[int](
        (int,), 50_000, "offline: most units accepted offline per shift (0 = no cap)",
        _non_negative)
    scanner_gap_ms = Option[int]((int,), 80, "keyboard-wedge scanner: most ms between keys "
                                 "of a scan (40 fast, 80 normal, 150 slow/Bluetooth)",
                                 lambda v: 10 <= v <= 250)
    offline_allow_unseen = Option[bool](
        (bool,), False, "offline: accept codes never checked on this till")
    fullscreen = Option[bool]((bool,), False, "start in fullscreen kiosk mode")
    offline_forced = Option[bool](
        (bool,), False, "work offline: send nothing until switched off (kept across restarts)")
    # Receipts (kiosk.app.printing): printer_kind "none", "network" (host[:port]), "usb"
    # (VENDOR:PRODUCT in hex), "serial" (device), "file" (a device such as /dev/usb/lp0),
    # or "system" (a printer through Qt's print support; address = its name, empty = default).
    printer_kind = Option[str]((str,), "none", "receipt printer: none, network, usb, serial, "
                               "file or system",
                               lambda v: v in ("none", "network", "usb", "serial", "file",
                                               "system"))
    printer_address = Option[str]((str,), "", "receipt printer address (host:port, "
                                  "vendor:product, device path or printer name)")
    printer_width_mm = Option[int]((int,), 80, "receipt paper width in mm: 58 or 80",
                                   lambda v: v in (58, 80))
    printer_cut = Option[bool]((bool,), True, "cut the paper after each receipt")
    printer_drawer = Option[bool]((bool,), False, "open the cash drawer with each receipt")
    receipt_auto_print = Option[bool]((bool,), False, "print a receipt after every redemption")
    receipt_footer = Option[str]((str,), "Thank you!", "text at the foot of every receipt")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._values: dict[str, Any] = {}
        self._load()
        if not self.kiosk_id:
            self.kiosk_id = uuid.uuid4().hex

    @classmethod
    def open(cls, home: Path) -> Settings:
        """The settings of data directory ``home``."""
        return cls(home / SETTINGS_NAME)

    @classmethod
    def options(cls) -> dict[str, Option[Any]]:
        """Every option, by name, in declaration order."""
        return {name: value for name, value in vars(cls).items() if isinstance(value, Option)}

    def value(self, name: str) -> Any:
        """The current value of option ``name``."""
        option = self.options()[name]
        with self._lock:
            return self._values.get(name, option.default)

    def set(self, name: str, value: Any) -> None:
        """Validate and store ``value`` for option ``name``, saving at once."""
        option = self.options().get(name)
        if option is None:
            raise KeyError(f"no such setting: {name}")
        checked = option.validate(value)
        with self._lock:
            self._values[name] = checked
            self._save()

    def as_dict(self) -> dict[str, Any]:
        """Every option's current value."""
        return {name: self.value(name) for name in self.options()}

    def _load(self) -> None:
        """Read the file. A damaged one is refused, never replaced: it holds the till's id
        and the manager's offline limits."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise StorageError(f"Cannot read the till's settings {self.path} "
                               f"({exc.strerror}).") from exc
        except ValueError as exc:
            raise StorageError(self._damaged("not valid JSON")) from exc
        if not isinstance(raw, dict):
            raise StorageError(self._damaged("not a JSON object"))
        options = self.options()
        for name, value in raw.items():
            option = options.get(name)
            if option is None:
                continue
            try:
                self._values[name] = option.validate(value)
            except ValueError:
                continue  # a bad hand edit falls back to the default

    def _damaged(self, why: str) -> str:
        return (f"The till's settings file {self.path} is damaged ({why}). Fix it, or move it "
                "away to start with default settings; nothing was changed.")

    def _save(self) -> None:
        try:
            write_private(self.path, json.dumps(self._values, indent=2, sort_keys=True))
        except OSError as exc:
            raise StorageError(f"Cannot save the till's settings {self.path} "
                               f"({exc.strerror}).") from exc
