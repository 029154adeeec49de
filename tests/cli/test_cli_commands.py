"""The headless commands of DESIGN §4, run in-process through ``kiosk.main``."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.main import main
from kiosk.store.database import Store, to_db
from tests.helpers.app import history
from tests.helpers.demo import COMPLETED, GBP50, PARTLY
from tests.helpers.sim import Sim


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_not_signed_in_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", GBP50)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "sign in" in err.lower()


def test_status_text_and_json(
    capsys: pytest.CaptureFixture[str], account: signin.Account
) -> None:
    code, out, _ = run(capsys, "status", PARTLY)
    assert code == 0
    assert "partly used (online)" in out
    assert "£67.50" in out
    code, out, _ = run(capsys, "status", PARTLY, "--json")
    data = json.loads(out)
    assert (data["available"], data["offline"], data["state"]) == (6750, False, "partly_used")
    code, _, _ = run(capsys, "status", "NOPE-NOPE")
    assert code == 2


def test_redeem_exit_codes_and_queue(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim, tmp_path: Path,
    kiosk_home: Path,
) -> None:
    code, out, _ = run(capsys, "redeem", GBP50, "--amount", "1000")
    assert (code, out.split(":")[0]) == (0, "applied")
    code, _, err = run(capsys, "redeem", COMPLETED)
    assert code == 2
    assert "redeemed" in err.lower()
    code, _, err = run(capsys, "redeem", GBP50, "--amount", "ten")
    assert code == 1
    assert err.count("\n") == 1
    sim.stop()
    code, out, _ = run(capsys, "--home", str(kiosk_home), "redeem", GBP50, "--amount", "500",
                       "--json")
    assert code == 3
    assert json.loads(out)["status"] == "queued"
    code, out, _ = run(capsys, "queue")
    assert "pending" in out
    assert "1 queued, 0 conflicts" in out
    code, _, err = run(capsys, "queue", "sync")
    assert code == 3
    assert err
    code, out, err = run(capsys, "doctor")
    assert code == 1
    assert "UNREACHABLE" in out
    assert "Queue:       1 waiting" in out
    csv_file = tmp_path / "out.csv"
    code, out, _ = run(capsys, "queue", "export", str(csv_file))
    assert code == 0
    assert csv_file.read_text(encoding="utf-8").count("\n") == 3


def test_queue_sync_replays(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim,
    kiosk_home: Path,
) -> None:
    run(capsys, "status", GBP50)  # seen, so it may be queued offline
    sim.fail_next(1, mode="html", path="/v1/redeem")
    code, _, _ = run(capsys, "redeem", GBP50, "--amount", "200")
    assert code == 3
    code, out, _ = run(capsys, "queue", "sync", "--json")
    assert code == 3  # a 502 may hide a request still running: not re-sent before it settles
    assert json.loads(out)["applied"] == 0
    assert len(sim.requests("POST", "/v1/redeem")) == 1
    store = Store.open(kiosk_home)  # the settle time (10 s) has passed
    try:
        with store.write() as db:
            db.execute("UPDATE outbox SET resend_after = ?",
                       [to_db(datetime.now(UTC) - timedelta(seconds=1))])
    finally:
        store.close()
    code, out, err = run(capsys, "queue", "sync", "--json")
    assert code == 0, (out, err)
    assert json.loads(out)["applied"] == 1
    assert [a for a, _ in history(sim, GBP50)] == [200]
    code, out, _ = run(capsys, "doctor")
    assert code == 0
    assert "reachable" in out
    assert re.search(r"^Storage: +[0-9.]+ [GM]B free; disk reserve kept$", out, re.MULTILINE)


@pytest.mark.parametrize(("action", "expected"), [
    ("list", "usage: kiosk queue list [-h] [--home DIR] [--staff NAME] [--all] [--json]"),
    ("sync", "usage: kiosk queue sync [-h] [--home DIR] [--staff NAME] [--json]"),
    ("export", "usage: kiosk queue export [-h] [--home DIR] [--staff NAME] [--json] file"),
])
def test_each_queue_action_has_its_own_help(capsys: pytest.CaptureFixture[str], action: str,
                                            expected: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["queue", action, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(expected)


def test_queue_options_before_and_after_the_action(
        capsys: pytest.CaptureFixture[str], account: signin.Account) -> None:
    for argv in (["queue", "--json"], ["queue", "list", "--json"], ["queue", "--json", "list"]):
        code, out, _ = run(capsys, *argv)
        assert (code, json.loads(out)) == (0, []), argv
