"""Exactly-once without an idempotency key: was an uncertain redemption applied?

A redemption whose request may have reached the server (timeout, connection lost after
sending, crash while sending) is *uncertain*. Before it is ever re-sent, the voucher's
``redeemHistory`` is fetched and matched against what this kiosk knows:

* the server records each redemption at the minute of the ``redeemDate`` we sent, so an
  entry matches a history line with the same amount and the same UTC minute;
* matches are counted, not just looked up: two local entries of the same amount in the same
  minute need two history lines; history lines already accounted for by entries this kiosk
  knows were applied are used up first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.domain.voucher import HistoryEntry


@dataclass(frozen=True, slots=True)
class Claim:
    """One local redemption of a voucher: its outbox id, amount and original time."""

    id: str
    amount: int
    at: datetime


def minute(at: datetime) -> datetime:
    """``at`` in UTC, truncated to the minute (the precision of ``redeemDate``)."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).replace(second=0, microsecond=0)


def _key(amount: int, at: datetime) -> tuple[int, datetime]:
    return amount, minute(at)


def applied_claims(
    uncertain: Sequence[Claim], confirmed: Iterable[Claim], history: Iterable[HistoryEntry]
) -> set[str]:
    """Ids of the ``uncertain`` claims that the server's ``history`` shows as applied.

    ``confirmed`` are this kiosk's claims on the same voucher already known to be applied;
    each uses up one matching history line. Uncertain claims are matched oldest first.
    """
    unclaimed = Counter(_key(h.amount, h.at) for h in history)
    unclaimed.subtract(_key(c.amount, c.at) for c in confirmed)
    found: set[str] = set()
    for claim in sorted(uncertain, key=lambda c: c.at):
        key = _key(claim.amount, claim.at)
        if unclaimed[key] > 0:
            unclaimed[key] -= 1
            found.add(claim.id)
    return found
