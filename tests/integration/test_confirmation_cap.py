"""A forger cannot flood the facilitator with confirmation requests, on Dovecot and aiosmtpd.

Mail forged in her name gets her a ``VAHVISTA`` request (the forger receives nothing), so
a forger could make the network mail her without end. At most
``MAX_CONFIRMATIONS_PER_DAY`` (10) requests for unvouched mail go to one facilitator
address in any 24 hours, however many arrive in one pass or over the day; the rest are
logged and listed in the next digest, unanswered. Her own vouched commands are never held
back, and the next day she can be asked again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from mailflow.cli.main import main
from mailflow.core.commands.session import MAX_CONFIRMATIONS_PER_DAY
from mailflow.core.model import CommandEntry, PendingAction
from tests.dovecot import Dovecot
from tests.integration.test_facilitator_commands import (
    CONFIG,
    NETWORK,
    REFUSED,
    TOINEN,
    VETAJA,
    Network,
    rcpt,
    text_of,
)
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

FORGER = "forger@evil.test"
FLOOD = 12  # forged commands in one pass: two over the cap


@pytest.fixture
def network(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[Network]:
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        assert main(["--config", str(config), "days", "add", "2026-12-09", "--date",
                     "2026-12-09", "--start", "10:00", "--end", "16:00", "--place",
                     "Kuntatalo, Helsinki"]) == 0
        yield Network(dovecot, smtp, config)


def forged(net: Network, n: int, subject: str = "PÄIVÄT") -> bytes:
    """A forged "PÄIVÄT" in her name: our server says DMARC failed."""
    mail = EmailMessage()
    mail["Authentication-Results"] = REFUSED
    mail["From"], mail["To"], mail["Reply-To"] = VETAJA, NETWORK, FORGER
    mail["Subject"] = f"{subject} {n}"
    mail["Date"] = format_datetime(net.now)
    mail["Message-ID"] = f"<flood-{n}@evil.test>"
    mail.set_content("Lähetä lista\n")
    return bytes(mail)


def requests_to(sent: list[EmailMessage], address: str) -> list[EmailMessage]:
    return [m for m in sent if rcpt(m) == address and str(m["Subject"]).startswith("Vahvista")]


def test_at_most_ten_confirmation_requests_a_day_reach_her(network: Network) -> None:
    assert MAX_CONFIRMATIONS_PER_DAY == 10
    for n in range(FLOOD):  # all in one pass
        network.deliver(forged(network, n))
    sent = network.tick()
    assert len(requests_to(sent, VETAJA)) == MAX_CONFIRMATIONS_PER_DAY
    assert all(rcpt(m) == VETAJA for m in sent)  # the forger gets nothing
    network.deliver(forged(network, FLOOD))  # a later pass the same day
    assert network.tick(120) == []
    with network.state() as store:
        assert len(store.all(PendingAction)) == MAX_CONFIRMATIONS_PER_DAY
        capped = [e for e in store.all(CommandEntry) if e.outcome == "capped"]
    assert len(capped) == FLOOD + 1 - MAX_CONFIRMATIONS_PER_DAY

    # her own vouched command still runs (an always-confirmed one still asks her)
    (answer,) = network.command("PÄIVÄT")
    assert str(answer["Subject"]).startswith("Verkostopäivät")
    (ask,) = network.command("PERU 9.12.")
    assert str(ask["Subject"]).startswith("Vahvista:")

    # the next morning's digest lists the ones held back, to both facilitators
    network.now = network.now.replace(hour=7, minute=0) + timedelta(days=1)
    digests = [m for m in network.tick(60) if "kooste" in str(m["Subject"]).lower()]
    assert sorted(rcpt(m) for m in digests) == sorted([VETAJA, TOINEN])
    text = " ".join(text_of(digests[0]).split())
    assert text.count("ei lähetetty vahvistuspyyntöä") == len(capped)
    assert "vuorokauden raja (10 pyyntöä) oli täynnä" in text

    # a day after the flood, a forged command asks her again
    network.now += timedelta(hours=3)
    network.deliver(forged(network, FLOOD + 1))
    assert len(requests_to(network.tick(), VETAJA)) == 1


def test_the_cap_is_per_facilitator(network: Network) -> None:
    for n in range(MAX_CONFIRMATIONS_PER_DAY):
        network.deliver(forged(network, n))
    network.tick()
    mail = EmailMessage()
    mail["Authentication-Results"] = REFUSED
    mail["From"], mail["To"], mail["Subject"] = TOINEN, NETWORK, "PÄIVÄT"
    mail["Date"], mail["Message-ID"] = format_datetime(network.now), "<other@evil.test>"
    mail.set_content("x\n")
    network.deliver(bytes(mail))
    assert [rcpt(m) for m in requests_to(network.tick(), TOINEN)] == [TOINEN]


def test_forged_mail_without_a_command_gets_at_most_the_daily_cap_of_help(network: Network
                                                                         ) -> None:
    """Help for mail our server did not vouch for counts against the daily cap of automatic
    answers to one address (outbox.max_auto_replies_per_day, 5 by default)."""
    for n in range(8):
        network.deliver(forged(network, n, "Hei vaan"))
    sent = network.tick()
    helps = [m for m in sent if rcpt(m) == VETAJA]
    assert len(helps) == 5
    assert all(rcpt(m) == VETAJA for m in sent)  # the forger gets nothing
