"""The IMAP mailbox: new mail found by UID, read with BODY.PEEK[], moved when handled.

The cursor ``{"uidvalidity": V, "last_uid": U}`` remembers the highest UID handled; each
pass reads the UIDs above it, oldest first. The tick commits each batch's cursor with
the batch's outcomes and only then moves the messages, so a pass cut short (a dropped
connection raises ``TemporaryServerError``) loses nothing and the next pass resumes at
the last committed UID.

When the folder's UIDVALIDITY changes (the mailbox was recreated or restored), old UIDs
mean nothing: the pass starts again at UID 1 and everything still in the folder comes
again. Nothing is lost, and nothing is handled twice, because the tick records the key
(Message-ID) of every message it handled and only moves a repeated one.

Every pass, not only the first, leaves messages received before ``since`` (by their
INTERNALDATE) alone: they are counted in ``history_count`` and the cursor moves past them,
so a restart at UID 1 never floods the tick with old mail.
"""

from __future__ import annotations

import imaplib
import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from imapclient import IMAPClient

from mailflow.adapters.batching import BATCH_BYTES, BatchFill, aware
from mailflow.adapters.header_fields import from_address
from mailflow.adapters.imap_connect import ImapConnection
from mailflow.adapters.imap_folders import ensure_folder
from mailflow.adapters.imap_replay import copied_to
from mailflow.adapters.imap_uids import (
    Meta,
    body_groups,
    chunks,
    cursor_of,
    last_uid_of,
    uid_of,
    uid_set,
    uids_for,
)
from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.core.errors import ConfigError, TemporaryServerError

__all__ = ["ImapMailbox"]

log = logging.getLogger(__name__)


class ImapMailbox(ImapConnection):
    """A :class:`~mailflow.adapters.ports.Mailbox` on one IMAP folder.

    client_factory: returns a logged-in ``IMAPClient`` (``connect_imap`` in production, a
    loopback Dovecot in tests); called lazily and again after a connection fault.
    processed_folder, attention_folder: as configured (levels split by ``/``); created
    at the first move into them, named as the server spells them.
    fetch_chunk: UIDs per FETCH command. Refs are ``"<uidvalidity>:<uid>"``, so a move after
    a UIDVALIDITY change never touches another message. Connecting, reconnecting and
    closing come from :class:`~mailflow.adapters.imap_connect.ImapConnection`.
    """

    def __init__(
        self,
        client_factory: Callable[[], IMAPClient],
        folder: str = "INBOX",
        *,
        processed_folder: str,
        attention_folder: str,
        fetch_chunk: int = 100,
        batch_bytes: int = BATCH_BYTES,
    ) -> None:
        super().__init__(client_factory, folder)
        self.processed_folder = processed_folder
        self.attention_folder = attention_folder
        #: the config key of each kept folder, which a refused name's error names
        self._keys = {attention_folder: "mailbox.attention_folder",
                      processed_folder: "mailbox.processed_folder"}
        self.fetch_chunk = max(1, fetch_chunk)
        self.batch_bytes = batch_bytes
        self._history = 0

    @property
    def history_count(self) -> int:
        return self._history

    # -- reading --------------------------------------------------------------------
    def fetch_new(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int,
        *, first_size: int = 0,
    ) -> Iterator[Batch]:
        """Yield batches of the messages above the cursor's UID (see the module's notes).

        Sizes and INTERNALDATEs are fetched first, so a message over ``max_bytes`` is never
        downloaded (``raw=None``). Raises ``TemporaryServerError`` when the connection fails.
        """
        self._history = 0
        since = aware(since)
        uidvalidity = self._guard(self._select)
        client = self._connected()
        last_uid = last_uid_of(cursor, uidvalidity, self.folder)
        uids = self._guard(partial(self._uids_above, last_uid))
        fill = BatchFill(batch_size, first_size, self.batch_bytes)
        for chunk in chunks(uids, self.fetch_chunk, first_size):
            for message in self._read_chunk(client, chunk, since, max_bytes):
                if fill.messages and (fill.full or fill.overflows(message.size)):
                    yield Batch(fill.take(), cursor_of(uidvalidity, last_uid))
                fill.add(message)
                last_uid = uid_of(message.ref)
            last_uid = max(last_uid, chunk[-1])  # past this chunk's history and expunged ones
        if fill.messages or cursor_of(uidvalidity, last_uid) != cursor:
            yield Batch(fill.take(), cursor_of(uidvalidity, last_uid))

    def _read_chunk(self, client: IMAPClient, chunk: list[int], since: datetime,
                    max_bytes: int) -> Iterator[IncomingMessage]:
        """The messages of one chunk of UIDs received since ``since``, their bodies
        fetched a group at a time (a message over ``max_bytes`` with ``raw=None``)."""
        wanted = self._guard(partial(self._read_sizes, client, chunk, since))
        for group in body_groups(wanted, max_bytes, self.batch_bytes):
            yield from self._guard(partial(self._read_bodies, client, group, max_bytes))

    def _select(self) -> int:
        client = self._connected()
        try:
            info = client.select_folder(self.folder)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as exc:
            if not client.folder_exists(self.folder):
                raise ConfigError(f"the IMAP folder {self.folder!r} does not exist",
                                  key="imap.folder") from None
            raise TemporaryServerError(f"cannot open IMAP folder {self.folder!r}: {exc}") \
                from None
        uidvalidity = int(info[b"UIDVALIDITY"])
        self._uidvalidity = uidvalidity
        return uidvalidity

    def _uids_above(self, last_uid: int) -> list[int]:
        found = self._connected().search(["UID", f"{last_uid + 1}:*"])
        # "N:*" matches the highest UID even when it is below N (RFC 3501 6.4.8).
        return sorted(uid for uid in found if uid > last_uid)

    def _same(self, client: IMAPClient) -> IMAPClient:
        """The pass's client; a pass never continues on a new connection (UIDs may differ)."""
        if self._client is not client:
            raise TemporaryServerError(
                f"the connection for IMAP folder {self.folder!r} was lost during the pass")
        return client

    def _read_sizes(self, client: IMAPClient, uids: list[int], since: datetime) -> list[Meta]:
        """Size and INTERNALDATE of ``uids``; history is counted and left out."""
        meta = self._same(client).fetch(uids, ["RFC822.SIZE", "INTERNALDATE"])
        wanted = []
        for uid in uids:
            item = meta.get(uid)
            if item is None or b"RFC822.SIZE" not in item:
                continue  # expunged meanwhile
            received = aware(item[b"INTERNALDATE"])
            if received < since:
                self._history += 1
                continue
            wanted.append(Meta(uid, int(item[b"RFC822.SIZE"]), received))
        return wanted

    def _read_bodies(self, client: IMAPClient, metas: list[Meta],
                     max_bytes: int) -> list[IncomingMessage]:
        """The messages with their bytes (``BODY.PEEK[]``: \\Seen stays unset)."""
        small = [m.uid for m in metas if m.size <= max_bytes]
        bodies = self._same(client).fetch(small, ["BODY.PEEK[]"]) if small else {}
        messages = []
        for meta in metas:
            raw: bytes | None = None
            if meta.size <= max_bytes:
                raw = bodies.get(meta.uid, {}).get(b"BODY[]")
                if raw is None:
                    continue  # expunged between the two FETCHes
            messages.append(IncomingMessage(ref=f"{self._uidvalidity}:{meta.uid}", raw=raw,
                                            size=meta.size, received_at=meta.received))
        return messages

    # -- moving ---------------------------------------------------------------------
    def move(self, refs: list[str], folder: str) -> None:
        """Move messages to the configured ``folder`` (created when missing, its name as
        the server spells it: see :mod:`~mailflow.adapters.imap_folders`): one MOVE by
        UID set, else COPY + EXPUNGE.

        A ref whose message is gone, or that belongs to an older UIDVALIDITY, is skipped.
        A folder name the server refuses raises ``ConfigError`` naming its key.
        """
        if refs and folder != self.folder:
            self._guard(partial(self._move, refs, folder), self._moving(refs, folder))

    def move_again(self, refs: list[str], folder: str) -> None:
        """A move replayed after a crash: like :meth:`move`, but a message that a move cut
        short already copied into ``folder`` (Dovecot's MOVE on Maildir copies, then
        expunges) is only taken out of this folder, not copied a second time. A few
        commands a batch, whatever its size (:mod:`~mailflow.adapters.imap_replay`)."""
        if refs and folder != self.folder:
            self._guard(partial(self._move, refs, folder, again=True),
                        self._moving(refs, folder))

    def _moving(self, refs: list[str], folder: str) -> str:
        return f"moving {len(refs)} message(s) from {self.folder!r} to {folder!r}"

    def _move(self, refs: Sequence[str], folder: str, again: bool = False) -> None:
        client = self._connected()
        uidvalidity = self._uidvalidity if self._uidvalidity is not None else self._select()
        uids = uids_for(refs, uidvalidity)
        if not uids:
            return
        uids = sorted(set(uids) & set(client.search(["UID", uid_set(uids)])))
        if not uids:
            return
        target = self._kept_folder(folder)
        if again:
            try:
                copied = copied_to(client, uids, target)
            finally:
                self._select()  # back to this folder (its UIDs stay valid)
            _expunge(client, copied)
            uids = [uid for uid in uids if uid not in copied]
            if not uids:
                return
        if client.has_capability("MOVE"):
            client.move(uid_set(uids), target)
            return
        client.copy(uid_set(uids), target)
        _expunge(client, uids)

    def _kept_folder(self, configured: str) -> str:
        """The server's name of a folder mail is kept in, created when missing."""
        name = self.server_folder(configured)
        if name not in self._known_folders:
            key = self._keys.get(configured, "mailbox")
            ensure_folder(self._connected(), name, key=key)
            self._known_folders.add(name)
        return name

    # -- forgetting ------------------------------------------------------------------
    def erase_from(self, address: str) -> int:
        """Delete every kept message (processed and attention folders, not the inbox)
        whose From is ``address``; return how many.

        ``SEARCH FROM`` matches substrings, so each hit's From header is checked before it
        is flagged ``\\Deleted`` and expunged (by UID when the server has UIDPLUS).
        """
        wanted = address.strip().lower()
        erased = 0
        try:
            for configured in dict.fromkeys((self.processed_folder, self.attention_folder)):
                if configured != self.folder:
                    folder = self.server_folder(configured)
                    erased += self._guard(partial(self._erase_in, folder, wanted),
                                          f"erasing mail from {folder!r}")
        finally:
            self._uidvalidity = None  # another folder is selected now: the next step reselects
        return erased

    def _erase_in(self, folder: str, address: str) -> int:
        client = self._connected()
        if not client.folder_exists(folder):
            return 0
        client.select_folder(folder)
        charset = None if address.isascii() else "UTF-8"
        found = client.search(["FROM", address], charset=charset)
        if not found:
            return 0
        headers = client.fetch(found, ["BODY.PEEK[HEADER.FIELDS (FROM)]"])
        uids = sorted(uid for uid, item in headers.items()
                      if from_address(item.get(b"BODY[HEADER.FIELDS (FROM)]", b"")) == address)
        if not uids:
            return 0
        _expunge(client, uids)
        return len(uids)


def _expunge(client: IMAPClient, uids: Sequence[int] | set[int]) -> None:
    """Flag ``uids`` of the selected folder \\Deleted and expunge them (by UID with
    UIDPLUS; without it every \\Deleted message of the folder goes)."""
    if not uids:
        return
    marked = uid_set(uids)
    client.add_flags(marked, [b"\\Deleted"], silent=True)
    if client.has_capability("UIDPLUS"):
        client.uid_expunge(marked)
    else:
        client.expunge()
