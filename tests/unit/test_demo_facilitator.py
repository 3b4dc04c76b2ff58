"""The demo shows the facilitator at work by mail: a meeting from her calendar becomes a
network day (she gets the calendar's acceptance), a click on her digest's "mark handled"
link handles the item, and the next digest lists both under "Tehdyt muutokset"."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from icalendar import Calendar
from tinydb import TinyDB

from mailflow.adapters.store import JournalledStorage
from mailflow.cli.demo import run_demo

FACILITATOR = "vetaja@example.org"


def outbox(root: Path) -> list[EmailMessage]:
    found = []
    for path in sorted((root / "outbox").glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        found.append(message)
    return found


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_the_demo_shows_a_day_from_her_calendar_and_an_item_handled_by_her_link(
        tmp_path: Path) -> None:
    root = tmp_path / "demo"
    assert run_demo(root, fast=True) == 0
    db = TinyDB(root / "mailflow.json", storage=JournalledStorage)
    try:
        day = db.table("days").get(lambda d: d["id"] == "2027-03-17")
        items = db.table("attention").all()
    finally:
        db.close()
    assert isinstance(day, dict)
    assert (day["start"], day["sponsor"]) == ("09:30:00", "Kunteko")
    assert items
    assert all(item["handled"] for item in items)

    to_her = [m for m in outbox(root) if FACILITATOR in str(m["To"])]
    [accepted] = [m for m in to_her if m["Subject"].startswith("Hyväksytty:")]
    [part] = [p for p in accepted.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    [event] = Calendar.from_ical(payload).walk("VEVENT")
    assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"

    listed = [text_of(m) for m in to_her if "TEHDYT MUUTOKSET" in text_of(m)]
    assert listed, "no digest lists the changes she made by mail"
    assert "tehtiin verkostopäivä 2027-03-17" in listed[0]
    assert "käsitellyiksi merkittiin #" in listed[0]
