"""Swedish end to end on a real Dovecot (IMAP in) and aiosmtpd (SMTP out).

A Swedish-speaking teacher signs up, answers the invitation, cancels, and asks for her
data to be erased; every mail the SMTP server receives for her is in Swedish. A
cancellation and an erasure are confirmed by replying with the code, as a person would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.dovecot import Dovecot
from tests.factories import TZ, RecordingSmtp, plain_mail
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

CAMILLA = "camilla.sundstrom@prakticum.test"
DAY = "2026-12-09"
START = datetime(2026, 11, 16, 10, 0, tzinfo=TZ)
CONFIG = """
[network]
name = "Utvecklingsnätverket"
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
language = "sv"
max_per_org = 4

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"


[[organisations]]
name = "Prakticum"
domains = ["prakticum.test"]
"""


class Season:
    """Mail in through Dovecot, a tick, and the SMTP server's mail to Camilla."""

    def __init__(self, dovecot: Dovecot, smtp: RecordingSmtp, config: Path) -> None:
        self.dovecot, self.smtp, self.config = dovecot, smtp, config
        self.now = START
        self.sent = 0

    def write(self, subject: str, text: str) -> None:
        self.now += timedelta(days=1)  # a day apart: each within the daily cap of answers
        self.sent += 1
        self.dovecot.deliver(plain_mail(CAMILLA, "Camilla Sundström", subject, text,
                                        self.now, f"<sv-{self.sent}@prakticum.test>"),
                             received_at=self.now)
        run_tick(build_services(load_settings(self.config)), self.now + timedelta(minutes=5))

    def answers(self) -> dict[str, str]:
        """Subject -> plain text of each new mail to Camilla; each one in Swedish."""
        found = {}
        for delivery in self.smtp.taken():
            msg = delivery.message()
            if CAMILLA not in delivery.rcpt_tos:
                continue
            assert msg["Content-Language"] == "sv", msg["Subject"]
            body = msg.get_body(("plain",))
            assert body is not None
            found[str(msg["Subject"])] = str(body.get_content())
        return found

    def confirm(self, subject: str) -> None:
        """Reply to a confirmation request with its code, as the person would."""
        code = subject.rsplit(" ", 1)[1]
        self.write(f"SV: {subject}", f"Ja, det stämmer.\n\n{code}\n\nCamilla")


@pytest.fixture
def season(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[Season]:
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        assert main(["--config", str(config), "days", "add", DAY, "--date", DAY, "--start",
                     "10:00", "--end", "16:00", "--place", "Kuntatalo, Helsinki"]) == 0
        yield Season(dovecot, smtp, config)


def one(answers: dict[str, str], start: str) -> tuple[str, str]:
    [found] = [(s, t) for s, t in answers.items() if s.startswith(start)]
    return found


def test_a_swedish_season_over_imap_and_smtp(season: Season) -> None:
    season.write("Anmälan", "Hej!\n\nJag anmäler mig till nätverksdagen den 9 december.\n\n"
                 "Namn: Camilla Sundström\nOrganisation: Prakticum\n"
                 "Titel: utbildningskoordinator\nSpecialdiet: vegetarisk\n\n"
                 "Med vänliga hälsningar\nCamilla")
    answers = season.answers()
    _, text = one(answers, "Din anmälan har tagits emot – Utvecklingsnätverket")
    assert "Roll: personal" in text
    assert "Specialdiet: vegetarisk" in text
    _, text = one(answers, "Inbjudan: nätverksdag ons 9.12.2026")
    assert "När: ons 9.12.2026 kl. 10.00–16.00" in text

    season.write("SV: Inbjudan: nätverksdag ons 9.12.2026",
                 "Hej,\n\njag deltar gärna!\n\nCamilla\n\nSkickat från min iPhone")
    _, text = one(season.answers(), "Du deltar: nätverksdagen ons 9.12.2026")
    assert "Vi har noterat att du deltar i nätverksdagen" in text

    season.write("Avbokning", "Hej,\n\njag måste tyvärr återkalla min anmälan till nätverket "
                 "helt.\n\nVänliga hälsningar\nCamilla")
    subject, text = one(season.answers(), "Bekräfta din begäran – kod ")
    assert "återkalla din anmälan till nätverket" in text
    season.confirm(subject)
    _, text = one(season.answers(), "Din anmälan har återkallats")
    assert "Vi har återkallat din anmälan" in text

    season.write("Radering", "Hej,\n\njag vill att ni raderar alla mina personuppgifter ur "
                 "ert register.\n\nVänliga hälsningar\nCamilla")
    subject, text = one(season.answers(), "Bekräfta din begäran – kod ")
    assert "radera alla uppgifter som sparats om dig" in text
    season.confirm(subject)
    _, text = one(season.answers(), "Dina uppgifter har raderats")
    assert re.search(r"raderat alla uppgifter om\s+camilla\.sundstrom@prakticum\.test", text)
