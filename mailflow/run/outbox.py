"""Sending what passes queued, as a mail transfer agent does, without the store's lock.

- A temporary failure (the server away, 4xx, a full disk for the file outbox) keeps the
  mail queued for ``outbox.queue_lifetime_days``. Backoff is per server, not per mail
  (:class:`~mailflow.core.model.OutboxServer`, a meta value): no mail is tried before the
  server's next try, and the first success sends the whole queue in the order it was
  queued. A mail still refused for now after its lifetime is given up: it goes to the
  facilitator's attention list and digest with its recipient, never silently. A mail the
  server defers on its own (4xx for its recipient) waits on its own; the queue goes on.
- Sending holds no store lock (a slow server holds up neither intake nor the
  facilitator's commands). A pass, under the store's lock, takes the sending lock
  (:mod:`mailflow.adapters.sendlog`) when no one else is sending (:meth:`Outbox.begin`),
  folds in what the last sending did, gives up what expired, and after its last commit
  plans what to send (:meth:`Outbox.plan`). Once the store is closed, :class:`Sending`
  sends, noting each result in the sending log as soon as the server answered (fsynced
  per mail over SMTP, so an accepted mail is never sent again), and then re-takes the
  store's lock to record the results (or leaves them to the next pass when it is busy).
- Bodies come from the spool beside the store (:mod:`mailflow.adapters.spool`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from mailflow.adapters.ports import Sender
from mailflow.adapters.sendlog import SendLog
from mailflow.adapters.spool import Spool
from mailflow.adapters.store import Store
from mailflow.config.loader import Settings
from mailflow.core.errors import (
    MailDeferredError,
    PermanentDeliveryError,
    StoreLockedError,
    TemporaryServerError,
)
from mailflow.core.model import AttentionItem, OutboxServer, OutgoingMail, Reason
from mailflow.run.report import QueuedMail, TickReport

__all__ = ["SERVER_META", "Outbox", "Sending", "fold_results", "give_up"]

log = logging.getLogger(__name__)

SERVER_META = "outbox_server"
#: a mail its server deferred on its own is tried again after this
DEFERRED_RETRY = timedelta(minutes=15)
_MISSING_BODY = "the rendered mail is missing from the spool"


def _queued(mail: OutgoingMail, status: str) -> QueuedMail:
    return QueuedMail(mail.key, mail.to, mail.subject, mail.message_id, status)


class Outbox:
    """The outbox as one pass at ``now`` sees it, under the store's lock."""

    def __init__(self, settings: Settings, store: Store, now: datetime, report: TickReport,
                 open_sender: Callable[[], Sender]) -> None:
        self.settings = settings
        self.store = store
        self.now = now
        self.report = report
        self.open_sender = open_sender
        self.spool = Spool.beside(store.path)
        self._log: SendLog | None = None

    @property
    def server(self) -> OutboxServer:
        return OutboxServer.from_doc(self.store.meta(SERVER_META) or {})

    def begin(self) -> None:
        """Take the sending lock unless another run is sending (then this pass sends
        nothing), record what the last sending did, and give up what expired."""
        self._log = SendLog.try_open(self.store.path)
        if self._log is None:
            log.info("another run is sending; this pass leaves the outbox to it")
            return
        done = fold_results(self.store, self._log.entries())
        if done is not None:
            self.store.commit()
            self._log.clear()
            self.spool.remove(done)
        self._expire()
        pending = self.store.field_values(OutgoingMail, "key", lambda d: d["status"] == "pending")
        if swept := self.spool.sweep(pending):
            log.info("removed %d body file(s) of mails never queued from the spool", swept)

    def plan(self) -> Sending | None:
        """What to send now, in the order it was queued; None when nothing is, or the
        server's next try is still to come. The caller sends it once the store is closed."""
        sendlog, self._log = self._log, None
        if sendlog is None:
            return None
        server = self.server
        due = [] if server.waits_at(self.now) else self.store.select(
            OutgoingMail, lambda d: d["status"] == "pending"
            and (not d.get("next_attempt_at") or datetime.fromisoformat(d["next_attempt_at"])
                 <= self.now))
        if not due:
            sendlog.close()
            return None
        due.sort(key=lambda m: m.created_at)  # stable: the store keeps the order of queueing
        return Sending(self.settings, sendlog, due, server, self.now, self.report,
                       self.open_sender, self.spool)

    def close(self) -> None:
        """Let go of the sending lock if :meth:`plan` did not hand it on."""
        if self._log is not None:
            self._log.close()
            self._log = None

    def _expire(self) -> None:
        """While the server's next try is still to come, give up the mails refused for
        now for longer than their lifetime (a pass that tries the server instead gives up
        only what it refuses again: :meth:`Sending.run`)."""
        server, oldest = self.server, _oldest(self.settings, self.now)
        expired = self.store.select(
            OutgoingMail, lambda d: d["status"] == "pending"
            and datetime.fromisoformat(d["created_at"]) <= oldest
            and (server.waits_at(self.now) or _waits(d, self.now)))
        for mail in expired:
            give_up(self.store, mail, mail.last_error or server.last_error, self.now)
            self.report.add("failed", _queued(mail, "failed"))
        if expired:
            self.store.commit()
            self.spool.remove(m.key for m in expired)


def _oldest(settings: Settings, now: datetime) -> datetime:
    """A mail queued before this and refused for now is given up."""
    return now - timedelta(days=settings.outbox.queue_lifetime_days)


def _waits(doc: Mapping[str, Any], now: datetime) -> bool:
    """Whether a mail its server deferred on its own waits for its next try."""
    retry = doc.get("next_attempt_at")
    return bool(doc.get("last_error") and retry) and datetime.fromisoformat(str(retry)) > now


def give_up(store: Store, mail: OutgoingMail, error: str, now: datetime) -> None:
    """Mark ``mail`` failed after its lifetime and put it on the attention list, with its
    recipient (the digest lists both)."""
    age = f"{(now - mail.created_at).total_seconds() / 86400:.1f}".rstrip("0").rstrip(".")
    reason = Reason.of("mail_expired", to=mail.to, subject=mail.subject, days=age, error=error)
    store.put_many([
        mail.replace(status="failed", raw="",
                     last_error=f"expired after {age} days in the queue: {error}"),
        AttentionItem(id=f"att:expired:{mail.key}", message_key=mail.key, sender=mail.to,
                      subject=mail.subject, reasons=(reason,), excerpt="", at=now),
    ])
    log.error("mail %s to %s expired after %s days in the queue (%s); it is on the "
              "attention list", mail.key, mail.to, age, error)


def fold_results(store: Store, entries: Iterable[dict[str, Any]]) -> list[str] | None:
    """Record the sending log's ``entries`` in ``store`` (not committed); the keys whose
    bodies are done with, or None when the log is empty. Entries already recorded (a
    crash between the commit and emptying the log) change nothing."""
    done: list[str] | None = None
    for entry in entries:
        done = done if done is not None else []
        if "server" in entry:
            store.set_meta(SERVER_META, entry["server"])
            continue
        mail = store.get(OutgoingMail, str(entry.get("key", "")))
        if mail is None or mail.status != "pending":
            continue
        result, error = entry.get("result"), str(entry.get("error", ""))
        attempts = mail.attempts + 1
        if result == "sent":
            store.put(mail.replace(status="sent", sent_at=datetime.fromisoformat(entry["at"]),
                                   raw="", attempts=attempts, last_error=""))
        elif result == "failed":
            store.put(mail.replace(status="failed", raw="", attempts=attempts, last_error=error))
        elif result == "expired":
            give_up(store, mail.replace(attempts=attempts), error,
                    datetime.fromisoformat(entry["at"]))
        else:  # deferred on its own
            store.put(mail.replace(attempts=attempts, last_error=error,
                                   next_attempt_at=datetime.fromisoformat(entry["retry_at"])))
            continue
        done.append(mail.key)
    return done


class Sending:
    """One sending of planned mails, holding the sending lock and no store lock."""

    def __init__(self, settings: Settings, sendlog: SendLog, mails: list[OutgoingMail],
                 server: OutboxServer, now: datetime, report: TickReport,
                 open_sender: Callable[[], Sender], spool: Spool) -> None:
        self.settings = settings
        self.log = sendlog
        self.mails = mails
        self.server = server
        self.now = now
        self.report = report
        self.open_sender = open_sender
        self.spool = spool

    def __enter__(self) -> Sending:
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.close()

    def run(self) -> None:
        """Send the mails in order until the server fails for now; note each result."""
        sender = self.open_sender()
        later: list[dict[str, Any]] = []  # noted once close() made the files durable
        try:
            for n, mail in enumerate(self.mails):
                entry = self._attempt(sender, mail)
                if entry is None:  # the server failed for now: the queue waits
                    self._expire(self.mails[n:])
                    break
                if self.server.failures:  # it answered: it is back
                    log.info("the outbox's server is back after %d failure(s)",
                             self.server.failures)
                    self.server = OutboxServer()
                    self.log.append({"server": self.server.to_doc()}, sync=False)
                if sender.resends_replace:
                    later.append(entry)
                else:
                    self.log.append(entry)
        finally:
            sender.close()
            for entry in later:
                self.log.append(entry, sync=False)
            self.log.sync()

    def record(self, open_store: Callable[[], Store]) -> None:
        """Re-take the store's lock and record the results; when another pass holds it,
        that pass's next sending (or the next pass) records them instead."""
        try:
            store = open_store()
        except StoreLockedError:
            log.info("the store is busy; the next pass records what was sent")
            return
        with store:
            done = fold_results(store, self.log.entries())
            if done is None:
                return
            store.commit()
            self.log.clear()
            self.spool.remove(done)

    def _attempt(self, sender: Sender, mail: OutgoingMail) -> dict[str, Any] | None:
        """Send one mail; its log entry, or None once the server failed for now."""
        raw = mail.raw.encode("latin-1") if mail.raw else self.spool.read(mail.key)
        if raw is None:
            return self._failed(mail, _MISSING_BODY)
        try:
            result = sender.send(raw, self.settings.network.address, [mail.to])
        except MailDeferredError as exc:
            if mail.created_at <= _oldest(self.settings, self.now):
                return self._expired(mail, str(exc))
            log.warning("sending %s to %s deferred (%s); next try in %s", mail.key, mail.to,
                        exc, DEFERRED_RETRY)
            return {"key": mail.key, "result": "deferred", "error": str(exc),
                    "retry_at": (self.now + DEFERRED_RETRY).isoformat()}
        except TemporaryServerError as exc:
            self.server = self.server.failed(self.now, str(exc))
            self.log.append({"server": self.server.to_doc()})
            log.log(logging.WARNING if self.server.failures == 1 else logging.INFO,
                    "sending failed for now (%s); the queue waits until %s", exc,
                    self.server.next_try_at)
            return None
        except PermanentDeliveryError as exc:
            return self._failed(mail, str(exc))
        if result.refused:
            return self._failed(mail, "; ".join(f"{a}: {e}" for a, e in result.refused.items()))
        self.report.add("sent", _queued(mail, "sent"))
        return {"key": mail.key, "result": "sent", "at": self.now.isoformat()}

    def _expire(self, waiting: list[OutgoingMail]) -> None:
        """Give up the mails the server refused for now past their lifetime."""
        oldest = _oldest(self.settings, self.now)
        for mail in waiting:
            if mail.created_at <= oldest:
                self.log.append(self._expired(mail, self.server.last_error))

    def _expired(self, mail: OutgoingMail, error: str) -> dict[str, Any]:
        self.report.add("failed", _queued(mail, "failed"))
        return {"key": mail.key, "result": "expired", "error": error,
                "at": self.now.isoformat()}

    def _failed(self, mail: OutgoingMail, error: str) -> dict[str, Any]:
        self.report.add("failed", _queued(mail, "failed"))
        log.error("mail %s to %s failed for good: %s", mail.key, mail.to, error)
        return {"key": mail.key, "result": "failed", "error": error}
