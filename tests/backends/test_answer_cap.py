"""The size cap on answers: counted as the answer is read, on what it decodes to.

A compressed answer is small on the wire but may decode to far more; the simulator never
compresses, so these edge cases use httpx's MockTransport.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import httpx
import pytest

from kiosk.backends.http import HttpChannel
from kiosk.domain.errors import ServerUnavailable

CAP = 1000


class _Chunks(httpx.SyncByteStream):
    """A body that arrives in pieces, as from a socket (not read before the client reads it)."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self._body), 256):
            yield self._body[start:start + 256]


def _channel(body: bytes, headers: dict[str, str]) -> HttpChannel:
    def edge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Chunks(body), headers=headers)

    return HttpChannel("https://api.example/v1", lambda response, body: None,
                       transport=httpx.MockTransport(edge), max_bytes=CAP)


@pytest.mark.parametrize("encoded", [False, True])
def test_an_answer_within_the_cap_is_read_whole(encoded: bool) -> None:
    text = b'{"code": "ABC", "pad": "' + b"x" * (CAP - 100) + b'"}'
    body = gzip.compress(text) if encoded else text
    channel = _channel(body, {"Content-Encoding": "gzip"} if encoded else {})
    response = channel.request("GET", "status")
    assert response.content == text
    assert response.json()["code"] == "ABC"


@pytest.mark.parametrize(("method", "uncertain"), [("GET", False), ("POST", True)])
@pytest.mark.parametrize("encoded", [False, True])
def test_an_answer_past_the_cap_is_abandoned(method: str, uncertain: bool,
                                             encoded: bool) -> None:
    text = b"x" * (CAP * 5)
    body = gzip.compress(text) if encoded else text
    assert not encoded or len(body) < CAP  # small on the wire: only its decoded size is over
    channel = _channel(body, {"Content-Encoding": "gzip"} if encoded else {})
    with pytest.raises(ServerUnavailable, match="abandoned \\(too long\\)") as caught:
        channel.request(method, "redeem")
    assert caught.value.maybe_applied is uncertain
