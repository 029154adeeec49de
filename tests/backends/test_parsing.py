"""The seed's sample responses, fed verbatim to the adapter's parsers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.backends.text import html_to_text
from kiosk.backends.vouchercart import parse_voucher
from kiosk.backends.vouchercart.dates import format_redeem_date, parse_datetime
from kiosk.backends.vouchercart.models import (
    parse_domains,
    parse_profile,
    parse_tokens,
    parse_user,
)
from kiosk.domain.errors import ServerUnavailable
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, VoucherKind, VoucherState
from tests.helpers.backends import elided_sample, sample

DEC_2 = datetime(2016, 12, 2, 7, 57, 29, tzinfo=UTC)
MAR_2 = datetime(2017, 3, 2, 7, 57, 29, tzinfo=UTC)


def test_status_sample_fixed_single_use() -> None:
    voucher = parse_voucher(sample("status-fixed-single-use"))
    assert voucher.code == "AAAA-BBBB-CCCC-DDDD"
    assert voucher.kind is VoucherKind.QUANTITY
    assert not voucher.multi_use
    assert (voucher.total, voucher.used, voucher.remaining) == (1, 0, 1)
    assert voucher.currency == "GBP"
    assert voucher.windows == (ValidityWindow(DEC_2, MAR_2),)
    assert voucher.server_status == "in_progress"
    assert not voucher.cancelled
    assert voucher.redeemable_on == (1,)
    assert voucher.product_name == "Fixed voucher: Meal for two"
    assert voucher.product_description == "Fixed desc"
    # product.message and the HTML recipient comment say the same thing: shown once.
    assert voucher.message == "Happy birthday\nMy dear friend!"
    assert voucher.buyer_name == "Buyer Name"
    assert voucher.recipient_name == "Buyer Name"
    assert voucher.buyer_email == "[email\xa0protected]"  # verbatim, as the seed has it
    assert voucher.order_reference == "OWHCNE-1GB-1"
    assert voucher.purchased_at == DEC_2
    assert voucher.fully_redeemed_at is None
    assert voucher.history == ()
    assert voucher.state(DEC_2 + timedelta(days=1), 1) is VoucherState.VALID
    assert voucher.state(MAR_2 + timedelta(seconds=1), 1) is VoucherState.EXPIRED
    assert voucher.state(DEC_2, 2) is VoucherState.NOT_FOR_THIS_SHOP


def test_redeem_sample_fixed_single_use() -> None:
    voucher = parse_voucher(sample("redeem-fixed-single-use"))
    redeemed_at = datetime(2016, 12, 2, 13, 32, 48, tzinfo=UTC)
    assert (voucher.total, voucher.used, voucher.remaining) == (1, 1, 0)
    assert voucher.server_status == "completed"
    assert voucher.fully_redeemed_at == redeemed_at
    assert voucher.history == (HistoryEntry(1, redeemed_at),)
    assert voucher.state(DEC_2, 1) is VoucherState.FULLY_REDEEMED


def test_monetary_multi_use_sample() -> None:
    full = sample("status-fixed-single-use")
    voucher = parse_voucher(elided_sample("status-monetary-multi-use", full))
    assert voucher.kind is VoucherKind.MONETARY
    assert voucher.multi_use
    assert (voucher.total, voucher.used, voucher.remaining) == (2000, 100, 1900)
    assert voucher.money(voucher.remaining) is not None
    assert voucher.format_units(voucher.remaining) == "£19.00"


def test_redeemed_completely_sample() -> None:
    full = sample("redeem-fixed-single-use")
    voucher = parse_voucher(elided_sample("status-redeemed-completely", full))
    assert voucher.remaining == 0
    assert voucher.state(DEC_2, 1) is VoucherState.FULLY_REDEEMED


def test_redeem_fixed_multi_use_sample() -> None:
    full = sample("redeem-fixed-single-use")
    voucher = parse_voucher(elided_sample("redeem-fixed-multi-use", full))
    assert voucher.multi_use
    assert (voucher.total, voucher.used, voucher.remaining) == (5, 2, 3)
    assert voucher.state(DEC_2, 1) is VoucherState.PARTLY_USED
    assert voucher.format_units(3) == "3 uses"


def test_completed_means_nothing_left_whatever_the_numbers() -> None:
    data = {**sample("status-fixed-single-use"), "status": "completed", "current": 0}
    assert parse_voucher(data).remaining == 0


@pytest.mark.parametrize("status", ["refunded", "regenerated"])
def test_refunded_and_regenerated_are_cancelled(status: str) -> None:
    voucher = parse_voucher({**sample("status-fixed-single-use"), "status": status})
    assert voucher.cancelled
    assert voucher.state(DEC_2, 1) is VoucherState.CANCELLED


def test_minimal_voucher_parses_with_defaults() -> None:
    voucher = parse_voucher({"code": "X1", "stock": "500", "current": 0, "monetary": True,
                             "order": {"product": {"currency": "eur"}, "recipient": None},
                             "expirations": None, "redeemHistory": None})
    assert (voucher.total, voucher.used) == (500, 0)
    assert voucher.currency == "EUR"  # from order.product when order.currency is absent
    assert voucher.windows == ()
    assert voucher.redeemable_on is None
    assert voucher.message == ""


@pytest.mark.parametrize("missing", ["stock", "current"])
def test_voucher_without_its_numbers_is_unreadable(missing: str) -> None:
    """Read as 0 of 0 it would look fully redeemed (and be cached as such)."""
    data = {"code": "X1", "stock": 500, "current": 0, "monetary": True}
    del data[missing]
    with pytest.raises(ServerUnavailable, match=missing):
        parse_voucher(data)


def test_open_ended_window_and_odd_history() -> None:
    voucher = parse_voucher({
        "code": "X2", "stock": 3, "current": 1, "multiUsable": True,
        "expirations": [{"from": None, "to": "2030-01-01T00:00:00Z"}],
        "redeemHistory": [{"redeemAt": "2024-05-01 10:00:00", "amount": 1},
                          {"redeemAt": None, "amount": 1}],
    })
    assert voucher.windows == (ValidityWindow(None, datetime(2030, 1, 1, tzinfo=UTC)),)
    assert voucher.history == (HistoryEntry(1, datetime(2024, 5, 1, 10, tzinfo=UTC)),)


@pytest.mark.parametrize("data", [None, [], {"stock": 1}, {"code": "X", "stock": "lots"},
                                  {"code": "X", "stock": 1, "current": True}])
def test_unreadable_voucher_is_server_trouble(data: object) -> None:
    with pytest.raises(ServerUnavailable):
        parse_voucher(data)


def test_distinct_messages_are_both_kept() -> None:
    data = sample("status-fixed-single-use")
    comment = "<p>See you <b>soon</b> &amp; enjoy</p><script>x()</script>"
    data["order"]["recipient"]["comment"] = comment
    assert parse_voucher(data).message == "Happy birthday\nMy dear friend!\n\nSee you soon & enjoy"


@pytest.mark.parametrize(("markup", "text"), [
    ("<p>Happy birthday</p>\n<p>My dear friend!</p>", "Happy birthday\nMy dear friend!"),
    ("line one<br>line two<br/>", "line one\nline two"),
    ("Fish &amp; chips &lt;3", "Fish & chips <3"),
    ("<style>p{}</style><div>  spaced   out </div>", "spaced out"),
    ("", ""),
    (None, ""),
])
def test_html_to_text(markup: str | None, text: str) -> None:
    assert html_to_text(markup) == text


def test_authorize_sample() -> None:
    data = sample("authorize")
    tokens, profile = parse_tokens(data), parse_profile(data["profile"])
    assert tokens.access_token.startswith("eyJ0eXAi")
    assert tokens.refresh_token == "RTZmQzZjc0MzU1NDdlYzcxYTk3NGEwM2FjNTNlY2YxMDg5YWYxNjcwNw"
    assert tokens.identified_by == "92a22808-bd55-4134-8782-82505ad16d63"
    assert (profile.id, profile.full_name, profile.locale) == (1, "VoucherCart2 Demo", "en")
    assert tokens.refresh_token not in repr(tokens)
    assert tokens.access_token not in repr(tokens)


def test_refresh_sample() -> None:
    tokens = parse_tokens(sample("refresh"))
    assert tokens.refresh_token == "RTZjgwYzhkMmFhZjU5OWRlOTdmNzIzNjY2ZGMzYTcxODEwOWJjMjJiMw"


def test_tokens_missing_is_server_trouble() -> None:
    with pytest.raises(ServerUnavailable):
        parse_tokens({"status": "authenticated", "accessToken": "x"})


def test_domain_samples() -> None:
    assert [(d.id, d.name) for d in parse_domains(sample("user-domains")["domains"])] == [
        (8, "hello-world")]
    domains = parse_domains(sample("domains")["domains"])
    assert [d.id for d in domains] == [8, 1337]
    assert domains[1].url == "https://other-sales-page.vouchercart.com/"


def test_user_samples() -> None:
    user = parse_user(sample("users-get"))
    assert (user.id, user.full_name, user.phone) == (9, "Test User", "+1 123 456 789")
    assert user.created_at == datetime(2018, 11, 20, 6, 22, tzinfo=UTC)
    assert [(p.domain_id, p.role_id) for p in user.permissions] == [(1, 0), (2, 0)]
    users = [parse_user(item) for item in sample("users-list")]
    assert users[1].permissions[0].custom == ("manage.orders", "redeem.voucher")
    assert sample("users-create") == {"userId": 9}


@pytest.mark.parametrize(("text", "expected"), [
    ("2016-12-02T07:57:29+0000", DEC_2),
    ("2016-12-02T07:57:29Z", DEC_2),
    ("2016-12-02T08:57:29+01:00", DEC_2),
    ("2016-12-02 07:57:29", DEC_2),
    ("02/12/2016 07:57", DEC_2.replace(second=0)),
    (1480665449, DEC_2),
    ("", None),
    (None, None),
    ("yesterday", None),
])
def test_parse_datetime(text: object, expected: datetime | None) -> None:
    assert parse_datetime(text) == expected


def test_redeem_date_is_utc_minutes() -> None:
    local = datetime(2015, 12, 5, 14, 37, 59, tzinfo=timezone(timedelta(hours=1)))
    assert format_redeem_date(local) == "2015-12-05 13:37"
    with pytest.raises(ValueError, match="aware"):
        format_redeem_date(datetime(2015, 12, 5, 13, 37))  # noqa: DTZ001 - the point of the test
