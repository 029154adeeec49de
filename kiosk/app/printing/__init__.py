"""Receipts: the model, ESC/POS rendering, the print retry list (Qt-free).

PDF and system printers render through Qt in ``kiosk.app.qt.pdf``.
"""
