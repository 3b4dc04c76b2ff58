"""A test's mailflow on loopback servers: the real Dovecot the suite started (IMAP in) and
an in-process aiosmtpd (SMTP out), with the config's server sections written once here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.dovecot import Dovecot
from tests.factories import RecordingSmtp, smtp_server

__all__ = ["PASSWORD_ENV", "loopback_config"]

PASSWORD_ENV = "TEST_LOOPBACK_IMAP_PASSWORD"
SERVERS = """
[imap]
host = "127.0.0.1"
port = {imap_port}
tls = "none"
username = "{user}"
password_env = "{password_env}"
timeout_seconds = 10

[outbox]
kind = "smtp"

[smtp]
host = "127.0.0.1"
port = {smtp_port}
tls = "none"
timeout_seconds = 10

[store]
path = "{root}/mailflow.json"
"""


@contextmanager
def loopback_config(network: str, dovecot: Dovecot, folder: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, RecordingSmtp]]:
    """(the config file, the SMTP server's recorder) of a mailflow whose ``network`` part
    ([network], [mailbox] with kind "imap", [[organisations]] ...) is the test's own; the
    SMTP server runs until the block ends."""
    monkeypatch.setenv(PASSWORD_ENV, dovecot.password)
    smtp = RecordingSmtp()
    with smtp_server(smtp) as port:
        config = folder / "mailflow.toml"
        servers = SERVERS.format(imap_port=dovecot.port, user=dovecot.user,
                                 password_env=PASSWORD_ENV, smtp_port=port, root=folder)
        config.write_text(network + servers, encoding="utf-8")
        yield config, smtp
