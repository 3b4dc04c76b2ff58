"""The outbox in a pass: bodies go to the spool, never into the store; a mail queued by
an older mailflow (its body in the store) is still sent; a sender holding the sending
lock keeps a pass from sending the same queue."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.sendlog import SendLog
from mailflow.adapters.store import SCHEMA_VERSION, Snapshot, Store
from mailflow.config.loader import load_settings
from mailflow.core.model import OutgoingMail
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import Services, run_tick
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup
from tests.outage import FullDiskOutbox

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


@pytest.fixture
def services(tmp_path: Path) -> Services:
    config = write_maildir_config(tmp_path)
    return build_services(load_settings(config), pipelined=False)


def on_disk(tmp_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in tmp_path.glob("mailflow.json*") if p.is_file())


def test_a_queued_body_is_in_the_spool_not_in_the_store_or_its_journal(
    services: Services, tmp_path: Path,
) -> None:
    full = replace(services, open_sender=lambda: FullDiskOutbox(tmp_path / "outbox",
                                                                lambda: True))
    deliver(str(tmp_path / "mail"), [signup(1)])
    run_tick(full, NOW)
    (mail,) = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert (mail.status, mail.raw) == ("pending", "")
    (body,) = (tmp_path / "mailflow.json.spool").iterdir()
    assert b"Content-Type: multipart/alternative" in body.read_bytes()
    assert b"Content-Type" not in on_disk(tmp_path)

    assert run_tick(services, NOW).sent == []  # the disk has room again, but the next try
    run_tick(services, NOW + timedelta(minutes=1))  # is a minute on: then sent, body dropped
    (mail,) = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert mail.status == "sent"
    assert list((tmp_path / "outbox").glob("*.eml"))
    assert not list((tmp_path / "mailflow.json.spool").iterdir())


def test_a_mail_queued_with_its_body_in_the_store_is_still_sent(
    services: Services, tmp_path: Path,
) -> None:
    raw = (b"From: verkosto@example.org\r\nTo: maija@omnia.test\r\nSubject: Vanha\r\n"
           b"Message-ID: <old@example.org>\r\nDate: Mon, 02 Nov 2026 08:00:00 +0000\r\n\r\nhei\r\n")
    with Store(tmp_path / "mailflow.json") as store:
        store.put(OutgoingMail(key="confirm:old", to="maija@omnia.test", subject="Vanha",
                               message_id="<old@example.org>", created_at=NOW,
                               raw=raw.decode("latin-1")))
        store.commit()
    report = run_tick(services, NOW)
    assert [m.key for m in report.sent] == ["confirm:old"]
    (sent,) = (tmp_path / "outbox").glob("*.eml")
    assert sent.read_bytes() == raw
    (mail,) = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert (mail.status, mail.raw) == ("sent", "")


def test_while_another_run_sends_a_pass_takes_in_mail_and_leaves_the_outbox_to_it(
    services: Services, tmp_path: Path,
) -> None:
    deliver(str(tmp_path / "mail"), [signup(1)])
    sender = SendLog.try_open(tmp_path / "mailflow.json")
    assert sender is not None
    with sender:
        report = run_tick(services, NOW)
    assert len(report.handled) == 1
    assert report.sent == []
    (mail,) = Snapshot(tmp_path / "mailflow.json").all(OutgoingMail)
    assert mail.status == "pending"
    assert [m.to for m in run_tick(services, NOW).sent] == [mail.to]


def test_a_dry_run_keeps_no_body(services: Services, tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(1)])
    assert len(run_tick(services, NOW, dry_run=True).queued) == 1
    assert not (tmp_path / "mailflow.json.spool").exists()


def test_an_older_store_lets_go_of_each_mails_own_backoff(
    services: Services, tmp_path: Path,
) -> None:
    def doc(key: str, attempts: int, wait: timedelta) -> dict[str, object]:
        mail = OutgoingMail(key=key, to=f"{key}@omnia.test", subject=key,
                            message_id=f"<{key}@example.org>", created_at=NOW,
                            attempts=attempts, next_attempt_at=NOW + wait,
                            last_error="451 later" if attempts else "",
                            raw=f"Message-ID: <{key}@example.org>\r\n\r\n{key}\r\n")
        return mail.to_doc()

    (tmp_path / "mailflow.json").write_text(json.dumps({
        "meta": {"1": {"schema_version": 2}},
        "outbox": {"1": doc("tried", 5, timedelta(hours=12)),
                   "2": doc("throttled", 0, timedelta(minutes=5))},
    }))
    with Store(tmp_path / "mailflow.json") as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        mails = {m.key: m for m in store.all(OutgoingMail)}
    assert mails["tried"].next_attempt_at is None  # the server's backoff decides now
    assert mails["throttled"].next_attempt_at == NOW + timedelta(minutes=5)
    assert [m.key for m in run_tick(services, NOW).sent] == ["tried"]
