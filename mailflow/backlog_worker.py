"""Parsing a backlog on another core: a worker process parses the next batch meanwhile.

Parsing is pure (bytes in, :class:`~mailflow.values.ParsedMessage` out) and costs about a
third of a pass's time per message, so when a pass meets a backlog (a full batch), the
batches after it are parsed in one worker process while the pass decides on the batch in
hand: the reading thread sends each batch to the worker as soon as it is read, and the
pass takes the results, in order, when it comes to that batch. A pass over a few
messages never starts a process.

The worker is started by the ``forkserver`` method (a fresh process, safe beside the
daemon's threads) with :mod:`mailflow.parse` preloaded, and talks over one pipe: whole
pickled batches each way, so neither side needs a helper thread (a helper thread would
wait for the interpreter lock while the pass computes). If the worker cannot start or
dies, the pass parses in its own process, as it always can: nothing depends on it.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from mailflow.parse import parse_message

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from mailflow.ports import Batch
    from mailflow.values import ParsedMessage

__all__ = ["ParsePool", "parse_all"]

log = logging.getLogger(__name__)

Parsed = list["ParsedMessage | None"]


def parse_all(raws: list[bytes | None], own_address: str,
              trusted_authserv_id: str) -> Parsed:
    """Each raw message parsed (None stays None: a message over the size cap)."""
    return [
        None if raw is None else parse_message(
            raw, own_address=own_address, trusted_authserv_id=trusted_authserv_id)
        for raw in raws
    ]


def _serve(conn: Connection) -> None:
    """The worker: parse each batch it is sent and send back the results, until EOF."""
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            return
        raws, own_address, trusted = pickle.loads(request)  # noqa: S301 - our own parent
        conn.send_bytes(pickle.dumps(parse_all(raws, own_address, trusted),
                                     protocol=pickle.HIGHEST_PROTOCOL))


class ParsePool:
    """Parses batches in a worker process once a batch shows a backlog (see the module).

    :meth:`submit` runs on the pass's reading thread and returns a ticket (or None: the
    pass parses that batch itself); :meth:`parsed` runs on the pass's thread, in the
    order the batches were read.
    """

    def __init__(self, own_address: str, trusted_authserv_id: str, *, backlog: int) -> None:
        self.own_address = own_address
        self.trusted_authserv_id = trusted_authserv_id
        self.backlog = backlog
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None
        self._sent = 0
        self._received = 0
        self._broken = False

    @property
    def started(self) -> bool:
        """Whether this pool started its worker process."""
        return self._process is not None

    def submit(self, batch: Batch) -> int | None:
        """Send ``batch`` to the worker; its ticket, or None when the pass parses it."""
        if self._broken:
            return None
        if self._conn is None:
            if len(batch.messages) < self.backlog:
                return None  # no backlog: not worth a process
            self._start()
            return None  # the worker starts meanwhile; this batch is parsed in the pass
        try:
            self._conn.send_bytes(pickle.dumps(
                ([m.raw for m in batch.messages], self.own_address, self.trusted_authserv_id),
                protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, ValueError) as exc:
            self._give_up(exc)
            return None
        self._sent += 1
        return self._sent

    def parsed(self, ticket: int | None) -> Parsed | None:
        """The worker's results for a ticket, or None: then the pass parses it itself."""
        if ticket is None or self._broken or self._conn is None:
            return None
        try:
            while self._received < ticket:
                results: Parsed = pickle.loads(self._conn.recv_bytes())  # noqa: S301
                self._received += 1
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            self._give_up(exc)
            return None
        return results

    def close(self) -> None:
        """Stop the worker (it ends when its pipe closes)."""
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None

    def _start(self) -> None:
        try:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["mailflow.parse"])
            mine, theirs = context.Pipe(duplex=True)
            process = context.Process(target=_serve, args=(theirs,), daemon=True,
                                      name="mailflow-parse")
            process.start()
            theirs.close()
        except (OSError, ValueError) as exc:
            self._give_up(exc)
            return
        self._conn, self._process = mine, process

    def _give_up(self, exc: BaseException) -> None:
        if not self._broken:
            log.warning("parsing in a worker process failed (%s); parsing in the pass",
                        f"{type(exc).__name__}: {exc}".rstrip(": "))
        self._broken = True
