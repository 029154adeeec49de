"""``kiosk login``: headless sign-in that stores the session like the GUI does."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``login`` sub-command."""
    parser = subparsers.add_parser(
        "login", parents=[parent], help="sign in to the voucher server",
        description="Sign in and keep the session for the kiosk, the CLI and the GUI.",
    )
    parser.add_argument("--backend", choices=BACKENDS, default="vouchercart",
                        help="the voucher platform (default: vouchercart)")
    parser.add_argument("--server", required=True, metavar="URL",
                        help="API base URL as the platform documents it, e.g. "
                             "https://api.vouchercart.com/v1 (Vauchar: https://api.vauchar.com)")
    parser.add_argument("--email", help="staff e-mail (VoucherCart login)")
    parser.add_argument("--api-key", metavar="KEY",
                        help="the shop's API key (Vouchers API); or $KIOSK_API_KEY")
    parser.add_argument("--username", metavar="USER",
                        help="merchant id (Vauchar) or API key (ShopWired); the password is "
                             "the API key (Vauchar) or secret (ShopWired)")
    parser.add_argument("--currency", default="GBP", metavar="CODE",
                        help="the shop's currency (ShopWired's amounts carry none; default GBP)")
    parser.add_argument("--password", help="password; WARNING: visible to every user of this "
                        "machine (ps, shell history): prefer the prompt, --password-file or "
                        "$KIOSK_PASSWORD")
    parser.add_argument("--password-file", metavar="FILE", type=Path,
                        help="read the password from the first line of FILE")
    parser.add_argument("--domain", metavar="NAME_OR_ID",
                        help="shop (sales page) name or id; optional if the account has one")
    parser.set_defaults(func=run)


BACKENDS = ("vouchercart", "vouchers-api", "vauchar", "shopwired")


def run(args: argparse.Namespace) -> int:
    """Sign in; one line on stdout on success, one line on stderr and exit 1 on failure."""
    from kiosk.app.signin import sign_in  # noqa: PLC0415 - keep `kiosk --help` fast
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    try:
        domain = _keep_shop_with_unsent(args.server, args.domain, args.backend)
    except KioskError as exc:
        print(f"kiosk login: {exc.message}", file=sys.stderr)
        return 1
    if args.backend != "vouchercart":
        return _platform_login(args)
    if not args.email:
        print("kiosk login: --email is required to sign in to VoucherCart", file=sys.stderr)
        return 1
    try:
        password = _password(args)
    except OSError as exc:
        print(f"kiosk login: cannot read the password file: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        account = sign_in(args.server, args.email, password, domain)
    except KioskError as exc:
        print(f"kiosk login: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kiosk login: cannot save the session: {exc}", file=sys.stderr)
        return 1
    print(f"Signed in as {account.staff_name} on {account.domain_name}")
    return 0


def _platform_login(args: argparse.Namespace) -> int:
    """Vouchers API, Vauchar, ShopWired: the shop's credentials; staff from --staff."""
    from kiosk.app.signin import sign_in_platform  # noqa: PLC0415
    from kiosk.cli import staff_of  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    credentials: dict[str, str] = {}
    if args.backend == "vouchers-api":
        key = args.api_key or os.environ.get("KIOSK_API_KEY", "")
        if not key:
            print("kiosk login: --api-key is required for vouchers-api", file=sys.stderr)
            return 1
        credentials["api_key"] = key
    else:
        if not args.username:
            print(f"kiosk login: --username is required for {args.backend}", file=sys.stderr)
            return 1
        try:
            credentials = {"username": args.username, "password": _password(args)}
        except OSError as exc:
            print(f"kiosk login: cannot read the password file: {exc.strerror}",
                  file=sys.stderr)
            return 1
    staff = staff_of(args) or getpass.getuser()
    try:
        account = sign_in_platform(args.backend, args.server, credentials, staff=staff,
                                   currency=args.currency)
    except KioskError as exc:
        print(f"kiosk login: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kiosk login: cannot save the sign-in: {exc}", file=sys.stderr)
        return 1
    print(f"Signed in to {args.backend} shop {account.shop} as {account.staff_name}")
    return 0


def _password(args: argparse.Namespace) -> str:
    """--password, else --password-file, else $KIOSK_PASSWORD, else a prompt."""
    if args.password is not None:
        return str(args.password)
    if args.password_file is not None:
        lines = Path(args.password_file).read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    return os.environ.get("KIOSK_PASSWORD") or getpass.getpass("Password: ")


def _keep_shop_with_unsent(server: str, domain: str | None,
                           backend: str = "vouchercart") -> str | None:
    """The shop to sign in to; raises when redemptions of the current shop are still unsent
    and ``server``/``domain`` name another one (they would never be sent)."""
    from kiosk import paths  # noqa: PLC0415
    from kiosk.app.engine import Engine  # noqa: PLC0415
    from kiosk.app.signin import current_account  # noqa: PLC0415
    from kiosk.domain.errors import InvalidRequest, StorageError  # noqa: PLC0415
    from kiosk.store.database import Store  # noqa: PLC0415
    from kiosk.store.outbox import Outbox  # noqa: PLC0415

    try:
        account = current_account()
    except StorageError as exc:
        # Which shop the queue belongs to is still in the outbox: only that one may sign in.
        store = Store.open(paths.data_dir())
        try:
            shops = {e.domain for e in Outbox(store).open_entries()}
        finally:
            store.close()
        if shops and (len(shops) > 1 or domain not in shops):
            raise InvalidRequest(
                f"{exc.message} Redemptions of shop id {', '.join(sorted(shops))} are not sent "
                f"yet: sign in to that shop (--domain {sorted(shops)[0]}).") from exc
        return domain
    if account is None:
        return domain
    engine = Engine.open()
    try:
        unsent = len(engine.outbox.open_entries())
    finally:
        engine.close()
    if not unsent:
        return domain
    same_server = server.rstrip("/") == account.server_url.rstrip("/") \
        and backend == account.backend
    same_shop = domain is None or domain in (account.domain_name, str(account.domain_id))
    if not (same_server and same_shop):
        raise InvalidRequest(
            f"{unsent} redemption(s) of {account.domain_name} are not sent yet: "
            "run `kiosk queue sync` before signing in to another shop or server.")
    return account.domain_name
