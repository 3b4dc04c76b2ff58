"""The TinyDB store: atomic, private, versioned, one writer at a time, changes written together."""

from __future__ import annotations

import json
import multiprocessing
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailflow.adapters.store import SCHEMA_VERSION, Snapshot, Store
from mailflow.core.errors import StoreError, StoreLockedError
from mailflow.core.model import OutgoingMail, Person, ProcessedMessage

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def person(n: int, name: str = "") -> Person:
    return Person(address=f"p{n}@omnia.test", name=name or f"Henkilö {n}", org="omnia")


def pending_mail() -> OutgoingMail:
    return OutgoingMail(key="confirm:<a@omnia.test>", to="a@omnia.test", subject="Kiitos",
                        message_id="<x@example.org>", created_at=NOW, raw="...")


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
        maija = store.get(Person, "p1@omnia.test")
        assert maija is not None
        assert maija.name == "Maija Mallikas"


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


def _hold_lock(path: str, ready: multiprocessing.synchronize.Event,
               release: multiprocessing.synchronize.Event, log: str) -> None:
    """Hold the store's lock until told to let go; log the moment just before it does."""
    with Store(path):
        ready.set()
        release.wait(60)
        with open(log, "a") as handle:
            handle.write("holder let go\n")


class LockHolder:
    """Another process holding the store's lock until :meth:`let_go`."""

    def __init__(self, path: Path) -> None:
        self.log = path.with_name("events.log")
        ctx = multiprocessing.get_context("spawn")
        self.ready, self.release = ctx.Event(), ctx.Event()
        self.process = ctx.Process(target=_hold_lock,
                                   args=(str(path), self.ready, self.release, str(self.log)))

    def __enter__(self) -> LockHolder:
        self.process.start()
        assert self.ready.wait(60)
        return self

    def let_go(self) -> None:
        self.release.set()
        self.process.join(60)
        assert self.process.exitcode == 0

    def __exit__(self, *exc: object) -> None:
        if self.process.exitcode is None:
            self.let_go()

    def events(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


def test_a_second_writer_waits_a_bounded_time_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with LockHolder(path) as holder:
        with pytest.raises(StoreLockedError, match=r"another mailflow run holds .* \(waited 0.2 s\)"):
            Store(path, lock_timeout=0.2)
        assert holder.process.is_alive()
        assert holder.events() == []  # it gave up on a held lock
        holder.let_go()
    with Store(path, lock_timeout=0.2):  # free again once the holder is gone
        pass


def _open_and_log(path: Path, log: Path) -> None:
    with Store(path, lock_timeout=60), open(log, "a") as handle:
        handle.write("waiter got the lock\n")


def test_a_second_writer_that_waits_long_enough_gets_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with LockHolder(path) as holder:
        waiter = threading.Thread(target=_open_and_log, args=(path, holder.log))
        waiter.start()
        waiter.join(0.3)
        assert waiter.is_alive()  # still waiting: the lock is held
        holder.let_go()
        waiter.join(60)
        assert not waiter.is_alive()
    # it went on only once the holder had let go
    assert holder.events() == ["holder let go", "waiter got the lock"]


def test_a_mail_marked_sent_survives_a_crash_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    mail = pending_mail()
    with Store(path) as store:
        store.put(mail)
        store.commit()
        store.mark_sent(mail.replace(status="sent", sent_at=NOW, raw=""))
        # no commit: the process dies here
    with Store(path) as store:
        again = store.get(OutgoingMail, mail.key)
        assert again is not None
        assert again.status == "sent"
        assert again.sent_at == NOW
        assert again.raw == ""


def test_marking_sent_does_not_make_other_changes_durable(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    mail = pending_mail()
    with Store(path) as store:
        store.put(mail)
        store.commit()
        store.put(person(1))  # not committed
        store.mark_sent(mail.replace(status="sent", sent_at=NOW, raw=""))
    with Store(path) as store:
        stored = store.get(OutgoingMail, mail.key)
        assert stored is not None
        assert stored.status == "sent"
        assert store.count(Person) == 0


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
        message = store.get(ProcessedMessage, "<m3@omnia.test>")
        assert message is not None
        assert message.folder == "attention"
        assert store.has(ProcessedMessage, "<m1999@omnia.test>")
        assert store.delete(ProcessedMessage, ["<m1@omnia.test>", "<nope>"]) == 1
        assert not store.has(ProcessedMessage, "<m1@omnia.test>")


def compacted(path: Path, records: list[object]) -> Path:
    """A store holding ``records`` in its main file, with no journal."""
    with Store(path) as store:
        store.put_many(records)
        store.scrub()
        store.commit()
    return path


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def two_commits(folder: Path) -> Path:
    """A new store (written whole) with person 1, then person 2 in a journal line."""
    path = folder / "mailflow.json"
    with Store(path) as store:
        store.put(person(1))
        store.commit()
        store.put(person(2))
        store.commit()
    return path


def test_a_commit_appends_what_changed_to_the_journal_not_the_whole_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put_many([person(n) for n in range(1000)])
        store.commit()  # a new store is written whole
        size = path.stat().st_size
        store.put(person(7, name="Maija Mallikas"))
        store.set_meta("cursor", {"INBOX": 5})
        store.commit()
        assert path.stat().st_size == size  # the main file was not rewritten
        lines = journal_of(path).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1
        assert len(lines[0]) < 300
        assert stat.S_IMODE(journal_of(path).stat().st_mode) == 0o600
    with Store(path) as store:
        maija = store.get(Person, "p7@omnia.test")
        assert maija is not None
        assert maija.name == "Maija Mallikas"
        assert store.meta("cursor") == {"INBOX": 5}
        assert store.count(Person) == 1000


def test_deletes_are_journalled_too(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put_many([person(1), person(2)])
        store.commit()
        store.delete(Person, ["p1@omnia.test"])
        store.commit()
    with Store(path) as store:
        assert [p.address for p in store.all(Person)] == ["p2@omnia.test"]


def test_a_line_torn_by_a_crash_is_dropped_and_later_commits_still_count(
    tmp_path: Path,
) -> None:
    path = two_commits(tmp_path)
    journal = journal_of(path)
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'{"tables":{"people":{"p3@omnia.test":{"addr')  # killed
    with Store(path) as store:
        assert store.count(Person) == 2  # the torn commit never happened
        store.put(person(4))
        store.commit()
    with Store(path) as store:
        assert sorted(p.address for p in store.all(Person)) == [
            "p1@omnia.test", "p2@omnia.test", "p4@omnia.test"]


def test_a_damaged_line_inside_the_journal_is_a_clear_error(tmp_path: Path) -> None:
    path = two_commits(tmp_path)
    journal = journal_of(path)
    journal.write_bytes(b"not json\n" + journal.read_bytes())
    with pytest.raises(StoreError, match=r"mailflow.json.journal: line 1 is damaged"):
        Store(path)
    with pytest.raises(StoreError, match="is damaged"):  # not StoreLockedError:
        Store(path, lock_timeout=0.1)  # the failed open released the lock


def test_a_checkpoint_folds_a_big_journal_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put(person(0))
        store.commit()
        for n in range(1, 40):
            store.put(person(n))
            store.commit()
        store.checkpoint()  # the journal had outgrown the file
        assert not journal_of(path).exists()
        assert len(json.loads(path.read_text())["people"]) == 40
        store.put(person(99))
        store.checkpoint()  # a small journal stays
        assert journal_of(path).exists()


def test_replaying_a_journal_already_in_the_file_changes_nothing(tmp_path: Path) -> None:
    """A crash between a compaction's rename and the journal's removal."""
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put_many([person(1), person(2)])
        store.commit()
        store.put(person(1, name="Uusi Nimi"))
        store.delete(Person, ["p2@omnia.test"])
        store.put(person(3))
        store.set_meta("generation", 2)
        store.commit()
        journal = journal_of(path).read_bytes()
        store.checkpoint()
        store.checkpoint()
    assert not journal_of(path).exists()
    journal_of(path).write_bytes(journal)
    with Store(path) as store:
        assert {p.address: p.name for p in store.all(Person)} == {
            "p1@omnia.test": "Uusi Nimi", "p3@omnia.test": "Henkilö 3"}
        assert store.meta("generation") == 2


def test_an_old_sent_journal_is_replayed_then_folded_in(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    mail = pending_mail()
    with Store(path) as store:
        store.put(mail)
        store.commit()
    sent = mail.replace(status="sent", sent_at=NOW, raw="")
    legacy = path.with_name("mailflow.json.sent")
    legacy.write_text(json.dumps(sent.to_doc()) + "\n" + '{"key": "torn', encoding="utf-8")
    with Store(path) as store:
        assert store.get(OutgoingMail, mail.key) == sent
        store.commit()
    assert not legacy.exists()
    assert json.loads(path.read_text())["outbox"]["1"]["status"] == "sent"


def test_a_snapshot_sees_every_whole_commit_without_the_lock(tmp_path: Path) -> None:
    path = two_commits(tmp_path)  # person 1 in the file, person 2 in the journal
    with Store(path) as store:
        store.set_meta("generation", 7)
        store.commit()
        store.put(person(3))  # not committed
        snapshot = Snapshot(path)
        assert sorted(p.address for p in snapshot.all(Person)) == [
            "p1@omnia.test", "p2@omnia.test"]
        assert snapshot.meta("generation") == 7


@pytest.mark.parametrize("torn", [b"", b'{"tables":{"people":{"p3@omnia.test":{"addr'])
def test_a_journal_without_one_whole_line_is_removed(tmp_path: Path, torn: bytes) -> None:
    """A crash in a journal's first append (after creating the file, or mid-line)."""
    path = compacted(tmp_path / "mailflow.json", [person(1)])
    journal_of(path).write_bytes(torn)
    with Store(path) as store:
        assert store.count(Person) == 1
    assert not journal_of(path).exists()
    with Store(path) as store:  # and the next commit starts a journal afresh
        store.put(person(2))
        store.commit()
    assert journal_of(path).read_bytes().endswith(b"\n")
    with Store(path) as store:
        assert store.count(Person) == 2


def test_field_values_give_one_field_of_the_matching_records(tmp_path: Path) -> None:
    with Store(tmp_path / "mailflow.json") as store:
        store.put_many([person(1), person(2), person(3)])
        store.commit()
        picked = store.field_values(Person, "address", lambda d: d["address"] != "p2@omnia.test")
    assert sorted(picked) == ["p1@omnia.test", "p3@omnia.test"]
