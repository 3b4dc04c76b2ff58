"""The daemon sends on a thread of its own: while a slow server holds one sending, the
next pass takes in new mail and leaves the outbox to it; every mail goes out once."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.adapters.ports import SendResult
from mailflow.adapters.store import Snapshot
from mailflow.config.loader import load_settings
from mailflow.core.model import OutgoingMail
from mailflow.run.bootstrap import build_services
from mailflow.run.daemon import Ticker
from mailflow.run.tick import TickReport
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


class SlowOutbox(FileOutbox):
    """A file outbox whose every send waits for ``gate`` (``entered`` is set meanwhile)."""

    def __init__(self, path: Path, gate: threading.Event, entered: threading.Event) -> None:
        super().__init__(path)
        self.gate, self.entered = gate, entered

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult:
        self.entered.set()
        assert self.gate.wait(60)
        return super().send(raw, sender, recipients)


def test_a_slow_sending_holds_up_no_pass_and_sends_each_mail_once(tmp_path: Path) -> None:
    config = write_maildir_config(tmp_path)
    gate, entered = threading.Event(), threading.Event()
    services = replace(build_services(load_settings(config), pipelined=False),
                       open_sender=lambda: SlowOutbox(tmp_path / "outbox", gate, entered))
    reports: list[TickReport] = []
    moments = iter([NOW + timedelta(seconds=n) for n in range(10)])
    ticker = Ticker(services, threading.Event(), reports.append, clock=lambda: next(moments))
    gate.set()
    ticker.run()  # the first pass, with nothing to send: the daemon is up
    gate.clear()

    deliver(str(tmp_path / "mail"), [signup(1)])
    ticker.run()  # handles the sign-up; its confirmation goes out on the sender's thread
    assert entered.wait(60)
    deliver(str(tmp_path / "mail"), [signup(2)])
    ticker.run()  # meanwhile: the next pass takes in mail, leaves the outbox to the sender
    assert ticker.sender is not None
    assert ticker.sender.is_alive()
    assert [len(r.handled) for r in reports] == [0, 1, 1]
    gate.set()
    ticker.sender.join(60)
    ticker.run()  # records what was sent, and sends what waited
    assert ticker.sender is not None
    ticker.sender.join(60)
    ticker.run()

    mails = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert sorted(m.status for m in mails) == ["sent", "sent"]
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2
    assert sum(r.counts["sent"] for r in reports) == 2
