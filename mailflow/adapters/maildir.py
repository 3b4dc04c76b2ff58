"""The Maildir mailbox (the default): the inbox is a Maildir, folders are Maildir++ subfolders.

Reading lists ``new/`` and ``cur/`` and reads each file's bytes; it never renames a file
(so nothing is marked read) and never parses. A message's delivery time is its file's
mtime (what Dovecot shows as INTERNALDATE), or the leading timestamp of its unique name
when the mtime is unusable. Maildir has no cursor: every pass sees what is still in the
inbox, and the tick moves handled messages out.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mailflow.adapters.batching import BATCH_BYTES, BatchFill, aware, read_cost
from mailflow.adapters.header_fields import from_address, header_block
from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.core.errors import ConfigError, TemporaryServerError

__all__ = ["MaildirMailbox", "folder_path"]

log = logging.getLogger(__name__)

_INFO_SEPARATOR = ":"  # "unique:2,FLAGS" in cur/
_FOLDER_NAME = re.compile(r"^[^/\\\x00-\x1f.][^/\\\x00-\x1f]*$")
_HEADER_BYTES = 256 * 1024  # erase_from reads at most this much of each file: the header block


@dataclass(frozen=True)
class _Entry:
    path: Path
    key: str
    size: int
    received: datetime


def folder_path(root: Path, folder: str) -> Path:
    """The Maildir++ folder ``root/.folder`` ("" is the root); "a/b" becomes ``.a.b``.

    Raises ``ConfigError`` for a name that could leave the Maildir.
    """
    if not folder:
        return root
    name = folder.replace("/", ".")
    if not _FOLDER_NAME.match(name) or ".." in name or name.endswith("."):
        raise ConfigError(f"not a usable Maildir folder name: {folder!r}", key="mailbox")
    return root / f".{name}"


def count_waiting(root: Path, inbox_folder: str = "") -> int:
    """How many files the inbox holds (``new`` and ``cur``), counted without reading any:
    an upper bound of what a pass may find there, cheap enough for every idle tick."""
    inbox = folder_path(Path(root), inbox_folder)
    count = 0
    for sub in ("new", "cur"):
        try:
            with os.scandir(inbox / sub) as listing:
                count += sum(1 for _ in listing)
        except OSError:
            continue  # not there yet: the pass creates it, and finds nothing
    return count


class MaildirMailbox:
    """A :class:`~mailflow.adapters.ports.Mailbox` on a local Maildir.

    path: the Maildir root (created when missing); inbox_folder: read this Maildir++
    folder instead of the root; kept_folders: where handled mail is kept (the processed
    and attention folders), searched by :meth:`erase_from`. Refs are the messages'
    unique names (keys).
    """

    def __init__(self, path: Path, inbox_folder: str = "", *,
                 batch_bytes: int = BATCH_BYTES,
                 kept_folders: tuple[str, ...] = ("processed", "attention")) -> None:
        self.root = Path(path)
        self.inbox = folder_path(self.root, inbox_folder)
        self.kept_folders = tuple(folder_path(self.root, f) for f in kept_folders)
        self.batch_bytes = batch_bytes
        self._history = 0
        self._seen: dict[str, Path] = {}  # key -> where the last fetch found it

    @property
    def history_count(self) -> int:
        return self._history

    def fetch_new(
        self, cursor: dict[str, Any], since: datetime, batch_size: int, max_bytes: int,
        *, first_size: int = 0,
    ) -> Iterator[Batch]:
        """Yield batches of the inbox's messages delivered at or after ``since``, oldest first.

        A file that vanishes before it is read (moved or renamed by someone else) is left for
        the next pass. The cursor is unused: each batch returns ``{}``.
        """
        self._history = 0
        fill = BatchFill(batch_size, first_size, self.batch_bytes)
        for entry in self._delivered_since(aware(since)):
            if fill.overflows(read_cost(entry.size, max_bytes)):
                yield Batch(fill.take(), {})
            message = self._read(entry, max_bytes)  # read only when its batch is next
            if message is None:
                continue
            fill.add(message)
            if fill.full:
                yield Batch(fill.take(), {})
        if fill.messages:
            yield Batch(fill.take(), {})

    def _delivered_since(self, since: datetime) -> list[_Entry]:
        """The inbox's messages delivered at or after ``since``, oldest first; the older
        ones are counted in ``history_count``."""
        entries = []
        for entry in self._list():
            if entry.received < since:
                self._history += 1
            else:
                entries.append(entry)
        entries.sort(key=lambda e: (e.received, e.path.name))
        return entries

    def _list(self) -> list[_Entry]:
        self._create(self.inbox)
        found = []
        self._seen = {}
        for sub in ("new", "cur"):
            try:
                with os.scandir(self.inbox / sub) as listing:
                    for item in listing:
                        entry = _entry(item)
                        if entry is not None:
                            found.append(entry)
                            self._seen[entry.key] = entry.path
            except OSError as exc:
                raise TemporaryServerError(f"cannot list the Maildir {self.inbox / sub}: "
                                           f"{exc.strerror or exc}") from None
        return found

    def _read(self, entry: _Entry, max_bytes: int) -> IncomingMessage | None:
        raw: bytes | None = None
        size = entry.size
        if size <= max_bytes:
            try:
                raw = entry.path.read_bytes()
            except FileNotFoundError:
                return None  # renamed (flags) or moved meanwhile: next pass
            except OSError as exc:
                log.warning("cannot read %s (%s); left in the inbox", entry.path,
                            exc.strerror or exc)
                return None
            size = len(raw)
            if size > max_bytes:  # grew since it was listed (not yet complete?)
                raw = None
        return IncomingMessage(ref=entry.key, raw=raw, size=size, received_at=entry.received)

    def connect(self) -> None:
        """Nothing to connect to: the folder is read when asked."""

    def move_again(self, refs: list[str], folder: str) -> None:
        """A replay after a crash: a rename is never half done, so :meth:`move`."""
        self.move(refs, folder)

    def move(self, refs: list[str], folder: str) -> None:
        """Rename each message into ``folder``'s cur/ (created when missing). Idempotent:
        a ref no longer in the inbox is skipped.
        """
        target = folder_path(self.root, folder)
        if target == self.inbox:
            return
        self._create(target)
        for ref in refs:
            source = self._locate(ref)
            if source is None:
                continue
            name = source.name if source.parent.name == "cur" else f"{source.name}:2,"
            try:
                os.rename(source, target / "cur" / name)
            except FileNotFoundError:
                continue  # moved by a concurrent pass
            except OSError as exc:
                raise TemporaryServerError(f"cannot move {source} to {target}: "
                                           f"{exc.strerror or exc}") from None
            self._seen.pop(ref, None)

    def _locate(self, ref: str) -> Path | None:
        """Where the message ``ref`` is now in the inbox (it may have been renamed)."""
        if not ref or "/" in ref or ref.startswith("."):
            return None
        known = self._seen.get(ref)
        if known is not None and known.exists():
            return known
        if (self.inbox / "new" / ref).exists():
            return self.inbox / "new" / ref
        try:
            with os.scandir(self.inbox / "cur") as listing:
                for item in listing:
                    if _key(item.name) == ref:
                        return Path(item.path)
        except FileNotFoundError:
            pass
        return None

    @staticmethod
    def _create(folder: Path) -> None:
        try:
            for sub in ("tmp", "new", "cur"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            if folder.name.startswith("."):
                (folder / "maildirfolder").touch(exist_ok=True)
        except OSError as exc:
            raise TemporaryServerError(f"cannot create the Maildir folder {folder}: "
                                       f"{exc.strerror or exc}") from None

    def erase_from(self, address: str) -> int:
        """Delete every kept message (processed and attention folders, not the inbox)
        whose From is ``address``; return how many. Only each file's header block is read.
        """
        wanted = address.strip().lower()
        erased = 0
        for folder in self.kept_folders:
            if folder == self.inbox:
                continue
            for sub in ("new", "cur"):
                try:
                    with os.scandir(folder / sub) as listing:
                        files = [Path(item.path) for item in listing
                                 if not item.name.startswith(".")]
                except FileNotFoundError:
                    continue
                for path in files:
                    if _sender(path) != wanted:
                        continue
                    try:
                        path.unlink()
                    except FileNotFoundError:
                        continue
                    except OSError as exc:
                        raise TemporaryServerError(f"cannot delete {path}: "
                                                   f"{exc.strerror or exc}") from None
                    erased += 1
        return erased

    def close(self) -> None:
        self._seen = {}


def _key(name: str) -> str:
    return name.split(_INFO_SEPARATOR, 1)[0]


def _entry(item: os.DirEntry[str]) -> _Entry | None:
    if item.name.startswith("."):
        return None
    try:
        if not item.is_file(follow_symlinks=False):
            return None
        info = item.stat(follow_symlinks=False)
    except OSError:
        return None  # gone meanwhile
    return _Entry(Path(item.path), _key(item.name), info.st_size,
                  _delivered(item.name, info.st_mtime))


def _delivered(name: str, mtime: float) -> datetime:
    """The file's mtime, or the leading timestamp of the unique name when mtime is unusable."""
    if mtime <= 0:
        stamp = name.split(".", 1)[0]
        mtime = float(stamp) if stamp.isdigit() else 0.0
    try:
        return datetime.fromtimestamp(mtime, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return datetime.fromtimestamp(0, tz=UTC)


def _sender(path: Path) -> str:
    """The lower-case address in a message file's From header ("" when unreadable)."""

    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError:
        return ""
    return from_address(header_block(head))
