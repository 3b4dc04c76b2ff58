"""One decision being built: the rules' settings, the state with this decision's changes,
the records and mails it will emit, and the attention item for what it cannot apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from mailflow.core.languages.reasons import LOG_LANGUAGE, reason_text
from mailflow.core.languages.registry import DEFAULT, packs
from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Reason,
    Rsvp,
    normalise_address,
)
from mailflow.core.rules.text import (
    bracketed,
    clean,
    is_address,
    short_hash,
    thread_subject,
)
from mailflow.core.values import (
    Decision,
    Intent,
    MailRequest,
    NetworkState,
)

__all__ = [
    "People", "Rules", "Work", "describe", "language_of", "logged", "may_answer", "record_key",
    "status_words",
]

_NO_REPLY = ("noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster")
_EXCERPT_CHARS = 500
#: Answers an assistant or a forwarder gets a copy of when she wrote for someone: never a
#: confirmation token, a person's data or anything that only the person may see.
_COPIED = frozenset({
    "signup_confirmation", "waitlist_notice", "rsvp_confirmation", "interest_welcome",
    "attention_ack", "language_confirmation", "substitute_confirmation",
})


@dataclass(frozen=True)
class Rules:
    """The network's rules as the core needs them.

    max_per_org: places per organisation (guests do not count); network_address and
    facilitator: never answered automatically; secret: the store's random secret for
    confirmation tokens; confirm_hours: how long a token is valid.
    """

    max_per_org: int
    network_address: str
    facilitator: str
    secret: str
    confirm_hours: int = 72
    default_language: str = DEFAULT


class People:
    """The state's people with this decision's changes over them (the state is not copied)."""

    def __init__(self, state: NetworkState) -> None:
        self.state = state
        self.changed: dict[str, Person | None] = {}  # None: forgotten

    def get(self, address: str) -> Person | None:
        if address in self.changed:
            return self.changed[address]
        return self.state.people.get(address)

    def __getitem__(self, address: str) -> Person:
        person = self.get(address)
        if person is None:
            raise KeyError(address)
        return person

    def __setitem__(self, address: str, person: Person) -> None:
        self.changed[address] = person

    def pop(self, address: str) -> Person | None:
        person = self.get(address)
        self.changed[address] = None
        return person

    def touches(self, org: str) -> bool:
        """Has this decision changed anyone who is or was in ``org``?"""
        return any(
            (p is not None and p.org == org)
            or ((old := self.state.people.get(a)) is not None and old.org == org)
            for a, p in self.changed.items()
        )

    def members(self, org: str, status: str) -> list[Person]:
        stored = self.state.members(org, status)
        if not self.changed:
            return list(stored.values())
        kept = [p for a, p in stored.items() if a not in self.changed]
        new = [p for p in self.changed.values()
               if p is not None and p.org == org and p.status == status]
        return kept + new


class Work:
    """One decision being built: working copies of the state and what to emit."""

    def __init__(self, intent: Intent, state: NetworkState, now: datetime, rules: Rules):
        self.kind = intent.kind
        self.intent = intent
        #: whom the rules act for and answer: the person a form, an assistant or a
        #: forward wrote for (``Intent.acts_for``), else the sender
        self.sender = normalise_address(intent.person)
        self.state = state
        self.now = now
        self.rules = rules
        self.people = People(state)
        self.orgs = dict(state.organisations)
        self.records: dict[tuple[str, str], Any] = {}
        self.mails: dict[str, MailRequest] = {}
        self.forget: list[str] = []
        self.problems: list[Reason] = []
        self.done: list[str] = []

    @property
    def language(self) -> str:
        """The mail's language when reading recognised one; a mail read in the default
        language (what reading falls back to: a short calendar accept says little) is
        answered in a known sender's own language, else the network's."""
        if self.intent.wants_language:  # "write to me in Swedish from now on"
            return language_of(self.intent.wants_language, self.rules)
        known = self.state.people.get(self.sender)
        if self.intent.language == DEFAULT and known is not None:
            return language_of(known.language, self.rules)
        return language_of(self.intent.language, self.rules)

    def members(self, org: str, status: str) -> list[Person]:
        """The people of one organisation with ``status``, this decision's changes included."""
        return self.people.members(org, status)

    def put(self, record: Any) -> None:
        """Record ``record`` (the latest version of a key wins)."""
        if isinstance(record, Person):
            self.people[record.address] = record
        elif isinstance(record, Organisation):
            self.orgs[record.key] = record
        self.records[record_key(record)] = record

    def mail(
        self, key: str, to: str, template: str, context: dict[str, Any], *,
        language: str = "", list_mail: bool = False, day: str = "",
    ) -> None:
        """Ask for a mail: an answer (threaded) when to the sender, else auto-generated;
        ``day``: the network day it is about (its Message-ID says so, and so a reply to it
        is about that day)."""
        person = self.people.get(to)
        answer = to == self.sender
        self.mails[key] = MailRequest(
            key=key,
            to=to,
            template=template,
            language=language_of(language, self.rules) if language else self.language,
            context=context,
            auto="auto-replied" if answer else "auto-generated",
            in_reply_to=bracketed(self.intent.answer_to) if answer else "",
            to_name=person.name if person else "",
            list_mail=list_mail,
            day=day,
        )
        if answer and template in _COPIED:
            self._copies(key)

    def _copies(self, key: str) -> None:
        """A copy of the answer ``key`` to whoever wrote for the person (``copy_to``)."""
        request = self.mails[key]
        for address in self.intent.copy_to:
            copy_to = normalise_address(address)
            if copy_to != request.to and may_answer(copy_to, self.rules):
                self.mails[f"{key}:copy:{copy_to}"] = replace(
                    request, key=f"{key}:copy:{copy_to}", to=copy_to, to_name="")

    def problem(self, reason: Reason) -> None:
        """Note why the message must wait for the facilitator (its values made one line)."""
        params = tuple((name, clean(value, 300)) for name, value in reason.params)
        self.problems.append(Reason(reason.code, params))

    def org(self, key: str) -> Organisation:
        return self.orgs.get(key) or Organisation(key=key, name=key)

    def finish(self) -> Decision:
        if self.problems:
            self._attention()
        reason = logged(self.problems)
        head = ", ".join(self.done)
        if reason:
            label = "" if self.kind == "attention" else "needs attention: "
            head = f"{head}; {label}{reason}" if head else f"{label}{reason}"
        count = len(self.mails)
        summary = f"{self.kind}: {head or 'nothing to do'}; {count} mail{'' if count == 1 else 's'}"
        return Decision(
            records=tuple(self.records.values()),
            forget=tuple(dict.fromkeys(self.forget)),
            mails=tuple(self.mails.values()),
            summary=clean(summary, 1000),
        )

    def _attention(self) -> None:
        intent = self.intent
        reason = logged(self.problems)
        subject = clean(intent.subject)
        if intent.answer_to:
            item_id = f"att:{intent.answer_to}"
        else:
            item_id = f"att:{self.sender}:{short_hash(subject, reason)}"
        self.put(AttentionItem(
            id=item_id,
            message_key=intent.answer_to,
            sender=self.sender,
            subject=subject,
            reasons=tuple(dict.fromkeys(self.problems)),
            excerpt="\n".join(intent.notes)[:_EXCERPT_CHARS],
            at=self.now,
        ))
        formless = intent.acting_via == "form" and not intent.acts_for  # nobody to answer
        if may_answer(self.sender, self.rules) and not formless:
            thread = thread_subject(subject) or intent.answer_to  # no subject: per message
            key = f"ack:{self.sender}:{thread}"
            self.mail(key, self.sender, "attention_ack", {"subject": subject})


def logged(reasons: list[Reason]) -> str:
    """The reasons as the log words them: in English, each on one line of at most 300
    characters, once. (The attention item's id hashes this text, as it always has.)"""
    return "; ".join(dict.fromkeys(clean(reason_text(r, LOG_LANGUAGE), 300) for r in reasons))


def may_answer(address: str, rules: Rules) -> bool:
    """Never answer ourselves, the facilitator, or addresses that take no replies."""
    if not is_address(address):
        return False
    ours = {normalise_address(rules.network_address), normalise_address(rules.facilitator)}
    local = address.split("@", 1)[0]
    return address not in ours and not any(local.startswith(n) for n in _NO_REPLY)


def language_of(language: str, rules: Rules) -> str:
    """``language`` when a pack speaks it, else the network's default."""
    return language if any(p.code == language for p in packs()) else rules.default_language


def record_key(record: Any) -> tuple[str, str]:
    keys: dict[type, Callable[[Any], str]] = {
        Person: lambda r: r.address,
        Organisation: lambda r: r.key,
        Rsvp: lambda r: f"{r.day_id}|{r.address}",
        InterestSubscription: lambda r: r.address,
        AttentionItem: lambda r: r.id,
        PendingAction: lambda r: r.token,
        NetworkDay: lambda r: r.id,
    }
    return type(record).__name__, keys[type(record)](record)


def describe(w: Work, person: Person) -> str:
    where = ", ".join(x for x in (w.org(person.org).name if person.org else "", person.role) if x)
    who = person.name or person.address
    return f"{who} ({where})" if where else who


def status_words(person: Person) -> str:
    if person.status == "waitlisted":
        return f"waitlisted (#{person.waitlist_position})"
    return person.status

