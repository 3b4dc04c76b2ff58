"""Connecting and logging in to the IMAP server (shared by the mailbox adapter and IDLE),
and keeping one folder's connection (:class:`ImapConnection`, the mailbox's base).

Faults are sorted by whose they are: a network fault, a timeout or a server's
"try again later" is a :class:`TemporaryServerError` (retried next tick); a refused
login, a certificate that does not verify or a setting that cannot work is a
:class:`ConfigError` naming the host and user. The secret is never shown.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import logging
import re
import socket
import ssl
import time
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, LoginError

from mailflow.adapters.imap_folders import Hierarchy, hierarchy_of, server_name
from mailflow.adapters.network import client_tls_context, one_line, server_address, server_port
from mailflow.config.loader import ImapSettings
from mailflow.config.secrets import Secret
from mailflow.core.errors import ConfigError, MailflowError, TemporaryServerError

__all__ = ["ImapConnection", "connect_imap", "is_loopback", "log_in", "open_imap", "tls_context"]

log = logging.getLogger("mailflow.adapters.imap")  # the mailbox's lines, under one name

_T = TypeVar("_T")
_IMAP_FAULTS = (OSError, imaplib.IMAP4.error)

_DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
_TEMPORARY_LOGIN = re.compile(
    r"UNAVAILABLE|temporar|try again|SERVERBUG|INUSE|socket error|EOF", re.IGNORECASE
)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (the only hosts allowed without TLS)."""
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(settings: ImapSettings) -> ssl.SSLContext:
    """A client TLS context: verified against the system's CAs (or ``ca_file``)."""
    try:
        return client_tls_context(settings)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"cannot read the CA file ({exc.__class__.__name__})",
                          key="imap.ca_file") from None


def connect_imap(settings: ImapSettings, secret: Secret) -> IMAPClient:
    """Connect with TLS or STARTTLS, log in (password or XOAUTH2) and return the client.

    Raises ``TemporaryServerError`` for network faults and ``ConfigError`` when the login
    is refused, the certificate does not verify, or TLS is off for a non-loopback host.
    """
    _credential_needed(secret)
    client = open_imap(settings)
    try:
        log_in(client, settings, secret)
    except BaseException:
        _shutdown(client)
        raise
    return client


def open_imap(settings: ImapSettings) -> IMAPClient:
    """The connection, TLS set up and the certificate verified; not logged in.
    Raises ``ConfigError`` (a certificate that does not verify, no STARTTLS, TLS off for
    a remote host) or ``TemporaryServerError``."""
    where = server_address(settings, _DEFAULT_PORTS)
    if settings.tls == "none" and not is_loopback(settings.host):
        raise ConfigError(f"tls = 'none' is only allowed for a loopback host, not {where}",
                          key="imap.tls")
    return _open(settings, where)


def log_in(client: IMAPClient, settings: ImapSettings, secret: Secret) -> None:
    """Log in on a connection :func:`open_imap` made (``ConfigError`` when refused)."""
    _credential_needed(secret)
    _login(client, settings, secret, server_address(settings, _DEFAULT_PORTS))


def _credential_needed(secret: Secret) -> None:
    if secret.kind == "none":
        raise ConfigError("no credential configured: set password_env, password_command "
                          "or oauth2_token_command", key="imap")


def _protected(settings: ImapSettings) -> IMAPClient:
    """Connect and set up TLS; a connection that fails half-way is closed."""
    port = server_port(settings, _DEFAULT_PORTS)
    context = tls_context(settings) if settings.tls != "none" else None
    client: IMAPClient | None = None
    try:
        client = IMAPClient(settings.host, port, ssl=settings.tls == "ssl", ssl_context=context,
                            timeout=settings.timeout_seconds)
        if settings.tls == "starttls":
            client.starttls(context)
        return client
    except BaseException:
        if client is not None:
            _shutdown(client)
        raise


def _open(settings: ImapSettings, where: str) -> IMAPClient:
    """The connection, TLS set up; faults sorted into ``ConfigError`` and temporary."""
    try:
        return _protected(settings)
    except ssl.SSLCertVerificationError as exc:
        raise ConfigError(
            f"the certificate of {where} does not verify ({exc.verify_message}); "
            "set imap.ca_file to the CA that signed it", key="imap.ca_file",
        ) from None
    except CapabilityError:
        raise ConfigError(f"{where} does not offer STARTTLS; use tls = 'ssl' and its TLS port",
                          key="imap.tls") from None
    except (OSError, imaplib.IMAP4.error) as exc:
        # OSError covers refused connections, timeouts, DNS and TLS handshake faults.
        raise TemporaryServerError(f"cannot connect to IMAP server {where}: {_describe(exc)}") \
            from None


def _login(client: IMAPClient, settings: ImapSettings, secret: Secret, where: str) -> None:
    try:
        if secret.kind == "oauth2":
            client.oauth2_login(settings.username, secret.value)
        elif (settings.username + secret.value).isascii():
            client.login(settings.username, secret.value)
        else:  # LOGIN is 7-bit; SASL PLAIN carries UTF-8
            client.plain_login(settings.username, secret.value)
    except LoginError as exc:
        text = _server_text(exc, secret)
        if _TEMPORARY_LOGIN.search(text):
            raise TemporaryServerError(
                f"IMAP server {where} cannot log in {settings.username!r} now: {text}"
            ) from None
        raise ConfigError(
            f"IMAP server {where} refused the login of user {settings.username!r}: {text}",
            key="imap.username",
        ) from None
    except (OSError, imaplib.IMAP4.error) as exc:
        raise TemporaryServerError(
            f"IMAP server {where} dropped the login of {settings.username!r}: {_describe(exc)}"
        ) from None


def _server_text(exc: Exception, secret: Secret) -> str:
    """The server's reason, one line, without the secret should a server echo it."""
    text = one_line(str(exc), 200)
    if text[:2] in ("b'", 'b"') and text[-1:] == text[1]:  # IMAPClient shows the bytes' repr
        text = text[2:-1]
    if secret.value:
        text = text.replace(secret.value, "***")
    return text or "no reason given"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    detail = one_line(str(exc), 200)
    return f"{exc.__class__.__name__}: {detail}" if detail else exc.__class__.__name__


def _shutdown(client: IMAPClient) -> None:
    with contextlib.suppress(*_IMAP_FAULTS):
        client.shutdown()


class ImapConnection:
    """One folder's connection, opened lazily and dropped on a fault (the base of the
    mailbox adapter).

    client_factory: returns a logged-in ``IMAPClient`` (``connect_imap`` in production, a
    loopback Dovecot in tests); called at the first use and again after a fault. What the
    session knew (the selected folder's UIDVALIDITY, the folders known to exist) goes
    with the connection.
    """

    def __init__(self, client_factory: Callable[[], IMAPClient], folder: str) -> None:
        self._factory = client_factory
        self.folder = folder
        self._client: IMAPClient | None = None
        self._uidvalidity: int | None = None
        self._known_folders: set[str] = set()
        self._hierarchy: Hierarchy | None = None

    def connect(self) -> None:
        """Log in now rather than at the first use (a reading process does this while
        the pass loads its store). Raises ``TemporaryServerError`` or ``ConfigError``."""
        self._guard(self._connected)

    def reconnect(self, attempts: int = 5, first_delay: float = 1.0, max_delay: float = 60.0,
                  sleep: Callable[[float], None] = time.sleep) -> None:
        """Drop the connection and log in again, waiting ``first_delay`` doubled up to
        ``max_delay`` between ``attempts``; re-raise the last ``TemporaryServerError``.

        ``ConfigError`` (a refused login) is raised at once: waiting will not fix it.
        """
        self.close()
        delay = first_delay
        for attempt in range(1, attempts + 1):
            try:
                self._guard(self._connected)
                return
            except TemporaryServerError as exc:
                if attempt == attempts:
                    raise
                log.warning("IMAP reconnect %d/%d failed (%s); retrying in %.0f s",
                            attempt, attempts, exc, delay)
                sleep(delay)
                delay = min(delay * 2, max_delay)

    def close(self) -> None:
        """Log out (or just drop a broken connection); the next call connects again."""
        client, self._client = self._client, None
        self._uidvalidity = None
        if client is None:
            return
        try:
            client.logout()
        except _IMAP_FAULTS:
            _shutdown(client)

    def _connected(self) -> IMAPClient:
        if self._client is None:
            client = self._factory()
            client.normalise_times = False  # INTERNALDATE with its zone, not local naive
            _quiet_imaplib(client)
            self._client = client
            self._known_folders = set()
            self._hierarchy = None
        return self._client

    def server_folder(self, configured: str) -> str:
        """The server's name for a folder configured as ``configured`` (levels split by
        ``/``): its separator and personal prefix, asked once a connection."""
        client = self._connected()
        if self._hierarchy is None:
            self._hierarchy = self._guard(partial(hierarchy_of, client))
        return server_name(configured, self._hierarchy)

    def _guard(self, step: Callable[[], _T], doing: str = "") -> _T:
        """Run an IMAP step; a connection fault drops the client and becomes temporary.
        ``doing`` says what the step was (by default: working on this folder)."""
        try:
            return step()
        except MailflowError:
            raise
        except _IMAP_FAULTS as exc:
            self._drop()
            detail = one_line(str(exc), 200) or exc.__class__.__name__
            raise TemporaryServerError(f"IMAP {doing or f'folder {self.folder!r}'}: {detail}") \
                from None

    def _drop(self) -> None:
        client, self._client = self._client, None
        self._uidvalidity = None
        if client is not None:
            _shutdown(client)


def _quiet_imaplib(client: IMAPClient) -> None:
    """Turn imaplib's own debug output off unless its logger would keep it.

    IMAPClient sets imaplib's debug level to 5 and sends its output to the
    ``imapclient.imaplib`` logger, and imaplib builds each message before the logger can
    drop it: the repr of every response it reads, each message body included, twice.
    That was a third of the CPU a batch fetch cost (py-spy on ``bench/intake.py``).
    With that logger at DEBUG the output stays on, as IMAPClient meant it.
    """
    imap = getattr(client, "_imap", None)  # IMAPClient's imaplib.IMAP4
    if imap is not None and not logging.getLogger("imapclient.imaplib").isEnabledFor(
            logging.DEBUG):
        imap.debug = 0
