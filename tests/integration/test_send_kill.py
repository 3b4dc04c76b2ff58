"""SIGKILL `mailflow tick` at random moments while it sends over SMTP: nothing is lost, and a
mail reaches the server twice only when the kill fell between the server's acceptance and
the sending log's write, and then with the same Message-ID.

An aiosmtpd server in this process records every DATA it accepts. Sign-ups in a Maildir
give one confirmation each; a first tick against a closed port leaves them pending in the
outbox. Then `mailflow tick` runs as a subprocess and is killed after a random delay, 200
times, with new sign-ups whenever few mails are left to send; at last one tick finishes.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mailflow.adapters.store import Snapshot
from mailflow.core.model import OutgoingMail
from tests.factories import RecordingSmtp, free_port, smtp_server, write_smtp_config
from tests.mailgen import deliver, signup

ROUNDS = int(os.environ.get("MAILFLOW_SEND_KILL_ROUNDS", "200"))
NOW = "2026-11-02T10:00:00+02:00"
SENDING = "2026-11-02T10:30:00+02:00"  # past the server's backoff after the first tick
LATER = "2026-11-02T11:00:00+02:00"
BATCH = 50


def _tick(config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", SENDING],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _durable(root: Path) -> tuple[dict[str, OutgoingMail], set[str]]:
    """The outbox as the disk holds it (by Message-ID) and the ids marked sent durably:
    in the store file or a whole line of its journal, or a whole line of the sending log
    (not yet recorded in the store), as the next tick will read them."""
    outbox = {m.message_id: m for m in Snapshot(root / "mailflow.json").all(OutgoingMail)}
    logged: set[str] = set()
    with contextlib.suppress(FileNotFoundError):
        for line in (root / "mailflow.json.sending").read_bytes().split(b"\n"):
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if isinstance(entry, dict) and entry.get("result") == "sent":
                    logged.add(entry["key"])
    return outbox, {mid for mid, m in outbox.items() if m.status == "sent" or m.key in logged}


@pytest.mark.slow
def test_200_kills_while_sending_lose_nothing_and_resend_only_the_unjournalled(
    tmp_path: Path,
) -> None:
    rng = random.Random(20261202)
    server = RecordingSmtp()
    maildir = str(tmp_path / "mail")
    signups = 0

    def refill(count: int) -> None:
        nonlocal signups
        deliver(maildir, [signup(n) for n in range(signups, signups + count)])
        signups += count

    # the outbox fills while the SMTP server is away: ~50 pending mails
    refill(BATCH)
    config = write_smtp_config(tmp_path, free_port(), max_per_org=100_000)
    started = time.monotonic()
    first = subprocess.run(
        [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", NOW],
        capture_output=True, text=True, timeout=120,
    )
    assert first.returncode == 0, first.stderr
    # The kills aim at a tick's life on this machine: a tick over the 50 sign-ups, with
    # no mail going out, shows how long one takes to start and read; a slower machine
    # gets a longer window (0.9 s at least, as on a quick one), so its kills still fall
    # while mail goes out as often.
    window = max(0.9, 1.5 * (time.monotonic() - started))
    outbox, sent = _durable(tmp_path)
    assert len(outbox) == BATCH
    assert not sent

    resent_after_marked: list[str] = []
    kills_mid_send = 0
    with smtp_server(server) as port:
        config = write_smtp_config(tmp_path, port, max_per_org=100_000)
        for _ in range(ROUNDS):
            outbox, marked = _durable(tmp_path)
            unread = sum(len(os.listdir(Path(maildir) / sub)) for sub in ("new", "cur"))
            if not unread and sum(1 for mid, m in outbox.items()
                                  if m.status == "pending" and mid not in marked) < 15:
                refill(20)
            before = len(server.received)
            tick = _tick(config)
            time.sleep(rng.uniform(0.05, window))
            os.kill(tick.pid, signal.SIGKILL)
            tick.wait()
            with server.lock:
                this_round = server.received[before:]
            kills_mid_send += bool(this_round)
            # a mail the store had durably marked sent before this tick never goes again
            resent_after_marked += [d.message_id for d in this_round if d.message_id in marked]

        final = subprocess.run(
            [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", LATER],
            capture_output=True, text=True, timeout=300,
        )
        assert final.returncode == 0, final.stderr
        time.sleep(0.2)  # the last DATA's handler has returned before the reply was read

    outbox, marked = _durable(tmp_path)
    received = Counter(d.message_id for d in server.received)
    per_recipient: dict[str, set[str]] = {}
    for d in server.received:
        per_recipient.setdefault(d.rcpt_tos[0], set()).add(d.message_id)
    duplicates = sum(n - 1 for n in received.values() if n > 1)
    figures = (f"{ROUNDS} kills ({kills_mid_send} while mail was going out), {signups} sign-ups, "
               f"{len(outbox)} mails, {len(server.received)} deliveries, "
               f"{duplicates} duplicate(s)")
    print("\n" + figures)

    assert len(outbox) == signups, figures  # one confirmation per sign-up, none lost at intake
    assert {m.status for m in outbox.values()} == {"sent"}, figures
    assert set(received) == set(outbox), figures  # every expected mail arrived at least once
    assert resent_after_marked == [], figures
    # a duplicate is the same mail again: one Message-ID per recipient, the store's
    assert all(len(ids) == 1 for ids in per_recipient.values()), figures
    assert {to: ids.pop() for to, ids in per_recipient.items()} == {
        m.to: mid for mid, m in outbox.items()}, figures
    assert kills_mid_send > ROUNDS // 4, figures  # the kills did fall while sending
