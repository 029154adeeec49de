"""Pure rules: reconciliation, the offline policy, backoff and the connectivity watch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.backends.vouchercart.reconcile import Claim, applied_claims, minute
from kiosk.domain.errors import Refusal, RefusalReason
from kiosk.domain.policy import OfflineContext, OfflinePolicy, check_offline
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, Voucher, VoucherKind
from kiosk.sync.backoff import Backoff
from kiosk.sync.connectivity import ConnectivityWatch

T0 = datetime(2030, 5, 1, 12, 30, 15, tzinfo=UTC)


def h(amount: int, at: datetime) -> HistoryEntry:
    return HistoryEntry(amount, minute(at))


def test_reconcile_matches_amount_and_minute() -> None:
    claims = [Claim("a", 100, T0), Claim("b", 200, T0)]
    assert applied_claims(claims, [], [h(100, T0 + timedelta(seconds=30))]) == {"a"}
    assert applied_claims(claims, [], [h(100, T0 + timedelta(minutes=1))]) == set()


def test_reconcile_counts_duplicates() -> None:
    twins = [Claim("a", 100, T0), Claim("b", 100, T0 + timedelta(seconds=5))]
    assert applied_claims(twins, [], [h(100, T0)]) == {"a"}
    assert applied_claims(twins, [], [h(100, T0), h(100, T0)]) == {"a", "b"}


def test_reconcile_history_used_by_confirmed_entries_first() -> None:
    confirmed = [Claim("done", 100, T0)]
    uncertain = [Claim("maybe", 100, T0 + timedelta(seconds=1))]
    assert applied_claims(uncertain, confirmed, [h(100, T0)]) == set()
    assert applied_claims(uncertain, confirmed, [h(100, T0), h(100, T0)]) == {"maybe"}


def test_reconcile_compares_in_utc() -> None:
    paris = T0.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris"))
    assert applied_claims([Claim("a", 5, paris)], [], [h(5, T0)]) == {"a"}


def voucher(**changes: object) -> Voucher:
    base: dict[str, object] = {
        "code": "C", "kind": VoucherKind.MONETARY, "multi_use": True, "total": 5000,
        "used": 1000, "currency": "GBP",
        "windows": (ValidityWindow(T0 - timedelta(days=1), T0 + timedelta(days=1)),),
    }
    base.update(changes)
    return Voucher(**base)  # type: ignore[arg-type]


def ctx(cached: Voucher | None = None, *, age: timedelta = timedelta(hours=1), queued: int = 0,
        shift: int = 0) -> OfflineContext:
    return OfflineContext(cached, T0 - age if cached else None, queued, shift)


def refusal(policy: OfflinePolicy, context: OfflineContext, amount: int | None) -> RefusalReason:
    with pytest.raises(Refusal) as caught:
        check_offline(policy, context, amount, T0)
    return caught.value.reason


def test_policy_defaults_refuse_unseen() -> None:
    assert refusal(OfflinePolicy(), ctx(None), 100) is RefusalReason.OFFLINE_UNSEEN
    allow = OfflinePolicy(allow_unseen=True)
    assert check_offline(allow, ctx(None), 100, T0) == 100
    assert refusal(allow, ctx(None), None) is RefusalReason.INVALID_AMOUNT
    assert refusal(allow, ctx(None), 20_000) is RefusalReason.OFFLINE_LIMIT


def test_policy_stale_cache() -> None:
    policy = OfflinePolicy(seen_within_hours=24)
    assert refusal(policy, ctx(voucher(), age=timedelta(hours=25)), 100) is (
        RefusalReason.OFFLINE_STALE)
    assert check_offline(policy, ctx(voucher(), age=timedelta(hours=23)), 100, T0) == 100


def test_policy_subtracts_what_is_queued() -> None:
    policy = OfflinePolicy(cap_per_voucher=0, cap_per_shift=0)
    assert check_offline(policy, ctx(voucher(), queued=1500), None, T0) == 2500
    assert refusal(policy, ctx(voucher(), queued=1500), 2600) is RefusalReason.CANNOT_REDUCE
    assert refusal(policy, ctx(voucher(), queued=4000), None) is RefusalReason.FULLY_REDEEMED


def test_policy_caps() -> None:
    policy = OfflinePolicy(cap_per_voucher=2000, cap_per_shift=3000)
    assert check_offline(policy, ctx(voucher(), queued=1000), 1000, T0) == 1000
    assert refusal(policy, ctx(voucher(), queued=1000), 1001) is RefusalReason.OFFLINE_LIMIT
    assert refusal(policy, ctx(voucher(), shift=2500), 600) is RefusalReason.OFFLINE_LIMIT


def test_policy_checks_validity_with_the_cache() -> None:
    policy = OfflinePolicy()
    expired = voucher(windows=(ValidityWindow(None, T0 - timedelta(hours=1)),))
    assert refusal(policy, ctx(expired), 100) is RefusalReason.EXPIRED
    assert refusal(policy, ctx(voucher(cancelled=True)), 100) is RefusalReason.CANCELLED


def test_backoff_grows_with_jitter_and_resets() -> None:
    backoff = Backoff(base=1, cap=8, rng=lambda: 1.0)
    assert [backoff.next() for _ in range(5)] == [1, 2, 4, 8, 8]
    backoff.reset()
    low = Backoff(base=1, cap=8, rng=lambda: 0.0)
    assert [low.next() for _ in range(3)] == [0.5, 1, 2]
    assert backoff.next() == 1


def test_watch_goes_offline_after_repeated_failures_and_back() -> None:
    clock = [0.0]
    watch = ConnectivityWatch(failures_to_offline=3, slow_seconds=2, retry_interval=10,
                              monotonic=lambda: clock[0])
    changes: list[bool] = []
    watch.add_listener(changes.append)
    watch.failure()
    watch.success(5.0)  # slow answers count as strikes
    assert watch.online
    watch.failure()
    assert not watch.online
    watch.attempt()
    assert not watch.should_try()
    clock[0] = 11
    assert watch.should_try()
    watch.success(0.1)
    assert watch.online
    assert changes == [False, True]


def test_watch_override() -> None:
    watch = ConnectivityWatch()
    watch.set_override(True)
    assert not watch.online
    assert not watch.should_try()
    watch.set_override(False)
    for _ in range(5):
        watch.failure()
    assert watch.online
    watch.set_override(None)
    assert not watch.online
