"""Changes to a registration: a substitute in one's place, corrections of one's details."""

from __future__ import annotations

from mailflow.core.languages.registry import pack
from mailflow.core.model import (
    Person,
    Reason,
    normalise_address,
)
from mailflow.core.rules.confirming import ask_confirmation
from mailflow.core.rules.places import (
    ensure_org,
    fill_places,
    find_org_key,
    place,
)
from mailflow.core.rules.text import (
    clean,
    is_address,
)
from mailflow.core.rules.work import (
    Work,
    describe,
    status_words,
)
from mailflow.core.values import (
    PersonDetails,
)

__all__ = ["change_words", "commit_update", "correction", "role_words", "substitute", "updated"]


def substitute(w: Work) -> None:
    sender = w.people.get(w.sender)
    details = w.intent.people[0] if w.intent.people else PersonDetails()
    address = normalise_address(details.address)
    other = w.people.get(address)
    if sender is None or sender.status != "registered":
        w.problem(Reason.of("substitute_by_unregistered"))
    elif not address and clean(details.name):
        _ask_address(w, sender, clean(details.name))
    elif not is_address(address):
        w.problem(Reason.of("substitute_unusable"))
    elif address == sender.address:
        w.problem(Reason.of("substitute_is_sender"))
    elif other is not None and other.status in ("registered", "invited"):
        w.problem(Reason.of("substitute_already", address=address, status=other.status))
    else:
        detail = f"{clean(details.name)} <{address}>".strip()
        if ask_confirmation(w, sender.address, w.intent, detail):
            return
        _apply_substitute(w, sender, details, other)


def _ask_address(w: Work, sender: Person, name: str) -> None:
    """A substitute named without a mail address: the (registered) sender is asked for it,
    in reply; nothing changes until a substitution with the address comes."""
    w.mail(f"substitute_address:{w.intent.answer_to}", sender.address,
           "substitute_address_request", {"person": sender, "substitute_name": name},
           day=w.intent.day)
    w.done.append(f"{describe(w, sender)} asked for the address of the substitute {name}")


def _apply_substitute(
    w: Work, sender: Person, details: PersonDetails, other: Person | None
) -> None:
    address = normalise_address(details.address)
    base = other or Person(address=address, name="", org="", language=w.language)
    substitute = base.replace(
        name=clean(details.name) or base.name,
        org=sender.org,
        role=details.role if details.role != "unknown" else sender.role,
        status="registered",
        waitlist_position=None,
        diet=clean(details.diet) or base.diet,
        registered_at=w.now,
        days=sender.days,
    )
    gone = sender.replace(status="cancelled", waitlist_position=None)
    w.put(gone)
    w.put(substitute)
    if other is not None and other.status == "waitlisted":
        fill_places(w, other.org)
    context = {"person": gone, "substitute": substitute, "organisation": w.org(sender.org)}
    for person in (gone, substitute):
        w.mail(f"substitute:{w.intent.answer_to}:{person.address}", person.address,
               "substitute_confirmation", context, language=person.language)
    w.done.append(f"{describe(w, substitute)} replaces {describe(w, gone)}")


def correction(w: Work) -> None:
    person = w.people.get(w.sender)
    details = w.intent.people[0] if w.intent.people else PersonDetails()
    named = normalise_address(details.address)
    if person is None or person.status not in ("registered", "waitlisted"):
        w.problem(Reason.of("correction_not_registered"))
        return
    if named and named != person.address:
        w.problem(Reason.of("correction_other_address"))
        return
    new, changes = updated(w, person, details)
    if not changes:
        w.problem(Reason.of("correction_no_change"))
        return
    if ask_confirmation(w, person.address, w.intent, "; ".join(changes)):
        return
    final = commit_update(w, person, new, details)
    if (final.status, final.waitlist_position) != (person.status, person.waitlist_position):
        before, after = status_words(person), status_words(final)
        changes.append(change_words(w.language, "status", before, after))
    w.mail(f"correction:{w.intent.answer_to}:{person.address}", person.address,
           "correction_confirmation",
           {"person": final, "organisation": w.org(final.org), "changes": changes})
    w.done.append(f"{describe(w, final)} corrected ({'; '.join(changes)})")


def updated(w: Work, old: Person, details: PersonDetails) -> tuple[Person, list[str]]:
    """The person with the given details applied (not placed), and the changes in words."""
    lang = old.language if old.address != w.sender else w.language
    new = old
    changes: list[str] = []
    name, diet, org_name = clean(details.name), clean(details.diet), clean(details.organisation)
    if name and name != old.name:
        changes.append(change_words(lang, "name", old.name, name))
        new = new.replace(name=name)
    if details.role != "unknown" and details.role != old.role:
        before, after = role_words(lang, old.role), role_words(lang, details.role)
        changes.append(change_words(lang, "role", before, after))
        new = new.replace(role=details.role)
    if diet and diet != old.diet:
        changes.append(change_words(lang, "diet", old.diet, diet))
        new = new.replace(diet=diet)
    if org_name and find_org_key(w, org_name) != old.org:
        changes.append(change_words(lang, "organisation", w.org(old.org).name, org_name))
        new = new.replace(org=find_org_key(w, org_name))
    day = w.intent.day
    if day in w.state.days and old.days and day not in old.days:
        changes.append(change_words(lang, "days", ", ".join(old.days), ", ".join((*old.days, day))))
        new = new.replace(days=(*old.days, day))
    return new, changes


def commit_update(w: Work, old: Person, new: Person, details: PersonDetails) -> Person:
    """Record ``new``; a move to another organisation (or in/out of guests) re-checks the cap."""
    if new.org != old.org and details.organisation.strip():
        new = new.replace(org=ensure_org(w, clean(details.organisation)).key)
    moved = new.org != old.org or (new.role == "guest") != (old.role == "guest")
    if not moved:
        w.put(new)
        return new
    new = place(w, new)
    w.put(new)
    fill_places(w, old.org)
    return w.people[new.address]


def change_words(language: str, field: str, old: str, new: str) -> str:
    """One change of a person's details as a confirmation lists it: "rooli: johto → vieras"."""
    label = pack(language).says.change_fields[field]
    return f"{label}: {old or '–'} → {new}"


def role_words(language: str, role: str) -> str:
    """A role as a change list names it."""
    return pack(language).says.roles.get(role, role)

