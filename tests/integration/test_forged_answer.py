"""What the README promises of an answer to a day from an unverified sender, over real SMTP
(aiosmtpd on loopback), and what ``mailflow people`` then shows the facilitator.

A forged "I can't come" is recorded at once, and its confirmation goes to the registered
address (never to the forger), saying what to do if the person did not send it; their
one-word reply to that mail puts them back as coming, for that day and no other. A
permanent 550 to an address shows in the people view.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import mailbox
from collections.abc import Iterator
from datetime import date, datetime, time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from mailflow.cli.main import main
from tests.factories import (
    NETWORK,
    TZ,
    RecordingSmtp,
    plain_mail,
    signup_mail,
    smtp_server,
    write_smtp_config,
)

DAY1, DAY2 = "2026-12-09", "2027-01-20"
MAIJA = "maija.mallikas@omnia.test"
NOORA = "noora.nobody@omnia.test"


def at(day: str, hour: int) -> str:
    return datetime.combine(date.fromisoformat(day), time(hour), TZ).isoformat()


class Network:
    def __init__(self, root: Path, config: Path, server: RecordingSmtp) -> None:
        self.root, self.config, self.server = root, config, server

    def deliver(self, raw: bytes) -> None:
        mailbox.Maildir(self.root / "mail", create=True).add(raw)

    def cli(self, *args: str) -> str:
        """``mailflow --config ... ARGS`` in this process: what it prints (it must succeed)."""
        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                code = main(["--config", str(self.config), *args])
        finally:
            root.handlers[:], root.level = handlers, level
        assert code == 0, out.getvalue()
        return out.getvalue()

    def people(self) -> dict[str, dict[str, str]]:
        """``mailflow people --csv``, by address."""
        rows = csv.DictReader(io.StringIO(self.cli("people", "--csv")), delimiter=";")
        return {row["osoite"]: row for row in rows}  # the Finnish network's columns

    def mails_to(self, address: str) -> list[EmailMessage]:
        return [d.message() for d in self.server.taken() if address in d.rcpt_tos]


@pytest.fixture
def network(tmp_path: Path) -> Iterator[Network]:
    server = RecordingSmtp()
    with smtp_server(server) as port:
        net = Network(tmp_path, write_smtp_config(tmp_path, port), server)
        for day in (DAY1, DAY2):
            net.cli("days", "add", day, "--date", day, "--start", "10:00", "--end", "16:00",
                    "--place", "Kuntatalo, Helsinki")
        net.deliver(signup_mail(MAIJA, "Maija Mallikas", "Omnia", "rehtori",
                                datetime(2026, 11, 2, 9, tzinfo=TZ), "<s1@omnia.test>"))
        net.cli("tick", "--now", at("2026-11-02", 10))
        net.server.taken()
        yield net


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return " ".join(str(body.get_content()).split())


def test_a_forged_decline_is_undone_by_the_real_persons_one_word_reply(
        network: Network) -> None:
    # from Maija's address, but not from her: no Authentication-Results of our server
    network.deliver(plain_mail(MAIJA, "Maija Mallikas", "Verkostopäivä",
                               "En pääse 9.12.", datetime(2026, 11, 3, 9, tzinfo=TZ),
                               "<forged@elsewhere.test>"))
    network.cli("tick", "--now", at("2026-11-03", 10))
    assert network.people()[MAIJA]["vastaukset"] == f"ei tule {DAY1}"
    assert network.people()[MAIJA]["tila"] == "ilmoittautunut"  # her place is kept (registered)

    (confirmation,) = network.mails_to(MAIJA)  # to the registered address only
    assert "et itse lähettänyt tätä vastausta" in _text(confirmation)
    assert f".day-{DAY1}@" in str(confirmation["Message-ID"])

    reply = EmailMessage()
    reply["From"] = f"Maija Mallikas <{MAIJA}>"
    reply["To"] = NETWORK
    reply["Subject"] = "Re: " + str(confirmation["Subject"])
    reply["Date"] = format_datetime(datetime(2026, 11, 3, 11, tzinfo=TZ))
    reply["Message-ID"] = "<real@omnia.test>"
    reply["In-Reply-To"] = reply["References"] = str(confirmation["Message-ID"])
    reply.set_content("osallistun\n\nMaija")
    network.deliver(bytes(reply))
    network.cli("tick", "--now", at("2026-11-03", 12))
    assert network.people()[MAIJA]["vastaukset"] == f"tulee {DAY1}"  # that day, not the other


def test_people_shows_a_mail_refused_for_good(network: Network) -> None:
    network.server.refuse[NOORA] = "550 5.1.1 No such user here"
    network.deliver(signup_mail(NOORA, "Noora Nobody", "Omnia", "opettaja",
                                datetime(2026, 11, 3, 9, tzinfo=TZ), "<s2@omnia.test>"))
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--config", str(network.config), "tick", "--now",
                         at("2026-11-03", 10)]) == 1  # a mail refused for good
    finally:
        root.handlers[:], root.level = handlers, level
    people = network.people()
    assert people[NOORA]["posti"] == "EI MENNYT PERILLE: 550 5.1.1 No such user here"
    assert people[MAIJA]["posti"] == "ok"
