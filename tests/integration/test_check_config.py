"""``mailflow check-config`` against a real Dovecot and a real SMTP server (aiosmtpd): it logs
in to both, lists the folders it will use, says whether IDLE and MOVE are offered, and
names the check that failed, one line each. Nothing is ever sent."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.dovecot import Dovecot, make_certificate
from tests.factories import free_port

pytestmark = pytest.mark.dovecot

SMTP_PASSWORD = "relay-password-1"
NO_IDLE = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE NAMESPACE UIDPLUS MOVE LITERAL+"


@dataclass
class Relay:
    """An SMTP relay that wants AUTH; records every command that would send something."""

    sent: list[str] = field(default_factory=list)

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, options: list[str]) -> str:
        self.sent.append(f"MAIL FROM {address}")
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.sent.append("DATA")
        return "250 OK"


def _authenticate(server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                  auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"verkosto" \
        and auth_data.password == SMTP_PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def relay(dovecot_factory: Callable[..., Dovecot]) -> Iterator[tuple[Relay, int, Path]]:
    """An SMTP relay with STARTTLS and AUTH on loopback: the handler, its port and the CA
    file that signed its certificate (the TLS Dovecot's: one throwaway CA for both)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = Path(dovecot_factory(tls=True).root)  # a folder cleaned up with the Dovecots
    cert, key = make_certificate(folder, "relay")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    handler = Relay()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            tls_context=context, require_starttls=True,
                            authenticator=_authenticate)
    controller.start()
    yield handler, int(controller.port), cert
    controller.stop()


def write_config(root: Path, imap: Dovecot, relay_port: int, relay_ca: Path, *,
                 imap_tls: str = "starttls", imap_ca: Path | None = None,
                 folders: str = "") -> Path:
    path = root / "mailflow.toml"
    ca = imap_ca or imap.cert_path
    tls = f'tls = "starttls"\nca_file = "{ca}"' if imap_tls == "starttls" else 'tls = "none"'
    path.write_text(f"""
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
[mailbox]
kind = "imap"
{folders or 'processed_folder = "mailflow/processed"' + chr(10) + 'attention_folder = "mailflow/attention"'}
[imap]
host = "localhost"
port = {imap.port}
{tls}
username = "{imap.user}"
password_env = "TEST_IMAP_PASSWORD"
[outbox]
kind = "smtp"
[smtp]
host = "localhost"
port = {relay_port}
tls = "starttls"
ca_file = "{relay_ca}"
username = "verkosto"
password_env = "TEST_SMTP_PASSWORD"
timeout_seconds = 10
[store]
path = "{root}/mailflow.json"
""", encoding="utf-8")
    return path


def check_config(path: Path, *, imap_password: str, smtp_password: str = SMTP_PASSWORD,
                 ) -> tuple[int, str, str]:
    """``mailflow check-config`` as the operator runs it: exit code, stdout, stderr."""
    env = {**os.environ, "TEST_IMAP_PASSWORD": imap_password,
           "TEST_SMTP_PASSWORD": smtp_password}
    done = subprocess.run([sys.executable, "-m", "mailflow", "--config", str(path),
                           "check-config"], capture_output=True, text=True, env=env,
                          check=False)
    return done.returncode, done.stdout, done.stderr


Setup = tuple[Dovecot, tuple[Relay, int, Path]]


@pytest.fixture
def servers(dovecot_factory: Callable[..., Dovecot],
            relay: tuple[Relay, int, Path]) -> Setup:
    """A Dovecot with STARTTLS (its own throwaway CA) and the relay."""
    return dovecot_factory(tls=True), relay


def test_a_good_config_logs_in_to_both_lists_the_folders_and_sends_nothing(
    servers: Setup, tmp_path: Path,
) -> None:
    imap, (handler, port, ca) = servers
    path = write_config(tmp_path, imap, port, ca)
    code, out, err = check_config(path, imap_password=imap.password)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert f"  IMAP connection: localhost:{imap.port}, STARTTLS, certificate verified " \
           f"against {imap.cert_path}" in lines
    assert "  IMAP login: 'tester' logged in (password)" in lines
    assert ("  IMAP folders: INBOX (inbox, 0 message(s)), mailflow.processed (processed, "
            "created), mailflow.attention (attention, created); separator \".\", no prefix"
            ) in lines
    assert "  IMAP IDLE: offered: the daemon handles new mail at once" in lines
    assert "  IMAP MOVE: offered: handled mail is moved in one command" in lines
    assert f"  SMTP connection: localhost:{port}, STARTTLS, certificate verified against {ca}" \
        in lines
    assert any(line.startswith("  SMTP login: 'verkosto' logged in (AUTH offered: ")
               and line.endswith("; QUIT, nothing sent") for line in lines)
    assert f"{path}: OK" in lines
    assert handler.sent == []
    # the second time the folders exist
    code, out, _ = check_config(path, imap_password=imap.password)
    assert code == 0
    assert "mailflow.processed (processed, exists)" in out


@pytest.mark.parametrize("which", ["imap", "smtp"])
def test_a_wrong_password_is_one_line_naming_the_login_check_and_exit_2(
    servers: Setup, tmp_path: Path, which: str,
) -> None:
    imap, (handler, port, ca) = servers
    path = write_config(tmp_path, imap, port, ca)
    wrong = "not-the-password"
    code, out, err = check_config(
        path,
        imap_password=wrong if which == "imap" else imap.password,
        smtp_password=wrong if which == "smtp" else SMTP_PASSWORD)
    assert code == 2
    assert err.count("\n") == 1, err
    name = which.upper()
    assert err.startswith(f"mailflow: {name} login failed: {path}: {which}.username: ")
    assert wrong not in out + err
    other = "SMTP" if which == "imap" else "IMAP"
    assert f"  {other} login: " in out  # the other server is still checked
    assert f"{path}: OK" not in out
    assert handler.sent == []


def test_a_certificate_the_client_does_not_trust_names_the_connection_check(
    servers: Setup, tmp_path: Path,
) -> None:
    imap, (handler, port, ca) = servers
    other_ca, _ = make_certificate(tmp_path, "another-ca")  # not the CA that signed Dovecot's
    path = write_config(tmp_path, imap, port, ca, imap_ca=other_ca)
    code, out, err = check_config(path, imap_password=imap.password)
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"mailflow: IMAP connection failed: {path}: imap.ca_file: "
                          f"the certificate of localhost:{imap.port} does not verify")
    assert "IMAP login" not in out  # nothing was sent over a connection not trusted
    assert "  SMTP login: " in out
    assert handler.sent == []


def test_a_server_without_idle_is_one_warning_line_and_still_ok(
    dovecot_factory: Callable[..., Dovecot], relay: tuple[Relay, int, Path], tmp_path: Path,
) -> None:
    imap = dovecot_factory(capabilities=NO_IDLE)
    handler, port, ca = relay
    path = write_config(tmp_path, imap, port, ca, imap_tls="none")
    code, out, err = check_config(path, imap_password=imap.password)
    assert code == 0
    assert err == ("mailflow: IMAP IDLE: not offered by localhost: the daemon handles new mail "
                   "every 2 min (schedule.interval_minutes); set imap.idle = false to say so\n")
    assert "  IMAP connection: " in out
    assert "no TLS" in out
    assert f"{path}: OK" in out
    assert handler.sent == []


def test_a_folder_name_the_server_refuses_names_its_key(
    servers: Setup, tmp_path: Path,
) -> None:
    imap, (_, port, ca) = servers
    path = write_config(tmp_path, imap, port, ca, folders='processed_folder = "~mailflow/done"')
    code, _out, err = check_config(path, imap_password=imap.password)
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"mailflow: IMAP folders failed: {path}: mailbox.processed_folder: "
                          "the IMAP server refuses a folder named '~mailflow.done': ")
