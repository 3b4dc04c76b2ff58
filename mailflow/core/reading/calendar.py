"""iCalendar (iTIP) parts: a meeting reply from Outlook, Gmail or Apple as a CalendarReply."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from typing import Any

from mailflow.core.values import CalendarReply

__all__ = ["MAX_CALENDAR_BYTES", "CalendarError", "parse_calendar"]

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


def parse_calendar(data: bytes) -> CalendarReply:
    """The METHOD, UID and first answering ATTENDEE of iCalendar data.

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
    except CalendarError:
        raise
    except Exception as exc:  # icalendar raises ValueError, KeyError, TypeError...
        raise CalendarError(f"unreadable calendar data ({type(exc).__name__})") from exc
    if not method:
        raise CalendarError("calendar data without METHOD")
    return CalendarReply(method=method, uid=uid, partstat=partstat, attendee=attendee,
                         starts_on=starts_on)
