"""Signing staff in and out (Qt-free): the saved account, its session tokens, its backend.

``account.json`` in the data directory says who is signed in where; the tokens live in the
secret store (OS keyring or a 0600 file, ``kiosk.store.secrets``). A salted scrypt check of
the password is kept there too, so the lock screen can still be opened while offline.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk import paths
from kiosk.backends import registry
from kiosk.backends.http import check_base_url
from kiosk.backends.vouchercart import (
    Domain,
    Session,
    Tokens,
    VoucherCartBackend,
    VoucherCartClient,
)
from kiosk.domain.backend import VoucherBackend
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    LoginFailed,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.verifier import check_verifier, make_verifier
from kiosk.store.private import write_private
from kiosk.store.secrets import SecretStore, open_secrets

__all__ = [
    "Account",
    "Domain",
    "current_account",
    "list_domains",
    "open_backend",
    "open_platform",
    "set_password_check",
    "sign_in",
    "sign_in_platform",
    "sign_out",
    "verify_password",
]

log = logging.getLogger(__name__)

ACCOUNT_FILE = "account.json"
TOKENS_SECRET = "session"  # noqa: S105 - the entry's name, not a secret
CREDENTIALS_SECRET = "platform-credentials"  # noqa: S105 - the entry's name
VERIFY_TIMEOUT = 5.0  # seconds: the lock screen must not hang on a slow server


@dataclass(frozen=True, slots=True)
class Account:
    """Who is signed in on this kiosk, on which server and shop."""

    server_url: str
    email: str
    staff_name: str
    user_id: int
    domain_id: int
    domain_name: str
    backend: str = "vouchercart"
    shop_id: str = ""  # opaque; VoucherCart: the domain id, else the platform's shop/key id
    currency: str = "GBP"  # the shop's currency (ShopWired's amounts carry none)

    @property
    def shop(self) -> str:
        """The opaque shop id the outbox and cache are scoped to."""
        return self.shop_id or str(self.domain_id)

    def display_name(self, chosen: str = "") -> str:
        """What the till calls its shop on screen, receipts and reports: ``chosen`` (the
        shop name set in Settings) if any; else the shop's name on the server (VoucherCart's
        domain, Vauchar's merchant), or, where the platform knows a shop only by its key
        (Vouchers API, ShopWired), the platform's name."""
        if chosen.strip():
            return chosen.strip()
        info = registry.PLATFORMS.get(self.backend)
        return info.title if info is not None and info.shop_named_by_key else self.domain_name

    @property
    def platform_title(self) -> str:
        """The platform's name: "VoucherCart", "Vouchers API", …"""
        info = registry.PLATFORMS.get(self.backend)
        return info.title if info is not None else self.backend


class SecretTokens:
    """A session's ``TokenStore`` kept in the kiosk's secret store."""

    def __init__(self, store: SecretStore, name: str = TOKENS_SECRET) -> None:
        self._store = store
        self._name = name

    def load(self) -> Tokens | None:
        """The saved tokens, or None."""
        raw = self._store.get(self._name)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return Tokens(str(data["access"]), str(data["refresh"]), str(data.get("id", "")))
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, tokens: Tokens) -> None:
        """Persist ``tokens`` (durable on return)."""
        self._store.set(self._name, json.dumps({
            "access": tokens.access_token, "refresh": tokens.refresh_token,
            "id": tokens.identified_by}))

    def clear(self) -> None:
        """Forget the tokens."""
        self._store.delete(self._name)


def _home(home: Path | None) -> Path:
    return home if home is not None else paths.data_dir()


def list_domains(server_url: str, email: str) -> list[Domain]:
    """The shops ``email`` can sign in to (no password needed)."""
    with VoucherCartClient(server_url) as client:
        return client.user_domains(email.strip())


def _pick_domain(domains: list[Domain], wanted: str | int | None, email: str) -> Domain:
    names = ", ".join(d.name for d in domains) or "none"
    if wanted is None or (isinstance(wanted, str) and not wanted.strip()):
        if len(domains) == 1:
            return domains[0]
        raise InvalidRequest(f"Choose a shop for {email}: {names}.")
    text = str(wanted).strip()
    for domain in domains:
        if (text.isdigit() and domain.id == int(text)) or domain.name.lower() == text.lower():
            return domain
    raise AccessDenied(f"{email} cannot sign in to shop {text!r}. Shops for this account: {names}.")


def sign_in(
    server_url: str,
    email: str,
    password: str,
    domain: str | int | None,
    *,
    home: Path | None = None,
    password_check: bool = True,
) -> Account:
    """Sign in on ``domain`` (its name or id; None when the account has exactly one shop).

    Stores the session's tokens and the account, replacing any previous sign-in, and the
    offline password check; with ``password_check=False`` the caller keeps that later with
    ``set_password_check`` (a slow hash the scan screen need not wait for), and until then
    an earlier check of this email no longer opens the lock screen offline.
    Raises ``LoginFailed``, ``AccessDenied``, ``TransportError`` or ``InvalidRequest``.
    """
    folder = _home(home)
    email = email.strip()
    with VoucherCartClient(server_url) as client:
        chosen = _pick_domain(client.user_domains(email), domain, email)
        auth = client.authorize(email, password, chosen.name)
        account = Account(
            server_url=client.base_url,
            email=auth.profile.email or email,
            staff_name=auth.profile.full_name or email,
            user_id=auth.profile.id,
            domain_id=chosen.id,
            domain_name=chosen.name,
        )
    store = open_secrets(folder)
    SecretTokens(store).save(auth.tokens)  # tokens first: account.json never points to nothing
    if password_check:
        store.set(_verifier_name(account.email), make_verifier(password))
    else:
        store.delete(_verifier_name(account.email))
    _write_account(folder / ACCOUNT_FILE, account)
    log.info("signed in as user %s on domain %s", account.user_id, account.domain_id)
    return account


def current_account(*, home: Path | None = None) -> Account | None:
    """The signed-in account, or None when nobody is signed in.

    A file that cannot be read or is damaged raises ``StorageError``: treating the till as
    signed out would let another shop sign in over this shop's unsent redemptions.
    """
    path = _home(home) / ACCOUNT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Account(**data)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"Cannot read the till's sign-in record {path} "
                           f"({exc.strerror}).") from exc
    except (ValueError, TypeError) as exc:
        raise StorageError(f"The till's sign-in record {path} is damaged. Sign in again with "
                           "`kiosk login` (to the same shop while redemptions are queued).") \
            from exc


def sign_in_platform(
    backend: str,
    server_url: str,
    credentials: Mapping[str, str],
    *,
    staff: str,
    currency: str = "GBP",
    home: Path | None = None,
) -> Account:
    """Sign a till in to a key-based platform (Vouchers API, Vauchar, ShopWired): one request
    with the shop's credentials proves them; they are kept in the secret store. ``staff`` is
    who works the till (these platforms know shops, not people).
    """
    info = registry.platform(backend)
    if info.capabilities.staff_sign_in:
        raise InvalidRequest(f"{info.title} signs staff in with e-mail and password.")
    folder = _home(home)
    shop = info.check(server_url, credentials, currency=currency)
    account = Account(
        server_url=str(check_base_url(server_url)), email=credentials.get("username", ""),
        staff_name=staff.strip() or "staff", user_id=0, domain_id=0, domain_name=shop,
        backend=info.name, shop_id=shop, currency=currency.upper())
    open_secrets(folder).set(CREDENTIALS_SECRET, json.dumps(dict(credentials)))
    _write_account(folder / ACCOUNT_FILE, account)
    log.info("signed in to %s shop %s", info.name, shop)
    return account


def open_platform(account: Account, *, home: Path | None = None,
                  timeout: float | None = None) -> VoucherBackend:
    """The backend of a key-based platform's ``account``, with its saved credentials."""
    info = registry.platform(account.backend)
    raw = open_secrets(_home(home)).get(CREDENTIALS_SECRET)
    try:
        credentials = json.loads(raw or "")
    except ValueError:
        credentials = None
    if not isinstance(credentials, dict):
        raise SessionExpired("This till's shop credentials are gone: sign in again.")
    return info.open(
        account.server_url, {str(k): str(v) for k, v in credentials.items()},
        currency=account.currency, timeout=timeout)


def sign_out(*, home: Path | None = None) -> None:
    """Forget the signed-in account and its session."""
    folder = _home(home)
    account = current_account(home=folder)
    store = open_secrets(folder)
    SecretTokens(store).clear()
    store.delete(CREDENTIALS_SECRET)
    if account is not None:
        store.delete(_verifier_name(account.email))
    with contextlib.suppress(FileNotFoundError):
        (folder / ACCOUNT_FILE).unlink()


def open_backend(
    account: Account, *, home: Path | None = None, timeout: float | None = None
) -> VoucherBackend:
    """The backend for ``account``, using (and refreshing) its saved session.

    ``timeout``: seconds to wait for an answer (default 10; connecting gives up after 3).
    """
    if account.backend != "vouchercart":
        return open_platform(account, home=home, timeout=timeout)
    client = VoucherCartClient(account.server_url, timeout=timeout)
    session = Session(client, SecretTokens(open_secrets(_home(home))))
    return VoucherCartBackend(client, session, account.domain_id)


def verify_password(account: Account, password: str, *, home: Path | None = None) -> bool:
    """Whether ``password`` is ``account``'s, asking the server (re-authorizing).

    Offline, falls back to the check saved at the last successful sign-in. Raises
    ``AccessDenied`` if the password is right but the account lost this shop. A key-based
    platform's account has no person's password (False, nothing is sent: its staff open the
    till with their local PINs, ``kiosk.app.local_staff``).
    """
    if registry.platform(account.backend).opener is not None:
        return False
    store = open_secrets(_home(home))
    name = _verifier_name(account.email)
    try:
        with VoucherCartClient(account.server_url, timeout=VERIFY_TIMEOUT) as client:
            client.authorize(account.email, password, account.domain_name)
    except LoginFailed:
        return False
    except TransportError:
        saved = store.get(name)
        return saved is not None and check_verifier(saved, password)
    store.set(name, make_verifier(password))
    return True


def set_password_check(email: str, password: str | None, *, home: Path | None = None) -> None:
    """Keep the offline password check of ``email`` in step after an administrator changed
    the password (``password``) or took the account off this shop (None: no offline unlock)."""
    store = open_secrets(_home(home))
    if password is None:
        store.delete(_verifier_name(email))
    else:
        store.set(_verifier_name(email), make_verifier(password))


def _verifier_name(email: str) -> str:
    return f"password-check|{email.strip().lower()}"


def _write_account(path: Path, account: Account) -> None:
    paths.make_private_dir(path.parent)
    write_private(path, json.dumps(asdict(account), indent=2))
