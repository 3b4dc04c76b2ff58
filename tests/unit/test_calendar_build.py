"""Invitations and cancellations that calendar clients understand."""

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar, Component

from mailflow.core.model import NetworkDay
from mailflow.core.writing.calendar import Method, build_calendar
from mailflow.core.writing.headers import clean_header_text

HELSINKI = ZoneInfo("Europe/Helsinki")
STAMP = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)


def _day(**changes: Any) -> NetworkDay:
    fields: dict[str, Any] = dict(
        id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
        place="Kuntatalo, Toinen linja 14; Helsinki", title="", sequence=3,
    )
    fields.update(changes)
    return NetworkDay(**fields)


def _build(day: NetworkDay, method: Method = "REQUEST", attendee_name: str = "Maija Mäkinen") -> Calendar:
    data = build_calendar(
        day, method, "verkosto@example.org", "Asiakaslähtöisyys oppilaitoksissa",
        "maija@omnia.test", attendee_name, HELSINKI, "example.org", STAMP,
        day_word="verkostopäivä",
    )
    assert b"\r\n" in data
    return Calendar.from_ical(data)


def _event(cal: Calendar) -> Component:
    [event] = cal.walk("VEVENT")
    return event


def test_request_has_the_itip_fields_a_client_needs() -> None:
    cal = _build(_day())
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(cal["VERSION"]) == "2.0"
    assert "mailflow" in str(cal["PRODID"])
    event = _event(cal)
    assert str(event["UID"]) == "day-2026-12-09@example.org"
    assert event.decoded("SEQUENCE") == 3
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["ORGANIZER"]) == "mailto:verkosto@example.org"
    assert str(event["ORGANIZER"].params["CN"]) == "Asiakaslähtöisyys oppilaitoksissa"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:maija@omnia.test"
    assert attendee.params["CN"] == "Maija Mäkinen"
    assert attendee.params["RSVP"] == "TRUE"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"


def test_times_are_the_local_wall_clock_in_utc_across_dst() -> None:
    winter = _event(_build(_day()))
    assert winter.decoded("DTSTART") == datetime(2026, 12, 9, 8, 0, tzinfo=UTC)
    assert winter.decoded("DTEND") == datetime(2026, 12, 9, 14, 0, tzinfo=UTC)
    summer = _event(_build(_day(date=date(2026, 6, 9))))
    assert summer.decoded("DTSTART").astimezone(HELSINKI).hour == 10
    assert summer.decoded("DTSTART") == datetime(2026, 6, 9, 7, 0, tzinfo=UTC)


def test_summary_is_the_title_or_the_network_name() -> None:
    assert str(_event(_build(_day(title="Yhteinen kokeilu")))["SUMMARY"]) == "Yhteinen kokeilu"
    assert str(_event(_build(_day()))["SUMMARY"]) == "Asiakaslähtöisyys oppilaitoksissa – verkostopäivä"


def test_user_text_is_escaped_data() -> None:
    place = "Sali 3; 2. krs, Helsinki\nEND:VEVENT\nBEGIN:VTODO"
    cal = _build(_day(place=place), attendee_name="Evil\r\nATTENDEE:mailto:x@evil.test")
    event = _event(cal)
    assert str(event["LOCATION"]) == place
    assert not cal.walk("VTODO")
    assert str(event["ATTENDEE"]) == "mailto:maija@omnia.test"
    assert "\n" not in event["ATTENDEE"].params["CN"]


def test_cancel_marks_the_event_cancelled_with_the_same_uid() -> None:
    cal = _build(_day(sequence=4, cancelled=True), method="CANCEL")
    assert str(cal["METHOD"]) == "CANCEL"
    event = _event(cal)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == "day-2026-12-09@example.org"
    assert event.decoded("SEQUENCE") == 4


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="PUBLISH"):
        _build(_day(), method="PUBLISH")  # type: ignore[arg-type]  # as an untyped caller might


special_text = st.text(alphabet=st.sampled_from(list('aä ",;:\\^\n’\'€x-')), max_size=150) \
    | st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=150)


@given(place=special_text, name=special_text)
def test_any_place_and_name_read_back_as_they_were(place: str, name: str) -> None:
    data = build_calendar(_day(place=place), "REQUEST", "verkosto@example.org", "Verkosto",
                          "maija@omnia.test", name, HELSINKI, "example.org", STAMP)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = _event(Calendar.from_ical(data))
    assert str(event.get("LOCATION", "")) == place.strip()
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:maija@omnia.test"
    assert attendee.params.get("CN", "") == clean_header_text(name, 100).replace("\\", "/")
