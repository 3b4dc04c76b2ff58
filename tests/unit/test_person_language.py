"""Each person's language, through ``mailflow tick`` on a Maildir with the file outbox, on a
Finnish network: what a Swedish person receives is Swedish down to the calendar entry's
title and the List-Unsubscribe subject, and asking by mail ("skriv till mig på finska")
changes the language of everything that follows.
"""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from icalendar import Calendar

from mailflow.adapters.store import Store
from mailflow.cli.main import main
from mailflow.core.model import InterestSubscription, Person
from tests.factories import plain_mail, write_maildir_config
from tests.mailgen import deliver

WHEN = datetime.fromisoformat("2026-11-20T09:00+02:00")
DAY = "2026-12-09"
CAMILLA = "camilla.sundstrom@prakticum.test"
ERIK = "erik.ek@prakticum.test"
ORGANISATIONS = """
[[organisations]]
name = "Prakticum"
domains = ["prakticum.test"]
"""
SIGNUP = """Hej!

Jag anmäler mig till nätverksdagen den 9 december.

Namn: Camilla Sundström
Organisation: Prakticum
Titel: utbildningskoordinator

Med vänliga hälsningar
Camilla Sundström
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    write_maildir_config(tmp_path, extra=ORGANISATIONS)
    return tmp_path


def mailflow(root: Path, *args: str) -> int:
    return main(["--config", str(root / "mailflow.toml"), *args])


def received(root: Path, to: str) -> list[EmailMessage]:
    """The mails in the outbox addressed to ``to``, oldest first."""
    found = []
    for path in sorted((root / "outbox").glob("*.eml"), key=lambda p: p.stat().st_mtime_ns):
        msg = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(msg, EmailMessage)
        if to in str(msg["To"]):
            found.append(msg)
    return found


def calendar_title(msg: EmailMessage) -> str:
    [part] = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
    return str(event["SUMMARY"])


def test_a_swedish_person_gets_swedish_and_can_ask_for_finnish(root: Path) -> None:
    assert mailflow(root, "days", "add", DAY, "--date", DAY, "--start", "10:00", "--end",
                    "16:00", "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(root / "mail"), [
        plain_mail(CAMILLA, "Camilla Sundström", "Anmälan", SIGNUP, WHEN, "<l-1@prakticum.test>"),
        plain_mail(ERIK, "Erik Ek", "Nätverket", "Hej,\n\nhåll mig informerad om nätverket.\n\n"
                   "Erik", WHEN, "<l-2@prakticum.test>"),
    ])
    assert mailflow(root, "tick", "--now", "2026-11-20T10:00+02:00") == 0

    [invitation] = [m for m in received(root, CAMILLA) if m["Subject"].startswith("Inbjudan")]
    assert invitation["Content-Language"] == "sv"
    assert calendar_title(invitation) == "Kehittämisverkosto – nätverksdag"
    [welcome] = received(root, ERIK)
    assert welcome["Content-Language"] == "sv"
    assert welcome["List-Unsubscribe"] == "<mailto:verkosto@example.org?subject=NEJ%20TACK>"

    deliver(str(root / "mail"), [plain_mail(
        CAMILLA, "Camilla Sundström", "Språk", "Hej,\n\nskriv till mig på finska i "
        "fortsättningen, tack.\n\nCamilla", WHEN.replace(hour=11), "<l-3@prakticum.test>")])
    assert mailflow(root, "tick", "--now", "2026-11-20T12:00+02:00") == 0
    answer = received(root, CAMILLA)[-1]
    assert answer["Content-Language"] == "fi"
    assert answer["Subject"].startswith("Kirjoitamme sinulle tästä lähtien suomeksi")
    with Store(root / "mailflow.json") as store:
        person = store.get(Person, CAMILLA)
        assert person is not None
        assert person.language == "fi"

    assert mailflow(root, "days", "change", DAY, "--place", "Omnia, Espoo") == 0
    assert mailflow(root, "tick", "--now", "2026-11-20T13:00+02:00") == 0
    update = received(root, CAMILLA)[-1]
    assert update["Content-Language"] == "fi"
    assert calendar_title(update) == "Kehittämisverkosto – verkostopäivä"


def test_a_subscriber_asks_for_english_and_the_list_mail_follows(root: Path) -> None:
    deliver(str(root / "mail"), [
        plain_mail(ERIK, "Erik Ek", "Nätverket", "Hej,\n\nhåll mig informerad om nätverket.\n\n"
                   "Erik", WHEN, "<e-1@prakticum.test>"),
        plain_mail(ERIK, "Erik Ek", "Language", "Hello,\n\nplease write to me in English "
                   "from now on.\n\nErik", WHEN.replace(hour=10), "<e-2@prakticum.test>"),
    ])
    assert mailflow(root, "tick", "--now", "2026-11-20T11:00+02:00") == 0
    with Store(root / "mailflow.json") as store:
        subscription = store.get(InterestSubscription, ERIK)
        assert subscription is not None
        assert subscription.language == "en"
    announcement = root / "news.txt"
    announcement.write_text("Aihe: Uutisia verkostosta\n\nSeuraava päivä on tammikuussa.\n",
                            encoding="utf-8")
    assert mailflow(root, "announce", str(announcement), "--now", "2026-11-20T12:00+02:00") == 0
    assert mailflow(root, "tick", "--now", "2026-11-20T12:05+02:00") == 0
    news = received(root, ERIK)[-1]
    assert news["Content-Language"] == "en"
    assert news["List-Unsubscribe"] == "<mailto:verkosto@example.org?subject=NO%20THANKS>"


def test_a_language_change_from_a_stranger_changes_nothing_and_is_not_answered_as_done(
        root: Path) -> None:
    deliver(str(root / "mail"), [plain_mail(
        "stranger@example.org", "S", "Kieli", "Kirjoittakaa minulle jatkossa ruotsiksi.",
        WHEN, "<s-1@example.org>")])
    assert mailflow(root, "tick", "--now", "2026-11-20T10:00+02:00") == 0
    [ack] = received(root, "stranger@example.org")
    assert not ack["Subject"].startswith("Vi skriver")
    assert mailflow(root, "attention") == 0


def test_a_wish_riding_on_an_answer_is_kept_and_the_answer_follows_it(root: Path) -> None:
    assert mailflow(root, "days", "add", DAY, "--date", DAY, "--start", "10:00", "--end",
                    "16:00", "--place", "Kuntatalo, Helsinki") == 0
    deliver(str(root / "mail"), [
        plain_mail(CAMILLA, "Camilla Sundström", "Anmälan", SIGNUP, WHEN, "<w-1@prakticum.test>")])
    assert mailflow(root, "tick", "--now", "2026-11-20T10:00+02:00") == 0
    deliver(str(root / "mail"), [plain_mail(
        CAMILLA, "Camilla Sundström", "SV: Inbjudan", "Hej,\n\njag kan tyvärr inte delta den "
        "9 december. Skriv gärna till mig på engelska i fortsättningen.\n\nCamilla",
        WHEN.replace(hour=11), "<w-2@prakticum.test>")])
    assert mailflow(root, "tick", "--now", "2026-11-21T12:00+02:00") == 0
    answer = received(root, CAMILLA)[-1]
    assert answer["Content-Language"] == "en"
    assert "9 Dec 2026" in str(answer["Subject"])
    with Store(root / "mailflow.json") as store:
        person = store.get(Person, CAMILLA)
        assert person is not None
        assert person.language == "en"
