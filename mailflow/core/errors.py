"""mailflow's exceptions: one base, subclasses that say whose fault it was.

Whose fault decides what happens: the operator's mistake (config, usage) stops with
one clear line and exit code 2; a server's passing fault is retried on the next tick;
a sender's bad mail goes to needs-attention and is never retried.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "MailDeferredError",
    "MailflowError",
    "PermanentDeliveryError",
    "SecretError",
    "StoreError",
    "StoreFullError",
    "StoreLockedError",
    "TemporaryServerError",
    "UsageError",
]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_TEMPFAIL = 75  # EX_TEMPFAIL from sysexits.h


class MailflowError(Exception):
    """Base of every error mailflow raises on purpose."""

    exit_code = EXIT_FAILED


class ConfigError(MailflowError):
    """The operator's configuration is wrong; the message names the file and the key."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, path: str = "", key: str = "") -> None:
        where = ": ".join(part for part in (path, key) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.key = key


class SecretError(ConfigError):
    """A configured secret could not be obtained (the secret itself is never shown)."""


class UsageError(MailflowError):
    """A command was called wrongly (unknown day, bad argument)."""

    exit_code = EXIT_USAGE


class StoreError(MailflowError):
    """The store file is unreadable, corrupt or of an unknown schema version."""

    exit_code = EXIT_USAGE


class StoreFullError(StoreError):
    """The disk holding the store is full: nothing of the commit was kept, and the next
    pass does the work again once there is room (not the operator's mistake: exit 1)."""

    exit_code = EXIT_FAILED


class StoreLockedError(MailflowError):
    """Another mailflow run holds the store's lock; try again later."""

    exit_code = EXIT_TEMPFAIL


class TemporaryServerError(MailflowError):
    """A server's passing fault (connection refused, timeout, 4xx): retried next tick."""


class MailDeferredError(TemporaryServerError):
    """The server is there but defers this one mail (4xx for its recipients): the mail is
    tried again later, the rest of the queue goes on."""


class PermanentDeliveryError(MailflowError):
    """The SMTP server refused a mail for good (5xx): not retried, reported in the digest."""
