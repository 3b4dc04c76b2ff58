"""What ``mailflow check-config`` learns from a mail server: one :class:`Check` a step.

The IMAP and SMTP adapters each walk their server through the steps a pass takes
(connect and TLS, log in, and for IMAP the folders, IDLE and MOVE) and say, per step,
what they found or why it failed, in the words and with the error class a pass would use:
a :class:`~mailflow.core.errors.ConfigError` (the operator's to fix, exit 2) or a
:class:`~mailflow.core.errors.TemporaryServerError` (the server's, exit 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mailflow.config.loader import ServerSettings
from mailflow.core.errors import EXIT_OK, MailflowError

__all__ = ["Check", "protection"]


@dataclass(frozen=True)
class Check:
    """One step of a server check.

    name: the step, as the line names it ("IMAP login"); detail: what was found, or why
    it failed (for a failure: the error's own line, which names the key); level: "ok",
    "warning" (works, but not as configured) or "failed"; exit_code: the failure's.
    """

    name: str
    detail: str
    level: Literal["ok", "warning", "failed"] = "ok"
    exit_code: int = EXIT_OK

    @classmethod
    def failed(cls, name: str, error: MailflowError) -> Check:
        return cls(name, str(error), "failed", error.exit_code)


def protection(settings: ServerSettings, section: str) -> str:
    """How the connection is protected, as a check line says it."""
    tls = {"ssl": "TLS", "starttls": "STARTTLS", "none": "no TLS"}[settings.tls]
    if settings.tls == "none":
        return tls
    if not settings.verify_certificate:
        return f"{tls}, the certificate NOT verified ({section}.verify_certificate = false)"
    against = f" against {settings.ca_file}" if settings.ca_file else ""
    return f"{tls}, certificate verified{against}"
