"""The ports: small interfaces the tick talks to. Adapters in ``mailflow.adapters``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

__all__ = ["Batch", "IncomingMessage", "Mailbox", "SendResult", "Sender"]


@dataclass(frozen=True)
class IncomingMessage:
    """One message as the mailbox hands it over.

    ref: the adapter's handle for moving it (an IMAP UID, a Maildir key);
    raw: the bytes, or None when the message is over the size cap (not fetched);
    size: its size in bytes; received_at: when the server got it (INTERNALDATE,
    or the Maildir file's delivery time), timezone-aware.
    """

    ref: str
    raw: bytes | None
    size: int
    received_at: datetime


@dataclass(frozen=True)
class Batch:
    """A batch of new messages and the mailbox cursor to commit with their outcomes."""

    messages: tuple[IncomingMessage, ...]
    cursor: dict[str, Any] = field(default_factory=dict)


class Mailbox(Protocol):
    """Where incoming mail is read. Messages are never marked read or deleted by reading."""

    def fetch_new(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int,
        *, first_size: int = 0,
    ) -> Iterator[Batch]:
        """Yield batches of messages not yet moved out of the inbox.

        cursor: what the last committed batch returned ({} at first); messages received
        before ``since`` are left alone and only counted (see ``history_count``); a message
        over ``max_bytes`` comes with ``raw=None``; the first batch holds at most
        ``first_size`` messages when that is given, the others ``batch_size``.
        """
        ...

    @property
    def history_count(self) -> int:
        """How many messages older than ``since`` the last fetch left alone."""
        ...

    def connect(self) -> None:
        """Get ready to read now (IMAP: log in); a local mailbox has nothing to do."""
        ...

    def move(self, refs: list[str], folder: str) -> None:
        """Move handled messages to ``folder`` (created when missing). Idempotent."""
        ...

    def move_again(self, refs: list[str], folder: str) -> None:
        """``move`` for a replay after a crash, where a move cut short may have copied
        some of the messages already (IMAP: those are not copied twice)."""
        ...

    def erase_from(self, address: str) -> int:
        """Delete the kept messages (processed and attention folders, never the inbox)
        whose From is exactly ``address``; return how many (``mailflow forget``)."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class SendResult:
    """Per-recipient refusals from the server (empty: all accepted)."""

    refused: dict[str, str] = field(default_factory=dict)


class Sender(Protocol):
    """Where outgoing mail goes. Raises TemporaryServerError or PermanentDeliveryError.

    resends_replace: True when sending a mail again (the same Message-ID) replaces the
    earlier copy instead of delivering a second one; such a sender needs no durable
    "sent" mark per mail, because a resend after a crash cannot be a duplicate.
    """

    resends_replace: bool

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult: ...

    def close(self) -> None: ...
