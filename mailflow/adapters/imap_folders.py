"""Folder names as the IMAP server spells them, and making sure a kept folder exists.

The config writes a folder's levels with ``/`` (``mailflow/processed``), whatever the
server. Servers differ: Dovecot on Maildir separates levels with ``.`` and refuses ``/``
in a name (``[CANNOT] Invalid mailbox name``), Courier and Cyrus keep personal folders
under ``INBOX.``. So the name is built from what the server says of its personal
namespace (``NAMESPACE``, RFC 2342; without it, ``LIST "" ""``): its levels joined with
its separator, under its prefix. ``INBOX`` stays ``INBOX``; a name already under the
prefix is not put under it twice; on a server without hierarchy (no separator) the name
is used as written.

A name the server refuses to create is the operator's to fix (``ConfigError`` naming the
key), not a passing fault: retrying would fail the same way every pass.
"""

from __future__ import annotations

import imaplib
import logging
import re
from dataclasses import dataclass

from imapclient import IMAPClient

from mailflow.adapters.network import one_line
from mailflow.core.errors import ConfigError, TemporaryServerError

__all__ = ["Hierarchy", "ensure_folder", "hierarchy_of", "server_name"]

log = logging.getLogger("mailflow.adapters.imap")  # the mailbox's lines, under one name

#: a refusal that may pass (RFC 5530 response codes, or words saying so)
#: Dovecot's timing at the end of a reply: " (0.001 + 0.000 secs)."
_TIMING = re.compile(r"\s*\([\d.+ ]+ secs\)\.?$")
_PASSING = re.compile(r"UNAVAILABLE|SERVERBUG|INUSE|OVERQUOTA|temporar|try again", re.IGNORECASE)


@dataclass(frozen=True)
class Hierarchy:
    """The server's personal namespace: the prefix of every personal folder's name
    (often ``""``, ``INBOX.`` on Courier and Cyrus) and the separator of levels
    (``.`` or ``/``; None: the server has no hierarchy)."""

    prefix: str = ""
    separator: str | None = "/"

    def describe(self) -> str:
        """How the check line says it: ``separator "." and no prefix``."""
        separator = f'separator "{self.separator}"' if self.separator else "no hierarchy"
        return f'{separator}, prefix "{self.prefix}"' if self.prefix else f"{separator}, no prefix"


def hierarchy_of(client: IMAPClient) -> Hierarchy:
    """What the server says of its personal namespace (one command)."""
    if client.has_capability("NAMESPACE"):
        personal = client.namespace().personal
        if personal:
            prefix, separator = personal[0]
            return Hierarchy(_text(prefix), _text(separator) or None)
    listed = client.list_folders("", "")  # LIST "" "": the separator of the root
    if listed:
        return Hierarchy("", _text(listed[0][1]) or None)
    return Hierarchy("", None)


def server_name(configured: str, hierarchy: Hierarchy) -> str:
    """The server's name for a folder configured as ``configured`` (levels split by ``/``).

    >>> server_name("mailflow/processed", Hierarchy("", "."))
    'mailflow.processed'
    >>> server_name("mailflow/processed", Hierarchy("INBOX.", "."))
    'INBOX.mailflow.processed'
    """
    levels = [level for level in configured.split("/") if level]
    if not levels or (len(levels) == 1 and levels[0].upper() == "INBOX"):
        return configured
    separator, prefix = hierarchy.separator, hierarchy.prefix
    if separator is None:
        return configured
    name = separator.join(levels)
    if not prefix or _under(name, prefix, separator):
        return name
    return prefix + name if prefix.endswith(separator) else prefix + separator + name


def _under(name: str, prefix: str, separator: str) -> bool:
    """Whether ``name`` already lies under ``prefix`` (INBOX in any case, as RFC 3501 has it)."""
    top = prefix.removesuffix(separator)
    head, _, _ = name.partition(separator)
    if top.upper() == "INBOX":
        return head.upper() == "INBOX"
    return name.startswith(prefix) or name == top


def ensure_folder(client: IMAPClient, name: str, *, key: str) -> bool:
    """Create the folder ``name`` (and subscribe to it) unless it exists; True when it
    was created. A refusal is a ``ConfigError`` naming ``key`` and the server's reason,
    unless the server says it may pass (``TemporaryServerError``)."""
    if client.folder_exists(name):
        return False
    try:
        client.create_folder(name)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        if client.folder_exists(name):  # created by someone else meanwhile is fine
            return False
        reason = _TIMING.sub("", one_line(str(exc), 200).removeprefix("create failed: "))
        if _PASSING.search(reason):
            raise TemporaryServerError(f"cannot create the IMAP folder {name!r} now: {reason}") \
                from None
        raise ConfigError(f"the IMAP server refuses a folder named {name!r}: {reason}; choose "
                          "another name (write its levels with '/': mailflow puts in the "
                          "server's separator)", key=key) from None
    try:
        client.subscribe_folder(name)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error:
        log.debug("could not subscribe to %s", name)
    log.info("created the IMAP folder %s", name)
    return True


def _text(value: str | bytes | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
