"""The facilitator's digest: what happened and where the network stands (pure).

``build_digest`` turns the state into a ``Digest``: plain, pre-computed data the
``digest`` templates show as they are (numbers, percentages and text bars are made
here, so the templates need no filters). Text people wrote (attention excerpts,
subjects, names) is only data: the HTML template autoescapes it.

``Digest.changed`` says whether anything happened in ``(since, now]``: people who
signed up, RSVPs, new attention items, interest-list changes, commitments, and failed
sends (a failed mail counts when it was created or last retried in that window; the
store keeps no time of giving up). Bounced addresses (``Person.failing``) are listed
but, having no timestamp, do not count as a change on their own.

Each attention item, waitlisted person and bounced address carries its action links
(``digest_actions``): prepared mails to the person or to the network's address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from mailflow.core.commands import item_ref
from mailflow.core.languages.reasons import reason_text
from mailflow.core.languages.registry import DEFAULT
from mailflow.core.model import AttentionItem, NetworkDay, OutgoingMail, Person
from mailflow.core.schedule.costs import largest_remainder, name_sort_key, signed_up
from mailflow.core.schedule.digest_actions import (
    Action,
    BouncedAddress,
    Reply,
    bounced_actions,
    handled_action,
    offer_action,
    reply,
)
from mailflow.core.schedule.window import happened_between, in_window
from mailflow.core.values import NetworkState

__all__ = [
    "COVERED_ROLES",
    "AttentionLine",
    "Bar",
    "DayRsvps",
    "Digest",
    "FailedSend",
    "OrgRoster",
    "RoleCoverage",
    "RosterPerson",
    "build_digest",
    "text_bar",
]

#: The roles each organisation is asked to send (the network page: johto, esimiehet, henkilöstö).
COVERED_ROLES = ("management", "supervisor", "staff")
BAR_WIDTH = 10
EXCERPT_CHARS = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Bar:
    """``part`` of ``whole`` as a whole percent (0 when whole is 0) and a text bar."""

    part: int
    whole: int
    percent: int
    text: str  # e.g. "██████░░░░ 6/10"


@dataclass(frozen=True)
class RosterPerson:
    """One person as the digest shows them; ``new``: signed up since the last digest."""

    name: str
    address: str
    org: str  # the organisation's key ("" for guests without one)
    org_name: str
    role: str
    status: str
    waitlist_position: int | None
    registered_at: datetime | None  # in the network's timezone
    new: bool
    failing: bool
    offer: Action | None = None  # a waitlisted person's *offer a place*


@dataclass(frozen=True)
class RoleCoverage:
    """Whether a registered person of the organisation covers ``role``."""

    role: str
    present: bool


@dataclass(frozen=True)
class OrgRoster:
    """An organisation's people: registered first, then the waitlist in order.

    registered counts places held against ``cap`` (``fill`` pictures it);
    coverage: management, supervisor, staff, each present or missing.
    """

    key: str
    name: str
    committed: bool
    people: tuple[RosterPerson, ...]
    waitlist: tuple[RosterPerson, ...]
    registered: int
    cap: int
    fill: Bar
    coverage: tuple[RoleCoverage, ...]

    @property
    def missing_roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.coverage if not c.present)


@dataclass(frozen=True)
class DayRsvps:
    """Answers for one coming day among those invited (registered or invited guests).

    The three bars' percents add up to 100 (0 each when nobody is invited).
    """

    day: NetworkDay
    yes: Bar
    no: Bar
    no_answer: Bar

    @property
    def invited(self) -> int:
        return self.yes.whole


@dataclass(frozen=True)
class AttentionLine:
    """A message waiting for the facilitator; excerpt and subject are the sender's text."""

    id: str
    sender: str
    subject: str
    reason: str
    excerpt: str
    quoted: str  # the excerpt with "> " before each line, for the text part
    at: datetime  # in the network's timezone
    new: bool
    ref: str  # "#k3m9qa": what a command quotes back
    reply: Reply  # *reply to the person*
    handled: Action  # *mark handled*


@dataclass(frozen=True)
class FailedSend:
    """A mail that could not be delivered for good."""

    key: str
    to: str
    subject: str
    error: str
    new: bool


@dataclass(frozen=True)
class Digest:
    """Everything the facilitator's digest shows; times are in the network's timezone."""

    generated_at: datetime
    since: datetime | None
    changed: bool
    new_people: tuple[RosterPerson, ...]
    rosters: tuple[OrgRoster, ...]
    guests: tuple[RosterPerson, ...]
    days: tuple[DayRsvps, ...]
    attention: tuple[AttentionLine, ...]
    bounced: tuple[BouncedAddress, ...]  # with *retry* and *remove*
    failed: tuple[FailedSend, ...]
    interest_count: int
    registered: int
    waitlisted: int


def text_bar(part: int, whole: int, width: int = BAR_WIDTH) -> str:
    """``part`` of ``whole`` as a bar of ``width`` blocks and the figures: ``██░░ 2/4``."""
    filled = largest_remainder(width, [part, max(whole - part, 0)])[0] if whole else 0
    return "█" * filled + "░" * (width - filled) + f" {part}/{whole}"


def _bars(counts: Sequence[int]) -> list[Bar]:
    whole = sum(counts)
    percents = largest_remainder(100, list(counts))
    return [Bar(c, whole, p, text_bar(c, whole)) for c, p in zip(counts, percents, strict=True)]


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _excerpt(text: str) -> str:
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    clean = _BLANK_LINES.sub("\n\n", clean).strip()
    return clean if len(clean) <= EXCERPT_CHARS else clean[:EXCERPT_CHARS].rstrip() + " …"


def _local(moment: datetime | None, tz: tzinfo) -> datetime | None:
    return moment.astimezone(tz) if moment is not None else None


@dataclass(frozen=True)
class _Links:
    """What the action links need: the network's address and the digest's language."""

    network: str
    language: str


def _roster_person(p: Person, state: NetworkState, since: datetime | None, now: datetime,
                   tz: tzinfo, links: _Links) -> RosterPerson:
    org = state.organisations.get(p.org)
    offer = (offer_action(p.address, links.network, links.language)
             if p.status == "waitlisted" else None)
    return RosterPerson(
        name=_one_line(p.name), address=p.address, org=p.org,
        org_name=org.name if org else _one_line(p.org), role=p.role, status=p.status,
        waitlist_position=p.waitlist_position, registered_at=_local(p.registered_at, tz),
        new=in_window(p.registered_at, since, now), failing=p.failing, offer=offer,
    )


def _roster_order(p: RosterPerson) -> tuple[int, int, tuple[str, str], str]:
    rank = {"registered": 0, "waitlisted": 1}.get(p.status, 2)
    return (rank, p.waitlist_position or 0, name_sort_key(p.name), p.address)


def _rosters(people: Sequence[RosterPerson], state: NetworkState, cap: int) -> list[OrgRoster]:
    by_org: dict[str, list[RosterPerson]] = {key: [] for key in state.organisations}
    for p in people:
        by_org.setdefault(p.org, []).append(p)
    rosters = []
    for key, members in by_org.items():
        org = state.organisations.get(key)
        ordered = tuple(sorted(members, key=_roster_order))
        registered = [p for p in ordered if p.status == "registered"]
        roles = {p.role for p in registered}
        rosters.append(OrgRoster(
            key=key, name=org.name if org else key, committed=bool(org and org.committed),
            people=ordered, waitlist=tuple(p for p in ordered if p.status == "waitlisted"),
            registered=len(registered), cap=cap,
            fill=Bar(len(registered), cap, min(100, round(100 * len(registered) / cap)) if cap
                     else 0, text_bar(min(len(registered), cap), cap)),
            coverage=tuple(RoleCoverage(r, r in roles) for r in COVERED_ROLES),
        ))
    return sorted(rosters, key=lambda r: (name_sort_key(r.name), r.key))


def _day_rsvps(day: NetworkDay, state: NetworkState) -> DayRsvps:
    yes = no = none = 0
    for p in state.people.values():
        if p.status not in ("registered", "invited") or not signed_up(p, day):
            continue
        rsvp = state.rsvps.get((day.id, p.address))
        if rsvp is None:
            none += 1
        elif rsvp.answer == "yes":
            yes += 1
        else:
            no += 1
    y, n, u = _bars([yes, no, none])
    return DayRsvps(day, y, n, u)


def _coming_days(state: NetworkState, now: datetime, tz: tzinfo) -> list[NetworkDay]:
    coming = [
        d for d in state.days.values()
        if not d.cancelled and datetime.combine(d.date, d.end, tzinfo=tz) > now
    ]
    return sorted(coming, key=lambda d: (d.date, d.start, d.id))


def _attention(items: Iterable[AttentionItem], since: datetime | None, now: datetime,
               tz: tzinfo, links: _Links) -> list[AttentionLine]:
    lines = []
    for item in sorted(items, key=lambda i: (i.at, i.id)):
        if item.handled:
            continue
        excerpt = _excerpt(item.excerpt)
        sender, subject = _one_line(item.sender), _one_line(item.subject)
        lines.append(AttentionLine(
            id=item.id, sender=sender, subject=subject,
            reason=_one_line(reason_text(item.reasons, links.language)), excerpt=excerpt,
            quoted="\n".join("> " + line for line in excerpt.split("\n")) if excerpt else "",
            at=item.at.astimezone(tz), new=in_window(item.at, since, now),
            ref=item_ref(item.id), reply=reply(sender, subject, excerpt, links.network),
            handled=handled_action(item.id, links.network, links.language),
        ))
    return lines


def _failed(mails: Iterable[OutgoingMail], since: datetime | None,
            now: datetime) -> list[FailedSend]:
    return [
        FailedSend(
            key=m.key, to=m.to, subject=_one_line(m.subject), error=_one_line(m.last_error),
            new=in_window(m.created_at, since, now) or in_window(m.next_attempt_at, since, now),
        )
        for m in sorted(mails, key=lambda m: (m.created_at, m.key))
    ]


def build_digest(
    state: NetworkState,
    now: datetime,
    since: datetime | None,
    *,
    failed_mails: Sequence[OutgoingMail],
    max_per_org: int,
    tz: tzinfo,
    language: str = DEFAULT,
    network_address: str = "",
) -> Digest:
    """The digest as of ``now``, with what happened after ``since`` (None: ever) marked new.

    ``language`` is the digest's (the network's, as its templates): attention reasons and
    the action links' commands are worded in it (``reasons.reason_text``,
    ``Knowledge.commands``). ``network_address``: where command mails go and the Cc of a
    reply (without it, only replies are linked, and without the Cc).
    """
    links = _Links(network_address, language)
    people = [
        _roster_person(p, state, since, now, tz, links)
        for p in state.people.values() if p.status != "cancelled"
    ]
    members = [p for p in people if p.org and p.role != "guest"]
    guests = sorted((p for p in people if not p.org or p.role == "guest"),
                    key=lambda p: (name_sort_key(p.name), p.address))
    new_people = sorted(
        (_roster_person(p, state, since, now, tz, links) for p in state.people.values()
         if in_window(p.registered_at, since, now)),
        key=lambda p: (p.registered_at, p.address),
    )
    attention = _attention(state.attention.values(), since, now, tz, links)
    failed = _failed(failed_mails, since, now)
    return Digest(
        generated_at=now.astimezone(tz),
        since=_local(since, tz),
        changed=happened_between(state, failed_mails, since, now),
        new_people=tuple(new_people),
        rosters=tuple(_rosters(members, state, max_per_org)),
        guests=tuple(guests),
        days=tuple(_day_rsvps(d, state) for d in _coming_days(state, now, tz)),
        attention=tuple(attention),
        bounced=tuple(bounced_actions(a, network_address, language) for a in
                      sorted(p.address for p in state.people.values() if p.failing)),
        failed=tuple(failed),
        interest_count=sum(1 for s in state.interest.values() if s.subscribed),
        registered=sum(1 for p in members if p.status == "registered"),
        waitlisted=sum(1 for p in members if p.status == "waitlisted"),
    )
