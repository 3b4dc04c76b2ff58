"""iCalendar (iTIP) invitations and cancellations for network days (pure).

Times are written in UTC (``DTSTART:20261209T080000Z``) rather than with a TZID and a
VTIMEZONE: every client (Outlook, Gmail, Apple Mail) converts UTC to the reader's own
zone correctly, whereas Outlook must map an IANA TZID such as ``Europe/Helsinki`` to a
Windows zone and older versions show the wrong hour when the VTIMEZONE is not one it
knows. The local wall-clock times come from the day and ``tz``; DST is applied here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from mailflow.core.model import NetworkDay
from mailflow.core.writing.headers import clean_header_text

__all__ = ["PRODID", "build_calendar", "build_reply", "day_uid"]

PRODID = "-//mailflow//Verkostopaivat//FI"
Method = Literal["REQUEST", "CANCEL"]


def day_uid(day_id: str, network_domain: str) -> str:
    """The stable UID of a network day's event; replies are matched by it."""
    return f"day-{day_id}@{network_domain}"


def _person(address: str, name: str) -> vCalAddress:
    person = vCalAddress(f"mailto:{address}")
    # icalendar's own parser reads a backslash in a parameter as an escape and loses the
    # rest of the line, so a backslash in a name is shown as "/".
    common_name = clean_header_text(name, 100).replace("\\", "/")
    if common_name.strip():
        person.params["CN"] = vText(common_name)
    return person


def build_calendar(
    day: NetworkDay,
    method: Method,
    organizer: str,
    organizer_name: str,
    attendee: str,
    attendee_name: str,
    tz: ZoneInfo,
    network_domain: str,
    stamp: datetime,
    day_word: str = "",
) -> bytes:
    """A VCALENDAR with one VEVENT for ``day``, addressed to one attendee.

    ``summary`` is the day's title, or the organizer's name + ``day_word`` (what a network
    day is called in the attendee's language: "verkostopäivä", "nätverksdag"); user text
    (place, names) is escaped by icalendar. CANCEL marks the event STATUS:CANCELLED.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"unknown iTIP method {method!r}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)

    event = Event()
    event.add("uid", day_uid(day.id, network_domain))
    event.add("sequence", day.sequence)
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    start = datetime.combine(day.date, day.start, tzinfo=tz)
    end = datetime.combine(day.date, day.end, tzinfo=tz)
    event.add("dtstart", start.astimezone(ZoneInfo("UTC")))
    event.add("dtend", end.astimezone(ZoneInfo("UTC")))
    named = (organizer_name.strip(), day_word.strip())
    summary = day.title.strip() or " – ".join(part for part in named if part)
    event.add("summary", clean_header_text(summary, 200))
    if day.place.strip():
        event.add("location", day.place.strip())
    organizer_address = _person(organizer, organizer_name)
    event.add("organizer", organizer_address)
    guest = _person(attendee, attendee_name)
    guest.params["CUTYPE"] = vText("INDIVIDUAL")
    guest.params["ROLE"] = vText("REQ-PARTICIPANT")
    guest.params["PARTSTAT"] = vText("NEEDS-ACTION")
    guest.params["RSVP"] = vText("TRUE")
    event.add("attendee", guest)
    cancelled = method == "CANCEL" or day.cancelled
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return bytes(calendar.to_ical())



def build_reply(
    day: NetworkDay,
    organizer: str,
    attendee: str,
    attendee_name: str,
    tz: ZoneInfo,
    stamp: datetime,
) -> bytes:
    """An iTIP REPLY accepting the organiser's meeting that ``day`` was made from.

    The UID and SEQUENCE are the organiser's (``day.calendar_uid``,
    ``day.calendar_sequence``), so her calendar (Outlook, Google) marks ``attendee``, the
    network's address, as having accepted that meeting.
    """
    if not day.calendar_uid:
        raise ValueError(f"network day {day.id!r} was not made from a meeting")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "REPLY")
    event = Event()
    event.add("uid", day.calendar_uid)
    event.add("sequence", day.calendar_sequence)
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    utc = ZoneInfo("UTC")
    event.add("dtstart", datetime.combine(day.date, day.start, tzinfo=tz).astimezone(utc))
    event.add("dtend", datetime.combine(day.date, day.end, tzinfo=tz).astimezone(utc))
    if day.title.strip():
        event.add("summary", clean_header_text(day.title, 200))
    event.add("organizer", _person(organizer, ""))
    network = _person(attendee, attendee_name)
    network.params["PARTSTAT"] = vText("ACCEPTED")
    event.add("attendee", network)
    calendar.add_component(event)
    return bytes(calendar.to_ical())
