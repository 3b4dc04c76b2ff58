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
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import utils
from email.parser import BytesHeaderParser
from email.policy import compat32
from functools import partial
from typing import Any, TypeVar

from imapclient import IMAPClient

from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.core.errors import ConfigError, MailflowError, TemporaryServerError

__all__ = ["ImapMailbox"]

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_IMAP_FAULTS = (OSError, imaplib.IMAP4.error)
BATCH_BYTES = 64 * 1024 * 1024  # a batch holds at most this many message bytes (or one message)


class ImapMailbox:
    """A :class:`~mailflow.adapters.ports.Mailbox` on one IMAP folder.

    client_factory: returns a logged-in ``IMAPClient`` (``connect_imap`` in production, a
    loopback Dovecot in tests); called lazily and again after a connection fault.
    processed_folder, attention_folder: created at the first move into them.
    fetch_chunk: UIDs per FETCH command. Refs are ``"<uidvalidity>:<uid>"``, so a move after
    a UIDVALIDITY change never touches another message.
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
        self._factory = client_factory
        self.folder = folder
        self.processed_folder = processed_folder
        self.attention_folder = attention_folder
        self.fetch_chunk = max(1, fetch_chunk)
        self.batch_bytes = batch_bytes
        self._client: IMAPClient | None = None
        self._uidvalidity: int | None = None
        self._known_folders: set[str] = set()
        self._history = 0

    @property
    def history_count(self) -> int:
        return self._history

    def connect(self) -> None:
        """Log in now rather than at the first use (a reading process does this while
        the pass loads its store). Raises ``TemporaryServerError`` or ``ConfigError``."""
        self._guard(self._connected)

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
        since = since if since.tzinfo is not None else since.replace(tzinfo=UTC)
        uidvalidity = self._guard(self._select)
        client = self._connected()
        last_uid = _last_uid(cursor, uidvalidity, self.folder)
        uids = self._guard(partial(self._uids_above, last_uid))
        pending: list[IncomingMessage] = []
        pending_bytes = 0
        size = first_size or batch_size
        start = 0
        while start < len(uids):
            # the first FETCH no bigger than the first batch: the pass gets going sooner
            step = min(self.fetch_chunk, first_size) if start == 0 and first_size \
                else self.fetch_chunk
            chunk = uids[start:start + step]
            start += step
            wanted = self._guard(partial(self._read_sizes, client, chunk, since))
            for group in _body_groups(wanted, max_bytes, self.batch_bytes):
                read = self._guard(partial(self._read_bodies, client, group, max_bytes))
                for message in read:
                    if pending and (len(pending) >= size
                                    or pending_bytes + message.size > self.batch_bytes):
                        yield Batch(tuple(pending), _cursor(uidvalidity, last_uid))
                        pending, pending_bytes, size = [], 0, batch_size
                    pending.append(message)
                    pending_bytes += len(message.raw or b"")
                    last_uid = _uid_of(message.ref)
            last_uid = max(last_uid, chunk[-1])  # past this chunk's history and expunged ones
        if pending or _cursor(uidvalidity, last_uid) != cursor:
            yield Batch(tuple(pending), _cursor(uidvalidity, last_uid))

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

    def _read_sizes(self, client: IMAPClient, uids: list[int], since: datetime) -> list[_Meta]:
        """Size and INTERNALDATE of ``uids``; history is counted and left out."""
        meta = self._same(client).fetch(uids, ["RFC822.SIZE", "INTERNALDATE"])
        wanted = []
        for uid in uids:
            item = meta.get(uid)
            if item is None or b"RFC822.SIZE" not in item:
                continue  # expunged meanwhile
            received = _aware(item[b"INTERNALDATE"])
            if received < since:
                self._history += 1
                continue
            wanted.append(_Meta(uid, int(item[b"RFC822.SIZE"]), received))
        return wanted

    def _read_bodies(self, client: IMAPClient, metas: list[_Meta],
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
        """Move messages to ``folder`` (created when missing): MOVE, else COPY+EXPUNGE.

        A ref whose message is gone, or that belongs to an older UIDVALIDITY, is skipped.
        """
        if refs and folder != self.folder:
            self._guard(partial(self._move, refs, folder))

    def move_again(self, refs: list[str], folder: str) -> None:
        """A move replayed after a crash: like :meth:`move`, but a message that a move cut
        short already copied into ``folder`` (Dovecot's MOVE on Maildir copies, then
        expunges) is only taken out of this folder, not copied a second time. Looks in
        ``folder`` by Message-ID, so only a replay pays for it."""
        if refs and folder != self.folder:
            self._guard(partial(self._move, refs, folder, again=True))

    def _move(self, refs: Sequence[str], folder: str, again: bool = False) -> None:
        client = self._connected()
        uidvalidity = self._uidvalidity if self._uidvalidity is not None else self._select()
        uids = _uids_for(refs, uidvalidity)
        if not uids:
            return
        present = client.search(["UID", ",".join(str(uid) for uid in uids)])
        uids = sorted(set(uids) & set(present))
        if not uids:
            return
        self._ensure_folder(client, folder)
        if again:
            copied = self._copied_before(client, uids, folder)
            _expunge(client, copied)
            uids = [uid for uid in uids if uid not in copied]
            if not uids:
                return
        if client.has_capability("MOVE"):
            client.move(uids, folder)
            return
        client.copy(uids, folder)
        _expunge(client, uids)

    def _copied_before(self, client: IMAPClient, uids: list[int], folder: str) -> set[int]:
        """Which of ``uids`` (in this folder) have a copy in ``folder``, by Message-ID."""
        headers = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        ids = {uid: _header_value(item.get(b"BODY[HEADER.FIELDS (MESSAGE-ID)]", b""),
                                  "Message-ID") for uid, item in headers.items()}
        copied: set[int] = set()
        client.select_folder(folder, readonly=True)
        try:
            for uid, message_id in ids.items():
                if message_id.isascii() and message_id \
                        and client.search(["HEADER", "Message-ID", message_id]):
                    copied.add(uid)
        finally:
            self._select()  # back to this folder (its UIDs stay valid)
        return copied

    def _ensure_folder(self, client: IMAPClient, folder: str) -> None:
        if folder in self._known_folders:
            return
        if not client.folder_exists(folder):
            try:
                client.create_folder(folder)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error:
                if not client.folder_exists(folder):  # created by someone else meanwhile is fine
                    raise
            try:
                client.subscribe_folder(folder)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error:
                log.debug("could not subscribe to %s", folder)
        self._known_folders.add(folder)

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
            for folder in dict.fromkeys((self.processed_folder, self.attention_folder)):
                if folder != self.folder:
                    erased += self._guard(partial(self._erase_in, folder, wanted))
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
                      if _from_address(item.get(b"BODY[HEADER.FIELDS (FROM)]", b"")) == address)
        if not uids:
            return 0
        _expunge(client, uids)
        return len(uids)

    # -- connection -----------------------------------------------------------------
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
            try:
                client.shutdown()
            except _IMAP_FAULTS:
                pass

    def _connected(self) -> IMAPClient:
        if self._client is None:
            client = self._factory()
            client.normalise_times = False  # INTERNALDATE with its zone, not local naive
            _quiet_imaplib(client)
            self._client = client
            self._known_folders = set()
        return self._client

    def _guard(self, step: Callable[[], _T]) -> _T:
        """Run an IMAP step; a connection fault drops the client and becomes temporary."""
        try:
            return step()
        except MailflowError:
            raise
        except _IMAP_FAULTS as exc:
            self._drop()
            detail = " ".join(str(exc).split())[:200] or exc.__class__.__name__
            raise TemporaryServerError(f"IMAP folder {self.folder!r}: {detail}") from None

    def _drop(self) -> None:
        client, self._client = self._client, None
        self._uidvalidity = None
        if client is not None:
            try:
                client.shutdown()
            except _IMAP_FAULTS:
                pass


@dataclass(frozen=True)
class _Meta:
    uid: int
    size: int
    received: datetime


def _body_groups(metas: list[_Meta], max_bytes: int, budget: int) -> Iterator[list[_Meta]]:
    """Split a chunk so one FETCH of bodies stays within ``budget`` bytes (or one message)."""
    group: list[_Meta] = []
    total = 0
    for meta in metas:
        size = meta.size if meta.size <= max_bytes else 0
        if group and total + size > budget:
            yield group
            group, total = [], 0
        group.append(meta)
        total += size
    if group:
        yield group


def _last_uid(cursor: dict[str, Any], uidvalidity: int, folder: str) -> int:
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


def _cursor(uidvalidity: int, last_uid: int) -> dict[str, Any]:
    return {"uidvalidity": uidvalidity, "last_uid": last_uid}


def _uid_of(ref: str) -> int:
    return int(ref.rpartition(":")[2])


def _uids_for(refs: Sequence[str], uidvalidity: int) -> list[int]:
    """The UIDs of refs of this UIDVALIDITY (a bare UID is taken as current)."""
    uids = []
    for ref in refs:
        validity, _, uid = ref.rpartition(":")
        if not uid.isdigit() or (validity and validity != str(uidvalidity)):
            log.info("not moving %r: it belongs to another UIDVALIDITY than %d", ref, uidvalidity)
            continue
        uids.append(int(uid))
    return uids


def _expunge(client: IMAPClient, uids: Sequence[int] | set[int]) -> None:
    """Flag ``uids`` of the selected folder \\Deleted and expunge them (by UID with
    UIDPLUS; without it every \\Deleted message of the folder goes)."""
    if not uids:
        return
    uids = sorted(uids)
    client.add_flags(uids, [b"\\Deleted"], silent=True)
    if client.has_capability("UIDPLUS"):
        client.uid_expunge(uids)
    else:
        client.expunge()


def _header_value(header: bytes, name: str) -> str:
    """One fetched header field's value, unfolded ("" when missing)."""
    value = BytesHeaderParser(policy=compat32).parsebytes(header).get(name)
    return " ".join(str(value).split()) if value is not None else ""


def _from_address(header: bytes) -> str:
    """The lower-case address of a fetched ``From:`` header field ("" when unreadable)."""
    value = _header_value(header, "From")
    if not value:
        return ""
    try:
        _, found = utils.parseaddr(str(value))
    except Exception:  # mail is untrusted: a header the parser cannot take matches nobody
        return ""
    return found.strip().lower()


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


def _aware(moment: datetime) -> datetime:
    """``moment`` in UTC (a zone-less one taken as UTC): the same instant, in a zone that
    pickles (IMAPClient's own zone class does not)."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
