"""The steps of one pass: take in the new messages, schedule what is due, prune.

Each message is decided on against the state every earlier decision left, and its
outcome recorded; each batch's outcomes are committed (with the mailbox cursor and the
moves still to make) before its messages are moved. The messages come from an
:class:`~mailflow.intake.port.Intake`, which may have prepared them ahead; the rules are
imported at the first message, so a pass with nothing new never loads them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mailflow.adapters.ports import IncomingMessage
from mailflow.adapters.store import Store
from mailflow.core.model import AttentionItem, OutgoingMail, ProcessedMessage, Reason
from mailflow.core.schedule.costs import cost_csv
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.state import apply_decision
from mailflow.core.values import Decision, MailRequest, ParsedMessage
from mailflow.intake.port import Arrival, Intake, Moves
from mailflow.run.outbox import Outbox
from mailflow.run.records import (
    CURSOR_META,
    FIRST_RUN_META,
    LAST_DIGEST_META,
    LAST_PRUNED_META,
    PENDING_MOVES_META,
    OutboxKeys,
    erase_person,
    folder_for,
    folders_of_roles,
    load_state,
    record_mails,
    roles_of_folders,
    store_secret,
)
from mailflow.run.report import HandledMessage, QueuedMail, TickReport
from mailflow.run.services import Services

if TYPE_CHECKING:
    from mailflow.core.rules.decide import Rules

__all__ = ["Pass"]

log = logging.getLogger(__name__)


class Pass:
    """The state of one pass; its methods are the pass's steps."""

    def __init__(self, services: Services, store: Store, now: datetime, report: TickReport,
                 dry_run: bool) -> None:
        self.services = services
        self.settings = services.settings
        self.store = store
        self.now = now
        self.report = report
        self.dry_run = dry_run
        self.state = load_state(store)
        self.secret = store_secret(store)
        self.outbox = Outbox(self.settings, store, now, report, services.open_sender)
        self.outbox_keys = OutboxKeys(store.keys(OutgoingMail), self.secret)
        day_ago = now - timedelta(days=1)
        self.answers_today: dict[str, int] = Counter(store.field_values(
            OutgoingMail, "to", lambda d: str(d.get("kind", "")).startswith("auto-replied")
            and datetime.fromisoformat(d["created_at"]) > day_ago,
        ))

    @cached_property
    def rules(self) -> Rules:
        """The rules, at the first message that needs them."""
        from mailflow.core.rules.decide import Rules

        network = self.settings.network
        return Rules(max_per_org=network.max_per_org, network_address=network.address,
                     facilitator=network.facilitator, secret=self.secret)

    # -- intake ---------------------------------------------------------------------
    def take_in(self, intake: Intake, progress: Callable[[int], None] | None) -> None:
        """Handle, commit, then move each batch the intake gives."""
        since = self._since()
        self._replay_moves(intake)
        cursor = self.store.meta(CURSOR_META, {}) or {}
        for batch in intake.batches(cursor, since, lambda: self.state):
            moves: Moves = {}
            for arrival in batch:
                folder = self._handle(arrival)
                moves.setdefault(folder, []).append(arrival.incoming.ref)
            if progress is not None:
                progress(batch.size)
            if not self.dry_run:
                self._commit_batch(intake, batch.cursor, moves)
        if intake.finish_moves():
            self.store.set_meta(PENDING_MOVES_META, {})  # written with the next commit
        self.report.history_left = intake.history_count

    def _since(self) -> datetime:
        """Messages received before this are history, left alone."""
        first_run = self.store.meta(FIRST_RUN_META)
        if first_run is None:
            first_run = self.now.isoformat()
            self.store.set_meta(FIRST_RUN_META, first_run)
        return datetime.fromisoformat(self.settings.mailbox.handle_since or first_run)

    def _commit_batch(self, intake: Intake, cursor: dict[str, Any], moves: Moves) -> None:
        """Outcomes are durable before anything moves (answers go out after the pass,
        without the store's lock; their bodies wait in the spool, not in memory)."""
        self.store.set_meta(CURSOR_META, cursor)
        self.store.set_meta(PENDING_MOVES_META,
                            roles_of_folders(intake.unmoved(moves), self.settings.mailbox))
        self.store.commit()
        intake.move(moves)

    def _replay_moves(self, intake: Intake) -> None:
        """Finish the moves of a batch whose outcomes were committed before a crash."""
        pending = self.store.meta(PENDING_MOVES_META) or {}
        if not pending or self.dry_run:
            return
        self.report.replayed_moves += intake.replay(folders_of_roles(pending,
                                                                     self.settings.mailbox))
        self.store.set_meta(PENDING_MOVES_META, {})
        self.store.commit()

    def _handle(self, arrival: Arrival) -> str:
        """Decide on one message and record it; return the folder it belongs in."""
        incoming = arrival.incoming
        if incoming.raw is None:
            return self._oversize(incoming)
        key = arrival.key()
        seen = self.store.get(ProcessedMessage, key)
        if seen is not None:
            self.report.replayed_moves += 1
            return folder_for(seen.outcome, self.settings.mailbox)  # as the config names it
        parsed = arrival.parsed()
        decision, outcome, intent_kind = self._decide(arrival, parsed)
        decision = _with_message_context(decision, parsed)
        box = self.settings.mailbox
        needs_attention = any(isinstance(r, AttentionItem) for r in decision.records)
        folder = box.attention_folder if needs_attention else box.processed_folder
        self._record(decision)
        self.store.put(ProcessedMessage(
            key=key, received_at=incoming.received_at, handled_at=self.now,
            sender=parsed.from_addr, outcome="attention" if needs_attention else outcome,
            intent=intent_kind, folder=folder,
        ))
        understood = decision.summary or intent_kind
        self.report.add("handled", HandledMessage(
            key=key, sender=parsed.from_addr, subject=parsed.subject, understood=understood,
            folder=folder,
        ))
        log.info("handled %s from %s: %s", key, parsed.from_addr, understood)
        return folder

    def _decide(self, arrival: Arrival, parsed: ParsedMessage,
                ) -> tuple[Decision, Any, str]:
        """The decision on a message, its outcome ("robot" or "handled") and intent kind."""
        from mailflow.core.rules.decide import decide, decide_robot

        if parsed.robot is not None:
            return decide_robot(parsed, self.state, self.now), "robot", str(parsed.robot)
        if self._facilitator_meeting(parsed):
            return self._decide_meeting(parsed), "handled", "meeting"
        intent = arrival.intent(parsed, self.state)
        return decide(intent, self.state, self.now, self.rules), "handled", str(intent.kind)

    # TEMPORARY (issue 15, item 3), until the facilitator's routing (commands/route.py)
    # takes her mail: an authenticated meeting REQUEST from her makes or moves a day.
    def _facilitator_meeting(self, parsed: ParsedMessage) -> bool:
        event = parsed.event
        return (event is not None and event.method == "REQUEST" and parsed.authenticated
                and parsed.from_addr == self.settings.network.facilitator.strip().lower())

    def _decide_meeting(self, parsed: ParsedMessage) -> Decision:
        from mailflow.core.commands.meetings import MeetingRules, decide_meeting

        network = self.settings.network
        rules = MeetingRules(network_address=network.address, tz=self.settings.tz,
                             language=network.language)
        assert parsed.event is not None
        return decide_meeting(parsed.event, parsed, self.state, self.now, rules)

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
            from mailflow.core.languages.reasons import LOG_LANGUAGE, reason_text

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
        spool = None if self.dry_run else self.outbox.spool  # a dry run keeps no body
        for mail in record_mails(self.services.renderer, self.store, self.state, self.now,
                                 allowed, self.outbox_keys, attachments, spool=spool):
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
        """Queue what is due at this pass's ``now``: invitations, reminders, the digest,
        cost shares."""
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
            network_address=network.address,
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
                attachments[request.key] = [self._cost_attachment(request)]
            if request.template == "digest":
                self.store.set_meta(LAST_DIGEST_META, self.now.isoformat())
        self.queue(due, attachments)

    def _cost_attachment(self, request: MailRequest) -> Any:
        """The CSV of a day's cost shares, for Excel."""
        from mailflow.core.languages.registry import pack
        from mailflow.core.writing.render import Attachment

        day = self.state.days[request.day] if request.day else request.context["day"]
        data = cost_csv(day, request.context["shares"], request.language)
        return Attachment(
            filename=pack(request.language).labels.cost_csv_file(day.id),
            content_type="text/csv", data=data,
        )

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
