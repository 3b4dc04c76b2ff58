"""Places: the cap per organisation, the waitlist, and the mail that tells a person
where they stand."""

from __future__ import annotations

from typing import Any

from mailflow.core.model import (
    NetworkDay,
    Organisation,
    Person,
)
from mailflow.core.rules.work import (
    Work,
    describe,
)
from mailflow.core.values import (
    NetworkState,
)

__all__ = [
    "confirm_place", "days_for", "ensure_org", "fill_places", "find_org_key", "org_key", "place",
]


def org_key(name: str) -> str:
    """The Organisation key for a canonical name: stripped and lower-cased."""
    return " ".join(name.split()).lower()


def _registered_count(w: Work, org: str, *, besides: str = "") -> int:
    return sum(
        1 for p in w.members(org, "registered") if p.role != "guest" and p.address != besides
    )


def _queue(w: Work, org: str) -> list[Person]:
    waiting = w.members(org, "waitlisted")
    return sorted(waiting, key=lambda p: (p.waitlist_position or 0, p.address))


def _last_position(w: Work, org: str, besides: str) -> int:
    """The highest waitlist position in ``org`` of anyone but ``besides`` (0: nobody)."""
    if not w.people.touches(org) and (besides, org, "waitlisted") != _where(w.state, besides):
        return w.state.last_position(org)
    others = [p for p in _queue(w, org) if p.address != besides]
    return max((p.waitlist_position or 0 for p in others), default=0)


def _where(state: NetworkState, address: str) -> tuple[str, str, str]:
    person = state.people.get(address)
    return (address, person.org, person.status) if person is not None else ("", "", "")


def place(w: Work, person: Person) -> Person:
    """The person with a place, or waitlisted at the end of the organisation's queue."""
    if person.role == "guest" or not person.org:
        return person.replace(status="registered", waitlist_position=None)
    if _registered_count(w, person.org, besides=person.address) < w.rules.max_per_org:
        return person.replace(status="registered", waitlist_position=None)
    last = _last_position(w, person.org, person.address)
    return person.replace(status="waitlisted", waitlist_position=last + 1)


def fill_places(w: Work, org: str) -> None:
    """Free places in ``org`` go to the first waitlisted; the rest are renumbered."""
    if not org:
        return
    queue = _queue(w, org)
    while queue and _registered_count(w, org) < w.rules.max_per_org:
        person = queue.pop(0).replace(status="registered", waitlist_position=None)
        w.put(person)
        w.mail(f"place:{org}:{person.address}", person.address, "place_offered",
               {"person": person, "organisation": w.org(org), "days": days_for(w, person)},
               language=person.language)
        w.done.append(f"{describe(w, person)} moved from the waitlist to a place")
    for position, person in enumerate(queue, start=1):
        if person.waitlist_position != position:
            w.put(person.replace(waitlist_position=position))


def confirm_place(w: Work, person: Person, key: str) -> None:
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
        context = {"person": person, "organisation": org, "days": days_for(w, person)}
        w.mail(key, person.address, "signup_confirmation", context, language=person.language)


def days_for(w: Work, person: Person) -> list[NetworkDay]:
    """The coming, not cancelled days the person signed up for (all when none named)."""
    days = [
        d for d in w.state.days.values()
        if not d.cancelled and d.date >= w.now.date() and (not person.days or d.id in person.days)
    ]
    return sorted(days, key=lambda d: (d.date, d.start, d.id))


def ensure_org(w: Work, name: str) -> Organisation:
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


def find_org_key(w: Work, name: str) -> str:
    key = org_key(name)
    for org in w.orgs.values():
        if key == org.key or key in (org_key(a) for a in org.aliases):
            return org.key
    return key

