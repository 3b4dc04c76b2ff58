"""`mailflow run` as a subprocess: IMAP IDLE in (a real Dovecot), SMTP out (a real aiosmtpd).

What a deployer checks: a sign-up is answered within seconds although the interval is an
hour (IDLE); the daemon rides out a Dovecot restart; SIGTERM or SIGINT in the middle of a
long tick exits 0 and loses nothing, and the next run answers the rest, nobody twice;
the logs are readable lines (or JSON lines with --json-logs) and never show a secret.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.dovecot import Dovecot
from tests.mailgen import signup

pytestmark = pytest.mark.dovecot

IMAP_PASSWORD = "Imap-Secret-4711-zz"  # recognisable: grepped for in every log
SMTP_PASSWORD = "Smtp-Secret-0815-qq"

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 1000

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"
batch_size = {batch_size}

[imap]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
username = "tester"
password_env = "TEST_IMAP_PASSWORD"
idle = {idle}
timeout_seconds = 10

[outbox]
kind = "smtp"
max_auto_replies_per_day = 1000

[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
username = "mailflow"
password_env = "TEST_SMTP_PASSWORD"
timeout_seconds = 10

[store]
path = "{root}/mailflow.json"

[schedule]
interval_minutes = {interval}
"""


# -- a real SMTP server -------------------------------------------------------------------
@dataclass
class Inbox:
    """What aiosmtpd received: (arrival time, recipients, bytes)."""

    received: list[tuple[float, list[str], bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        with self.lock:
            self.received.append((time.monotonic(), list(envelope.rcpt_tos), envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[bytes]:
        with self.lock:
            return [raw for _, rcpts, raw in self.received if address in rcpts]

    def counts(self) -> Counter[str]:
        with self.lock:
            return Counter(r for _, rcpts, _ in self.received for r in rcpts)

    def wait_for(self, address: str, timeout: float) -> float:
        """The monotonic arrival time of the first mail to ``address``; fail after timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for at, rcpts, _ in self.received:
                    if address in rcpts:
                        return at
            time.sleep(0.02)
        raise AssertionError(f"no mail to {address} within {timeout} s")


def _authenticate(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == SMTP_PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port,
                            authenticator=_authenticate, auth_require_tls=False)
    controller.start()
    yield inbox, port
    controller.stop()


# -- the daemon as a subprocess -------------------------------------------------------------
class Daemon:
    """`python -m mailflow run` with its stderr in a file; stopped by its PID."""

    def __init__(self, root: Path, config: Path, *args: str,
                 imap_password: str = IMAP_PASSWORD) -> None:
        self.log_path = root / f"daemon-{time.monotonic_ns()}.log"
        env = dict(os.environ, TEST_IMAP_PASSWORD=imap_password,
                   TEST_SMTP_PASSWORD=SMTP_PASSWORD, PYTHONUNBUFFERED="1")
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mailflow", "--config", str(config), *args, "run"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            cwd=root, env=env,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, pattern: str, timeout: float = 15.0, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(re.findall(pattern, self.log())) >= count:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"no {pattern!r} ({count}x) in the daemon's log:\n{self.log()}")

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 30.0) -> int:
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the daemon did not stop within {timeout} s:\n{self.log()}") from None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._log.close()


@pytest.fixture
def start_daemon(tmp_path: Path) -> Iterator[Callable[..., Daemon]]:
    started: list[Daemon] = []

    def start(dovecot: Dovecot, smtp_port: int, *args: str, idle: bool = True,
              interval: float = 60, batch_size: int = 200,
              imap_password: str = IMAP_PASSWORD) -> Daemon:
        config = tmp_path / "mailflow.toml"
        config.write_text(CONFIG.format(
            root=tmp_path, imap_port=dovecot.port, smtp_port=smtp_port,
            idle="true" if idle else "false", interval=interval, batch_size=batch_size,
        ))
        daemon = Daemon(tmp_path, config, *args, imap_password=imap_password)
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        daemon.close()


def _assert_no_secret(text: str) -> None:
    assert IMAP_PASSWORD not in text
    assert SMTP_PASSWORD not in text


def _folder_counts(dovecot: Dovecot) -> dict[str, int]:
    client = dovecot.client()
    try:
        counts = {}
        for folder in ("INBOX", "processed"):
            if client.folder_exists(folder):
                counts[folder] = client.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"]
            else:
                counts[folder] = 0
        return counts
    finally:
        client.logout()


def _recipient(n: int) -> str:
    raw = signup(n)
    sender = message_from_bytes(raw)["From"]
    match = re.search(r"<([^>]+)>", sender)
    assert match is not None
    return match.group(1)


# -- the tests --------------------------------------------------------------------------------
def test_with_idle_a_signup_is_answered_within_seconds_though_the_interval_is_an_hour(
    dovecot_factory: Callable[..., Dovecot], smtp: tuple[Inbox, int],
    start_daemon: Callable[..., Daemon],
) -> None:
    dovecot = dovecot_factory(password=IMAP_PASSWORD)
    inbox, port = smtp
    daemon = start_daemon(dovecot, port, interval=60)
    daemon.wait_for_log(r"daemon started")
    time.sleep(1.5)  # the first tick and the IDLE connection settle

    dovecot.deliver(signup(1))
    # the interval is an hour: an answer within two minutes can only come from IDLE (the
    # time it takes on this machine is printed by bench/latency.py, not asserted here)
    inbox.wait_for(_recipient(1), timeout=120)

    [raw] = inbox.to(_recipient(1))
    answer = message_from_bytes(raw)
    assert answer["Auto-Submitted"] == "auto-replied"
    assert "henkilo1@stadi.test" in answer["To"]
    assert daemon.stop(signal.SIGTERM) == 0
    log = daemon.log()
    _assert_no_secret(log)
    lines = [line for line in log.splitlines() if line.strip()]
    assert lines, log
    assert all(
        re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING) [\w.]+: ", line)
        for line in lines
    ), log
    assert "handled signup-1@stadi.test from henkilo1@stadi.test" in log
    assert "received SIGTERM" in log
    assert "mailflow daemon stopped" in log
    assert _folder_counts(dovecot) == {"INBOX": 0, "processed": 1}


def test_the_daemon_reconnects_after_dovecot_restarts_and_answers_the_next_signup(
    dovecot_factory: Callable[..., Dovecot], smtp: tuple[Inbox, int],
    start_daemon: Callable[..., Daemon],
) -> None:
    dovecot = dovecot_factory(password=IMAP_PASSWORD)
    inbox, port = smtp
    daemon = start_daemon(dovecot, port, interval=60)
    daemon.wait_for_log(r"daemon started")
    dovecot.deliver(signup(1))
    inbox.wait_for(_recipient(1), timeout=15)

    dovecot.restart()
    daemon.wait_for_log(r"IMAP IDLE connection lost", timeout=30)
    daemon.wait_for_log(r"IMAP IDLE reconnected", timeout=30)
    dovecot.deliver(signup(2))
    inbox.wait_for(_recipient(2), timeout=15)

    assert daemon.stop(signal.SIGTERM) == 0
    assert inbox.counts()[_recipient(1)] == 1
    assert inbox.counts()[_recipient(2)] == 1
    _assert_no_secret(daemon.log())
    assert _folder_counts(dovecot) == {"INBOX": 0, "processed": 2}


@pytest.mark.parametrize(("sig", "json_logs"), [(signal.SIGTERM, False), (signal.SIGINT, True)],
                         ids=["SIGTERM-text-logs", "SIGINT-json-logs"])
def test_a_signal_during_a_long_tick_exits_0_and_the_next_run_answers_the_rest_once(
    dovecot_factory: Callable[..., Dovecot], smtp: tuple[Inbox, int],
    start_daemon: Callable[..., Daemon], sig: signal.Signals, json_logs: bool,
) -> None:
    dovecot = dovecot_factory(password=IMAP_PASSWORD)
    inbox, port = smtp
    total = 600
    for n in range(total):
        dovecot.deliver(signup(n), name=f"{1_700_000_000 + n}.M{n}P1.mailflow-test")
    args = ("--json-logs",) if json_logs else ()
    daemon = start_daemon(dovecot, port, *args, idle=False, interval=60, batch_size=25)
    daemon.wait_for_log(r"handled signup-", count=30, timeout=60)  # mid-tick

    assert daemon.stop(sig) == 0
    first = daemon.log()
    answered = sum(inbox.counts().values())
    counts = _folder_counts(dovecot)
    assert 0 < counts["processed"] < total, first  # it stopped early ...
    assert counts["INBOX"] + counts["processed"] == total  # ... and lost nothing
    assert answered == counts["processed"]  # what it handled was answered before it stopped

    second = start_daemon(dovecot, port, *args, idle=False, interval=60, batch_size=25)
    second.wait_for_log(rf"tick: {counts['INBOX']} message\(s\) handled", timeout=120)
    assert second.stop(sig) == 0

    counts_after = inbox.counts()
    assert {_recipient(n) for n in range(total)} == set(counts_after)
    assert set(counts_after.values()) == {1}  # everyone answered, nobody twice
    assert _folder_counts(dovecot) == {"INBOX": 0, "processed": total}
    for log in (first, second.log()):
        _assert_no_secret(log)
        lines = [line for line in log.splitlines() if line.strip()]
        if json_logs:
            entries = [json.loads(line) for line in lines]  # every line is one JSON object
            assert all({"time", "level", "logger", "message"} <= e.keys() for e in entries)
            assert any(e["message"].startswith("received SIGINT") for e in entries)
        else:
            assert all(re.match(r"\d{4}-\d\d-\d\d ", line) for line in lines), log


def test_a_refused_login_stops_the_daemon_with_exit_2_and_no_secret_in_the_log(
    dovecot_factory: Callable[..., Dovecot], smtp: tuple[Inbox, int],
    start_daemon: Callable[..., Daemon],
) -> None:
    dovecot = dovecot_factory(password=IMAP_PASSWORD)
    _inbox, port = smtp
    wrong = "Wrong-Secret-2323-xx"
    daemon = start_daemon(dovecot, port, imap_password=wrong)
    assert daemon.process.wait(30) == 2
    log = daemon.log()
    assert "refused the login of user 'tester'" in log
    assert wrong not in log
    _assert_no_secret(log)
