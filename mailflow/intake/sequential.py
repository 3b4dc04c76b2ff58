"""The plain intake: a batch is read when the pass asks for it, and moved when asked.

Nothing runs beside the pass: it parses and understands each message at its turn
(:class:`~mailflow.intake.prepare.Preparer`). Right for a few messages at a time and
for a dry run; :mod:`mailflow.intake.pipelined` is the same with a backlog read and
prepared ahead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from mailflow.adapters.ports import Mailbox
from mailflow.core.values import NetworkState
from mailflow.intake.port import Arrival, BatchSizes, IntakeBatch, Moves, replay_moves
from mailflow.intake.preparer import Preparer

__all__ = ["SequentialIntake"]


class SequentialIntake:
    """An :class:`~mailflow.intake.port.Intake` that does each step when asked.

    open_mailbox: opens the mailbox (at the first step that needs it);
    preparer: parses and understands each message at its turn.
    """

    def __init__(self, open_mailbox: Callable[[], Mailbox], preparer: Preparer,
                 sizes: BatchSizes) -> None:
        self._open_mailbox = open_mailbox
        self._preparer = preparer
        self._sizes = sizes
        self._box: Mailbox | None = None
        self._moved = False

    def get_ready(self) -> None:
        """Nothing to get ready: nothing is read ahead."""

    def replay(self, moves: Moves) -> int:
        return replay_moves(self._mailbox(), moves)

    def batches(self, cursor: dict[str, Any], since: datetime,
                state: Callable[[], NetworkState]) -> Iterator[IntakeBatch]:
        sizes, preparer = self._sizes, self._preparer
        for batch in self._mailbox().fetch_new(cursor, since, sizes.batch_size,
                                               sizes.max_bytes, first_size=sizes.first):
            yield IntakeBatch(len(batch.messages), batch.cursor,
                              (Arrival(incoming, preparer) for incoming in batch.messages))

    def unmoved(self, moves: Moves) -> Moves:
        return moves  # every earlier move was done when asked

    def move(self, moves: Moves) -> None:
        box = self._mailbox()
        for folder, refs in moves.items():
            box.move(refs, folder)
        self._moved = True

    def finish_moves(self) -> bool:
        return self._moved

    @property
    def history_count(self) -> int:
        return self._box.history_count if self._box is not None else 0

    def close(self) -> None:
        box, self._box = self._box, None
        if box is not None:
            box.close()

    def _mailbox(self) -> Mailbox:
        if self._box is None:
            self._box = self._open_mailbox()
        return self._box
