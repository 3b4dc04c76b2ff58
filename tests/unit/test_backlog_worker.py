"""A backlog prepared in a worker process: the same results as in the pass, a view kept up
to date by what the pass publishes, and a pass that never depends on the worker."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.backlog_worker import MAX_SHARE, BacklogWorker
from mailflow.model import Person
from mailflow.ports import Batch, IncomingMessage
from mailflow.prepare import Reader, StateView, ViewChanges, prepare_all
from mailflow.state import apply_decision
from mailflow.values import Decision, NetworkState
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


def running(backlog: int, state: NetworkState, share: float = 0.0) -> BacklogWorker:
    """A worker started by a full first batch, and up (preparing the whole of each later
    batch, unless the pass keeps a ``share``)."""
    worker = BacklogWorker(READER, backlog=backlog, share=share)
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


def test_a_backlog_is_prepared_in_the_worker_exactly_as_in_the_pass() -> None:
    state = network_state()
    worker = running(5, state)
    try:
        for start in (5, 10):
            later = batch(start, 5, oversize=7)
            ticket = worker.submit(later)
            assert ticket is not None
            results = worker.prepared(ticket)
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
        ahead = worker.prepared(worker.submit(first))
        assert ahead is not None and ahead[0] is not None
        sender = ahead[0].parsed.from_addr
        assert (sender, None) in ahead[0].seen  # a stranger when the batch was prepared
        registered = apply_decision(state, Decision(records=(
            Person(sender, "Uusi Ihminen", "omnia", "staff", registered_at=NOW),)))
        assert not worker.holds(ahead[0], registered)  # the pass understands it again
        assert worker.holds(ahead[1], registered)  # someone else's: still good
        worker.publish(registered)
        again = worker.prepared(worker.submit(first))
        assert again is not None and again[0] is not None
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
        assert process is not None and process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        with caplog.at_level(logging.WARNING):
            ticket = worker.submit(batch(2, 2))
            assert worker.prepared(ticket) is None  # the pass prepares this batch itself
        assert "preparing in a worker process failed" in caplog.text
        assert worker.submit(batch(4, 2)) is None  # and every later one
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
            assert worker._process is not None and worker._process.pid is not None
            pid = worker._process.pid
            results = worker.prepared(worker.submit(batch(2, 2)))
            assert results is not None and len(results) == 2
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
            assert worker.prepared(worker.submit(later)) == in_pass(later, state)
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
    assert process is not None and process.is_alive()
    standby.publish(state)
    first = batch(0, 2)  # the backlog shows, and the worker is already up: it takes it
    assert standby.prepared(standby.submit(first)) == in_pass(first, state)
    assert standby._process is process  # no second process
    later = batch(2, 2)
    assert standby.prepared(standby.submit(later)) == in_pass(later, state)
    standby.close()
    assert not process.is_alive()

    unused = BacklogWorker(READER, backlog=200)
    unused.fork_standby()
    idle = unused._process
    assert idle is not None
    assert unused.submit(batch(0, 3)) is None  # a few messages: not used
    unused.close()
    assert not idle.is_alive() and idle.exitcode == 0
    unused.close()  # closing again does nothing


def test_the_pass_keeps_the_first_share_of_a_batch_and_the_worker_prepares_the_rest(
) -> None:
    state = network_state()
    worker = running(2, state, share=0.5)
    try:
        later = batch(2, 6)
        ticket = worker.submit(later)
        assert ticket is not None
        assert ticket.kept == 3  # the pass prepares the first half itself
        results = worker.prepared(ticket)
        assert results == in_pass(later, state)[3:]  # the worker, the rest
    finally:
        worker.close()


def test_the_share_follows_the_times_so_both_sides_take_as_long() -> None:
    state = network_state()
    slow_pass = running(2, state, share=0.5)
    fast_pass = running(2, state, share=0.5)
    try:
        for _ in range(4):
            for worker, own in ((slow_pass, 100.0), (fast_pass, 1e-6)):
                ticket = worker.submit(batch(2, 6))
                assert ticket is not None
                assert worker.prepared(ticket) is not None
                worker.balance(ticket, 6, own=own, rest=0.0, other=0.0)
        # a pass that is slow over its own share gives the worker everything ...
        assert slow_pass.share < 0.01
        ticket = slow_pass.submit(batch(8, 8))
        assert ticket is not None and ticket.kept == 0
        assert slow_pass.prepared(ticket) == in_pass(batch(8, 8), state)
        # ... one that is quick and has nothing else to do keeps as much as it may
        assert fast_pass.share == MAX_SHARE
        ticket = fast_pass.submit(batch(8, 8))
        assert ticket is not None and ticket.kept == int(8 * MAX_SHARE)
        assert fast_pass.prepared(ticket) == in_pass(batch(8, 8), state)[ticket.kept:]
    finally:
        slow_pass.close()
        fast_pass.close()


def test_even_times_split_a_batch_where_both_sides_finish_together() -> None:
    worker = running(2, network_state(), share=0.5)
    try:
        first = worker.submit(batch(2, 10))
        assert first is not None and worker.prepared(first) is not None
        worker.balance(first, 10, own=500.0, rest=0.0, other=0.0)  # warming up: left out
        assert worker.share == 0.5
        ticket = worker.submit(batch(12, 10))
        assert ticket is not None and worker.prepared(ticket) is not None
        # the pass took 1 s a message over its 5 and 0.5 s deciding on each of the
        # worker's; the worker took as long as it reported (made 2 s a message here)
        worker._worker_seconds = 10.0
        worker.balance(ticket, 10, own=5.0, rest=2.5, other=0.0)
        share = worker.share
        # with share s of n messages: pass s*1 + (1-s)*0.5 = worker (1-s)*2  ->  s = 0.6
        assert share == pytest.approx(0.6)
    finally:
        worker.close()
