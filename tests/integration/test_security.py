"""Attacks on the real pipeline: ``run_tick`` on a Maildir with a file outbox (or SMTP to a
loopback aiosmtpd), and ``mailflow tick`` as a subprocess where memory or output matters.

Each test plays one attack a stranger (or a badly made robot) can mount by mail and checks
what a user would check: the store, the mails that went out, the folders, the logs.
"""

from __future__ import annotations

import mailbox
import os
import re
import socket
import stat
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session

from mailflow.adapters.store import Store
from mailflow.config.loader import load_settings
from mailflow.core.languages.reasons import reason_text
from mailflow.core.model import AttentionItem, OutgoingMail, PendingAction, Person, ProcessedMessage
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import Services, TickReport, run_tick
from tests.mailgen import signup

NOW = datetime(2026, 11, 2, 8, tzinfo=UTC)  # 10.00 in Helsinki
NETWORK = "verkosto@example.org"
FACILITATOR = "vetaja@example.org"

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = {max_per_org}
[mailbox]
path = "{root}/mail"
handle_since = "2026-01-01T00:00:00+02:00"
max_message_bytes = {max_bytes}
[outbox]
path = "{root}/outbox"
max_auto_replies_per_day = {cap}
{outbox}
[store]
path = "{root}/mailflow.json"
{extra}
[[organisations]]
name = "Omnia"
domains = ["omnia.test"]
[[organisations]]
name = "Stadin ammatti- ja aikuisopisto"
aliases = ["Stadi"]
domains = ["stadi.test"]
"""


@dataclass
class Network:
    """One mailflow installation in a temporary folder: Maildir in, .eml files out."""

    root: Path
    config: Path
    services: Services
    seen_outbox: set[str] = field(default_factory=set)

    @property
    def maildir(self) -> Path:
        return self.root / "mail"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def store_path(self) -> Path:
        return self.root / "mailflow.json"

    def deliver(self, *raws: bytes) -> None:
        box = mailbox.Maildir(str(self.maildir), create=True)
        for raw in raws:
            box.add(raw)

    def tick(self, now: datetime = NOW) -> TickReport:
        return run_tick(self.services, now)

    def store(self) -> Store:
        return self.services.open_store()

    def new_mails(self) -> list[EmailMessage]:
        """Outbox files written since the last call, parsed as a recipient's client would."""
        fresh = sorted(p for p in self.outbox.glob("*.eml") if p.name not in self.seen_outbox)
        self.seen_outbox.update(p.name for p in fresh)
        return [_parse(p.read_bytes()) for p in fresh]

    def folder(self, name: str) -> list[Path]:
        base = self.maildir / f".{name}" if name else self.maildir
        return [p for sub in ("new", "cur") if (base / sub).is_dir() for p in (base / sub).iterdir()]


def make_network(root: Path, *, cap: int = 5, max_per_org: int = 4, max_bytes: int = 10 << 20,
                 outbox: str = "", extra: str = "") -> Network:
    root.mkdir(parents=True, exist_ok=True)
    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(root=root, cap=cap, max_per_org=max_per_org,
                                    max_bytes=max_bytes, outbox=outbox, extra=extra))
    for sub in ("tmp", "new", "cur"):
        (root / "mail" / sub).mkdir(parents=True, exist_ok=True)
    return Network(root, config, build_services(load_settings(config)))


@pytest.fixture
def network(tmp_path: Path) -> Network:
    return make_network(tmp_path / "net")


def _parse(raw: bytes) -> EmailMessage:
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def mail(sender: str, subject: str, body: str, *, name: str = "", message_id: str = "",
         headers: dict[str, str] | None = None, when: datetime = NOW) -> bytes:
    """A plain mail to the network, as an ordinary client writes it."""
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>" if name else sender
    msg["To"] = NETWORK
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id or f"<{abs(hash((sender, subject, body)))}@{sender.split('@')[1]}>"
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    return bytes(msg)


def raw_mail(head: str, body: str | bytes) -> bytes:
    """A mail written byte by byte (for headers no well-behaved library would write)."""
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    return head.strip("\n").replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n" + data


def text_of(msg: EmailMessage, kind: str = "plain") -> str:
    part = msg.get_body((kind,))
    assert part is not None, f"no text/{kind} part"
    content = part.get_content()
    assert isinstance(content, str)
    return content


def people(net: Network) -> dict[str, Person]:
    with net.store() as store:
        return {p.address: p for p in store.all(Person)}


# -- 1. a forged From cannot change a registration ------------------------------------------
MAIJA = "henkilo0@omnia.test"  # signup(0) registers her


def test_a_forged_cancellation_waits_for_a_token_only_the_registered_address_receives(
    network: Network,
) -> None:
    network.deliver(signup(0))
    network.tick()
    before = people(network)
    assert before[MAIJA].status == "registered"
    network.new_mails()

    # A stranger writes as Maija, asks for answers elsewhere, and copies himself.
    forged = mail(MAIJA, "Peruutus", "Hei,\n\nperuutan ilmoittautumiseni verkostoon.\n",
                  name="Maija", message_id="<forged-1@evil.test>",
                  headers={"Reply-To": "attacker@evil.test", "Cc": "attacker@evil.test"})
    network.deliver(forged)
    network.tick(NOW + timedelta(minutes=5))

    assert people(network) == before  # nothing about her changed
    [request] = network.new_mails()
    assert [a.addr_spec for a in request["To"].addresses] == [MAIJA]
    assert request["Cc"] is None
    assert request["Bcc"] is None
    token = re.search(r"VAHVISTA-[A-Z2-9]{8}", text_of(request))
    assert token is not None
    with network.store() as store:
        [pending] = store.all(PendingAction)
    assert (pending.token, pending.address, pending.done) == (token.group(0), MAIJA, False)

    # The attacker guesses or learns the token and sends it from his own address.
    network.deliver(mail("attacker@evil.test", "Re: Vahvista", f"{token.group(0)}\n",
                         message_id="<forged-2@evil.test>"))
    network.tick(NOW + timedelta(minutes=10))
    assert people(network) == before
    for answer in network.new_mails():  # at most an acknowledgement, never the token
        assert token.group(0) not in text_of(answer)
    with network.store() as store:
        reasons = [reason_text(a.reasons, "en") for a in store.all(AttentionItem)]
        assert not store.all(PendingAction)[0].done
    assert any("wrong address" in r for r in reasons)

    # (Whoever can both read Maija's mail and forge her From can confirm: the design's
    # accepted limit, since the token never leaves her inbox.)
    # Maija herself confirms: now it applies.
    network.deliver(mail(MAIJA, "Re: Vahvista muutos", f"Vahvistan: {token.group(0)}\n",
                         name="Maija", message_id="<real-1@omnia.test>"))
    network.tick(NOW + timedelta(minutes=15))
    assert people(network)[MAIJA].status == "cancelled"
    answers = network.new_mails()
    assert {a.addr_spec for m in answers for a in m["To"].addresses} == {MAIJA}


def test_a_forged_correction_and_forget_request_change_nothing_until_confirmed(
    network: Network,
) -> None:
    network.deliver(signup(0))
    network.tick()
    before = people(network)
    network.new_mails()
    network.deliver(
        mail(MAIJA, "Korjaus", "Hei, korjatkaa nimeni: Nimi: Hyökkääjä Hakkeri\n",
             message_id="<forged-3@evil.test>", headers={"Reply-To": "attacker@evil.test"}),
        mail(MAIJA, "Poista tietoni", "Poistakaa kaikki tietoni rekisteristänne.\n",
             message_id="<forged-4@evil.test>", headers={"Reply-To": "attacker@evil.test"}),
    )
    network.tick(NOW + timedelta(minutes=5))
    assert people(network) == before
    sent = network.new_mails()
    assert sent, "each forged change asks the registered address"
    assert {a.addr_spec for m in sent for a in m["To"].addresses} == {MAIJA}
    with network.store() as store:
        assert store.count(PendingAction) >= 1


# -- 2. header injection -----------------------------------------------------------------
INJECTIONS = [
    "=?utf-8?q?x=0D=0ABcc:_evil@evil.test?=",
    "=?utf-8?b?" + "eA0KQmNjOiBldmlsQGV2aWwudGVzdA==" + "?=",  # "x\r\nBcc: evil@evil.test"
    "Maija =?utf-8?q?=0ATo:_evil@evil.test=0A?= Mallikas",
    "=?utf-8?q?x=0D=0A=0D=0A<html>body</html>?=",
]


def _injected_signups() -> list[bytes]:
    raws = []
    for n, trick in enumerate(INJECTIONS):
        raws.append(raw_mail(
            f"From: {trick} <henkilo{n}@omnia.test>\n"
            f"To: {NETWORK}\n"
            f"Subject: Ilmoittautuminen {trick}\n"
            f"Message-ID: <inject-{n}@omnia.test>\n"
            f"Date: {format_datetime(NOW)}\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8",
            "Hei,\n\nilmoittaudun mukaan verkostoon.\n\n"
            f"Nimi: Testi{n} Henkilö\r\nBcc: evil@evil.test\n"
            f"Organisaatio: Omnia\r\nBcc: evil@evil.test\nRooli: opettaja\n",
        ))
    # An organisation name carrying an encoded-word (a new organisation goes in the store).
    raws.append(raw_mail(
        f"From: Olli <olli@uusi.test>\nTo: {NETWORK}\n"
        "Subject: =?utf-8?q?Ilmoittautuminen=0D=0ACc:_evil@evil.test?=\n"
        f"Message-ID: <inject-org@uusi.test>\nDate: {format_datetime(NOW)}\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8",
        "Ilmoittaudun verkostoon.\n\nNimi: Olli Ojala\n"
        "Organisaatio: =?utf-8?q?Uusi=0D=0ABcc:_evil@evil.test?= Oy\nRooli: rehtori\n",
    ))
    return raws


INTENDED_HEADERS = {
    "from", "to", "subject", "date", "message-id", "mime-version", "content-type",
    "content-transfer-encoding", "auto-submitted", "x-auto-response-suppress", "in-reply-to",
    "references", "precedence", "reply-to", "content-language", "list-unsubscribe",
    "list-id", "x-mailflow-loop",
}


def _assert_clean(msg: EmailMessage, recipient: str) -> None:
    names = {k.lower() for k in msg}
    assert names <= INTENDED_HEADERS, names - INTENDED_HEADERS
    assert msg["Cc"] is None
    assert msg["Bcc"] is None
    tos = getaddresses(msg.get_all("To", []))
    assert [addr for _name, addr in tos] == [recipient], tos
    assert [a.addr_spec for a in msg["From"].addresses] == [NETWORK]
    for key in ("Subject", "To", "From"):
        value = str(msg[key])
        assert "\r" not in value
        assert "\n" not in value
    assert "evil.test" not in "".join(f"{k}: {v}" for k, v in msg.items() if k.lower() != "subject")


def test_header_injection_through_names_subjects_and_organisations_reaches_no_header(
    network: Network,
) -> None:
    network.deliver(*_injected_signups())
    report = network.tick()
    assert len(report.handled) == len(INJECTIONS) + 1
    sent = network.new_mails()
    for msg in sent:
        [to] = msg["To"].addresses
        _assert_clean(msg, to.addr_spec)
    assert {m["To"].addresses[0].addr_spec for m in sent} == {
        *(f"henkilo{n}@omnia.test" for n in range(len(INJECTIONS))), "olli@uusi.test"}
    with network.store() as store:
        assert not [m for m in store.all(OutgoingMail) if m.status == "failed"]
    # The digest next morning carries every name and subject: it too has only its headers.
    network.tick(NOW + timedelta(days=1))
    digests = network.new_mails()
    assert [m["To"].addresses[0].addr_spec for m in digests] == [FACILITATOR]
    _assert_clean(digests[0], FACILITATOR)


def test_a_from_display_name_with_an_encoded_colon_keeps_the_real_address(
    network: Network,
) -> None:
    network.deliver(*_injected_signups()[:1])
    [handled] = network.tick().handled
    assert handled.sender == "henkilo0@omnia.test"


class _Collecting:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.received.append((str(envelope.mail_from), list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Any]]:
    handler = _Collecting()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, handler
    controller.stop()


def test_injected_headers_add_no_smtp_recipient(tmp_path: Path,
                                                smtp_server: tuple[int, Any]) -> None:
    port, handler = smtp_server
    net = make_network(tmp_path / "net", outbox='kind = "smtp"', extra=(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\ntimeout_seconds = 5\n'))
    net.deliver(*_injected_signups())
    report = net.tick()
    assert not report.failed
    assert len(handler.received) == len(report.sent) == len(INJECTIONS) + 1
    for mail_from, rcpts, content in handler.received:
        assert mail_from == NETWORK
        assert len(rcpts) == 1
        assert "evil" not in rcpts[0]
        _assert_clean(_parse(content), rcpts[0])


# -- 3. HTML and template syntax in user text ------------------------------------------------
SCRIPT = "<script>alert('x')</script>"
TEMPLATE_TRICKS = ["{{ 7*7 }}", "{% for x in range(3) %}LOOP{% endfor %}", "${7*7}", "{{ config }}"]


def test_html_and_template_syntax_from_mail_is_shown_literally_and_escaped(
    network: Network,
) -> None:
    network.deliver(
        raw_mail(
            f"From: =?utf-8?q?{SCRIPT.replace(' ', '_')}?= <henkilo7@omnia.test>\nTo: {NETWORK}\n"
            f"Subject: Ilmoittautuminen <b>bold</b> {{{{ 7*7 }}}}\nMessage-ID: <html-1@omnia.test>\n"
            f"Date: {format_datetime(NOW)}\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8",
            "Hei,\n\nilmoittaudun mukaan verkostoon.\n\n"
            "Nimi: Maija {{ 7*7 }} <img src=x onerror=alert(1)>\n"
            "Organisaatio: Omnia\nRooli: opettaja\n",
        ),
        mail("kysyja@stadi.test", f"Kysymys {SCRIPT}",
             "Hei,\n\nmitä tämä tarkoittaa: " + " ".join(TEMPLATE_TRICKS) + f"\n{SCRIPT}\n"
             "<a href='http://evil.test/'>klikkaa</a>\n", name=f"Kysyjä {SCRIPT}"),
    )
    network.tick()
    first = network.new_mails()
    network.tick(NOW + timedelta(days=1))  # the facilitator's digest, next morning
    [digest] = network.new_mails()
    assert [a.addr_spec for a in digest["To"].addresses] == [FACILITATOR]

    html = text_of(digest, "html")
    plain = text_of(digest)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "href='http://evil.test/'" not in html
    # User text is shown as written, never evaluated.
    assert "{{ 7*7 }}" in plain
    assert "{% for x in range(3) %}LOOP{% endfor %}" in plain
    assert "LOOPLOOP" not in plain + html
    # (the digest's item refs and mailto links are made by mailflow; a ref comes from the
    # item's id, which here holds a hash that changes per process, so it may hold a 49)
    shown = re.sub(r'#[a-z2-9]{6}\b|href="mailto:[^"]*"', "", plain + html)
    assert "49" not in shown
    for msg in first:  # the answers: plain text shows the text as written, HTML escapes it
        for kind in ("plain", "html"):
            body = text_of(msg, kind)
            assert "LOOPLOOP" not in body
            assert "Maija 49" not in body
        assert "<script" not in text_of(msg, "html").lower()


# -- 4. a mail bomb and a robot that answers everything ----------------------------------
@pytest.mark.slow
def test_a_mail_bomb_is_recorded_in_full_and_answers_stay_under_the_daily_cap(
    tmp_path: Path,
) -> None:
    net = make_network(tmp_path / "net", cap=5, max_per_org=4)
    one = "pommittaja@stadi.test"
    bomb = [mail(one, f"Kysymys {n}", f"Hei, milloin on seuraava tapaaminen? ({n})\n",
                 message_id=f"<bomb-{n}@stadi.test>") for n in range(1000)]
    many = [signup(n) for n in range(1000)]
    net.deliver(*bomb, *many)
    report = net.tick()

    assert len(report.handled) == 2000
    assert not net.folder(""), "nothing is left in the inbox"
    assert len(net.folder("processed")) + len(net.folder("attention")) == 2000
    with net.store() as store:
        assert store.count(ProcessedMessage) == 2000
        assert len(store.all(Person)) == 1000
        outbox = store.all(OutgoingMail)
    to_bomber = [m for m in outbox if m.to == one and m.status != "failed"]
    assert 1 <= len(to_bomber) <= 5
    assert report.capped >= 1
    assert len({m.key for m in outbox}) == len(outbox)
    # Each sign-up got exactly one answer (a confirmation or a waitlist notice).
    answered = {m.to for m in outbox if m.key.startswith("confirm:")}
    assert len(answered) == 1000

    # An hour later the bomber writes again: still within the day, still no more answers.
    net.deliver(*[mail(one, f"Uusi {n}", f"Vastatkaa! {n}\n", message_id=f"<bomb2-{n}@stadi.test>")
                  for n in range(50)])
    later = net.tick(NOW + timedelta(hours=1))
    assert len(later.handled) == 50
    assert not [m for m in later.queued if m.to == one]


ROBOT = "robotti@kone.test"
ROBOT_SCRIPT = textwrap.dedent('''
    """A badly made robot: answers every mail it gets, without any auto-reply header."""
    import mailbox, sys
    from email import message_from_bytes, policy
    from email.message import EmailMessage
    from pathlib import Path

    outbox, maildir, seen_file, robot = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    threaded = sys.argv[5] == "threaded"  # else: a new "ticket" (subject, no In-Reply-To) each time
    seen = set(seen_file.read_text().split()) if seen_file.exists() else set()
    box = mailbox.Maildir(maildir, create=False)
    answered = 0
    for path in sorted(outbox.glob("*.eml")):
        if path.name in seen:
            continue
        seen.add(path.name)
        got = message_from_bytes(path.read_bytes(), policy=policy.default)
        if robot not in str(got["To"]):
            continue
        body = got.get_body(("plain",)).get_content()
        answer = EmailMessage()
        answer["From"] = f"Palvelupyyntöjärjestelmä <{robot}>"
        answer["To"] = str(got["Reply-To"] or got["From"])
        answer["Message-ID"] = f"<answer-{len(seen)}-{path.stem}@kone.test>"
        if threaded:
            answer["Subject"] = "Re: " + str(got["Subject"])
            answer["In-Reply-To"] = str(got["Message-ID"])
        else:
            answer["Subject"] = f"Uusi palvelupyyntö #{len(seen)}: mitä haluatte tietää?"
        answer["Date"] = str(got["Date"])
        answer.set_content("Kiitos viestistäsi! Tässä viestisi vielä kerran, vastaa pian:\\n\\n"
                           + "\\n".join("> " + line for line in body.splitlines()[:20]))
        box.add(bytes(answer))
        answered += 1
    seen_file.write_text("\\n".join(sorted(seen)))
    print(answered)
''')


@pytest.mark.parametrize("style", ["threaded", "new-ticket"])
def test_a_robot_that_answers_every_mail_stops_at_the_daily_cap(tmp_path: Path, style: str,
                                                                 ) -> None:
    net = make_network(tmp_path / "net", cap=5)
    script = tmp_path / "robot.py"
    script.write_text(ROBOT_SCRIPT)
    net.deliver(mail(ROBOT, "Kysymys verkostosta", "Hei, milloin on seuraava verkostopäivä?\n",
                     message_id="<first@kone.test>"))
    robot_answers, quiet_rounds = [], 0
    for n in range(40):
        report = net.tick(NOW + timedelta(minutes=2 * n))
        done = subprocess.run(
            [sys.executable, str(script), str(net.outbox), str(net.maildir),
             str(tmp_path / "seen"), ROBOT, style],
            capture_output=True, text=True, check=True, timeout=60,
        )
        robot_answers.append(int(done.stdout))
        quiet_rounds = quiet_rounds + 1 if not report.handled and not robot_answers[-1] else 0
        if quiet_rounds >= 3:
            break
    assert quiet_rounds >= 3, f"the exchange did not end: {robot_answers}"
    with net.store() as store:
        to_robot = [m for m in store.all(OutgoingMail) if m.to == ROBOT and m.status == "sent"]
        handled = store.count(ProcessedMessage)
    assert 1 <= len(to_robot) <= 5
    assert handled == 1 + sum(robot_answers)
    if style == "new-ticket":  # one answer per new thread: only the cap ends it
        assert len(to_robot) == 5
        assert sum(robot_answers) == 5
    assert not net.folder("")


# -- 5. oversized, nested and mislabelled mail --------------------------------------------
def _big_attachment(megabytes: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "iso@omnia.test"
    msg["To"] = NETWORK
    msg["Subject"] = "Aineisto"
    msg["Message-ID"] = f"<big-{megabytes}@omnia.test>"
    msg["Date"] = format_datetime(NOW)
    msg.set_content("Liitteenä aineisto.\n")
    msg.add_attachment(os.urandom(megabytes << 20), maintype="application",
                       subtype="octet-stream", filename="aineisto.bin")
    return bytes(msg)


def _mime_bomb_deep(depth: int) -> bytes:
    head = (f"From: syva@omnia.test\nTo: {NETWORK}\nSubject: Syvä\nMessage-ID: <deep@omnia.test>\n"
            f"Date: {format_datetime(NOW)}\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="b0"')
    body = "".join(f'--b{i}\r\nContent-Type: multipart/mixed; boundary="b{i + 1}"\r\n\r\n'
                   for i in range(depth))
    body += f"--b{depth}\r\nContent-Type: text/plain\r\n\r\nilmoittaudun\r\n"
    body += "".join(f"--b{i}--\r\n" for i in reversed(range(depth + 1)))
    return raw_mail(head, body)


def _mime_bomb_wide(parts: int) -> bytes:
    head = (f"From: levea@omnia.test\nTo: {NETWORK}\nSubject: Leveä\nMessage-ID: <wide@omnia.test>\n"
            f"Date: {format_datetime(NOW)}\nMIME-Version: 1.0\n"
            'Content-Type: multipart/mixed; boundary="w"')
    body = "".join(f"--w\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nosa {i}\r\n"
                   for i in range(parts)) + "--w--\r\n"
    return raw_mail(head, body)


def _zip_of_html() -> bytes:
    data = BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("liite.html", "<html><body>" + "<p>x</p>" * 2_000_000 + "</body></html>")
    msg = EmailMessage()
    msg["From"] = "zip@omnia.test"
    msg["To"] = NETWORK
    msg["Subject"] = "Paketti"
    msg["Message-ID"] = "<zip@omnia.test>"
    msg["Date"] = format_datetime(NOW)
    msg.set_content("Katso liite.\n")
    msg.add_attachment(data.getvalue(), maintype="application", subtype="zip",
                       filename="liite.zip")
    return bytes(msg)


def _bad_charsets() -> list[bytes]:
    raws = []
    for n, charset in enumerate(["x-does-not-exist", "utf-7", "utf-16", "utf-32", "unicode-1-1-utf-7",
                                 '"; boundary=x', "iso-8859-1\x00", "cp65001"]):
        raws.append(raw_mail(
            f"From: =?{charset}?q?Maija?= <merkisto{n}@omnia.test>\nTo: {NETWORK}\n"
            f"Subject: =?{charset}?b?SWxtb2l0dGF1dHVtaW5lbg==?=\nMessage-ID: <charset-{n}@omnia.test>\n"
            f"Date: {format_datetime(NOW)}\nMIME-Version: 1.0\n"
            f"Content-Type: text/html; charset={charset}",
            b"<p>Ilmoittaudun \xff\xfe\x00\xe4 verkostoon</p><script>x</script>" * 50,
        ))
    return raws


# Peak memory of the tick itself: VmHWM belongs to the process image, so unlike ru_maxrss it
# does not include the (large) test process that forked it.
_MEASURED_TICK = (
    "import atexit, re, sys\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    print('PEAK_KB', re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
    "atexit.register(peak)\n"
    "from mailflow.cli.main import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def tick_subprocess(config: Path, *args: str, env: dict[str, str] | None = None,
                    ) -> tuple[int, str, str, float]:
    """Run ``mailflow [args] tick``; returns its exit code, stdout, stderr and peak RSS (MB)."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED_TICK, *args, "--config", str(config), "tick",
         "--now", NOW.isoformat()],
        capture_output=True, text=True, env=env, cwd=config.parent, timeout=300,
    )
    found = re.search(r"PEAK_KB (\d+)", done.stderr)
    assert found is not None, done.stderr
    err = done.stderr.replace(found.group(0), "").strip()
    return done.returncode, done.stdout, err, int(found.group(1)) / 1024


def test_huge_nested_zipped_and_mislabelled_mail_is_handled_in_bounded_memory(
    tmp_path: Path,
) -> None:
    net = make_network(tmp_path / "net")
    baseline_net = make_network(tmp_path / "baseline")
    baseline_net.deliver(signup(1))
    code, _out, err, baseline_mb = tick_subprocess(baseline_net.config)
    assert code == 0, err

    # 50 MB is over the 10 MB cap (attention, unparsed); 7 MB (9.5 MB as base64) is parsed.
    net.deliver(_big_attachment(50), _big_attachment(7), _mime_bomb_deep(5000), _mime_bomb_wide(5000),
                _zip_of_html(), *_bad_charsets())
    code, out, err, peak_mb = tick_subprocess(net.config)
    assert code == 0, err
    assert "Traceback" not in err
    print(f"peak RSS: baseline tick {baseline_mb:.0f} MB, hostile mail {peak_mb:.0f} MB")
    assert peak_mb < baseline_mb + 150  # the 50 MB one is never read; the 7 MB one is parsed

    total = 5 + len(_bad_charsets())
    assert not net.folder("")
    assert len(net.folder("processed")) + len(net.folder("attention")) == total
    with net.store() as store:
        assert store.count(ProcessedMessage) == total
        reasons = [reason_text(a.reasons, "en") for a in store.all(AttentionItem)]
    assert any("over the size cap" in r and "not parsed" in r for r in reasons)
    assert out.count("handled ") >= total


# -- 6. secrets ----------------------------------------------------------------------------
CANARY = "Kanarialintu-Salasana-9f3e"


def _refuse_every_login(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                        auth_data: Any) -> AuthResult:
    return AuthResult(success=False, handled=False)


def test_no_secret_in_logs_debug_output_errors_or_the_store(tmp_path: Path) -> None:
    port = _free_port()
    controller = Controller(_Collecting(), hostname="127.0.0.1", port=port,
                            authenticator=_refuse_every_login, auth_require_tls=False)
    controller.start()
    try:
        net = make_network(tmp_path / "net", outbox='kind = "smtp"', extra=(
            f'[smtp]\nhost = "127.0.0.1"\nport = {port}\ntls = "none"\nusername = "mailflow"\n'
            'password_env = "MAILFLOW_TEST_SMTP_PASSWORD"\ntimeout_seconds = 5\n'))
        net.deliver(signup(0), signup(1))
        env = {**os.environ, "MAILFLOW_TEST_SMTP_PASSWORD": CANARY}
        runs = [
            tick_subprocess(net.config, "--debug", env=env),
            tick_subprocess(net.config, "--debug", "--json-logs", env=env),
            tick_subprocess(net.config, "-v", env=env),
        ]
        check = subprocess.run(
            [sys.executable, "-m", "mailflow", "--debug", "--config", str(net.config),
             "check-config"], capture_output=True, text=True, env=env, timeout=60)
    finally:
        controller.stop()

    for code, out, err, _mb in runs:
        assert code != 0, "a refused login is an error the operator sees"
        assert err.strip(), "and it says so"
        assert CANARY not in out + err
    assert "535" in runs[0][2] or "login" in runs[0][2].lower() or "auth" in runs[0][2].lower()
    assert CANARY not in check.stdout + check.stderr
    for path in net.root.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path
    mode = stat.S_IMODE(net.store_path.stat().st_mode)
    assert mode == 0o600, oct(mode)
