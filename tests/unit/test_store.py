"""The TinyDB store: atomic, private, versioned, one writer at a time, changes written together."""

from __future__ import annotations

import json
import multiprocessing
import stat
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailflow.adapters.store import SCHEMA_VERSION, Store
from mailflow.errors import StoreError, StoreLockedError
from mailflow.model import OutgoingMail, Person, ProcessedMessage

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def person(n: int, name: str = "") -> Person:
    return Person(address=f"p{n}@omnia.test", name=name or f"Henkilö {n}", org="omnia")


def test_records_round_trip_and_upsert_by_key(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put_many([person(1), person(2)])
        store.commit()
    with Store(path) as store:
        assert store.get(Person, "p1@omnia.test") == person(1)
        store.put(person(1, name="Maija Mallikas"))
        store.commit()
    with Store(path) as store:
        assert store.count(Person) == 2
        assert store.get(Person, "p1@omnia.test").name == "Maija Mallikas"  # type: ignore[union-attr]


def test_the_file_is_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "var" / "mailflow.json"
    with Store(path) as store:
        store.put(person(1))
        store.commit()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["mailflow.json", "mailflow.json.lock"]


def test_nothing_reaches_the_disk_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put(person(1))
        store.commit()
        store.put_many([person(n) for n in range(2, 500)])
        assert json.loads(path.read_text())["people"].keys() == {"1"}
    with Store(path) as store:  # closed without commit: the changes are dropped
        assert store.count(Person) == 1


def test_the_file_carries_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.commit()
    assert json.loads(path.read_text())["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}


def test_a_file_from_before_versioning_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    path.write_text(json.dumps({"people": {"1": person(7).to_doc()}}))
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get(Person, "p7@omnia.test") == person(7)
        store.commit()
    assert json.loads(path.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_a_file_from_a_newer_mailflow_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    path.write_text(json.dumps({"meta": {"1": {"schema_version": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreError, match="newer than this mailflow understands"):
        Store(path)


def test_a_corrupt_file_is_a_clear_error_and_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    path.write_text('{"people": {"1": ')
    with pytest.raises(StoreError, match="not valid JSON"):
        Store(path)
    path.write_text("{}")
    with Store(path, lock_timeout=0.1):
        pass


def _hold_lock(path: str, ready: multiprocessing.synchronize.Event, seconds: float) -> None:
    with Store(path):
        ready.set()
        time.sleep(seconds)


def test_a_second_writer_waits_a_bounded_time_then_gives_up(tmp_path: Path) -> None:
    path = str(tmp_path / "mailflow.json")
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(path, ready, 3.0))
    holder.start()
    try:
        assert ready.wait(20)
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match="another mailflow run holds"):
            Store(path, lock_timeout=0.5)
        assert 0.4 < time.monotonic() - started < 2.5
    finally:
        holder.join()
    with Store(path, lock_timeout=0.5):  # free again once the holder is gone
        pass


def test_a_second_writer_that_waits_long_enough_gets_the_lock(tmp_path: Path) -> None:
    path = str(tmp_path / "mailflow.json")
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(path, ready, 0.5))
    holder.start()
    try:
        assert ready.wait(20)
        started = time.monotonic()
        with Store(path, lock_timeout=10):
            waited = time.monotonic() - started
        assert 0.2 < waited < 5  # it waited for the holder's 0.5 s, then went on
    finally:
        holder.join()


def test_a_mail_marked_sent_survives_a_crash_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    mail = OutgoingMail(key="confirm:<a@omnia.test>", to="a@omnia.test", subject="Kiitos",
                        message_id="<x@example.org>", created_at=NOW, raw="...")
    with Store(path) as store:
        store.put(mail)
        store.commit()
        store.mark_sent(mail.replace(status="sent", sent_at=NOW, raw=""))
        # no commit: the process dies here
    with Store(path) as store:
        again = store.get(OutgoingMail, mail.key)
        assert again is not None and again.status == "sent" and again.sent_at == NOW
        store.commit()
    assert not path.with_name("mailflow.json.sent").exists()


def test_many_records_are_written_in_one_pass(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    messages = [
        ProcessedMessage(key=f"<m{n}@omnia.test>", received_at=NOW, handled_at=NOW,
                         sender="a@omnia.test", outcome="handled")
        for n in range(2000)
    ]
    with Store(path) as store:
        store.put_many(messages)
        store.put_many([m.replace(folder="attention") for m in messages[:10]])
        store.commit()
    with Store(path) as store:
        assert store.count(ProcessedMessage) == 2000
        assert store.get(ProcessedMessage, "<m3@omnia.test>").folder == "attention"  # type: ignore[union-attr]
        assert store.has(ProcessedMessage, "<m1999@omnia.test>")
        assert store.delete(ProcessedMessage, ["<m1@omnia.test>", "<nope>"]) == 1
        assert not store.has(ProcessedMessage, "<m1@omnia.test>")
