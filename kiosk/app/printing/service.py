"""Print receipts without ever blocking or losing a redemption (Qt-free).

``ReceiptService.print_receipt`` never raises: the redemption is already in the outbox, and
a receipt the printer did not take waits in the :class:`RetryList` with a message for staff.
System printers and PDFs need Qt: the UI passes ``system_print`` (``kiosk.app.qt.pdf``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.app.engine import Engine
from kiosk.app.printing.escpos import ESCPOS_KINDS, PrinterConfig, PrinterError, print_lines
from kiosk.app.printing.receipt import Receipt, build_receipt, receipt_lines
from kiosk.app.printing.retry import RetryList
from kiosk.app.signin import current_account
from kiosk.domain.errors import InvalidRequest
from kiosk.domain.outcomes import EntryState

SystemPrint = Callable[[Sequence[str], PrinterConfig], None]
PRINTABLE = (EntryState.APPLIED, EntryState.PENDING, EntryState.SENDING)
NO_PRINTER = "No receipt printer is set up (Settings → Printer)."
SYSTEM_ONLY = "The system printer prints from the till app; here use --pdf or --escpos-file."


@dataclass(frozen=True, slots=True)
class PrintResult:
    """What happened to a print job, in words for staff."""

    printed: bool
    message: str
    waiting: int = 0  # receipts still in the retry list
    reason: str = ""  # why not: PrinterError.reason, or "not_found"


def printer_config(engine: Engine) -> PrinterConfig:
    """The printer the settings describe."""
    s = engine.settings
    return PrinterConfig(s.printer_kind, s.printer_address, s.printer_width_mm, s.printer_cut,
                         s.printer_drawer)


def shop_name(engine: Engine) -> str:
    """The signed-in shop's name, for receipt and report headers."""
    chosen = engine.settings.shop_name
    account = current_account(home=engine.home)
    if account is not None:
        return account.display_name(chosen)
    return chosen.strip() or f"Shop {engine.domain_id or ''}".strip()


class ReceiptService:
    """Receipts of one till's redemptions: build, print, keep for retry."""

    def __init__(self, engine: Engine, *, system_print: SystemPrint | None = None) -> None:
        self.engine = engine
        self.retry_list = RetryList(engine.home)
        self._system_print = system_print

    def receipt(self, entry_id: str) -> Receipt:
        """The receipt of outbox entry ``entry_id`` (``InvalidRequest`` if there is none)."""
        entry = self.engine.outbox.get(entry_id.strip())
        if entry is None:
            raise InvalidRequest(f"No redemption with reference {entry_id.strip()!r} on this till.")
        cached = self.engine.cache.get(entry.code)
        return build_receipt(
            entry, cached.voucher if cached else None, shop=shop_name(self.engine),
            kiosk=self.engine.settings.kiosk_name, footer=self.engine.settings.receipt_footer,
            queued_after=self.engine.outbox.queued_amount(entry.code))

    def last_entry_id(self) -> str:
        """The newest redemption's entry id (``InvalidRequest`` when there is none)."""
        newest = self.engine.entries(PRINTABLE, limit=1)
        if not newest:
            raise InvalidRequest("No redemption on this till yet.")
        return newest[0].id

    def config(self) -> PrinterConfig:
        """The configured printer."""
        return printer_config(self.engine)

    def send(self, lines: Sequence[str], *, title_lines: int = 2) -> None:
        """Send ``lines`` to the configured printer; ``PrinterError`` when it fails."""
        config = self.config()
        if config.kind in ESCPOS_KINDS:
            print_lines(config, lines, title_lines=title_lines)
        elif config.kind != "system":
            raise PrinterError(NO_PRINTER, "no_printer")
        elif self._system_print is None:
            raise PrinterError(SYSTEM_ONLY)
        else:
            self._system_print(lines, config)

    def print_receipt(self, entry_id: str) -> PrintResult:
        """Print ``entry_id``'s receipt; on failure keep it for retry. Never raises."""
        try:
            receipt = self.receipt(entry_id)
        except InvalidRequest as exc:
            return PrintResult(False, exc.message, len(self.retry_list), "not_found")
        try:
            self.send(receipt_lines(receipt, self.config().columns))
        except PrinterError as exc:
            self.retry_list.add(entry_id, exc.message)
            return PrintResult(False, exc.message, len(self.retry_list), exc.reason)
        self.retry_list.remove(entry_id)
        return PrintResult(True, "Receipt printed.", len(self.retry_list))

    def retry(self) -> PrintResult:
        """Print every kept receipt, oldest first, stopping at the first failure."""
        printed = 0
        for pending in self.retry_list.items():
            if self.engine.outbox.get(pending.entry_id) is None:
                self.retry_list.remove(pending.entry_id)  # another data folder's: nothing to print
                continue
            result = self.print_receipt(pending.entry_id)
            if not result.printed:
                return result
            printed += 1
        return PrintResult(True, f"{printed} kept receipt(s) printed.", 0)

    def test_print(self) -> PrintResult:
        """A short test slip; never raises."""
        config = self.config()
        lines = [shop_name(self.engine), self.engine.settings.kiosk_name, "-" * config.columns,
                 "Printer test",
                 f"Paper width {config.width_mm} mm, {config.columns} characters a line.",
                 "0123456789" * (config.columns // 10)]
        try:
            self.send(lines)
        except PrinterError as exc:
            return PrintResult(False, exc.message, len(self.retry_list), exc.reason)
        return PrintResult(True, "Test page printed.", len(self.retry_list))
