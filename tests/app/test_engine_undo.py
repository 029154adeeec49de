""""Undo last redemption" (``Engine.undo_last``) against the platforms' simulators: Vauchar
reverses on the server (success, nothing to undo, already undone, offline, a lost answer
after the server reversed it, a crash between the journal and the request); a queued entry
is cancelled on the till and never sent; the other three platforms refuse, saying why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.shift import build_report, close_shift
from kiosk.app.shift_text import report_lines
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus, UndoStatus, UndoWhy
from kiosk.store.database import utc_now
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim

GIFT = "GIFT100DEMO02"  # Vauchar demo: £100 fixed, two earlier redemptions (£32.50)
VOUCHER_ID = "vcr-demo00000000000002"
REDEMPTIONS = f"/vouchers/{VOUCHER_ID}/redemptions"
CREDENTIALS = {
    "vauchar": {"username": "demo-merchant", "password": "demo-api-key"},
    "vouchers-api": {"api_key": "sk_test_demo"},
    "shopwired": {"username": "demo-key", "password": "demo-secret"},
}


def open_engine(api: str, server: Sim, home: Path) -> Engine:
    if api == "vouchercart":
        account = signin.sign_in(server.api_url, *TILL, DOMAIN, home=home)
        return Engine(home, signin.open_backend(account, home=home),
                      domain_id=account.domain_id, staff="anna", settle_seconds=0.0)
    account = signin.sign_in_platform(api, server.api_url, CREDENTIALS[api], staff="anna",
                                      home=home)
    return Engine(home, signin.open_backend(account, home=home), shop=account.shop,
                  staff="anna", settle_seconds=0.0)


@pytest.fixture
def vauchar(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("vauchar")


@pytest.fixture
def engines(kiosk_home: Path) -> Iterator[Callable[[str, Sim], Engine]]:
    opened: list[Engine] = []

    def make(api: str, server: Sim) -> Engine:
        opened.append(open_engine(api, server, kiosk_home))
        return opened[-1]

    yield make
    for engine in opened:
        engine.close()


@pytest.fixture
def engine(engines: Callable[[str, Sim], Engine], vauchar: Sim) -> Engine:
    return engines("vauchar", vauchar)


def redemptions(server: Sim) -> list[dict[str, object]]:
    stored = server.simulator.store.item_by_code(GIFT)
    assert stored is not None
    return list(stored["redemptions"])


def deletes(server: Sim) -> int:
    return len([r for r in server.requests("DELETE")
                if str(r["path"]).startswith(REDEMPTIONS + "/")])


def test_undo_reverses_the_last_redemption_on_the_server(engine: Engine, vauchar: Sim) -> None:
    first = engine.redeem(GIFT, 500)
    last = engine.redeem(GIFT, 1000)
    assert last.status is RedeemStatus.APPLIED
    assert len(redemptions(vauchar)) == 4
    shown = engine.last_redemption()
    assert shown is not None
    assert shown.id == last.entry_id
    outcome = engine.undo_last(expect=shown.id)
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    assert outcome.message.startswith("Undone: £10.00 on voucher ")
    assert outcome.voucher is not None
    assert outcome.voucher.remaining == 10000 - 3250 - 500
    cached = engine.cache.get(GIFT)  # an offline look-up now shows the balance back
    assert cached is not None
    assert cached.voucher.remaining == 10000 - 3250 - 500
    left = redemptions(vauchar)
    assert [r["transaction_id"] for r in left][-1] == first.entry_id
    entry = engine.outbox.get(last.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSED
    assert [j.outcome for j in engine.recent(5) if j.action == "undo"] == ["reversed",
                                                                          "reversing"]
    # The reports count it out.
    summary = engine.shift_summary(utc_now() - timedelta(hours=1))
    assert summary.total.money == {"GBP": 500}
    assert summary.undone.money == {"GBP": 1000}
    report = build_report(engine)
    assert report.summary.total.money == {"GBP": 500}
    assert not report.check.mismatches  # the server's history agrees
    assert any(line.startswith("Undone:") for line in report_lines(report))


def test_undo_again_takes_the_one_before_and_already_undone_is_said(engine: Engine,
                                                                     vauchar: Sim) -> None:
    first = engine.redeem(GIFT, 500)
    last = engine.redeem(GIFT, 1000)
    assert engine.undo_last(expect=last.entry_id).status is UndoStatus.REVERSED
    again = engine.undo_last(expect=last.entry_id)  # a second tap on the same confirmation
    assert again.status is UndoStatus.REFUSED
    assert again.message.startswith("Already undone: £10.00")
    assert again.why is UndoWhy.ALREADY
    assert deletes(vauchar) == 1
    before = engine.undo_last()  # no expectation: the one before
    assert before.status is UndoStatus.REVERSED
    assert before.entry is not None
    assert before.entry.id == first.entry_id
    nothing = engine.undo_last()
    assert nothing.status is UndoStatus.REFUSED
    assert nothing.message.startswith("Nothing to undo")
    assert nothing.why is UndoWhy.NOTHING
    assert len(redemptions(vauchar)) == 2  # the fixture's own, from before this shift


def test_nothing_to_undo_in_a_new_shift(engine: Engine) -> None:
    assert engine.redeem(GIFT, 500).status is RedeemStatus.APPLIED
    close_shift(engine, build_report(engine, check=False))
    assert engine.last_redemption() is None
    outcome = engine.undo_last()
    assert (outcome.status, outcome.entry) == (UndoStatus.REFUSED, None)


def test_a_stale_confirmation_is_refused(engine: Engine, vauchar: Sim) -> None:
    shown = engine.redeem(GIFT, 500)
    engine.redeem(GIFT, 700)  # another redemption after the dialog was opened
    outcome = engine.undo_last(expect=shown.entry_id)
    assert outcome.status is UndoStatus.REFUSED
    assert "changed" in outcome.message
    assert outcome.why is UndoWhy.CHANGED
    assert deletes(vauchar) == 0


def test_offline_the_undo_is_refused_and_nothing_changes(engine: Engine, vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    engine.set_offline_override(True)
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    assert outcome.message.startswith("Offline: taking back a redemption needs the server")
    assert outcome.why is UndoWhy.OFFLINE
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    assert deletes(vauchar) == 0


def test_server_down_the_undo_is_not_sent_and_stays_applied(engine: Engine,
                                                           vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    vauchar.stop()
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    vauchar.start()
    assert len(redemptions(vauchar)) == 3


def test_a_lost_answer_after_the_server_reversed_it(engine: Engine, vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    # 502 after the DELETE was applied, and the listing that would confirm it fails too.
    vauchar.fail_next(1, mode="html", status=502, path=REDEMPTIONS, after=True,
                      method="DELETE")
    vauchar.fail_next(1, status=503, path=REDEMPTIONS, method="GET")
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.UNCONFIRMED, outcome.message
    assert len(redemptions(vauchar)) == 2  # the server did reverse it
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSING
    assert engine.shift_summary(utc_now() - timedelta(hours=1)).total.money == {"GBP": 500}
    # Retried: the listing shows it gone; no second DELETE, no error.
    retried = engine.undo_last()
    assert retried.status is UndoStatus.REVERSED, retried.message
    assert retried.entry is not None
    assert retried.entry.id == done.entry_id
    assert deletes(vauchar) == 1
    assert len(redemptions(vauchar)) == 2
    assert engine.shift_summary(utc_now() - timedelta(hours=1)).total.count == 0


def test_a_failed_read_after_the_reversal_never_says_not_undone(engine: Engine,
                                                                vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    # The DELETE is answered (the server reversed it); the read of the voucher after it fails.
    vauchar.fail_next(1, status=503, path=REDEMPTIONS, method="GET")
    outcome = engine.undo_last()
    assert len(redemptions(vauchar)) == 2  # the server did reverse it
    assert outcome.status is UndoStatus.REVERSED, (
        f"the server reversed it, the till said: {outcome.status.value}: {outcome.message}")
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSED
    assert deletes(vauchar) == 1


def test_a_lost_answer_is_confirmed_at_once_when_the_listing_answers(engine: Engine,
                                                                     vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    vauchar.fail_next(1, mode="html", status=502, path=REDEMPTIONS, after=True,
                      method="DELETE")
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSED


def test_a_lost_request_that_never_landed_is_sent_again(engine: Engine, vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    # 502 *before* the DELETE was applied; the confirming listing fails too.
    vauchar.fail_next(1, mode="html", status=502, path=REDEMPTIONS, method="DELETE")
    vauchar.fail_next(1, status=503, path=REDEMPTIONS, method="GET")
    assert engine.undo_last().status is UndoStatus.UNCONFIRMED
    assert len(redemptions(vauchar)) == 3  # still there
    retried = engine.undo_last()
    assert retried.status is UndoStatus.REVERSED, retried.message
    assert len(redemptions(vauchar)) == 2
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSED


def test_the_z_report_calls_an_unconfirmed_undo_nothing(engine: Engine, vauchar: Sim) -> None:
    """An undo whose answer was lost (the server still shows the redemption) is neither
    "redeemed elsewhere" nor a mismatch in the server check."""
    engine.redeem(GIFT, 500)
    engine.redeem(GIFT, 1000)
    vauchar.fail_next(1, mode="html", status=502, path=REDEMPTIONS, method="DELETE")
    vauchar.fail_next(1, status=503, path=REDEMPTIONS, method="GET")
    assert engine.undo_last().status is UndoStatus.UNCONFIRMED
    assert len(redemptions(vauchar)) == 4  # the undo never landed
    report = build_report(engine)
    assert report.check.checked == 1
    assert report.check.lines == ()
    assert [e.amount for e in report.undoing] == [1000]
    assert any(line.startswith("Undo unconfirmed: 1 ") for line in report_lines(report))


def test_the_sync_confirms_an_undo_whose_answer_was_lost(engine: Engine, vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    vauchar.fail_next(1, mode="html", status=502, path=REDEMPTIONS, after=True,
                      method="DELETE")
    vauchar.fail_next(1, status=503, path=REDEMPTIONS, method="GET")
    assert engine.undo_last().status is UndoStatus.UNCONFIRMED
    engine.sync()
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSED
    assert deletes(vauchar) == 1


def test_a_crash_between_the_journal_and_the_request(engine: Engine, vauchar: Sim,
                                                     engines: Callable[[str, Sim], Engine]
                                                     ) -> None:
    """The till died after ``applied → reversing`` was committed, before the DELETE left:
    a new engine (after a restart) finishes the undo, once."""
    done = engine.redeem(GIFT, 500)
    assert engine.outbox.begin_reversal(done.entry_id or "")
    engine.close()
    restarted = engines("vauchar", vauchar)
    assert restarted.last_redemption() is not None
    restarted.sync()  # the listing still shows it: the sync leaves it for the next undo
    entry = restarted.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REVERSING
    outcome = restarted.undo_last()
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    assert deletes(vauchar) == 1
    assert len(redemptions(vauchar)) == 2
    assert restarted.undo_last().message.startswith("Nothing to undo")


def test_a_crash_after_the_request_landed(engine: Engine, vauchar: Sim,
                                          engines: Callable[[str, Sim], Engine]) -> None:
    """The DELETE landed but the till died before ``reversed`` was written: the restarted
    till confirms it by listing, without sending it again."""
    done = engine.redeem(GIFT, 500)
    assert engine.outbox.begin_reversal(done.entry_id or "")
    reference = (engine.outbox.get(done.entry_id or "") or done).reference  # type: ignore[union-attr]
    engine.backend.reverse(GIFT, reference)
    engine.close()
    restarted = engines("vauchar", vauchar)
    outcome = restarted.undo_last()
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    assert deletes(vauchar) == 1


def test_removed_on_the_server_meanwhile_counts_as_reversed(engine: Engine,
                                                            vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    engine.backend.reverse(GIFT, entry.reference)  # someone reversed it in the dashboard
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REVERSED, outcome.message


def test_a_redemption_confirmed_without_its_reference_is_found_by_entry_id(
        engine: Engine, vauchar: Sim) -> None:
    vauchar.drop_next(1)  # the answer (with the redemption id) is lost: confirmed by listing
    done = engine.redeem(GIFT, 500)
    engine.sync()
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    assert len(redemptions(vauchar)) == 2


def test_a_queued_redemption_is_cancelled_on_the_till(engine: Engine, vauchar: Sim) -> None:
    assert engine.lookup(GIFT).voucher is not None
    vauchar.stop()
    queued = engine.redeem(GIFT, 500)
    assert queued.status is RedeemStatus.QUEUED
    outcome = engine.undo_last()  # offline is fine: nothing was sent
    assert outcome.status is UndoStatus.CANCELLED, outcome.message
    assert outcome.message.startswith("Cancelled: £5.00 on voucher ")
    assert engine.outbox.queued_amount(GIFT) == 0
    vauchar.start()
    report = engine.sync()
    assert report.applied == 0
    assert len(redemptions(vauchar)) == 2  # never sent
    assert engine.connectivity().pending == 0


def test_a_queued_redemption_being_sent_is_not_cancelled(engine: Engine, vauchar: Sim) -> None:
    """The replay claimed it (pending → sending) first: the cancel loses the race."""
    assert engine.lookup(GIFT).voucher is not None
    engine.set_offline_override(True)
    queued = engine.redeem(GIFT, 500)
    assert queued.status is RedeemStatus.QUEUED
    assert engine.outbox.claim(queued.entry_id or "")
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    assert outcome.why is UndoWhy.IN_FLIGHT
    entry = engine.outbox.get(queued.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.SENDING


@pytest.mark.parametrize("status", [400, 401])
def test_a_refusal_of_the_reversal_puts_it_back(engine: Engine, vauchar: Sim,
                                                status: int) -> None:
    """Vauchar answered (invalid request, credentials refused): nothing was reversed."""
    done = engine.redeem(GIFT, 500)
    vauchar.fail_next(1, status=status, path=REDEMPTIONS + "/", method="DELETE")
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    assert outcome.message.startswith("Not undone: ")
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    assert entry.last_error
    assert len(redemptions(vauchar)) == 3
    # Credentials refused: the till says staff must sign in again, as a look-up would.
    assert engine.connectivity().auth_required is (status == 401)


def test_an_uncertain_queued_redemption_is_not_cancelled(engine: Engine, vauchar: Sim) -> None:
    done = engine.redeem(GIFT, 500)
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    # As if its answer had been lost: it may be on the server.
    with engine.store.write() as db:
        db.execute("UPDATE outbox SET state = 'pending', uncertain = 1 WHERE id = ?",
                   [entry.id])
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    assert outcome.message.startswith("The last redemption is being sent")
    assert outcome.why is UndoWhy.IN_FLIGHT
    assert deletes(vauchar) == 0


@pytest.mark.parametrize(("api", "code", "amount", "order_total", "platform"), [
    ("vouchercart", "GB50-K7QX-9M2F-4TZB", 500, None, "VoucherCart cannot reverse"),
    ("vouchers-api", "TENOFF", None, 5000, "Vouchers API cannot take back"),
    ("shopwired", "TENOFF", None, 5000, "ShopWired cannot undo"),
])
def test_other_platforms_refuse_and_say_what_to_do(
        api: str, code: str, amount: int | None, order_total: int | None, platform: str,
        sim_of: Callable[..., Sim], engines: Callable[[str, Sim], Engine]) -> None:
    server = sim_of(api)
    engine = engines(api, server)
    assert not engine.capabilities.reversal
    done = engine.redeem(code, amount, order_total=order_total)
    assert done.status is RedeemStatus.APPLIED, done.message
    sent = len(server.requests())
    outcome = engine.undo_last()
    assert outcome.status is UndoStatus.REFUSED
    assert outcome.reason is RefusalReason.NOT_SUPPORTED
    assert outcome.why is UndoWhy.PLATFORM
    assert outcome.message.startswith(platform)
    assert "administrator" in outcome.message or "order" in outcome.message
    assert len(server.requests()) == sent  # nothing was asked of the server
    entry = engine.outbox.get(done.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
