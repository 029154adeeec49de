"""The command line under hostile input and damaged files (issue #10 points 8, 9, 12, 13).

Each failure is one clear line on stderr, exit 1 (2 only for "refused"), nothing lost.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kiosk.app import signin
from kiosk.main import main
from kiosk.store.database import DB_NAME, Store
from tests.helpers.app import history, make_voucher
from tests.helpers.demo import BARISTA, GBP50, TILL
from tests.helpers.mangler import Rule, mangling
from tests.helpers.sim import Sim


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "KIOSK_HOME": str(home), "KIOSK_SECRETS": "file", **extra}


# --- 8. amounts, Ctrl-C, empty codes ------------------------------------------------------------

@pytest.mark.parametrize("amount", [
    "99999999999999999999", "1_000", "١٢٣", "１２３", "-5", "0", "1e3", "12.5", " ", "+7",
    "=-inf", "-inf",
])
def test_amounts_that_are_not_plain_whole_numbers_are_refused(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim, amount: str
) -> None:
    argv = ["redeem", GBP50, f"--amount{amount}" if amount.startswith("=") else "--amount"]
    if not amount.startswith("="):
        argv.append(amount)
    try:
        code, out, err = run(capsys, *argv)
    except SystemExit as exit_:  # argparse's own usage error ("expected one argument")
        code, (out, err) = int(str(exit_.code)), capsys.readouterr()
    assert code == 1, (code, out, err)
    assert "amount" in err
    assert "Traceback" not in err
    assert history(sim, GBP50) == []


def test_empty_code_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], account: signin.Account
) -> None:
    code, out, err = run(capsys, "status", "")
    assert (code, out) == (2, "")
    assert "not a voucher code (empty)" in one_line(err)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_is_one_line_without_traceback(
    account: signin.Account, sim: Sim, tmp_path: Path
) -> None:
    home = tmp_path / "ctrl-c-home"
    with mangling(sim.base_url) as proxy:
        signin.sign_in(proxy.api_url, TILL[0], TILL[1], "demo-shop", home=home)
        proxy.add(Rule("/v1/status", "trickle", interval=1.0))
        # As from a terminal: a shell's background job (`make test &`, CI runners) hands its
        # children SIGINT ignored, and Python then installs no KeyboardInterrupt handler.
        child = subprocess.Popen([sys.executable, "-m", "kiosk", "status", GBP50],
                                 env=_env(home), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True,
                                 preexec_fn=_default_sigint)  # noqa: PLW1509 - no threads forked
        deadline = time.monotonic() + 20
        while not any(path == "/v1/status" for _, path, _ in proxy.seen):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=20)
    assert child.returncode == 130
    assert "interrupted" in one_line(err)


# --- 9. damaged or foreign files: one line, nothing lost ---------------------------------------

def test_database_from_a_newer_version(
    capsys: pytest.CaptureFixture[str], account: signin.Account, kiosk_home: Path
) -> None:
    store = Store.open(kiosk_home)
    with store.write() as db:
        db.execute("INSERT INTO schema_version VALUES (99)")
    store.close()
    code, out, err = run(capsys, "status", GBP50)
    assert (code, out) == (1, "")
    assert "newer Voucher Kiosk" in one_line(err)


def test_zero_length_database_is_refused_not_restarted(
    capsys: pytest.CaptureFixture[str], account: signin.Account, kiosk_home: Path
) -> None:
    run(capsys, "status", GBP50)  # the till has run: settings.json exists
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        (kiosk_home / name).unlink(missing_ok=True)
    (kiosk_home / DB_NAME).write_bytes(b"")
    code, _, err = run(capsys, "queue", "list")
    assert code == 1
    assert "empty (0 bytes)" in one_line(err)
    assert (kiosk_home / DB_NAME).stat().st_size == 0


def test_garbage_settings_are_refused_not_replaced(
    capsys: pytest.CaptureFixture[str], account: signin.Account, kiosk_home: Path
) -> None:
    run(capsys, "status", GBP50)
    (kiosk_home / "settings.json").write_text("\x00garbage{")
    code, _, err = run(capsys, "redeem", GBP50, "--amount", "100")
    assert code == 1
    assert "settings" in one_line(err)
    assert (kiosk_home / "settings.json").read_text() == "\x00garbage{"


def test_damaged_account_keeps_the_queue_with_its_shop(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim,
    kiosk_home: Path, tmp_path: Path,
) -> None:
    run(capsys, "status", GBP50)
    sim.set_latency(0)
    with Store.open(kiosk_home).write():
        pass
    sim.fail_next(10, mode="html", status=503, path="/v1/")  # the server is away
    code, _, _ = run(capsys, "redeem", GBP50, "--amount", "100")
    assert code == 3  # queued offline
    sim.clear_faults()
    (kiosk_home / "account.json").write_text("{ damaged")
    code, _, err = run(capsys, "status", GBP50)
    assert code == 1
    assert "damaged" in one_line(err)
    password = tmp_path / "pw"
    password.write_text(TILL[1] + "\n")
    code, _, err = run(capsys, "login", "--server", sim.api_url, "--email",
                       "manager@demo-shop.example", "--password", "manager1234",
                       "--domain", "demo-cafe")
    assert code == 1
    assert "not sent" in one_line(err)
    code, _, err = run(capsys, "login", "--server", sim.api_url, "--email", TILL[0],
                       "--password-file", str(password), "--domain", str(account.domain_id))
    assert code == 0, err
    code, _, err = run(capsys, "queue", "sync")
    assert code == 0, err
    assert [a for a, _ in history(sim, GBP50)] == [100]


# --- 12. what staff are told -------------------------------------------------------------------

def test_lost_session_is_not_called_offline(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim
) -> None:
    run(capsys, "status", GBP50)
    with httpx.Client(base_url=sim.api_url + "/") as admin:
        tokens = admin.post("authorize", auth=("manager@demo-shop.example", "manager1234"),
                            data={"subdomain": "demo-shop"}).json()
        headers = {"Authorization": f"Bearer {tokens['accessToken']}"}
        assert admin.delete(f"users/{account.user_id}", headers=headers).status_code < 300
    code, out, err = run(capsys, "redeem", GBP50, "--amount", "100")
    assert code == 3, (out, err)
    assert "signs in" in out
    assert "server is back" not in out


def test_unusable_home_is_not_called_signed_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    code, _, err = run(capsys, "--home", str(blocker / "home"), "status", GBP50)
    assert code == 1
    assert "cannot use the data folder" in one_line(err)
    home = tmp_path / "home"
    (home / "account.json").mkdir(parents=True)
    code, _, err = run(capsys, "--home", str(home), "status", GBP50)
    assert code == 1
    assert "Cannot read" in one_line(err)
    assert "sign in" not in err.lower().replace("sign-in record", "")


# --- 13. files and secrets --------------------------------------------------------------------

def test_files_are_private_whatever_the_umask(
    account: signin.Account, sim: Sim, tmp_path: Path
) -> None:
    home = tmp_path / "new" / "home"
    env = _env(home, KIOSK_PASSWORD=TILL[1])
    commands = [
        ["login", "--server", sim.api_url, "--email", TILL[0], "--domain", "demo-shop"],
        ["redeem", GBP50, "--amount", "100"],
        ["queue", "export", str(tmp_path / "export.csv")],
    ]
    for command in commands:
        done = subprocess.run([sys.executable, "-m", "kiosk", *command], env=env, text=True,
                              capture_output=True, timeout=60, check=False,
                              stdin=subprocess.DEVNULL, preexec_fn=lambda: os.umask(0))
        assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE(home.parent.stat().st_mode) == 0o700  # created by the kiosk too
    for path in [*home.iterdir(), tmp_path / "export.csv"]:
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_credentials_in_the_server_url_are_refused(
    capsys: pytest.CaptureFixture[str], sim: Sim, kiosk_home: Path
) -> None:
    url = sim.api_url.replace("http://", f"http://{TILL[0].replace('@', '%40')}:{TILL[1]}@")
    code, _, err = run(capsys, "login", "--server", url, "--email", TILL[0], "--password",
                       TILL[1])
    assert code == 1
    assert "user name or password" in one_line(err)
    assert not (kiosk_home / "account.json").exists()


def test_password_from_file_or_environment(
    capsys: pytest.CaptureFixture[str], sim: Sim, kiosk_home: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIOSK_PASSWORD", TILL[1])
    code, _, err = run(capsys, "login", "--server", sim.api_url, "--email", TILL[0])
    assert code == 0, err
    monkeypatch.delenv("KIOSK_PASSWORD")
    wrong = tmp_path / "wrong"
    wrong.write_text("nope\n")
    code, _, err = run(capsys, "login", "--server", sim.api_url, "--email", TILL[0],
                       "--password-file", str(wrong))
    assert code == 1
    assert "Wrong email or password" in one_line(err)
    account = json.loads((kiosk_home / "account.json").read_text())
    assert "password" not in json.dumps(account).lower()


# --- 3. `queue sync` never exits 0 when it parked entries -------------------------------------

def test_queue_sync_exit_codes_under_a_redirect_and_a_conflict(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim
) -> None:
    run(capsys, "status", GBP50)
    sim.fail_next(20, mode="html", status=503, path="/v1/")
    assert run(capsys, "redeem", GBP50, "--amount", "100")[0] == 3
    sim.clear_faults()
    sim.fail_next(20, mode="redirect", path="/v1/redeem")  # maintenance
    code, _, err = run(capsys, "queue", "sync")
    assert code == 3, err  # kept queued (uncertain: reconciled before any re-send)
    code, out, _ = run(capsys, "queue", "list")
    assert "0 conflicts" in out


def test_queue_sync_exits_2_when_it_parked_a_conflict(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim
) -> None:
    run(capsys, "status", GBP50)
    sim.fail_next(20, mode="html", status=503, path="/v1/")
    assert run(capsys, "redeem", GBP50, "--amount", "100")[0] == 3
    sim.clear_faults()
    used_up = make_voucher(GBP50, stock=5000, current=5000)
    used_up["status"] = "completed"
    sim.add_voucher(used_up)  # meanwhile someone else took everything
    code, _, err = run(capsys, "queue", "sync")
    assert code == 2, err
    assert "conflicts" in err
    assert history(sim, GBP50) == []


def test_entries_of_another_shop_are_named_not_silently_left(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim, kiosk_home: Path
) -> None:
    run(capsys, "status", GBP50)
    sim.fail_next(20, mode="html", status=503, path="/v1/")
    assert run(capsys, "redeem", GBP50, "--amount", "100")[0] == 3
    sim.clear_faults()
    signin.sign_in(sim.api_url, *BARISTA, "demo-cafe", home=kiosk_home)  # as after a mishap
    code, _, err = run(capsys, "queue", "sync")
    assert code == 3
    assert "another shop" in one_line(err)
