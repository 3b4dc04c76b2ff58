"""A relay that accepts the data and then hangs: sending holds no store lock, so while
one `mailflow tick` waits for the relay's answer, another tick takes in new mail and
`mailflow people` answers; every mail still goes out once. An answer that never comes
ends at `smtp.timeout_seconds` as a passing fault. (`bench/outage.py` prints the times.)"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session

from mailflow.adapters.store import Snapshot
from mailflow.config.loader import load_settings
from mailflow.core.model import OutboxServer, OutgoingMail
from mailflow.run.bootstrap import build_services
from mailflow.run.outbox import SERVER_META
from mailflow.run.tick import run_tick
from tests.factories import TZ, RecordingSmtp, signup_mail, smtp_server, write_smtp_config
from tests.mailgen import deliver

NOW = "2026-11-02T10:00:00+02:00"


@dataclass
class HangingSmtp(RecordingSmtp):
    """Takes the data, then answers only once ``release`` is set (``hanging`` is set while
    it waits)."""

    release: threading.Event = field(default_factory=threading.Event)
    hanging: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.hanging.set()
        while not self.release.is_set():
            await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


def _signup(n: int) -> bytes:
    return signup_mail(f"p{n}@omnia.test", f"Henkilö {n}", "Omnia", "opettaja",
                       datetime(2026, 11, 2, 9, n, tzinfo=TZ), f"<s{n}@x.test>")


def _mailflow(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mailflow", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_a_hanging_relay_holds_up_neither_intake_nor_people_and_sends_each_mail_once(
    tmp_path: Path,
) -> None:
    relay = HangingSmtp()
    with smtp_server(relay) as port:
        config = write_smtp_config(tmp_path, port, max_per_org=100)
        deliver(str(tmp_path / "mail"), [_signup(0)])
        sending = subprocess.Popen(
            [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", NOW],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert relay.hanging.wait(60), "the first tick reached DATA"
            people = _mailflow(config, "people")
            deliver(str(tmp_path / "mail"), [_signup(1)])
            intake = _mailflow(config, "tick", "--now", NOW)
            assert sending.poll() is None  # still waiting for the relay meanwhile
        finally:
            relay.release.set()
            _out, err = sending.communicate(timeout=120)
        assert sending.returncode == 0, err
        assert people.returncode == 0, people.stderr
        assert "p0@omnia.test" in people.stdout
        assert intake.returncode == 0, intake.stderr
        assert "1 message(s) handled" in intake.stdout + intake.stderr
        last = _mailflow(config, "tick", "--now", NOW)  # sends what the second one queued
        assert last.returncode == 0, last.stderr

    outbox = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert {m.to: m.status for m in outbox} == {"p0@omnia.test": "sent", "p1@omnia.test": "sent"}
    assert Counter(d.message_id for d in relay.received) == Counter(
        m.message_id for m in outbox)  # each once


def test_an_answer_that_never_comes_is_a_passing_fault_after_the_timeout(
    tmp_path: Path,
) -> None:
    relay = HangingSmtp()
    with smtp_server(relay) as port:
        config = write_smtp_config(tmp_path, port)
        config.write_text(config.read_text().replace("timeout_seconds = 10",
                                                     "timeout_seconds = 0.5"))
        deliver(str(tmp_path / "mail"), [_signup(0)])
        try:
            report = run_tick(build_services(load_settings(config)),
                              datetime.fromisoformat(NOW))
        finally:
            relay.release.set()
    assert report.counts["sent"] == 0
    snapshot = Snapshot(tmp_path / "mailflow.json")
    (mail,) = snapshot.all(OutgoingMail)
    assert mail.status == "pending"
    server = OutboxServer.from_doc(snapshot.meta(SERVER_META))
    assert server.failures == 1
    assert "no answer within 0.5 s (smtp.timeout_seconds)" in server.last_error
