"""ShopWired's guard, through the engine, against its simulator.

ShopWired has no redeem endpoint: a use is ``PUT /v1/vouchers/ID`` with ``used`` + 1 and the
entry's marker ``kiosk:<entry id>`` in ``comments`` (kiosk/backends/shopwired/backend.py). The
guard re-reads before and after, refuses when ``used >= uses`` or the voucher is inactive, and
reconciles a lost answer by the marker. Its two residual risks (docs/backends.md) are pinned
here: when one of them is closed, these tests fail and the docs must change with them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.shopwired import ShopWiredBackend
from kiosk.backends.shopwired.backend import KEEP_MARKERS, LOST_RACE
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from tests.app.conftest import open_engine
from tests.helpers.cases import PLATFORMS
from tests.helpers.platforms import SHOPWIRED_AUTH
from tests.helpers.sim import Sim

SHOPWIRED = PLATFORMS["shopwired"]
CASE = SHOPWIRED.case
BASKET = CASE.order_total


@pytest.fixture
def server(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("shopwired")


@pytest.fixture
def account_home(server: Sim, kiosk_home: Path) -> Path:
    SHOPWIRED.sign_in(server.api_url, kiosk_home)
    return kiosk_home


@pytest.fixture
def till(server: Sim, account_home: Path) -> Iterator[Engine]:
    account = signin.current_account(home=account_home)
    assert account is not None
    engine = open_engine(account, account_home, settle_seconds=0.0)
    yield engine
    engine.close()


class _OtherTill(httpx.BaseTransport):
    """The real simulator; right after our PUT lands, another till's PUT lands too, made
    from the read it took before ours: with its own marker (``marker``) or, like a writer
    that is not a kiosk (the shop's checkout, an older app), with ``used`` alone."""

    def __init__(self, marker: str | None) -> None:
        self._real = httpx.HTTPTransport()
        self.marker = marker
        self.done = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._real.handle_request(request)
        if request.method == "PUT" and not self.done:
            self.done = True
            ours = json.loads(request.content)
            body: dict[str, object] = {"used": ours["used"]}  # its stale read + 1
            if self.marker is not None:
                body["comments"] = self.marker
            with httpx.Client(auth=SHOPWIRED_AUTH) as other:
                other.put(str(request.url), json=body).raise_for_status()
        return response


def _engine_through(transport: httpx.BaseTransport, server: Sim, home: Path) -> Engine:
    account = signin.current_account(home=home)
    assert account is not None
    backend = ShopWiredBackend(server.api_url, *SHOPWIRED_AUTH, transport=transport)
    return Engine(home, backend, shop=account.shop, staff="anna", settle_seconds=0.0)


def test_a_use_re_reads_before_and_after_its_write(till: Engine, server: Sim) -> None:
    """Another till's use between our look-up and our redeem is kept: we write on top of a
    fresh read, and confirm by reading again."""
    code = CASE.add(server)
    till.lookup(code)
    other = SHOPWIRED.snapshot(server, code)
    server.add_voucher({**other, "used": 7})  # seven uses elsewhere since our look-up
    before = len(server.requests())
    outcome = CASE.redeem(till, code)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert server.voucher(code)["used"] == 8
    assert server.voucher(code)["comments"].split() == [f"kiosk:{outcome.entry_id}"]
    sequence = [r["method"] for r in server.requests()[before:]]
    assert sequence == ["GET", "GET", "PUT", "GET"]  # engine's status, guard's read, use, check


@pytest.mark.parametrize(("code", "reason"), [
    ("ALLGONE", RefusalReason.FULLY_REDEEMED),  # 10 of 10 used
    ("SWITCHEDOFF", RefusalReason.CANCELLED),  # active: false
])
def test_refused_without_a_write(till: Engine, server: Sim, code: str,
                                 reason: RefusalReason) -> None:
    before = server.voucher(code)["used"]
    outcome = till.redeem(code, order_total=BASKET)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.reason is reason, outcome.message
    assert not server.requests("PUT")
    assert server.voucher(code)["used"] == before


@pytest.mark.parametrize("change", ["last use taken", "switched off"])
def test_queued_use_refused_on_replay_without_a_write(till: Engine, server: Sim,
                                                      change: str) -> None:
    """Queued offline for LASTONE (4 of 5 used); meanwhile another till takes the last use,
    or the shop switches it off: the guard's re-read refuses it (a conflict), no PUT."""
    till.lookup("LASTONE")
    till.set_offline_override(True)
    queued = till.redeem("LASTONE", order_total=BASKET)
    assert queued.status is RedeemStatus.QUEUED, queued.message
    voucher = SHOPWIRED.snapshot(server, "LASTONE")
    server.add_voucher({**voucher, **({"used": 5} if change == "last use taken"
                                      else {"active": False})})
    till.set_offline_override(None)
    assert till.sync().rejected == 1
    entry = till.outbox.get(queued.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REJECTED
    assert not server.requests("PUT")


def test_a_lost_answer_is_reconciled_by_the_marker(till: Engine, server: Sim) -> None:
    code = CASE.add(server)
    server.drop_next(1)  # the PUT is stored, its answer never comes
    outcome = CASE.redeem(till, code)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message  # found by its marker
    till.sync()
    assert server.voucher(code)["used"] == 1
    assert [r["outcome"] for r in server.requests("PUT")] == ["dropped"]


def test_a_use_overwritten_by_another_kiosk_is_applied_again(server: Sim,
                                                             account_home: Path) -> None:
    """Another kiosk's PUT from its older read lands between our write and our re-read: our
    marker is gone, so we apply again on top of theirs - both uses counted."""
    code = CASE.add(server)
    engine = _engine_through(_OtherTill("kiosk:other-till"), server, account_home)
    try:
        outcome = CASE.redeem(engine, code)
    finally:
        engine.close()
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert server.voucher(code)["used"] == 2
    assert server.voucher(code)["comments"].split() == ["kiosk:other-till",
                                                        f"kiosk:{outcome.entry_id}"]


def test_residual_risk_a_write_without_marker_between_ours_and_our_check(
    server: Sim, account_home: Path
) -> None:
    """Residual risk 1 (docs/backends.md): another writer's PUT of ``used`` from a read taken
    before our write, landing between our write and our confirming re-read, leaves our marker
    in place - our re-read cannot tell, and one of the two uses is not counted."""
    code = CASE.add(server)
    engine = _engine_through(_OtherTill(None), server, account_home)
    try:
        outcome = CASE.redeem(engine, code)
    finally:
        engine.close()
    assert outcome.status is RedeemStatus.APPLIED
    assert server.voucher(code)["used"] == 1  # two uses happened: one is not counted


def test_residual_risk_a_confirmation_after_the_markers_rolled_off(
    till: Engine, server: Sim, tmp_path: Path
) -> None:
    """Residual risk 2 (docs/backends.md): ``comments`` keeps the last 20 markers. A use whose
    answer was lost and that is confirmed only after 20 other uses no longer finds its
    marker: it is sent again and counted twice."""
    code = CASE.add(server)
    till.lookup(code)
    till.set_offline_override(True)
    queued = CASE.redeem(till, code)
    till.set_offline_override(None)
    server.fail_next(1, mode="html", status=502, path=SHOPWIRED.write_path(server, code),
                     after=True, method="PUT")  # stored, the answer is a gateway's page
    assert till.sync().failed == 1  # uncertain: confirmed on the next pass
    other_home = tmp_path / "till-2"
    other = open_engine(SHOPWIRED.sign_in(server.api_url, other_home), other_home)
    try:
        for _ in range(KEEP_MARKERS):
            assert CASE.redeem(other, code).status is RedeemStatus.APPLIED
    finally:
        other.close()
    assert f"kiosk:{queued.entry_id}" not in server.voucher(code)["comments"]
    till.sync()
    entry = till.outbox.get(queued.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    assert server.voucher(code)["used"] == 1 + KEEP_MARKERS + 1  # ours counted twice


def test_the_last_use_lost_to_another_kiosk_is_a_refusal(server: Sim,
                                                         account_home: Path) -> None:
    """LASTONE (4 of 5): another kiosk's overwrite takes the last use; ours is refused with
    the plain reason, and the server keeps 5 of 5."""
    engine = _engine_through(_OtherTill("kiosk:other-till"), server, account_home)
    try:
        outcome = engine.redeem("LASTONE", order_total=BASKET)
    finally:
        engine.close()
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.message == LOST_RACE
    assert server.voucher("LASTONE")["used"] == 5
