"""Crash test on the key-based platforms: a till redeeming in a loop against a real simulator
process is ``kill -9``ed at random moments; one sync later every entry is applied exactly
once on the server (counted there), and nothing the till reported accepted is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState
from kiosk.sim.testing import serve_in_subprocess
from kiosk.store.database import utc_now
from tests.app.test_engine_crash import DRIVER

KILLS = 8
PLATFORMS = {  # code, redeem arguments (amount, order total), credentials
    "vouchers-api": ("TENOFF", "None, 5000", {"api_key": "sk_test_demo"}),
    "vauchar": ("GIFT100DEMO02", "1, None", {"username": "demo-merchant",
                                              "password": "demo-api-key"}),
    "shopwired": ("TENOFF", "None, 5000", {"username": "demo-key", "password": "demo-secret"}),
}


def _count(api: str, api_url: str, code: str) -> int:
    if api == "vouchers-api":
        headers = {"Authorization": "Bearer sk_test_demo"}
        found = httpx.post(f"{api_url}/vouchers/validate", headers=headers,
                           json={"code": code, "order": {"value": 0}}).json()
        voucher = httpx.get(f"{api_url}/vouchers/{found['voucher']['id']}",
                            headers=headers).json()
        return int(voucher["usage_count"])
    if api == "vauchar":
        auth = ("demo-merchant", "demo-api-key")
        found = httpx.get(f"{api_url}/vouchers/validate", params={"voucher_code": code},
                          auth=auth).json()
        listed = httpx.get(f"{api_url}/vouchers/{found['data']['id']}/redemptions",
                           auth=auth).json()
        return len(listed["data"])
    found = httpx.get(f"{api_url}/vouchers", params={"code": code},
                      auth=("demo-key", "demo-secret")).json()
    return int(found[0]["used"])


@pytest.mark.slow
@pytest.mark.parametrize("api", sorted(PLATFORMS))
def test_kill_9_loses_and_doubles_nothing(api: str, kiosk_home: Path, tmp_path: Path) -> None:
    code, arguments, credentials = PLATFORMS[api]
    with serve_in_subprocess(db=tmp_path / "sim.sqlite3", api=api) as sim:
        account = signin.sign_in_platform(api, sim.api_url, credentials, staff="anna",
                                          home=kiosk_home)
        before = _count(api, sim.api_url, code)
        script = tmp_path / "driver.py"
        script.write_text(DRIVER.replace("engine.redeem(codes[turn % len(codes)], 1)",
                                         f"engine.redeem(codes[0], {arguments})"),
                          encoding="utf-8")
        env = {**os.environ, "KIOSK_HOME": str(kiosk_home)}
        rng = random.Random(4321)
        accepted: set[str] = set()
        zygote = subprocess.Popen([sys.executable, str(script), code], env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert zygote.stdin is not None
        assert zygote.stdout is not None
        try:
            for _ in range(KILLS):
                zygote.stdin.write("go\n")
                zygote.stdin.flush()
                line = zygote.stdout.readline().split()
                assert line[0] == "READY", line
                time.sleep(rng.uniform(0.0, 0.3))
                os.kill(int(line[1]), signal.SIGKILL)
                while (line := zygote.stdout.readline().split())[0] != "DEAD":
                    assert line[0] == "ACCEPTED", line
                    accepted.add(line[1])
        finally:
            zygote.stdin.close()
            zygote.wait(timeout=10)
            zygote.stdout.close()

        later = [timedelta(minutes=1)]
        engine = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                        shop=account.shop, clock=lambda: utc_now() + later[0])
        try:
            for _ in range(5):
                later[0] += timedelta(minutes=1)
                if engine.sync().remaining == 0:
                    break
            entries = engine.entries(limit=100_000)
            assert entries, "the driver never got to redeem"
            assert {e.state for e in entries} == {EntryState.APPLIED}
            assert accepted <= {e.id for e in entries}, "a reported redemption was lost"
            assert _count(api, sim.api_url, code) - before == len(entries), "doubled or lost"
        finally:
            engine.close()
