"""The pinned CLI on the key-based platforms: ``kiosk login --backend``, ``--staff``,
``status --order-total --json`` (discount, to_pay), ``redeem --order-total``, exit codes."""

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


def test_vouchers_api_discount_flow(capsys: pytest.CaptureFixture[str],
                                    sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vouchers-api")
    code, out, err = run(capsys, "login", "--backend", "vouchers-api", "--server",
                         server.api_url, "--api-key", "sk_wrong")
    assert code == 1
    assert "API key" in err
    code, out, _ = run(capsys, "login", "--backend", "vouchers-api", "--server",
                       server.api_url, "--api-key", "sk_test_demo", "--staff", "anna")
    assert code == 0
    assert "as anna" in out
    code, out, _ = run(capsys, "status", "SAVE20", "--order-total", "10000", "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["code"], data["state"], data["offline"], data["currency"]) == \
        ("SAVE20", "valid", False, "GBP")
    assert (data["discount"], data["to_pay"]) == (2000, 8000)
    assert "available" in data
    code, out, _ = run(capsys, "status", "SAVE20", "--order-total", "10000")
    assert "20% off: −£20.00, customer pays £80.00" in out
    code, _, err = run(capsys, "redeem", "SAVE20")
    assert code == 1
    assert "order total" in err
    code, _, err = run(capsys, "redeem", "SAVE20", "--amount", "1", "--order-total", "100")
    assert code == 1
    assert "not both" in err
    code, out, _ = run(capsys, "redeem", "SAVE20", "--order-total", "10000", "--json")
    assert code == 0
    applied = json.loads(out)
    assert (applied["discount"], applied["order_total"]) == (2000, 10000)
    assert server.voucher("SAVE20")["usage_count"] == 1
    code, _, err = run(capsys, "redeem", "SAVE20", "--order-total", "4000")
    assert code == 2  # refused: below the voucher's minimum
    assert "£50.00" in err


def test_vauchar_balance_with_staff(capsys: pytest.CaptureFixture[str],
                                    sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    code, _, _ = run(capsys, "login", "--backend", "vauchar", "--server", server.api_url,
                     "--username", "demo-merchant", "--password", "demo-api-key")
    assert code == 0
    code, _, _ = run(capsys, "redeem", "GIFT50DEMO001", "--amount", "1250", "--staff", "ben")
    assert code == 0
    stored = server.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert (stored["redemptions"][-1]["user_id"], stored["redemptions"][-1]["value_used"]) == \
        ("ben", "12.50")
    # a balance voucher with the basket: min(available, basket)
    code, _, _ = run(capsys, "redeem", "GIFT50DEMO001", "--order-total", "99999")
    assert code == 0
    assert stored["id"]
    code, out, _ = run(capsys, "status", "GIFT50DEMO001", "--json")
    assert json.loads(out)["state"] == "fully_redeemed"


def test_shopwired_offline_queue_exit_3(capsys: pytest.CaptureFixture[str],
                                       sim_of: Callable[..., Sim]) -> None:
    server = sim_of("shopwired")
    code, _, _ = run(capsys, "login", "--backend", "shopwired", "--server", server.api_url,
                     "--username", "demo-key", "--password", "demo-secret")
    assert code == 0
    assert run(capsys, "status", "TENOFF")[0] == 0  # seen: offline may use it
    server.stop()
    code, out, _ = run(capsys, "redeem", "TENOFF", "--order-total", "3000")
    assert code == 3
    assert "customer pays £27.00" in out
    server.start()
    assert run(capsys, "queue", "sync")[0] == 0
    assert server.voucher("TENOFF")["used"] == 4
