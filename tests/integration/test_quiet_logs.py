"""What a pass prints on stderr against a real Dovecot: IMAPClient's own INFO lines
("Connection closed" at every logout) are not mailflow's to say, even under ``-v`` (and
the daemon logs INFO); ``--debug`` shows them."""

from __future__ import annotations

import contextlib
import io
import logging
from pathlib import Path

import pytest

from mailflow.cli.main import main
from tests.dovecot import Dovecot
from tests.mailgen import signup

pytestmark = pytest.mark.dovecot

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"

[mailbox]
kind = "imap"
handle_since = "2020-01-01T00:00:00+00:00"

[imap]
host = "127.0.0.1"
port = {port}
tls = "none"
username = "{user}"
password_env = "TEST_IMAP_PASSWORD"
timeout_seconds = 10

[outbox]
path = "{root}/outbox"

[store]
path = "{root}/mailflow.json"
"""


def _pass_then_logout(config: Path, dovecot: Dovecot, *options: str) -> str:
    """``mailflow OPTIONS tick`` in this process, then a connection to the same server shut
    down as the daemon and a dropped connection do: everything that reached stderr."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            assert main(["--config", str(config), *options, "tick"]) == 0
            dovecot.client().shutdown()  # IMAPClient: INFO "Connection closed"
    finally:
        root.handlers[:], root.level = handlers, level
        logging.getLogger("imapclient").setLevel(logging.NOTSET)
    return err.getvalue()


def test_a_pass_does_not_log_imapclients_connection_closed(
        dovecot: Dovecot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_IMAP_PASSWORD", dovecot.password)
    config = tmp_path / "mailflow.toml"
    config.write_text(CONFIG.format(port=dovecot.port, user=dovecot.user, root=tmp_path))
    dovecot.deliver(signup(1))

    verbose = _pass_then_logout(config, dovecot, "-v")
    assert "INFO mailflow" in verbose  # -v does show mailflow's own lines
    assert "imapclient" not in verbose

    assert "imapclient" not in _pass_then_logout(config, dovecot)

    debug = _pass_then_logout(config, dovecot, "--debug")
    assert "INFO imapclient.imapclient: Connection closed" in debug
