"""The mailbox read in a forked child: the same batches as read in the pass, the child's
errors come back as they are, and a child that dies costs the pass only a retry."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.core.errors import MailflowError, TemporaryServerError
from mailflow.intake.background import BackgroundMailbox
from mailflow.intake.forked_reader import ForkedReader

NOW = datetime(2026, 11, 2, tzinfo=UTC)

pytestmark = pytest.mark.skipif(threading.active_count() != 1,
                                reason="a plain fork needs a process with one thread")


class Box:
    """Numbered messages in batches; fails after ``fail_after`` batches if asked to.
    Counts what it left alone as history, and writes to ``opened_in`` the pid that
    opened it."""

    def __init__(self, count: int, batch: int, *, fail_after: int | None = None,
                 error: BaseException | None = None, history: int = 0) -> None:
        self.count, self.batch, self.fail_after, self.error = count, batch, fail_after, error
        self.history = history

    @property
    def history_count(self) -> int:
        return self.history

    def fetch_new(self, cursor: dict[str, Any], since: datetime, batch_size: int,
                  max_bytes: int, *, first_size: int = 0) -> Iterator[Batch]:
        size = first_size or batch_size
        start = int(cursor.get("next", 0))
        served = 0
        while start < self.count:
            if self.fail_after is not None and served == self.fail_after:
                assert self.error is not None
                raise self.error
            refs = range(start, min(start + size, self.count))
            yield Batch(tuple(IncomingMessage(str(n), f"{n}@{os.getpid()}".encode(), n,
                                              since) for n in refs), {"next": refs[-1] + 1})
            served += 1
            start, size = refs[-1] + 1, batch_size

    def connect(self) -> None:
        pass

    def move(self, refs: list[str], folder: str) -> None:
        raise AssertionError("the reading child never moves")

    def move_again(self, refs: list[str], folder: str) -> None:
        raise AssertionError("the reading child never moves")

    def erase_from(self, address: str) -> int:
        raise AssertionError("the reading child never erases")

    def close(self) -> None:
        pass


def read_all(reader: ForkedReader, **kwargs: Any) -> list[Batch]:
    return list(reader.fetch_new({"next": 2}, NOW, 3, 100, **kwargs))


def test_the_child_reads_the_same_batches_in_its_own_process() -> None:
    with ForkedReader(lambda: Box(10, 3, history=7)) as reader:
        reader.fork_standby()
        assert reader.ready
        batches = read_all(reader, first_size=2)
        assert not reader.ready  # used once
    refs = [[m.ref for m in b.messages] for b in batches]
    assert refs == [["2", "3"], ["4", "5", "6"], ["7", "8", "9"]]
    assert [b.cursor for b in batches] == [{"next": 4}, {"next": 7}, {"next": 10}]
    raw = batches[0].messages[0].raw
    assert raw is not None
    assert reader_pid(raw) != os.getpid()  # read by the child
    assert batches[0].messages[0].received_at == NOW
    assert reader.history_count == 7  # the child's count of what it left alone


def reader_pid(raw: bytes) -> int:
    return int(raw.rsplit(b"@", 1)[1])


@pytest.mark.parametrize("error", [
    TemporaryServerError("the server went away"),
    MailflowError("the folder is gone"),
])
def test_an_error_in_the_child_comes_to_the_pass_as_it_was(error: MailflowError) -> None:
    with ForkedReader(lambda: Box(10, 3, fail_after=1, error=error)) as reader:
        reader.fork_standby()
        batches = reader.fetch_new({}, NOW, 3, 100)
        assert [m.ref for m in next(batches).messages] == ["0", "1", "2"]
        with pytest.raises(type(error), match=str(error)):
            next(batches)


class Unpicklable(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(text)
        self.code = code


def test_an_error_that_does_not_pickle_comes_back_with_its_text() -> None:
    with ForkedReader(lambda: Box(10, 3, fail_after=0, error=Unpicklable(7, "odd"))) as reader:
        reader.fork_standby()
        with pytest.raises(MailflowError, match="Unpicklable: odd"):
            read_all(reader)


def test_a_child_that_dies_gives_the_pass_a_temporary_error() -> None:
    with ForkedReader(lambda: Box(10, 3)) as reader:
        reader.fork_standby()
        process = reader._process
        assert process is not None
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        with pytest.raises(TemporaryServerError, match="reading process ended"):
            read_all(reader)
        assert not reader.ready


def test_an_unused_child_ends_with_the_reader() -> None:
    reader = ForkedReader(lambda: Box(10, 3))
    reader.fork_standby()
    process = reader._process
    assert process is not None
    reader.close()
    assert not process.is_alive()
    assert process.exitcode == 0
    reader.close()  # closing again does nothing
    with pytest.raises(RuntimeError, match="not running"):
        read_all(reader)


def test_the_background_mailbox_reads_through_the_child_and_moves_in_the_pass() -> None:
    moved: list[tuple[str, list[str]]] = []

    class Mover(Box):
        def move(self, refs: list[str], folder: str) -> None:
            moved.append((folder, list(refs)))

    forked = ForkedReader(lambda: Box(7, 3, history=2))
    forked.fork_standby()
    mailbox = BackgroundMailbox(Mover(0, 1), open_mover=lambda: Mover(0, 1), forked=forked)
    try:
        seen: list[str] = []
        for batch, _ in mailbox.batches({}, NOW, 3, 100, lambda b: None):
            seen.extend(m.ref for m in batch.messages)
            mailbox.move({"Processed": [m.ref for m in batch.messages]})
        assert seen == [str(n) for n in range(7)]
    finally:
        mailbox.close()
    assert moved
    assert [r for _, refs in moved for r in refs] == seen
    assert mailbox.history_count == 2


class Connecting(Box):
    """Notes in ``log`` each login (a line with the pid); the first ``refusals`` fail."""

    def __init__(self, log: Path, refusals: int = 0) -> None:
        super().__init__(4, 2)
        self.log, self.refusals = log, refusals

    def connect(self) -> None:
        with self.log.open("a") as out:
            out.write(f"{os.getpid()}\n")
        if self.refusals:
            self.refusals -= 1
            raise TemporaryServerError("not yet")


def test_the_child_logs_in_before_the_pass_asks_for_mail(tmp_path: Path) -> None:
    log = tmp_path / "logins"
    with ForkedReader(lambda: Connecting(log)) as reader:
        reader.fork_standby()
        for _ in range(500):  # the pass would be loading its store meanwhile
            if log.exists():
                break
            time.sleep(0.01)
        assert reader._process is not None
        assert log.read_text().split() == [str(reader._process.pid)]
        assert len(read_all(reader)) == 1  # messages 2 and 3
    assert len(log.read_text().split()) == 1  # one login: reading used it


def test_a_refused_early_login_is_tried_again_when_reading(tmp_path: Path) -> None:
    class Refusing(Connecting):
        def fetch_new(self, *args: Any, **kwargs: Any) -> Iterator[Batch]:
            self.connect()  # as ImapMailbox connects when it reads
            yield from super().fetch_new(*args, **kwargs)

    with ForkedReader(lambda: Refusing(tmp_path / "logins", refusals=1)) as reader:
        reader.fork_standby()
        assert [m.ref for b in read_all(reader) for m in b.messages] == ["2", "3"]
    assert len((tmp_path / "logins").read_text().split()) == 2
