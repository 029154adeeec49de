"""Staff accounts of this shop through VoucherCart's users API (Qt-free).

A manager opens a **separate administrator session** (their e-mail and password): its tokens
live in memory only and are forgotten on ``close()``; the till's own sign-in is untouched
and nothing of the administrator is saved on the till.

The seed's users API is global (one user, a role per domain), so:

* "remove from this shop" is ``PUT`` with roleId 0 for this shop and every other domain's
  role kept (``DELETE`` would remove the person from every shop);
* every ``PUT``/``POST`` lists a permission for every domain (the server answers 500
  otherwise): the domains the administrator sees and every domain a user has a role on;
* a password is reset with ``PATCH /users/{id}/password`` (``password`` + ``password2``;
  the seed has no old-password field). Only administrators may do it — staff cannot change
  their own password from the till (docs/api-decisions.md). When the reset account is the
  till's signed-in one, the till's offline password check is updated with it.

Every failure is a :class:`StaffError` in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.app.signin import Account, set_password_check
from kiosk.backends.vouchercart import VoucherCartClient
from kiosk.backends.vouchercart.models import (
    ROLE_ADMIN,
    ROLE_CUSTOM,
    ROLE_NONE,
    ROLE_STAFF,
    Permission,
    User,
)
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    KioskError,
    LoginFailed,
    RateLimited,
    ServerUnavailable,
    SessionExpired,
    TransportError,
)

ROLE_NAMES = {ROLE_NONE: "no access", ROLE_ADMIN: "administrator", ROLE_STAFF: "staff",
              ROLE_CUSTOM: "custom"}
REDEEM = "redeem.voucher"
MANAGE_USERS = "manage.users"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_GENERIC_PREFIXES = ("The server did not accept the request.", "Not found on the server.")


class StaffError(KioskError):
    """A staff-account action failed; ``message`` says why in plain words."""


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A person with access to this shop."""

    id: int
    full_name: str
    email: str
    phone: str
    role: int  # on this shop
    custom: tuple[str, ...]  # custom permissions on this shop (role 3)
    other_shops: int  # domains elsewhere this person has a role on

    @property
    def role_name(self) -> str:
        """The role on this shop in words."""
        if self.role == ROLE_CUSTOM:
            return "custom: " + (", ".join(self.custom) or "nothing")
        return ROLE_NAMES.get(self.role, f"role {self.role}")


def password_problem(password: str, confirm: str | None = None) -> str | None:
    """Why ``password`` would be refused (the simulator's documented rules), or None."""
    if confirm is not None and password != confirm:
        return "The two passwords do not match."
    if len(password) < 6 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d",
                                                                                   password):
        return "A password needs at least 6 characters, with a letter and a digit."
    return None


def _plain(exc: KioskError, doing: str) -> StaffError:
    """``exc`` from the users API as staff would say it."""
    if isinstance(exc, StaffError):
        return exc
    if isinstance(exc, LoginFailed):
        return StaffError("Wrong administrator e-mail or password.")
    if isinstance(exc, AccessDenied):
        return StaffError("This account may not manage staff on this shop: an administrator "
                          "of the shop must sign in here.")
    if isinstance(exc, SessionExpired):
        return StaffError("The administrator session has ended. Please sign in again.")
    if isinstance(exc, ServerUnavailable | RateLimited):
        return StaffError(f"The server had a problem, so {doing} did not happen "
                          f"({exc.message.rstrip('.')}). Try again in a moment.")
    if isinstance(exc, TransportError):
        return StaffError(f"The server cannot be reached, so {doing} did not happen. Staff "
                          "accounts need the server; try again when it is back.")
    if isinstance(exc, InvalidRequest) and exc.code == 1004:
        return StaffError("This staff member no longer exists on the server. "
                          "Refresh the list.")
    detail = exc.message
    for prefix in _GENERIC_PREFIXES:
        detail = detail.removeprefix(prefix).strip()
    return StaffError(f"Not saved: {detail or 'the server refused it'}" + (
        "" if detail.endswith(".") else "."))


class StaffManager:
    """Staff of the till's shop, managed in an administrator's own, unsaved session."""

    def __init__(self, client: VoucherCartClient, token: str, till: Account, admin_id: int,
                 *, home: Path | None = None) -> None:
        self._client = client
        self._token: str | None = token
        self.till = till
        self.admin_id = admin_id
        self._home = home
        self._users: list[User] = []

    @classmethod
    def open(cls, till: Account, email: str, password: str, *,
             home: Path | None = None, timeout: float | None = None) -> StaffManager:
        """Sign the administrator in on the till's shop (memory only) and load the staff."""
        if till.backend != "vouchercart":
            raise StaffError("This voucher platform has no staff-accounts API: manage staff "
                             "in its own back office.")
        if not email.strip() or not password:
            raise StaffError("Enter an administrator's e-mail and password.")
        client = VoucherCartClient(till.server_url, timeout=timeout)
        try:
            auth = client.authorize(email.strip(), password, till.domain_name)
            manager = cls(client, auth.tokens.access_token, till, auth.profile.id, home=home)
            manager.refresh()
        except KioskError as exc:
            client.close()
            raise _plain(exc, "signing in") from exc
        return manager

    def close(self) -> None:
        """Forget the administrator's session."""
        self._token = None
        self._client.close()

    def _call_token(self) -> str:
        if self._token is None:
            raise StaffError("The administrator session is closed.")
        return self._token

    # --- reading ---------------------------------------------------------------------

    def refresh(self) -> list[StaffMember]:
        """Load every user again; returns this shop's staff."""
        try:
            self._users = self._client.list_users(self._call_token())
        except KioskError as exc:
            raise _plain(exc, "loading the staff list") from exc
        return self.members()

    def members(self) -> list[StaffMember]:
        """People with a role on this shop, by name."""
        shop = self.till.domain_id
        found = []
        for user in self._users:
            mine = next((p for p in user.permissions if p.domain_id == shop), None)
            if mine is None or mine.role_id == ROLE_NONE:
                continue
            others = sum(p.role_id != ROLE_NONE for p in user.permissions if p.domain_id != shop)
            found.append(StaffMember(user.id, user.full_name, user.email, user.phone,
                                     mine.role_id, mine.custom, others))
        return sorted(found, key=lambda m: m.full_name.lower())

    def _user(self, user_id: int) -> User:
        for user in self._users:
            if user.id == user_id:
                return user
        raise StaffError("This staff member no longer exists on the server. Refresh the list.")

    def _domains(self) -> set[int]:
        """Every domain a permission list must cover (raises the API's errors)."""
        ids = {p.domain_id for user in self._users for p in user.permissions}
        ids |= {d.id for d in self._client.domains(self._call_token())}
        return ids | {self.till.domain_id}

    def _permissions(self, current: tuple[Permission, ...], role: int) -> list[Permission]:
        shop = self.till.domain_id
        custom = (REDEEM,) if role == ROLE_CUSTOM else ()
        kept = {p.domain_id: p for p in current if p.domain_id != shop}
        merged = [kept.get(d, Permission(d, ROLE_NONE)) for d in sorted(self._domains())
                  if d != shop]
        return [*merged, Permission(shop, role, custom)]

    def _check_details(self, full_name: str, email: str, user_id: int | None) -> None:
        if not full_name.strip():
            raise StaffError("Enter the person's name.")
        if not _EMAIL.match(email.strip()):
            raise StaffError(f"{email.strip() or 'The e-mail'} is not an e-mail address.")
        for user in self._users:
            if user.email.lower() == email.strip().lower() and user.id != user_id:
                raise StaffError(f"{email.strip()} is already used by {user.full_name}. "
                                 "Each person needs their own e-mail address.")

    # --- changes ---------------------------------------------------------------------

    def add(self, full_name: str, email: str, password: str, *, role: int = ROLE_STAFF,
            confirm: str | None = None) -> int:
        """Create a staff member with ``role`` on this shop (no access elsewhere)."""
        self._check_details(full_name, email, None)
        if problem := password_problem(password, confirm):
            raise StaffError(problem)
        if role not in (ROLE_ADMIN, ROLE_STAFF, ROLE_CUSTOM):
            raise StaffError("Choose a role for this shop.")
        try:
            user_id = self._client.create_user(
                self._call_token(), email=email.strip(), password=password,
                full_name=full_name.strip(), permissions=self._permissions((), role))
        except KioskError as exc:
            raise _plain(exc, "adding the staff member") from exc
        self.refresh()
        return user_id

    def edit(self, user_id: int, *, full_name: str, email: str, role: int,
             phone: str | None = None) -> None:
        """Change name, e-mail and role on this shop (other shops' roles are kept)."""
        user = self._user(user_id)
        self._check_details(full_name, email, user_id)
        if user_id == self.admin_id and role != ROLE_ADMIN:
            raise StaffError("You cannot take away your own administrator role here.")
        self._put(user, full_name.strip(), email.strip(), role,
                  user.phone if phone is None else phone, doing="saving the changes")

    def remove(self, user_id: int) -> None:
        """Take away this shop from the person (roleId 0 here; other shops are kept)."""
        user = self._user(user_id)
        if user_id == self.admin_id:
            raise StaffError("You cannot remove yourself from this shop.")
        self._put(user, user.full_name, user.email, ROLE_NONE, user.phone, doing="removing")
        if user.email.lower() == self.till.email.lower():
            set_password_check(user.email, None, home=self._home)  # no offline unlock either

    def _put(self, user: User, full_name: str, email: str, role: int, phone: str, *,
             doing: str) -> None:
        try:
            self._client.update_user(
                self._call_token(), user.id, email=email, full_name=full_name,
                permissions=self._permissions(user.permissions, role), phone=phone)
        except KioskError as exc:
            raise _plain(exc, doing) from exc
        self.refresh()

    def reset_password(self, user_id: int, password: str, confirm: str) -> None:
        """Set a new password; the till's offline check follows when it is the till's user."""
        user = self._user(user_id)
        if problem := password_problem(password, confirm):
            raise StaffError(problem)
        try:
            self._client.change_password(self._call_token(), user_id, password)
        except KioskError as exc:
            raise _plain(exc, "resetting the password") from exc
        if user.email.lower() == self.till.email.lower():
            set_password_check(user.email, password, home=self._home)
