"""UIDs, refs and the cursor of the IMAP mailbox: which messages a pass reads, in which
FETCHes, and which a move may touch.

A ref is ``"<uidvalidity>:<uid>"``; the cursor is ``{"uidvalidity": V, "last_uid": U}``.
Pure functions on numbers and strings; the mailbox does the talking to the server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mailflow.adapters.batching import read_cost

__all__ = [
    "Meta", "body_groups", "chunks", "cursor_of", "last_uid_of", "uid_of", "uid_set", "uids_for",
]

log = logging.getLogger("mailflow.adapters.imap")  # the mailbox's lines, under one name


@dataclass(frozen=True)
class Meta:
    """What the first FETCH tells of a message: its UID, size and INTERNALDATE (UTC)."""

    uid: int
    size: int
    received: datetime


def chunks(uids: list[int], size: int, first_size: int = 0) -> Iterator[list[int]]:
    """``uids`` in FETCH chunks of ``size``; the first no bigger than the first batch
    (``first_size``, when given), so the pass gets going sooner."""
    start = 0
    while start < len(uids):
        step = min(size, first_size) if start == 0 and first_size else size
        yield uids[start:start + step]
        start += step


def body_groups(metas: list[Meta], max_bytes: int, budget: int) -> Iterator[list[Meta]]:
    """Split a chunk so one FETCH of bodies stays within ``budget`` bytes (or one message);
    a message over ``max_bytes`` is not fetched and costs nothing."""
    group: list[Meta] = []
    total = 0
    for meta in metas:
        size = read_cost(meta.size, max_bytes)
        if group and total + size > budget:
            yield group
            group, total = [], 0
        group.append(meta)
        total += size
    if group:
        yield group


def last_uid_of(cursor: dict[str, Any], uidvalidity: int, folder: str) -> int:
    """The cursor's UID, or 0 at the first run and after a UIDVALIDITY change."""
    if not cursor:
        return 0
    try:
        validity, last = int(cursor["uidvalidity"]), int(cursor["last_uid"])
    except (KeyError, TypeError, ValueError):
        log.warning("ignoring a malformed IMAP cursor %r; reading %s from UID 1", cursor, folder)
        return 0
    if validity != uidvalidity:
        log.warning("UIDVALIDITY of %s changed from %d to %d: reading again from UID 1 "
                    "(handled messages are recognised by their key and only moved)",
                    folder, validity, uidvalidity)
        return 0
    return last


def cursor_of(uidvalidity: int, last_uid: int) -> dict[str, Any]:
    """The cursor a batch commits: everything up to ``last_uid`` is handled."""
    return {"uidvalidity": uidvalidity, "last_uid": last_uid}


def uid_of(ref: str) -> int:
    """The UID of a ref."""
    return int(ref.rpartition(":")[2])


def uids_for(refs: Sequence[str], uidvalidity: int) -> list[int]:
    """The UIDs of refs of this UIDVALIDITY (a bare UID is taken as current); the others
    are left, with one line saying how many (they come again from UID 1)."""
    uids, others = [], 0
    for ref in refs:
        validity, _, uid = ref.rpartition(":")
        if not uid.isdigit() or (validity and validity != str(uidvalidity)):
            others += 1
            continue
        uids.append(int(uid))
    if others:
        log.info("not moving %d message(s) of another UIDVALIDITY than %d: they are read "
                 "again from UID 1 and moved then", others, uidvalidity)
    return uids


def uid_set(uids: Iterable[int]) -> str:
    """``uids`` as an IMAP sequence set, runs as ranges: ``[1, 2, 3, 7]`` -> ``"1:3,7"``.
    One command carries a batch of any size in a short line (servers limit a line's
    length: Dovecot to 64 KiB, which 2,000 UIDs written one by one come near)."""
    runs: list[str] = []
    ordered = sorted(set(uids))
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
            first, last = ordered[start], ordered[i - 1]
            runs.append(str(first) if first == last else f"{first}:{last}")
            start = i
    return ",".join(runs)
