"""HTTP plumbing every backend shares: safe base URLs, deadlines, answer rules, clock offset.

Kept apart from any one API so every adapter (VoucherCart, Vouchers API, Vauchar, ShopWired)
inherits the same money-safety rules:

* **Deadline.** Every request has an overall deadline (``DEADLINE`` seconds from the first
  byte sent to the last byte read), enforced on every socket read and write, so a server that
  trickles a byte every few seconds cannot hang the till.
* **Size cap.** An answer longer than ``MAX_ANSWER_BYTES`` is abandoned.
* **Answer rules** (``failed_answer``): only an error body that the adapter recognises as the
  API's own (``ApiErrors``) is final. Everything else is transient, and on a write *uncertain*
  (``maybe_applied``: reconcile before re-sending): every 5xx, whatever its body; every
  3xx/4xx that is not the API's own error (a proxy's page, a maintenance redirect, a JSON body
  with a code the API does not have); a 2xx that cannot be read; a timeout or broken
  connection after sending; an answer over the size cap or past the deadline. A 429 is a
  refusal to process (rate limit) and is transient but not uncertain.
* **Clock.** Every answer's ``Date`` header is recorded (``ServerClock``): the engine stamps
  redemptions with the till's time corrected by the last measured offset.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpcore
import httpx

from kiosk.domain.errors import (
    InvalidRequest,
    KioskError,
    RateLimited,
    ServerUnavailable,
    TransportError,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 3.0  # seconds to open a connection
READ_TIMEOUT = 10.0  # seconds to wait for the next bytes of an answer
DEADLINE = 20.0  # seconds for a whole request, however the server dribbles its answer
MAX_ANSWER_BYTES = 8 << 20  # a voucher with thousands of history lines is well under 1 MiB
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# The monotonic instant the current request must be over by (set around each request).
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "kiosk_http_deadline", default=None)


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
    acceptable; credentials in the URL (``user:pass@host``) are refused too, since the URL is
    stored and shown. The result has no trailing slash.
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
    if parsed.userinfo:
        raise InvalidRequest(
            "The server address must not contain a user name or password "
            "(user:password@host); give them as sign-in details instead.")
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


# --- the overall deadline, enforced on every socket operation -------------------------------


def _remaining(timeout: float | None) -> float | None:
    """``timeout`` shortened to what is left of the current request's deadline."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname,
                                                      _remaining(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_tcp(
            host, port, _remaining(timeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_unix_socket(
            path, _remaining(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


_SSL_LOCK = threading.Lock()
_SSL_CONTEXTS: dict[bool | str, ssl.SSLContext] = {}


def ssl_context(verify: bool | str = True) -> ssl.SSLContext | bool:
    """The TLS context for ``verify`` (True: the CA bundle; a path: that bundle), built once
    per process and shared by every client: loading a CA bundle costs ~0.1 s, which each new
    client (sign-in, the engine, each check of the password) paid again. ``False`` stays
    False (no verification)."""
    if verify is False:
        return False
    with _SSL_LOCK:
        context = _SSL_CONTEXTS.get(verify)
        if context is None:
            context = (httpx.create_ssl_context() if verify is True
                       else ssl.create_default_context(cafile=str(verify)))
            _SSL_CONTEXTS[verify] = context
        return context


def deadline_transport(verify: bool | str = True) -> httpx.HTTPTransport:
    """An httpx transport whose every socket read and write honours the request deadline."""
    transport = httpx.HTTPTransport(verify=ssl_context(verify))
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    else:  # an httpcore without this hook: the deadline is then checked between chunks only
        log.warning("httpcore has no network backend hook; deadline checked per chunk only")
    return transport


# --- the server's clock ------------------------------------------------------------------------


class ServerClock:
    """The offset of the server's clock from the till's, from answers' ``Date`` headers.

    ``offset`` is server minus till in seconds (``Date`` has whole seconds, so it is exact to
    about a second), ``None`` until an answer carried a readable ``Date``.
    """

    def __init__(self, local: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.local = local  # the till's clock the offset is measured against
        self._lock = threading.Lock()
        self.offset: float | None = None
        # When ``offset`` was measured: the till's clock then and ``time.monotonic()`` then, so
        # a step of the till's clock since (NTP setting it right) can be told from time passing.
        self.anchor: tuple[datetime, float] | None = None
        self._last: tuple[str, datetime] | None = None  # the last header read, and its time

    def observe(self, date_header: str | None) -> None:
        """Record the offset shown by one answer's ``Date`` header (ignored if unreadable)."""
        if not date_header:
            return
        last = self._last
        if last is not None and last[0] == date_header:
            server = last[1]  # the same second as the previous answer: no need to parse again
        else:
            try:
                server = parsedate_to_datetime(date_header)
            except (TypeError, ValueError, IndexError):
                return
            if server.tzinfo is None:
                server = server.replace(tzinfo=UTC)
            self._last = (date_header, server)
        # The header is truncated to the second: compare with the till's time truncated too.
        now = self.local()
        local = now.replace(microsecond=0)
        with self._lock:
            self.offset = (server - local).total_seconds()
            self.anchor = (now, time.monotonic())


# --- which answers are final ---------------------------------------------------------------

ApiErrors = Callable[[httpx.Response, Mapping[str, Any]], KioskError | None]
"""An adapter's reading of an error answer: its typed error when ``body`` is the API's own
error shape (a code it knows), else None (then the answer is treated as not the API's)."""


def json_object(response: httpx.Response) -> Mapping[str, Any] | None:
    """The body as a JSON object whatever its content type says, or None."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, Mapping) else None


def failed_answer(response: httpx.Response, api_errors: ApiErrors) -> KioskError:
    """The typed error for an answer with status ≥ 300 (see the module docstring)."""
    write = response.request.method.upper() in WRITE_METHODS
    status = response.status_code
    if status == 429:
        wait = retry_after(response.headers.get("retry-after"))
        hint = f" Trying again in {wait:.0f} s." if wait else ""
        return RateLimited(f"The server is busy.{hint}", retry_after=wait)
    if status < 500:
        body = json_object(response)
        error = api_errors(response, body) if body is not None else None
        if error is not None:
            return error
    # A 5xx from a gateway may come after the upstream applied the request; a page that is
    # not the API's (a redirect, a proxy's error) tells nothing either way.
    return ServerUnavailable(
        f"The server is not answering properly (HTTP {status}).", maybe_applied=write)


def answer_json(response: httpx.Response) -> Any:
    """The JSON of a 2xx answer; ``ServerUnavailable`` (uncertain on a write) if unreadable."""
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ServerUnavailable(
            f"The server sent something that is not its API (HTTP {response.status_code}).",
            maybe_applied=response.request.method.upper() in WRITE_METHODS,
        ) from exc


class HttpChannel:
    """An httpx client under the shared rules: deadline, size cap, clock, answer rules.

    ``api_errors`` is the adapter's reading of its API's error bodies. ``transport`` is for
    tests that need an edge case no real server produces on demand.
    """

    def __init__(
        self,
        base_url: str,
        api_errors: ApiErrors,
        *,
        timeout: httpx.Timeout | float | None = None,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float = DEADLINE,
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.base_url = str(check_base_url(base_url))
        if timeout is None:
            timeout = default_timeout()
        elif not isinstance(timeout, httpx.Timeout):
            timeout = default_timeout(read=timeout, connect=min(timeout, CONNECT_TIMEOUT))
        self.api_errors = api_errors
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.clock = ServerClock()
        # Plain http (a local server, the demo's simulator) never uses TLS: no CA bundle to
        # load for it (redirects are not followed, so no request leaves for https).
        tls = verify if self.base_url.lower().startswith("https:") else False
        self._http = httpx.Client(
            base_url=self.base_url + "/", timeout=timeout, verify=verify,
            transport=transport or deadline_transport(tls), follow_redirects=False,
            headers=dict(headers or {}))

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def request(self, method: str, path: str, *, api_errors: ApiErrors | None = None,
                **kwargs: Any) -> httpx.Response:
        """Send and read the whole answer; a typed error unless it is a 2xx.

        ``api_errors`` replaces the channel's reading of error bodies for this request.
        """
        started = time.monotonic()
        token = _deadline.set(started + self.deadline)
        try:
            response = self._read(method, path, started, **kwargs)
        except httpx.TransportError as exc:
            log.info("%s /%s failed: %s", method, path, type(exc).__name__)
            raise transport_error(exc, method) from exc
        finally:
            _deadline.reset(token)
        # Logs carry method, path and status only: never headers, bodies or query strings.
        log.debug("%s /%s -> %s in %.0f ms", method, path, response.status_code,
                  (time.monotonic() - started) * 1000)
        self.clock.observe(response.headers.get("date"))
        if response.status_code >= 300:
            raise failed_answer(response, api_errors or self.api_errors)
        return response

    def _read(self, method: str, path: str, started: float, **kwargs: Any) -> httpx.Response:
        auth = kwargs.pop("auth", None)
        request = self._http.build_request(method, path, **kwargs)
        streamed = self._http.send(request, stream=True, auth=auth)
        try:
            if "content-encoding" in streamed.headers:
                return self._decoded(streamed, method, started)
            # The bytes on the wire are the answer: count them as httpx reads them, and keep
            # its response (no copy of the body, no second response built).
            streamed.stream = _Capped(streamed.stream, self, method, started)
            streamed.read()
            return streamed
        finally:
            streamed.close()

    def _decoded(self, streamed: httpx.Response, method: str, started: float) -> httpx.Response:
        """A compressed answer: the cap applies to what it decodes to."""
        body = bytearray()
        for chunk in streamed.iter_bytes():
            body += chunk
            self._check(method, len(body), started)
        headers = [(k, v) for k, v in streamed.headers.multi_items()
                   if k.lower() not in ("content-encoding", "content-length",
                                        "transfer-encoding")]
        return httpx.Response(streamed.status_code, headers=headers, content=bytes(body),
                              request=streamed.request)

    def _check(self, method: str, size: int, started: float) -> None:
        """Abandon an answer past the size cap or the deadline (uncertain on a write)."""
        if size > self.max_bytes:
            raise self._abandoned(method, "too long")
        if time.monotonic() - started > self.deadline:
            raise self._abandoned(method, "too slow")

    @staticmethod
    def _abandoned(method: str, why: str) -> ServerUnavailable:
        return ServerUnavailable(f"The server's answer was abandoned ({why}).",
                                 maybe_applied=method.upper() in WRITE_METHODS)


class _Capped(httpx.SyncByteStream):
    """An answer's body stream, checked against its channel's size cap and deadline chunk by
    chunk as it is read."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, channel: HttpChannel,
                 method: str, started: float) -> None:
        assert isinstance(inner, httpx.SyncByteStream)
        self._inner, self._channel, self._method, self._started = inner, channel, method, started

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        for chunk in self._inner:
            size += len(chunk)
            self._channel._check(self._method, size, self._started)
            yield chunk

    def close(self) -> None:
        self._inner.close()


@contextlib.contextmanager
def after_write(what: str) -> Iterator[None]:
    """Around the requests an adapter makes after a write the server answered (a read of the
    voucher after it): whatever fails there, the write happened, so the failure is
    ``ServerUnavailable(maybe_applied=True)`` - confirmed before anything is re-sent - and
    never "not sent" (an undo would cancel it on the till), a refusal (it would be a
    conflict) or a signed-out session (it would be sent again as not applied)."""
    try:
        yield
    except KioskError as exc:
        if isinstance(exc, TransportError) and exc.maybe_applied:
            raise
        raise ServerUnavailable(f"{what} was answered, but reading the voucher after it "
                                f"failed: {exc.message}", maybe_applied=True) from exc


class ChannelBackend:
    """What every adapter built on one :class:`HttpChannel` shares: its clock and closing."""

    channel: HttpChannel

    @property
    def server_clock(self) -> ServerClock:
        """The server's clock offset, from every answer's ``Date`` header."""
        return self.channel.clock

    def close(self) -> None:
        """Release the connection pool."""
        self.channel.close()
