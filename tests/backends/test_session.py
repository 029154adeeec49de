"""Session: transparent refresh, single-flight across threads, rotation persisted first."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.app.signin import SecretTokens
from kiosk.backends.vouchercart import MemoryTokenStore, Session, Tokens, VoucherCartClient
from kiosk.domain.errors import SessionExpired, TransportError
from kiosk.sim.testing import SimServer, serve_in_thread
from kiosk.store.secrets import FileSecrets
from tests.helpers.backends import free_port
from tests.helpers.demo import DOMAIN, GBP50, SHOP_ID, TILL

TTL = 60.0  # seconds; tests expire tokens by moving the simulator's clock past it


@pytest.fixture
def short_sim() -> Iterator[SimServer]:
    """A simulator whose access tokens live one minute."""
    with serve_in_thread(token_ttl=TTL) as server:
        yield server


@pytest.fixture
def api(short_sim: SimServer) -> Iterator[VoucherCartClient]:
    with VoucherCartClient(short_sim.api_url) as client:
        yield client


def signed_in(api: VoucherCartClient) -> Tokens:
    return api.authorize(*TILL, DOMAIN).tokens


def refreshes(sim: SimServer) -> int:
    return len(sim.requests("PUT", "/v1/refresh"))


def status_via(session: Session, api: VoucherCartClient) -> str:
    return session.call(lambda token: api.status(token, GBP50, SHOP_ID)).code


def test_expired_token_is_refreshed_transparently(api: VoucherCartClient,
                                                  short_sim: SimServer) -> None:
    original = signed_in(api)
    store = MemoryTokenStore(original)
    session = Session(api, store)
    short_sim.set_clock(advance=TTL + 5)
    assert status_via(session, api) == GBP50
    assert refreshes(short_sim) == 1
    saved = store.load()
    assert saved is not None
    assert saved.refresh_token != original.refresh_token
    assert session.tokens() == saved
    assert status_via(session, api) == GBP50  # no second refresh needed
    assert refreshes(short_sim) == 1


def all_at_once(count: int, job: Callable[[], str]) -> tuple[list[str], list[BaseException]]:
    """Run ``job`` in ``count`` threads released together; their results and errors."""
    barrier = threading.Barrier(count)
    results: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            results.append(job())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_eight_threads_one_refresh_per_expiry(api: VoucherCartClient,
                                              short_sim: SimServer) -> None:
    store = MemoryTokenStore(signed_in(api))
    session = Session(api, store)
    for round_number in range(1, 4):
        short_sim.set_clock(advance=TTL + 5)
        results, errors = all_at_once(8, lambda: status_via(session, api))
        assert not errors
        assert results == [GBP50] * 8
        assert refreshes(short_sim) == round_number  # exactly one PUT /refresh per expiry
        assert session.refresh_count == round_number
        # Each thread asked at most twice (refused once for the expired token, then served).
        assert len(short_sim.requests("GET", "/v1/status")) <= 16 * round_number
    assert store.load() == session.tokens()


class RecordingStore(MemoryTokenStore):
    """Notes how many status requests had reached the server when tokens were saved."""

    def __init__(self, tokens: Tokens, sim: SimServer) -> None:
        super().__init__(tokens)
        self.sim = sim
        self.saved_after: list[int] = []

    def save(self, tokens: Tokens) -> None:
        self.saved_after.append(len(self.sim.requests("GET", "/v1/status")))
        super().save(tokens)


def test_rotated_tokens_are_saved_before_they_are_used(api: VoucherCartClient,
                                                       short_sim: SimServer) -> None:
    store = RecordingStore(signed_in(api), short_sim)
    short_sim.set_clock(advance=TTL + 5)
    assert status_via(Session(api, store), api) == GBP50
    # Saved after the first (refused) status and before the retried one went out.
    assert store.saved_after == [1]
    assert len(short_sim.requests("GET", "/v1/status")) == 2


def test_spent_refresh_token_ends_the_session_without_looping(
        api: VoucherCartClient, short_sim: SimServer) -> None:
    tokens = signed_in(api)
    api.refresh(tokens)  # someone else used this refresh token
    store = MemoryTokenStore(tokens)
    session = Session(api, store)
    short_sim.set_clock(advance=TTL + 5)
    with pytest.raises(SessionExpired, match="sign in again"):
        status_via(session, api)
    assert refreshes(short_sim) == 2  # the other one, and ours: no retry loop
    assert store.load() is None
    seen = len(short_sim.requests())
    with pytest.raises(SessionExpired):
        status_via(session, api)
    assert len(short_sim.requests()) == seen  # an ended session does not even ask


def test_session_revives_after_signing_in_again(api: VoucherCartClient,
                                                short_sim: SimServer) -> None:
    tokens = signed_in(api)
    api.refresh(tokens)
    store = MemoryTokenStore(tokens)
    session = Session(api, store)
    short_sim.set_clock(advance=TTL + 5)
    with pytest.raises(SessionExpired):
        status_via(session, api)
    store.save(signed_in(api))  # staff signed in again (GUI or `kiosk login`)
    assert status_via(session, api) == GBP50


def test_lost_refresh_answer_asks_for_sign_in(short_sim: SimServer) -> None:
    with VoucherCartClient(short_sim.api_url, timeout=0.3) as api:
        store = MemoryTokenStore(signed_in(api))
        session = Session(api, store)
        short_sim.set_clock(advance=TTL + 5)
        short_sim.set_latency(1.0, count=1, path="/v1/refresh")
        with pytest.raises(SessionExpired, match="sign in again"):
            status_via(session, api)
        assert store.load() is None


def test_refresh_that_never_left_keeps_the_session(short_sim: SimServer) -> None:
    with VoucherCartClient(short_sim.api_url) as api:
        tokens = signed_in(api)
    store = MemoryTokenStore(tokens)
    with VoucherCartClient(f"http://127.0.0.1:{free_port()}/v1") as offline:
        session = Session(offline, store)
        with pytest.raises(TransportError) as caught:
            session.refresh(tokens)
    assert not isinstance(caught.value, SessionExpired)
    assert store.load() == tokens
    assert session.tokens() == tokens


def test_token_still_expired_after_refresh_is_not_retried_forever() -> None:
    with serve_in_thread(token_ttl=0) as sim, VoucherCartClient(sim.api_url) as api:
        session = Session(api, MemoryTokenStore(signed_in(api)))
        with pytest.raises(SessionExpired) as caught:
            status_via(session, api)
        assert caught.value.code == 1006
        assert refreshes(sim) == 1
        assert len(sim.requests("GET", "/v1/status")) == 2


def test_not_signed_in() -> None:
    with VoucherCartClient("http://127.0.0.1:9/v1") as api, \
            pytest.raises(SessionExpired, match="Not signed in"):
        Session(api, MemoryTokenStore()).tokens()


def test_sessions_sharing_a_store_refresh_once(api: VoucherCartClient, short_sim: SimServer,
                                               tmp_path: Path) -> None:
    """Two processes (GUI and `kiosk queue sync`) share the secrets file."""
    shared = FileSecrets(tmp_path / "secrets.json")
    SecretTokens(shared).save(signed_in(api))
    gui, cli = Session(api, SecretTokens(shared)), Session(api, SecretTokens(shared))
    assert status_via(gui, api) == status_via(cli, api) == GBP50
    short_sim.set_clock(advance=TTL + 5)
    assert status_via(gui, api) == GBP50
    assert status_via(cli, api) == GBP50  # picks up the GUI's rotated tokens
    assert refreshes(short_sim) == 1


def test_refresh_token_unknown_to_the_server_ends_the_session(
        api: VoucherCartClient, short_sim: SimServer) -> None:
    tokens = signed_in(api)
    store = MemoryTokenStore(Tokens(tokens.access_token, "RTexpiredLongAgo", tokens.identified_by))
    short_sim.set_clock(advance=TTL + 5)
    with pytest.raises(SessionExpired, match="sign in again"):
        status_via(Session(api, store), api)
    assert store.load() is None
    assert refreshes(short_sim) == 1
