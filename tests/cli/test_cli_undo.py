"""``kiosk undo [--show] [--json]``: exit 0 undone, 2 refused (nothing to undo, the platform
cannot, offline), 1 error (signed out; an undo whose answer was lost)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from kiosk.main import main
from tests.helpers.sim import Sim


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_undo_on_vauchar(capsys: pytest.CaptureFixture[str],
                         sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    assert run(capsys, "login", "--backend", "vauchar", "--server", server.api_url,
               "--username", "demo-merchant", "--password", "demo-api-key")[0] == 0
    code, _, err = run(capsys, "undo")
    assert code == 2
    assert "Nothing to undo" in err
    assert run(capsys, "redeem", "GIFT50DEMO001", "--amount", "1250")[0] == 0
    code, out, _ = run(capsys, "undo", "--show")
    assert code == 0
    assert "applied" in out
    assert "£12.50" in out
    code, out, _ = run(capsys, "undo", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "reversed"
    assert data["entry"]["state"] == "reversed"
    stored = server.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert stored["redemptions"] == []
    code, out, _ = run(capsys, "undo", "--show", "--json")
    assert (code, json.loads(out)) == (2, {"entry": None})


def test_undo_offline_is_refused_and_a_queued_one_is_cancelled(
        capsys: pytest.CaptureFixture[str], sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    assert run(capsys, "login", "--backend", "vauchar", "--server", server.api_url,
               "--username", "demo-merchant", "--password", "demo-api-key")[0] == 0
    assert run(capsys, "redeem", "GIFT50DEMO001", "--amount", "500")[0] == 0
    server.stop()
    code, _, err = run(capsys, "undo")
    assert code == 2
    assert "Offline: taking back a redemption needs the server" in err
    assert run(capsys, "redeem", "GIFT50DEMO001", "--amount", "700")[0] == 3  # queued
    code, out, _ = run(capsys, "undo")
    assert code == 0
    assert out.startswith("cancelled: Cancelled: £7.00 on voucher")
    server.start()
    assert run(capsys, "queue", "sync")[0] == 0
    stored = server.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert [r["value_used"] for r in stored["redemptions"]] == ["5.00"]


def test_undo_where_the_platform_cannot(capsys: pytest.CaptureFixture[str],
                                        sim_of: Callable[..., Sim]) -> None:
    server = sim_of("shopwired")
    assert run(capsys, "login", "--backend", "shopwired", "--server", server.api_url,
               "--username", "demo-key", "--password", "demo-secret")[0] == 0
    assert run(capsys, "redeem", "TENOFF", "--order-total", "5000")[0] == 0
    code, _, err = run(capsys, "undo")
    assert code == 2
    assert "ShopWired cannot undo a use" in err


def test_undo_signed_out_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "undo")
    assert code == 1
    assert err.startswith("kiosk undo: Not signed in")


def test_a_lost_answer_exits_1_and_a_second_run_finishes(
        capsys: pytest.CaptureFixture[str], sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    assert run(capsys, "login", "--backend", "vauchar", "--server", server.api_url,
               "--username", "demo-merchant", "--password", "demo-api-key")[0] == 0
    assert run(capsys, "redeem", "GIFT50DEMO001", "--amount", "500")[0] == 0
    path = "/vouchers/vcr-demo00000000000001/redemptions"
    server.fail_next(1, mode="html", status=502, path=path, after=True, method="DELETE")
    server.fail_next(1, status=503, path=path, method="GET")
    code, _, err = run(capsys, "undo")
    assert code == 1
    assert "not confirmed" in err
    code, out, _ = run(capsys, "undo")
    assert code == 0
    assert out.startswith("reversed: Undone: £5.00")
