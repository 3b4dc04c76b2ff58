"""A mailbox read and emptied from two background threads, so its waits overlap the pass.

Reading a batch from IMAP and moving handled mail out of the inbox are mostly waits on
the server, and a MOVE costs the server about the same whether it moves 50 messages or
2,000: Dovecot rewrites the folder's index once per command (0.2-0.5 s in a folder of
10,000 messages, measured with ``bench/intake.py``). So :class:`BackgroundMailbox`:

- reads on one thread, two batches ahead: while the pass handles batch *k*, batches
  *k + 1* and *k + 2* are read (memory stays bounded by three batches); the first batch
  is read by the pass's own thread, as nothing else can be done before it;
- moves on another thread, over its own mailbox connection, which keeps the server
  busy at most a fifth of the time (:data:`MOVE_DUTY`): every move asked for while the
  last one ran, or while the thread rested after it, goes in the next command. The
  slower the server's moves, the fewer and bigger they get, and reading never waits
  behind them. At the end of the pass the rest are moved at once.

When a forked child reads instead (:class:`~mailflow.intake.forked_reader.ForkedReader`,
from cron), the reading thread only asks the child for each batch and waits, and the pass's
own connection, idle meanwhile, makes the moves: no second login.

Each thread is the only one touching its mailbox object (an IMAP connection is not
thread-safe). A move returns a :class:`~concurrent.futures.Future`; the pass keeps a
batch's moves in its ``pending_moves`` until that future is done, so a crash never
forgets one.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import datetime
from typing import Any, TypeVar

from mailflow.adapters.ports import Batch, Mailbox
from mailflow.intake.forked_reader import ForkedReader

__all__ = ["MOVE_DUTY", "BackgroundMailbox"]

_P = TypeVar("_P")

#: how many batches are read ahead of the one the pass is using: two, so the next one is
#: read, and on its way to the worker process, before the pass needs it
READ_AHEAD = 2

#: the share of the time the moving thread keeps the server busy: after a move of 0.3 s
#: it rests 1.2 s, and the moves asked for meanwhile go in the next command together
MOVE_DUTY = 0.2

class BackgroundMailbox:
    """Reads ``reader`` on one thread and moves on another (see the module's notes).

    open_mover: opens the mailbox the moves are made through (a second connection to
    the same folder); called on the moving thread at the first move; move_duty: the
    share of the time the moves keep the server busy (:data:`MOVE_DUTY`).
    """

    def __init__(self, reader: Mailbox, open_mover: Callable[[], Mailbox],
                 forked: ForkedReader | None = None, *, move_duty: float = MOVE_DUTY) -> None:
        self.reader = reader
        self._forked = forked
        self._source: Mailbox | ForkedReader = reader
        self._open_mover = open_mover
        self._mover: Mailbox | None = None
        self._reads = _Worker("mailbox-read", self._read, together=False)
        self._moves = _Worker("mailbox-move", self._move, together=True, duty=move_duty)

    def batches(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int,
        on_read: Callable[[Batch], _P], *, first_size: int = 0,
    ) -> Iterator[tuple[Batch, _P]]:
        """The mailbox's ``fetch_new`` batches, each with what ``on_read`` returned for it
        as soon as it was read; the next :data:`READ_AHEAD` are read while this one is
        used.

        The first batch is read on the calling thread, before any thread of this mailbox
        starts (so ``on_read`` may start a process by a plain fork, safe only while the
        process has one thread); the next ones on the reading thread.
        An error of the mailbox (e.g. ``TemporaryServerError``) is raised here, when the
        batch it cut short is asked for.
        """
        if self._forked is not None and self._forked.ready:
            self._source = self._forked
        batches = self._source.fetch_new(cursor, since, batch_size, max_bytes,
                                         first_size=first_size)

        def read() -> tuple[Batch, _P] | None:
            batch = next(batches, None)
            return None if batch is None else (batch, on_read(batch))

        try:
            first: Future[tuple[Batch, _P] | None] = Future()
            first.set_result(read())
            ahead = deque([first])
            while (item := ahead.popleft().result()) is not None:
                while len(ahead) < READ_AHEAD:
                    ahead.append(self._reads.ask(read))
                yield item
        finally:
            # Ends the mailbox's generator on its thread (after any read in flight), so
            # its clean-up never runs beside another call on that mailbox.
            close = getattr(batches, "close", None)
            if close is not None:
                self._reads.ask(close).result()

    def move(self, moves: dict[str, list[str]]) -> Future[None]:
        """Move each folder's refs there, together with the moves asked for meanwhile."""
        return self._moves.ask(moves)

    def hurry_moves(self) -> None:
        """Do the moves asked for without resting first (the pass is about to wait)."""
        self._moves.hurry()

    @property
    def history_count(self) -> int:
        return self._source.history_count

    def close(self) -> None:
        """Finish the reads and moves already asked for, then close both mailboxes."""
        try:
            self._reads.finish()
            self._moves.finish()
        finally:
            if self._mover is not None and self._mover is not self.reader:
                self._mover.close()
            if self._forked is not None:
                self._forked.close()
            self.reader.close()

    def _read(self, calls: list[Callable[[], Any]]) -> list[Any]:
        return [call() for call in calls]

    def _move(self, asked: list[dict[str, list[str]]]) -> list[None]:
        merged: dict[str, list[str]] = {}
        for moves in asked:
            for folder, refs in moves.items():
                merged.setdefault(folder, []).extend(refs)
        if self._mover is None:  # the pass's own connection, when a child reads instead
            self._mover = self.reader if self._source is self._forked else self._open_mover()
        for folder, refs in merged.items():
            self._mover.move(refs, folder)
        return [None] * len(asked)


class _Worker:
    """One thread running ``handle`` on what is asked of it, in order.

    With ``together``, ``handle`` gets every request waiting at once (and returns one
    result per request); otherwise one request at a time. An error of ``handle`` is set
    on the future of every request it was handling. With ``duty`` below 1, the thread
    rests after each turn so that turns take at most that share of its time (a turn of
    0.3 s with duty 0.2 is followed by 1.2 s of rest), unless it is asked to finish.
    """

    def __init__(self, name: str, handle: Callable[[list[Any]], list[Any]], *,
                 together: bool, duty: float = 1.0) -> None:
        self._handle = handle
        self._together = together
        self._rest_per_second = max(0.0, 1 / duty - 1)
        self._wake = threading.Condition()
        self._queue: list[tuple[Any, Future[Any]]] = []
        self._closing = False
        self._hurried = False
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)

    def ask(self, request: Any) -> Future[Any]:
        """Queue ``request`` (the thread starts at the first one)."""
        done: Future[Any] = Future()
        with self._wake:
            self._queue.append((request, done))
            self._wake.notify()
        if self._thread.ident is None:
            self._thread.start()
        return done

    def hurry(self) -> None:
        """Rest no more: handle what is asked from now on at once."""
        with self._wake:
            self._hurried = True
            self._wake.notify()

    def finish(self) -> None:
        """Handle what was asked for, then stop the thread."""
        with self._wake:
            self._closing = True
            self._wake.notify()
        if self._thread.ident is not None:
            self._thread.join()

    def _work(self) -> None:
        while True:
            with self._wake:
                while not (self._queue or self._closing):
                    self._wake.wait()
                if not self._queue:
                    return
                taken = len(self._queue) if self._together else 1
                waiting, self._queue = self._queue[:taken], self._queue[taken:]
            started = time.monotonic()
            try:
                results = self._handle([request for request, _ in waiting])
            except BaseException as exc:  # handed to whoever waits on the futures
                for _, done in waiting:
                    done.set_exception(exc)
                continue
            for (_, done), result in zip(waiting, results, strict=True):
                done.set_result(result)
            self._rest((time.monotonic() - started) * self._rest_per_second)

    def _rest(self, seconds: float) -> None:
        until = time.monotonic() + seconds
        with self._wake:
            while not (self._closing or self._hurried) and (left := until - time.monotonic()) > 0:
                self._wake.wait(left)
