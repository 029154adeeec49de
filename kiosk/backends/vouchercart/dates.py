"""VoucherCart's date formats: ISO 8601 (``+0000``) in answers, ``YYYY-MM-DD HH:MM`` in requests."""

from __future__ import annotations

from datetime import UTC, datetime

_LOOSE_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M")


def parse_datetime(value: object) -> datetime | None:
    """An aware UTC datetime from the API's stamps, or None for null/blank/unreadable values.

    Accepts ``2016-12-02T07:57:29+0000`` (the API's form), ``...Z``, naive stamps (taken as
    UTC), users' ``createdAt`` (``20/11/2018 06:22``) and Unix seconds.
    """
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value, UTC)
        text = str(value).strip()
        parsed: datetime | None
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            parsed = _parse_loose(text)
        if parsed is None:
            return None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (OverflowError, OSError, ValueError):  # out-of-range stamps: treat as absent
        return None


def _parse_loose(text: str) -> datetime | None:
    for pattern in _LOOSE_FORMATS:
        try:
            return datetime.strptime(text, pattern)  # noqa: DTZ007 - UTC by API contract
        except ValueError:
            continue
    return None


def format_redeem_date(moment: datetime) -> str:
    """``redeemDate`` as the API documents it: ``YYYY-MM-DD HH:MM`` in UTC."""
    if moment.tzinfo is None:
        raise ValueError("redeemDate needs an aware datetime (UTC)")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
