"""Which messages a move cut short already copied: the one question a replayed move asks.

Dovecot's MOVE on Maildir copies and then expunges, so a crash between the two leaves a
message in both folders. A replay must take it out of the inbox without copying it again.
This used to be one ``SEARCH HEADER Message-ID`` in the target folder per message: each
a scan of the whole folder, so 2,402 pending moves kept Dovecot at 100 % CPU for about
two minutes (``bench/replay_moves.py``). Now it is a few commands a batch, whatever its
size:

1. one FETCH of the pending messages' INTERNALDATE, size and Message-ID (by UID set);
2. in the target folder, one ``SEARCH SINCE`` the oldest of those days: a copy keeps its
   INTERNALDATE (RFC 3501 6.4.7), so every copy is among the hits, and the hits are only
   the mail of those days, read from the server's index;
3. one FETCH of the same items of the hits; a pending message whose Message-ID (without
   one: its INTERNALDATE) and size are among them was copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from imapclient import IMAPClient

from mailflow.adapters.batching import aware
from mailflow.adapters.header_fields import header_value

__all__ = ["copied_to"]

#: UIDs a FETCH names: 2,000 of them take ~14 KB of a command line (Dovecot takes 64 KiB)
FETCH_CHUNK = 2000
_ID = b"BODY[HEADER.FIELDS (MESSAGE-ID)]"
_ITEMS = ["INTERNALDATE", "RFC822.SIZE", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]

#: a copy's identity: its Message-ID (without one: its INTERNALDATE) and its size, which
#: a copy keeps; a relay's second delivery of a mail differs in size (its trace headers)
Identity = tuple[str, str, int]


def copied_to(client: IMAPClient, uids: list[int], folder: str) -> set[int]:
    """Which of ``uids`` (of the selected folder) already have a copy in ``folder``.

    Leaves ``folder`` selected (read-only): the caller selects its own folder again.
    """
    fetched = _fetch(client, uids)
    pending = _identities(fetched)
    if not pending:
        return set()
    earliest = min(aware(item[b"INTERNALDATE"]) for item in fetched.values()
                   if isinstance(item.get(b"INTERNALDATE"), datetime))
    client.select_folder(folder, readonly=True)
    # SINCE compares dates "disregarding time and timezone": a day earlier covers any zone
    hits = client.search(["SINCE", (earliest - timedelta(days=1)).date()])
    if not hits:
        return set()
    there = set(_identities(_fetch(client, hits)))
    return {uid for identity, uid in pending.items() if identity in there}


def _fetch(client: IMAPClient, uids: list[int]) -> dict[int, Any]:
    """The identifying items of ``uids``, :data:`FETCH_CHUNK` UIDs a command (IMAPClient
    wants the UIDs one by one, and a server limits a command line's length)."""
    fetched: dict[int, Any] = {}
    for start in range(0, len(uids), FETCH_CHUNK):
        fetched.update(client.fetch(uids[start:start + FETCH_CHUNK], _ITEMS))
    return fetched


def _identities(fetched: Mapping[int, Mapping[bytes, Any]]) -> dict[Identity, int]:
    """Each message's identity and UID (messages expunged meanwhile are left out)."""
    found: dict[Identity, int] = {}
    for uid, item in fetched.items():
        received = item.get(b"INTERNALDATE")
        if not isinstance(received, datetime):
            continue
        message_id = header_value(item.get(_ID, b""), "Message-ID")
        stamp = "" if message_id else aware(received).isoformat()
        found[(message_id, stamp, int(item.get(b"RFC822.SIZE", 0)))] = uid
    return found
