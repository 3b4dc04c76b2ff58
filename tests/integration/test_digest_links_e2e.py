"""The digest's links carried out end to end, on a real Dovecot (IMAP in) and aiosmtpd.

People's mail makes two attention items, a sign-up over the organisation's cap waits in
the queue, and two addresses bounce. The next morning's digest reaches the facilitator
over SMTP; the test takes each link from that digest's HTML as Chromium resolves it (or,
without Chromium, as Python's HTML parser reads the href: ``LINKS_READ_BY`` says which),
writes the mail the link prepares as her client would, adds our server's
Authentication-Results (she is vouched for) and delivers it to the network's mailbox:

- *mark handled* marks that item handled;
- *reply to the person* goes to the person with the network in Cc: the network's copy
  marks the item handled by the answer alone, and nothing automatic goes to anyone;
- *offer a place* gives the waitlisted person a place, and they get the place_offered mail;
- *retry* clears the bounced flag;
- *remove* asks her to confirm first, and forgets the person after her confirming reply
  (after which the store file names them nowhere).

The digest after that lists every one of these under "Tehdyt muutokset".
"""

from __future__ import annotations

import html.parser
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from mailflow.config.loader import load_settings
from mailflow.core.commands import item_ref
from mailflow.core.model import AttentionItem, Person
from mailflow.core.writing.mailto import Mailto, read_mailto
from tests.browser import BrowserUnavailableError, open_html
from tests.digest_sample import mail_from_link
from tests.dovecot import Dovecot
from tests.factories import plain_mail, signup_mail
from tests.integration.test_facilitator_commands import (
    CONFIG,
    NETWORK,
    TOINEN,
    VETAJA,
    VOUCHED,
    Network,
    rcpt,
    text_of,
    token_in,
)
from tests.loopback import loopback_config

pytestmark = pytest.mark.dovecot

DATA = Path(__file__).resolve().parents[1] / "data"
PEOPLE = [("maija.mallikas@omnia.test", "Maija Mallikas", "Omnia", "rehtori"),
          ("olli.opettaja@omnia.test", "Olli Opettaja", "Omnia", "opettaja"),
          ("ville.virtanen@omnia.test", "Ville Virtanen", "Omnia", "koulutuspäällikkö"),
          ("kaisa.koskinen@keuda.test", "Kaisa Koskinen", "Keuda", "tiiminvetäjä"),
          ("teemu.tuominen@keuda.test", "Teemu Tuominen", "Keuda", "opettaja")]
WAITING = "ville.virtanen@omnia.test"  # Omnia's third: over the cap of 2
RETRIED = "olli.opettaja@omnia.test"
REMOVED = "teemu.tuominen@keuda.test"
#: "chromium" when the links were read by headless Chromium, else "html.parser"
LINKS_READ_BY: list[str] = []


class _Hrefs(html.parser.HTMLParser):
    """Every ``<a href>`` of a page, its entities decoded (what a browser's href holds
    before it resolves it; a mailto URL resolves to itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(page: str) -> list[str]:
    """The mailto links of an HTML page: as Chromium resolves them, else as parsed."""
    try:
        with open_html(page) as browser:
            hrefs = browser.eval_on_selector_all("a[href^='mailto:']",
                                                 "els => els.map(a => a.href)")
        LINKS_READ_BY.append("chromium")
    except BrowserUnavailableError:
        parser = _Hrefs()
        parser.feed(page)
        hrefs = [h for h in parser.hrefs if h.startswith("mailto:")]
        LINKS_READ_BY.append("html.parser")
    assert isinstance(hrefs, list)
    return [str(h) for h in hrefs]


def html_of(msg: EmailMessage) -> str:
    body = msg.get_body(("html",))
    assert body is not None
    return str(body.get_content())


def bounce_of(address: str) -> bytes:
    """An Exim bounce of the network's mail to ``address``."""
    raw = (DATA / "robot_exim_failed.eml").read_bytes()
    local = address.partition("@")[0].encode()
    return raw.replace(b"pekka.korhonen@stadi.test", address.encode()).replace(
        b"E1kT9xY-0003Qe-7B", b"E1kT9xY-" + local)


@pytest.fixture
def network(dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[Network]:
    """Five sign-ups (one waits in Omnia's queue), two questions, and two bounces."""
    with loopback_config(CONFIG, dovecot, tmp_path, monkeypatch) as (config, smtp):
        net = Network(dovecot, smtp, config)
        for i, (address, name, org, title) in enumerate(PEOPLE):
            net.deliver(signup_mail(address, name, org, title, net.now, f"<s{i}@x.test>"))
        net.deliver(plain_mail("maija.mallikas@omnia.test", "Maija Mallikas",
                               "Kysymys jatkosta", "Mitä jatkotyöskentely maksaa meille?",
                               net.now, "<q1@omnia.test>"))
        net.deliver(plain_mail("kaisa.koskinen@keuda.test", "Kaisa Koskinen",
                               "Pysäköinti", "Onko Kuntatalolla pysäköintiä?", net.now,
                               "<q2@keuda.test>"))
        net.tick()
        for address in (RETRIED, REMOVED):
            net.deliver(bounce_of(address))
        net.tick()
        yield net


def people(net: Network) -> dict[str, Person]:
    with net.state() as store:
        return {p.address: p for p in store.all(Person)}


def items(net: Network) -> dict[str, AttentionItem]:
    with net.state() as store:
        return {i.message_key.strip("<>"): i for i in store.all(AttentionItem)}


def send(net: Network, url: str) -> list[EmailMessage]:
    """The mail ``url`` prepares, sent by the facilitator (our server vouches for her) to
    the network's mailbox, and the pass after it: what the pass sent."""
    net.count += 1
    mail = mail_from_link(url, f"Verkoston vetäjä <{VETAJA}>", net.now)
    mail["Authentication-Results"] = VOUCHED
    mail.replace_header("Message-ID", f"<link-{net.count}@example.org>")
    net.deliver(bytes(mail))
    return net.tick()


def confirm(net: Network, request: EmailMessage) -> list[EmailMessage]:
    """Her reply to a confirmation request, with its token."""
    net.count += 1
    mail = EmailMessage()
    mail["Authentication-Results"] = VOUCHED
    mail["From"], mail["To"] = VETAJA, NETWORK
    mail["Subject"] = f"Re: {request['Subject']}"
    mail["Date"] = format_datetime(net.now)
    mail["Message-ID"] = f"<confirm-{net.count}@example.org>"
    mail["In-Reply-To"] = str(request["Message-ID"])
    mail.set_content(f"Kyllä\n\n{token_in(request)}\n")
    net.deliver(bytes(mail))
    return net.tick()


def next_digest(net: Network) -> EmailMessage:
    """Tomorrow's digest, as the first facilitator receives it."""
    net.now = net.now.replace(hour=7, minute=0) + timedelta(days=1)
    sent = net.tick(60)
    digests = [m for m in sent if "kooste" in str(m["Subject"]).lower()]
    assert sorted(rcpt(m) for m in digests) == sorted([VETAJA, TOINEN])
    return next(m for m in digests if rcpt(m) == VETAJA)


def store_text(net: Network) -> str:
    """Every file of the store (the main file, its journal and kept generations), raw."""
    main = Path(load_settings(net.config).store.path)
    return "".join(f.read_text(encoding="utf-8", errors="replace").lower()
                   for f in sorted(main.parent.glob(main.name + "*")) if f.is_file())


def pick(links: dict[str, Mailto], *, to: str = NETWORK, subject: str = "") -> str:
    """The URL of the one link to ``to`` whose subject is ``subject`` (any, when empty)."""
    found = [url for url, m in links.items()
             if m.to == (to,) and (not subject or m.subject == subject)]
    assert len(found) == 1, (to, subject, links)
    return found[0]


def test_every_link_of_the_digest_does_what_it_says(network: Network) -> None:
    assert people(network)[WAITING].status == "waitlisted"
    assert people(network)[RETRIED].failing
    assert people(network)[REMOVED].failing
    waiting = items(network)
    q1, q2 = waiting["q1@omnia.test"], waiting["q2@keuda.test"]

    digest = next_digest(network)
    links = {url: read_mailto(url) for url in links_of(html_of(digest))}
    assert sorted(m.subject for m in links.values() if m.to == (NETWORK,) and m.subject) == \
        sorted([f"KÄSITELTY {item_ref(q1.id)}", f"KÄSITELTY {item_ref(q2.id)}",
                f"TARJOA {WAITING}", f"UUDELLEEN {RETRIED}", f"POISTA {RETRIED}",
                f"UUDELLEEN {REMOVED}", f"POISTA {REMOVED}"])

    # mark handled: q1 handled, q2 still open
    (done,) = send(network, pick(links, subject=f"KÄSITELTY {item_ref(q1.id)}"))
    assert rcpt(done) == VETAJA
    assert items(network)["q1@omnia.test"].handled
    assert not items(network)["q2@keuda.test"].handled

    # reply to the person: addressed to Kaisa, the network in Cc, her question quoted;
    # the network's copy handles the item, and nobody gets anything automatic
    reply_url = pick(links, to="kaisa.koskinen@keuda.test")
    reply = links[reply_url]
    assert reply.cc == (NETWORK,)
    assert reply.subject == "Re: Pysäköinti"
    assert "> Onko Kuntatalolla pysäköintiä?" in reply.body
    assert send(network, reply_url) == []
    assert items(network)["q2@keuda.test"].handled

    # offer a place: Ville is in, and hears it
    sent = send(network, pick(links, subject=f"TARJOA {WAITING}"))
    assert sorted(rcpt(m) for m in sent) == sorted([VETAJA, WAITING])
    offered = next(m for m in sent if rcpt(m) == WAITING)
    assert "vapautui paikka" in text_of(offered)
    assert people(network)[WAITING].status == "registered"

    # retry: the address is no longer taken for a bounced one
    (done,) = send(network, pick(links, subject=f"UUDELLEEN {RETRIED}"))
    assert rcpt(done) == VETAJA
    assert not people(network)[RETRIED].failing

    # remove: a confirmation first (nothing removed yet), then her reply removes
    (ask,) = send(network, pick(links, subject=f"POISTA {REMOVED}"))
    assert rcpt(ask) == VETAJA
    assert str(ask["Subject"]).startswith("Vahvista:")
    assert REMOVED in people(network)
    (done,) = confirm(network, ask)
    assert rcpt(done) == VETAJA
    assert REMOVED not in people(network)
    assert REMOVED not in store_text(network)

    text = " ".join(text_of(next_digest(network)).split())
    assert "TEHDYT MUUTOKSET (5)" in text
    assert f"käsitellyiksi merkittiin {item_ref(q1.id)}" in text
    assert "vastaus henkilölle; käsitelty: kaisa.koskinen@keuda.test" in text
    assert f"{WAITING} sai paikan jonosta" in text
    assert f"osoitteeseen {RETRIED} lähetetään taas" in text
    assert "yhden henkilön tiedot poistettiin" in text
    assert REMOVED not in text
    assert LINKS_READ_BY  # which reader took the links: see the report of the run
