"""SmtpSender against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import base64
import re
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from icalendar import Calendar

from mailflow.adapters.smtp import SmtpSender, xoauth2_string
from mailflow.config.loader import NetworkSettings, SmtpSettings
from mailflow.config.resources import templates_dir
from mailflow.config.secrets import Secret
from mailflow.core.errors import ConfigError, PermanentDeliveryError, TemporaryServerError
from mailflow.core.model import NetworkDay, Organisation, Person
from mailflow.core.values import MailRequest
from mailflow.core.writing.render import RenderedMail, Renderer

PASSWORD = "test-password-1"
TOKEN = "ya29.test-token"
NETWORK = NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                          name="Asiakaslähtöisyys oppilaitoksissa")
NOW = datetime(2026, 11, 20, 7, 15, tzinfo=UTC)
DAY = NetworkDay(id="2026-12-09", date=date(2026, 12, 9), start=time(10), end=time(16),
                 place="Kuntatalo, Helsinki", sequence=1)
MAIJA = Person(address="maija@omnia.test", name="Maija Mäkinen", org="omnia", role="management")


@dataclass
class Received:
    peer: Any
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Collecting:
    """Accepts everything; refuses recipients at ``refuse.test`` with 550."""

    received: list[Received] = field(default_factory=list)
    xoauth2: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if address.endswith("@refuse.test"):
            return "550 5.1.1 No such user here"
        if address.endswith("@later.test"):
            return "451 4.2.1 Mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.received.append(Received(session.peer, str(envelope.mail_from),
                                      list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        blob = base64.b64decode(args[1]).decode() if len(args) > 1 else ""
        self.xoauth2.append(blob)
        return AuthResult(success=blob == xoauth2_string("mailflow", TOKEN), handled=False)


@dataclass
class Dropping(Collecting):
    """Drops the connection instead of answering the first DATA."""

    dropped: int = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if not self.dropped:
            self.dropped += 1
            assert server.transport is not None
            server.transport.close()
            return "421 closing"
        return await super().handle_DATA(server, session, envelope)


@dataclass
class Answering(Collecting):
    """Answers DATA with a fixed reply (451 or 550)."""

    reply: str = "451 4.3.0 Try again later"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        return self.reply


def _authenticate(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"mailflow" \
        and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def start_server() -> Iterator[Any]:
    """Factory: start an aiosmtpd server on loopback; returns its port."""
    controllers: list[Controller] = []

    def start(handler: Any, **kwargs: Any) -> int:
        port = _free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        controllers.append(controller)
        return port

    yield start
    for controller in controllers:
        controller.stop()


def settings(port: int, **changes: Any) -> SmtpSettings:
    values: dict[str, Any] = dict(host="127.0.0.1", port=port, tls="none", username="mailflow",
                                  timeout_seconds=5.0)
    values.update(changes)
    return SmtpSettings(**values)


def render(template: str, **changes: Any) -> RenderedMail:
    renderer = Renderer(templates_dir(), NETWORK, ZoneInfo("Europe/Helsinki"))
    contexts: dict[str, dict[str, Any]] = {
        "signup_confirmation": {"person": MAIJA, "organisation": Organisation("omnia", "Omnia"),
                                "days": [DAY]},
        "day_invitation": {"person": MAIJA, "day": DAY},
    }
    fields: dict[str, Any] = dict(key=f"{template}:maija", to="maija@omnia.test",
                                  to_name="Maija Mäkinen", template=template,
                                  context=contexts[template])
    if template == "day_invitation":
        fields.update(calendar="request", day=DAY.id, auto="auto-generated")
    fields.update(changes)
    return renderer.render(MailRequest(**fields), now=NOW, day=DAY)


def parsed(content: bytes) -> EmailMessage:
    msg = message_from_bytes(content, policy=default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_a_batch_arrives_over_one_connection_with_envelope_headers_and_parts(
    start_server: Any,
) -> None:
    handler = Collecting()
    port = start_server(handler, authenticator=_authenticate, auth_require_tls=False)
    sender = SmtpSender(settings(port), Secret("password", PASSWORD))
    confirmation, invitation = render("signup_confirmation"), render("day_invitation")
    try:
        assert sender.send(confirmation.raw, "verkosto@example.org", ["maija@omnia.test"]).refused == {}
        assert sender.send(invitation.raw, "verkosto@example.org", ["maija@omnia.test"]).refused == {}
    finally:
        sender.close()

    first, second = handler.received
    assert first.peer == second.peer  # the same connection carried both
    assert (first.mail_from, first.rcpt_tos) == ("verkosto@example.org", ["maija@omnia.test"])
    msg = parsed(first.content)
    assert msg["Message-ID"] == confirmation.message_id
    assert msg["Subject"] == confirmation.subject
    assert msg["To"].addresses[0].display_name == "Maija Mäkinen"
    assert msg["Auto-Submitted"] == "auto-replied"
    text, html = msg.get_body(("plain",)), msg.get_body(("html",))
    assert text is not None
    assert html is not None
    assert "Maija Mäkinen" in text.get_content()
    assert "ke 9.12.2026" in text.get_content()
    assert "Omnia" in html.get_content()

    calendar_part = parsed(second.content).get_body(("calendar",))
    assert calendar_part is not None
    assert calendar_part.get_param("method") == "REQUEST"
    cal = Calendar.from_ical(calendar_part.get_content())
    [event] = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == "day-2026-12-09@example.org"
    assert event.decoded("SEQUENCE") == 1
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"


def test_xoauth2_login(start_server: Any) -> None:
    handler = Collecting()
    port = start_server(handler, auth_require_tls=False)
    sender = SmtpSender(settings(port), Secret("oauth2", TOKEN))
    try:
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    finally:
        sender.close()
    assert handler.xoauth2 == [f"user=mailflow\x01auth=Bearer {TOKEN}\x01\x01"]
    assert len(handler.received) == 1


def test_a_refused_xoauth2_token_is_the_operators_to_fix(start_server: Any) -> None:
    port = start_server(Collecting(), auth_require_tls=False)
    sender = SmtpSender(settings(port), Secret("oauth2", "expired-token-abc"))
    with pytest.raises(ConfigError, match="refused the login") as caught:
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    assert "expired-token-abc" not in str(caught.value)
    sender.close()


def test_a_wrong_password_is_the_operators_to_fix_and_is_never_shown(start_server: Any) -> None:
    port = start_server(Collecting(), authenticator=_authenticate, auth_require_tls=False)
    sender = SmtpSender(settings(port), Secret("password", "wrong-secret-xyz"))
    with pytest.raises(ConfigError, match="535") as caught:
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    assert "wrong-secret-xyz" not in str(caught.value)
    sender.close()


def test_451_is_temporary(start_server: Any) -> None:
    port = start_server(Answering(reply="451 4.3.0 Try again later"))
    sender = SmtpSender(settings(port), Secret("none"))
    with pytest.raises(TemporaryServerError, match=re.escape("451 4.3.0 Try again later")):
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    sender.close()


def test_550_is_permanent_and_the_connection_carries_on(start_server: Any) -> None:
    port = start_server(Answering(reply="550 5.7.1 Message rejected as spam"))
    sender = SmtpSender(settings(port), Secret("none"))
    raw = render("signup_confirmation").raw
    with pytest.raises(PermanentDeliveryError, match=re.escape("550 5.7.1 Message rejected as spam")):
        sender.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    with pytest.raises(PermanentDeliveryError):
        sender.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    sender.close()


def test_refused_recipients_come_back_per_address(start_server: Any) -> None:
    handler = Collecting()
    port = start_server(handler)
    sender = SmtpSender(settings(port), Secret("none"))
    raw = render("signup_confirmation").raw
    try:
        some = sender.send(raw, "verkosto@example.org", ["maija@omnia.test", "nobody@refuse.test"])
        every = sender.send(raw, "verkosto@example.org", ["nobody@refuse.test"])
    finally:
        sender.close()
    assert list(some.refused) == ["nobody@refuse.test"]
    assert some.refused["nobody@refuse.test"].startswith("550")
    assert list(every.refused) == ["nobody@refuse.test"]
    assert [r.rcpt_tos for r in handler.received] == [["maija@omnia.test"]]


def test_a_deferred_recipient_is_temporary(start_server: Any) -> None:
    port = start_server(Collecting())
    sender = SmtpSender(settings(port), Secret("none"))
    with pytest.raises(TemporaryServerError, match="451"):
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["x@later.test"])
    sender.close()


def test_no_server_is_temporary() -> None:
    sender = SmtpSender(settings(_free_port()), Secret("none"))
    with pytest.raises(TemporaryServerError, match="cannot connect"):
        sender.send(b"Subject: x\r\n\r\nx\r\n", "verkosto@example.org", ["maija@omnia.test"])
    sender.close()


def test_a_server_that_goes_away_is_temporary(start_server: Any) -> None:
    handler = Dropping()
    port = start_server(handler)
    sender = SmtpSender(settings(port), Secret("none"))
    raw = render("signup_confirmation").raw
    with pytest.raises(TemporaryServerError, match="closed the connection"):
        sender.send(raw, "verkosto@example.org", ["maija@omnia.test"])
    sender.send(raw, "verkosto@example.org", ["maija@omnia.test"])  # reconnects
    sender.close()
    assert len(handler.received) == 1


# -- STARTTLS with certificate verification ---------------------------------------------
@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def _tls_server(start_server: Any, certificate: tuple[Path, Path], handler: Any) -> int:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return int(start_server(handler, tls_context=context, require_starttls=True,
                            authenticator=_authenticate))


def test_starttls_with_a_trusted_certificate(start_server: Any,
                                             certificate: tuple[Path, Path]) -> None:
    handler = Collecting()
    port = _tls_server(start_server, certificate, handler)
    sender = SmtpSender(settings(port, tls="starttls", ca_file=str(certificate[0])),
                        Secret("password", PASSWORD))
    try:
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    finally:
        sender.close()
    assert len(handler.received) == 1


def test_starttls_refuses_an_unknown_certificate(start_server: Any,
                                                 certificate: tuple[Path, Path]) -> None:
    port = _tls_server(start_server, certificate, Collecting())
    sender = SmtpSender(settings(port, tls="starttls"), Secret("password", PASSWORD))
    with pytest.raises(ConfigError, match="certificate"):
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    sender.close()


def test_implicit_tls_with_a_trusted_certificate(start_server: Any,
                                                 certificate: tuple[Path, Path]) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    handler = Collecting()
    # aiosmtpd counts only STARTTLS as TLS for AUTH; the socket here is TLS from the start
    port = start_server(handler, ssl_context=context, authenticator=_authenticate,
                        auth_require_tls=False)
    sender = SmtpSender(settings(port, tls="ssl", ca_file=str(certificate[0])),
                        Secret("password", PASSWORD))
    try:
        sender.send(render("signup_confirmation").raw, "verkosto@example.org", ["maija@omnia.test"])
    finally:
        sender.close()
    assert len(handler.received) == 1
