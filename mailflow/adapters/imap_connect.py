"""Connecting and logging in to the IMAP server: shared by the mailbox adapter and IDLE.

Faults are sorted by whose they are: a network fault, a timeout or a server's
"try again later" is a :class:`TemporaryServerError` (retried next tick); a refused
login, a certificate that does not verify or a setting that cannot work is a
:class:`ConfigError` naming the host and user. The secret is never shown.
"""

from __future__ import annotations

import imaplib
import ipaddress
import re
import socket
import ssl

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, LoginError

from mailflow.config.loader import ImapSettings, Secret
from mailflow.core.errors import ConfigError, TemporaryServerError

__all__ = ["connect_imap", "is_loopback", "tls_context"]

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
        context = ssl.create_default_context(cafile=settings.ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"cannot read the CA file ({exc.__class__.__name__})",
                          key="imap.ca_file") from None
    if not settings.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def connect_imap(settings: ImapSettings, secret: Secret) -> IMAPClient:
    """Connect with TLS or STARTTLS, log in (password or XOAUTH2) and return the client.

    Raises ``TemporaryServerError`` for network faults and ``ConfigError`` when the login
    is refused, the certificate does not verify, or TLS is off for a non-loopback host.
    """
    where = f"{settings.host}:{settings.port or _DEFAULT_PORTS[settings.tls]}"
    if settings.tls == "none" and not is_loopback(settings.host):
        raise ConfigError(f"tls = 'none' is only allowed for a loopback host, not {where}",
                          key="imap.tls")
    if secret.kind == "none":
        raise ConfigError("no credential configured: set password_env, password_command "
                          "or oauth2_token_command", key="imap")
    client = _open(settings, where)
    try:
        _login(client, settings, secret, where)
    except BaseException:
        _shutdown(client)
        raise
    return client


def _protected(settings: ImapSettings) -> IMAPClient:
    """Connect and set up TLS; a connection that fails half-way is closed."""
    port = settings.port or _DEFAULT_PORTS[settings.tls]
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
    text = " ".join(str(exc).split())[:200]
    if secret.value:
        text = text.replace(secret.value, "***")
    return text or "no reason given"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    detail = " ".join(str(exc).split())[:200]
    return f"{exc.__class__.__name__}: {detail}" if detail else exc.__class__.__name__


def _shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except (OSError, imaplib.IMAP4.error):
        pass
