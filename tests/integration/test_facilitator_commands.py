"""The facilitator runs the network by mail, end to end on a real Dovecot (IMAP in) and
aiosmtpd (SMTP out).

Her mail is vouched for by our own server's Authentication-Results (``mx.example.org``,
DKIM and DMARC pass), as a real deployment's would be. She gets the participant list and
a cost split as CSV files that Python's csv module opens with Finnish Excel's dialect;
previews, confirms and sends an announcement once; marks one waiting question handled by
``KÄSITELTY #ref`` and another by answering the person with the network in Cc; and the
next digest, to both facilitators, lists what she changed. A forged From changes nothing
and the forger receives nothing; a replayed token does nothing again; a command word from
anyone else is a person's mail.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.core.commands import item_ref
from mailflow.core.model import (
    AttentionItem,
    CommandEntry,
    InterestSubscription,
    NetworkDay,
    Person,
)
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.dovecot import Dovecot
from tests.factories import TZ, RecordingSmtp, plain_mail, signup_mail
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

NETWORK = "verkosto@example.org"
VETAJA = "vetaja@example.org"
TOINEN = "toinen.vetaja@example.org"
FORGER = "forger@evil.test"
DAY, FOLLOW_UP = "2026-12-09", "2027-01-20"
START = datetime(2026, 11, 16, 10, 0, tzinfo=TZ)
VOUCHED = "mx.example.org; dkim=pass header.d=example.org; dmarc=pass header.from=example.org"
# what our server says of a forged From, and below it the pass a forger wrote himself
REFUSED = "mx.example.org; spf=fail smtp.mailfrom=evil.test; dmarc=fail header.from=example.org"
CONFIG = """
[network]
name = "Asiakaslähtöisyys oppilaitoksissa"
address = "verkosto@example.org"
facilitators = ["vetaja@example.org", "toinen.vetaja@example.org"]
language = "fi"
max_per_org = 2

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"
trusted_authserv_id = "mx.example.org"


[[organisations]]
name = "Omnia"
domains = ["omnia.test"]

[[organisations]]
name = "Keuda"
domains = ["keuda.test"]
"""
PEOPLE = [("maija.mallikas@omnia.test", "Maija Mallikas", "Omnia", "rehtori"),
          ("olli.opettaja@omnia.test", "Olli Opettaja", "Omnia", "opettaja"),
          ("ville.virtanen@omnia.test", "Ville Virtanen", "Omnia", "koulutuspäällikkö"),
          ("kaisa.koskinen@keuda.test", "Kaisa Koskinen", "Keuda", "tiiminvetäjä")]
SUBSCRIBERS = ["kiinnostunut1@example.org", "kiinnostunut2@example.org"]


class FinnishExcel(csv.excel):
    """Finnish Excel's CSV: semicolons (the comma is the decimal mark), CRLF; its "CSV
    UTF-8" files start with a BOM."""

    delimiter = ";"


class Network:
    """Mail in through Dovecot, a pass, and what the SMTP server received."""

    def __init__(self, dovecot: Dovecot, smtp: RecordingSmtp, config: Path) -> None:
        self.dovecot, self.smtp, self.config = dovecot, smtp, config
        self.now = START
        self.count = 0
        self.received: list[EmailMessage] = []

    def deliver(self, raw: bytes) -> None:
        self.dovecot.deliver(raw, received_at=self.now)

    def tick(self, minutes: int = 10) -> list[EmailMessage]:
        """A pass ``minutes`` later; the mails it sent."""
        self.now += timedelta(minutes=minutes)
        run_tick(build_services(load_settings(self.config)), self.now)
        sent = [(d.rcpt_tos, d.message()) for d in self.smtp.taken()]
        for rcpt_tos, msg in sent:
            msg["X-Test-Rcpt"] = ",".join(rcpt_tos)
        self.received += [msg for _, msg in sent]
        return [msg for _, msg in sent]

    def command(self, subject: str, text: str = "", *, sender: str = VETAJA, vouched: bool = True,
                to: str = NETWORK, cc: str = "", reply_to: str = "", in_reply_to: str = "",
                ) -> list[EmailMessage]:
        """A mail from ``sender`` and the pass after it: what the pass sent."""
        self.count += 1
        msg = EmailMessage()
        msg["Authentication-Results"] = VOUCHED if vouched else REFUSED
        if not vouched:
            msg["Authentication-Results"] = VOUCHED  # forged, under our server's own
        msg["From"] = f"Verkoston vetäjä <{sender}>"
        msg["To"] = to
        if cc:
            msg["Cc"] = cc
        if reply_to:
            msg["Reply-To"] = reply_to
        msg["Subject"] = subject
        msg["Date"] = format_datetime(self.now)
        msg["Message-ID"] = f"<cmd-{self.count}@example.org>"
        if in_reply_to:
            msg["In-Reply-To"] = msg["References"] = in_reply_to
        msg.set_content(text or "Terveisin\nVetäjä\n")
        self.deliver(bytes(msg))
        return self.tick()

    def state(self) -> Store:
        return Store(Path(load_settings(self.config).store.path))


def rcpt(msg: EmailMessage) -> str:
    return str(msg["X-Test-Rcpt"])


def text_of(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def csv_rows(msg: EmailMessage) -> list[dict[str, str]]:
    """The CSV attachment opened as Finnish Excel's "CSV UTF-8" would be."""
    (part,) = [p for p in msg.iter_attachments() if p.get_content_type() == "text/csv"]
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               dialect=FinnishExcel))


def token_in(msg: EmailMessage) -> str:
    found = re.search(r"VAHVISTA-[A-Z2-9]{8}", str(msg["Subject"]))
    assert found is not None
    return found.group(0)


@pytest.fixture
def network(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[Network]:
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        for args in (["days", "add", DAY, "--date", DAY, "--place", "Kuntatalo, Helsinki"],
                     ["days", "add", FOLLOW_UP, "--date", FOLLOW_UP, "--place", "Omnia, Espoo",
                      "--follow-up", "--cost", "Asiantuntijapalkkio=1200",
                      "--cost", "Tarjoilut=450,50"]):
            assert main(["--config", str(config), *args, "--start", "10:00",
                         "--end", "16:00"]) == 0
        net = Network(dovecot, smtp, config)
        for i, (address, name, org, title) in enumerate(PEOPLE):
            net.deliver(signup_mail(address, name, org, title, net.now, f"<s{i}@x.test>"))
        for i, address in enumerate(SUBSCRIBERS):
            net.deliver(plain_mail(address, "", "LÄHETÄ", "LÄHETÄ\n", net.now, f"<i{i}@x.test>"))
        net.deliver(plain_mail("maija.mallikas@omnia.test", "Maija Mallikas",
                               "Kysymys jatkosta", "Mitä jatkotyöskentely maksaa meille?",
                               net.now, "<q1@omnia.test>"))
        net.deliver(plain_mail("kaisa.koskinen@keuda.test", "Kaisa Koskinen",
                               "Pysäköinti", "Onko Kuntatalolla pysäköintiä?", net.now,
                               "<q2@keuda.test>"))
        net.tick()
        yield net


def items(net: Network) -> dict[str, AttentionItem]:
    with net.state() as store:
        return {i.message_key.strip("<>"): i for i in store.all(AttentionItem)}


def test_people_and_costs_come_as_csv_that_finnish_excel_opens(network: Network) -> None:
    (answer,) = network.command("OSALLISTUJAT Omnia")
    assert rcpt(answer) == VETAJA
    assert answer["In-Reply-To"] == "<cmd-1@example.org>"
    rows = csv_rows(answer)
    assert {row["osoite"] for row in rows} == {p[0] for p in PEOPLE if p[2] == "Omnia"}
    assert {row["tila"] for row in rows} == {"ilmoittautunut", "jonossa #1"}

    (answer,) = network.command("Re: kustannukset 20.1.")
    rows = csv_rows(answer)
    assert [r["Organisaatio"] for r in rows] == ["Keuda", "Omnia", "Yhteensä"]
    assert rows[-1]["Osuus (€)"] == "1650,50"
    assert "Kustannukset yhteensä 1 650,50 €" in " ".join(text_of(answer).split())


def test_an_announcement_is_previewed_confirmed_and_sent_once(network: Network) -> None:
    (preview,) = network.command("TIEDOTE Joulun verkostopäivä",
                                 "Tervetuloa 9.12. Kuntatalolle!\n\nTerveisin\nVetäjä")
    assert rcpt(preview) == VETAJA
    assert "lähtee 2 vastaanottajalle" in text_of(preview)
    assert "Tervetuloa 9.12. Kuntatalolle!" in text_of(preview)
    token = token_in(preview)

    sent = network.command(f"Re: {preview['Subject']}", f"Kyllä\n\n{token}",
                           in_reply_to=str(preview["Message-ID"]))
    sent += network.tick(1)  # the outbox's throttle: one a second at 60 a minute
    announcements = [m for m in sent if m["Subject"] == "Joulun verkostopäivä"]
    assert sorted(rcpt(m) for m in announcements) == SUBSCRIBERS
    assert "Tervetuloa 9.12. Kuntatalolle!" in text_of(announcements[0])
    (done,) = [m for m in sent if rcpt(m) == VETAJA]
    assert "on jonossa 2 vastaanottajalle" in " ".join(text_of(done).split())

    replayed = network.command(f"Re: {preview['Subject']}", f"Kyllä\n\n{token}")
    replayed += network.tick(1)
    assert [rcpt(m) for m in replayed] == [VETAJA]  # "already used", to her alone
    assert "jo käytetty" in text_of(replayed[0])


def test_items_are_handled_by_a_reference_and_by_a_cc_answer(network: Network) -> None:
    waiting = items(network)
    ref = item_ref(waiting["q1@omnia.test"].id)
    (answer,) = network.command(f"KÄSITELTY {ref}")
    assert "Käsitellyiksi merkitty" in text_of(answer)
    assert items(network)["q1@omnia.test"].handled
    assert not items(network)["q2@keuda.test"].handled

    sent = network.command("Re: Pysäköinti", "Hei Kaisa, pysäköinti on P-Kuntatalossa.",
                           to="kaisa.koskinen@keuda.test", cc=NETWORK,
                           in_reply_to="<q2@keuda.test>")
    assert sent == []  # her answer gets no answer, and nobody else hears of it
    assert items(network)["q2@keuda.test"].handled

    network.now = network.now.replace(hour=7) + timedelta(days=1)
    digests = [m for m in network.tick(60) if "kooste" in str(m["Subject"]).lower()]
    assert sorted(rcpt(m) for m in digests) == sorted([VETAJA, TOINEN])
    text = " ".join(text_of(digests[0]).split())
    assert "TEHDYT MUUTOKSET (2)" in text
    assert f"käsitellyiksi merkittiin {ref}" in text
    assert "vastaus henkilölle; käsitelty: kaisa.koskinen@keuda.test" in text


def snapshot(net: Network) -> tuple[object, ...]:
    """What the network holds, besides the log of commands and the tokens waiting."""
    with net.state() as store:
        return (sorted(map(repr, store.all(Person))), sorted(map(repr, store.all(NetworkDay))),
                sorted(map(repr, store.all(AttentionItem))),
                sorted(map(repr, store.all(InterestSubscription))))


FORGED = ["OSALLISTUJAT", "KUSTANNUKSET 20.1.", "PÄIVÄT", "TIEDOTE Hyökkäys\n\nKlikkaa tästä",
          "KUTSU forger@evil.test 9.12.", "KÄSITELTY {ref}", "TARJOA ville.virtanen@omnia.test",
          "UUDELLEEN maija.mallikas@omnia.test", "POISTA maija.mallikas@omnia.test",
          "PERU 9.12.", "APUA"]


def test_a_forged_from_changes_nothing_and_the_forger_receives_nothing(
        network: Network) -> None:
    ref = item_ref(items(network)["q1@omnia.test"].id)
    before = snapshot(network)
    for line in FORGED:
        subject, _, body = line.format(ref=ref).partition("\n\n")
        sent = network.command(subject, body, vouched=False, reply_to=FORGER,
                               cc=FORGER)
        assert all(rcpt(m) == VETAJA for m in sent), line  # to the configured address only
        assert all(FORGER not in text_of(m) or "KUTSU" in line for m in sent)
    assert snapshot(network) == before
    assert not [m for m in network.received if FORGER in rcpt(m)]
    # the real facilitator got confirmation requests, or the help and why (a command that
    # could not be carried out, e.g. a retry of an address that never bounced)
    subjects = [str(m["Subject"]) for m in network.received if rcpt(m) == VETAJA]
    assert len(subjects) == len(FORGED)
    assert all(s.startswith(("Vahvista:", "Ohje:", "Komentoa ei tehty")) for s in subjects)
    assert sum(s.startswith("Vahvista:") for s in subjects) >= len(FORGED) - 2


def test_a_command_word_from_anyone_else_is_a_persons_mail(network: Network) -> None:
    sent = network.command("OSALLISTUJAT Omnia", "Saisinko listan?",
                           sender="olli.opettaja@omnia.test")
    assert [rcpt(m) for m in sent] == ["olli.opettaja@omnia.test"]
    assert not list(sent[0].iter_attachments())  # an acknowledgement, not the list
    assert not items(network)[f"cmd-{network.count}@example.org"].handled
    with network.state() as store:
        assert not [e for e in store.all(CommandEntry) if e.by == "olli.opettaja@omnia.test"]
