"""IMAP IDLE for the daemon: a thread that asks for a pass at once when new mail arrives."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

__all__ = ["IdleWatcher"]

log = logging.getLogger(__name__)


class IdleWatcher(threading.Thread):
    """Waits in IMAP IDLE and calls ``on_new_mail`` when the server reports new mail.

    connect: returns a logged-in IMAPClient; on_new_mail: called on EXISTS and after
    every (re)connection (mail may have come while it was away); renew_seconds: IDLE is
    ended and re-issued this often; wait_seconds: the longest single wait for a response;
    the backoff between reconnections doubles from 1 s up to ``max_backoff``.
    """

    def __init__(
        self,
        connect: Callable[[], Any],
        folder: str,
        on_new_mail: Callable[[], None],
        stop: threading.Event,
        *,
        renew_seconds: float = 600,
        wait_seconds: float = 30,
        max_backoff: float = 60,
    ) -> None:
        super().__init__(name="imap-idle", daemon=True)
        self.connect = connect
        self.folder = folder
        self.on_new_mail = on_new_mail
        self.stop = stop
        self.renew_seconds = renew_seconds
        self.wait_seconds = wait_seconds
        self.max_backoff = max_backoff
        self.connections = 0  # how many times it (re)connected: for tests and logs
        self._client: Any = None

    def interrupt(self) -> None:
        """Wake a thread waiting in IDLE so it sees ``stop`` (call after setting it)."""
        client = self._client
        if client is None:
            return
        with contextlib.suppress(OSError, AttributeError):
            client.socket().shutdown(socket.SHUT_RDWR)

    def run(self) -> None:
        backoff = 1.0
        while not self.stop.is_set():
            try:
                self._client = self.connect()
                self.connections += 1
                self._client.select_folder(self.folder, readonly=True)
                if not self._client.has_capability("IDLE"):
                    log.info("the IMAP server offers no IDLE: new mail waits for the interval")
                    return
                if self.connections > 1:
                    log.info("IMAP IDLE reconnected")
                backoff = 1.0
                self.on_new_mail()
                self._idle(self._client)
            except Exception as exc:  # the server went away: reconnect with backoff
                if self.stop.is_set():
                    break
                log.warning("IMAP IDLE connection lost (%s); reconnecting in %.0f s",
                            _describe(exc), backoff)
                self.stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)
            finally:
                client, self._client = self._client, None
                if client is not None:
                    _logout(client)

    def _idle(self, client: Any) -> None:
        while not self.stop.is_set():
            client.idle()
            started = time.monotonic()
            activity = False
            try:
                while not self.stop.is_set() and time.monotonic() - started < self.renew_seconds:
                    activity = self._wait(client)
                    if activity:
                        break
            finally:
                if not self.stop.is_set():
                    client.idle_done()
            if activity:
                self.on_new_mail()

    def _wait(self, client: Any) -> bool:
        """One bounded wait in IDLE: True on new mail; raises when the server is gone.

        IMAPClient's ``idle_check`` swallows EOF and returns nothing at once, so a closed
        connection would spin here: an empty answer well before the timeout, or a BYE,
        means the server went away.
        """
        waited = time.monotonic()
        responses = client.idle_check(timeout=self.wait_seconds)
        if any(r and r[0] == b"BYE" for r in responses):
            raise ConnectionError("the server said BYE")
        if not responses and time.monotonic() - waited < self.wait_seconds / 2:
            raise ConnectionError("the server closed the connection")
        return any(len(r) > 1 and r[1] == b"EXISTS" for r in responses)


def _describe(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:200]
    return f"{exc.__class__.__name__}: {detail}" if detail else exc.__class__.__name__


def _logout(client: Any) -> None:
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):  # the connection is already gone
            client.shutdown()
