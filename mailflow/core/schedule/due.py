"""What is due at a moment: invitations, reminders, cancellations, digests, cost summaries.

``due_mails`` is pure: it looks only at the state, ``now`` and the rules, and returns
every scheduled mail that is due *now*, each under an idempotency key. The shell drops
requests whose key is already in the outbox, so calling it again at the same moment
(or on every tick) sends nothing twice, and after downtime it catches up with one mail
per purpose, not one per missed moment.

Moments are local wall-clock times in ``rules.tz`` (a day's start and end, the reminder
and digest hours), turned into aware datetimes with zoneinfo, so they follow DST.

Scheduled mail is not sent to addresses that bounced (``Person.failing``): the digest
lists them for the facilitator, and their keys stay unused, so once an address is
fixed the mail that is still due goes out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from mailflow.core.languages.registry import DEFAULT
from mailflow.core.model import NetworkDay, OutgoingMail, Person
from mailflow.core.schedule.costs import (
    CENT,
    CostMode,
    attendee_counts,
    participating_organisations,
    signed_up,
    split_costs,
)
from mailflow.core.schedule.window import happened_between
from mailflow.core.values import MailRequest, NetworkState

__all__ = ["ScheduleRules", "due_mails"]


@dataclass(frozen=True, kw_only=True)
class ScheduleRules:
    """When scheduled mail goes out, and to whom mail for the facilitator goes.

    reminder_offsets_days: days before a network day that a reminder is due, at
    ``reminder_hour`` local time; digest_hour: the daily digest's local hour;
    cost_split: who shares a follow-up day's costs; language: the facilitator's mails'
    language; max_per_org: places per organisation (the digest shows the cap);
    network_address: the network's own address (the digest's action links write to it).
    """

    facilitator: str
    reminder_offsets_days: tuple[int, ...] = (7, 1)
    reminder_hour: int = 9
    digest_hour: int = 8
    tz: tzinfo = field(default_factory=lambda: ZoneInfo("Europe/Helsinki"))
    cost_split: CostMode = "participating"
    language: str = DEFAULT
    max_per_org: int = 4
    network_address: str = ""  # where the digest's command links write to


def due_mails(
    state: NetworkState,
    now: datetime,
    rules: ScheduleRules,
    *,
    last_digest_at: datetime | None,
    failed_mails: Sequence[OutgoingMail],
    sent_keys: Collection[str] | None = None,
) -> list[MailRequest]:
    """Every scheduled mail due at ``now`` (an aware datetime), in a stable order.

    ``sent_keys``: the outbox's keys. After a day's SEQUENCE was bumped, only people who
    had an earlier invitation (``invite:<day>:<address>:<n>`` with n < SEQUENCE) get
    ``day_changed``; people who signed up since get a plain ``day_invitation`` carrying
    the current SEQUENCE. ``None`` (the outbox unknown) treats everyone as invited before.
    """
    days = sorted(state.days.values(), key=lambda d: (d.date, d.start, d.id))
    mails: list[MailRequest] = []
    for day in days:
        mails.extend(_day_mails(day, state, now, rules, sent_keys))
    mails.extend(_digest(state, now, rules, last_digest_at, failed_mails, sent_keys))
    for day in days:
        mails.extend(_cost_summary(day, state, now, rules))
    return mails


def _at(day: date, hour: time, tz: tzinfo) -> datetime:
    """The aware moment of a local wall-clock time (zoneinfo resolves DST; fold=0)."""
    return datetime.combine(day, hour, tzinfo=tz)


def _one_line(text: str) -> str:
    return " ".join("".join(" " if ord(c) < 32 or c == "\x7f" else c for c in text).split())


def _invitees(day: NetworkDay, state: NetworkState) -> list[Person]:
    """Who is invited to the day and has not declined: registered people and invited guests."""
    return [p for p in _signed_up(day, state) if not _declined(p, day, state)]


def _signed_up(day: NetworkDay, state: NetworkState) -> list[Person]:
    """Registered people and invited guests signed up for the day, whose mail gets through."""
    return sorted(
        (p for p in state.people.values()
         if p.status in ("registered", "invited") and signed_up(p, day) and not p.failing),
        key=lambda p: p.address,
    )


def _declined(person: Person, day: NetworkDay, state: NetworkState) -> bool:
    rsvp = state.rsvps.get((day.id, person.address))
    return rsvp is not None and rsvp.answer == "no"


def _to_person(key: str, person: Person, day: NetworkDay, template: str,
               calendar: str, **context: object) -> MailRequest:
    return MailRequest(
        key=key, to=person.address, to_name=_one_line(person.name), template=template,
        language=person.language, context={"person": person, "day": day, **context},
        auto="auto-generated", calendar=calendar, day=day.id,
    )


def _invited_before(day: NetworkDay, person: Person, sent_keys: Collection[str] | None,
                    upto: int | None = None) -> bool:
    """Did ``person`` get an invitation to a SEQUENCE of ``day`` below ``upto`` (default:
    the day's current one)? ``sent_keys`` None (the outbox unknown): assume so."""
    if sent_keys is None:
        return True
    last = day.sequence if upto is None else upto
    return any(f"invite:{day.id}:{person.address}:{n}" in sent_keys for n in range(last))


def _day_mails(day: NetworkDay, state: NetworkState, now: datetime,
               rules: ScheduleRules, sent_keys: Collection[str] | None = None,
               ) -> Iterator[MailRequest]:
    start = _at(day.date, day.start, rules.tz)
    if day.cancelled:
        if now < _at(day.date, day.end, rules.tz):
            yield from _cancellations(day, state, sent_keys)
        return
    if now >= start:
        return
    offset = _reminder_offset(day, now, rules)
    for person in _invitees(day, state):
        if day.sequence == 0 or not _invited_before(day, person, sent_keys):
            yield _to_person(f"invite:{day.id}:{person.address}:{day.sequence}", person, day,
                             "day_invitation", "request")
        else:
            yield _to_person(f"invite:{day.id}:{person.address}:{day.sequence}", person, day,
                             "day_changed", "request", changes=[])
        if offset is not None and _reminded_after_signup(person, day, offset, rules):
            yield _to_person(f"reminder:{day.id}:{person.address}:{offset}", person, day,
                             "day_reminder", "request", days_before=offset)


def _reminder_moment(day: NetworkDay, offset: int, rules: ScheduleRules) -> datetime:
    return _at(day.date - timedelta(days=offset), time(rules.reminder_hour), rules.tz)


def _reminder_offset(day: NetworkDay, now: datetime, rules: ScheduleRules) -> int | None:
    """The offset of the reminder due now: of those whose moment has passed, the latest."""
    passed = [o for o in rules.reminder_offsets_days if _reminder_moment(day, o, rules) <= now]
    return min(passed) if passed else None


def _reminded_after_signup(person: Person, day: NetworkDay, offset: int,
                           rules: ScheduleRules) -> bool:
    """A person who signed up after the reminder's moment just got the invitation instead."""
    joined = person.registered_at
    return joined is None or joined <= _reminder_moment(day, offset, rules)


def _cancellations(day: NetworkDay, state: NetworkState,
                   sent_keys: Collection[str] | None) -> Iterator[MailRequest]:
    """``day_cancelled`` to everyone who was invited, declined or not (their calendars too);
    not to people who signed up after the cancellation and never heard of the day."""
    for person in _signed_up(day, state):
        if not _invited_before(day, person, sent_keys, upto=day.sequence + 1):
            continue
        yield _to_person(f"cancel:{day.id}:{person.address}", person, day,
                         "day_cancelled", "cancel")


def _digest(state: NetworkState, now: datetime, rules: ScheduleRules,
            since: datetime | None, failed: Sequence[OutgoingMail],
            sent_keys: Collection[str] | None) -> Iterator[MailRequest]:
    """Today's digest, once its hour has come, if anything happened before that hour.

    Changes after the hour wait for tomorrow's digest, so the digest goes out at its
    hour (or, after downtime, on the first tick after it) and only once a day: once
    today's is in the outbox, it is not built again on every tick.
    """
    today = now.astimezone(rules.tz).date()
    moment = _at(today, time(rules.digest_hour), rules.tz)
    key = f"digest:{today.isoformat()}"
    if not rules.facilitator or now < moment or (sent_keys is not None and key in sent_keys):
        return
    if not happened_between(state, failed, since, moment):
        return  # nothing new before the hour: no digest today (nothing to build)

    from mailflow.core.schedule.digest import build_digest  # only when one is due

    digest = build_digest(state, now, since, failed_mails=failed, max_per_org=rules.max_per_org,
                          tz=rules.tz, language=rules.language,
                          network_address=rules.network_address)
    yield MailRequest(
        key=key, to=rules.facilitator, template="digest", language=rules.language,
        auto="auto-generated", context={"digest": digest},
    )


def _cost_summary(day: NetworkDay, state: NetworkState, now: datetime,
                  rules: ScheduleRules) -> Iterator[MailRequest]:
    """Once a follow-up day has ended, its cost split to the facilitator (CSV by the shell)."""
    if not day.follow_up or day.cancelled or not rules.facilitator:
        return
    if now < _at(day.date, day.end, rules.tz):
        return
    total = Decimal("0.00") if day.sponsor else day.price.quantize(CENT)
    orgs = participating_organisations(day, state, rules.cost_split)
    shares = split_costs(total, orgs, attendee_counts(day, state))
    yield MailRequest(
        key=f"costs:{day.id}", to=rules.facilitator, template="cost_summary",
        language=rules.language, auto="auto-generated", day=day.id,
        context={"day": day, "shares": shares, "total": total},
    )

