"""Counting on from the voucher's cached line (``Capabilities.count_on_line``; docs/engine.md,
"Counting on from the cached line"): a queued redemption is sent on the line the till read
before, and the voucher after it counted on from that line instead of read again, where the
platform says that is safe (Vouchers API; Vauchar's gift balances), never on ShopWired. The
line keeps the time of its read and how many redemptions were counted on since (what the
offline checks judge it by); a refusal, or an answer that disagrees with the line or leaves
out what counting on needs, falls back to a real read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, RedeemStatus, UndoStatus
from kiosk.store.cache import CachedVoucher
from tests.app.conftest import open_engine
from tests.helpers.cases import BALANCE, CASES, PLATFORMS, Platform, VoucherCase
from tests.helpers.mangler import ManglingProxy, Rule, dropping, mangling
from tests.helpers.sim import Sim

COUNT_ON = [PLATFORMS["vouchers-api"], PLATFORMS["vauchar"]]  # the platforms that may
GIFT = next(c for c in CASES if c.platform == "vauchar" and c.kind == BALANCE)


def _line(engine: Engine, code: str) -> CachedVoucher:
    line = engine.cache.get(code)
    assert line is not None, f"no cache line for {code}"
    return line


def _units(case: VoucherCase) -> int:
    return case.amount or 1  # a discount voucher: one use


def _queue(engine: Engine, case: VoucherCase, code: str, times: int = 1) -> list[str]:
    """Redeem ``code`` offline ``times`` times (the till checked it before); the entry ids."""
    engine.set_offline_override(True)
    outcomes = [case.redeem(engine, code) for _ in range(times)]
    engine.set_offline_override(None)
    assert {o.status for o in outcomes} == {RedeemStatus.QUEUED}, outcomes[-1].message
    return [o.entry_id or "" for o in outcomes]


def _state(engine: Engine, entry_id: str) -> EntryState:
    entry = engine.outbox.get(entry_id)
    assert entry is not None
    return entry.state


def test_only_the_platforms_whose_server_checks_the_line_count_on_from_it() -> None:
    """ShopWired's server stores the ``used`` it is sent: never from an older line."""
    assert {name for name, p in PLATFORMS.items() if p.capabilities.count_on_line} == \
        {p.name for p in COUNT_ON}
    assert not PLATFORMS["shopwired"].capabilities.count_on_line


def test_a_queued_voucher_is_sent_on_its_cached_line(platform: Platform, server: Sim,
                                                     platform_engine: Engine) -> None:
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    seen = _line(platform_engine, code)
    entries = _queue(platform_engine, case, code, times=2)
    before = len(server.requests())
    assert platform_engine.sync().applied == 2
    made = len(server.requests()) - before
    assert platform.count(server, code) == 2
    assert {_state(platform_engine, e) for e in entries} == {EntryState.APPLIED}
    line = _line(platform_engine, code)
    assert line.voucher.used - seen.voucher.used == 2 * _units(case)
    if platform.capabilities.count_on_line:
        assert made == 2, "the two writes and no read"
        assert (line.seen_at, line.counted) == (seen.seen_at, 2)  # as old as its read
    else:
        assert (line.counted, line.seen_at > seen.seen_at) == (0, True)
        if platform.name == "shopwired":
            assert made > 2, "ShopWired reads the count before it writes it"


def test_another_tills_use_meanwhile_is_never_erased(platform: Platform, server: Sim,
                                                     platform_engine: Engine,
                                                     other_till: Engine) -> None:
    """Another till redeems between our queueing and our replay: both count on the server
    (ShopWired would erase it by writing a count from our older line). A line counted on
    does not show the other till's use, so it keeps the time of its read: the offline
    checks judge it as that old."""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    seen = _line(platform_engine, code)
    (entry,) = _queue(platform_engine, case, code)
    assert case.redeem(other_till, code).status is RedeemStatus.APPLIED
    assert platform_engine.sync().applied == 1
    assert platform.count(server, code) == 2
    assert _state(platform_engine, entry) is EntryState.APPLIED
    line = _line(platform_engine, code)
    if platform.capabilities.count_on_line:
        assert (line.seen_at, line.counted) == (seen.seen_at, 1)
        assert line.voucher.used - seen.voucher.used == _units(case)
    else:  # read for real: it shows both
        assert (line.counted, line.seen_at > seen.seen_at) == (0, True)
        assert line.voucher.used - seen.voucher.used == 2 * _units(case)


@pytest.mark.parametrize("platform", [PLATFORMS["vauchar"]], ids=["vauchar"])
def test_a_voucher_made_again_while_queued_is_redeemed_on_the_new_one(
    platform: Platform, server: Sim, platform_engine: Engine
) -> None:
    """Vauchar (whose delete is for good): deleted and made again under the same code, with
    a new id. The redemption sent to the line's id is refused, so the voucher is read for
    real and redeemed once, on the new one. (Vouchers API's apply names the code: an answer
    about another voucher id is read again, as before.)"""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    seen = _line(platform_engine, code)
    (entry,) = _queue(platform_engine, case, code)
    snapshot = platform.snapshot(server, code)
    platform.withdraw(server, code, "deleted")
    server.add_voucher({**snapshot, "id": "vcr-made-again", "redemptions": []})
    assert platform.snapshot(server, code)["id"] != snapshot["id"]
    report = platform_engine.sync()
    assert (report.applied, report.rejected) == (1, 0), report.error
    assert _state(platform_engine, entry) is EntryState.APPLIED
    assert platform.count(server, code) == 1
    line = _line(platform_engine, code)
    assert line.voucher.ref == platform.snapshot(server, code)["id"]
    assert line.seen_at > seen.seen_at


@pytest.mark.parametrize("how", ["expired", "deactivated", "deleted"])
@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_refusal_on_the_line_is_read_for_real(platform: Platform, server: Sim,
                                                platform_engine: Engine, how: str) -> None:
    """Expired, switched off or deleted while queued: refused on the line, then read for
    real; the refusal stands (a conflict) and the line is now that read (Vouchers API keeps
    a deleted voucher, switched off; Vauchar's is gone)."""
    case = platform.case
    code = case.add(server, valid_for=timedelta(hours=1))
    platform_engine.lookup(code)
    seen = _line(platform_engine, code)
    (entry,) = _queue(platform_engine, case, code)
    if how == "expired":
        server.set_clock(offset=2 * 86400)
    else:
        platform.withdraw(server, code, how)
    before = len(server.requests())
    assert platform_engine.sync().rejected == 1
    assert _state(platform_engine, entry) is EntryState.REJECTED
    assert len(server.requests()) - before >= 2, "a real read after the refusal"
    line = _line(platform_engine, code)
    if server.simulator.store.item_by_code(code) is None:  # gone: the line stays as it was
        assert line == seen
    else:
        assert line.seen_at > seen.seen_at
        assert not line.voucher.state(line.seen_at).redeemable
        assert platform.count(server, code) == 0


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_use_given_back_meanwhile_is_read_not_counted_on(
    platform: Platform, server: Sim, platform_engine: Engine, other_till: Engine
) -> None:
    """The line says the voucher is used up (another till took it all, and the till looked
    it up since), but that use was given back (Vauchar: reversed; Vouchers API: the shop
    raised the limit) and the server takes our queued redemption: the line disagrees with
    the server, so the voucher is read for real."""
    case = platform.case
    if platform.name == "vauchar":
        code = server.add_voucher({"voucher_code": "GIVE-BACK-0001-0000", "currency": "GBP",
                                   "value": "2.00", "value_unit": "fixed"})
    else:
        code = server.add_voucher({"code": "GIVE-BACK-0001-0000", "type": "fixed", "value": 500,
                                   "conditions": {"max_uses": 1}})
    platform_engine.lookup(code)
    (entry,) = _queue(platform_engine, case, code)
    taken = other_till.redeem(code, 200 if platform.name == "vauchar" else None,
                              order_total=case.order_total)
    assert taken.status is RedeemStatus.APPLIED, taken.message
    assert platform_engine.lookup(code).voucher.remaining == 0  # type: ignore[union-attr]
    if platform.name == "vauchar":
        assert other_till.undo_last().status is UndoStatus.REVERSED
    else:
        snapshot = platform.snapshot(server, code)
        server.add_voucher({**snapshot, "conditions": {**snapshot["conditions"],
                                                       "max_uses": 3}})
    assert platform_engine.sync().applied == 1
    assert _state(platform_engine, entry) is EntryState.APPLIED
    line = _line(platform_engine, code)
    assert line.counted == 0
    if platform.name == "vauchar":  # £2.00, ours £1.00 taken, the other till's given back
        assert (line.voucher.total, line.voucher.used) == (200, 100)
    else:  # two uses of three
        assert (line.voucher.total, line.voucher.used) == (3, 2)


def test_new_terms_meanwhile_are_read_not_counted_on(sim_of: Callable[..., Sim],
                                                     kiosk_home: Path) -> None:
    """Vouchers API: the shop changed the discount while the redemption was queued; the
    apply's discount disagrees with the line's terms, so the voucher is read again."""
    platform = PLATFORMS["vouchers-api"]
    server = sim_of(platform.name)
    engine = open_engine(platform.sign_in(server.api_url, kiosk_home), kiosk_home,
                         settle_seconds=0.0)
    try:
        case = platform.case
        code = case.add(server)
        engine.lookup(code)
        (entry,) = _queue(engine, case, code)
        server.add_voucher({**platform.snapshot(server, code), "value": 700})
        assert engine.sync().applied == 1
        applied = engine.outbox.get(entry)
        assert applied is not None
        assert applied.discount == 700  # what the server took off
        line = _line(engine, code)
        assert line.counted == 0
        assert line.voucher.discount is not None
        assert line.voucher.discount.amount_off(case.order_total or 0) == 700
    finally:
        engine.close()


@pytest.fixture
def proxy(server: Sim) -> Iterator[ManglingProxy]:
    with mangling(server.base_url) as running:
        yield running


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_partial_answer_is_read_not_counted_on(platform: Platform, server: Sim,
                                                 proxy: ManglingProxy,
                                                 kiosk_home: Path) -> None:
    """The write's answer leaves out when it was made: applied (its id is there), but not
    counted on: the voucher is read."""
    api = proxy.url("/v1" if platform.name == "vouchers-api" else "")
    engine = open_engine(platform.sign_in(api, kiosk_home), kiosk_home, settle_seconds=0.0)
    try:
        case = platform.case
        code = case.add(server)
        engine.lookup(code)
        seen = _line(engine, code)
        (entry,) = _queue(engine, case, code)
        path, key = (("/v1/vouchers/apply", "applied_at") if platform.name == "vouchers-api"
                     else ("/vouchers/", "created"))
        proxy.add(Rule(path, "rewrite", method="POST", rewrite=dropping(key)))
        assert engine.sync().applied == 1
        assert _state(engine, entry) is EntryState.APPLIED
        assert platform.count(server, code) == 1
        line = _line(engine, code)
        assert (line.counted, line.seen_at > seen.seen_at) == (0, True)
        assert line.voucher.used - seen.voucher.used == _units(case)
    finally:
        engine.close()


def test_a_vauchar_discount_is_computed_on_terms_read_at_replay(sim_of: Callable[..., Sim],
                                                                 kiosk_home: Path) -> None:
    """A percentage voucher's ``value_used`` is the kiosk's own sum, which the server does
    not check: its terms are read before it is sent, never taken from the line."""
    platform = PLATFORMS["vauchar"]
    server = sim_of(platform.name)
    engine = open_engine(platform.sign_in(server.api_url, kiosk_home), kiosk_home,
                         settle_seconds=0.0)
    try:
        case = next(c for c in platform.cases if c.kind != BALANCE)
        code = case.add(server)
        engine.lookup(code)  # 10% off
        _queue(engine, case, code)
        server.add_voucher({**platform.snapshot(server, code), "value": "20"})
        assert engine.sync().applied == 1
        (redemption,) = platform.snapshot(server, code)["redemptions"]
        assert redemption["value_used"] == "10.00"  # 20% of £50.00, as the server says now
    finally:
        engine.close()


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_the_tills_own_redeem_is_not_counted_on_from_a_line(
    platform: Platform, server: Sim, platform_engine: Engine
) -> None:
    """At the counter the result screen shows the voucher as the server has it: the till's
    own redeem reads it (Vouchers API after the apply), it is not counted on from a line."""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    outcome = case.redeem(platform_engine, code)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert outcome.voucher is not None
    assert outcome.voucher.used == _units(case)
    assert _line(platform_engine, code).counted == 0
