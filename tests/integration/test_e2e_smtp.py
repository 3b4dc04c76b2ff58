"""End to end over real SMTP: mail into a Maildir, `mailflow` ticks over a timeline, every
mail the aiosmtpd server on loopback receives parsed and checked as a recipient would see it.

Timeline (Helsinki time): sign-ups and an interest-list mail (2.11.) -> the digest (3.11.)
-> 7-day reminders (2.12.) -> a calendar accept -> a day changed and another cancelled, a
late sign-up (3.12.) -> 1-day reminders (8.12.) -> the follow-up day's cost summary
(20.1.). Then: a server answering 451 for a while, and a 550 that is never retried.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import logging
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.core.model import OutgoingMail, Rsvp
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import TickReport, run_tick
from tests.factories import (
    NETWORK,
    NETWORK_NAME,
    TZ,
    Delivery,
    RecordingSmtp,
    itip_reply,
    plain_mail,
    signup_mail,
    smtp_server,
    write_smtp_config,
)

DAY1, CANCELLED, FOLLOW_UP = "2026-12-09", "2026-12-16", "2027-01-20"
UID1 = f"day-{DAY1}@example.org"
PEOPLE = {  # address: (name, organisation, title)
    "maija.mallikas@omnia.test": ("Maija Mallikas", "Omnia", "koulutuspäällikkö"),
    "pekka.puupaa@stadi.test": ("Pekka Puupää", "Stadin ammatti- ja aikuisopisto", "opettaja"),
    "liisa.laine@keuda.test": ("Liisa Laine", "Keuda", "oppisopimustoiminnan esimies"),
}
LATE = "sanna.salo@omnia.test"
DAY_FACTS = {  # what every mail about the day must say, in text and HTML alike
    DAY1: ["9.12.2026", "10.00"], CANCELLED: ["16.12.2026"], FOLLOW_UP: ["20.1.2027"],
}
LIST_MAIL = {"interest_welcome", "interest_goodbye", "announcement"}


def at(day: str, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour, minute), TZ)


def visible_text(markup: str) -> str:
    """What a reader sees of an HTML part, whitespace collapsed."""
    markup = re.sub(r"(?is)<(style|head)\b.*?</\1>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\xa0", " ").split())


@dataclass
class World:
    root: Path
    config: Path
    server: RecordingSmtp
    incoming: dict[str, str]  # Message-ID of each mail delivered -> sender

    def deliver(self, raw: bytes) -> None:
        mailbox.Maildir(self.root / "mail", create=True).add(raw)

    def tick(self, now: datetime) -> TickReport:
        return run_tick(build_services(load_settings(self.config)), now)

    def cli(self, *args: str) -> tuple[int, str]:
        """`mailflow --config ... ARGS`, in process; the logging it sets up is put back."""
        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                code = main(["--config", str(self.config), *args])
        finally:
            root.handlers[:], root.level = handlers, level
        return code, out.getvalue()

    def outbox(self) -> dict[str, OutgoingMail]:
        with open_store(load_settings(self.config)) as store:
            return {m.message_id: m for m in store.all(OutgoingMail) if m.message_id}

    def rsvps(self) -> list[Rsvp]:
        with open_store(load_settings(self.config)) as store:
            return store.all(Rsvp)

    def received(self) -> list[tuple[EmailMessage, OutgoingMail]]:
        """Every mail the server got since the last call, checked; with its outbox record."""
        outbox = self.outbox()
        checked = []
        for delivery in self.server.taken():
            out = outbox[delivery.message_id]
            checked.append((check_mail(delivery, out, self.incoming), out))
        return checked


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    server = RecordingSmtp()
    with smtp_server(server) as port:
        yield World(tmp_path, write_smtp_config(tmp_path, port), server, {})


def template(out: OutgoingMail) -> str:
    return out.kind.split(":", 1)[1]


def check_mail(delivery: Delivery, out: OutgoingMail, incoming: dict[str, str]) -> EmailMessage:
    """The headers and parts every mail must have, as a recipient's client sees them."""
    msg = delivery.message()
    name = template(out)
    assert delivery.mail_from == NETWORK
    assert delivery.rcpt_tos == (out.to,)
    (sender,) = msg["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (NETWORK_NAME, NETWORK)
    assert [a.addr_spec for a in msg["To"].addresses] == [out.to]
    assert msg["Reply-To"] == NETWORK
    assert msg["Message-ID"] == out.message_id == delivery.message_id
    assert re.fullmatch(r"<[0-9a-f]{24}(\.day-[\w-]+)?@example\.org>", out.message_id)
    assert msg["Date"].datetime == out.created_at
    assert msg["Subject"] == out.subject
    assert out.subject
    assert msg["X-Mailflow-Loop"] == NETWORK
    auto = out.kind.split(":", 1)[0]
    assert msg["Auto-Submitted"] == auto
    if auto == "auto-replied":  # an answer: threaded under the mail it answers
        assert msg["In-Reply-To"] in incoming, name
        assert incoming[msg["In-Reply-To"]] == out.to
        assert msg["In-Reply-To"] in msg["References"]
    else:
        assert auto == "auto-generated", name
        assert msg["In-Reply-To"] is None, name
    if name in LIST_MAIL:
        assert msg["List-Unsubscribe"] == f"<mailto:{NETWORK}?subject=EI%20KIITOS>"
        assert msg["List-Id"]
        assert msg["Precedence"] == "bulk"
    else:
        assert msg["List-Unsubscribe"] is None, name
    text_part, html_part = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text_part is not None, name
    assert html_part is not None, name
    text = " ".join(text_part.get_content().replace("\xa0", " ").split())
    shown = visible_text(html_part.get_content())
    for fact in facts(out, msg):
        assert fact in text, (name, fact, text)
        assert fact in shown, (name, fact, shown)
    return msg


def facts(out: OutgoingMail, msg: EmailMessage) -> list[str]:
    """Key facts the text and the HTML part must both say."""
    name = template(out)
    found = [NETWORK]
    day = re.search(r"\.day-([\w-]+)@", out.message_id)
    if day:
        found += DAY_FACTS[day.group(1)]
    person = PEOPLE.get(out.to)
    if person and name in ("signup_confirmation", "day_invitation", "day_reminder",
                           "day_changed", "rsvp_confirmation"):
        found.append(person[0].split()[0])  # greeted by first name
    if name == "signup_confirmation" and person:
        found += [person[0], person[1]]
    if name == "day_changed":
        found.append("Paasitorni")
    if name == "cost_summary":
        found += ["1 650,50 €", "Omnia", "Keuda", "Stadin ammatti- ja aikuisopisto"]
    return found


def calendar_of(msg: EmailMessage) -> Calendar:
    part = msg.get_body(("calendar",))
    assert part is not None
    cal = Calendar.from_ical(part.get_content())
    ics = [p for p in msg.iter_attachments() if p.get_filename() == "invite.ics"]
    assert len(ics) == 1
    assert ics[0].get_content() == part.get_content().encode()
    assert part.get_param("method") == str(cal["METHOD"])
    return cal


def plain_and_shown(msg: EmailMessage) -> tuple[str, str]:
    """The plain-text part and what the HTML part shows."""
    plain, html_part = msg.get_body(("plain",)), msg.get_body(("html",))
    assert plain is not None
    assert html_part is not None
    return plain.get_content(), visible_text(html_part.get_content())


def check_calendar(msg: EmailMessage, to: str, *, method: str, day: str, sequence: int,
                   start_utc: datetime, end_utc: datetime) -> None:
    cal = calendar_of(msg)
    assert str(cal["METHOD"]) == method
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == f"day-{day}@example.org"
    assert event.decoded("SEQUENCE") == sequence
    assert str(event["ORGANIZER"]) == f"mailto:{NETWORK}"
    attendee = event["ATTENDEE"]
    assert str(attendee) == f"mailto:{to}"
    assert attendee.params["RSVP"] == "TRUE"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert event.decoded("DTSTART") == start_utc
    assert event.decoded("DTEND") == end_utc
    assert str(event["STATUS"]) == ("CANCELLED" if method == "CANCEL" else "CONFIRMED")


def by_template(mails: list[tuple[EmailMessage, OutgoingMail]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for _, out in mails:
        grouped.setdefault(template(out), []).append(out.to)
    return {k: sorted(v) for k, v in sorted(grouped.items())}


def read_csv(msg: EmailMessage) -> tuple[bytes, list[list[str]]]:
    (part,) = [p for p in msg.iter_attachments() if p.get_content_type() == "text/csv"]
    assert part.get_filename() == f"kustannukset-{FOLLOW_UP}.csv"
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    return data, list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                                 delimiter=";"))


def euros(cell: str) -> Decimal:
    assert re.fullmatch(r"\d+,\d\d", cell), cell  # decimal comma, two decimals
    return Decimal(cell.replace(",", "."))


# -- the timeline ----------------------------------------------------------------------------
def test_a_network_season_over_real_smtp(world: World) -> None:
    assert world.cli("days", "add", DAY1, "--date", DAY1, "--start", "10:00", "--end", "16:00",
                     "--place", "Kuntatalo, Toinen linja 14, Helsinki",
                     "--title", "Verkostopäivä 1", "--sponsor", "Kunteko")[0] == 0
    assert world.cli("days", "add", CANCELLED, "--date", CANCELLED, "--start", "10:00",
                     "--end", "15:00", "--place", "Stadi, Helsinki")[0] == 0
    assert world.cli("days", "add", FOLLOW_UP, "--date", FOLLOW_UP, "--start", "10:00",
                     "--end", "15:00", "--place", "Omnia, Espoo", "--follow-up",
                     "--cost", "Asiantuntijapalkkio=1200", "--cost", "Tarjoilut=450,50")[0] == 0
    everyone = sorted(PEOPLE)

    # 2.11. sign-ups and an interest-list mail: confirmations (answers), invitations
    for n, (address, (name, org, title)) in enumerate(PEOPLE.items()):
        msgid = f"<signup-{n}@{address.split('@')[1]}>"
        world.incoming[msgid] = address
        world.deliver(signup_mail(address, name, org, title, at("2026-11-02", 9, 30), msgid))
    world.incoming["<laheta-1@example.org>"] = "ville.virtanen@example.org"
    world.deliver(plain_mail("ville.virtanen@example.org", "Ville Virtanen", "LÄHETÄ",
                             "LÄHETÄ\n\nHaluan kuulla lisää.\n", at("2026-11-02", 9, 31),
                             "<laheta-1@example.org>"))
    report = world.tick(at("2026-11-02", 10))
    assert len(report.handled) == 4
    assert not report.failed
    mails = world.received()
    assert by_template(mails) == {
        "day_invitation": sorted(everyone * 3),
        "interest_welcome": ["ville.virtanen@example.org"],
        "signup_confirmation": everyone,
    }
    for msg, out in mails:
        if template(out) == "day_invitation":
            day = out.key.split(":")[1]
            start = {DAY1: 8, CANCELLED: 8, FOLLOW_UP: 8}[day]
            end = {DAY1: 14, CANCELLED: 13, FOLLOW_UP: 13}[day]
            on = date.fromisoformat(day)
            check_calendar(msg, out.to, method="REQUEST", day=day, sequence=0,
                           start_utc=datetime.combine(on, time(start), UTC),
                           end_utc=datetime.combine(on, time(end), UTC))
        else:
            assert msg.get_body(("calendar",)) is None

    # 3.11. 08.00 the facilitator's digest names the new people
    world.tick(at("2026-11-03", 8))
    ((digest, out),) = world.received()
    assert template(out) == "digest"
    assert out.to == "vetaja@example.org"
    text, shown = plain_and_shown(digest)
    for name, _, _ in PEOPLE.values():
        assert name in text
        assert name in shown

    # 2.12. 09.00 a week before: reminders with the calendar (10.00 Helsinki = 08.00 UTC)
    world.tick(at("2026-12-02", 9))
    reminders = world.received()
    assert by_template(reminders) == {"day_reminder": everyone}
    for msg, out in reminders:
        check_calendar(msg, out.to, method="REQUEST", day=DAY1, sequence=0,
                       start_utc=datetime(2026, 12, 9, 8, tzinfo=UTC),
                       end_utc=datetime(2026, 12, 9, 14, tzinfo=UTC))
    maija = "maija.mallikas@omnia.test"
    reminder_id = next(m["Message-ID"] for m, o in reminders if o.to == maija)

    # 11.00 Maija accepts in Outlook: the RSVP is recorded and confirmed in her thread
    world.incoming["<accept-1@omnia.test>"] = maija
    world.deliver(itip_reply(maija, "Maija Mallikas", UID1, "ACCEPTED", at("2026-12-02", 10, 55),
                             "<accept-1@omnia.test>", in_reply_to=reminder_id))
    world.tick(at("2026-12-02", 11))
    ((answer, out),) = world.received()
    assert template(out) == "rsvp_confirmation"
    assert out.to == maija
    assert answer["In-Reply-To"] == "<accept-1@omnia.test>"
    assert [(r.day_id, r.address, r.answer) for r in world.rsvps()] == [(DAY1, maija, "yes")]

    # 3.12. the place changes, the second day is cancelled, Sanna signs up late
    code, said = world.cli("days", "change", DAY1, "--place",
                           "Paasitorni, Paasivuorenkatu 5, Helsinki")
    assert code == 0
    assert "the update goes to everyone registered" in said
    assert world.cli("days", "cancel", CANCELLED)[0] == 0
    world.incoming["<signup-late@omnia.test>"] = LATE
    world.deliver(signup_mail(LATE, "Sanna Salo", "Omnia", "opettaja", at("2026-12-03", 9, 30),
                              "<signup-late@omnia.test>"))
    world.tick(at("2026-12-03", 10))
    mails = world.received()
    assert by_template(mails) == {
        "day_cancelled": everyone,  # not Sanna: she never had the day in her calendar
        "day_changed": everyone,
        "day_invitation": [LATE, LATE],  # the changed day (SEQUENCE 1) and the follow-up day
        "digest": ["vetaja@example.org"],
        "signup_confirmation": [LATE],
    }
    for msg, out in mails:
        name = template(out)
        if name in ("day_changed", "day_invitation") and out.key.split(":")[1] == DAY1:
            check_calendar(msg, out.to, method="REQUEST", day=DAY1, sequence=1,
                           start_utc=datetime(2026, 12, 9, 8, tzinfo=UTC),
                           end_utc=datetime(2026, 12, 9, 14, tzinfo=UTC))
            assert "Paasitorni" in str(calendar_of(msg).walk("VEVENT")[0]["LOCATION"])
        if name == "day_cancelled":
            check_calendar(msg, out.to, method="CANCEL", day=CANCELLED, sequence=1,
                           start_utc=datetime(2026, 12, 16, 8, tzinfo=UTC),
                           end_utc=datetime(2026, 12, 16, 13, tzinfo=UTC))
    world.tick(at("2026-12-03", 10, 5))
    world.tick(at("2026-12-05", 12))
    assert world.received() == []  # the change and the cancellation went out once

    # 8.12. 09.00 the day before: reminders carry SEQUENCE 1; Sanna signed up before them
    world.tick(at("2026-12-08", 9))
    reminders = world.received()
    assert by_template(reminders) == {"day_reminder": sorted([*everyone, LATE])}
    for msg, out in reminders:
        check_calendar(msg, out.to, method="REQUEST", day=DAY1, sequence=1,
                       start_utc=datetime(2026, 12, 9, 8, tzinfo=UTC),
                       end_utc=datetime(2026, 12, 9, 14, tzinfo=UTC))

    # 20.1. after the follow-up day: the cost summary with the CSV for Finnish Excel
    code, said = world.cli("tick", "--now", at(FOLLOW_UP, 15, 30).isoformat())
    assert code == 0
    assert "sent costs:" in said
    ((summary, out),) = world.received()
    assert template(out) == "cost_summary"
    assert out.to == "vetaja@example.org"
    data, rows = read_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    header, *shares, total = rows
    assert header == ["Organisaatio", "Osallistujia", "Osuus (€)"]
    assert [(r[0], r[1]) for r in shares] == [
        ("Keuda", "1"), ("Omnia", "2"), ("Stadin ammatti- ja aikuisopisto", "1")]
    amounts = [euros(r[2]) for r in shares]
    assert sum(amounts) == euros(total[2]) == Decimal("1650.50")
    assert max(amounts) - min(amounts) <= Decimal("0.01")
    assert total[:2] == ["Yhteensä", "4"]


# -- a server that is away for a while, and one that refuses ----------------------------------
def test_451_backs_off_the_server_not_the_mail_and_its_return_sends_the_queue_in_order(
    world: World,
) -> None:
    for n, address in enumerate(["maija.mallikas@omnia.test", "pekka.puupaa@stadi.test"]):
        name, org, title = PEOPLE[address]
        world.incoming[f"<s{n}@x.test>"] = address
        world.deliver(signup_mail(address, name, org, title, at("2026-11-02", 9), f"<s{n}@x.test>"))
    world.server.data_reply = "451 4.3.0 Try again later"
    t0 = at("2026-11-02", 10)

    def tried() -> list[str]:
        return [to for to, _ in world.server.attempts]

    world.tick(t0)  # the first mail meets 451; the rest of the queue waits with it
    (first,) = tried()
    second = next(a for a in ("maija.mallikas@omnia.test", "pekka.puupaa@stadi.test")
                  if a != first)
    world.tick(t0 + timedelta(seconds=30))  # the server's next try is a minute on
    assert tried() == [first]
    world.tick(t0 + timedelta(minutes=1))  # the head of the queue again; then 2 minutes
    assert tried() == [first, first]
    world.tick(t0 + timedelta(minutes=2))
    assert tried() == [first, first]
    assert {o.status for o in world.outbox().values()} == {"pending"}
    assert world.received() == []

    world.server.data_reply = ""  # the server is back: the whole queue goes, in order
    world.tick(t0 + timedelta(minutes=3))
    assert [out.to for _, out in world.received()] == [first, second]
    done = {o.to: o for o in world.outbox().values()}
    assert {(o.status, o.attempts) for o in done.values()} == {("sent", 1)}
    assert tried() == [first, first, first, second]


def test_550_fails_for_good_is_not_retried_and_shows_in_the_digest(world: World) -> None:
    refused = "nobody@refuse.test"
    world.server.refuse[refused] = "550 5.1.1 No such user here"
    world.incoming["<s1@omnia.test>"] = "maija.mallikas@omnia.test"
    world.deliver(signup_mail("maija.mallikas@omnia.test", "Maija Mallikas", "Omnia",
                              "rehtori", at("2026-11-02", 9), "<s1@omnia.test>"))
    world.deliver(signup_mail(refused, "Noora Nobody", "Omnia", "opettaja",
                              at("2026-11-02", 9, 1), "<s2@refuse.test>"))
    code, said = world.cli("tick", "--now", at("2026-11-02", 10).isoformat())
    assert code == 1
    assert f"FAILED confirm:s2@refuse.test:{refused} to {refused}" in said
    assert [out.to for _, out in world.received()] == ["maija.mallikas@omnia.test"]
    (failed,) = [o for o in world.outbox().values() if o.to == refused]
    assert failed.status == "failed"
    assert "550 5.1.1 No such user here" in failed.last_error

    for minutes in (10, 60, 600):
        world.tick(at("2026-11-02", 10) + timedelta(minutes=minutes))
    assert [to for to, _ in world.server.attempts if to == refused] == [refused]  # once

    world.tick(at("2026-11-03", 8))
    ((digest, out),) = world.received()
    assert template(out) == "digest"
    text, shown = plain_and_shown(digest)
    for part in (text, shown):
        assert "epäonnistui" in part.lower()
        assert refused in part
        assert "550 5.1.1" in part
