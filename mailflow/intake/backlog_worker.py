"""A backlog read on another core: a worker process parses and understands the next
batches while the pass decides on the batch in hand.

Parsing and understanding cost most of a pass's time per message, and both are pure, so
when a pass meets a backlog (a full batch), each later batch is sent to one worker
process as soon as it is read. The worker parses it and understands each message against
its view of the state (:mod:`mailflow.intake.prepare`): the days, the organisations and the
people, kept up to date by the changes the pass publishes after each batch. At a
message's turn the pass uses that understanding if what it read of the state is still the
same, and understands the message again otherwise, so a worker changes how fast a pass
is, never what it decides. A pass over a few messages never uses it.

The pass and the worker split each batch between them as they go: the pass takes its
messages from the front, one at a time, preparing and deciding on each; the worker takes
them from the back, one at a time, preparing each; each message is taken once, under a
lock on a pair of counters in shared memory (:class:`_Claims`). Where they meet, the
pass asks for the worker's results, which are ready once the worker finishes the one
message it may still be on, and decides on them in order. So whichever side is quicker
takes more, batch by batch and whatever the mix or the machine's load, and neither waits
for the other longer than one message takes. Meanwhile the worker goes on to the back of
the next batch already read.

Starting the worker:

- While the process has one thread (``mailflow tick`` from cron), by a plain fork before
  the pass loads the store (:meth:`BacklogWorker.fork_standby`): it costs a few
  milliseconds, and a worker forked later, from a process holding the store, would copy
  every page its work touches, up to the store's size. Unused (no backlog), it ends with
  the intake. The objects the pass holds are frozen out of the garbage collector first,
  so the child's collections do not touch them; the child closes every file it
  inherited but its pipe and leaves SIGTERM and SIGINT to the parent.
- Beside other threads (the daemon), a fork is not safe: the ``forkserver`` method starts
  a fresh interpreter with :mod:`mailflow.intake.prepare` preloaded, on its own thread (0.1-0.2 s,
  once per daemon: later passes fork from that server), and the batches read meanwhile
  are prepared in the pass.

The worker talks over one pipe: whole pickled batches each way (its results for the back
of each batch), with the state's changes riding along with the batches, so neither side
needs a helper thread (a helper thread would wait for the interpreter lock while the pass
computes). If the worker cannot start or dies, the pass parses and understands in its
own process, as it always can: nothing depends on it.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from mailflow.core.organisations import DirectoryCache
from mailflow.intake.forking import end, fork_child, let_go, may_fork
from mailflow.intake.prepare import (
    Prepared,
    StateView,
    ViewChanges,
    prepare_all,
    still_holds,
)
from mailflow.intake.preparer import Reader

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from mailflow.adapters.ports import Batch
    from mailflow.core.model import Person
    from mailflow.core.values import NetworkState

__all__ = ["BacklogWorker"]

log = logging.getLogger(__name__)

Results = list[Prepared | None]

#: what preparing imports at the first message: preloaded by the fork server
STAGES = ("mailflow.core.reading.parse", "mailflow.core.understanding.intents")


class Ticket(NamedTuple):
    """A batch sent to the worker: its number and how many messages it has."""

    number: int
    size: int


class _Claims:
    """Which messages of each batch in flight are taken, in shared memory: the pass takes
    from the front, the worker from the back, until they meet. One slot of two counters
    (the next index at the front, the next at the back) per batch, in a ring of
    :data:`SLOTS` (the read-ahead keeps at most three batches in flight)."""

    SLOTS = 8

    def __init__(self, context: Any) -> None:
        self._lock = context.Lock()
        self._ends = context.RawArray("q", 2 * self.SLOTS)

    def open(self, number: int, size: int) -> None:
        """Batch ``number`` of ``size`` messages: nothing taken yet."""
        at = 2 * (number % self.SLOTS)
        with self._lock:
            self._ends[at], self._ends[at + 1] = 0, size - 1

    def front(self, number: int) -> int | None:
        """The next message of batch ``number`` from the front (the pass's), or None when
        the rest is taken."""
        at = 2 * (number % self.SLOTS)
        with self._lock:
            first = self._ends[at]
            if first > self._ends[at + 1]:
                return None
            self._ends[at] = first + 1
            return first  # type: ignore[no-any-return]

    def back(self, number: int) -> int | None:
        """The next message of batch ``number`` from the back (the worker's), or None."""
        at = 2 * (number % self.SLOTS)
        with self._lock:
            last = self._ends[at + 1]
            if last < self._ends[at]:
                return None
            self._ends[at + 1] = last - 1
            return last  # type: ignore[no-any-return]

    def untaken_by_worker(self, number: int, size: int) -> bool:
        """Whether the worker took nothing of batch ``number`` (ask once the front is done:
        nothing is left to take then)."""
        with self._lock:
            return bool(self._ends[2 * (number % self.SLOTS) + 1] >= size - 1)


def _serve(conn: Connection, reader: Reader, claims: _Claims, forked: bool = False) -> None:
    """The worker: bring the view up to date with the changes that come with each batch,
    take the batch's messages from the back and prepare each against the view until the
    pass's front meets it, send back the results of those (in order); until the pipe
    closes. ``forked``: a plain fork of the pass, which lets go of what it inherited."""
    if forked:
        let_go(conn.fileno())
    view = StateView()
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            return
        number, raws, changes = pickle.loads(request)  # noqa: S301 - our own parent
        for change in changes:
            view.apply(change)
        taken: Results = []
        while (index := claims.back(number)) is not None:
            taken += prepare_all([raws[index]], view, reader)
        taken.reverse()
        conn.send_bytes(pickle.dumps(taken, protocol=pickle.HIGHEST_PROTOCOL))


class BacklogWorker:
    """Prepares batches in a worker process once a batch shows a backlog (see the module).

    :meth:`submit` runs on the pass's reading thread and returns a ticket (or None: the
    pass prepares that batch itself); :meth:`own`, :meth:`publish`, :meth:`prepared` and
    :meth:`holds` run on the pass's thread, :meth:`prepared` in the order the batches
    were read.
    """

    def __init__(self, reader: Reader, *, backlog: int) -> None:
        self.reader = reader
        self.backlog = backlog
        self._claims: _Claims | None = None
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None
        self._asked = False  # a batch showed a backlog: the process was asked to start
        self._starting: threading.Thread | None = None  # starting it beside other threads
        self._ready = threading.Event()  # set once the process runs (or failed to start)
        self._sent = 0
        self._received = 0
        self._off = False  # failed or closed: the pass does the work itself
        # what the pass published and the worker has not been sent yet
        self._lock = threading.Lock()
        self._unsent: list[ViewChanges] = []
        # the pass's side of the view: what was published, and each serial's tables
        self._people: dict[str, Person] = {}
        self._tables: tuple[Any, Any] | None = None
        self._serials: dict[int, tuple[Any, Any]] = {}
        self._orgs = DirectoryCache(reader.aliases)  # the directory of the pass's state

    @property
    def started(self) -> bool:
        """Whether a batch showed a backlog, so the worker process was started."""
        return self._asked

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the worker process runs; False when it does not (yet, or at all)."""
        return self._ready.wait(timeout) and not self._off

    def publish(self, state: NetworkState) -> None:
        """Note what changed in ``state`` since the last publish, for the worker's view
        (sent along with the next batch). Costs a look at each person, no copy of them."""
        if self._off:
            return
        people = dict(state.people.items())
        changed: dict[str, Person | None] = {
            address: person for address, person in people.items()
            if self._people.get(address) is not person
        }
        changed.update(dict.fromkeys(self._people.keys() - people.keys()))
        self._people = people
        serial = None
        tables = (state.days, state.organisations)
        if self._tables is None or tables[0] is not self._tables[0] \
                or tables[1] is not self._tables[1]:
            serial = len(self._serials) + 1
            self._serials[serial] = self._tables = tables
        if serial is None and not changed:
            return
        change = ViewChanges(
            serial=serial, people=changed,
            days=dict(state.days.items()) if serial else None,
            organisations=dict(state.organisations.items()) if serial else None,
        )
        with self._lock:
            self._unsent.append(change)

    def submit(self, batch: Batch) -> Ticket | None:
        """Send ``batch`` to the worker, to take from the back (:meth:`own` gives the
        pass the front); its ticket, or None when the pass prepares the whole batch."""
        if self._off:
            return None
        if not self._asked:
            if len(batch.messages) < self.backlog:
                return None  # no backlog: not worth a process
            self._asked = True
            if self._process is None:  # not forked beforehand (fork_standby): start it
                if may_fork():
                    self._start("fork")
                    return None
                # A fresh interpreter (0.1-0.2 s): on its own thread, so the reading goes
                # on, and the pass prepares the batches read meanwhile.
                self._starting = threading.Thread(target=self._start, args=("forkserver",),
                                                  daemon=True, name="mailflow-backlog-start")
                self._starting.start()
                return None
        if not self._ready.is_set() or self._conn is None:
            return None
        with self._lock:
            changes, self._unsent = self._unsent, []
        number, size = self._sent + 1, len(batch.messages)
        assert self._claims is not None
        self._claims.open(number, size)
        try:
            self._conn.send_bytes(pickle.dumps(
                (number, [m.raw for m in batch.messages], changes),
                protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, ValueError) as exc:
            self._give_up(exc)
            return None
        self._sent = number
        return Ticket(number, size)

    def own(self, ticket: Ticket) -> Iterator[int]:
        """The indexes of the messages of the batch the pass prepares itself, from the
        front, each taken as it is asked for, until the worker's share begins."""
        assert self._claims is not None  # a ticket is given only once they are
        while (index := self._claims.front(ticket.number)) is not None:
            yield index

    def prepared(self, ticket: Ticket | None) -> Results | None:
        """The worker's results for the back of the batch (what :meth:`own` left; None
        for a message over the size cap); or None: the pass prepares them itself. Ask once
        :meth:`own` is used up: waits at most for the one message the worker is on."""
        if ticket is None or self._off or self._conn is None or self._claims is None:
            return None
        if self._claims.untaken_by_worker(ticket.number, ticket.size):
            return []  # the pass took it all; the worker's empty answer is skipped later
        try:
            while True:  # the answers of batches the pass took whole come first: skipped
                results: Results = pickle.loads(self._conn.recv_bytes())  # noqa: S301
                self._received += 1
                if self._received == ticket.number:
                    return results
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            self._give_up(exc)
            return None

    def holds(self, prepared: Prepared, state: NetworkState) -> bool:
        """Whether the worker's understanding of a message is what understanding it now,
        against ``state``, would give."""
        tables = self._serials.get(prepared.serial)
        return tables is not None and still_holds(prepared, state, tables, self._orgs.of)

    def __enter__(self) -> BacklogWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fork_standby(self) -> None:
        """Fork the worker now, to be used if a backlog comes: while the process is small
        (before the pass loads the store) and has one thread. A worker forked from a
        process holding the store would copy the pages its work touches, up to the
        store's size. Costs a fork (a few milliseconds); beside other threads it does
        nothing (a backlog then starts the worker from the fork server)."""
        if self._process is None and not self._off and may_fork():
            self._start("fork")

    def close(self) -> None:
        """Stop the worker (it ends when its pipe closes). Closing again does nothing."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._off = True  # nothing more is sent or published
        self._people, self._unsent = {}, []  # the pass's copy of the view: not needed now
        if self._process is not None:
            end(self._process, timeout=5)
            self._process = None

    def _start(self, method: str) -> None:
        try:
            if method == "fork":
                claims = _Claims(multiprocessing.get_context("fork"))
                self._conn, self._process = fork_child(_serve, (self.reader, claims, True),
                                                       "mailflow-backlog")
                self._claims = claims
                return
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["mailflow.intake.prepare", *STAGES])
            claims = _Claims(context)
            mine, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_serve, args=(theirs, self.reader, claims),
                                      daemon=True, name="mailflow-backlog")
            process.start()
            theirs.close()
            self._conn, self._process, self._claims = mine, process, claims
        except Exception as exc:  # whatever it is, the pass goes on without the worker
            self._give_up(exc)
        finally:
            self._ready.set()

    def _give_up(self, exc: BaseException) -> None:
        if not self._off:
            log.warning("preparing in a worker process failed (%s); preparing in the pass",
                        f"{type(exc).__name__}: {exc}".rstrip(": "))
        self._off = True
