"""The network's records: plain frozen data, no I/O.

Every record converts to and from a JSON-safe dict (``to_doc`` / ``from_doc``, one rule
for all of them in :mod:`mailflow.core.documents`) so the store can keep it in TinyDB;
timestamps are timezone-aware ``datetime`` values stored as ISO 8601 strings, money is
``Decimal`` stored as a string.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Literal, Self, get_args

from mailflow.core.documents import absent_as, from_document, to_document
from mailflow.core.reason import REASON_CODES, Reason, ReasonCode

__all__ = [
    "REASON_CODES",
    "ROLES",
    "AttentionItem",
    "CommandEntry",
    "CostItem",
    "InterestSubscription",
    "NetworkDay",
    "Organisation",
    "OutboxServer",
    "OutgoingMail",
    "PendingAction",
    "Person",
    "PersonStatus",
    "ProcessedMessage",
    "Reason",
    "ReasonCode",
    "Role",
    "Rsvp",
    "RsvpAnswer",
    "normalise_address",
]

Role = Literal["management", "supervisor", "staff", "guest", "unknown"]
ROLES: tuple[Role, ...] = get_args(Role)
#: registered: has a place; waitlisted: over the organisation's cap; cancelled: gave it up;
#: invited: a guest the facilitator invited, not yet answered.
PersonStatus = Literal["registered", "waitlisted", "cancelled", "invited"]
RsvpAnswer = Literal["yes", "no"]
Outcome = Literal["handled", "attention", "robot", "ignored", "duplicate", "history"]
MailStatus = Literal["pending", "sent", "failed"]


def normalise_address(address: str) -> str:
    """The form an address is keyed by: stripped and lower-cased."""
    return address.strip().lower()


class _Record:
    """Mixin: the JSON-safe document of a record and back (:mod:`mailflow.core.documents`)."""

    def to_doc(self) -> dict[str, Any]:
        return to_document(self)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Self:
        return from_document(cls, doc)

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True)
class Organisation(_Record):
    """A member organisation.

    key: stable identifier (the canonical name, lower-cased); name: the canonical name;
    aliases: other names and mail domains that mean this organisation;
    committed: has it committed to the follow-up work (jatkotyöskentely), and when.
    """

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    committed: bool = False
    committed_at: datetime | None = None



@dataclass(frozen=True)
class Person(_Record):
    """A person known to the network, keyed by normalised address.

    org: the Organisation key ("" for guests without one); waitlist_position: 1-based
    place in the organisation's queue when status is "waitlisted"; language: a registered
    language pack's code ("fi", "sv", "en", ...), the language every mail to them is
    written in, set at sign-up from their mail and changed when they ask; days: ids of
    network days they signed up for ("" = all coming days).
    """

    address: str
    name: str = field(metadata=absent_as(""))
    org: str = field(metadata=absent_as(""))
    role: Role = "unknown"
    status: PersonStatus = "registered"
    waitlist_position: int | None = None
    language: str = "fi"
    diet: str = ""
    registered_at: datetime | None = None
    days: tuple[str, ...] = ()
    failing: bool = False  # mail to this address bounced



@dataclass(frozen=True)
class CostItem(_Record):
    """One cost of a follow-up day: label (e.g. "asiantuntijapalkkio") and amount in euros."""

    label: str
    amount: Decimal



@dataclass(frozen=True)
class NetworkDay(_Record):
    """A network day (verkostopäivä).

    id: short stable id chosen by the facilitator (e.g. "2016-10-05");
    start/end: local wall-clock times in the configured timezone;
    sponsor: who pays ("" when the costs are shared); cost_items: what is shared;
    follow_up: a follow-up day, whose costs are shared between organisations;
    sequence: iCalendar SEQUENCE, bumped on every change the attendees must see;
    calendar_uid: the UID of the facilitator's meeting the day was made from ("" for a
    day made otherwise), and calendar_sequence: that meeting's SEQUENCE as last applied,
    so a moved meeting finds its day and an old one changes nothing.
    """

    id: str
    date: date
    start: time
    end: time
    place: str = field(metadata=absent_as(""))
    title: str = ""
    sponsor: str = ""
    cost_items: tuple[CostItem, ...] = ()
    follow_up: bool = False
    cancelled: bool = False
    sequence: int = 0
    calendar_uid: str = ""
    calendar_sequence: int = 0

    @property
    def price(self) -> Decimal:
        return sum((c.amount for c in self.cost_items), Decimal("0"))



@dataclass(frozen=True)
class Rsvp(_Record):
    """A person's answer for one network day; the latest answer wins."""

    day_id: str
    address: str
    answer: RsvpAnswer
    at: datetime
    source: str = "mail"  # "mail", "itip", "cli"



@dataclass(frozen=True)
class InterestSubscription(_Record):
    """An address on the interest list ("Jätä yhteystietosi, niin kuulet lisää")."""

    address: str
    subscribed: bool
    at: datetime
    language: str = "fi"



@dataclass(frozen=True)
class ProcessedMessage(_Record):
    """A message mailflow has handled: its outcome is committed before it is moved.

    key: the Message-ID, or "sha256:<hex>" of the raw bytes when there is none;
    folder: where the message was moved ("processed" or "attention");
    sender is kept so ``forget`` can erase it.
    """

    key: str
    received_at: datetime
    handled_at: datetime
    sender: str = field(metadata=absent_as(""))
    outcome: Outcome
    intent: str = ""
    folder: str = "processed"



@dataclass(frozen=True)
class AttentionItem(_Record):
    """Something the facilitator must look at: a message mailflow could not act on.

    reasons: why, one value per problem (several when one message had several).
    """

    id: str
    message_key: str
    sender: str = field(metadata=absent_as(""))
    subject: str = field(metadata=absent_as(""))
    reasons: tuple[Reason, ...] = field(metadata=absent_as(()))
    excerpt: str = field(metadata=absent_as(""))
    at: datetime
    handled: bool = False


@dataclass(frozen=True)
class OutgoingMail(_Record):
    """A mail in the outbox, recorded before it is sent.

    key: the idempotency key (e.g. "confirm:<message-id>"); message_id is derived from
    it, so a resend after a crash is recognisably the same mail. The rendered mail is not
    kept here but in the spool beside the store (``adapters.spool``), so a commit costs
    the record, not the body; ``raw`` holds the body only of a mail queued by a mailflow
    before that (sent from there, then dropped). next_attempt_at: not to be sent before
    (an announcement's throttle, or a retry of a mail its server deferred); created_at
    orders the queue, and a mail refused for now is given up
    ``outbox.queue_lifetime_days`` after it.
    """

    key: str
    to: str
    subject: str = field(metadata=absent_as(""))
    message_id: str
    created_at: datetime
    status: MailStatus = "pending"
    attempts: int = 0
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str = ""
    raw: str = ""
    kind: str = ""
    extra_recipients: tuple[str, ...] = field(default=())



@dataclass(frozen=True)
class OutboxServer(_Record):
    """Where outgoing mail goes, as the outbox last found it: backoff is per server, not
    per mail, as in a mail transfer agent.

    failures: temporary failures in a row (0: the last attempt got through);
    failing_since: the first of them; next_try_at: no mail is tried before this;
    last_error: what the server (or the disk) said last.
    """

    failures: int = 0
    failing_since: datetime | None = None
    next_try_at: datetime | None = None
    last_error: str = ""

    def failed(self, now: datetime, error: str) -> OutboxServer:
        """The state after one more temporary failure at ``now``: tried again after 1, 2,
        4, 8, then every 10 minutes (so a server that is back is found within 10 minutes)."""
        failures = self.failures + 1
        delay = min(FIRST_BACKOFF * 2 ** min(failures - 1, 16), MAX_BACKOFF)
        return OutboxServer(failures, self.failing_since or now, now + delay, error)

    def waits_at(self, now: datetime) -> bool:
        """Whether no mail may be tried at ``now`` (the server's next try is to come)."""
        return self.next_try_at is not None and now < self.next_try_at


FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(minutes=10)


@dataclass(frozen=True)
class PendingAction(_Record):
    """A change that waits for the registered address to confirm it (anti-spoofing).

    token: the code the person sends back (``VAHVISTA-XXXXXXXX``); address: the
    registered address that must send it; intent: the Intent's fields as a dict, applied
    when the token comes back from that address before ``expires_at``.
    """

    token: str
    address: str
    intent: dict[str, Any]
    created_at: datetime
    expires_at: datetime
    done: bool = False



@dataclass(frozen=True)
class CommandEntry(_Record):
    """One thing a facilitator asked for by mail, and what came of it (the command log).

    id: ``cmd:<message key>``; by: her address; verb: a :data:`mailflow.core.commands.VERBS`
    value, or "answer" (her answer to a person), "confirm" (a token) or "" (nothing read);
    what: the command line as she wrote it; outcome: "done", "asked" (waits for her
    confirming reply), "refused" (unknown, malformed or not possible); detail: what came of
    it, one line in English, for the log; change: what it changed in the network, as a
    code the digest words ("Tehdyt muutokset"), "" for nothing; targets: the change's
    values (addresses, a day's id, references, a count), in the order its code names.
    """

    id: str
    by: str
    at: datetime
    verb: str = ""
    what: str = ""
    outcome: str = "done"
    detail: str = ""
    change: str = ""
    targets: tuple[str, ...] = ()
