"""Network days from the facilitator's calendar: reading her meeting (Outlook desktop,
Outlook on the web, Google Calendar) and deciding on it (commands/meetings.py).

The fixtures in tests/data/meetings/ are invitations as those clients write them; the
unit tests below read each one, then decide on it against a state, and check what the
facilitator would see: the day recorded, the answer she gets, and its REPLY.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from mailflow.config.resources import templates_dir
from mailflow.core.commands.meeting_terms import read_terms
from mailflow.core.commands.meetings import MeetingRules, day_of_event, decide_meeting
from mailflow.core.model import CostItem, NetworkDay, Person
from mailflow.core.reading.parse import parse_message
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.settings import NetworkSettings
from mailflow.core.state import apply_decision
from mailflow.core.values import CalendarEvent, Decision, NetworkState, ParsedMessage
from mailflow.core.writing.render import Renderer

DATA = Path(__file__).resolve().parents[1] / "data" / "meetings"
TZ = ZoneInfo("Europe/Helsinki")
NETWORK = "verkosto@example.org"
FACILITATOR = "vetaja@example.org"
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
RULES = MeetingRules(network_address=NETWORK, tz=TZ, language="fi")
OUTLOOK_UID = ("040000008200E00074C5B7101A82E00800000000A06C5B29C5A6DB01000000000000000010"
               "0000003E7D0B5F6A4C8A4E9F2B1D3C4E5F6A7B")


def parsed(name: str) -> ParsedMessage:
    message = parse_message((DATA / name).read_bytes(), own_address=NETWORK)
    assert message.problems == ()
    return message


def event_of(name: str) -> CalendarEvent:
    event = parsed(name).event
    assert event is not None
    return event


def decide(name: str, state: NetworkState | None = None, now: datetime = NOW) -> Decision:
    message = parsed(name)
    assert message.event is not None
    return decide_meeting(message.event, message, state or NetworkState(), now, RULES)


def the_day(decision: Decision) -> NetworkDay:
    [day] = [r for r in decision.records if isinstance(r, NetworkDay)]
    return day


def ics(*lines: str, method: str = "REQUEST") -> bytes:
    """A minimal invitation from a mail client, with the VEVENT lines given."""
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Example//Calendar//EN",
            f"METHOD:{method}", "BEGIN:VEVENT", "UID:meeting-7@calendar.example.org",
            "SUMMARY:Verkostopäivä", "ORGANIZER:mailto:vetaja@example.org",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:verkosto@example.org", *lines,
            "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(body).encode("utf-8") + b"\r\n"


def invitation(calendar: bytes) -> ParsedMessage:
    """A mail from the facilitator carrying ``calendar`` as text/calendar; method=REQUEST."""
    raw = (b"From: Veera <vetaja@example.org>\r\nTo: verkosto@example.org\r\n"
           b"Subject: Verkostopaiva\r\nMessage-ID: <meeting-7@example.org>\r\n"
           b"Date: Sun, 6 Dec 2026 07:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + calendar)
    message = parse_message(raw, own_address=NETWORK)
    assert message.event is not None, message.problems
    return message


def decide_ics(*lines: str, state: NetworkState | None = None) -> Decision:
    message = invitation(ics(*lines))
    assert message.event is not None
    return decide_meeting(message.event, message, state or NetworkState(), NOW, RULES)


# -- reading ---------------------------------------------------------------------------------
def test_outlook_desktop_invitation_is_read_whole() -> None:
    event = event_of("outlook_desktop_request.eml")
    assert (event.method, event.uid, event.sequence) == ("REQUEST", OUTLOOK_UID, 0)
    assert event.summary == "Verkostopäivä 3: asiakaspalaute"
    assert event.location == "Keuda, Kerava, Sarvimäentie 8"
    assert event.zone == "FLE Standard Time"  # Outlook's Windows zone, from its VTIMEZONE
    assert event.starts == datetime(2027, 3, 17, 9, 30, tzinfo=TZ)
    assert event.ends == datetime(2027, 3, 17, 15, 30, tzinfo=TZ)
    assert event.organizer == FACILITATOR
    assert event.organizer_name == "Veera Vetäjä"
    assert event.attendees == (NETWORK,)
    assert "Kustannukset: asiantuntijapalkkio 1 200 €, tarjoilut 450,50 €" in event.description
    assert event.problems == ()


def test_outlook_web_teams_meeting_keeps_its_link() -> None:
    event = event_of("outlook_web_request.eml")
    assert event.zone == "FLE Standard Time"
    assert event.starts == datetime(2027, 1, 20, 10, 0, tzinfo=TZ)
    assert event.location == "Microsoft Teams Meeting"
    assert event.online_url.startswith("https://teams.microsoft.com/l/meetup-join/")


def test_google_invitation_names_its_iana_zone_and_meet_link() -> None:
    event = event_of("google_request.eml")
    assert event.zone == "Europe/Helsinki"
    assert event.starts == datetime(2027, 2, 10, 9, 0, tzinfo=TZ)
    assert event.online_url == "https://meet.google.com/abc-defg-hij"
    assert event.attendees == (FACILITATOR, NETWORK)


def test_a_move_and_a_cancellation_carry_a_higher_sequence() -> None:
    assert event_of("outlook_desktop_moved.eml").sequence == 1
    assert event_of("google_moved.eml").sequence == 1
    cancel = event_of("outlook_desktop_cancel.eml")
    assert (cancel.method, cancel.uid, cancel.sequence) == ("CANCEL", OUTLOOK_UID, 2)


def test_utc_times_an_all_day_date_and_an_unknown_zone() -> None:
    utc = invitation(ics("DTSTART:20270317T073000Z", "DTEND:20270317T133000Z")).event
    assert utc is not None
    assert (utc.zone, utc.starts) == ("UTC", datetime(2027, 3, 17, 7, 30, tzinfo=UTC))
    whole = invitation(ics("DTSTART;VALUE=DATE:20270317", "DTEND;VALUE=DATE:20270318")).event
    assert whole is not None
    assert whole.all_day
    assert (whole.starts, whole.ends) == (date(2027, 3, 17), date(2027, 3, 18))
    odd = invitation(ics("DTSTART;TZID=Keski-Suomi:20270317T093000",
                         "DTEND;TZID=Keski-Suomi:20270317T153000")).event
    assert odd is not None
    assert odd.problems == ("zone_unknown:Keski-Suomi",)
    assert odd.starts == datetime(2027, 3, 17, 9, 30)  # floating: no zone guessed here


def test_a_reply_is_no_event() -> None:
    message = parse_message(
        b"From: maija@omnia.test\r\nContent-Type: text/calendar; method=REPLY\r\n\r\n"
        + ics("DTSTART:20270317T073000Z", method="REPLY"), own_address=NETWORK)
    assert message.calendar is not None
    assert message.event is None


# -- costs, sponsor, follow-up -----------------------------------------------------------
@pytest.mark.parametrize(("text", "items"), [
    ("Kustannukset: asiantuntijapalkkio 1 200 €, tarjoilut 450,50 €",
     [("asiantuntijapalkkio", "1200.00"), ("tarjoilut", "450.50")]),
    ("Kustannukset: asiantuntijapalkkio 1\u00a0200 €, tarjoilut 450,50 euroa",
     [("asiantuntijapalkkio", "1200.00"), ("tarjoilut", "450.50")]),
    ("Kostnader: föreläsararvode 900 €, servering 320,40 €",
     [("föreläsararvode", "900.00"), ("servering", "320.40")]),
    ("Costs: speaker fee €1,200; catering €450.50",
     [("speaker fee", "1200.00"), ("catering", "450.50")]),
    ("KULUT:\n- puhuja 1.200,00 €\n- tilat 300 €\n\nMuuta", [("puhuja", "1200.00"), ("tilat", "300.00")]),
])
def test_costs_in_finnish_swedish_and_english_number_forms(text: str, items: list[tuple[str, str]],
                                                          ) -> None:
    terms = read_terms("", text)
    assert [(c.label, str(c.amount)) for c in terms.cost_items] == items
    assert terms.unread == ()


def test_sponsor_follow_up_and_a_cost_without_an_amount() -> None:
    terms = read_terms("Network day", "Paid by: Kunteko\nCosts: venue; coffee €80")
    assert terms.sponsor == "Kunteko"
    assert terms.cost_items == (CostItem("coffee", Decimal("80.00")),)
    assert terms.unread == ("venue",)
    assert not terms.follow_up
    assert read_terms("", "Maksaja: Kunteko.").sponsor == "Kunteko"
    assert read_terms("", "Betalare: Omnia").sponsor == "Omnia"
    assert read_terms("Jatkotyöskentelypäivä 1", "").follow_up
    assert read_terms("", "Uppföljning av hösten").follow_up
    assert read_terms("Follow-up day", "").follow_up


# -- deciding --------------------------------------------------------------------------------
def test_an_outlook_meeting_creates_a_day_and_answers_with_an_accepting_reply() -> None:
    decision = decide("outlook_desktop_request.eml")
    day = the_day(decision)
    assert day == NetworkDay(
        id="2027-03-17", date=date(2027, 3, 17), start=time(9, 30), end=time(15, 30),
        place="Keuda, Kerava, Sarvimäentie 8", title="Verkostopäivä 3: asiakaspalaute",
        cost_items=(CostItem("asiantuntijapalkkio", Decimal("1200.00")),
                    CostItem("tarjoilut", Decimal("450.50"))),
        follow_up=True, calendar_uid=OUTLOOK_UID, calendar_sequence=0,
    )
    [answer] = decision.mails
    assert (answer.to, answer.template, answer.calendar, answer.day) == (
        FACILITATOR, "day_created", "reply", day.id)
    assert answer.in_reply_to == ("<HE1PR0701MB2123A4B5C6D7E8F9A0B1C2D3@"
                                  "HE1PR0701MB2123.eurprd07.prod.outlook.com>")
    assert answer.context["notes"] == [{"code": "cost_without_amount", "line": "tilavuokra"}]
    assert answer.context["zone"] == "FLE Standard Time"


def test_outlook_web_sponsor_and_online_place() -> None:
    day = the_day(decide("outlook_web_request.eml"))
    assert day.sponsor == "Kunteko"
    assert day.place.startswith("Microsoft Teams Meeting, https://teams.microsoft.com/")
    assert day.price == Decimal("1650.50")
    assert not day.follow_up


def test_google_meeting_in_swedish() -> None:
    day = the_day(decide("google_request.eml"))
    assert (day.id, day.start, day.end) == ("2027-02-10", time(9), time(15))
    assert day.follow_up
    assert day.cost_items == (CostItem("föreläsararvode", Decimal("900.00")),
                              CostItem("servering", Decimal("320.40")))


def test_a_move_changes_the_day_and_raises_its_sequence_once() -> None:
    state = apply_decision(NetworkState(), decide("outlook_desktop_request.eml"))
    moved = decide("outlook_desktop_moved.eml", state)
    day = the_day(moved)
    assert (day.id, day.date, day.start, day.end) == ("2027-03-17", date(2027, 3, 24),
                                                      time(10), time(16))
    assert (day.sequence, day.calendar_sequence) == (1, 1)
    [answer] = moved.mails
    assert answer.template == "day_updated"
    assert answer.context["changed"] == ["date", "start", "end"]
    assert answer.context["announced"] is True
    state = apply_decision(state, moved)
    again = decide("outlook_desktop_moved.eml", state)
    assert (again.records, again.mails) == ((), ())
    older = decide("outlook_desktop_request.eml", state)
    assert (older.records, older.mails) == ((), ())


def test_a_new_sequence_that_changes_nothing_attendees_see_sends_them_nothing() -> None:
    state = apply_decision(NetworkState(), decide("outlook_desktop_request.eml"))
    known = state.days["2027-03-17"]
    message = parsed("outlook_desktop_request.eml")
    assert message.event is not None
    newer = decide_meeting(replace(message.event, sequence=3), message, state, NOW, RULES)
    day = the_day(newer)
    assert (day.sequence, day.calendar_sequence) == (known.sequence, 3)
    assert newer.mails[0].context["announced"] is False


def test_the_move_reaches_everyone_registered_once() -> None:
    state = apply_decision(NetworkState(), decide("outlook_desktop_request.eml"))
    people = [Person(address=a, name=a.split("@")[0], org="omnia", registered_at=NOW)
              for a in ("maija@omnia.test", "teppo@omnia.test")]
    state = apply_decision(state, Decision(records=tuple(people)))
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ)
    sent: set[str] = set()
    first = due_mails(state, NOW, rules, last_digest_at=NOW, failed_mails=[], sent_keys=sent)
    assert sorted(m.template for m in first) == ["day_invitation", "day_invitation"]
    sent |= {m.key for m in first}
    state = apply_decision(state, decide("outlook_desktop_moved.eml", state))
    later = NOW + timedelta(minutes=15)
    changed = due_mails(state, later, rules, last_digest_at=later, failed_mails=[], sent_keys=sent)
    assert sorted((m.to, m.template) for m in changed) == [
        ("maija@omnia.test", "day_changed"), ("teppo@omnia.test", "day_changed")]
    assert all(m.context["day"].date == date(2027, 3, 24) for m in changed)
    sent |= {m.key for m in changed}
    state = apply_decision(state, decide("outlook_desktop_moved.eml", state))  # sent again
    again = due_mails(state, later, rules, last_digest_at=later, failed_mails=[], sent_keys=sent)
    assert [m for m in again if m.key not in sent] == []  # the pass drops keys it has sent


def test_an_all_day_meeting_gets_the_usual_hours_and_says_so() -> None:
    decision = decide_ics("DTSTART;VALUE=DATE:20270317", "DTEND;VALUE=DATE:20270318")
    day = the_day(decision)
    assert (day.date, day.start, day.end) == (date(2027, 3, 17), time(9), time(16))
    assert decision.mails[0].context["notes"] == [
        {"code": "all_day", "start": "09:00", "end": "16:00"}, {"code": "no_place"}]


def test_utc_times_are_the_network_s_wall_clock() -> None:
    day = the_day(decide_ics("DTSTART:20270317T073000Z", "DTEND:20270317T133000Z",
                             "LOCATION:Omnia\\, Espoo"))
    assert (day.start, day.end) == (time(9, 30), time(15, 30))


def test_an_unknown_zone_is_read_as_the_network_s_and_said() -> None:
    decision = decide_ics("DTSTART;TZID=Keski-Suomi:20270317T093000",
                          "DTEND;TZID=Keski-Suomi:20270317T153000", "LOCATION:Omnia")
    assert (the_day(decision).start, the_day(decision).end) == (time(9, 30), time(15, 30))
    assert decision.mails[0].context["notes"] == [
        {"code": "zone_unknown", "zone": "Keski-Suomi", "assumed": "Europe/Helsinki"}]


@pytest.mark.parametrize(("lines", "reason"), [
    ((), "no_start"),
    (("DTSTART:20261201T080000Z", "DTEND:20261201T140000Z"), "past"),
    (("DTSTART:20270317T080000Z",), "no_end"),
    (("DTSTART:20270317T080000Z", "DTEND:20270319T080000Z"), "several_days"),
    (("DTSTART:20270317T080000Z", "DTEND:20270317T070000Z"), "ends_before_start"),
])
def test_a_meeting_that_cannot_be_a_day_is_answered_why_and_changes_nothing(
        lines: tuple[str, ...], reason: str) -> None:
    decision = decide_ics(*lines)
    assert decision.records == ()
    [answer] = decision.mails
    assert (answer.template, answer.context["reason"], answer.calendar) == (
        "day_refused", reason, "")


def test_a_move_into_the_past_leaves_the_day_alone() -> None:
    state = apply_decision(NetworkState(), decide_ics("DTSTART:20270317T080000Z",
                                                      "DTEND:20270317T140000Z"))
    decision = decide_ics("SEQUENCE:1", "DTSTART:20261101T080000Z", "DTEND:20261101T140000Z",
                          state=state)
    assert decision.records == ()
    assert decision.mails[0].context["day"] == state.days["2027-03-17"]


def test_a_taken_date_gets_the_next_free_id() -> None:
    taken = NetworkDay(id="2027-03-17", date=date(2027, 3, 17), start=time(10), end=time(16),
                       place="Kuntatalo")
    state = NetworkState(days={taken.id: taken})
    decision = decide("outlook_desktop_request.eml", state)
    assert the_day(decision).id == "2027-03-17-2"
    assert decision.mails[0].context["notes"][0] == {
        "code": "id_taken", "wanted": "2027-03-17", "id": "2027-03-17-2"}


def test_day_of_event_finds_the_cancelled_meeting_s_day() -> None:
    state = apply_decision(NetworkState(), decide("outlook_desktop_request.eml"))
    assert day_of_event(event_of("outlook_desktop_cancel.eml"), state) == state.days["2027-03-17"]
    assert day_of_event(event_of("google_request.eml"), state) is None


# -- the answer as she receives it -------------------------------------------------------------
def rendered(decision: Decision, state: NetworkState, lang: str = "fi") -> EmailMessage:
    network = NetworkSettings(address=NETWORK, facilitator=FACILITATOR)
    renderer = Renderer(templates_dir(), network, TZ)
    [request] = decision.mails
    mail = renderer.render(replace(request, language=lang), now=NOW, day=state.days.get(request.day) if request.day else None)
    message = message_from_bytes(mail.raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def calendar_of(message: EmailMessage) -> Any:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REPLY"
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    return Calendar.from_ical(data)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_confirmation_says_what_was_understood_and_carries_the_reply(lang: str) -> None:
    decision = decide("outlook_desktop_request.eml")
    state = apply_decision(NetworkState(), decision)
    message = rendered(decision, state, lang)
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    for fact in ("2027-03-17", "9.30–15.30" if lang != "en" else "09:30–15:30",
                 "Keuda, Kerava, Sarvimäentie 8", "FLE Standard Time", "tilavuokra",
                 "asiantuntijapalkkio", "450,50\u00a0€" if lang != "en" else "€450.50"):
        assert fact in text, (lang, fact)
    calendar = calendar_of(message)
    assert str(calendar["METHOD"]) == "REPLY"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == OUTLOOK_UID
    assert int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == f"mailto:{FACILITATOR}"
    attendee = event["ATTENDEE"]
    assert (str(attendee), attendee.params["PARTSTAT"]) == (f"mailto:{NETWORK}", "ACCEPTED")
    assert event.decoded("DTSTART") == datetime(2027, 3, 17, 9, 30, tzinfo=TZ)


def test_a_refusal_carries_no_calendar_and_says_why() -> None:
    decision = decide_ics("DTSTART:20261201T080000Z", "DTEND:20261201T140000Z")
    message = rendered(decision, NetworkState())
    assert not [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    body = message.get_body(("plain",))
    assert body is not None
    assert "kokouksen aika on jo mennyt" in body.get_content()
