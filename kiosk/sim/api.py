"""The VoucherCart API under ``/v1``: sign-in, domains, voucher status and redemption."""

from __future__ import annotations

from typing import Any

from kiosk.sim import roles
from kiosk.sim.clock import parse_redeem_date
from kiosk.sim.context import Context, basic_credentials
from kiosk.sim.errors import ApiError, invalid, missing
from kiosk.sim.passwords import verify_password
from kiosk.sim.protocol import Request, Response
from kiosk.sim.tokens import access_hash, new_refresh_token
from kiosk.sim.vouchers import present, redeem


def _domain_id(raw: str | None) -> int:
    try:
        return int(str(raw).strip())
    except ValueError as exc:
        raise invalid("domain", "The domain must be an integer id.") from exc


def _start_session(ctx: Context, user_id: int, jti: str | None = None) -> dict[str, str]:
    access, jti = ctx.tokens.issue(user_id, ctx.clock.now(), jti)
    refresh = new_refresh_token()
    ctx.store.add_refresh_token(refresh, jti, user_id, access_hash(access))
    return {"accessToken": access, "identifiedBy": jti, "refreshToken": refresh}


def authorize(ctx: Context, request: Request) -> Response:
    """``POST /v1/authorize``: Basic e-mail:password plus form ``subdomain``."""
    email, password = basic_credentials(request)
    user = ctx.store.user_by_email(email)
    if user is None or not verify_password(password, user["passwordHash"]):
        raise ApiError(1001)
    subdomain = request.form().get("subdomain", "").strip()
    if not subdomain:
        raise missing("subdomain")
    domain = ctx.store.domain_by_name(subdomain)
    if domain is None:
        raise invalid("subdomain", "We do not recognize given subdomain.")
    if not roles.has_access(user, domain["id"]):
        raise ApiError(1003)
    session = _start_session(ctx, user["id"])
    return Response.json(200, {
        "accessToken": session["accessToken"],
        "identifiedBy": session["identifiedBy"],
        "profile": {"email": user["email"], "fullName": user["fullName"], "id": user["id"],
                    "locale": user["locale"]},
        "refreshToken": session["refreshToken"],
        "status": "authenticated",
    })


def refresh(ctx: Context, request: Request) -> Response:
    """``PUT /v1/refresh``: swap a (possibly expired) access token and its refresh token."""
    form = request.form()
    absent = [k for k in ("accessToken", "refreshToken") if not form.get(k, "").strip()]
    if absent:
        raise missing(*absent)
    access, refresh_token = form["accessToken"].strip(), form["refreshToken"].strip()
    claims = ctx.tokens.decode(access)  # signature must hold; expiry does not matter here
    stored = ctx.store.take_refresh_token(refresh_token)
    if (stored is None or stored["access_hash"] != access_hash(access)
            or stored["jti"] != claims["jti"]):
        raise ApiError(1001, {"refreshToken": ["Unknown or already used refresh token."]})
    if ctx.store.user_by_id(stored["user_id"]) is None:
        raise ApiError(1001)
    session = _start_session(ctx, stored["user_id"], stored["jti"])
    return Response.json(200, {**session, "status": "refreshed"})


def _public_domains(ctx: Context, user: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in ctx.store.domains() if roles.has_access(user, d["id"])]


def user_domains(ctx: Context, request: Request) -> Response:
    """``GET /v1/user-domains?email=``: where this e-mail may sign in (no auth)."""
    email = request.query.get("email", "").strip()
    if not email:
        raise invalid("email", "This value should not be blank.")
    user = ctx.store.user_by_email(email)
    if user is None:
        raise invalid("email", "We do not recognize given email address.")
    return Response.json(200, {"status": "success", "domains": _public_domains(ctx, user)})


def domains(ctx: Context, request: Request) -> Response:
    """``GET /v1/domains``: the signed-in user's domains."""
    user = ctx.current_user(request)
    return Response.json(200, {"status": "success", "domains": _public_domains(ctx, user)})


def _voucher_for(ctx: Context, request: Request, params: dict[str, str]) -> dict[str, Any]:
    user = ctx.current_user(request)
    absent = [k for k in ("code", "domain") if not params.get(k, "").strip()]
    if absent:
        raise missing(*absent)
    domain_id = _domain_id(params["domain"])
    if not roles.can(user, roles.REDEEM, domain_id):
        raise ApiError(1003)
    voucher = ctx.store.voucher(params["code"])
    if voucher is None or domain_id not in voucher["redeemableOn"]:
        raise ApiError(1010)
    return voucher


def status(ctx: Context, request: Request) -> Response:
    """``GET /v1/status?code=&domain=``."""
    return Response.json(200, present(_voucher_for(ctx, request, request.query)))


def redeem_voucher(ctx: Context, request: Request) -> Response:
    """``POST /v1/redeem``: form ``code``, ``domain``, optional ``reductor``, ``redeemDate``."""
    form = request.form()
    voucher = _voucher_for(ctx, request, form)
    raw_date = form.get("redeemDate", "").strip()
    if raw_date:
        try:
            at = parse_redeem_date(raw_date)
        except ValueError as exc:
            raise invalid("redeemDate", "Format: YYYY-MM-DD HH:MM.") from exc
    else:
        at = ctx.clock.now()
    updated = redeem(voucher, form.get("reductor"), at, dated=bool(raw_date))
    ctx.store.put_voucher(updated)
    return Response.json(200, present(updated))
