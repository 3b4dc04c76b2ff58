"""Network days from the facilitator's calendar: a meeting she invites the network to.

An iTIP REQUEST with a UID no day has creates a day; the same UID with a higher SEQUENCE
(the meeting moved or changed) changes its day, and a change the attendees see raises the
day's own sequence, so the scheduled ``day_changed`` reaches everyone registered once; the
same or a lower SEQUENCE changes nothing and answers nothing. Each day made or changed is
answered with one mail to the organiser: what was understood (and what could not be read,
never a silent guess) with an iTIP REPLY accepting the meeting, so her calendar shows the
network has accepted. A REQUEST that cannot become a day is answered with why, and
changes nothing. A CANCEL is the ``cancel_day`` command (confirmed by the facilitator);
:func:`day_of_event` finds its day. Pure: data in, a decision out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from mailflow.core.commands.meeting_terms import read_terms
from mailflow.core.model import NetworkDay
from mailflow.core.rules.text import bracketed
from mailflow.core.values import CalendarEvent, Decision, MailRequest, NetworkState, ParsedMessage

__all__ = ["MeetingRules", "day_of_event", "decide_meeting"]

#: The fields of a day its attendees see: changing one sends them the update.
_ATTENDEE_FACING = ("date", "start", "end", "place", "title")
_MAX_PLACE = 300
_MAX_TITLE = 200


@dataclass(frozen=True, kw_only=True)
class MeetingRules:
    """What deciding on a meeting needs of the settings.

    network_address: the address the facilitator invites; tz: the network's zone (the
    day's wall-clock times are in it); language: the language of the answer;
    all_day_start/all_day_end: the times given to a meeting that lasts a whole day
    (the answer says so).
    """

    network_address: str
    tz: tzinfo
    language: str = "fi"
    all_day_start: time = time(9)
    all_day_end: time = time(16)


@dataclass(frozen=True)
class _When:
    """A meeting's local date and times, and what was assumed to get them."""

    date: date
    start: time
    end: time
    notes: tuple[dict[str, str], ...] = ()


class _Refused(Exception):
    """The meeting cannot become a day: ``code`` says why (worded by the template)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def day_of_event(event: CalendarEvent, state: NetworkState) -> NetworkDay | None:
    """The network day made from the meeting ``event`` (by its UID), if any."""
    if not event.uid:
        return None
    for day in state.days.values():
        if day.calendar_uid == event.uid:
            return day
    return None


def decide_meeting(event: CalendarEvent, organiser_mail: ParsedMessage, state: NetworkState,
                   now: datetime, rules: MeetingRules) -> Decision:
    """The decision on a METHOD:REQUEST from the facilitator's calendar (see the module)."""
    known = day_of_event(event, state)
    if known is not None and event.sequence <= known.calendar_sequence:
        return Decision(summary=f"meeting of {known.id} already applied "
                                f"(SEQUENCE {event.sequence}); nothing changed")
    try:
        when = _when(event, now, rules)
    except _Refused as refused:
        return _refusal(event, organiser_mail, rules, refused.code, known)
    if known is None:
        return _created(event, organiser_mail, state, when, rules)
    return _updated(event, organiser_mail, known, when, rules)


# -- reading the meeting's time --------------------------------------------------------------
def _local(moment: datetime, rules: MeetingRules) -> datetime:
    """A moment on the network's clock; a floating time is read as the network's."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=rules.tz)
    return moment.astimezone(rules.tz)


def _when(event: CalendarEvent, now: datetime, rules: MeetingRules) -> _When:
    """The day's date and times, or _Refused saying why there is no day."""
    if not event.uid:
        raise _Refused("no_uid")
    if event.starts is None:
        raise _Refused("no_start")
    when = _all_day(event, rules) if event.all_day else _timed(event, rules)
    if datetime.combine(when.date, when.start, tzinfo=rules.tz) <= now:
        raise _Refused("past")
    return when


def _all_day(event: CalendarEvent, rules: MeetingRules) -> _When:
    assert isinstance(event.starts, date)
    ends = event.ends if isinstance(event.ends, date) else event.starts + timedelta(days=1)
    if ends > event.starts + timedelta(days=1):
        raise _Refused("several_days")
    start, end = rules.all_day_start, rules.all_day_end
    note = {"code": "all_day", "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
    return _When(event.starts, start, end, (note,))


def _timed(event: CalendarEvent, rules: MeetingRules) -> _When:
    assert isinstance(event.starts, datetime)
    if not isinstance(event.ends, datetime):
        raise _Refused("no_end")
    starts, ends = _local(event.starts, rules), _local(event.ends, rules)
    if ends <= starts:
        raise _Refused("ends_before_start")
    at_midnight = ends.time() == time(0) and ends.date() == starts.date() + timedelta(days=1)
    if ends.date() != starts.date() and not at_midnight:
        raise _Refused("several_days")
    end = time(23, 59) if at_midnight else ends.time()
    notes = tuple({"code": "zone_unknown", "zone": p.partition(":")[2],
                   "assumed": str(rules.tz)}
                  for p in event.problems if p.startswith("zone_unknown:"))
    return _When(starts.date(), starts.time(), end, notes)


# -- the day ---------------------------------------------------------------------------------
def _place(event: CalendarEvent) -> str:
    """LOCATION, with the online meeting's link when the client put it elsewhere."""
    place = event.location.strip()
    url = event.online_url.strip()
    if url and url not in place:
        place = f"{place}, {url}" if place else url
    return place[:_MAX_PLACE]


def _fields(event: CalendarEvent, when: _When) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The day's fields from the meeting, and the notes on what was assumed or unread."""
    terms = read_terms(event.summary, event.description)
    fields = {
        "date": when.date, "start": when.start, "end": when.end, "place": _place(event),
        "title": event.summary[:_MAX_TITLE], "cost_items": terms.cost_items,
        "sponsor": terms.sponsor, "follow_up": terms.follow_up,
    }
    notes = list(when.notes)
    notes += [{"code": "cost_without_amount", "line": line} for line in terms.unread]
    if not fields["place"]:
        notes.append({"code": "no_place"})
    return fields, notes


def _free_id(wanted: str, state: NetworkState) -> str:
    """``wanted`` (the date, as ``days add`` names a day), or with ``-2``, ``-3``... after it."""
    if wanted not in state.days:
        return wanted
    number = 2
    while f"{wanted}-{number}" in state.days:
        number += 1
    return f"{wanted}-{number}"


def _created(event: CalendarEvent, mail: ParsedMessage, state: NetworkState, when: _When,
             rules: MeetingRules) -> Decision:
    fields, notes = _fields(event, when)
    day_id = _free_id(when.date.isoformat(), state)
    if day_id != when.date.isoformat():
        notes.insert(0, {"code": "id_taken", "wanted": when.date.isoformat(), "id": day_id})
    day = NetworkDay(id=day_id, **fields, calendar_uid=event.uid,
                     calendar_sequence=event.sequence)
    answer = _answer(event, mail, rules, "day_created", day, {"notes": notes})
    return Decision(records=(day,), mails=(answer,),
                    summary=f"network day {day.id} created from the meeting {event.summary!r}")


def _updated(event: CalendarEvent, mail: ParsedMessage, known: NetworkDay, when: _When,
             rules: MeetingRules) -> Decision:
    fields, notes = _fields(event, when)
    seen = any(fields[name] != getattr(known, name) for name in _ATTENDEE_FACING)
    seen = seen or known.cancelled
    day = known.replace(**fields, cancelled=False, calendar_sequence=event.sequence,
                        sequence=known.sequence + (1 if seen else 0))
    changed = [name for name in (*_ATTENDEE_FACING, "cost_items", "sponsor", "follow_up")
               if fields[name] != getattr(known, name)]
    context = {"notes": notes, "previous": known, "changed": changed, "announced": seen}
    answer = _answer(event, mail, rules, "day_updated", day, context)
    told = "; the update goes to everyone registered" if seen else ""
    return Decision(records=(day,), mails=(answer,),
                    summary=f"network day {day.id} changed from the meeting "
                            f"(SEQUENCE {event.sequence}): {', '.join(changed) or 'nothing'}"
                            f"{told}")


# -- answers -------------------------------------------------------------------------------
def _key(kind: str, event: CalendarEvent) -> str:
    """One answer per meeting version: the same REQUEST again is never answered twice."""
    uid = hashlib.sha256(event.uid.encode("utf-8")).hexdigest()[:16]
    return f"meeting:{kind}:{uid}:{event.sequence}"


def _answer(event: CalendarEvent, mail: ParsedMessage, rules: MeetingRules, template: str,
            day: NetworkDay, context: dict[str, Any]) -> MailRequest:
    """The confirmation to the organiser, carrying the REPLY that accepts her meeting."""
    return MailRequest(
        key=_key("accepted", event), to=mail.from_addr, to_name=mail.from_name,
        template=template, language=rules.language,
        context={"day": day, "zone": event.zone, "subject": event.summary or mail.subject,
                 **context},
        in_reply_to=bracketed(mail.message_id), calendar="reply",
        day=day.id,
    )


def _refusal(event: CalendarEvent, mail: ParsedMessage, rules: MeetingRules, code: str,
             known: NetworkDay | None) -> Decision:
    answer = MailRequest(
        key=_key("refused", event), to=mail.from_addr, to_name=mail.from_name,
        template="day_refused", language=rules.language,
        context={"reason": code, "event": event, "day": known,
                 "subject": event.summary or mail.subject},
        in_reply_to=bracketed(mail.message_id),
    )
    return Decision(mails=(answer,), summary=f"meeting {event.summary!r} not made a network "
                                             f"day ({code}); nothing changed")
