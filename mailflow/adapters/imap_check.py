"""``check-config`` on the IMAP server: the steps a pass takes, one :class:`Check` each.

1. IMAP connection: connect, TLS or STARTTLS, the certificate verified;
2. IMAP login: the configured user and secret;
3. IMAP folders: the inbox opened read-only, the processed and attention folders by the
   names the server gives them (its separator and prefix), created when missing as the
   first pass would create them, so a name the server refuses shows now;
4. IMAP IDLE and IMAP MOVE: whether the server offers them, and what mailflow does
   without.

A step that fails ends the walk (the next ones need it); the connection is closed in any
case. Nothing in the inbox is changed.
"""

from __future__ import annotations

import contextlib
import imaplib
from collections.abc import Iterator, Mapping
from typing import Any

from imapclient import IMAPClient

from mailflow.adapters.checks import Check, protection
from mailflow.adapters.imap_connect import log_in, open_imap
from mailflow.adapters.imap_folders import ensure_folder, hierarchy_of, server_name
from mailflow.adapters.network import one_line, server_address
from mailflow.config.loader import ImapSettings
from mailflow.config.secrets import Secret
from mailflow.core.errors import ConfigError, MailflowError, TemporaryServerError

__all__ = ["check_imap"]

_DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
_FAULTS = (OSError, imaplib.IMAP4.error)


def check_imap(settings: ImapSettings, secret: Secret, kept: Mapping[str, str], *,
               interval_minutes: float) -> Iterator[Check]:
    """The checks of one IMAP server, as they are made. ``kept``: the config key of
    each folder mail is kept in -> its configured name; ``interval_minutes``: how long
    new mail waits without IDLE."""
    try:
        client = open_imap(settings)
    except MailflowError as exc:
        yield Check.failed("IMAP connection", exc)
        return
    try:
        yield Check("IMAP connection", f"{server_address(settings, _DEFAULT_PORTS)}, "
                                       f"{protection(settings, 'imap')}")
        yield from _logged_in(client, settings, secret, kept, interval_minutes)
    finally:
        _close(client)


def _logged_in(client: IMAPClient, settings: ImapSettings, secret: Secret,
               kept: Mapping[str, str], interval_minutes: float) -> Iterator[Check]:
    try:
        log_in(client, settings, secret)
    except MailflowError as exc:
        yield Check.failed("IMAP login", exc)
        return
    how = "XOAUTH2" if secret.kind == "oauth2" else "password"
    yield Check("IMAP login", f"{settings.username!r} logged in ({how})")
    try:
        yield Check("IMAP folders", _folders(client, settings, kept))
    except MailflowError as exc:
        yield Check.failed("IMAP folders", exc)
        return
    yield _idle(client, settings, interval_minutes)
    yield _move(client)


def _folders(client: IMAPClient, settings: ImapSettings, kept: Mapping[str, str]) -> str:
    """The inbox and the kept folders by the server's names (kept ones created when
    missing); raises ``ConfigError`` naming the key of a folder that cannot be."""
    try:
        hierarchy = hierarchy_of(client)
        info = _inbox(client, settings.folder)
        seen = {settings.folder: f"inbox, {int(info.get(b'EXISTS', 0))} message(s)"}
        for key, configured in kept.items():
            name = server_name(configured, hierarchy)
            if name not in seen:
                created = ensure_folder(client, name, key=key)
                seen[name] = f"{_role(key)}, {'created' if created else 'exists'}"
    except _FAULTS as exc:
        raise TemporaryServerError(f"IMAP server dropped the folder check: "
                                   f"{one_line(str(exc), 200)}") from None
    listed = ", ".join(f"{name} ({what})" for name, what in seen.items())
    return f"{listed}; {hierarchy.describe()}"


def _role(key: str) -> str:
    """``mailbox.processed_folder`` -> ``processed``."""
    return key.rpartition(".")[2].removesuffix("_folder")


def _inbox(client: IMAPClient, folder: str) -> dict[bytes, Any]:
    try:
        return dict(client.select_folder(folder, readonly=True))
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        raise ConfigError(f"cannot open the IMAP folder {folder!r}: "
                          f"{one_line(str(exc), 200)}", key="imap.folder") from None


def _idle(client: IMAPClient, settings: ImapSettings, interval_minutes: float) -> Check:
    offered = client.has_capability("IDLE")
    if not settings.idle:
        return Check("IMAP IDLE", f"{'offered' if offered else 'not offered'}; not used "
                                  f"(imap.idle = false): new mail waits for the interval")
    if offered:
        return Check("IMAP IDLE", "offered: the daemon handles new mail at once")
    return Check("IMAP IDLE", f"not offered by {settings.host}: the daemon handles new mail "
                              f"every {interval_minutes:g} min (schedule.interval_minutes); "
                              "set imap.idle = false to say so", "warning")


def _move(client: IMAPClient) -> Check:
    if client.has_capability("MOVE"):
        return Check("IMAP MOVE", "offered: handled mail is moved in one command")
    if client.has_capability("UIDPLUS"):
        return Check("IMAP MOVE", "not offered: handled mail is copied, then expunged by UID")
    return Check("IMAP MOVE", "not offered, nor UIDPLUS: handled mail is copied and "
                              "expunged, and an EXPUNGE also removes any other message "
                              "flagged \\Deleted in the inbox", "warning")


def _close(client: IMAPClient) -> None:
    try:
        client.logout()
    except _FAULTS:
        with contextlib.suppress(*_FAULTS):
            client.shutdown()
