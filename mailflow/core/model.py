"""The network's records: plain frozen data, no I/O.

Every record converts to and from a JSON-safe dict (``to_doc`` / ``from_doc``) so the
store can keep it in TinyDB; timestamps are timezone-aware ``datetime`` values stored
as ISO 8601 strings, money is ``Decimal`` stored as a string.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal, TypeVar, get_args

from mailflow.core.reason import REASON_CODES, Reason, ReasonCode

__all__ = [
    "REASON_CODES",
    "ROLES",
    "AttentionItem",
    "CostItem",
    "InterestSubscription",
    "NetworkDay",
    "Organisation",
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

T = TypeVar("T")


def normalise_address(address: str) -> str:
    """The form an address is keyed by: stripped and lower-cased."""
    return address.strip().lower()


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


_PLAIN = (str, int, float, bool, type(None))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


class _Record:
    """Mixin: JSON-safe dict conversion for the frozen records below."""

    def to_doc(self) -> dict[str, Any]:
        doc = {}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            doc[name] = value if type(value) in _PLAIN else _encode(value)
        return doc

    def replace(self: T, **changes: Any) -> T:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Organisation:
        return cls(
            key=doc["key"],
            name=doc["name"],
            aliases=tuple(doc.get("aliases", ())),
            committed=bool(doc.get("committed", False)),
            committed_at=_dt(doc.get("committed_at")),
        )


@dataclass(frozen=True)
class Person(_Record):
    """A person known to the network, keyed by normalised address.

    org: the Organisation key ("" for guests without one); waitlist_position: 1-based
    place in the organisation's queue when status is "waitlisted"; language: "fi" or
    "en", the language mail to them is written in; days: ids of network days they
    signed up for ("" = all coming days).
    """

    address: str
    name: str
    org: str
    role: Role = "unknown"
    status: PersonStatus = "registered"
    waitlist_position: int | None = None
    language: str = "fi"
    diet: str = ""
    registered_at: datetime | None = None
    days: tuple[str, ...] = ()
    failing: bool = False  # mail to this address bounced

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Person:
        return cls(
            address=doc["address"],
            name=doc.get("name", ""),
            org=doc.get("org", ""),
            role=doc.get("role", "unknown"),
            status=doc.get("status", "registered"),
            waitlist_position=doc.get("waitlist_position"),
            language=doc.get("language", "fi"),
            diet=doc.get("diet", ""),
            registered_at=_dt(doc.get("registered_at")),
            days=tuple(doc.get("days", ())),
            failing=bool(doc.get("failing", False)),
        )


@dataclass(frozen=True)
class CostItem(_Record):
    """One cost of a follow-up day: label (e.g. "asiantuntijapalkkio") and amount in euros."""

    label: str
    amount: Decimal

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> CostItem:
        return cls(label=doc["label"], amount=Decimal(doc["amount"]))


@dataclass(frozen=True)
class NetworkDay(_Record):
    """A network day (verkostopäivä).

    id: short stable id chosen by the facilitator (e.g. "2016-10-05");
    start/end: local wall-clock times in the configured timezone;
    sponsor: who pays ("" when the costs are shared); cost_items: what is shared;
    follow_up: a follow-up day, whose costs are shared between organisations;
    sequence: iCalendar SEQUENCE, bumped on every change the attendees must see.
    """

    id: str
    date: date
    start: time
    end: time
    place: str
    title: str = ""
    sponsor: str = ""
    cost_items: tuple[CostItem, ...] = ()
    follow_up: bool = False
    cancelled: bool = False
    sequence: int = 0

    @property
    def price(self) -> Decimal:
        return sum((c.amount for c in self.cost_items), Decimal("0"))

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> NetworkDay:
        return cls(
            id=doc["id"],
            date=date.fromisoformat(doc["date"]),
            start=time.fromisoformat(doc["start"]),
            end=time.fromisoformat(doc["end"]),
            place=doc.get("place", ""),
            title=doc.get("title", ""),
            sponsor=doc.get("sponsor", ""),
            cost_items=tuple(CostItem.from_doc(c) for c in doc.get("cost_items", ())),
            follow_up=bool(doc.get("follow_up", False)),
            cancelled=bool(doc.get("cancelled", False)),
            sequence=int(doc.get("sequence", 0)),
        )


@dataclass(frozen=True)
class Rsvp(_Record):
    """A person's answer for one network day; the latest answer wins."""

    day_id: str
    address: str
    answer: RsvpAnswer
    at: datetime
    source: str = "mail"  # "mail", "itip", "cli"

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Rsvp:
        return cls(
            day_id=doc["day_id"],
            address=doc["address"],
            answer=doc["answer"],
            at=datetime.fromisoformat(doc["at"]),
            source=doc.get("source", "mail"),
        )


@dataclass(frozen=True)
class InterestSubscription(_Record):
    """An address on the interest list ("Jätä yhteystietosi, niin kuulet lisää")."""

    address: str
    subscribed: bool
    at: datetime
    language: str = "fi"

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> InterestSubscription:
        return cls(
            address=doc["address"],
            subscribed=bool(doc["subscribed"]),
            at=datetime.fromisoformat(doc["at"]),
            language=doc.get("language", "fi"),
        )


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
    sender: str
    outcome: Outcome
    intent: str = ""
    folder: str = "processed"

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ProcessedMessage:
        return cls(
            key=doc["key"],
            received_at=datetime.fromisoformat(doc["received_at"]),
            handled_at=datetime.fromisoformat(doc["handled_at"]),
            sender=doc.get("sender", ""),
            outcome=doc["outcome"],
            intent=doc.get("intent", ""),
            folder=doc.get("folder", "processed"),
        )


@dataclass(frozen=True)
class AttentionItem(_Record):
    """Something the facilitator must look at: a message mailflow could not act on.

    reasons: why, one value per problem (several when one message had several).
    """

    id: str
    message_key: str
    sender: str
    subject: str
    reasons: tuple[Reason, ...]
    excerpt: str
    at: datetime
    handled: bool = False

    def to_doc(self) -> dict[str, Any]:
        doc = super().to_doc()
        doc["reasons"] = [r.to_doc() for r in self.reasons]
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> AttentionItem:
        stored = doc.get("reasons")
        if stored is None:  # English text not yet migrated: shown as written
            stored = [doc["reason"]] if doc.get("reason") else []
        return cls(
            id=doc["id"],
            message_key=doc["message_key"],
            sender=doc.get("sender", ""),
            subject=doc.get("subject", ""),
            reasons=tuple(Reason.from_doc(r) for r in stored),
            excerpt=doc.get("excerpt", ""),
            at=datetime.fromisoformat(doc["at"]),
            handled=bool(doc.get("handled", False)),
        )


@dataclass(frozen=True)
class OutgoingMail(_Record):
    """A mail in the outbox, recorded before it is sent.

    key: the idempotency key (e.g. "confirm:<message-id>"); message_id is derived from
    it, so a resend after a crash is recognisably the same mail; raw: the rendered
    message bytes as text (kept until sent, then dropped to keep the store small).
    """

    key: str
    to: str
    subject: str
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

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> OutgoingMail:
        return cls(
            key=doc["key"],
            to=doc["to"],
            subject=doc.get("subject", ""),
            message_id=doc["message_id"],
            created_at=datetime.fromisoformat(doc["created_at"]),
            status=doc.get("status", "pending"),
            attempts=int(doc.get("attempts", 0)),
            next_attempt_at=_dt(doc.get("next_attempt_at")),
            sent_at=_dt(doc.get("sent_at")),
            last_error=doc.get("last_error", ""),
            raw=doc.get("raw", ""),
            kind=doc.get("kind", ""),
            extra_recipients=tuple(doc.get("extra_recipients", ())),
        )


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

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> PendingAction:
        return cls(
            token=doc["token"],
            address=doc["address"],
            intent=dict(doc["intent"]),
            created_at=datetime.fromisoformat(doc["created_at"]),
            expires_at=datetime.fromisoformat(doc["expires_at"]),
            done=bool(doc.get("done", False)),
        )
