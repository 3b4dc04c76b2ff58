"""Two `mailflow tick` at once on one store: one runs, the other waits or exits 75."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mailflow.adapters.store import Snapshot
from mailflow.core.model import OutgoingMail, ProcessedMessage
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup

NOW = "2026-11-02T10:00:00+02:00"


def _config(root: Path, timeout: float) -> Path:
    return write_maildir_config(root, max_per_org=400,
                                extra=f"lock_timeout_seconds = {timeout}\n")


def _tick(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", NOW],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_a_tick_that_cannot_get_the_lock_exits_75_with_one_line(tmp_path: Path) -> None:
    config = _config(tmp_path, timeout=0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from mailflow.adapters.store import Store\n"
         f"s = Store({str(tmp_path / 'mailflow.json')!r}); print('held', flush=True); "
         "time.sleep(10)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        done = subprocess.run(
            [sys.executable, "-m", "mailflow", "--config", str(config), "tick"],
            capture_output=True, text=True, timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    assert done.returncode == 75
    assert done.stderr.count("\n") == 1
    assert "another mailflow run holds" in done.stderr
    assert "try again later" in done.stderr


def test_two_ticks_at_once_handle_every_message_once(tmp_path: Path) -> None:
    config = _config(tmp_path, timeout=120)
    deliver(str(tmp_path / "mail"), [signup(n, padding=4000) for n in range(300)])
    first, second = _tick(config), _tick(config)
    # Both outputs are read at once: `mailflow tick` prints as it goes, and a run whose
    # stdout pipe nobody reads would block in print while it holds the lock.
    with ThreadPoolExecutor(2) as readers:
        outs = list(readers.map(lambda p: p.communicate(timeout=300), (first, second)))
    assert (first.returncode, second.returncode) == (0, 0), outs
    handled = [line for out, _ in outs for line in out.splitlines() if line.startswith("handled ")]
    assert len(handled) == 300  # each message handled by exactly one of the two runs

    store = Snapshot(tmp_path / "mailflow.json")
    assert len(store.all(ProcessedMessage)) == 300
    keys = [m.key for m in store.all(OutgoingMail)]
    assert len(keys) == len(set(keys))
    confirmations = [k for k in keys if k.startswith("confirm:")]
    assert len(confirmations) == 300
    assert len(list((tmp_path / "mail" / ".processed" / "cur").iterdir())) == 300
    assert not list((tmp_path / "mail" / "new").iterdir())
    sent = list((tmp_path / "outbox").glob("*.eml"))
    assert len(sent) == len(keys)  # every mail written once, none twice
