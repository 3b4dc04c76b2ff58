"""What one pass did: the messages it handled and the mails it queued, sent or gave up on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["HandledMessage", "QueuedMail", "TickReport"]


@dataclass(frozen=True)
class HandledMessage:
    """One message of this pass and what mailflow understood it as."""

    key: str
    sender: str
    subject: str
    understood: str
    folder: str


@dataclass(frozen=True)
class QueuedMail:
    """One mail this pass queued or sent."""

    key: str
    to: str
    subject: str
    message_id: str
    status: str


@dataclass
class TickReport:
    """What one pass did, for logs, the CLI and the demo.

    The counts are always whole. The lists keep the first ``keep`` items each (all when
    ``keep`` is None), so a pass over a backlog of any size holds a bounded report;
    ``listener`` (when given) hears of every item as it happens, e.g. to print it.
    """

    handled: list[HandledMessage] = field(default_factory=list)
    queued: list[QueuedMail] = field(default_factory=list)
    sent: list[QueuedMail] = field(default_factory=list)
    failed: list[QueuedMail] = field(default_factory=list)
    replayed_moves: int = 0
    history_left: int = 0
    capped: int = 0
    keep: int | None = None
    listener: Callable[[str, HandledMessage | QueuedMail], None] | None = None
    counts: dict[str, int] = field(
        default_factory=lambda: {"handled": 0, "queued": 0, "sent": 0, "failed": 0})

    def add(self, kind: Literal["handled", "queued", "sent", "failed"],
            item: HandledMessage | QueuedMail) -> None:
        """Count ``item`` under ``kind``, tell the listener, keep it while there is room."""
        self.counts[kind] += 1
        if self.listener is not None:
            self.listener(kind, item)
        kept: list[Any] = getattr(self, kind)
        if self.keep is None or len(kept) < self.keep:
            kept.append(item)

    @property
    def did_something(self) -> bool:
        counts = self.counts
        return bool(counts["handled"] or counts["sent"] or counts["failed"] or self.capped)

    def summary(self) -> str:
        counts = self.counts
        return (
            f"{counts['handled']} message(s) handled, {counts['queued']} mail(s) queued, "
            f"{counts['sent']} sent, {counts['failed']} failed"
            + (f", {self.history_left} older message(s) left alone" if self.history_left else "")
            + (f", {self.capped} answer(s) held back by the daily cap" if self.capped else "")
        )
