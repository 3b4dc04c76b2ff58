"""iCalendar (iTIP) parts: a meeting reply from Outlook, Gmail or Apple as a CalendarReply,
and the whole event of a REQUEST or CANCEL (the facilitator's meeting) as a CalendarEvent."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mailflow.core.values import CalendarEvent, CalendarReply

__all__ = ["MAX_CALENDAR_BYTES", "CalendarError", "parse_calendar", "read_calendar"]

#: the methods whose whole event is read: a meeting made, moved or cancelled
EVENT_METHODS = frozenset({"REQUEST", "CANCEL"})
#: where Outlook (Teams) and Google (Meet) put an online meeting's link
_ONLINE_URL_PROPERTIES = ("X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-GOOGLE-CONFERENCE", "URL")
_MAX_TEXT = 20_000

MAX_CALENDAR_BYTES = 256 * 1024


class CalendarError(ValueError):
    """The calendar data could not be read (the sender's fault; parse notes it as a problem)."""


def _text(value: Any) -> str:
    if isinstance(value, list):  # a repeated property: the first one counts
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _address(value: Any) -> str:
    address = _text(value)
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:") :]
    return address.strip().lower()


def _attendee(event: Any) -> tuple[str, str]:
    """(address, PARTSTAT) of the event's first attendee that carries an answer."""
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return "", ""
    if not isinstance(attendees, list):
        attendees = [attendees]
    first = ("", "")
    for attendee in attendees:
        params = getattr(attendee, "params", {})
        partstat = _text(params.get("PARTSTAT", "")).upper()
        found = (_address(attendee), partstat)
        if partstat and partstat != "NEEDS-ACTION":
            return found
        first = first if first[0] else found
    return first


def _start_date(event: Any) -> date | None:
    """The date of DTSTART as the event states it (a whole day, or a moment in its zone)."""
    start = event.get("DTSTART")
    value = getattr(start, "dt", None)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _long_text(event: Any, name: str) -> str:
    """A text property as written (line breaks kept), cut at a sane length."""
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").replace("\r\n", "\n").strip()[:_MAX_TEXT]


def _moment(event: Any, name: str, problems: list[str]) -> tuple[datetime | date | None, str]:
    """(the value of DTSTART/DTEND, the zone as the event names it); a TZID that neither
    a VTIMEZONE nor the zone database knows leaves a floating time, noted in ``problems``."""
    prop = event.get(name)
    value = getattr(prop, "dt", None)
    if not isinstance(value, date):
        return None, ""
    tzid = _text(getattr(prop, "params", {}).get("TZID", ""))
    if not isinstance(value, datetime):
        return value, ""
    if value.tzinfo is None:
        if tzid:
            problems.append(f"zone_unknown:{tzid}")
        return value, tzid
    # kept in UTC: the moment is the same, and a zone object a VTIMEZONE made stays here
    zone = tzid or ("UTC" if value.utcoffset() == timedelta(0) else str(value.tzinfo))
    return value.astimezone(UTC), zone


def _end(event: Any, starts: datetime | date | None, problems: list[str]) -> datetime | date | None:
    """DTEND, else DTSTART + DURATION, else the end of an all-day event's one day."""
    ends, _ = _moment(event, "DTEND", problems)
    if ends is not None or starts is None:
        return ends
    duration = getattr(event.get("DURATION"), "dt", None)
    if isinstance(duration, timedelta):
        return starts + duration
    return None if isinstance(starts, datetime) else starts + timedelta(days=1)


def _attendees(event: Any) -> tuple[str, ...]:
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return ()
    if not isinstance(attendees, list):
        attendees = [attendees]
    return tuple(a for a in (_address(x) for x in attendees) if a)


def _online_url(event: Any) -> str:
    for name in _ONLINE_URL_PROPERTIES:
        url = _text(event.get(name))
        if url.lower().startswith("https://"):
            return url
    return ""


def _sequence(event: Any) -> int:
    try:
        return max(0, int(_text(event.get("SEQUENCE")) or 0))
    except ValueError:
        return 0


def _event(method: str, event: Any) -> CalendarEvent:
    """The whole VEVENT of a REQUEST or CANCEL."""
    problems: list[str] = []
    starts, zone = _moment(event, "DTSTART", problems)
    organizer = event.get("ORGANIZER")
    return CalendarEvent(
        method=method, uid=_text(event.get("UID")), sequence=_sequence(event),
        summary=_text(event.get("SUMMARY")), description=_long_text(event, "DESCRIPTION"),
        location=_text(event.get("LOCATION")), online_url=_online_url(event),
        starts=starts, ends=_end(event, starts, problems), zone=zone,
        organizer=_address(organizer) if organizer is not None else "",
        organizer_name=_text(getattr(organizer, "params", {}).get("CN", "")),
        attendees=_attendees(event), problems=tuple(dict.fromkeys(problems)),
    )


def _whole_event(method: str, event: Any) -> CalendarEvent | None:
    """The whole event of a REQUEST or CANCEL; None for other methods, or when its
    properties cannot be read (the reply fields still can: a REQUEST stays a REQUEST)."""
    if event is None or method not in EVENT_METHODS:
        return None
    try:
        return _event(method, event)
    except Exception:  # icalendar's values of hostile data: ValueError, TypeError...
        return None


def read_calendar(data: bytes) -> tuple[CalendarReply, CalendarEvent | None]:
    """The METHOD, UID and first answering ATTENDEE of iCalendar data, and for a REQUEST
    or CANCEL the whole event.

    Raises CalendarError when the data is not a readable VCALENDAR (too large, not
    iCalendar, or without a METHOD).
    """
    if len(data) > MAX_CALENDAR_BYTES:
        raise CalendarError("calendar part too large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import icalendar  # here: most mail has no calendar, and it costs 30 ms to load

            calendar = icalendar.Calendar.from_ical(data)
            method = _text(calendar.get("METHOD")).upper()
            events = [c for c in calendar.walk("VEVENT")]
            event = events[0] if events else None
            uid = _text(event.get("UID")) if event is not None else ""
            attendee, partstat = _attendee(event) if event is not None else ("", "")
            starts_on = _start_date(event) if event is not None else None
            whole = _whole_event(method, event)
    except CalendarError:
        raise
    except Exception as exc:  # icalendar raises ValueError, KeyError, TypeError...
        raise CalendarError(f"unreadable calendar data ({type(exc).__name__})") from exc
    if not method:
        raise CalendarError("calendar data without METHOD")
    reply = CalendarReply(method=method, uid=uid, partstat=partstat, attendee=attendee,
                          starts_on=starts_on)
    return reply, whole


def parse_calendar(data: bytes) -> CalendarReply:
    """The METHOD, UID and first answering ATTENDEE of iCalendar data (see
    :func:`read_calendar`, which raises CalendarError the same way)."""
    return read_calendar(data)[0]
