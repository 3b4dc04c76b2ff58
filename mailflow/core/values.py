"""Values that cross the core's boundaries: what parsing, understanding and deciding return.

All frozen; all plain data. The flow is::

    raw bytes --parse--> ParsedMessage --intents.understand--> Intent
    Intent + NetworkState + now --decide--> Decision (changes to record, mails to send)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Reason,
    Role,
    Rsvp,
)
from mailflow.core.tables import PeopleTable, Table

__all__ = [
    "INTENT_KINDS",
    "ActingVia",
    "CalendarEvent",
    "CalendarReply",
    "Decision",
    "Intent",
    "IntentKind",
    "MailRequest",
    "NetworkState",
    "ParsedMessage",
    "PersonDetails",
    "Reason",
    "RobotKind",
]

RobotKind = Literal["autoreply", "bounce", "loop"]
#: How a mail came to be about someone other than its From: a web form that mails from the
#: site's own address, an assistant writing for her boss, a forward of the person's own mail.
ActingVia = Literal["", "form", "assistant", "forward"]

IntentKind = Literal[
    "signup",
    "interest_join",
    "interest_leave",
    "rsvp_yes",
    "rsvp_no",
    "cancel",
    "substitute",
    "commit",
    "correction",
    "export_request",
    "forget_request",
    "confirm",  # a reply carrying a confirmation token (see decide.py)
    "language_change",  # "write to me in Swedish from now on" and nothing else
    "attention",
]
INTENT_KINDS: tuple[str, ...] = IntentKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class CalendarReply:
    """An iCalendar (iTIP) part found in a message.

    method: "REPLY", "REQUEST", "CANCEL", ...; uid: the event's UID (mailflow's own
    look like ``day-<id>@<network domain>``); partstat: the attendee's answer
    ("ACCEPTED", "DECLINED", "TENTATIVE") and attendee: their address (no ``mailto:``);
    starts_on: the date of the event's DTSTART, in the zone the event names (a reply to an
    invitation mailflow did not make is matched to a network day by it).
    """

    method: str
    uid: str = ""
    partstat: str = ""
    attendee: str = ""
    starts_on: date | None = None


@dataclass(frozen=True)
class CalendarEvent:
    """The whole event of an iTIP REQUEST or CANCEL (a meeting the facilitator made).

    starts/ends: aware datetimes, or dates for an all-day event (ends exclusive, as
    iCalendar has it), None when the event has none; zone: the zone as the event names
    it ("FLE Standard Time", "Europe/Helsinki", "UTC"; "" for all-day or floating times);
    online_url: a meeting link the client put outside LOCATION (Teams, Meet);
    organizer: the organiser's address (no ``mailto:``); attendees: the invited
    addresses; problems: what could not be read (e.g. ``zone_unknown:<name>``, whose
    times were then read as floating).
    """

    method: str
    uid: str
    sequence: int = 0
    summary: str = ""
    description: str = ""
    location: str = ""
    online_url: str = ""
    starts: datetime | date | None = None
    ends: datetime | date | None = None
    zone: str = ""
    organizer: str = ""
    organizer_name: str = ""
    attendees: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def all_day(self) -> bool:
        """Whether the event is a whole day (DTSTART a date, not a moment)."""
        return self.starts is not None and not isinstance(self.starts, datetime)


@dataclass(frozen=True)
class ParsedMessage:
    """What parsing one raw message yields. Parsing never raises; trouble goes in ``problems``.

    from_addr is normalised (lower-case); text is the whole readable body (HTML turned to
    text); new_text is what the person wrote now, without quoted history or signature.
    robot: the robot classification, if any, with bounced addresses in ``bounced``.
    headers: selected raw header values (lower-case names) the intent rules may consult.
    """

    message_id: str
    key: str  # message_id, or "sha256:<hex>" of the raw bytes when there is none
    from_addr: str
    from_name: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    reply_to: str = ""
    subject: str = ""
    date: datetime | None = None
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    text: str = ""
    new_text: str = ""
    html_only: bool = False
    robot: RobotKind | None = None
    bounced: tuple[str, ...] = ()
    calendar: CalendarReply | None = None
    #: the whole event of a REQUEST or CANCEL (a meeting from the facilitator's calendar)
    event: CalendarEvent | None = None
    attachments: tuple[str, ...] = ()  # file names or content types
    size: int = 0
    problems: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    #: True when a trusted Authentication-Results header (from our own server) says the
    #: From domain passed DMARC or aligned DKIM; only then may a change apply unconfirmed.
    authenticated: bool = False


@dataclass(frozen=True)
class PersonDetails:
    """A person as described in a message; empty strings where the message said nothing."""

    name: str = ""
    organisation: str = ""  # as written, or the canonical name when an alias matched
    role: Role = "unknown"
    address: str = ""
    diet: str = ""
    title: str = ""  # the job title as written (e.g. "koulutuspäällikkö")


@dataclass(frozen=True)
class Intent:
    """What the sender asked for.

    people: the persons concerned (for a sign-up, one or several; for a substitute, the
    substitute); day: a network day id when one is meant; days: the network day ids a
    sign-up names (empty: not said, which means all days); language: a registered pack's
    code, the language the mail is written in; reason: why it needs attention (kind
    "attention"), else None; token: a confirmation token quoted back (kind "confirm").

    acts_for: the person the request is about when someone else sent it ("" = the sender
    themselves), decided in :mod:`mailflow.core.understanding.sender`; the rules act for
    that address and answer it, never a web form's address; acting_via says how
    ("form", "assistant", "forward"); copy_to: who else gets a copy of the answer (the
    assistant or the forwarder; never a token or a person's data). A mail on someone's
    behalf is never ``authenticated``: the From's domain vouches for nobody else.
    wants_language: the pack code the person asked to be written to in from now on.
    also: the further requests of the same mail ("cancel me for 9.12., sign me up for
    10.2."), each a whole intent of its own, carried out in turn after this one
    (:mod:`mailflow.core.rules.several`); empty for a mail asking one thing.
    """

    kind: IntentKind
    sender: str
    language: str = "fi"
    people: tuple[PersonDetails, ...] = ()
    day: str = ""
    days: tuple[str, ...] = ()
    reason: Reason | None = None
    token: str = ""
    answer_to: str = ""  # Message-ID to thread the answer under
    subject: str = ""
    notes: tuple[str, ...] = ()  # what else was understood, for `mailflow inspect`
    authenticated: bool = False  # copied from ParsedMessage.authenticated
    acts_for: str = ""
    acting_via: ActingVia = ""
    copy_to: tuple[str, ...] = ()
    wants_language: str = ""
    also: tuple[Intent, ...] = ()

    @property
    def person(self) -> str:
        """The address the request is about: ``acts_for``, else the sender."""
        return self.acts_for or self.sender


@dataclass(frozen=True)
class NetworkState:
    """The network as the pure core sees it for one decision.

    Each table may be given as a dict; it is kept as a :class:`~mailflow.core.tables.Table`
    (read like a dict), so that ``state.apply_decision`` costs what a decision changes.
    A state never changes once made.
    """

    organisations: Mapping[str, Organisation] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    days: Mapping[str, NetworkDay] = field(default_factory=dict)
    rsvps: Mapping[tuple[str, str], Rsvp] = field(default_factory=dict)  # (day_id, address)
    interest: Mapping[str, InterestSubscription] = field(default_factory=dict)
    attention: Mapping[str, AttentionItem] = field(default_factory=dict)
    pending: Mapping[str, PendingAction] = field(default_factory=dict)  # by token

    def __post_init__(self) -> None:
        for name in ("organisations", "days", "rsvps", "interest", "attention", "pending"):
            value = getattr(self, name)
            if not isinstance(value, Table):
                object.__setattr__(self, name, Table(value))
        if not isinstance(self.people, PeopleTable):
            object.__setattr__(self, "people", PeopleTable(self.people))

    def members(self, org: str, status: str) -> Mapping[str, Person]:
        """The people of organisation ``org`` with ``status``, by address."""
        people = self.people
        assert isinstance(people, PeopleTable)
        return people.members(org, status)

    def last_position(self, org: str) -> int:
        """The highest waitlist position in organisation ``org`` (0 when nobody waits)."""
        people = self.people
        assert isinstance(people, PeopleTable)
        return people.last_position(org)


@dataclass(frozen=True)
class MailRequest:
    """A mail the core wants sent; the shell renders it and puts it in the outbox once.

    key: the idempotency key (the same key is never sent twice); template: the template's
    name under templates/<language>/ (e.g. "signup_confirmation"); context: plain data
    for the template; auto: "auto-replied" for answers, "auto-generated" for scheduled
    mail (RFC 3834 Auto-Submitted); in_reply_to: the Message-ID answered, if any.
    """

    key: str
    to: str
    template: str
    language: str = "fi"
    context: dict[str, Any] = field(default_factory=dict)
    auto: Literal["auto-replied", "auto-generated"] = "auto-replied"
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    to_name: str = ""
    list_mail: bool = False  # interest-list mail: carries List-Unsubscribe
    #: "request" or "cancel": attach the day's iCalendar object; "reply": accept the
    #: meeting the day was made from (an iTIP REPLY to the organiser, inline only)
    calendar: str = ""
    day: str = ""


@dataclass(frozen=True)
class Decision:
    """What deciding on one message (or one due moment) yields.

    records: records to upsert (Person, Rsvp, Organisation, InterestSubscription,
    AttentionItem...); forget: addresses whose data must be erased everywhere;
    mails: mails to send; summary: one line saying what was done, for logs and the demo.
    """

    records: tuple[Any, ...] = ()
    forget: tuple[str, ...] = ()
    mails: tuple[MailRequest, ...] = ()
    summary: str = ""
