"""Mail on someone's behalf, end to end on a real Dovecot (IMAP in) and aiosmtpd (SMTP out).

The network page's form (Contact Form 7, from ``wordpress@``) puts a person on the interest
list; an assistant signs up her boss (the boss in Cc); a form then asks to cancel the boss,
which only the boss's own token reply can complete; the boss asks to be written to in
English, and the next day update, calendar title included, is English. The SMTP server
never sees the form's address as a recipient; the assistant gets a copy of the
confirmation, never the token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from icalendar import Calendar

from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.dovecot import Dovecot
from tests.factories import TZ, RecordingSmtp, plain_mail
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

DATA = Path(__file__).resolve().parent.parent / "data"
DAY = "2026-12-09"
START = datetime(2026, 11, 30, 12, 0, tzinfo=TZ)
FORM = "wordpress@verkosto.example.org"
AINO = "aino.aaltonen@gradia.test"
PAULA = "paula.virtanen@omnia.test"
SARI = "sari.salo@omnia.test"
CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 4

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"


[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
"""


class Network:
    """Mail in through Dovecot, a tick, and what the SMTP server took since last asked."""

    def __init__(self, dovecot: Dovecot, smtp: RecordingSmtp, config: Path) -> None:
        self.dovecot, self.smtp, self.config = dovecot, smtp, config
        self.now = START

    def receive(self, *raws: bytes) -> list[tuple[str, EmailMessage]]:
        self.now += timedelta(days=1)  # a day apart: each within the daily cap of answers
        for raw in raws:
            self.dovecot.deliver(raw, received_at=self.now)
        run_tick(build_services(load_settings(self.config)), self.now + timedelta(minutes=5))
        return self.taken()

    def taken(self) -> list[tuple[str, EmailMessage]]:
        """(recipient, mail) of each mail the server took since the last call."""
        return [(to, d.message()) for d in self.smtp.taken() for to in d.rcpt_tos]


@pytest.fixture
def network(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[Network]:
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        assert main(["--config", str(config), "days", "add", DAY, "--date", DAY, "--start",
                     "10:00", "--end", "16:00", "--place", "Kuntatalo, Helsinki"]) == 0
        yield Network(dovecot, smtp, config)


def subjects(mails: list[tuple[str, EmailMessage]], to: str) -> list[str]:
    return sorted(str(m["Subject"]) for rcpt, m in mails if rcpt == to)


def test_forms_and_assistants_reach_the_person_over_imap_and_smtp(network: Network) -> None:
    mails = network.receive((DATA / "behalf_form_cf7_laheta_fi.eml").read_bytes(),
                            (DATA / "behalf_assistant_cc_fi.eml").read_bytes())
    assert FORM not in {to for to, _ in mails}
    assert subjects(mails, AINO) == ["Kiitos kiinnostuksestasi – Kehittämisverkosto"]
    assert subjects(mails, PAULA) == ["Ilmoittautumisesi on vastaanotettu – Kehittämisverkosto",
                                      "Kutsu: verkostopäivä ke 9.12.2026"]
    assert subjects(mails, SARI) == ["Ilmoittautumisesi on vastaanotettu – Kehittämisverkosto"]

    cancel = (DATA / "behalf_form_cancel_fi.eml").read_bytes().replace(
        b"maija.mallikas@omnia.test", PAULA.encode()).replace(b"Maija Mallikas", b"Paula V")
    mails = network.receive(cancel)  # (with it, a day later, the day's reminder)
    requests = [(to, m) for to, m in mails if "VAHVISTA-" in str(m["Subject"])]
    assert [to for to, _ in requests] == [PAULA]  # the token only to the registered address
    assert {FORM, SARI}.isdisjoint(to for to, _ in mails)
    [(_, request)] = requests
    code = re.search(r"VAHVISTA-[A-Z2-9]{8}", str(request["Subject"]))
    assert code is not None

    mails = network.receive(plain_mail(PAULA, "Paula Virtanen", f"VS: {request['Subject']}",
                                       f"Kyllä.\n\n{code.group(0)}\n\nPaula", network.now,
                                       "<paula-1@omnia.test>"))
    assert "Ilmoittautumisesi on peruttu – Kehittämisverkosto" in subjects(mails, PAULA)


def test_the_boss_asks_for_english_and_gets_it(network: Network) -> None:
    network.receive((DATA / "behalf_assistant_cc_fi.eml").read_bytes())
    mails = network.receive(plain_mail(
        PAULA, "Paula Virtanen", "Language", "Hello,\n\nplease write to me in English from "
        "now on.\n\nPaula", network.now, "<paula-2@omnia.test>"))
    assert subjects(mails, PAULA) == [  # and the day's reminder, due that day, in English
        "Reminder: network day Wed 9 Dec 2026",
        "We will write to you in English from now on – Kehittämisverkosto"]
    assert main(["--config", str(network.config), "days", "change", DAY,
                 "--place", "Omnia, Espoo"]) == 0
    mails = network.receive()
    [(_, update)] = [(to, m) for to, m in mails if to == PAULA]
    assert update["Content-Language"] == "en"
    [part] = [p for p in update.walk() if p.get_content_type() == "text/calendar"]
    [event] = Calendar.from_ical(part.get_content()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Kehittämisverkosto – network day"
