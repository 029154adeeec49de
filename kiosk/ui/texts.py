"""Translated words for the domain's values: states, refusals, errors, amounts, dates.

The domain's English ``message`` strings are for the CLI; the UI builds its own text here
from the typed fields, so every word goes through Qt's translator.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from functools import cache

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QTimeZone

from kiosk.domain.discount import DiscountKind
from kiosk.domain.errors import (
    AccessDenied,
    AuthError,
    InvalidRequest,
    KioskError,
    LoginFailed,
    RateLimited,
    Refusal,
    RefusalReason,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.money import Money, exponent
from kiosk.domain.outcomes import EntryState, Lookup
from kiosk.domain.voucher import Voucher, VoucherState, unlimited


class Texts(QObject):
    """Plural strings of the ``Texts`` context (lupdate sees numerus only in ``self.tr``)."""

    def uses(self, count: int) -> str:
        """"1 use", "3 uses"; "unlimited uses" for a code without a usage limit."""
        if unlimited(count):
            return self.tr("unlimited uses")
        return self.tr("%n use(s)", None, count)

    def uses_left(self, available: int, total: int) -> str:
        """"3 of 5 uses left"; "Unlimited uses, 3 used" without a usage limit."""
        if unlimited(total):
            return self.tr("Unlimited uses, %n used", None, total - available)
        return self.tr("%1 of %n use(s) left", None, total).replace("%1", str(available))


@cache
def _texts() -> Texts:
    return Texts()


class Tone(StrEnum):
    """How a result feels at a glance; drives colour, icon and sound together."""

    GOOD = "good"  # valid, redeemed: green, tick
    CAREFUL = "careful"  # partly used, not yet valid, checked offline: amber, warning sign
    BAD = "bad"  # not redeemable: red, cross
    QUEUED = "queued"  # saved offline, will be sent: blue, clock


def state_tone(state: VoucherState) -> Tone:
    """The tone of a voucher state."""
    if state is VoucherState.VALID:
        return Tone.GOOD
    if state in (VoucherState.PARTLY_USED, VoucherState.NOT_YET_VALID,
                 VoucherState.UNSEEN_OFFLINE):
        return Tone.CAREFUL
    return Tone.BAD


def lookup_tone(lookup: Lookup) -> Tone:
    """The tone of a card: a good state answered offline is only the last known one."""
    tone = state_tone(lookup.state)
    return Tone.CAREFUL if lookup.offline and tone is Tone.GOOD else tone


def state_title(state: VoucherState) -> str:
    """The one big word(s) for a voucher state."""
    titles = {
        VoucherState.VALID: QCoreApplication.translate("Texts", "Valid"),
        VoucherState.PARTLY_USED: QCoreApplication.translate("Texts", "Valid — partly used"),
        VoucherState.FULLY_REDEEMED: QCoreApplication.translate("Texts", "Fully redeemed"),
        VoucherState.EXPIRED: QCoreApplication.translate("Texts", "Expired"),
        VoucherState.NOT_YET_VALID: QCoreApplication.translate("Texts", "Not valid yet"),
        VoucherState.CANCELLED: QCoreApplication.translate("Texts", "Cancelled"),
        VoucherState.NOT_FOR_THIS_SHOP: QCoreApplication.translate("Texts", "Not for this shop"),
        VoucherState.UNKNOWN: QCoreApplication.translate("Texts", "Unknown voucher"),
        VoucherState.UNSEEN_OFFLINE: QCoreApplication.translate("Texts", "Can't check offline"),
    }
    return titles[state]


def state_detail(state: VoucherState, voucher: Voucher | None) -> str:
    """One line saying why, with the date when there is one."""
    if state is VoucherState.UNSEEN_OFFLINE:
        return QCoreApplication.translate(
            "Texts", "This voucher hasn't been seen on this till.")
    if voucher is None or state is VoucherState.UNKNOWN:
        return QCoreApplication.translate("Texts", "This code is not a voucher of this shop.")
    if state is VoucherState.FULLY_REDEEMED:
        when = voucher.fully_redeemed_at or (voucher.history[-1].at if voucher.history else None)
        if when is None:
            return QCoreApplication.translate("Texts", "Nothing left on this voucher.")
        return QCoreApplication.translate("Texts", "Fully redeemed on %1.").replace("%1", day(when))
    if state is VoucherState.EXPIRED:
        end = voucher.valid_until()
        if end is None:
            return QCoreApplication.translate("Texts", "This voucher has expired.")
        return QCoreApplication.translate("Texts", "Expired on %1.").replace("%1", day(end))
    if state is VoucherState.NOT_YET_VALID:
        start = voucher.valid_from()
        return QCoreApplication.translate("Texts", "Valid from %1.").replace("%1", day(start))
    if state is VoucherState.CANCELLED:
        if voucher.server_status == "regenerated":
            return QCoreApplication.translate(
                "Texts", "This voucher was replaced by a new voucher: scan the new one.")
        if voucher.server_status == "refunded":
            return QCoreApplication.translate("Texts", "This voucher was refunded.")
        return QCoreApplication.translate("Texts", "This voucher was cancelled.")
    if state is VoucherState.NOT_FOR_THIS_SHOP:
        return QCoreApplication.translate("Texts", "This voucher cannot be redeemed here.")
    return left_text(voucher, voucher.remaining)


def money_text(minor: int, currency: str) -> str:
    """Money in the current language's format: "£25.00", "25,00 €"."""
    money = Money(minor, currency)
    zero = Money(0, currency)
    prefix, _, suffix = zero.format().partition(zero.major_str())
    symbol = (prefix or suffix).strip()
    places = exponent(currency)
    if not symbol:
        return money.format()
    return QLocale().toCurrencyString(minor / 10**places, symbol, places)


def money_affixes(currency: str) -> tuple[str, str]:
    """What ``money_text`` writes before and after the number, e.g. ("£", "") in English,
    ("", " £") in German: to show an amount as it is typed."""
    zero = money_text(0, currency)
    for number in (QLocale().toString(0.0, "f", exponent(currency)),
                   Money(0, currency).major_str()):
        prefix, found, suffix = zero.partition(number)
        if found:
            return prefix, suffix
    return "", ""


def decimal_point() -> str:
    """The current language's decimal separator, as ``money_text`` writes it."""
    return QLocale().decimalPoint()


def units(voucher: Voucher, amount: int) -> str:
    """``amount`` in the voucher's units: money in its currency, or a number of uses."""
    if voucher.money(amount) is not None and voucher.currency:
        return money_text(amount, voucher.currency)
    return _texts().uses(amount)


def discount_name(voucher: Voucher) -> str:
    """"20% off", "£10.00 off", "Free shipping" (translated)."""
    terms = voucher.discount
    if terms is None:
        return ""
    if terms.kind is DiscountKind.PERCENT:
        return QCoreApplication.translate("Texts", "%1% off").replace(
            "%1", f"{terms.value.normalize():f}")
    if terms.kind is DiscountKind.AMOUNT:
        return QCoreApplication.translate("Texts", "%1 off").replace(
            "%1", money_text(int(terms.value), voucher.currency or "GBP"))
    return QCoreApplication.translate("Texts", "Free shipping")


def discount_terms(voucher: Voucher) -> str:
    """The discount and its minimum order, for the order-total keypad."""
    terms = voucher.discount
    if terms is None:
        return ""
    text = discount_name(voucher)
    if terms.min_order:
        minimum = money_text(terms.min_order, voucher.currency or "GBP")
        text += " · " + (QCoreApplication.translate("Texts", "orders over %1") if
                         terms.strict_minimum else
                         QCoreApplication.translate("Texts", "orders from %1")).replace(
            "%1", minimum)
    return text


def discount_warning(voucher: Voucher) -> str:
    """What the platform cannot check for staff (product targets, free shipping)."""
    terms = voucher.discount
    if terms is None:
        return ""
    if terms.kind is DiscountKind.FREE_SHIPPING:
        return QCoreApplication.translate(
            "Texts", "Free shipping: nothing to take off at the counter.")
    if terms.targeted:
        return QCoreApplication.translate(
            "Texts", "Applies to certain products only: check the basket.")
    return ""


def amount_text(amount: int | None, currency: str | None) -> str:
    """A journal amount in its units ("" when it has none)."""
    if amount is None:
        return ""
    if currency:
        return money_text(amount, currency)
    return _texts().uses(amount)


def grouped_code(code: str) -> str:
    """A code as staff read it aloud: its own groups ("GB10-0PRT-…" → "GB10 0PRT …"), or
    fours where it is made of fours (12, 16, 20… characters); else as it is ("GIFT100DEMO02",
    not "GIFT 100D EMO0 2")."""
    if "-" in code or len(code) <= 8 or len(code) % 4:
        return code.replace("-", " ")
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def left_text(voucher: Voucher, available: int) -> str:
    """"£12.50 left" or "3 of 5 uses left"."""
    if voucher.money(available) is not None:
        return QCoreApplication.translate("Texts", "%1 left").replace(
            "%1", units(voucher, available))
    return _texts().uses_left(available, voucher.total)


def refusal_text(reason: RefusalReason | None) -> str:
    """Why a redemption was refused, in plain words."""
    texts = {
        RefusalReason.NOT_FOUND: QCoreApplication.translate("Texts", "Voucher not found."),
        RefusalReason.NOT_FOR_THIS_SHOP: QCoreApplication.translate(
            "Texts", "This voucher cannot be redeemed at this shop."),
        RefusalReason.CANNOT_REDUCE: QCoreApplication.translate(
            "Texts", "That amount cannot be taken from this voucher."),
        RefusalReason.EXPIRED: QCoreApplication.translate("Texts", "This voucher has expired."),
        RefusalReason.NOT_YET_VALID: QCoreApplication.translate(
            "Texts", "This voucher is not valid yet."),
        RefusalReason.FULLY_REDEEMED: QCoreApplication.translate(
            "Texts", "This voucher has already been fully redeemed."),
        RefusalReason.CANCELLED: QCoreApplication.translate(
            "Texts", "This voucher has been cancelled."),
        RefusalReason.INVALID_AMOUNT: QCoreApplication.translate(
            "Texts", "Enter an amount greater than zero."),
        RefusalReason.OFFLINE_UNSEEN: QCoreApplication.translate(
            "Texts", "Offline: this voucher has not been seen before, so it cannot be checked."),
        RefusalReason.OFFLINE_STALE: QCoreApplication.translate(
            "Texts", "Offline: the last check of this voucher is too old."),
        RefusalReason.OFFLINE_LIMIT: QCoreApplication.translate(
            "Texts", "Offline: over the limit allowed without a connection."),
        RefusalReason.CLOCK_WRONG: QCoreApplication.translate(
            "Texts", "Offline: the till's clock is wrong. Ask a manager to set it."),
        RefusalReason.NOT_SUPPORTED: QCoreApplication.translate(
            "Texts", "This voucher platform cannot do that."),
    }
    if reason is None:
        return QCoreApplication.translate("Texts", "Not redeemed.")
    return texts[reason]


def staff_problem_text(problem: str, seconds: int = 0) -> str:
    """A refusal of the till's local staff list (``kiosk.app.local_staff.Problem``)."""
    translate = QCoreApplication.translate
    texts = {
        "name_empty": translate("Texts", "Enter the staff member's name."),
        "name_too_long": translate("Texts", "A name has at most 40 characters."),
        "name_taken": translate("Texts", "Someone on this till already has that name."),
        "pin_format": translate("Texts", "A PIN is 4 to 8 digits."),
        "pin_mismatch": translate("Texts", "The two PINs do not match."),
        "pin_taken": translate("Texts", "Someone on this till already has that PIN: choose "
                                        "another."),
        "pin_is_till_pin": translate("Texts", "That is the till's manager PIN: choose another."),
        "first_is_manager": translate("Texts", "The first member of staff must be a manager."),
        "last_manager": translate("Texts", "The till needs at least one manager: make someone else "
                                   "a manager first."),
        "unknown": translate("Texts", "No such member of staff on this till."),
        "changed": translate("Texts", "The staff list changed meanwhile: try again."),
        "locked": translate("Texts", "Too many wrong PINs: try again in %1 seconds.").replace(
            "%1", str(seconds)),
    }
    return texts.get(problem) or translate("Texts", "Something went wrong: %1").replace(
        "%1", problem)


def error_text(error: BaseException) -> str:
    """Plain words for a failure of an engine or sign-in call."""
    problem = getattr(error, "problem", None)  # kiosk.app.local_staff (not imported: startup)
    if isinstance(error, KioskError) and isinstance(problem, str):
        return staff_problem_text(problem, int(getattr(error, "seconds", 0)))
    if isinstance(error, Refusal):
        return refusal_text(error.reason)
    if isinstance(error, LoginFailed):
        return QCoreApplication.translate("Texts", "Wrong email or password.")
    if isinstance(error, AccessDenied):
        return QCoreApplication.translate("Texts", "This account has no access to that shop.")
    if isinstance(error, SessionExpired):
        return QCoreApplication.translate("Texts", "The session has ended. Please sign in again.")
    if isinstance(error, AuthError):
        return QCoreApplication.translate("Texts", "Signing in failed. Please sign in again.")
    if isinstance(error, RateLimited):
        return QCoreApplication.translate("Texts", "The server is busy. Try again in a moment.")
    if isinstance(error, TransportError):
        return QCoreApplication.translate(
            "Texts", "Cannot reach the server. Check the address and the network.")
    if isinstance(error, InvalidRequest):
        return QCoreApplication.translate("Texts", "The server did not accept the request.")
    if isinstance(error, StorageError):
        if error.full:
            return QCoreApplication.translate(
                "Texts", "Storage full — nothing was redeemed. Call a manager.")
        return QCoreApplication.translate(
            "Texts", "The till could not save this redemption — nothing was redeemed. "
            "Call a manager.")
    return QCoreApplication.translate("Texts", "Something went wrong: %1").replace(
        "%1", str(error) or type(error).__name__)


def entry_state_text(state: EntryState) -> str:
    """An outbox entry's state for the queue screen."""
    texts = {
        EntryState.PENDING: QCoreApplication.translate("Texts", "Waiting to send"),
        EntryState.SENDING: QCoreApplication.translate("Texts", "Sending"),
        EntryState.APPLIED: QCoreApplication.translate("Texts", "Redeemed"),
        EntryState.REJECTED: QCoreApplication.translate("Texts", "Conflict"),
        EntryState.WRITTEN_OFF: QCoreApplication.translate("Texts", "Written off"),
        EntryState.REVERSING: QCoreApplication.translate("Texts", "Undo not confirmed"),
        EntryState.REVERSED: QCoreApplication.translate("Texts", "Undone"),
    }
    return texts[state]


def _local(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.systemTimeZone())


def day(when: datetime | None) -> str:
    """A date in the current language, e.g. "3 Mar 2025" / "3. März 2025"."""
    if when is None:
        return ""
    return QLocale().toString(_local(when).date(), "d MMM yyyy")


def clock(when: datetime) -> str:
    """A local time of day, HH:MM."""
    return _local(when).time().toString("HH:mm")


def stamp(when: datetime) -> str:
    """A local date and time for lists."""
    return f"{day(when)} {clock(when)}"
