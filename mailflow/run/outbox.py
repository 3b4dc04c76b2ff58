"""Sending what a pass queued: each mail marked sent durably as soon as it is accepted.

A mail refused for now waits with a growing delay (and is given up after
``outbox.max_attempts``); a mail refused for good is marked failed. Once the sending
server failed for now, the rest of the pass sends nothing more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from mailflow.adapters.ports import Sender
from mailflow.adapters.store import Store
from mailflow.config.loader import Settings
from mailflow.core.errors import PermanentDeliveryError, TemporaryServerError
from mailflow.core.model import OutgoingMail
from mailflow.run.report import QueuedMail, TickReport

__all__ = ["Outbox"]

log = logging.getLogger(__name__)


class Outbox:
    """The outbox of one pass at ``now``: :meth:`note` what was queued, :meth:`flush` it."""

    def __init__(self, settings: Settings, store: Store, now: datetime, report: TickReport,
                 open_sender: Callable[[], Sender]) -> None:
        self.settings = settings
        self.store = store
        self.now = now
        self.report = report
        self.open_sender = open_sender
        self.server_away = False  # the sending server failed for now during this pass
        self._queued: list[OutgoingMail] = []  # queued since the last flush
        self._swept = False  # a flush of this pass has looked at every pending mail

    def note(self, mail: OutgoingMail) -> None:
        """``mail`` was queued: the next flush with ``just_queued`` looks at it."""
        self._queued.append(mail)

    def flush(self, *, just_queued: bool = False) -> None:
        """Send what is pending and due; mark each sent durably as soon as it is accepted.
        ``just_queued`` (during intake, after each batch): once a flush of this pass has
        looked at every pending mail, only the mails queued since the last flush; what
        an earlier pass left pending goes out with the first batch, and a look at every
        stored mail after each batch would cost more with every batch. (At this pass's
        ``now``, a mail not sent or not due at one flush is not due at the next.)"""
        queued, self._queued = self._queued, []
        if just_queued and self._swept:
            candidates = [m for m in queued if self.store.has(OutgoingMail, m.key)]
        else:
            candidates = self.store.select(OutgoingMail, lambda d: d["status"] == "pending")
            self._swept = True
        pending = [m for m in candidates if m.status == "pending"
                   and (m.next_attempt_at is None or m.next_attempt_at <= self.now)]
        if not pending or self.server_away:
            return
        pending.sort(key=lambda m: m.created_at)
        sender = self.open_sender()
        replaced_on_resend: list[OutgoingMail] = []
        try:
            for mail in pending:
                if not self._send(sender, mail, replaced_on_resend):
                    break
        finally:
            sender.close()
        # Marked after close() made the sends durable; committed with the next commit (a
        # crash before it resends them, which replaces them: no fsync per mail needed).
        self.store.put_many(replaced_on_resend)

    def _send(self, sender: Sender, mail: OutgoingMail,
              replaced_on_resend: list[OutgoingMail]) -> bool:
        """Send one mail and note what became of it; False once the server is away."""
        try:
            result = sender.send(mail.raw.encode("latin-1"), self.settings.network.address,
                                 [mail.to])
        except TemporaryServerError as exc:
            self._retry_later(mail, str(exc))
            self.server_away = True  # the rest waits for the next pass
            return False
        except PermanentDeliveryError as exc:
            self._give_up(mail, str(exc))
            return True
        if result.refused:
            self._give_up(mail, "; ".join(f"{a}: {e}" for a, e in result.refused.items()))
            return True
        sent = mail.replace(status="sent", sent_at=self.now, raw="", attempts=mail.attempts + 1)
        if sender.resends_replace:
            replaced_on_resend.append(sent)
        else:
            self.store.mark_sent(sent)  # durable now: a resend would be a duplicate
        self.report.add("sent", QueuedMail(mail.key, mail.to, mail.subject, mail.message_id,
                                           "sent"))
        return True

    def _retry_later(self, mail: OutgoingMail, error: str) -> None:
        attempts = mail.attempts + 1
        if attempts >= self.settings.outbox.max_attempts:
            self._give_up(mail, f"gave up after {attempts} attempts: {error}")
            return
        delay = timedelta(minutes=min(2 ** attempts, 12 * 60))
        self.store.put(mail.replace(attempts=attempts, last_error=error,
                                    next_attempt_at=self.now + delay))
        self.store.commit()
        log.warning("sending %s to %s failed for now (%s); next try in %s",
                    mail.key, mail.to, error, delay)

    def _give_up(self, mail: OutgoingMail, error: str) -> None:
        self.store.put(mail.replace(status="failed", attempts=mail.attempts + 1,
                                    last_error=error))
        self.store.commit()
        self.report.add(
            "failed", QueuedMail(mail.key, mail.to, mail.subject, mail.message_id, "failed")
        )
        log.error("mail %s to %s failed for good: %s", mail.key, mail.to, error)
