"""Latency figures: from a mail's arrival in Dovecot to its answer reaching the SMTP server.

Runs the real daemon (``python -m mailflow run``, a subprocess) against a loopback Dovecot
and an in-process aiosmtpd, twice:
  idle     - IMAP IDLE on, interval 60 min: the watcher asks for a tick on EXISTS
  polling  - IDLE off, interval --interval seconds (default 30): expect ~interval/2 on average
Sign-ups are delivered one at a time, each after a random pause, so arrivals fall anywhere
in the polling interval. Prints min / median / max per mode. Figures, not pass/fail.
Usage: python bench/latency.py [--samples 5] [--interval 30]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email import message_from_bytes
from email.utils import parseaddr
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.dovecot import Dovecot
from tests.mailgen import signup

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 1000
[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"
[imap]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
username = "tester"
password_env = "BENCH_IMAP_PASSWORD"
idle = {idle}
[outbox]
kind = "smtp"
max_auto_replies_per_day = 1000
[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
[store]
path = "{root}/mailflow.json"
[schedule]
interval_minutes = {interval}
"""


class Arrivals:
    """aiosmtpd handler: when each recipient's first mail arrived (monotonic)."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}
        self.changed = threading.Condition()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.changed:
            for rcpt in envelope.rcpt_tos:
                self.at.setdefault(rcpt, time.monotonic())
            self.changed.notify_all()
        return "250 OK"

    def wait(self, address: str, timeout: float) -> float | None:
        with self.changed:
            self.changed.wait_for(lambda: address in self.at, timeout)
            return self.at.get(address)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure(mode: str, samples: int, interval_s: float, first: int) -> list[float]:
    """Latencies in seconds of ``samples`` sign-ups answered by a daemon in ``mode``."""
    root = Path(tempfile.mkdtemp(prefix=f"mailflow-latency-{mode}-"))
    dovecot = Dovecot().start()
    arrivals = Arrivals()
    smtp_port = _free_port()
    controller = Controller(arrivals, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    idle = mode == "idle"
    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(
        imap_port=dovecot.port, smtp_port=smtp_port, root=root, idle=str(idle).lower(),
        interval=60 if idle else interval_s / 60,
    ))
    log = (root / "daemon.log").open("wb")
    daemon = subprocess.Popen(
        [sys.executable, "-m", "mailflow", "--config", str(config), "run"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root,
        env=dict(os.environ, BENCH_IMAP_PASSWORD=dovecot.password),
    )
    rng = random.Random(first)
    latencies: list[float] = []
    try:
        time.sleep(3)  # start-up, the first tick, the IDLE connection
        for n in range(first, first + samples):
            time.sleep(rng.uniform(0.5, 2.0) if idle else rng.uniform(0, interval_s))
            delivered = time.monotonic()
            raw = signup(n)
            dovecot.deliver(raw)
            address = parseaddr(str(message_from_bytes(raw)["From"]))[1]
            answered = arrivals.wait(address, timeout=interval_s * 3 + 30)
            if answered is None:
                print(f"  {mode}: no answer to sign-up {n}; see {root / 'daemon.log'}")
                continue
            latencies.append(answered - delivered)
            print(f"  {mode}: sign-up {n} answered after {answered - delivered:6.2f} s",
                  flush=True)
    finally:
        daemon.terminate()
        daemon.wait(60)
        log.close()
        controller.stop()
        dovecot.cleanup()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--interval", type=float, default=30.0,
                        help="polling interval in seconds (IDLE off)")
    args = parser.parse_args()
    results = {
        "idle": measure("idle", args.samples, args.interval, first=1000),
        "polling": measure("polling", args.samples, args.interval, first=2000),
    }
    print(f"\nlatency from arrival in Dovecot to the answer at the SMTP server "
          f"({args.samples} samples; polling every {args.interval:.0f} s)")
    print(f"{'mode':<10}{'min s':>9}{'median s':>10}{'max s':>9}")
    for mode, values in results.items():
        if values:
            print(f"{mode:<10}{min(values):>9.2f}{statistics.median(values):>10.2f}"
                  f"{max(values):>9.2f}")
        else:
            print(f"{mode:<10}  no answers")


if __name__ == "__main__":
    main()
