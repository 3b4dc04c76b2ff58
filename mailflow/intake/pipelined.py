"""The intake for backlogs: reading ahead, moving behind, and a worker process preparing.

The same steps as :class:`~mailflow.intake.sequential.SequentialIntake`, faster when
the inbox holds a backlog, never with another outcome (see the README's "How a big
inbox is read"): a :class:`~mailflow.intake.background.BackgroundMailbox` reads two
batches ahead and moves on its own thread; run from cron, a
:class:`~mailflow.intake.forked_reader.ForkedReader` reads over its own connection in a
child process; once a batch is full, a
:class:`~mailflow.intake.backlog_worker.BacklogWorker` parses and understands the back
of each batch against its view of the state, which this intake brings up to date after
each batch the pass has decided on. The pass takes each batch's messages from the front
and the worker's prepared ones at the back, each checked against the state at its turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from mailflow.adapters.ports import Batch, Mailbox
from mailflow.core.values import NetworkState
from mailflow.intake.background import BackgroundMailbox
from mailflow.intake.backlog_worker import BacklogWorker, Ticket
from mailflow.intake.forked_reader import ForkedReader
from mailflow.intake.port import Arrival, BatchSizes, IntakeBatch, Moves, replay_moves
from mailflow.intake.preparer import Preparer

__all__ = ["PipelinedIntake"]


class PipelinedIntake:
    """An :class:`~mailflow.intake.port.Intake` that reads and prepares ahead (see the module).

    fork_reader: read in a forked child when the process may fork (worth it for IMAP, not
    for a local Maildir); worker: the backlog worker (by default one that starts once a
    batch holds ``sizes.first`` messages).
    """

    def __init__(self, open_mailbox: Callable[[], Mailbox], preparer: Preparer,
                 sizes: BatchSizes, *, fork_reader: bool = False,
                 worker: BacklogWorker | None = None) -> None:
        self._open_mailbox = open_mailbox
        self._preparer = preparer
        self._sizes = sizes
        self._fork_reader = fork_reader
        self._worker = worker or BacklogWorker(preparer.reader, backlog=sizes.first)
        self._reading = ForkedReader(open_mailbox)
        self._own: Mailbox | None = None  # the pass's own connection
        self._background: BackgroundMailbox | None = None
        self._flight = _MovesInFlight()

    def get_ready(self) -> None:
        """Fork the reader (IMAP) and the worker now, before the pass loads its store."""
        if self._fork_reader:  # reading a local Maildir costs next to nothing
            self._reading.fork_standby()
        self._worker.fork_standby()

    def replay(self, moves: Moves) -> int:
        return replay_moves(self._mailbox(), moves)

    def batches(self, cursor: dict[str, Any], since: datetime,
                state: Callable[[], NetworkState]) -> Iterator[IntakeBatch]:
        sizes, worker = self._sizes, self._worker
        worker.publish(state())
        try:
            for batch, ticket in self._moving().batches(
                    cursor, since, sizes.batch_size, sizes.max_bytes, worker.submit,
                    first_size=sizes.first):
                yield IntakeBatch(len(batch.messages), batch.cursor,
                                  self._arrivals(batch, ticket, state))
        finally:
            worker.close()  # its memory is free before the answers are written

    def _arrivals(self, batch: Batch, ticket: Ticket | None,
                  state: Callable[[], NetworkState]) -> Iterator[Arrival]:
        """The pass's own from the front, while the worker takes the others from the back;
        then the worker's; then the state the batch left goes to the worker's view."""
        worker, messages = self._worker, batch.messages
        taken = 0
        for index in worker.own(ticket) if ticket is not None else range(len(messages)):
            taken = index + 1
            yield Arrival(messages[index], self._preparer)
        rest = messages[taken:]
        prepared = worker.prepared(ticket) or [None] * len(rest)
        for incoming, ahead in zip(rest, prepared, strict=True):
            yield Arrival(incoming, self._preparer, ahead, worker.holds)
        worker.publish(state())

    def unmoved(self, moves: Moves) -> Moves:
        return self._flight.unfinished_and(moves)

    def move(self, moves: Moves) -> None:
        self._flight.ask(self._moving().move(moves), moves)

    def finish_moves(self) -> bool:
        self._moving().hurry_moves()
        return self._flight.wait()

    @property
    def history_count(self) -> int:
        return self._background.history_count if self._background is not None else 0

    def close(self) -> None:
        """Finish the reads and moves asked for; end the helpers and close the mailboxes."""
        try:
            self._worker.close()
            if self._background is not None:
                self._background.close()  # closes the forked reader and the pass's mailbox
            elif self._own is not None:
                self._own.close()
        finally:
            self._background = self._own = None
            self._reading.close()

    def _mailbox(self) -> Mailbox:
        if self._own is None:
            self._own = self._open_mailbox()
        return self._own

    def _moving(self) -> BackgroundMailbox:
        if self._background is None:
            self._background = BackgroundMailbox(self._mailbox(),
                                                 open_mover=self._open_mailbox,
                                                 forked=self._reading)
        return self._background


class _MovesInFlight:
    """The moves asked of the background mailbox, until it has done them."""

    def __init__(self) -> None:
        self._flight: list[tuple[Future[None], Moves]] = []
        self._asked = False

    def unfinished_and(self, moves: Moves) -> Moves:
        """The moves not yet done, with ``moves``: what ``pending_moves`` must hold.
        A move that failed raises its error here: the pass ends, the move stays pending."""
        for done, _ in self._flight:
            if done.done():
                done.result()
        self._flight = [(done, asked) for done, asked in self._flight if not done.done()]
        return _merged([*(asked for _, asked in self._flight), moves])

    def ask(self, done: Future[None], moves: Moves) -> None:
        self._flight.append((done, moves))
        self._asked = True

    def wait(self) -> bool:
        """Wait for every move asked for (raising the error of one that failed); True
        when there were any."""
        for done, _ in self._flight:
            done.result()
        return self._asked


def _merged(moves: Iterable[Moves]) -> Moves:
    """Several batches' moves as one {folder: refs}."""
    merged: Moves = {}
    for batch in moves:
        for folder, refs in batch.items():
            merged.setdefault(folder, []).extend(refs)
    return merged
