"""``kiosk doctor --support FILE.zip`` and the CLI's word when the GUI holds the queue."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.main import main
from tests.helpers.demo import GBP50
from tests.helpers.sim import Sim

HOLD_LOCK = """
import sys, time
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
lock = QLockFile(sys.argv[1] + "/kiosk.lock")
assert lock.tryLock(1000)
print("locked", flush=True)
time.sleep(60)
"""


def test_support_zip_has_logs_versions_and_queue_but_no_codes(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim, tmp_path: Path,
) -> None:
    assert main(["redeem", GBP50, "--amount", "100"]) == 0
    main(["status", GBP50])
    sim.stop()
    assert main(["redeem", GBP50, "--amount", "200"]) == 3  # logged while offline
    target = tmp_path / "support.zip"
    capsys.readouterr()
    assert main(["doctor", "--support", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with zipfile.ZipFile(target) as bundle:
        names = bundle.namelist()
        assert {"about.json", "versions.json", "queue.json", "settings.json",
                "logs/kiosk.log"} <= set(names)
        versions = json.loads(bundle.read("versions.json"))
        assert versions["python-escpos"] != "not installed"
        queue = json.loads(bundle.read("queue.json"))
        assert queue["states"] == {"applied": 1, "pending": 1}
        assert "lock_pin" not in json.loads(bundle.read("settings.json"))
        everything = b"".join(bundle.read(name) for name in names)
    assert b"4TZB" in everything  # the log says which voucher, masked
    assert GBP50.encode() not in everything
    assert account.email.encode() not in everything


def test_support_zip_to_an_unwritable_place_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    assert main(["doctor", "--support", str(tmp_path / "no" / "such" / "dir.zip")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "cannot write" in err


def test_cli_says_when_the_gui_holds_the_queue(
    capsys: pytest.CaptureFixture[str], account: signin.Account, kiosk_home: Path,
) -> None:
    main(["queue", "list"])
    assert "holds the queue" not in capsys.readouterr().err
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(kiosk_home)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        main(["queue", "list"])
        err = capsys.readouterr().err
        assert f"process {holder.pid}" in err
        assert "holds the queue" in err
    finally:
        holder.kill()
        holder.wait()
    main(["queue", "list"])  # killed: the stale lock is nobody's
    assert "holds the queue" not in capsys.readouterr().err
