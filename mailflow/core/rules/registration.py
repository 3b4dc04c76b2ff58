"""Sign-ups (each person placed or waitlisted) and cancellations."""

from __future__ import annotations

import dataclasses

from mailflow.core.model import (
    Person,
    Reason,
    ReasonCode,
    normalise_address,
)
from mailflow.core.rules.changes import (
    commit_update,
    updated,
)
from mailflow.core.rules.confirming import ask_confirmation
from mailflow.core.rules.participation import rsvp
from mailflow.core.rules.places import (
    confirm_place,
    ensure_org,
    fill_places,
    place,
)
from mailflow.core.rules.text import (
    clean,
    fingerprint,
    is_address,
    short_hash,
)
from mailflow.core.rules.work import (
    Work,
    describe,
    status_words,
)
from mailflow.core.values import (
    PersonDetails,
)

__all__ = ["cancel", "signup"]


def signup(w: Work) -> None:
    coming, over = _named_days(w)
    if over and not coming:  # only days that are over: nothing to register for
        for day in over:
            w.problem(Reason.of(_OVER_REASON[_over(w, day)], day=day))
        return
    if over:
        w.done.append(f"left out {', '.join(over)} ({'; '.join(_over(w, d) for d in over)})")
    people = w.intent.people or (PersonDetails(),)
    given = {normalise_address(d.address) for d in people if d.address.strip()}
    handled: set[str] = set()
    for details in people:
        address = normalise_address(details.address)
        if not address and w.sender not in given and w.sender not in handled:
            address = w.sender
        who = clean(details.name) or address  # "": nobody named
        if not address:
            w.problem(Reason.of("signup_no_address", who=who))
        elif not is_address(address):
            w.problem(Reason.of("signup_bad_address", who=who))
        elif address not in handled:
            handled.add(address)
            _signup_one(w, details, address)


def _signup_one(w: Work, details: PersonDetails, address: str) -> None:
    existing = w.people.get(address)
    if existing is not None and existing.status in ("registered", "waitlisted"):
        _signup_again(w, existing, details)
        return
    org_name = clean(details.organisation)
    if not org_name and details.role != "guest":
        w.problem(Reason.of("signup_no_org", who=clean(details.name) or address))
        return
    language = w.language if address == w.sender or existing is None else existing.language
    base = existing or Person(address=address, name="", org="")
    coming, _ = _named_days(w)
    person = base.replace(
        name=clean(details.name) or base.name,
        org=ensure_org(w, org_name).key if org_name else "",
        role=details.role if details.role != "unknown" else base.role,
        language=language,
        diet=clean(details.diet) or base.diet,
        registered_at=w.now,
        days=coming,
    )
    person = place(w, person)
    w.put(person)
    confirm_place(w, person, f"confirm:{w.intent.answer_to}:{address}")
    w.done.append(f"{describe(w, person)} {status_words(person)}")


_OVER_REASON: dict[str, ReasonCode] = {
    "passed": "signup_past_day", "cancelled": "signup_cancelled_day"}


def _named_days(w: Work) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The known days the sign-up names: (those still coming, those over). None named
    means all coming days (``Person.days`` empty)."""
    named = w.intent.days or ((w.intent.day,) if w.intent.day else ())
    known = [d for d in named if d in w.state.days]
    over = tuple(d for d in known if _over(w, d))
    return tuple(d for d in known if d not in over), over


def _over(w: Work, day_id: str) -> str:
    """"passed" or "cancelled" when the day ``day_id`` is over for sign-ups, else ""."""
    day = w.state.days[day_id]
    if day.cancelled:
        return "cancelled"
    return "passed" if day.date < w.now.date() else ""


def _signup_again(w: Work, existing: Person, details: PersonDetails) -> None:
    """A sign-up for someone already in: echo it once, or apply what changed."""
    new, changes = updated(w, existing, details)
    address = existing.address
    if not changes:
        key = f"confirm:same:{address}:{short_hash(*fingerprint(existing))}"
        confirm_place(w, existing, key)
        w.done.append(f"{describe(w, existing)} already {status_words(existing)}")
        return
    if not w.intent.authenticated:
        correction = dataclasses.replace(
            w.intent, kind="correction", sender=address, people=(details,),
            language=existing.language if address != w.sender else w.language,
        )
        ask_confirmation(w, address, correction, "; ".join(changes))
        return
    final = commit_update(w, existing, new, details)
    confirm_place(w, final, f"confirm:{w.intent.answer_to}:{address}")
    w.done.append(f"{describe(w, final)} updated ({'; '.join(changes)})")


def cancel(w: Work) -> None:
    person = w.people.get(w.sender)
    if person is None:
        w.problem(Reason.of("cancel_not_registered"))
        return
    day_id = w.intent.day
    if day_id in w.state.days and person.status != "cancelled" and person.days != (day_id,):
        # "I cancel for day X" while signed up for more days: that day's no, the place
        # kept (a waitlisted person's no goes to the facilitator: no place to answer from)
        rsvp(w, "no")
        return
    key = f"cancel:{w.intent.answer_to}:{person.address}"
    if person.status == "cancelled":
        w.mail(key, person.address, "cancel_confirmation", {"person": person})
        w.done.append(f"{describe(w, person)} was already cancelled")
        return
    if ask_confirmation(w, person.address, w.intent, ""):
        return
    cancelled = person.replace(status="cancelled", waitlist_position=None)
    w.put(cancelled)
    w.mail(key, person.address, "cancel_confirmation", {"person": cancelled})
    w.done.append(f"{describe(w, person)} cancelled")
    fill_places(w, person.org)

