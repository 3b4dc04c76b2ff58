"""Sign-ups (the sender, or the people a coordinator lists) and substitutes."""

from __future__ import annotations

import re
from dataclasses import replace

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import fold
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reason import Reason
from mailflow.core.understanding.days import named_days
from mailflow.core.understanding.names import base_name, name_spelled_by
from mailflow.core.understanding.people import (
    classify_cells,
    is_name,
    listed_people,
    person_details,
    split_cells,
)
from mailflow.core.understanding.roles import role_from_title
from mailflow.core.understanding.sender import organisation_of_sender, self_details
from mailflow.core.understanding.text import Reading, addresses_in
from mailflow.core.values import Intent, NetworkState, ParsedMessage, PersonDetails

__all__ = ["signup_intent", "substitute_intent"]

#: A sentence's end: "!", "?", a line's end, or a stop before a space (not in an address).
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s)")


def signup_intent(
    intent: Intent, msg: ParsedMessage, reading: Reading, state: NetworkState,
    orgs: OrgDirectory,
) -> Intent:
    """A sign-up of the people the mail lists, or of the sender; attention without addresses."""
    body = list(reading.body)
    rows = listed_people(body, orgs)
    self_row = self_details(msg, reading, orgs)
    notes = list(intent.notes)
    lone = len(rows) == 1 and not rows[0].get("address")
    if lone and not known().for_others.search(reading.folded):
        rows[0]["address"] = self_row["address"]
    if not rows:
        rows = [self_row]
    rows = _without_signature(rows, self_row)
    sender_org = self_row.get("organisation", "")
    people = []
    for row in rows:
        if row.get("address") == self_row["address"]:  # the sender's own row: all they say
            for key, value in self_row.items():
                row.setdefault(key, value)
        if not row.get("name") and row.get("address"):
            row.update(_named_before(reading.text, row["address"]) or _spelled(
                reading.text, row["address"]))
        if not row.get("organisation"):
            org = orgs.for_address(row.get("address", ""))
            row["organisation"] = org.name if org is not None else sender_org
        people.append(_in_base_form(person_details(row, orgs)))
    people = _guests_marked(people, reading, orgs, self_row["address"])
    missing = [p.name or "?" for p in people if not p.address]
    if missing:
        notes.append(f"no address for: {', '.join(missing)}")
    if people and all(not p.address for p in people):
        return replace(intent, kind="attention", people=tuple(people), notes=tuple(notes),
                       reason=Reason.of("signup_no_addresses"))
    day, days, named = _days_signed_up_for(reading, state)
    return replace(intent, people=tuple(people), day=day, days=days,
                   notes=(*notes, *named))


def _without_signature(
    rows: list[dict[str, str]], self_row: dict[str, str],
) -> list[dict[str, str]]:
    """``rows`` without the sender's signature ("Sofia Björklund / förman / YA", no
    address) when someone else is named with an address: the sender signs, she does not
    sign herself up again."""
    own = fold(self_row.get("name", ""))
    if not own or not any(r.get("address") for r in rows):
        return rows
    return [r for r in rows if r.get("address") or fold(r.get("name", "")) != own]


#: A name (and the word before it) right in front of an address: "opettaja Marko Lahtisen (".
_NAME_BEFORE = re.compile(r"(?:(\w+)\s+)?([A-ZÅÄÖ][\w'’-]+\s+[A-ZÅÄÖ][\w'’-]+)\s*[(<,:–-]?\s*$")


def _spelled(text: str, address: str) -> dict[str, str]:
    name = name_spelled_by(text, address)
    return {"name": name} if name else {}


def _named_before(text: str, address: str) -> dict[str, str]:
    """The name (and a title word just before it) written in running text in front of
    ``address``: "opettaja Marko Lahtisen (marko.lahtinen@gradia.test)"."""
    at = text.lower().find(address.lower())
    if at < 0:
        return {}
    found = _NAME_BEFORE.search(text[max(0, at - 120):at])
    if found is None:
        return {}
    row = {"name": found.group(2)}
    title = found.group(1) or ""
    if title and role_from_title(title) != "unknown":
        row["title"] = title
    return row


def _guests_marked(people: list[PersonDetails], reading: Reading, orgs: OrgDirectory,
                   sender: str) -> list[PersonDetails]:
    """``people``, those brought as guests ("tuon vieraaksi", "anmäla en gäst") marked
    so: someone else than the sender, from no organisation the network knows."""
    if not known().guest_words.search(reading.folded):
        return people
    return [replace(p, role="guest") if _from_outside(p, orgs, sender) else p for p in people]


def _from_outside(person: PersonDetails, orgs: OrgDirectory, sender: str) -> bool:
    """True for someone else than the sender from no organisation the network knows: an
    organisation not known, or (given only the sender's, by default) an address at a
    domain that is neither known nor the sender's."""
    if person.address == sender or orgs.for_address(person.address) is not None:
        return False
    if person.organisation and orgs.resolve(person.organisation) is None:
        return True
    domain = person.address.rpartition("@")[2]
    return bool(domain) and domain != sender.rpartition("@")[2]


def _in_base_form(person: PersonDetails) -> PersonDetails:
    """``person`` with the name in the base form its address spells ("Marko Lahtisen")."""
    return replace(person, name=base_name(person.name, person.address)) if person.name else person


def _days_signed_up_for(
    reading: Reading, state: NetworkState
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(the one day, the days, the note) a sign-up names; "both days" names none (all)."""
    if known().all_days.search(reading.folded):
        return "", (), ("days: all",)
    named = named_days(reading.folded, state)
    if not named:
        return "", (), ()
    return (named[0] if len(named) == 1 else ""), tuple(named), (f"days: {', '.join(named)}",)


def substitute_intent(
    intent: Intent, msg: ParsedMessage, reading: Reading, state: NetworkState,
    orgs: OrgDirectory,
) -> Intent:
    """The substitute the sender names; attention when they have no mail address."""
    body = reading.body
    text = "\n".join(body)
    start = known().intent_patterns["substitute"].search(fold(text))
    # from the start of the sentence that names the substitute ("Katja Mäki (...) will
    # attend in my place")
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start.start())] if start else []
    span = text[ends[-1] if ends else 0:]
    row: dict[str, str] = {}
    others = [a for a in addresses_in(span) if a != msg.from_addr]
    if others:
        row["address"] = others[0]
        # the name written beside the address, or the one it spells
        row.update(_named_before(span, others[0]) or _spelled(span, others[0]))
    for line in span.splitlines():
        for key, value in classify_cells(split_cells(line), orgs).items():
            row.setdefault(key, value)
    if "name" not in row:
        words = re.findall(r"[\w'’-]+", span)
        for i in range(len(words) - 1):
            pair = f"{words[i]} {words[i + 1]}"
            if is_name(pair, orgs):
                row["name"] = pair
                break
    row.pop("diet", None)
    if not row.get("organisation"):
        org = orgs.for_address(row.get("address", ""))
        row["organisation"] = org.name if org is not None else organisation_of_sender(
            msg, reading, state, orgs)
    person = _in_base_form(person_details(row, orgs))
    if not person.address and (not person.name or known().someone_unnamed.search(fold(span))):
        # "someone else will come, I'll tell you the name later"
        return replace(intent, kind="attention", people=(person,),
                       reason=Reason.of("substitute_without_address"))
    # named without an address: the rules ask the sender for it
    return replace(intent, people=(person,))

