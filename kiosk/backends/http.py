"""HTTP plumbing every backend shares: safe base URLs, timeouts, transport-error mapping.

Kept apart from any one API so the next adapters (Vouchers API, Vauchar, ShopWired) reuse it.
"""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from kiosk.domain.errors import InvalidRequest, TransportError

CONNECT_TIMEOUT = 3.0  # seconds to open a connection
READ_TIMEOUT = 10.0  # seconds to wait for an answer
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def default_timeout(read: float = READ_TIMEOUT, connect: float = CONNECT_TIMEOUT) -> httpx.Timeout:
    """The kiosk's timeouts: fail fast on connect, give the server a little longer to answer."""
    return httpx.Timeout(read, connect=connect)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> httpx.URL:
    """The API base URL, refused unless it is https (or plain http to this machine).

    Passwords and tokens travel on every request, so plain http to another host is never
    acceptable. The result has no trailing slash.
    """
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidRequest(f"Not a valid server address: {url!r}.") from exc
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise InvalidRequest(
            f"Not a valid server address: {url!r}. Use https://host/path, for example "
            "https://api.vouchercart.com/v1."
        )
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise InvalidRequest(
            f"Refusing to use plain http:// to {parsed.host}: it would send passwords "
            "unencrypted. Use https://."
        )
    return parsed.copy_with(path=parsed.path.rstrip("/"))


def transport_error(exc: httpx.TransportError, method: str) -> TransportError:
    """Map an httpx transport failure to ours.

    ``maybe_applied`` is True only for a write whose body may have reached the server: the
    connection broke or timed out after the request started going out. A failure to connect
    (refused, DNS, TLS handshake, connect timeout, no free connection) sent nothing.
    """
    write = method.upper() in WRITE_METHODS
    host = exc.request.url.host if _has_request(exc) else "the server"
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return TransportError(f"The server at {host} did not answer (connection timed out).")
    if isinstance(exc, httpx.ConnectError):
        detail = "certificate not trusted" if "CERTIFICATE" in str(exc).upper() else "no connection"
        return TransportError(f"Cannot reach the server at {host} ({detail}).")
    if isinstance(exc, httpx.TimeoutException):
        return TransportError(
            f"The server at {host} did not answer in time.", maybe_applied=write
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return TransportError(f"Unsupported server address: {exc}.")
    return TransportError(f"The connection to {host} was lost.", maybe_applied=write)


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - raises RuntimeError when httpx has no request attached
    except RuntimeError:
        return False
    return True


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    try:
        return max(float(text), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - (now or datetime.now(UTC))).total_seconds(), 0.0)
