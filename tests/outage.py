"""An outage of the outgoing side, simulated on a clock passed in: the relay (a real
aiosmtpd on loopback answering 421 to MAIL, then 451 to DATA) or the file outbox's disk
(full: every write refused with ENOSPC at the adapter's OS boundary) is away for some
days while sign-ups keep arriving; then it is back. Used by ``tests/integration/
test_outage.py`` and ``bench/outage.py``, which prints the figures.
"""

from __future__ import annotations

import dataclasses
import errno
import mailbox
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.adapters.ports import Sender
from mailflow.adapters.store import Snapshot
from mailflow.config.loader import load_settings
from mailflow.core.model import AttentionItem, OutgoingMail
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.factories import (
    TZ,
    RecordingSmtp,
    signup_mail,
    smtp_server,
    write_maildir_config,
    write_smtp_config,
)

__all__ = ["Outage", "OutageSmtp", "run_outage"]

START = datetime(2026, 11, 2, 10, 0, tzinfo=TZ)  # a Monday morning


@dataclass
class OutageSmtp(RecordingSmtp):
    """A recording relay that, while ``down``, answers 421 to MAIL (the first half of an
    outage) or 451 to DATA (the second half)."""

    down: bool = False
    refusal: str = "421"

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        if self.down and self.refusal == "421":
            return "421 4.3.2 Service not available, closing transmission channel"
        envelope.mail_from = address
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.down:
            return "451 4.3.0 Temporary local problem, try again later"
        return await super().handle_DATA(server, session, envelope)


class FullDiskOutbox(FileOutbox):
    """The file outbox on a disk that is full while ``full()`` says so."""

    def __init__(self, path: Path, full: Callable[[], bool]) -> None:
        super().__init__(path)
        self._full = full

    def _write_atomically(self, target: Path, raw: bytes) -> None:
        if self._full():
            raise OSError(errno.ENOSPC, "No space left on device")
        super()._write_atomically(target, raw)


@dataclass
class Outage:
    """What became of the mail queued while the outgoing side was away.

    queued: mails queued during the outage; sent: of them, delivered; expired: given up
    after their lifetime (each on the attention list, ``expired_to`` their recipients);
    duplicates: deliveries of a Message-ID already delivered; in_order: deliveries came in
    the order their mails were queued; first_pass: deliveries in the first pass after the
    return; passes: passes run; digests: the text of every digest delivered.
    """

    queued: int = 0
    sent: int = 0
    expired: int = 0
    duplicates: int = 0
    in_order: bool = True
    first_pass: int = 0  # of the mails waiting at the return
    pending_at_return: int = 0
    passes: int = 0
    expired_to: list[str] = field(default_factory=list)
    attention_to: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"queued {self.queued}, sent {self.sent}, expired {self.expired}, "
                f"duplicates {self.duplicates}, sent in queued order: {self.in_order}, "
                f"sent in the first pass after the return: {self.first_pass} of "
                f"{self.pending_at_return} waiting, passes {self.passes}")


def run_outage(root: Path, *, down_days: float, after_days: float = 1.0,
               step: timedelta = timedelta(minutes=30), signup_every: timedelta =
               timedelta(hours=3), lifetime_days: float = 5, kind: str = "smtp") -> Outage:
    """Run passes every ``step`` from :data:`START` through an outage of ``down_days``
    and ``after_days`` more, a sign-up arriving every ``signup_every``."""
    relay = OutageSmtp()
    with smtp_server(relay) as port:
        if kind == "smtp":
            config = write_smtp_config(root, port, max_per_org=100_000,
                                       queue_lifetime_days=lifetime_days)
        else:
            config = write_maildir_config(root, max_per_org=100_000)
            config.write_text(config.read_text(encoding="utf-8").replace(
                "[outbox]\n", f"[outbox]\nqueue_lifetime_days = {lifetime_days}\n"),
                encoding="utf-8")
        return _Run(root, config, relay, kind, START + timedelta(days=down_days)).run(
            START + timedelta(days=down_days + after_days), step, signup_every)


class _Run:
    def __init__(self, root: Path, config: Path, relay: OutageSmtp, kind: str,
                 back: datetime) -> None:
        self.root, self.relay, self.back, self.now = root, relay, back, START
        settings = load_settings(config)
        services = build_services(settings, pipelined=False)
        if kind == "file":
            outbox = root / "outbox"
            services = dataclasses.replace(services, open_sender=lambda: self._disk(outbox))
        self.services = services
        self.delivered_per_pass: list[int] = []
        self.store = settings.resolve(settings.store.path)

    def _disk(self, outbox: Path) -> Sender:
        return FullDiskOutbox(outbox, lambda: self.now < self.back)

    def run(self, end: datetime, step: timedelta, every: timedelta) -> Outage:
        figures = Outage()
        box = mailbox.Maildir(self.root / "mail", create=True)
        next_signup, n = START, 0
        while self.now <= end:
            while next_signup <= self.now:
                box.add(signup_mail(f"p{n}@omnia.test", f"Henkilö {n}", "Omnia", "opettaja",
                                    next_signup, f"<s{n}@x.test>"))
                next_signup, n = next_signup + every, n + 1
            self.relay.down = self.now < self.back
            self.relay.refusal = "421" if self.now < START + (self.back - START) / 2 else "451"
            if self.now >= self.back and not figures.pending_at_return:
                figures.pending_at_return = self._pending()
            run_tick(self.services, self.now)
            figures.passes += 1
            self.delivered_per_pass.append(self._delivered())
            self.now += step
        return self._figures(figures, step)

    def _pending(self) -> int:
        return sum(1 for m in Snapshot(self.store).all(OutgoingMail) if m.status == "pending")

    def _delivered(self) -> int:
        if self.services.settings.outbox.kind == "smtp":
            return len(self.relay.received)
        return len(list((self.root / "outbox").glob("*.eml")))

    def _figures(self, figures: Outage, step: timedelta) -> Outage:
        snapshot = Snapshot(self.store)
        mails = {m.message_id: m for m in snapshot.all(OutgoingMail)}
        during = [m for m in mails.values() if m.created_at < self.back]
        figures.queued = len(during)
        figures.sent = sum(1 for m in during if m.status == "sent")
        expired = [m for m in mails.values() if m.last_error.startswith("expired")]
        figures.expired = len(expired)
        figures.expired_to = sorted(m.to for m in expired)
        figures.attention_to = sorted(
            a.sender for a in snapshot.all(AttentionItem)
            if any(r.code == "mail_expired" for r in a.reasons))
        deliveries = self._deliveries()
        ids = [mid for _, mid in deliveries]
        figures.duplicates = len(ids) - len(set(ids))
        created = [mails[i].created_at for i in ids if i in mails]
        figures.in_order = created == sorted(created)
        back_pass = next(i for i in range(len(self.delivered_per_pass))
                         if START + i * step >= self.back)
        before = self.delivered_per_pass[back_pass - 1] if back_pass else 0
        first = ids[before:self.delivered_per_pass[back_pass]]
        figures.first_pass = sum(1 for i in first if mails[i].created_at < self.back)
        figures.digests = [_text(raw) for raw, mid in deliveries
                           if mid in mails and mails[mid].kind.endswith(":digest")]
        return figures

    def _deliveries(self) -> list[tuple[bytes, str]]:
        """Every mail delivered, in the order it was delivered, with its Message-ID."""
        if self.services.settings.outbox.kind == "smtp":
            return [(d.content, d.message_id) for d in self.relay.received]
        files = sorted((self.root / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
        return [(p.read_bytes(), _message_id(p.read_bytes())) for p in files]


def _message_id(raw: bytes) -> str:
    return str(message_from_bytes(raw, policy=policy.default).get("Message-ID", "")).strip()


def _text(raw: bytes) -> str:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(("plain",))
    assert isinstance(body, EmailMessage)
    return str(body.get_content())
