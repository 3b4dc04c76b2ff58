"""Network days from the facilitator's calendar, end to end on a real Dovecot (IMAP in)
and aiosmtpd (SMTP out).

The facilitator invites the network's address to a meeting from Outlook and from Google
Calendar (tests/data/meetings/, as those clients write them): each becomes a network day,
and she receives one mail carrying an iTIP REPLY that accepts her meeting (read back with
icalendar) and saying what was understood. Moving the Outlook meeting reaches everyone
registered once; the same update again reaches nobody; the same invitation without our
server's word for her (a forged From) makes no day.

Cancelling the meeting in her calendar asks her to confirm (showing how many people are
told), and her confirming reply cancels the day: everyone registered is told once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from tinydb import TinyDB

from mailflow.adapters.store import JournalledStorage
from mailflow.config.loader import load_settings
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.dovecot import Dovecot
from tests.factories import RecordingSmtp, plain_mail, signup_mail
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

DATA = Path(__file__).resolve().parents[1] / "data" / "meetings"
FACILITATOR = "vetaja@example.org"
NETWORK = "verkosto@example.org"
PEOPLE = ("maija.mallikas@omnia.test", "teemu.tuominen@omnia.test")
VOUCHED = b"Authentication-Results: mx.example.org; dkim=pass header.d=example.org; " \
          b"dmarc=pass header.from=example.org\r\n"
START = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)
CONFIG = """
[network]
name = "Kehittämisverkosto"
address = "{network}"
facilitator = "{facilitator}"
language = "fi"

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"
trusted_authserv_id = "mx.example.org"


[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
"""


class Season:
    """Mail in through Dovecot, a tick, and what the SMTP server received."""

    def __init__(self, dovecot: Dovecot, smtp: RecordingSmtp, config: Path) -> None:
        self.dovecot, self.smtp, self.config = dovecot, smtp, config
        self.now = START

    def deliver(self, raw: bytes) -> dict[str, list[EmailMessage]]:
        """Deliver ``raw``, run a tick 5 minutes later; the mails sent, by recipient."""
        self.now += timedelta(minutes=30)
        self.dovecot.deliver(raw, received_at=self.now)
        run_tick(build_services(load_settings(self.config)), self.now + timedelta(minutes=5))
        sent: dict[str, list[EmailMessage]] = {}
        for delivery in self.smtp.taken():
            for address in delivery.rcpt_tos:
                sent.setdefault(address, []).append(delivery.message())
        return sent

    def days(self) -> dict[str, dict[str, Any]]:
        db = TinyDB(self.config.parent / "mailflow.json", storage=JournalledStorage)
        try:
            return {str(doc["id"]): dict(doc) for doc in db.table("days").all()}
        finally:
            db.close()


def meeting(name: str, *, vouched: bool = True, message_id: str = "") -> bytes:
    """A fixture as our server hands it over: with its Authentication-Results on top."""
    raw = (DATA / name).read_bytes()
    if message_id:
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = [line for line in head.split(b"\r\n") if not line.startswith(b"Message-ID:")]
        raw = b"\r\n".join([*lines, f"Message-ID: {message_id}".encode()]) + b"\r\n\r\n" + body
    return (VOUCHED if vouched else b"") + raw


@pytest.fixture
def season(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[Season]:
    with loopback_config(CONFIG.format(network=NETWORK, facilitator=FACILITATOR), dovecot, tmp_path,
                         monkeypatch) as (config, smtp):
        season = Season(dovecot, smtp, config)
        for n, address in enumerate(PEOPLE):
            name = address.split("@")[0].replace(".", " ").title()
            season.deliver(signup_mail(address, name, "Omnia", "opettaja", season.now,
                                       f"<signup-{n}@omnia.test>"))
        yield season


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return " ".join(str(body.get_content()).split())


def reply_of(message: EmailMessage) -> Any:
    """The VEVENT of the message's METHOD:REPLY calendar part (read with icalendar)."""
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REPLY"
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    calendar = Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "REPLY"
    [event] = calendar.walk("VEVENT")
    return event


def accepted_by_network(event: Any) -> bool:
    attendee = event["ATTENDEE"]
    return str(attendee) == f"mailto:{NETWORK}" and attendee.params["PARTSTAT"] == "ACCEPTED"


def test_an_outlook_meeting_makes_a_day_and_its_move_reaches_everyone_once(
        season: Season) -> None:
    sent = season.deliver(meeting("outlook_desktop_request.eml"))
    [answer] = sent[FACILITATOR]
    event = reply_of(answer)
    assert accepted_by_network(event)
    assert int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == f"mailto:{FACILITATOR}"
    assert answer["In-Reply-To"] == ("<HE1PR0701MB2123A4B5C6D7E8F9A0B1C2D3@"
                                     "HE1PR0701MB2123.eurprd07.prod.outlook.com>")
    text = text_of(answer)
    for fact in ("Tunnus: 2027-03-17", "ke 17.3.2027 klo 9.30–15.30", "FLE Standard Time",
                 "Keuda, Kerava, Sarvimäentie 8", "asiantuntijapalkkio: 1 200,00 €",
                 "tarjoilut: 450,50 €", "Jatkotyöskentelypäivä: kyllä",
                 "Kustannusrivillä ”tilavuokra” ei ollut summaa"):
        assert fact in text.replace("\u00a0", " "), fact
    assert sorted(a for a in sent if a != FACILITATOR) == sorted(PEOPLE)  # invited at once
    day = season.days()["2027-03-17"]
    assert (day["date"], day["start"], day["sequence"]) == ("2027-03-17", "09:30:00", 0)

    sent = season.deliver(meeting("outlook_desktop_moved.eml"))
    [answer] = sent[FACILITATOR]
    assert int(reply_of(answer)["SEQUENCE"]) == 1
    assert "Aiemmin: ke 17.3.2027 klo 9.30–15.30" in text_of(answer)
    assert "Muutos lähtee kerran kaikille" in text_of(answer)
    for person in PEOPLE:
        [changed] = sent[person]
        assert changed["Subject"].startswith("Muutos: verkostopäivä")
        assert "ke 24.3.2027 klo 10.00–16.00" in text_of(changed)
    day = season.days()["2027-03-17"]
    assert (day["date"], day["start"], day["sequence"]) == ("2027-03-24", "10:00:00", 1)

    again = season.deliver(meeting("outlook_desktop_moved.eml", message_id="<resent-1@x.test>"))
    assert again == {}
    assert season.days()["2027-03-17"]["sequence"] == 1

    sent = season.deliver(meeting("outlook_desktop_cancel.eml"))
    [asked] = sent[FACILITATOR]
    assert set(sent) == {FACILITATOR}  # nobody is told before she confirms
    assert "2 henkilölle" in text_of(asked)
    assert not season.days()["2027-03-17"].get("cancelled")
    token = re.search(r"VAHVISTA-[A-Z2-9]{8}", text_of(asked))
    assert token is not None
    confirmation = plain_mail(FACILITATOR, "Vetäjä", f"Re: {asked['Subject']}",
                              f"Kyllä.\n\n{token.group(0)}\n", season.now, "<ok-1@example.org>")
    sent = season.deliver(VOUCHED + confirmation)
    for person in PEOPLE:
        [cancelled] = sent[person]
        assert "24.3.2027" in text_of(cancelled)
    assert season.days()["2027-03-17"]["cancelled"] is True
    twice = season.deliver(VOUCHED + confirmation.replace(b"<ok-1@", b"<ok-2@"))
    assert set(twice) == {FACILITATOR}  # the token again: "already used", nobody else told


def test_a_google_meeting_makes_a_day_and_is_accepted(season: Season) -> None:
    sent = season.deliver(meeting("google_request.eml"))
    [answer] = sent[FACILITATOR]
    event = reply_of(answer)
    assert accepted_by_network(event)
    assert str(event["UID"]) == "5k9q2m7v1c3h8j4t6r0p2n1b3d@google.com"
    assert event.decoded("DTSTART") == datetime.combine(date(2027, 2, 10), time(7), UTC)
    text = text_of(answer)
    assert "Prakticum, Helsingfors, https://meet.google.com/abc-defg-hij" in text
    assert "Europe/Helsinki" in text
    day = season.days()["2027-02-10"]
    assert (day["start"], day["end"], day["follow_up"]) == ("09:00:00", "15:00:00", True)

    sent = season.deliver(meeting("google_moved.eml"))
    assert int(reply_of(sent[FACILITATOR][0])["SEQUENCE"]) == 1
    assert all(len(sent[p]) == 1 for p in PEOPLE)
    assert season.days()["2027-02-10"]["date"] == "2027-02-11"


def test_the_same_invitation_with_a_forged_from_makes_no_day(season: Season) -> None:
    sent = season.deliver(meeting("outlook_web_request.eml", vouched=False))
    assert season.days() == {}
    assert all(not [m for m in mails if m.get_content_type() == "text/calendar"
                    or any(p.get_content_type() == "text/calendar" for p in m.walk())]
               for mails in sent.values())
