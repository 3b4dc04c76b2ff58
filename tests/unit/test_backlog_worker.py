"""A backlog prepared in a worker process: the same results as in the pass, a view kept up
to date by what the pass publishes, and a pass that never depends on the worker."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.adapters.store import Store
from mailflow.core.model import Person
from mailflow.core.state import apply_decision
from mailflow.core.values import Decision, NetworkState
from mailflow.intake.backlog_worker import BacklogWorker, Ticket
from mailflow.intake.prepare import Prepared, StateView, ViewChanges, prepare_all
from mailflow.intake.preparer import Reader
from tests.mailgen import signup
from tests.unit.test_corpus import ALIASES, OWN, network_state

NOW = datetime(2026, 11, 2, 10, tzinfo=UTC)
READER = Reader(OWN, "", ALIASES)


def batch(first: int, count: int, *, oversize: int | None = None) -> Batch:
    return Batch(tuple(
        IncomingMessage(ref=str(n), raw=None if n == oversize else signup(n, padding=2000),
                        size=1, received_at=NOW)
        for n in range(first, first + count)
    ), {})


def running(backlog: int, state: NetworkState) -> BacklogWorker:
    """A worker started by a full first batch, and up."""
    worker = BacklogWorker(READER, backlog=backlog)
    worker.publish(state)
    assert worker.submit(batch(0, backlog)) is None  # prepared in the pass while it starts
    assert worker.started
    assert worker.wait_ready(60)
    return worker


def in_pass(sent: Batch, state: NetworkState) -> list[object]:
    view = StateView()
    view.apply(ViewChanges(serial=1, days=dict(state.days.items()),
                           organisations=dict(state.organisations.items()),
                           people=dict(state.people.items())))
    return list(prepare_all([m.raw for m in sent.messages], view, READER))


def split(worker: BacklogWorker, ticket: Ticket | None,
          pace: float = 0.0) -> tuple[list[int], list[Prepared | None] | None]:
    """What the pass does with a batch: take messages from the front (``pace`` seconds
    each) until it meets the worker, then ask for the worker's results."""
    assert ticket is not None
    mine = []
    for index in worker.own(ticket):
        mine.append(index)
        time.sleep(pace)
    return mine, worker.prepared(ticket)


def worker_takes_all(worker: BacklogWorker, sent: Batch) -> list[Prepared | None] | None:
    """The batch left to the worker until it has taken every message, then its results."""
    ticket = worker.submit(sent)
    assert ticket is not None
    assert worker._claims is not None
    slot = 2 * (ticket.number % worker._claims.SLOTS)
    deadline = time.monotonic() + 30
    while worker._claims._ends[slot + 1] >= 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    mine, theirs = split(worker, ticket)
    assert mine == []
    return theirs


def test_a_backlog_is_prepared_in_the_worker_exactly_as_in_the_pass() -> None:
    state = network_state()
    worker = running(5, state)
    try:
        for start in (5, 10):
            later = batch(start, 5, oversize=7)
            results = worker_takes_all(worker, later)
            assert results is not None
            assert results == in_pass(later, state)
            assert (results[2] is None) == (start == 5)  # message 7 is over the cap
            assert all(worker.holds(r, state) for r in results if r is not None)
    finally:
        worker.close()


def test_the_worker_sees_what_the_pass_published_and_the_pass_sees_what_went_stale() -> None:
    state = network_state()
    worker = running(3, state)
    try:
        first = batch(3, 3)
        ahead = worker_takes_all(worker, first)
        assert ahead is not None
        assert ahead[0] is not None
        sender = ahead[0].parsed.from_addr
        assert (sender, None) in ahead[0].seen  # a stranger when the batch was prepared
        registered = apply_decision(state, Decision(records=(
            Person(sender, "Uusi Ihminen", "omnia", "staff", registered_at=NOW),)))
        assert not worker.holds(ahead[0], registered)  # the pass understands it again
        assert ahead[1] is not None
        assert worker.holds(ahead[1], registered)  # someone else's: still good
        worker.publish(registered)
        again = worker_takes_all(worker, first)
        assert again is not None
        assert again[0] is not None
        assert (sender, registered.people[sender]) in again[0].seen
        assert worker.holds(again[0], registered)
    finally:
        worker.close()


def test_a_pass_over_a_few_messages_starts_no_process() -> None:
    worker = BacklogWorker(READER, backlog=200)
    worker.publish(network_state())
    assert worker.submit(batch(0, 3)) is None
    assert worker.submit(batch(3, 199)) is None
    assert not worker.started
    worker.close()


def test_a_worker_that_dies_leaves_the_work_to_the_pass(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = running(2, network_state())
    try:
        process = worker._process
        assert process is not None
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        with caplog.at_level(logging.WARNING):
            for start in range(2, 12, 2):
                ticket = worker.submit(batch(start, 2))
                if ticket is None:
                    break  # the pipe is found broken: every later batch is the pass's
                mine, theirs = split(worker, ticket)
                assert mine == [0, 1]
                assert theirs in ([], None)  # the pass took it all
            else:
                pytest.fail("a dead worker was never noticed")
        assert "preparing in a worker process failed" in caplog.text
        assert worker.submit(batch(20, 2)) is None
    finally:
        worker.close()


def test_a_worker_that_has_not_come_to_a_batch_costs_the_pass_no_wait() -> None:
    state = network_state()
    worker = running(2, state)
    process = worker._process
    assert process is not None
    assert process.pid is not None
    try:
        os.kill(process.pid, signal.SIGSTOP)  # busy elsewhere, as far as the pass can tell
        answers = worker._received
        mine, theirs = split(worker, worker.submit(batch(2, 5)))
        assert (mine, theirs) == ([0, 1, 2, 3, 4], [])  # the pass took all
        assert worker._received == answers  # and waited for no answer of the worker's
        os.kill(process.pid, signal.SIGCONT)
        later = batch(7, 4)
        assert worker_takes_all(worker, later) == in_pass(later, state)  # in step again
    finally:
        os.kill(process.pid, signal.SIGCONT)
        worker.close()


def test_the_pass_and_the_worker_split_a_batch_where_they_meet() -> None:
    state = network_state()
    worker = running(2, state)
    try:
        sent = batch(2, 40)
        mine, theirs = split(worker, worker.submit(sent), pace=0.05)  # a slow pass
        assert theirs is not None
        assert mine == list(range(len(mine)))  # from the front, in order
        assert len(mine) + len(theirs) == 40  # each message taken once
        assert theirs == in_pass(sent, state)[len(mine):]  # the worker's, from the back
        assert 1 <= len(mine) < 20  # the quicker worker took most of it
    finally:
        worker.close()


def _open_files(pid: int) -> set[str]:
    folder, files = f"/proc/{pid}/fd", set()
    for fd in os.listdir(folder):
        with contextlib.suppress(FileNotFoundError):  # closed while we looked
            files.add(os.readlink(f"{folder}/{fd}"))
    return files


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs Linux /proc")
def test_a_forked_worker_lets_go_of_the_files_of_the_pass(tmp_path: Path) -> None:
    assert threading.active_count() == 1  # as in `mailflow tick`: a plain fork
    with Store(tmp_path / "mailflow.json"):  # holds the store's lock, as a pass does
        worker = running(2, network_state())
        try:
            assert worker._process is not None
            assert worker._process.pid is not None
            pid = worker._process.pid
            results = worker_takes_all(worker, batch(2, 2))
            assert results is not None
            assert len(results) == 2
            lock = str(tmp_path / "mailflow.json.lock")
            assert lock in _open_files(os.getpid())
            assert lock not in _open_files(pid)
            assert not any(f.startswith(str(tmp_path)) for f in _open_files(pid))
        finally:
            worker.close()


def test_beside_other_threads_the_worker_comes_from_a_fork_server() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="like-the-daemon's-scheduler")
    other.start()
    try:
        state = network_state()
        worker = running(2, state)
        try:
            later = batch(2, 2)
            assert worker_takes_all(worker, later) == in_pass(later, state)
            assert worker._process is not None
            assert worker._process._start_method == "forkserver"  # type: ignore[attr-defined]
        finally:
            worker.close()
    finally:
        stop.set()
        other.join()


def test_a_worker_forked_beforehand_serves_a_backlog_and_ends_unused_otherwise() -> None:
    state = network_state()
    standby = BacklogWorker(READER, backlog=2)
    standby.fork_standby()  # as run_tick does before loading the store
    process = standby._process
    assert process is not None
    assert process.is_alive()
    standby.publish(state)
    first = batch(0, 2)  # the backlog shows, and the worker is already up: it takes it
    assert worker_takes_all(standby, first) == in_pass(first, state)
    assert standby._process is process  # no second process
    later = batch(2, 2)
    assert worker_takes_all(standby, later) == in_pass(later, state)
    standby.close()
    assert not process.is_alive()

    unused = BacklogWorker(READER, backlog=200)
    unused.fork_standby()
    idle = unused._process
    assert idle is not None
    assert unused.submit(batch(0, 3)) is None  # a few messages: not used
    unused.close()
    assert not idle.is_alive()
    assert idle.exitcode == 0
    unused.close()  # closing again does nothing
