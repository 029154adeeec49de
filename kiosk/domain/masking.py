"""Voucher codes and secrets kept out of receipts, logs and support bundles.

A voucher code is as good as cash: a receipt shows only its last four characters, and the
log file and support bundle never hold a whole one.
"""

from __future__ import annotations

import re

VISIBLE = 4  # characters of a code left readable
MASK = "•"

# Voucher-code shapes as the kiosk stores them (upper case): dashed groups such as
# GB50-K7QX-9M2F-4TZB, or one run of 8+ letters and digits with at least one digit.
# Entry ids (lower-case UUIDs) are left alone: support needs them.
_DASHED = re.compile(r"\b[A-Z0-9]{2,}(?:[-_.][A-Z0-9]{2,}){1,}\b")
_RUN = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}\b")
_SECRETS = re.compile(
    r"(?i)(bearer\s+|basic\s+|(?:password2?|token|accessToken|refreshToken|pin)[\"']?\s*[=:]\s*[\"']?)"
    r"[^\s\"',;&]+")


def mask_code(code: str) -> str:
    """``code`` with every letter and digit but the last four hidden (separators kept)."""
    letters = sum(ch.isalnum() for ch in code)
    hide = max(letters - VISIBLE, 0) if letters > VISIBLE else letters
    out: list[str] = []
    for ch in code:
        if ch.isalnum() and hide > 0:
            out.append(MASK)
            hide -= 1
        else:
            out.append(ch)
    return "".join(out)


def redact(text: str) -> str:
    """``text`` with voucher codes masked and passwords and tokens removed (for logs)."""
    text = _SECRETS.sub(lambda m: m.group(1) + "***", text)
    text = _DASHED.sub(lambda m: mask_code(m.group(0)), text)
    return _RUN.sub(lambda m: mask_code(m.group(0)), text)
