"""Real input on a real X screen, on a discount platform (Vouchers API's demo): a scanner
burst, then only keys — the card's "Apply to order…", the order total typed, "Next", the
confirmation — and the server applies the voucher once, to that order total."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.e2e import Kiosk, running_kiosk, wait_for

CODE = "SAVE20"  # 20 % off orders from £50.00, unused


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    """``kiosk --demo --backend vouchers-api`` on the 1024×600 Xvfb screen."""
    with running_kiosk(tmp_path_factory.mktemp("e2e"), "vouchers-api") as running:
        yield running


def test_a_discount_applied_with_keys_alone(kiosk: Kiosk) -> None:
    kiosk.clear_requests()
    kiosk.scan(CODE, gap_ms=3)
    wait_for("the check", lambda: kiosk.requests("POST", "/v1/vouchers/validate") >= 1)
    wait_for("the card", lambda: not kiosk.shows(100, 200, "#20242b"))
    kiosk.xdotool("sleep", "0.5")  # a person reads the card (a Return at once is ignored)
    kiosk.keys("Return")  # "Apply to order…": the keypad asks for the order total
    kiosk.type_slowly("45")
    kiosk.keys("Return")  # under the £50.00 minimum: said on the keypad, nothing sent
    kiosk.xdotool("sleep", "0.5")
    assert kiosk.requests("POST", "/v1/vouchers/apply") == 0
    kiosk.keys(*["BackSpace"] * 4)
    kiosk.type_slowly("120")
    kiosk.keys("Return")  # "Next": 20% off −£24.00, customer pays £96.00
    kiosk.xdotool("sleep", "0.5")  # a person reads the question
    assert kiosk.requests("POST", "/v1/vouchers/apply") == 0
    kiosk.keys("Return")  # "Yes, apply"
    wait_for("the apply", lambda: kiosk.voucher(CODE)["usage_count"] == 1)
    assert kiosk.requests("POST", "/v1/vouchers/apply") == 1
    assert kiosk.voucher(CODE)["usage_history"][0]["discount_amount"] == 2400
