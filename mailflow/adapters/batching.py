"""How a mailbox adapter cuts what it reads into batches (shared by IMAP and Maildir).

A batch holds at most ``batch_size`` messages (the first at most ``first_size``, when
given, so a pass gets going sooner) and at most ``batch_bytes`` of message bytes, unless
it holds a single message. Times are compared in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

from mailflow.adapters.ports import IncomingMessage

__all__ = ["BATCH_BYTES", "BatchFill", "aware", "read_cost"]

BATCH_BYTES = 64 * 1024 * 1024  # a batch holds at most this many message bytes (or one message)


def aware(moment: datetime) -> datetime:
    """``moment`` in UTC (a zone-less one taken as UTC): the same instant, in a zone that
    pickles (IMAPClient's own zone class does not)."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def read_cost(size: int, max_bytes: int) -> int:
    """Bytes a message of ``size`` adds to its batch: none when it is over the cap
    ``max_bytes``, because it is not read."""
    return size if size <= max_bytes else 0


class BatchFill:
    """The batch being filled: the adapter asks whether the next message still fits,
    adds it, and takes the batch when it is due."""

    def __init__(self, batch_size: int, first_size: int = 0,
                 batch_bytes: int = BATCH_BYTES) -> None:
        self._batch_size = batch_size
        self._size = first_size or batch_size
        self._budget = batch_bytes
        self.messages: list[IncomingMessage] = []
        self._bytes = 0

    @property
    def full(self) -> bool:
        """True when the batch holds as many messages as it may."""
        return len(self.messages) >= self._size

    def overflows(self, cost: int) -> bool:
        """True when a message of ``cost`` bytes would take a non-empty batch over its
        byte budget."""
        return bool(self.messages) and self._bytes + cost > self._budget

    def add(self, message: IncomingMessage) -> None:
        self.messages.append(message)
        self._bytes += len(message.raw or b"")

    def take(self) -> tuple[IncomingMessage, ...]:
        """The batch's messages; the fill starts again, at the full batch size."""
        batch = tuple(self.messages)
        self.messages, self._bytes, self._size = [], 0, self._batch_size
        return batch
