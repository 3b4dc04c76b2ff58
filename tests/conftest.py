"""Shared fixtures: a real Dovecot on loopback, a Maildir. Keep this file small and generic."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dovecot import Dovecot, dovecot_binary


def _require_dovecot() -> None:
    if dovecot_binary() is not None:
        return
    message = "dovecot is not installed: install the Debian package dovecot-imapd (make dovecot)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def dovecot_factory() -> Iterator[Callable[..., Dovecot]]:
    """Start Dovecots with options (``capabilities=``, ``tls=``); all stopped at teardown."""
    _require_dovecot()
    started: list[Dovecot] = []

    def make(**options: Any) -> Dovecot:
        server = Dovecot(**options)
        started.append(server)
        return server.start()

    yield make
    for server in started:
        server.cleanup()


@pytest.fixture
def dovecot(dovecot_factory: Callable[..., Dovecot]) -> Dovecot:
    """A running Dovecot with one user and an empty INBOX, stopped at teardown."""
    return dovecot_factory()


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    """An empty Maildir (tmp/, new/, cur/) to deliver into."""
    root = tmp_path / "Maildir"
    for sub in ("tmp", "new", "cur"):
        (root / sub).mkdir(parents=True)
    return root
