"""Receipts on ESC/POS thermal printers through python-escpos.

Printers: a network printer (``host`` or ``host:port``, raw port 9100), USB
(``VENDOR:PRODUCT`` in hex, e.g. ``04b8:0202``), serial (``/dev/ttyUSB0`` or ``COM3``) or a
device file (``/dev/usb/lp0``, or any file to capture the bytes). Every failure — printer
off, unreachable, unplugged, out of paper — is one :class:`PrinterError` in plain words.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.app.printing.receipt import COLUMNS

if TYPE_CHECKING:
    from escpos.escpos import Escpos

log = logging.getLogger(__name__)

DEFAULT_PORT = 9100
TIMEOUT = 3.0  # seconds: a till must not wait long for a printer that is off
STATUS_TIMEOUT = 0.5
ESCPOS_KINDS = ("network", "usb", "serial", "file")
NOT_ANSWERING = "Printer not answering — receipt kept, tap to retry"
PAPER_OUT = "The printer is out of paper — receipt kept, tap to retry"


class PrinterError(Exception):
    """The receipt could not be printed; ``message`` says why in plain words, ``reason`` in
    one word for the UI's translated text (``not_answering``, ``paper_out``, ``setup``)."""

    def __init__(self, message: str, reason: str = "setup") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """Where receipts go and how (from the settings)."""

    kind: str = "none"  # none, network, usb, serial, file, system
    address: str = ""
    width_mm: int = 80
    cut: bool = True
    drawer: bool = False

    @property
    def columns(self) -> int:
        """Characters per line."""
        return COLUMNS.get(self.width_mm, COLUMNS[80])

    @property
    def enabled(self) -> bool:
        """Whether a printer is set up at all."""
        return self.kind != "none"


def _host_port(address: str) -> tuple[str, int]:
    host, sep, port = address.strip().rpartition(":")
    if not sep:
        return address.strip(), DEFAULT_PORT
    if not port.isdigit():
        raise PrinterError(f"The printer address {address!r} is not host:port.")
    return host, int(port)


def _usb_ids(address: str) -> tuple[int, int]:
    vendor, _, product = address.strip().partition(":")
    try:
        return int(vendor, 16), int(product, 16)
    except ValueError:
        raise PrinterError(
            f"The USB printer {address!r} is not VENDOR:PRODUCT in hex (e.g. 04b8:0202)."
        ) from None


def _escpos_errors() -> tuple[type[Exception], ...]:
    """python-escpos's own errors, and the OS's (imported when first printing: python-escpos
    parses its printer database on import)."""
    from escpos.exceptions import Error  # noqa: PLC0415

    return (Error, OSError)


def open_printer(config: PrinterConfig) -> Escpos:
    """An ESC/POS printer for ``config`` (not connected until the first write)."""
    if not config.address.strip():
        raise PrinterError("No printer address is set (Settings → Printer).")
    options: dict[str, Any] = {"profile": "default"}
    if config.kind == "network":
        from escpos.printer import Network  # noqa: PLC0415 - one backend per till

        host, port = _host_port(config.address)
        return Network(host, port=port, timeout=TIMEOUT, **options)
    if config.kind == "usb":
        from escpos.printer import Usb  # noqa: PLC0415

        vendor, product = _usb_ids(config.address)
        return Usb(vendor, product, timeout=int(TIMEOUT * 1000), **options)
    if config.kind == "serial":
        from escpos.printer import Serial  # noqa: PLC0415

        return Serial(config.address.strip(), timeout=TIMEOUT, **options)
    if config.kind == "file":
        from escpos.printer import File  # noqa: PLC0415

        return File(config.address.strip(), **options)
    raise PrinterError(f"Printer kind {config.kind!r} is not an ESC/POS printer.")


def write_lines(printer: Escpos, lines: Sequence[str], config: PrinterConfig, *,
                title_lines: int = 2) -> None:
    """Print ``lines`` (the first ``title_lines`` bold and centred), then cut and kick the
    drawer as ``config`` says. Raises python-escpos's errors or ``OSError``."""
    printer.hw("INIT")
    printer.set(align="center", bold=True)
    for line in lines[:title_lines]:
        printer.textln(line.strip())
    printer.set(align="left", bold=False)
    for line in lines[title_lines:]:
        printer.textln(line)
    if config.cut:
        printer.cut()
    else:
        printer.ln(4)
    if config.drawer:
        printer.cashdraw(2)


def _paper(printer: Escpos) -> int | None:
    """The paper sensor of a printer that answers status queries: 0 out of paper, 2 paper
    there; None when it does not answer (many never do)."""
    from escpos.constants import RT_MASK_NOPAPER, RT_STATUS_PAPER  # noqa: PLC0415

    failures: tuple[type[Exception], ...] = (*_escpos_errors(), NotImplementedError)
    device = printer.device
    settimeout = getattr(device, "settimeout", None)
    if callable(settimeout):
        settimeout(STATUS_TIMEOUT)  # do not wait long for an answer that may never come
    try:
        status = printer.query_status(RT_STATUS_PAPER)
    except failures:
        return None
    finally:
        if callable(settimeout):
            settimeout(TIMEOUT)
    if not status:
        return None
    return 0 if status[0] & RT_MASK_NOPAPER == RT_MASK_NOPAPER else 2


def print_lines(config: PrinterConfig, lines: Sequence[str], *, title_lines: int = 2) -> None:
    """Send ``lines`` to the configured ESC/POS printer; ``PrinterError`` when it fails."""
    failures = _escpos_errors()
    printer = open_printer(config)
    try:
        try:
            printer.open()
        except failures as exc:
            log.info("printer %s not reachable: %s", config.kind, type(exc).__name__)
            raise PrinterError(NOT_ANSWERING, "not_answering") from exc
        talks = config.kind in ("network", "usb", "serial")
        before = _paper(printer) if talks else None
        if before == 0:
            raise PrinterError(PAPER_OUT, "paper_out")
        write_lines(printer, lines, config, title_lines=title_lines)
        if before is not None:
            # It answered before: it must still answer now, or it died (or ran out) mid-job.
            after = _paper(printer)
            if after is None:
                raise PrinterError(NOT_ANSWERING, "not_answering")
            if after == 0:
                raise PrinterError(PAPER_OUT, "paper_out")
    except failures as exc:
        log.info("printing failed on %s: %s", config.kind, type(exc).__name__)
        raise PrinterError(NOT_ANSWERING, "not_answering") from exc
    finally:
        try:
            printer.close()
        except failures:
            log.debug("closing the printer failed", exc_info=True)
