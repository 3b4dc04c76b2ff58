"""A full disk: reported as what it is, nothing half-written, nothing retried bigger, and
everything done once when there is room again."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.config.loader import load_settings
from mailflow.core.errors import StoreFullError
from mailflow.core.model import OutgoingMail, Person, ProcessedMessage
from mailflow.run.bootstrap import build_services
from mailflow.run.daemon import Ticker
from mailflow.run.tick import Services, run_tick
from tests.mailgen import deliver, signup
from tests.store_faults import SmallDisk, journal_lines, person

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def small_store(tmp_path: Path) -> tuple[Path, SmallDisk]:
    folder = tmp_path / "var"
    folder.mkdir()
    path = folder / "mailflow.json"
    disk = SmallDisk(folder)
    with Store(path, disk=disk) as store:
        store.put(person(0))
        store.commit()
    return path, disk


def test_a_commit_on_a_full_disk_says_so_in_one_line_and_leaves_nothing_half_written(
        tmp_path: Path) -> None:
    path, disk = small_store(tmp_path)
    with Store(path, disk=disk) as store:
        store.put(person(1))
        store.commit()
        journal = path.with_name("mailflow.json.journal").read_bytes()
        disk.fill(leave=40)  # room for part of the next line only
        store.put_many(person(n) for n in range(2, 30))
        with pytest.raises(StoreFullError) as failed:
            store.commit()
        message = str(failed.value)
        assert "\n" not in message
        assert message.startswith(f"{path}.journal: the disk is full: this commit needs ")
        assert "kB, 40 bytes free" in message
        assert path.with_name("mailflow.json.journal").read_bytes() == journal  # cut off again
        disk.capacity = None  # room again, but this store's memory is ahead of the disk:
        with pytest.raises(StoreFullError):
            store.commit()  # it never writes a bigger line with the failed commit in it
    with Store(path, disk=disk) as store:
        assert store.count(Person) == 2  # the commits that returned, nothing of the failed one
        store.put(person(2))
        store.commit()
    with Store(path, disk=disk) as store:
        assert store.count(Person) == 3


def test_a_compaction_without_room_is_put_off_and_the_journal_keeps_everything(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path, disk = small_store(tmp_path)
    with Store(path, disk=disk) as store:
        for n in range(1, 30):
            store.put(person(n))
            store.commit()
        disk.fill(leave=0)
        store.checkpoint()  # would fold the journal in: no room, so later
        assert len(journal_lines(path)) == 29
    assert "the disk is full: writing the store whole needs" in caplog.text
    assert "it is folded in later" in caplog.text
    disk.capacity = None
    with Store(path, disk=disk) as store:
        assert store.count(Person) == 30
        store.checkpoint()
    assert journal_lines(path) == []


def test_a_new_store_on_a_full_disk_is_created_once_there_is_room(tmp_path: Path) -> None:
    folder = tmp_path / "var"
    folder.mkdir()
    disk = SmallDisk(folder, capacity=0)
    with Store(folder / "mailflow.json", disk=disk) as store, pytest.raises(StoreFullError):
        store.commit()
    assert sorted(p.name for p in folder.iterdir()) == ["mailflow.json.lock"]  # no marker
    disk.capacity = None
    with Store(folder / "mailflow.json", disk=disk) as store:  # new, not "damaged"
        store.commit()


def sent_mail() -> OutgoingMail:
    return OutgoingMail(key="confirm:<a@omnia.test>", to="a@omnia.test", subject="Kiitos",
                        message_id="<x@example.org>", created_at=NOW, raw="...")


@pytest.mark.parametrize("reserve", [True, False])
def test_a_mail_sent_as_the_disk_fills_is_marked_sent_in_the_reserve(
        tmp_path: Path, reserve: bool) -> None:
    path, disk = small_store(tmp_path)
    with Store(path, disk=disk) as store:
        store.put(sent_mail())
        store.commit()
        if not reserve:
            path.with_name("mailflow.json.reserve").unlink()
        disk.fill(leave=0)
        with pytest.raises(StoreFullError) as failed:  # the pass stops: no more sending
            store.mark_sent(sent_mail().replace(status="sent", sent_at=NOW, raw=""))
    with Store(path, disk=disk) as store:
        status = store.get(OutgoingMail, sent_mail().key).status  # type: ignore[union-attr]
    if reserve:
        assert "was sent and marked sent in the room kept for it" in str(failed.value)
        assert status == "sent"  # never sent again
    else:
        assert status == "pending"


CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
[mailbox]
path = "{root}/mail"
handle_since = "2026-01-01T00:00:00+02:00"
batch_size = 20
[outbox]
path = "{root}/outbox"
max_auto_replies_per_day = 100
[store]
path = "{root}/var/mailflow.json"
"""


def services_on(tmp_path: Path, disk: SmallDisk) -> Services:
    config = tmp_path / "mailflow.toml"
    config.write_text(CONFIG.format(root=tmp_path))
    settings = load_settings(config)
    services = build_services(settings, pipelined=False)
    return replace(services, open_store=lambda: Store(tmp_path / "var" / "mailflow.json",
                                                      disk=disk))


def waiting(tmp_path: Path) -> int:
    return len(list((tmp_path / "mail" / "new").iterdir()))


def test_a_burst_of_mail_on_a_full_disk_is_handled_once_when_room_returns(
        tmp_path: Path) -> None:
    (tmp_path / "var").mkdir()
    disk = SmallDisk(tmp_path / "var")
    services = services_on(tmp_path, disk)
    deliver(str(tmp_path / "mail"), [signup(n) for n in range(5)])
    run_tick(services, NOW)
    disk.fill(leave=250_000)  # a few batches fit, then the disk is full
    deliver(str(tmp_path / "mail"), [signup(n) for n in range(5, 125)])

    errors, sizes = [], []
    for second in range(0, 61, 10):  # a pass every 10 s for a minute
        with pytest.raises(StoreFullError) as failed:
            run_tick(services, NOW + timedelta(seconds=second))
        errors.append(str(failed.value))
        sizes.append(disk.used())
    assert all("\n" not in e and "the disk is full" in e for e in errors)
    assert len(set(sizes[1:])) == 1  # failed passes leave nothing behind
    assert 0 < waiting(tmp_path) < 120

    disk.capacity = None
    report = run_tick(services, NOW + timedelta(minutes=2))
    assert report.counts["failed"] == 0
    again = run_tick(services, NOW + timedelta(minutes=3))
    assert again.handled == []
    assert again.sent == []
    assert waiting(tmp_path) == 0
    with Store(tmp_path / "var" / "mailflow.json") as store:
        assert store.count(ProcessedMessage) == 125
        assert store.count(Person) == 125
        answers = store.all(OutgoingMail)
    assert len(answers) == 125
    assert {m.status for m in answers} == {"sent"}
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 125  # each answered once


def test_the_daemon_reports_a_full_disk_in_one_line_and_goes_on_when_there_is_room(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "var").mkdir()
    disk = SmallDisk(tmp_path / "var", capacity=0)
    ticker = Ticker(services_on(tmp_path, disk), threading.Event(), clock=lambda: NOW)
    deliver(str(tmp_path / "mail"), [signup(1)])
    with caplog.at_level(logging.WARNING):
        ticker.run()
    [record] = [r for r in caplog.records if r.name == "mailflow.run.daemon"]
    assert record.getMessage().startswith("tick failed, will retry: ")
    assert "the disk is full" in record.getMessage()
    assert record.exc_info is None
    assert not ticker.stop.is_set()

    disk.capacity = None
    ticker.run()
    assert ticker.succeeded
    assert waiting(tmp_path) == 0
