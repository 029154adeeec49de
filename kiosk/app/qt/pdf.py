"""Receipts and reports as PDF (``QPdfWriter``) or on a system printer (``QPrinter``).

The lines come from the Qt-free builders (``receipt_lines``, ``report_lines``); this module
only lays them out. The command line imports it lazily, so Qt loads only for ``--pdf``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication

from kiosk.app.printing.escpos import PrinterConfig, PrinterError

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 4.0
_app: QApplication | None = None


def ensure_gui() -> None:
    """A Qt application for fonts (offscreen when there is no screen, e.g. the CLI).

    A ``QApplication``, not a bare ``QGuiApplication``: widgets may follow in the same
    process (the GUI, tests)."""
    global _app  # noqa: PLW0603 - one per process, kept alive for Qt
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication([])


def _font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def paint_lines(device: QPagedPaintDevice, lines: Sequence[str], *, title_lines: int = 2,
                point_size: float = 8.0) -> None:
    """Draw ``lines`` top to bottom on ``device``, a new page whenever one is full."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrinterError("The PDF or printer could not be opened for drawing.")
    try:
        page = device.pageLayout().paintRectPixels(device.logicalDpiX())
        y = 0
        for index, line in enumerate(lines):
            title = index < title_lines
            painter.setFont(_font(point_size * (1.3 if title else 1.0), bold=title))
            height = painter.fontMetrics().lineSpacing()
            if y + height > page.height() and y > 0:
                device.newPage()
                y = 0
            align = Qt.AlignmentFlag.AlignHCenter if title else Qt.AlignmentFlag.AlignLeft
            painter.drawText(0, y, page.width(), height,
                             int(align | Qt.AlignmentFlag.AlignVCenter),
                             line.strip() if title else line)
            y += height
    finally:
        painter.end()


def write_pdf(path: Path, lines: Sequence[str], *, title_lines: int = 2,
              width_mm: float | None = None, point_size: float = 8.0) -> None:
    """Write ``lines`` to a PDF at ``path``: on a roll of ``width_mm`` (a receipt, one long
    page) or on A4 pages when ``width_mm`` is None (a report)."""
    ensure_gui()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(lines[0] if lines else "")
    writer.setCreator("Voucher Kiosk")
    if width_mm is None:
        size = QPageSize(QPageSize.PageSizeId.A4)
    else:
        line_mm = point_size * 0.3528 * 1.25  # points to mm, with line spacing
        height = 2 * MARGIN_MM + (len(lines) + title_lines) * line_mm + 10
        size = QPageSize(QSizeF(width_mm, height), QPageSize.Unit.Millimeter, "Receipt")
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    writer.setPageLayout(layout)
    paint_lines(writer, lines, title_lines=title_lines,
                point_size=point_size if width_mm is None else min(point_size, 7.0))
    if not path.exists() or path.stat().st_size == 0:
        raise PrinterError(f"The PDF could not be written to {path}.")


def print_system(lines: Sequence[str], config: PrinterConfig) -> None:
    """Print ``lines`` on the system printer named ``config.address`` (empty = default)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo  # noqa: PLC0415 - only here

    ensure_gui()
    info = (QPrinterInfo.printerInfo(config.address) if config.address
            else QPrinterInfo.defaultPrinter())
    if info.isNull():
        raise PrinterError(f"No system printer {config.address or '(default)'} on this till.")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    paint_lines(printer, lines)
