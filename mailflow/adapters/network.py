"""What the adapters that talk to a mail server (IMAP, SMTP) share: the TLS context, the
server's address as errors name it, and a server's text on one line."""

from __future__ import annotations

import ssl
from collections.abc import Mapping

from mailflow.config.loader import ServerSettings

__all__ = ["client_tls_context", "one_line", "server_address", "server_port"]


def client_tls_context(settings: ServerSettings) -> ssl.SSLContext:
    """A client TLS context verified against the system's CAs (or ``ca_file``); without
    checks when ``verify_certificate`` is off (the config loader warned the operator).
    Raises ``OSError`` or ``ssl.SSLError`` when the CA file cannot be read."""
    context = ssl.create_default_context(cafile=settings.ca_file or None)
    if not settings.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def server_port(settings: ServerSettings, default_ports: Mapping[str, int]) -> int:
    """The configured port, or the protocol's default for ``settings.tls`` when unset."""
    return settings.port or default_ports[settings.tls]


def server_address(settings: ServerSettings, default_ports: Mapping[str, int]) -> str:
    """``host:port``, as errors name the server."""
    return f"{settings.host}:{server_port(settings, default_ports)}"


def one_line(text: str | bytes, limit: int | None = None) -> str:
    """A server's text (or an error's) on one line, whitespace collapsed, at most ``limit``
    characters; bytes are read as UTF-8."""
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return " ".join(raw.split())[:limit]
