"""A mailbox driven from one background thread, so its waiting overlaps the pass's work.

Reading a batch from IMAP and moving the last one out of the inbox are mostly waits on
the server. :class:`BackgroundMailbox` runs every call on the mailbox in one worker
thread, in the order asked: while the pass handles batch *k*, the worker reads batch
*k + 1* and then moves batch *k − 1*. Only the worker ever touches the mailbox (an
IMAP connection is not thread-safe), and at most one batch is read ahead, so memory
stays bounded by two batches.

A move returns a :class:`~concurrent.futures.Future`; the pass keeps a batch's moves in
its ``pending_moves`` until that future is done, so a crash never forgets one.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any

from mailflow.ports import Batch, Mailbox

__all__ = ["BackgroundMailbox"]


class BackgroundMailbox:
    """Runs one mailbox's reads and moves on one worker thread, one batch read ahead."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mailbox")

    def batches(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int
    ) -> Iterator[Batch]:
        """The mailbox's ``fetch_new`` batches; the next is read while this one is used.

        An error of the mailbox (e.g. ``TemporaryServerError``) is raised here, when the
        batch it cut short is asked for.
        """
        batches = self.mailbox.fetch_new(cursor, since, batch_size, max_bytes)
        try:
            ahead: Future[Batch | None] = self._worker.submit(next, batches, None)
            while (batch := ahead.result()) is not None:
                ahead = self._worker.submit(next, batches, None)
                yield batch
        finally:
            # Ends the mailbox's generator on the worker (after any read in flight), so
            # its clean-up never runs beside another call on the mailbox.
            close = getattr(batches, "close", None)  # a generator's clean-up
            if close is not None:
                self._worker.submit(close).result()

    def move(self, moves: dict[str, list[str]]) -> Future[None]:
        """Move each folder's refs there, after every call asked for before this one."""
        return self._worker.submit(self._move_all, moves)

    def _move_all(self, moves: dict[str, list[str]]) -> None:
        for folder, refs in moves.items():
            self.mailbox.move(refs, folder)

    @property
    def history_count(self) -> int:
        return self.mailbox.history_count

    def close(self) -> None:
        """Wait for the calls already asked for (moves included), then close the mailbox."""
        self._worker.shutdown(wait=True)
        self.mailbox.close()
