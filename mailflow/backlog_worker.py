"""A backlog read on another core: a worker process parses and understands the next
batches while the pass decides on the batch in hand.

Parsing and understanding cost most of a pass's time per message, and both are pure, so
when a pass meets a backlog (a full batch), each later batch is sent to one worker
process as soon as it is read. The worker parses it and understands each message against
its view of the state (:mod:`mailflow.prepare`): the days, the organisations and the
people, kept up to date by the changes the pass publishes after each batch. At a
message's turn the pass uses that understanding if what it read of the state is still the
same, and understands the message again otherwise, so a worker changes how fast a pass
is, never what it decides. A pass over a few messages never uses it.

The pass keeps the first part of each batch to prepare itself (it also decides on every
message, and commits), and sends the worker the rest. After each batch the share it
keeps is set from the times both sides took per message, so that both take as long over
a batch and both cores stay busy whatever the mix (:meth:`BacklogWorker.balance`).

Starting the worker:

- While the process has one thread (``mailflow tick`` from cron), by a plain fork before
  the pass loads the store (:meth:`BacklogWorker.fork_standby`): it costs a few
  milliseconds, and a worker forked later, from a process holding the store, would copy
  every page its work touches, up to the store's size. Unused (no backlog), it ends with
  the intake. The objects the pass holds are frozen out of the garbage collector first,
  so the child's collections do not touch them; the child closes every file it
  inherited but its pipe and leaves SIGTERM and SIGINT to the parent.
- Beside other threads (the daemon), a fork is not safe: the ``forkserver`` method starts
  a fresh interpreter with :mod:`mailflow.prepare` preloaded, on its own thread (0.1-0.2 s,
  once per daemon: later passes fork from that server), and the batches read meanwhile
  are prepared in the pass.

The worker talks over one pipe: whole pickled batches each way, with the state's changes
riding along with the batches, so neither side needs a helper thread (a helper thread
would wait for the interpreter lock while the pass computes). If the worker cannot start
or dies, the pass parses and understands in its own process, as it always can: nothing
depends on it.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import threading
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from mailflow.forking import fork_child, let_go, may_fork
from mailflow.orgs import DirectoryCache
from mailflow.prepare import Prepared, Reader, StateView, ViewChanges, prepare_all, still_holds

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from mailflow.model import Person
    from mailflow.ports import Batch
    from mailflow.values import NetworkState

__all__ = ["BacklogWorker"]

log = logging.getLogger(__name__)

Results = list[Prepared | None]


class Ticket(NamedTuple):
    """A batch sent to the worker: its number, and how many of its first messages the
    pass prepares itself (the worker prepares the rest)."""

    number: int
    kept: int


#: the share of each batch the pass prepares itself at first, and at most; after each
#: batch it is set from the times measured (:meth:`BacklogWorker.balance`)
FIRST_SHARE, MAX_SHARE = 0.35, 0.75


def _serve(conn: Connection, reader: Reader, forked: bool = False) -> None:
    """The worker: bring the view up to date with the changes that come with each batch,
    prepare the batch against it, send back the results; until the pipe closes.
    ``forked``: a plain fork of the pass, which lets go of what it inherited first."""
    if forked:
        let_go(conn.fileno())
    view = StateView()
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            return
        raws, changes = pickle.loads(request)  # noqa: S301 - our own parent
        for change in changes:
            view.apply(change)
        started = time.perf_counter()
        results = prepare_all(raws, view, reader)
        conn.send_bytes(pickle.dumps((results, time.perf_counter() - started),
                                     protocol=pickle.HIGHEST_PROTOCOL))


class BacklogWorker:
    """Prepares batches in a worker process once a batch shows a backlog (see the module).

    :meth:`submit` runs on the pass's reading thread and returns a ticket (or None: the
    pass prepares that batch itself); :meth:`publish`, :meth:`prepared` and
    :meth:`holds` run on the pass's thread, :meth:`prepared` in the order the batches
    were read.
    """

    def __init__(self, reader: Reader, *, backlog: int, share: float = FIRST_SHARE) -> None:
        self.reader = reader
        self.backlog = backlog
        self._share = share  # of each batch, what the pass prepares itself (see balance)
        self._worker_seconds = 0.0  # how long the worker took over the last batch's share
        self._rates: tuple[float, ...] | None = None  # seconds a message (see balance)
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

    @property
    def share(self) -> float:
        """The share of each batch (its first messages) the pass prepares itself."""
        return self._share

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
        """Send ``batch`` to the worker, all but the first ``share`` of it; its ticket, or
        None when the pass prepares the whole batch."""
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
        kept = int(len(batch.messages) * self._share)
        try:
            self._conn.send_bytes(pickle.dumps(
                ([m.raw for m in batch.messages[kept:]], changes),
                protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, ValueError) as exc:
            self._give_up(exc)
            return None
        self._sent += 1
        return Ticket(self._sent, kept)

    def prepared(self, ticket: Ticket | None) -> Results | None:
        """The messages after the first ``ticket.kept`` of the batch, as the worker
        prepared them (None for one over the size cap); or None: the pass prepares them
        itself. Ask once the pass has prepared its own share."""
        if ticket is None or self._off or self._conn is None:
            return None
        number = ticket.number
        try:
            while self._received < number:
                results, seconds = pickle.loads(self._conn.recv_bytes())  # noqa: S301
                self._received += 1
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            self._give_up(exc)
            return None
        self._worker_seconds = seconds
        return results  # type: ignore[no-any-return]

    def balance(self, ticket: Ticket | None, size: int, own: float, rest: float,
                other: float) -> None:
        """Set the share the pass keeps of the next batches so that the pass and the
        worker take as long over each, from how long this batch of ``size`` took: the
        pass spent ``own`` seconds preparing and deciding on its share, ``rest`` deciding
        on the worker's, ``other`` on the batch as a whole (commit, sending); the worker
        spent what it reported. With shares s, per message: s*own + (1-s)*rest + other
        = (1-s)*worker. The first batch's times are left out (both sides warm up: the first
        regular expressions compiled, caches filled); each later batch's rates count
        three quarters, the earlier ones a quarter."""
        if ticket is None or self._off or size <= ticket.kept or ticket.number == 1:
            return
        given = size - ticket.kept
        worker, decide, batch = self._worker_seconds / given, rest / given, other / size
        prepare = own / ticket.kept if ticket.kept else decide + worker  # as the worker does
        rates: tuple[float, ...] = (prepare, decide, worker, batch)
        if self._rates is not None:
            rates = tuple((old + 3 * new) / 4
                          for old, new in zip(self._rates, rates, strict=True))
        self._rates = rates
        prepare, decide, worker, batch = rates
        spread = prepare - decide + worker
        share = (worker - decide - batch) / spread if spread > 0 else 0.0
        self._share = min(MAX_SHARE, max(0.0, share))

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
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None

    def _start(self, method: str) -> None:
        try:
            if method == "fork":
                self._conn, self._process = fork_child(_serve, (self.reader, True),
                                                       "mailflow-backlog")
                return
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["mailflow.prepare"])
            mine, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_serve, args=(theirs, self.reader),
                                      daemon=True, name="mailflow-backlog")
            process.start()
            theirs.close()
            self._conn, self._process = mine, process
        except Exception as exc:  # whatever it is, the pass goes on without the worker
            self._give_up(exc)
        finally:
            self._ready.set()

    def _give_up(self, exc: BaseException) -> None:
        if not self._off:
            log.warning("preparing in a worker process failed (%s); preparing in the pass",
                        f"{type(exc).__name__}: {exc}".rstrip(": "))
        self._off = True
