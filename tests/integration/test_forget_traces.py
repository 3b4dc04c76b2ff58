"""Forgetting a person leaves no trace of their address anywhere in the store's files.

On a real Dovecot and aiosmtpd: a person signs up and asks a question; the facilitator
answers them with the network in Cc (the command log), names them in a command that is
refused (its answer's subject, kept in the outbox), in a forged POISTA (a token waiting
for her, naming them) and in a list she asks for; another person's mail names them too.
Then the person is forgotten, by her confirmed POISTA or by ``mailflow forget``, and the
raw text of every file of the store (the main JSON file, its journal) is searched for the
address, whatever the case.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.core.model import CommandEntry, Person
from tests.dovecot import Dovecot
from tests.factories import plain_mail, signup_mail
from tests.integration.test_facilitator_commands import (
    CONFIG,
    NETWORK,
    VETAJA,
    Network,
    rcpt,
    token_in,
)
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

GONE = "Teemu.Tuominen@keuda.test"  # as he wrote it; kept in lower case
OTHER = "kaisa.koskinen@keuda.test"


@pytest.fixture
def network(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[Network]:
    """Teemu signed up, asked, was answered and named in the facilitator's commands."""
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        assert main(["--config", str(config), "days", "add", "2026-12-09", "--date",
                     "2026-12-09", "--start", "10:00", "--end", "16:00", "--place",
                     "Kuntatalo, Helsinki"]) == 0
        net = Network(dovecot, smtp, config)
        net.deliver(signup_mail(GONE, "Teemu Tuominen", "Keuda", "opettaja", net.now,
                                "<s1@keuda.test>"))
        net.deliver(signup_mail(OTHER, "Kaisa Koskinen", "Keuda", "tiiminvetäjä", net.now,
                                "<s2@keuda.test>"))
        net.deliver(plain_mail(GONE, "Teemu Tuominen", "Pysäköinti",
                               "Onko Kuntatalolla pysäköintiä?", net.now, "<q1@keuda.test>"))
        net.deliver(plain_mail(OTHER, "Kaisa Koskinen", f"Teemu ({GONE}) sairastui",
                               f"Hei, Teemu {GONE} on sairas. Kuka tulee tilalle?", net.now,
                               "<q2@keuda.test>"))
        net.tick()
        net.command("Re: Pysäköinti", "Hei Teemu, pysäköinti on P-Kuntatalossa.",
                    to=GONE, cc=NETWORK, in_reply_to="<q1@keuda.test>")
        (refused,) = net.command(f"UUDELLEEN {GONE}")  # his mail never bounced
        assert GONE.lower() in str(refused["Subject"]).lower()
        (asked,) = net.command(f"POISTA {GONE}", vouched=False)  # forged, never confirmed
        assert rcpt(asked) == VETAJA
        net.command("OSALLISTUJAT Keuda")
        yield net


def store_text(net: Network) -> str:
    """Every file of the store (the main file, its journal and kept generations), raw."""
    main_file = Path(load_settings(net.config).store.path)
    return "".join(f.read_text(encoding="utf-8", errors="replace").lower()
                   for f in sorted(main_file.parent.glob(main_file.name + "*"))
                   if f.is_file())


def test_her_confirmed_remove_leaves_no_trace(network: Network) -> None:
    assert GONE.lower() in store_text(network)
    (ask,) = network.command(f"POISTA {GONE}")
    (done,) = network.command(f"Re: {ask['Subject']}", f"Kyllä\n\n{token_in(ask)}",
                              in_reply_to=str(ask["Message-ID"]))
    assert rcpt(done) == VETAJA
    assert GONE.lower() not in store_text(network)
    with network.state() as store:
        assert OTHER in {p.address for p in store.all(Person)}
        assert {e.verb for e in store.all(CommandEntry)} >= {"answer", "retry", "remove"}


def test_mailflow_forget_leaves_no_trace(network: Network) -> None:
    assert main(["--config", str(network.config), "forget", GONE]) == 0
    assert [line for line in store_text(network).splitlines() if GONE.lower() in line] == []
    assert OTHER in store_text(network)
