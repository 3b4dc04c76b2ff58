"""The network's rules: ``(intent, state, now, rules) -> Decision``. Pure: no clock, no I/O.

Every answer is a ``MailRequest`` whose key makes it idempotent (deciding the same
intent on the same state twice yields the same keys), using the template names and
context keys of :mod:`mailflow.core.catalogue`. Anything that cannot be applied becomes one
``AttentionItem`` with a clear English reason and one ``attention_ack`` per thread.
Changes to an existing registration need the registered address's confirmation unless
the mail was authenticated (see :mod:`mailflow.core.rules.confirm`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from mailflow.core.languages.registry import packs
from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Rsvp,
    RsvpAnswer,
    normalise_address,
)
from mailflow.core.rules.confirm import find_token, intent_from_doc, intent_to_doc, make_token
from mailflow.core.values import (
    Decision,
    Intent,
    MailRequest,
    NetworkState,
    ParsedMessage,
    PersonDetails,
)

__all__ = ["Rules", "decide", "decide_robot"]

_ADDRESS = re.compile(r"[^@\s<>\"(),;:\[\]]+@[^@\s<>\"(),;:\[\]]+\.[^@\s<>\"(),;:\[\]]+")
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|vs|vl|fwd?|aw|sv)\s*(?:\[\d+\])?\s*:)+", re.IGNORECASE)
_NO_REPLY = ("noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster")
_EXCERPT_CHARS = 500


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
    default_language: str = "fi"


def org_key(name: str) -> str:
    """The Organisation key for a canonical name: stripped and lower-cased."""
    return " ".join(name.split()).lower()


def decide(intent: Intent, state: NetworkState, now: datetime, rules: Rules) -> Decision:
    """What to record and which mails to send for one understood message."""
    work = _Work(intent, state, now, rules)
    handler = _HANDLERS.get(intent.kind)
    if handler is None:
        work.problem(f"unknown intent kind {intent.kind!r}")
    elif intent.kind != "attention" and not _is_address(work.sender):
        work.problem("the sender's address is not a usable mail address")
    else:
        handler(work)
    return work.finish()


def decide_robot(parsed: ParsedMessage, state: NetworkState, now: datetime) -> Decision:
    """Robots are never answered; a bounce marks each known bounced address failing."""
    sender = _clean(parsed.from_addr) or "unknown sender"
    if parsed.robot != "bounce":
        kind = parsed.robot or "robot"
        return Decision(summary=f"{kind} from {sender}: nothing recorded, no answer")
    marked = []
    for address in dict.fromkeys(normalise_address(a) for a in parsed.bounced):
        person = state.people.get(address)
        if person is not None and not person.failing:
            marked.append(person.replace(failing=True))
    names = ", ".join(p.address for p in marked)
    what = f"{len(marked)} address(es) marked failing" + (f" ({names})" if names else "")
    return Decision(records=tuple(marked), summary=_clean(f"bounce: {what}; 0 mails", 500))


class _People:
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


class _Work:
    """One decision being built: working copies of the state and what to emit."""

    def __init__(self, intent: Intent, state: NetworkState, now: datetime, rules: Rules):
        self.kind = intent.kind
        self.intent = intent
        self.sender = normalise_address(intent.sender)
        self.state = state
        self.now = now
        self.rules = rules
        self.people = _People(state)
        self.orgs = dict(state.organisations)
        self.records: dict[tuple[str, str], Any] = {}
        self.mails: dict[str, MailRequest] = {}
        self.forget: list[str] = []
        self.problems: list[str] = []
        self.done: list[str] = []

    @property
    def language(self) -> str:
        """English when the mail was English; else a known sender's own language (a short
        calendar accept says little), else the network's."""
        known = self.state.people.get(self.sender)
        if self.intent.language != "en" and known is not None:
            return _language(known.language, self.rules)
        return _language(self.intent.language, self.rules)

    def members(self, org: str, status: str) -> list[Person]:
        """The people of one organisation with ``status``, this decision's changes included."""
        return self.people.members(org, status)

    def put(self, record: Any) -> None:
        """Record ``record`` (the latest version of a key wins)."""
        if isinstance(record, Person):
            self.people[record.address] = record
        elif isinstance(record, Organisation):
            self.orgs[record.key] = record
        self.records[_record_key(record)] = record

    def mail(
        self, key: str, to: str, template: str, context: dict[str, Any], *,
        language: str = "", list_mail: bool = False,
    ) -> None:
        """Ask for a mail: an answer (threaded) when to the sender, else auto-generated."""
        person = self.people.get(to)
        answer = to == self.sender
        self.mails[key] = MailRequest(
            key=key,
            to=to,
            template=template,
            language=_language(language, self.rules) if language else self.language,
            context=context,
            auto="auto-replied" if answer else "auto-generated",
            in_reply_to=_bracketed(self.intent.answer_to) if answer else "",
            to_name=person.name if person else "",
            list_mail=list_mail,
        )

    def problem(self, reason: str) -> None:
        self.problems.append(_clean(reason, 300))

    def org(self, key: str) -> Organisation:
        return self.orgs.get(key) or Organisation(key=key, name=key)

    def finish(self) -> Decision:
        if self.problems:
            self._attention()
        reason = "; ".join(dict.fromkeys(self.problems))
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
            summary=_clean(summary, 1000),
        )

    def _attention(self) -> None:
        intent = self.intent
        reason = "; ".join(dict.fromkeys(self.problems))
        subject = _clean(intent.subject)
        if intent.answer_to:
            item_id = f"att:{intent.answer_to}"
        else:
            item_id = f"att:{self.sender}:{_digest(subject, reason)}"
        self.put(AttentionItem(
            id=item_id,
            message_key=intent.answer_to,
            sender=self.sender,
            subject=subject,
            reason=reason,
            excerpt="\n".join(intent.notes)[:_EXCERPT_CHARS],
            at=self.now,
        ))
        if _may_answer(self.sender, self.rules):
            thread = _thread_subject(subject) or intent.answer_to  # no subject: per message
            key = f"ack:{self.sender}:{thread}"
            self.mail(key, self.sender, "attention_ack", {"subject": subject})


# --- the rules, one handler per intent kind -------------------------------------------


def _signup(w: _Work) -> None:
    people = w.intent.people or (PersonDetails(),)
    given = {normalise_address(d.address) for d in people if d.address.strip()}
    handled: set[str] = set()
    for details in people:
        address = normalise_address(details.address)
        if not address and w.sender not in given and w.sender not in handled:
            address = w.sender
        who = _clean(details.name) or address or "a person"
        if not address:
            w.problem(f"sign-up for {who} without an address")
        elif not _is_address(address):
            w.problem(f"sign-up for {who} with an unusable address")
        elif address not in handled:
            handled.add(address)
            _signup_one(w, details, address)


def _signup_one(w: _Work, details: PersonDetails, address: str) -> None:
    existing = w.people.get(address)
    if existing is not None and existing.status in ("registered", "waitlisted"):
        _signup_again(w, existing, details)
        return
    org_name = _clean(details.organisation)
    if not org_name and details.role != "guest":
        w.problem(f"sign-up for {_clean(details.name) or address} without an organisation")
        return
    language = w.language if address == w.sender or existing is None else existing.language
    base = existing or Person(address=address, name="", org="")
    day = w.intent.day if w.intent.day in w.state.days else ""
    person = base.replace(
        name=_clean(details.name) or base.name,
        org=_ensure_org(w, org_name).key if org_name else "",
        role=details.role if details.role != "unknown" else base.role,
        language=language,
        diet=_clean(details.diet) or base.diet,
        registered_at=w.now,
        days=tuple(d for d in w.intent.days if d in w.state.days) or ((day,) if day else ()),
    )
    person = _place(w, person)
    w.put(person)
    _confirm_place(w, person, f"confirm:{w.intent.answer_to}:{address}")
    w.done.append(f"{_describe(w, person)} {_status_words(person)}")


def _signup_again(w: _Work, existing: Person, details: PersonDetails) -> None:
    """A sign-up for someone already in: echo it once, or apply what changed."""
    new, changes = _updated(w, existing, details)
    address = existing.address
    if not changes:
        key = f"confirm:same:{address}:{_digest(*_fingerprint(existing))}"
        _confirm_place(w, existing, key)
        w.done.append(f"{_describe(w, existing)} already {_status_words(existing)}")
        return
    if not w.intent.authenticated:
        correction = dataclasses.replace(
            w.intent, kind="correction", sender=address, people=(details,),
            language=existing.language if address != w.sender else w.language,
        )
        _ask_confirmation(w, address, correction, "; ".join(changes))
        return
    final = _commit_update(w, existing, new, details)
    _confirm_place(w, final, f"confirm:{w.intent.answer_to}:{address}")
    w.done.append(f"{_describe(w, final)} updated ({'; '.join(changes)})")


def _interest(w: _Work, subscribed: bool) -> None:
    w.put(InterestSubscription(
        address=w.sender, subscribed=subscribed, at=w.now, language=w.language
    ))
    template = "interest_welcome" if subscribed else "interest_goodbye"
    w.mail(f"interest:{w.intent.answer_to}", w.sender, template, {"address": w.sender},
           list_mail=True)
    w.done.append(f"{w.sender} {'joined' if subscribed else 'left'} the interest list")


def _rsvp(w: _Work, answer: RsvpAnswer) -> None:
    day_id = w.intent.day
    day = w.state.days.get(day_id)
    person = w.people.get(w.sender)
    if not day_id:
        w.problem("RSVP that names no network day")
    elif day is None:
        w.problem(f"RSVP for an unknown network day ({day_id})")
    elif day.cancelled:
        w.problem(f"RSVP for a cancelled network day ({day_id})")
    elif person is None:
        w.problem("RSVP from an address that is not registered")
    elif person.status not in ("registered", "invited"):
        w.problem(f"RSVP from a person who is {person.status}, not registered")
    else:
        w.put(Rsvp(day_id=day.id, address=person.address, answer=answer, at=w.now))
        diet = next((p.diet for p in w.intent.people if p.diet), "")
        if answer == "yes" and diet and diet != person.diet:
            # "Osallistun, olen keliaakikko": the invitation asks for diets; keep it
            person = person.replace(diet=diet)
            w.put(person)
        w.mail(f"rsvp:{w.intent.answer_to}", person.address, "rsvp_confirmation",
               {"person": person, "day": day, "answer": answer})
        w.done.append(f"{_describe(w, person)} answered {answer} for {day.id}")


def _cancel(w: _Work) -> None:
    person = w.people.get(w.sender)
    if person is None:
        w.problem("cancellation from an address that is not registered")
        return
    day_id = w.intent.day
    if day_id in w.state.days and person.status == "registered" and person.days != (day_id,):
        _rsvp(w, "no")  # "I cancel for day X" while registered for more days
        return
    key = f"cancel:{w.intent.answer_to}:{person.address}"
    if person.status == "cancelled":
        w.mail(key, person.address, "cancel_confirmation", {"person": person})
        w.done.append(f"{_describe(w, person)} was already cancelled")
        return
    if _ask_confirmation(w, person.address, w.intent, ""):
        return
    cancelled = person.replace(status="cancelled", waitlist_position=None)
    w.put(cancelled)
    w.mail(key, person.address, "cancel_confirmation", {"person": cancelled})
    w.done.append(f"{_describe(w, person)} cancelled")
    _fill_places(w, person.org)


def _substitute(w: _Work) -> None:
    sender = w.people.get(w.sender)
    details = w.intent.people[0] if w.intent.people else PersonDetails()
    address = normalise_address(details.address)
    other = w.people.get(address)
    if sender is None or sender.status != "registered":
        w.problem("substitute named by an address that is not registered")
    elif not _is_address(address):
        w.problem("substitute without a usable address")
    elif address == sender.address:
        w.problem("the substitute named is the sender themself")
    elif other is not None and other.status in ("registered", "invited"):
        w.problem(f"the substitute {address} is already {other.status}")
    else:
        detail = f"{_clean(details.name)} <{address}>".strip()
        if _ask_confirmation(w, sender.address, w.intent, detail):
            return
        _apply_substitute(w, sender, details, other)


def _apply_substitute(
    w: _Work, sender: Person, details: PersonDetails, other: Person | None
) -> None:
    address = normalise_address(details.address)
    base = other or Person(address=address, name="", org="", language=w.language)
    substitute = base.replace(
        name=_clean(details.name) or base.name,
        org=sender.org,
        role=details.role if details.role != "unknown" else sender.role,
        status="registered",
        waitlist_position=None,
        diet=_clean(details.diet) or base.diet,
        registered_at=w.now,
        days=sender.days,
    )
    gone = sender.replace(status="cancelled", waitlist_position=None)
    w.put(gone)
    w.put(substitute)
    if other is not None and other.status == "waitlisted":
        _fill_places(w, other.org)
    context = {"person": gone, "substitute": substitute, "organisation": w.org(sender.org)}
    for person in (gone, substitute):
        w.mail(f"substitute:{w.intent.answer_to}:{person.address}", person.address,
               "substitute_confirmation", context, language=person.language)
    w.done.append(f"{_describe(w, substitute)} replaces {_describe(w, gone)}")


def _commit(w: _Work) -> None:
    person = w.people.get(w.sender)
    if person is None or person.status != "registered" or not person.org:
        w.problem("commitment to the follow-up work from an address that is not registered")
        return
    org = w.org(person.org)
    if not org.committed:
        org = org.replace(committed=True, committed_at=w.now)
        w.put(org)
    w.mail(f"commit:{w.intent.answer_to}", person.address, "commit_confirmation",
           {"person": person, "organisation": org})
    w.done.append(f"{org.name} committed to the follow-up work")


def _correction(w: _Work) -> None:
    person = w.people.get(w.sender)
    details = w.intent.people[0] if w.intent.people else PersonDetails()
    named = normalise_address(details.address)
    if person is None or person.status not in ("registered", "waitlisted"):
        w.problem("correction from an address that is not registered")
        return
    if named and named != person.address:
        w.problem("correction names another address (address changes are for the facilitator)")
        return
    new, changes = _updated(w, person, details)
    if not changes:
        w.problem("correction without any change that could be understood")
        return
    if _ask_confirmation(w, person.address, w.intent, "; ".join(changes)):
        return
    final = _commit_update(w, person, new, details)
    if (final.status, final.waitlist_position) != (person.status, person.waitlist_position):
        changes.append(_change(w.language, "status", _status_words(person), _status_words(final)))
    w.mail(f"correction:{w.intent.answer_to}:{person.address}", person.address,
           "correction_confirmation",
           {"person": final, "organisation": w.org(final.org), "changes": changes})
    w.done.append(f"{_describe(w, final)} corrected ({'; '.join(changes)})")


def _export(w: _Work) -> None:
    address = w.sender
    state = w.state
    person = state.people.get(address)
    interest = state.interest.get(address)
    data = {
        "address": address,
        "person": person.to_doc() if person else None,
        "rsvps": [r.to_doc() for r in state.rsvps.values() if r.address == address],
        "interest": interest.to_doc() if interest else None,
        "attention": [a.to_doc() for a in state.attention.values() if a.sender == address],
        "pending_confirmations": [
            p.to_doc() for p in state.pending.values() if p.address == address
        ],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    w.mail(f"export:{w.intent.answer_to}", address, "data_export",
           {"address": address, "data_json": text})
    w.done.append(f"data of {address} exported to {address}")


def _forget(w: _Work) -> None:
    address = w.sender
    if _ask_confirmation(w, address, w.intent, ""):
        return
    person = w.people.pop(address)
    w.forget.append(address)
    w.mail(f"forget:{w.intent.answer_to}", address, "forget_done", {"address": address})
    w.done.append(f"everything about {address} to be erased")
    if person is not None:
        _fill_places(w, person.org)


def _confirm(w: _Work) -> None:
    token = find_token(w.intent.token) or ""
    pending = w.state.pending.get(token)
    if pending is None or pending.done or w.now >= pending.expires_at:
        w.problem("unknown or expired token")
        return
    if normalise_address(pending.address) != w.sender:
        w.problem("confirmation token from the wrong address")
        return
    stored = intent_from_doc(pending.intent)
    if stored is None or stored.kind in ("confirm", "attention"):
        w.problem("the confirmed change could not be read")
        return
    w.put(pending.replace(done=True))
    w.done.append(f"{token} confirmed by {w.sender}")
    w.intent = dataclasses.replace(
        stored, authenticated=True, answer_to=w.intent.answer_to or stored.answer_to
    )
    w.sender = normalise_address(stored.sender)
    _HANDLERS[stored.kind](w)


def _attention_intent(w: _Work) -> None:
    w.problem(w.intent.reason or "the message was not understood")


_HANDLERS: dict[str, Callable[[_Work], None]] = {
    "signup": _signup,
    "interest_join": lambda w: _interest(w, True),
    "interest_leave": lambda w: _interest(w, False),
    "rsvp_yes": lambda w: _rsvp(w, "yes"),
    "rsvp_no": lambda w: _rsvp(w, "no"),
    "cancel": _cancel,
    "substitute": _substitute,
    "commit": _commit,
    "correction": _correction,
    "export_request": _export,
    "forget_request": _forget,
    "confirm": _confirm,
    "attention": _attention_intent,
}


# --- places: the cap, the waitlist, confirmations -------------------------------------


def _registered_count(w: _Work, org: str, *, besides: str = "") -> int:
    return sum(
        1 for p in w.members(org, "registered") if p.role != "guest" and p.address != besides
    )


def _queue(w: _Work, org: str) -> list[Person]:
    waiting = w.members(org, "waitlisted")
    return sorted(waiting, key=lambda p: (p.waitlist_position or 0, p.address))


def _last_position(w: _Work, org: str, besides: str) -> int:
    """The highest waitlist position in ``org`` of anyone but ``besides`` (0: nobody)."""
    if not w.people.touches(org) and (besides, org, "waitlisted") != _where(w.state, besides):
        return w.state.last_position(org)
    others = [p for p in _queue(w, org) if p.address != besides]
    return max((p.waitlist_position or 0 for p in others), default=0)


def _where(state: NetworkState, address: str) -> tuple[str, str, str]:
    person = state.people.get(address)
    return (address, person.org, person.status) if person is not None else ("", "", "")


def _place(w: _Work, person: Person) -> Person:
    """The person with a place, or waitlisted at the end of the organisation's queue."""
    if person.role == "guest" or not person.org:
        return person.replace(status="registered", waitlist_position=None)
    if _registered_count(w, person.org, besides=person.address) < w.rules.max_per_org:
        return person.replace(status="registered", waitlist_position=None)
    last = _last_position(w, person.org, person.address)
    return person.replace(status="waitlisted", waitlist_position=last + 1)


def _fill_places(w: _Work, org: str) -> None:
    """Free places in ``org`` go to the first waitlisted; the rest are renumbered."""
    if not org:
        return
    queue = _queue(w, org)
    while queue and _registered_count(w, org) < w.rules.max_per_org:
        person = queue.pop(0).replace(status="registered", waitlist_position=None)
        w.put(person)
        w.mail(f"place:{org}:{person.address}", person.address, "place_offered",
               {"person": person, "organisation": w.org(org), "days": _days_for(w, person)},
               language=person.language)
        w.done.append(f"{_describe(w, person)} moved from the waitlist to a place")
    for position, person in enumerate(queue, start=1):
        if person.waitlist_position != position:
            w.put(person.replace(waitlist_position=position))


def _confirm_place(w: _Work, person: Person, key: str) -> None:
    """signup_confirmation or waitlist_notice, to the person at their own address."""
    org = w.org(person.org)
    if person.status == "waitlisted":
        if person.waitlist_position is None:  # e.g. set by hand: give them the last place
            last = _last_position(w, person.org, person.address)
            person = person.replace(waitlist_position=last + 1)
            w.put(person)
        context: dict[str, Any] = {
            "person": person, "organisation": org, "position": person.waitlist_position
        }
        w.mail(key, person.address, "waitlist_notice", context, language=person.language)
    else:
        context = {"person": person, "organisation": org, "days": _days_for(w, person)}
        w.mail(key, person.address, "signup_confirmation", context, language=person.language)


def _days_for(w: _Work, person: Person) -> list[NetworkDay]:
    """The coming, not cancelled days the person signed up for (all when none named)."""
    days = [
        d for d in w.state.days.values()
        if not d.cancelled and d.date >= w.now.date() and (not person.days or d.id in person.days)
    ]
    return sorted(days, key=lambda d: (d.date, d.start, d.id))


def _ensure_org(w: _Work, name: str) -> Organisation:
    """The organisation called ``name`` (by key or alias), created when new."""
    key = org_key(name)
    if key in w.orgs:
        return w.orgs[key]
    for org in w.orgs.values():
        if key in (org_key(a) for a in org.aliases):
            return org
    org = Organisation(key=key, name=name)
    w.put(org)
    return org


def _find_org_key(w: _Work, name: str) -> str:
    key = org_key(name)
    for org in w.orgs.values():
        if key == org.key or key in (org_key(a) for a in org.aliases):
            return org.key
    return key


def _updated(w: _Work, old: Person, details: PersonDetails) -> tuple[Person, list[str]]:
    """The person with the given details applied (not placed), and the changes in words."""
    lang = old.language if old.address != w.sender else w.language
    new = old
    changes: list[str] = []
    name, diet, org_name = _clean(details.name), _clean(details.diet), _clean(details.organisation)
    if name and name != old.name:
        changes.append(_change(lang, "name", old.name, name))
        new = new.replace(name=name)
    if details.role != "unknown" and details.role != old.role:
        changes.append(_change(lang, "role", _role(lang, old.role), _role(lang, details.role)))
        new = new.replace(role=details.role)
    if diet and diet != old.diet:
        changes.append(_change(lang, "diet", old.diet, diet))
        new = new.replace(diet=diet)
    if org_name and _find_org_key(w, org_name) != old.org:
        changes.append(_change(lang, "organisation", w.org(old.org).name, org_name))
        new = new.replace(org=_find_org_key(w, org_name))
    day = w.intent.day
    if day in w.state.days and old.days and day not in old.days:
        changes.append(_change(lang, "days", ", ".join(old.days), ", ".join((*old.days, day))))
        new = new.replace(days=(*old.days, day))
    return new, changes


def _commit_update(w: _Work, old: Person, new: Person, details: PersonDetails) -> Person:
    """Record ``new``; a move to another organisation (or in/out of guests) re-checks the cap."""
    if new.org != old.org and details.organisation.strip():
        new = new.replace(org=_ensure_org(w, _clean(details.organisation)).key)
    moved = new.org != old.org or (new.role == "guest") != (old.role == "guest")
    if not moved:
        w.put(new)
        return new
    new = _place(w, new)
    w.put(new)
    _fill_places(w, old.org)
    return w.people[new.address]


# --- confirmation of changes by the registered address --------------------------------


def _ask_confirmation(w: _Work, address: str, intent: Intent, detail: str) -> bool:
    """Unless authenticated: store the change, mail a token to ``address``; True if asked."""
    if w.intent.authenticated:
        return False
    doc = intent_to_doc(intent)
    seed = f"{intent.kind}:{address}:{_digest(json.dumps(doc, sort_keys=True, default=str))}"
    token = make_token(w.rules.secret, seed)
    w.put(PendingAction(
        token=token, address=address, intent=doc, created_at=w.now,
        expires_at=w.now + timedelta(hours=w.rules.confirm_hours),
    ))
    language = _language(intent.language, w.rules)
    context = {
        "action": _action(language, intent.kind, detail),
        "token": token,
        "subject": _clean(w.intent.subject),
    }
    w.mail(f"confirm-request:{token}", address, "confirm_request", context, language=language)
    what = _NOUNS.get(intent.kind, intent.kind)
    w.done.append(f"{what} waits for {address} to confirm")
    return True


_NOUNS = {"cancel": "cancellation", "substitute": "substitution",
          "correction": "correction", "forget_request": "erasure"}
_ACTIONS = {
    "fi": {
        "cancel": "peruuttaa ilmoittautumisesi verkostoon",
        "substitute": "antaa paikkasi sijaiselle: {detail}",
        "correction": "korjata tietojasi: {detail}",
        "forget_request": "poistaa kaikki sinusta tallennetut tiedot",
    },
    "en": {
        "cancel": "cancel your registration to the network",
        "substitute": "give your place to a substitute: {detail}",
        "correction": "correct your details: {detail}",
        "forget_request": "erase everything stored about you",
    },
}
_LABELS = {
    "fi": {"name": "nimi", "role": "rooli", "diet": "erityisruokavalio",
           "organisation": "organisaatio", "days": "päivät", "status": "tila"},
    "en": {"name": "name", "role": "role", "diet": "special diet",
           "organisation": "organisation", "days": "days", "status": "status"},
}
_ROLES = {
    "fi": {"management": "johto", "supervisor": "oppisopimustoiminnan esimies",
           "staff": "henkilöstö", "guest": "vieras", "unknown": "ei tiedossa"},
    "en": {"management": "management", "supervisor": "apprenticeship supervisor",
           "staff": "staff", "guest": "guest", "unknown": "unknown"},
}


def _action(language: str, kind: str, detail: str) -> str:
    actions = _ACTIONS.get(language, _ACTIONS["en"])
    return actions.get(kind, kind).format(detail=detail)


def _change(language: str, field: str, old: str, new: str) -> str:
    label = _LABELS.get(language, _LABELS["en"])[field]
    return f"{label}: {old or '–'} → {new}"


def _role(language: str, role: str) -> str:
    return _ROLES.get(language, _ROLES["en"]).get(role, role)


# --- small helpers ---------------------------------------------------------------------


def _clean(text: str, limit: int = 200) -> str:
    """User text made safe for one line: no CR/LF or other control characters."""
    one_line = " ".join(str(text).split())
    if one_line.isprintable():  # nearly always: no need to look at each character
        return one_line[:limit]
    return "".join(c for c in one_line if c.isprintable())[:limit]


def _bracketed(message_id: str) -> str:
    """A Message-ID as headers carry it: parse keys messages by the id without <>."""
    inner = message_id.strip().strip("<>")
    return f"<{inner}>" if inner else ""


def _is_address(address: str) -> bool:
    return len(address) <= 254 and _ADDRESS.fullmatch(address) is not None


def _may_answer(address: str, rules: Rules) -> bool:
    """Never answer ourselves, the facilitator, or addresses that take no replies."""
    if not _is_address(address):
        return False
    ours = {normalise_address(rules.network_address), normalise_address(rules.facilitator)}
    local = address.split("@", 1)[0]
    return address not in ours and not any(local.startswith(n) for n in _NO_REPLY)


def _thread_subject(subject: str) -> str:
    """The subject without reply/forward prefixes (Re:, Vs:, VS:, Fwd:, VL:), lower-cased."""
    return _REPLY_PREFIX.sub("", subject).strip().lower()


def _language(language: str, rules: Rules) -> str:
    return language if language in {p.code for p in packs()} else rules.default_language


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def _fingerprint(person: Person) -> tuple[str, ...]:
    return (person.name, person.org, person.role, person.status,
            str(person.waitlist_position), ",".join(person.days), person.diet)


def _record_key(record: Any) -> tuple[str, str]:
    keys: dict[type, Callable[[Any], str]] = {
        Person: lambda r: r.address,
        Organisation: lambda r: r.key,
        Rsvp: lambda r: f"{r.day_id}|{r.address}",
        InterestSubscription: lambda r: r.address,
        AttentionItem: lambda r: r.id,
        PendingAction: lambda r: r.token,
    }
    return type(record).__name__, keys[type(record)](record)


def _describe(w: _Work, person: Person) -> str:
    where = ", ".join(x for x in (w.org(person.org).name if person.org else "", person.role) if x)
    who = person.name or person.address
    return f"{who} ({where})" if where else who


def _status_words(person: Person) -> str:
    if person.status == "waitlisted":
        return f"waitlisted (#{person.waitlist_position})"
    return person.status
