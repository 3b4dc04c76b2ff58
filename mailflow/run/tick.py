"""The one pass the daemon and cron both run: intake -> decide -> record -> send -> acknowledge.

Exactly once: every message's outcome is committed to the store (with the mailbox cursor)
before the message is moved out of the inbox; a crash in between replays only the move,
because a message whose key is already recorded is never handled again. Every mail is
recorded in the outbox under an idempotency key before it is sent and marked sent after;
a key already in the outbox is never queued again.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from mailflow.adapters.ports import IncomingMessage, Mailbox, Sender
from mailflow.adapters.store.store import Snapshot, Store
from mailflow.config.loader import Settings
from mailflow.core.errors import MailflowError, PermanentDeliveryError, TemporaryServerError
from mailflow.core.languages.reasons import LOG_LANGUAGE, reason_text
from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    PendingAction,
    Person,
    ProcessedMessage,
    Reason,
    Rsvp,
)
from mailflow.core.organisations import DirectoryCache
from mailflow.core.reading.parse import message_key, parse_message
from mailflow.core.rules.decide import Rules, decide, decide_robot
from mailflow.core.schedule.costs import cost_csv
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.state import apply_decision, state_from_records
from mailflow.core.understanding.intents import understand
from mailflow.core.values import Decision, Intent, MailRequest, NetworkState, ParsedMessage
from mailflow.core.writing.render import Attachment, Renderer
from mailflow.intake.background import BackgroundMailbox
from mailflow.intake.backlog_worker import BacklogWorker
from mailflow.intake.forked_reader import ForkedReader
from mailflow.intake.prepare import Prepared, Reader

__all__ = [
    "HandledMessage",
    "QueuedMail",
    "Services",
    "TickReport",
    "erase_person",
    "load_state",
    "queue_requests",
    "record_mails",
    "run_tick",
]

log = logging.getLogger(__name__)

SECRET_META = "secret"  # noqa: S105 - the name of the meta value, not a secret
FIRST_RUN_META = "first_run"
CURSOR_META = "mailbox_cursor"
LAST_DIGEST_META = "last_digest_at"
LAST_PRUNED_META = "last_pruned"
PENDING_MOVES_META = "pending_moves"  # {folder: [refs]} committed before they are moved

#: the first batch of a pass holds at most this many messages: in a backlog, the worker
#: process starts and the first answers go out sooner (the others: mailbox.batch_size)
FIRST_BATCH = 50


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


@dataclass(frozen=True)
class Services:
    """The adapters one pass needs, built by :mod:`mailflow.run.bootstrap`."""

    settings: Settings
    open_store: Callable[[], Store]
    open_mailbox: Callable[[], Mailbox]
    open_sender: Callable[[], Sender]
    renderer: Renderer


def run_tick(
    services: Services,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    report: TickReport | None = None,
) -> TickReport:
    """One pass at ``now``. With ``dry_run`` nothing is committed, moved or sent.
    ``report``: the report to fill (e.g. one that keeps few items and prints each)."""
    report = report if report is not None else TickReport()
    settings = services.settings
    worker = BacklogWorker(
        Reader(settings.network.address, settings.mailbox.trusted_authserv_id,
               settings.organisations),
        backlog=min(settings.mailbox.batch_size, FIRST_BATCH))
    reading = ForkedReader(services.open_mailbox)
    if not dry_run:  # while the process is small: before the store is loaded
        if settings.mailbox.kind == "imap":  # reading a local Maildir costs next to nothing
            reading.fork_standby()
        worker.fork_standby()
    with reading, worker, services.open_store() as store:
        pass_ = _Pass(services, store, now, report, dry_run, worker, reading)
        pass_.intake(progress)
        pass_.schedule()
        pass_.prune()
        if not dry_run:
            store.commit()
            pass_.flush()
            store.checkpoint()
    return report


class _Pass:
    """The state of one pass; its methods are the pass's steps."""

    def __init__(
        self, services: Services, store: Store, now: datetime, report: TickReport, dry_run: bool,
        worker: BacklogWorker, reading: ForkedReader | None = None,
    ) -> None:
        self.services = services
        self.settings = services.settings
        self.store = store
        self.now = now
        self.report = report
        self.dry_run = dry_run
        self.state = load_state(store)
        network = self.settings.network
        self.rules = Rules(
            max_per_org=network.max_per_org,
            network_address=network.address,
            facilitator=network.facilitator,
            secret=_store_secret(store),
        )
        self.domain = network.address.rsplit("@", 1)[1]
        self.server_away = False  # the sending server failed for now during this pass
        self._queued: list[OutgoingMail] = []  # queued since the last flush
        self._swept = False  # a flush of this pass has looked at every pending mail
        self._orgs = DirectoryCache(self.settings.organisations)
        self._worker = worker  # prepares a backlog ahead of the pass, during intake
        self._reading = reading  # reads the mailbox in a child process, if it runs
        self.outbox_keys = OutboxKeys(store.keys(OutgoingMail), self.rules.secret)
        day_ago = now - timedelta(days=1)
        self.answers_today: dict[str, int] = Counter(store.field_values(
            OutgoingMail, "to", lambda d: str(d.get("kind", "")).startswith("auto-replied")
            and datetime.fromisoformat(d["created_at"]) > day_ago,
        ))

    # -- intake ---------------------------------------------------------------------
    def intake(self, progress: Callable[[int], None] | None) -> None:
        mailbox_settings = self.settings.mailbox
        first_run = self.store.meta(FIRST_RUN_META)
        if first_run is None:
            first_run = self.now.isoformat()
            self.store.set_meta(FIRST_RUN_META, first_run)
        since = datetime.fromisoformat(mailbox_settings.handle_since or first_run)
        mailbox = self.services.open_mailbox()
        try:
            self._replay_moves(mailbox)
        except BaseException:
            mailbox.close()
            raise
        background = BackgroundMailbox(mailbox, open_mover=self.services.open_mailbox,
                                       forked=self._reading)
        try:
            self._intake_batches(background, since, progress)
        finally:
            background.close()

    def _intake_batches(self, mailbox: BackgroundMailbox, since: datetime,
                        progress: Callable[[int], None] | None) -> None:
        """Handle, commit, then move each batch. Meanwhile the mailbox reads the next
        batch (and, in a backlog, a worker process parses and understands it) and moves
        the last ones."""
        settings = self.settings.mailbox
        cursor = self.store.meta(CURSOR_META, {}) or {}
        moves_asked = _MovesInFlight(mailbox)
        worker = self._worker
        worker.publish(self.state)
        try:
            for batch, ticket in mailbox.batches(cursor, since, settings.batch_size,
                                                 settings.max_message_bytes, worker.submit,
                                                 first_size=worker.backlog):
                moves: dict[str, list[str]] = {}
                messages = batch.messages
                taken = 0
                indexes = worker.own(ticket) if ticket is not None else range(len(messages))
                for index in indexes:  # the pass's own, from the front, while the worker
                    incoming = messages[index]  # takes the others from the back
                    folder = self._handle(incoming)
                    moves.setdefault(folder, []).append(incoming.ref)
                    taken = index + 1
                rest = messages[taken:]
                prepared = worker.prepared(ticket) or [None] * len(rest)
                for incoming, ahead in zip(rest, prepared, strict=True):
                    folder = self._handle(incoming, ahead)
                    moves.setdefault(folder, []).append(incoming.ref)
                worker.publish(self.state)
                if progress is not None:
                    progress(len(messages))
                if not self.dry_run:
                    self.store.set_meta(CURSOR_META, batch.cursor)
                    self.store.set_meta(PENDING_MOVES_META, moves_asked.unfinished_and(moves))
                    self.store.commit()  # outcomes are durable before anything moves
                    moves_asked.ask(moves)
                    self.flush(just_queued=True)  # answers go out per batch: their
                    # bodies never pile up
        finally:
            worker.close()  # its memory is free before the answers are written
        mailbox.hurry_moves()
        if moves_asked.wait():
            self.store.set_meta(PENDING_MOVES_META, {})  # written with the next commit
        self.report.history_left = mailbox.history_count

    def _replay_moves(self, mailbox: Mailbox) -> None:
        """Finish the moves of a batch whose outcomes were committed before a crash."""
        pending: dict[str, list[str]] = self.store.meta(PENDING_MOVES_META) or {}
        if not pending or self.dry_run:
            return
        move = getattr(mailbox, "move_again", mailbox.move)  # IMAP: a cut MOVE copied some
        for folder, refs in pending.items():
            move(refs, folder)
            self.report.replayed_moves += len(refs)
        self.store.set_meta(PENDING_MOVES_META, {})
        self.store.commit()

    def _handle(self, incoming: IncomingMessage, ahead: Prepared | None = None) -> str:
        """Decide on one message and record it; return the folder it belongs in.
        ``ahead``: the message as the worker process prepared it, if it did."""
        mailbox_settings = self.settings.mailbox
        if incoming.raw is None:
            return self._oversize(incoming)
        key = ahead.parsed.key if ahead is not None else message_key(incoming.raw)
        seen = self.store.get(ProcessedMessage, key)
        if seen is not None:
            self.report.replayed_moves += 1
            return seen.folder
        parsed = ahead.parsed if ahead is not None else parse_message(
            incoming.raw, own_address=self.settings.network.address,
            trusted_authserv_id=mailbox_settings.trusted_authserv_id,
        )
        if parsed.robot is not None:
            decision = decide_robot(parsed, self.state, self.now)
            outcome, intent_kind = "robot", str(parsed.robot)
        else:
            intent = self._understand(parsed, ahead)
            decision = decide(intent, self.state, self.now, self.rules)
            intent_kind = str(intent.kind)
            outcome = "handled"
        decision = _with_message_context(decision, parsed)
        needs_attention = any(isinstance(r, AttentionItem) for r in decision.records)
        folder = (
            mailbox_settings.attention_folder if needs_attention
            else mailbox_settings.processed_folder
        )
        if needs_attention:
            outcome = "attention"
        self._record(decision)
        self.store.put(ProcessedMessage(
            key=key, received_at=incoming.received_at, handled_at=self.now,
            sender=parsed.from_addr, outcome=outcome,  # type: ignore[arg-type]
            intent=intent_kind, folder=folder,
        ))
        self.report.add("handled", HandledMessage(
            key=key, sender=parsed.from_addr, subject=parsed.subject,
            understood=decision.summary or intent_kind, folder=folder,
        ))
        log.info("handled %s from %s: %s", key, parsed.from_addr, decision.summary or intent_kind)
        return folder

    def _understand(self, parsed: ParsedMessage, ahead: Prepared | None) -> Intent:
        """What the message asks for: the worker's understanding when it still holds
        against the current state, else understood here and now."""
        if ahead is not None and ahead.intent is not None \
                and self._worker.holds(ahead, self.state):
            return ahead.intent
        return understand(parsed, self.state, self._orgs.of(self.state.organisations),
                          own_address=self.settings.network.address, network_domain=self.domain)

    def _oversize(self, incoming: IncomingMessage) -> str:
        key = f"oversize:{incoming.ref}:{incoming.size}:{incoming.received_at.isoformat()}"
        folder = self.settings.mailbox.attention_folder
        if not self.store.has(ProcessedMessage, key):
            reason = Reason.of("oversize", size=str(incoming.size),
                               cap=str(self.settings.mailbox.max_message_bytes))
            self.store.put_many([
                AttentionItem(id=f"att:{key}", message_key=key, sender="", subject="",
                              reasons=(reason,), excerpt="", at=self.now),
                ProcessedMessage(key=key, received_at=incoming.received_at, handled_at=self.now,
                                 sender="", outcome="attention", intent="attention",
                                 folder=folder),
            ])
            said = reason_text(reason, LOG_LANGUAGE)
            self.report.add("handled", HandledMessage(key, "", "", said, folder))
        return folder

    def _record(self, decision: Decision) -> None:
        self.state = apply_decision(self.state, decision)
        if decision.records:
            self.store.put_many(decision.records)
        for address in decision.forget:
            erase_person(self.store, address)
        self.queue(decision.mails)

    # -- outgoing -------------------------------------------------------------------
    def queue(self, requests: Iterable[MailRequest], attachments: dict[str, Any] | None = None,
              ) -> None:
        """Queue mails whose keys are new, holding back answers over the daily cap."""
        allowed = []
        for request in requests:
            if request.key in self.outbox_keys:
                continue
            if request.auto == "auto-replied" and self._over_daily_cap(request.to):
                self.report.capped += 1
                log.warning("daily cap of automatic answers reached for %s; %s not sent",
                            request.to, request.key)
                self.outbox_keys.add(request.key)
                continue
            allowed.append(request)
        for mail in record_mails(self.services.renderer, self.store, self.state, self.now,
                                 allowed, self.outbox_keys, attachments):
            if not self.dry_run:  # kept for the next flush, which a dry run never does
                self._queued.append(mail)
            self.report.add(
                "queued", QueuedMail(mail.key, mail.to, mail.subject, mail.message_id, "pending")
            )

    def _over_daily_cap(self, address: str) -> bool:
        """Count this answer against the address's cap; True when the cap is already used."""
        count = self.answers_today.get(address, 0)
        if count >= self.settings.outbox.max_auto_replies_per_day:
            return True
        self.answers_today[address] = count + 1
        return False

    def schedule(self) -> None:
        network, schedule = self.settings.network, self.settings.schedule
        rules = ScheduleRules(
            reminder_offsets_days=schedule.reminder_offsets_days,
            reminder_hour=schedule.reminder_hour,
            digest_hour=schedule.digest_hour,
            tz=self.settings.tz,
            facilitator=network.facilitator,
            cost_split=network.cost_split,
            language=network.language,
            max_per_org=network.max_per_org,
        )
        last_digest = self.store.meta(LAST_DIGEST_META)
        failed = self.store.select(OutgoingMail, lambda d: d["status"] == "failed")
        due = [
            r for r in due_mails(
                self.state, self.now, rules,
                last_digest_at=datetime.fromisoformat(last_digest) if last_digest else None,
                failed_mails=failed, sent_keys=self.outbox_keys,
            )
            if r.key not in self.outbox_keys
        ]
        attachments: dict[str, Any] = {}
        for request in due:
            if request.template == "cost_summary":
                day = self.state.days[request.day] if request.day else request.context["day"]
                data = cost_csv(day, request.context["shares"], request.language)
                attachments[request.key] = [Attachment(
                    filename=f"kustannukset-{day.id}.csv" if request.language == "fi"
                    else f"costs-{day.id}.csv",
                    content_type="text/csv", data=data,
                )]
            if request.template == "digest":
                self.store.set_meta(LAST_DIGEST_META, self.now.isoformat())
        self.queue(due, attachments)

    def prune(self) -> None:
        """Once a day, drop records older than ``store.retention_days``.

        Handled-message records, finished outbox records and handled attention items
        older than the retention go; outbox keys that name a coming network day stay, so
        nothing about a coming day is ever sent twice. Pruning keeps the store small: a
        tick's cost grows with the records kept, not with the network's whole history.
        """
        today = self.now.astimezone(self.settings.tz).date().isoformat()
        if self.store.meta(LAST_PRUNED_META) == today:
            return
        cutoff = self.now - timedelta(days=self.settings.store.retention_days)
        coming = [d.id for d in self.state.days.values() if d.date >= self.now.date()]

        def old(stamp: Any) -> bool:
            return bool(stamp) and datetime.fromisoformat(str(stamp)) < cutoff

        messages = self.store.select(ProcessedMessage, lambda d: old(d["handled_at"]))
        mails = self.store.select(
            OutgoingMail,
            lambda d: d["status"] != "pending" and old(d["created_at"])
            and not any(f":{day}:" in d["key"] for day in coming),
        )
        items = self.store.select(AttentionItem, lambda d: bool(d.get("handled")) and old(d["at"]))
        self.store.delete(ProcessedMessage, [m.key for m in messages])
        self.store.delete(OutgoingMail, [m.key for m in mails])
        self.store.delete(AttentionItem, [a.id for a in items])
        self.store.set_meta(LAST_PRUNED_META, today)
        if messages or mails or items:
            log.info("pruned %d message record(s), %d mail(s), %d attention item(s) older "
                     "than %d days", len(messages), len(mails), len(items),
                     self.settings.store.retention_days)

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
        sender = self.services.open_sender()
        replaced_on_resend: list[OutgoingMail] = []
        try:
            for mail in pending:
                try:
                    result = sender.send(mail.raw.encode("latin-1"), self.settings.network.address,
                                         [mail.to])
                except TemporaryServerError as exc:
                    self._retry_later(mail, str(exc))
                    self.server_away = True  # the rest waits for the next pass
                    break
                except PermanentDeliveryError as exc:
                    self._give_up(mail, str(exc))
                    continue
                if result.refused:
                    self._give_up(mail, "; ".join(f"{a}: {e}" for a, e in result.refused.items()))
                    continue
                sent = mail.replace(status="sent", sent_at=self.now, raw="",
                                    attempts=mail.attempts + 1)
                if sender.resends_replace:
                    replaced_on_resend.append(sent)
                else:
                    self.store.mark_sent(sent)  # durable now: a resend would be a duplicate
                self.report.add(
                    "sent", QueuedMail(mail.key, mail.to, mail.subject, mail.message_id, "sent")
                )
        finally:
            sender.close()
        # Marked after close() made the sends durable; committed with the next commit (a
        # crash before it resends them, which replaces them: no fsync per mail needed).
        self.store.put_many(replaced_on_resend)

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


def record_mails(
    renderer: Renderer,
    store: Store,
    state: NetworkState,
    now: datetime,
    requests: Iterable[MailRequest],
    known_keys: set[str],
    attachments: dict[str, Any] | None = None,
    spacing: timedelta | None = None,
) -> list[OutgoingMail]:
    """Render mails whose keys are new and record them in the outbox as pending.

    ``spacing`` throttles: the n-th mail may not be sent before ``now + n * spacing``.
    """
    recorded: list[OutgoingMail] = []
    for request in requests:
        if request.key in known_keys:
            continue
        day = state.days.get(request.day) if request.day else None
        files = tuple((attachments or {}).get(request.key, ()))
        try:
            rendered = renderer.render(request, now=now, day=day, attachments=files)
        except MailflowError as exc:  # e.g. an address that cannot go in a header
            log.error("mail %s to %r cannot be made: %s", request.key, request.to, exc)
            store.put(OutgoingMail(
                key=request.key, to=request.to, subject="", message_id="", created_at=now,
                status="failed", last_error=f"cannot be made: {exc}",
                kind=f"{request.auto}:{request.template}",
            ))
            known_keys.add(request.key)
            continue
        mail = OutgoingMail(
            key=request.key, to=request.to, subject=rendered.subject,
            message_id=rendered.message_id, created_at=now,
            raw=rendered.raw.decode("latin-1"), kind=f"{request.auto}:{request.template}",
            next_attempt_at=now + (spacing * len(recorded) if spacing else timedelta(0)),
        )
        store.put(mail)
        known_keys.add(request.key)
        recorded.append(mail)
    return recorded


def queue_requests(
    services: Services,
    store: Store,
    state: NetworkState,
    now: datetime,
    requests: Iterable[MailRequest],
    spacing: timedelta | None = None,
) -> int:
    """Queue mails from outside a pass (the CLI); returns how many were new."""
    known = OutboxKeys(store.keys(OutgoingMail), _store_secret(store))
    return len(record_mails(services.renderer, store, state, now, requests, known,
                            spacing=spacing))


class _MovesInFlight:
    """The moves a pass asked of its mailbox, until the mailbox has done them."""

    def __init__(self, mailbox: BackgroundMailbox) -> None:
        self._mailbox = mailbox
        self._flight: list[tuple[Future[None], dict[str, list[str]]]] = []
        self._asked = False

    def unfinished_and(self, moves: dict[str, list[str]]) -> dict[str, list[str]]:
        """The moves not yet done, with ``moves``: what ``pending_moves`` must hold.
        A move that failed raises its error here: the pass ends, the move stays pending."""
        for done, _ in self._flight:
            if done.done():
                done.result()
        self._flight = [(done, asked) for done, asked in self._flight if not done.done()]
        return _merged([*(asked for _, asked in self._flight), moves])

    def ask(self, moves: dict[str, list[str]]) -> None:
        self._flight.append((self._mailbox.move(moves), moves))
        self._asked = True

    def wait(self) -> bool:
        """Wait for every move asked for (raising the error of one that failed); True
        when there were any."""
        for done, _ in self._flight:
            done.result()
        return self._asked


def _merged(moves: Iterable[dict[str, list[str]]]) -> dict[str, list[str]]:
    """Several batches' moves as one {folder: refs}."""
    merged: dict[str, list[str]] = {}
    for batch in moves:
        for folder, refs in batch.items():
            merged.setdefault(folder, []).extend(refs)
    return merged


def _with_message_context(decision: Decision, parsed: ParsedMessage) -> Decision:
    """Fill attention items with what the facilitator needs to see of the message."""
    records = tuple(
        r.replace(
            sender=r.sender or parsed.from_addr,
            subject=r.subject or parsed.subject,
            excerpt=(parsed.new_text or parsed.text)[:1000] or r.excerpt,
            message_key=r.message_key or parsed.key,
        ) if isinstance(r, AttentionItem) else r
        for r in decision.records
    )
    return replace(decision, records=records)


def _store_secret(store: Store) -> str:
    value = store.meta(SECRET_META)
    if not value:
        value = secrets.token_hex(32)
        store.set_meta(SECRET_META, value)
    return str(value)


FORGOTTEN_PREFIX = "forgotten:"


def forgotten_key(secret: str, key: str) -> str:
    """What an outbox key becomes when its person is forgotten: an HMAC of it under the
    store's secret, which still stops the same mail going twice but names nobody."""
    digest = hmac.new(secret.encode("utf-8"), key.encode("utf-8"), hashlib.sha256)
    return FORGOTTEN_PREFIX + digest.hexdigest()


class OutboxKeys(set[str]):
    """The outbox's keys; a key also counts as known when its forgotten form is kept."""

    def __init__(self, keys: Iterable[str], secret: str) -> None:
        super().__init__(keys)
        self._secret = secret
        self._forgotten = any(k.startswith(FORGOTTEN_PREFIX) for k in self)

    def __contains__(self, key: object) -> bool:
        if super().__contains__(key):
            return True
        return (self._forgotten and isinstance(key, str)
                and super().__contains__(forgotten_key(self._secret, key)))


def load_state(store: Store | Snapshot) -> NetworkState:
    """The network's state from the store (small: everything but messages and the outbox)."""
    return state_from_records(
        orgs=store.all(Organisation),
        people=store.all(Person),
        days=store.all(NetworkDay),
        rsvps=store.all(Rsvp),
        interest=store.all(InterestSubscription),
        attention=store.all(AttentionItem),
        pending=store.all(PendingAction),
    )


def erase_person(store: Store, address: str) -> dict[str, int]:
    """Forget an address everywhere in the store; returns what was erased, per table.

    The commit after this rewrites the store file whole: no journal line keeps the data.
    """
    address = address.strip().lower()
    store.scrub()
    erased = {
        "people": store.delete(Person, [address]),
        "interest": store.delete(InterestSubscription, [address]),
        "rsvps": store.delete(Rsvp, [f"{r.day_id}|{r.address}" for r in store.all(Rsvp)
                                     if r.address == address]),
        "attention": store.delete(AttentionItem, [a.id for a in store.all(AttentionItem)
                                                  if a.sender == address]),
        "pending": store.delete(PendingAction, [p.token for p in store.all(PendingAction)
                                                if p.address == address]),
        "messages": store.delete(ProcessedMessage, [m.key for m in store.all(ProcessedMessage)
                                                    if m.sender == address]),
    }
    # Sent mail keeps a keyed digest of its key (so nothing is ever sent twice), not the
    # key itself (which names the address), nor the address, subject or body.
    secret = _store_secret(store)
    scrubbed = [m for m in store.all(OutgoingMail) if m.to == address and m.status != "pending"]
    store.delete(OutgoingMail, [m.key for m in scrubbed])
    store.put_many(m.replace(key=forgotten_key(secret, m.key), to="forgotten", subject="",
                             raw="") for m in scrubbed)
    erased["outbox"] = len(scrubbed)
    return erased
