"""Shared builders for tests and benchmarks: an SMTP server that records what it gets, an
SMTP config, realistic incoming mail, and a realistic network (12 organisations, 45 people).

Reserved names only (example.org, *.test). Organisation names are public institution
names; every person and address is made up.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from mailflow.core.model import (
    AttentionItem,
    CostItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    Person,
    Reason,
    Role,
    Rsvp,
)
from mailflow.core.state import state_from_records
from mailflow.core.values import NetworkState

TZ = ZoneInfo("Europe/Helsinki")
NETWORK = "verkosto@example.org"
FACILITATOR = "vetaja@example.org"
NETWORK_NAME = "Asiakaslähtöisyys oppilaitoksissa"


# -- an SMTP server on loopback that records every mail it accepts ---------------------------
@dataclass(frozen=True)
class Delivery:
    """One DATA the server accepted."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes
    message_id: str

    def message(self) -> EmailMessage:
        msg = message_from_bytes(self.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class RecordingSmtp:
    """An aiosmtpd handler: records accepted mail; can answer DATA with a fixed reply
    (``data_reply``, e.g. "451 4.3.0 Try again later") and refuse recipients
    (``refuse``: address -> reply, e.g. "550 5.1.1 No such user")."""

    received: list[Delivery] = field(default_factory=list)
    data_reply: str = ""
    refuse: dict[str, str] = field(default_factory=dict)
    attempts: list[tuple[str, str]] = field(default_factory=list)  # (recipient, reply)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        reply = self.refuse.get(address.lower())
        if reply:
            with self.lock:
                self.attempts.append((address, reply))
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        rcpts = ",".join(envelope.rcpt_tos)
        with self.lock:
            if self.data_reply:
                self.attempts.append((rcpts, self.data_reply))
                return self.data_reply
            msg = message_from_bytes(envelope.content, policy=policy.default)
            self.received.append(Delivery(
                str(envelope.mail_from), tuple(envelope.rcpt_tos), envelope.content,
                str(msg.get("Message-ID", "")).strip(),
            ))
            self.attempts.append((rcpts, "250"))
        return "250 Message accepted for delivery"

    def taken(self) -> list[Delivery]:
        """The mails received so far, and forget them."""
        with self.lock:
            taken, self.received[:] = list(self.received), []
        return taken


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_server(handler: Any) -> Iterator[int]:
    """An aiosmtpd server on 127.0.0.1 in this process; yields its port, stops at exit."""
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield int(controller.port)
    finally:
        controller.stop()


SMTP_CONFIG = """\
[network]
name = "{name}"
address = "{network}"
facilitator = "{facilitator}"
timezone = "Europe/Helsinki"
language = "fi"
max_per_org = {max_per_org}

[mailbox]
kind = "maildir"
path = "{root}/mail"
handle_since = "2026-11-01T00:00:00+02:00"

[outbox]
kind = "smtp"
max_auto_replies_per_day = {max_auto_replies}
queue_lifetime_days = {queue_lifetime_days}

[store]
path = "{root}/mailflow.json"
lock_timeout_seconds = 30

[schedule]
reminder_offsets_days = [7, 1]
reminder_hour = 9
digest_hour = 8

[smtp]
host = "127.0.0.1"
port = {port}
tls = "none"
timeout_seconds = 10

[[organisations]]
name = "Omnia"
domains = ["omnia.test"]

[[organisations]]
name = "Stadin ammatti- ja aikuisopisto"
aliases = ["Stadin AO", "Stadi"]
domains = ["stadi.test"]

[[organisations]]
name = "Keuda"
domains = ["keuda.test"]
"""


MAILDIR_CONFIG = """\
[network]
address = "{network}"
facilitator = "{facilitator}"
max_per_org = {max_per_org}
language = "{language}"
[mailbox]
path = "{root}/mail"
handle_since = "2026-01-01T00:00:00+02:00"
[outbox]
path = "{root}/outbox"
[store]
path = "{root}/mailflow.json"
"""


def write_maildir_config(root: Path, *, name: str = "mailflow.toml", max_per_org: int = 4,
                         extra: str = "", language: str = "fi") -> Path:
    """The embedded default's kind of config under ``root``: Maildir ``root/mail`` in, file
    outbox ``root/outbox`` out, store ``root/mailflow.json``; ``extra`` TOML appended (it
    continues the [store] section until it opens another)."""
    path = root / name
    path.write_text(MAILDIR_CONFIG.format(network=NETWORK, facilitator=FACILITATOR, root=root,
                                          max_per_org=max_per_org, language=language)
                    + extra, encoding="utf-8")
    return path


def write_smtp_config(root: Path, port: int, *, max_per_org: int = 4, queue_lifetime_days: float = 5,
                      max_auto_replies: int = 5) -> Path:
    """A config: Maildir ``root/mail`` in, SMTP on loopback ``port`` out (no TLS, no login)."""
    path = root / "mailflow.toml"
    path.write_text(SMTP_CONFIG.format(
        name=NETWORK_NAME, network=NETWORK, facilitator=FACILITATOR, root=root, port=port,
        max_per_org=max_per_org, queue_lifetime_days=queue_lifetime_days, max_auto_replies=max_auto_replies,
    ), encoding="utf-8")
    return path


# -- incoming mail ----------------------------------------------------------------------------
def signup_mail(address: str, name: str, org: str, title: str, when: datetime,
                message_id: str, *, diet: str = "") -> bytes:
    """A sign-up as people write them: Nimi / Organisaatio / Rooli lines and a signature."""
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>"
    msg["To"] = f"Kehittämisverkosto <{NETWORK}>"
    msg["Subject"] = "Ilmoittautuminen verkostoon"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    body = (f"Hei,\n\nilmoittaudun mukaan kehittämisverkostoon.\n\nNimi: {name}\n"
            f"Organisaatio: {org}\nRooli: {title}\n")
    if diet:
        body += f"Erityisruokavalio: {diet}\n"
    msg.set_content(body + f"\nYstävällisin terveisin\n{name}\n")
    return bytes(msg)


def plain_mail(address: str, name: str, subject: str, text: str, when: datetime,
               message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>"
    msg["To"] = f"Kehittämisverkosto <{NETWORK}>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    msg.set_content(text)
    return bytes(msg)


def itip_reply(address: str, name: str, uid: str, partstat: str, when: datetime,
               message_id: str, *, in_reply_to: str = "", sequence: int = 0) -> bytes:
    """An Outlook-style calendar answer: METHOD:REPLY with the attendee's PARTSTAT."""
    verb = {"ACCEPTED": "Hyväksytty", "DECLINED": "Hylätty"}.get(partstat, "Vastaus")
    ical = (
        "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
        "METHOD:REPLY\r\nBEGIN:VEVENT\r\n"
        f"ATTENDEE;PARTSTAT={partstat};CN={name}:mailto:{address}\r\n"
        f"UID:{uid}\r\nSEQUENCE:{sequence}\r\n"
        f"DTSTAMP:{when.astimezone(ZoneInfo('UTC')).strftime('%Y%m%dT%H%M%SZ')}\r\n"
        f"SUMMARY:{verb}: Verkostopäivä\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    msg = EmailMessage()
    msg["From"] = f"{name} <{address}>"
    msg["To"] = f"Kehittämisverkosto <{NETWORK}>"
    msg["Subject"] = f"{verb}: Verkostopäivä"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(f"{name} on vastannut kutsuun.")
    msg.add_alternative(ical, subtype="calendar", params={"method": "REPLY"})
    return bytes(msg)


# -- a realistic network ----------------------------------------------------------------------
ORGANISATIONS = [
    ("omnia", "Omnia"), ("stadi", "Stadin ammatti- ja aikuisopisto"), ("keuda", "Keuda"),
    ("varia", "Varia"), ("taitotalo", "Taitotalo"), ("careeria", "Careeria"),
    ("hyria", "Hyria"), ("gradia", "Gradia"), ("tredu", "Tredu"), ("sedu", "Sedu"),
    ("sakky", "Savon ammattiopisto"), ("riveria", "Riveria"),
]
FIRST = ["Maija", "Pekka", "Liisa", "Olli", "Sanna", "Teemu", "Kaisa", "Ville", "Tiina", "Jari",
         "Anne", "Mikko", "Päivi", "Juha", "Hanna", "Timo", "Minna", "Antti", "Riikka", "Kari",
         "Johanna", "Markku", "Satu", "Petri", "Outi", "Heikki", "Elina", "Janne", "Kirsi",
         "Ari", "Leena", "Sami", "Marjo", "Tero", "Noora", "Esa", "Pia", "Harri", "Eeva",
         "Jukka", "Tuula", "Lauri", "Anu", "Veli-Matti", "Sirpa"]
LAST = ["Mallikas", "Puupää", "Laine", "Ojala", "Salo", "Tuominen", "Koskinen", "Virtanen",
        "Mäkinen", "Nieminen", "Hämäläinen", "Heikkinen", "Järvinen", "Lehtonen", "Saarinen",
        "Kärkkäinen", "Lindqvist", "Öhman", "Åberg", "Rantanen"]
# people per organisation: 45 in all; Omnia, Stadi and Keuda are over the cap of four
PER_ORG = [6, 5, 5, 4, 4, 4, 4, 3, 3, 3, 2, 2]
ROLE_CYCLE: list[Role] = ["management", "supervisor", "staff", "staff", "supervisor", "staff"]


@dataclass(frozen=True)
class SampleNetwork:
    """A network at ``now`` with everything the digest shows; ``state`` is what schedule sees."""

    now: datetime
    state: NetworkState
    days: tuple[NetworkDay, ...]
    failed_mails: tuple[OutgoingMail, ...]
    last_digest_at: datetime

    @property
    def records(self) -> list[Any]:
        s = self.state
        return [*s.organisations.values(), *s.people.values(), *s.days.values(),
                *s.rsvps.values(), *s.interest.values(), *s.attention.values(),
                *self.failed_mails]


def sample_network(now: datetime | None = None, *, max_per_org: int = 4) -> SampleNetwork:
    """12 organisations, 45 people (43 members, 2 guests) with roles, waitlists, RSVPs for
    two coming days, four attention items, one bounced address and one failed send."""
    now = now or datetime(2026, 12, 3, 8, tzinfo=TZ)
    since = now - timedelta(days=1)
    days = (
        NetworkDay(id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
                   place="Kuntatalo, Toinen linja 14, Helsinki", title="Verkostopäivä 1",
                   sponsor="Kunteko"),
        NetworkDay(id="2027-01-20", date=date(2027, 1, 20), start=time(10), end=time(15),
                   place="Omnia, Espoo", title="Jatkotyöskentelyn päivä", follow_up=True,
                   cost_items=(CostItem("Asiantuntijapalkkio", Decimal("1200.00")),
                               CostItem("Tarjoilut", Decimal("450.50")))),
    )
    orgs = [Organisation(key=k, name=n, committed=i < 3,
                         committed_at=since + timedelta(hours=5) if i == 2 else
                         (now - timedelta(days=20) if i < 2 else None))
            for i, (k, n) in enumerate(ORGANISATIONS)]
    people: list[Person] = []
    n = 0
    for (key, _), count in zip(ORGANISATIONS, PER_ORG, strict=True):
        for i in range(count):
            first, last = FIRST[n % len(FIRST)], LAST[(n * 7) % len(LAST)]
            waiting = i >= max_per_org
            joined = now - timedelta(days=30 - n % 28, hours=n % 7)
            if n in (5, 17, 29, 38):  # new since the last digest
                joined = since + timedelta(hours=2 + n % 10)
            people.append(Person(
                address=f"{_ascii(first)}.{_ascii(last)}@{key}.test", name=f"{first} {last}",
                org=key, role=ROLE_CYCLE[(i + n) % len(ROLE_CYCLE)] if i else "management",
                status="waitlisted" if waiting else "registered",
                waitlist_position=i - max_per_org + 1 if waiting else None,
                language="en" if n % 11 == 4 else "fi",
                diet="gluteeniton" if n % 9 == 3 else "",
                registered_at=joined, failing=n == 12,
            ))
            n += 1
    # one cancelled person (not shown) and two guests
    people[8] = people[8].replace(status="cancelled")
    people[-2] = people[-2].replace(org="", role="guest", status="invited",
                                    days=(days[0].id,))
    people[-1] = people[-1].replace(role="guest", days=(days[1].id,))
    rsvps = []
    for i, p in enumerate(people):
        if p.status not in ("registered", "invited"):
            continue
        for d, (yes_every, no_every) in zip(days, ((2, 7), (3, 5)), strict=True):
            if i % yes_every == 0:
                rsvps.append(Rsvp(d.id, p.address, "yes", since + timedelta(hours=i % 20),
                                  "itip" if i % 4 == 0 else "mail"))
            elif i % no_every == 0:
                rsvps.append(Rsvp(d.id, p.address, "no", now - timedelta(days=3)))
    attention = [
        AttentionItem(
            id="att:1", message_key="<q1@stadi.test>", sender="rehtori@stadi.test",
            subject="Kysymys jatkotyöskentelystä",
            reasons=(Reason.of("not_understood"),),
            excerpt="Hei,\nvoisitteko kertoa, mitä jatkotyöskentelyyn sitoutuminen käytännössä "
                    "tarkoittaa ja paljonko se maksaa?\n\nTerveisin\nRiitta",
            at=since + timedelta(hours=3)),
        AttentionItem(
            id="att:2", message_key="<q2@keuda.test>", sender="kaisa.koskinen@keuda.test",
            subject="Vs: Ilmoittautuminen",
            reasons=(Reason.of("signup_no_org", who="Kaisa Koskinen"),),
            excerpt="olen mukana <b>molempina</b> päivinä & tuon kollegan",
            at=since + timedelta(hours=6)),
        AttentionItem(
            id="att:3", message_key="<q3@example.org>", sender="someone@example.org",
            subject="RSVP", reasons=(Reason.of("rsvp_not_registered"),),
            excerpt="Tulen!", at=now - timedelta(days=4)),
        AttentionItem(
            id="att:4", message_key="oversize:12", sender="", subject="",
            reasons=(Reason.of("oversize", size="15728640", cap="10485760"),), excerpt="",
            at=since + timedelta(hours=9)),
    ]
    interest = [InterestSubscription(f"kiinnostunut{i}@example.org", i != 3,
                                     since - timedelta(days=i), "fi") for i in range(6)]
    failed = (OutgoingMail(
        key="confirm:<s9@varia.test>:olli.x@varia.test", to="olli.x@varia.test",
        subject="Ilmoittautumisesi on vastaanotettu", message_id="<f1@example.org>",
        created_at=since + timedelta(hours=4), status="failed", attempts=1,
        last_error="SMTP 127.0.0.1:25: the server answered 550 5.1.1 <olli.x@varia.test>: "
                   "Recipient address rejected: User unknown",
        kind="auto-replied:signup_confirmation"),)
    state = state_from_records(orgs=orgs, people=people, days=days, rsvps=rsvps,
                               interest=interest, attention=attention, pending=())
    return SampleNetwork(now=now, state=state, days=days, failed_mails=failed,
                         last_digest_at=since)


def _ascii(name: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a"})
    return name.lower().translate(table)
