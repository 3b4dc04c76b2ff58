"""The outbox's pieces on their own: the server's backoff, the spool of bodies, the
sending log and its lock."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.sendlog import SendLog
from mailflow.adapters.spool import Spool
from mailflow.core.errors import TemporaryServerError
from mailflow.core.model import OutboxServer

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))


def test_the_server_is_tried_again_after_1_2_4_8_then_every_10_minutes() -> None:
    server, waits = OutboxServer(), []
    for _ in range(7):
        server = server.failed(NOW, "421 busy")
        assert server.next_try_at is not None
        waits.append(int((server.next_try_at - NOW).total_seconds() // 60))
    assert waits == [1, 2, 4, 8, 10, 10, 10]
    assert (server.failures, server.failing_since, server.last_error) == (7, NOW, "421 busy")
    assert server.waits_at(NOW + timedelta(minutes=9))
    assert not server.waits_at(NOW + timedelta(minutes=10))
    assert not OutboxServer().waits_at(NOW)


def test_the_servers_state_is_stored_as_a_document_and_read_back() -> None:
    server = OutboxServer().failed(NOW, "451 later")
    assert OutboxServer.from_doc(json.loads(json.dumps(server.to_doc()))) == server
    assert OutboxServer.from_doc({}) == OutboxServer()


def test_the_spool_keeps_bodies_privately_under_names_that_say_nothing(tmp_path: Path) -> None:
    spool = Spool.beside(tmp_path / "mailflow.json")
    spool.write("confirm:<a@x>:maija@omnia.test", b"From: x\r\n\r\nhi")
    assert spool.read("confirm:<a@x>:maija@omnia.test") == b"From: x\r\n\r\nhi"
    assert spool.read("confirm:<b@x>:other@omnia.test") is None
    (path,) = spool.path.iterdir()
    assert "maija" not in path.name
    assert path.stat().st_mode & 0o777 == 0o600
    assert spool.path == tmp_path / "mailflow.json.spool"
    assert spool.path.stat().st_mode & 0o777 == 0o700


def test_the_spool_drops_bodies_done_with_and_sweeps_those_never_queued(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    for key in ("a", "b", "c"):
        spool.write(key, key.encode())
    spool.remove(["a", "nothing"])
    assert spool.read("a") is None
    assert spool.sweep(pending=["b"]) == 1
    assert (spool.read("b"), spool.read("c")) == (b"b", None)


def test_one_sender_at_a_time_holds_the_sending_lock(tmp_path: Path) -> None:
    store = tmp_path / "mailflow.json"
    first = SendLog.try_open(store)
    assert first is not None
    assert SendLog.try_open(store) is None  # another sender (a thread or a process) waits
    first.close()
    again = SendLog.try_open(store)
    assert again is not None
    again.close()


def test_the_sending_log_keeps_whole_lines_and_drops_one_cut_short(tmp_path: Path) -> None:
    opened = SendLog.try_open(tmp_path / "mailflow.json")
    assert opened is not None
    with opened as log:
        log.append({"key": "a", "result": "sent"})
        with log.path.open("ab") as handle:
            handle.write(b'{"key": "b", "res')  # a crash in the middle of a line
        log.append({"key": "c", "result": "failed"}, sync=False)
        log.sync()
        assert [e["key"] for e in log.entries()] == ["a", "c"]
        log.clear()
        assert list(log.entries()) == []


def test_a_disk_that_refuses_a_body_is_a_passing_fault_naming_the_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    spool = Spool(blocker / "spool")  # cannot be made: a file stands where its parent goes
    with pytest.raises(TemporaryServerError, match="not-a-folder/spool") as caught:
        spool.write("a", b"x" * 1234)
    assert "1,234 bytes needed" in str(caught.value)
