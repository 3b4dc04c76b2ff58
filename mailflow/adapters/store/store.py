"""The store for one pass: the main file plus its journal, in memory, under the OS lock.

- The main file is TinyDB's JSON, one record a line (:mod:`.layout`), replaced
  atomically and private to its owner (0600).
- A commit appends one fsynced line to the journal beside it (:mod:`.journal`) holding
  every record and meta value changed since the last commit: a commit costs what changed,
  not the size of the history. The journal is folded into the main file (a *compaction*)
  when it grows past the file's size (:meth:`Store.checkpoint`, at the end of a pass) or,
  during a long pass, past twice the file's size.
- Opening replays the journal over the file. Replaying a journal that is already in the
  file (a crash between a compaction's rename and the journal's removal) changes nothing:
  each line sets records to what they were at its commit.
- :class:`Store` holds the OS lock (:mod:`.lock`) for its whole life and keeps the data in
  memory (:mod:`.tables`), each record table as one dict from a record's key to its
  document (the file's TinyDB document ids are not kept: a compaction numbers the records
  afresh). Equal short strings are one object, shared for the store's life.
- The file carries a schema version; :data:`.migrations.MIGRATIONS` brings older files up
  to date.
- A store that existed is never taken for a new one: a missing, empty or damaged main file
  is refused, naming the way back (:mod:`.generations`: the marker, the previous
  generation kept at each compaction, ``mailflow store recover``).
- A full disk is :class:`~mailflow.core.errors.StoreFullError`: the failed commit left
  nothing on disk, the store refuses any further commit (the pass stops, and the next
  one does the work again), and a compaction that finds no room is put off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from mailflow.adapters.store import generations
from mailflow.adapters.store.disk import DISK, Disk, full_disk, is_full
from mailflow.adapters.store.journal import (
    Journal,
    journal_line,
    journal_path,
    legacy_sent_path,
)
from mailflow.adapters.store.layout import CHUNK_BYTES, replace_atomically, write_store
from mailflow.adapters.store.lock import acquire_lock, release_lock
from mailflow.adapters.store.migrations import SCHEMA_VERSION, migrate, schema_version
from mailflow.adapters.store.tables import (
    TABLES,
    Changes,
    Tables,
    load_existing,
    replay_journals,
)
from mailflow.core.errors import StoreFullError
from mailflow.core.model import OutgoingMail

__all__ = ["JOURNAL_LIMIT", "Store"]

#: a pass compacts mid-way only when the journal outgrows this and twice the file
JOURNAL_LIMIT = 64 * 1024 * 1024

R = TypeVar("R")

log = logging.getLogger(__name__)


class Store:
    """The network's state for one pass: opened under the lock, committed, closed.

    Records are upserted by their natural key (``put``), looked up with ``get`` and
    listed with ``all``. Nothing reaches the disk until :meth:`commit`; uncommitted
    changes are dropped on :meth:`close`.
    """

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0, disk: Disk = DISK,
                 discard_as: str | None = None) -> None:
        """``disk``: where every byte is written (a test's may fill up). ``discard_as``:
        start an empty store, the old files renamed with this suffix (``mailflow init
        --force``); :attr:`discarded` lists them."""
        self.path = Path(path)
        self._lock_fd: int | None = acquire_lock(self.path, lock_timeout)
        self._disk = disk
        self._tables = Tables()
        self._unsaved: Changes = {}  # in memory, not yet in the journal
        self._unsaved_meta: dict[str, Any] = {}
        self._rewrite = False  # the main file itself must be written (new or migrated)
        self._journal = Journal(journal_path(self.path), disk)
        self._file_bytes = 0
        self._failed: StoreFullError | None = None  # a commit failed: memory is ahead of disk
        self._put_off = False  # a compaction found no room: not tried again by this store
        self._reserve_checked = False
        self.discarded: list[Path] = []
        try:
            if discard_as is not None:
                self.discarded = generations.set_aside(self.path, discard_as)
            self._open()
        except BaseException:
            self.close()
            raise

    @property
    def journal_path(self) -> Path:
        return self._journal.path

    # -- lifecycle ---------------------------------------------------------------
    def _open(self) -> None:
        # Temporary files of compactions cut short by a crash; safe to remove under the lock.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        tables = self._tables
        if load_existing(self.path, tables):  # refuses a missing or damaged one
            self._file_bytes = self.path.stat().st_size
            self._mark()  # a store from before the marker
        else:
            tables.data = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
            self._rewrite = True
        # the journal is replayed before any migration
        had_legacy = replay_journals(self.path, tables, repair=True)
        self._journal.measure()
        tables.data, migrated = migrate(tables.data, self.path)
        self._rewrite = self._rewrite or had_legacy or migrated

    def commit(self) -> None:
        """Make every change since the last commit durable: one fsynced journal line.
        A full disk raises :class:`StoreFullError` and nothing of the commit is kept; so
        is every later commit of this store (its memory is ahead of the disk)."""
        if self._failed is not None:
            raise StoreFullError(str(self._failed))
        if self._rewrite:
            self._guarded(self._compact)
            self._keep_reserve()
            return
        if not (self._unsaved or self._unsaved_meta):
            return
        entry: dict[str, Any] = {"tables": self._unsaved}
        if self._unsaved_meta:
            entry["meta"] = self._unsaved_meta
        line = journal_line(entry)
        self._guarded(lambda: self._append(line, "this commit"))
        self._unsaved, self._unsaved_meta = {}, {}
        self._keep_reserve()
        if self._journal.size > max(JOURNAL_LIMIT, 2 * self._file_bytes):
            self._compact_or_put_off()

    def _guarded(self, write: Callable[[], None]) -> None:
        """Run ``write``; a full disk fails this store for good (see :meth:`commit`)."""
        try:
            write()
        except StoreFullError as exc:
            self._failed = exc
            raise

    def _append(self, line: bytes, what: str) -> None:
        try:
            self._journal.append(line)
        except OSError as exc:
            if not is_full(exc):
                raise
            raise full_disk(self._disk, self._journal.path, len(line), what) from None

    def _keep_reserve(self) -> None:
        """Once a store has committed: make sure the room for marking mail sent is kept."""
        if not self._reserve_checked:
            self._reserve_checked = True
            generations.write_reserve(self.path, self._disk)

    def checkpoint(self) -> None:
        """Commit, and fold the journal into the main file once replaying it would cost
        more than loading the file (the end of a pass calls this)."""
        self.commit()
        if self._journal.size > self._file_bytes:
            self._compact_or_put_off()

    def _compact_or_put_off(self) -> None:
        """Compact, unless there is no room: the journal holds every commit meanwhile."""
        if self._put_off:
            return
        try:
            self._compact()
        except StoreFullError as exc:
            self._put_off = True
            log.warning("%s (the journal keeps every commit; it is folded in later)", exc)

    def _compact(self) -> None:
        """Write the whole store to the main file atomically, keep the previous generation
        (:mod:`.generations`), then drop the journal."""
        rewrite = self._rewrite
        try:
            if not rewrite:  # the old file plus this journal replay to the new one
                generations.keep_previous(self.path)
            replace_atomically(self.path, self._write_all, self._disk)
        except OSError as exc:
            if not is_full(exc):
                raise
            needed = self._file_bytes + self._journal.size
            raise full_disk(self._disk, self.path, needed, "writing the store whole") from None
        self._file_bytes = self.path.stat().st_size
        if rewrite:
            self._keep_copy()
            self._journal.remove()
        else:
            self._journal.rotate(generations.previous_journal_path(self.path))
        legacy_sent_path(self.path).unlink(missing_ok=True)
        self._mark()
        self._unsaved, self._unsaved_meta = {}, {}
        self._rewrite = False

    def _mark(self) -> None:
        """Write the marker that a store exists here, if it is missing and there is room
        (else at a later open: the main file says so meanwhile)."""
        if generations.id_path(self.path).exists():
            return
        try:
            generations.write_marker(self.path, self._disk)
        except OSError as exc:
            if not is_full(exc):
                raise

    def _write_all(self, handle: Any) -> None:
        write_store(handle, self._tables.layout())

    def _copy_file(self, handle: Any) -> None:
        """The main file's bytes, a chunk at a time (a tenth of writing it again)."""
        with self.path.open("rb") as source:
            for chunk in iter(lambda: source.read(CHUNK_BYTES), b""):
                handle.write(chunk)

    def _keep_copy(self) -> None:
        """After a rewrite, whose changes are in no journal: the previous generation is a
        copy of the new file (and an older one, or a journal, would keep what a forgotten
        person left)."""
        generations.previous_journal_path(self.path).unlink(missing_ok=True)
        try:
            replace_atomically(generations.previous_path(self.path), self._copy_file, self._disk)
        except OSError as exc:
            if not is_full(exc):
                raise
            generations.previous_path(self.path).unlink(missing_ok=True)
            log.warning("%s: no room to keep a previous generation beside the store (%s)",
                        self.path, exc.strerror)

    def scrub(self) -> None:
        """Make the next commit rewrite the main file and drop the journal, so nothing
        deleted since the last compaction survives in an older journal line (forgetting
        a person must leave no copy of their data on disk)."""
        self._rewrite = True

    def close(self) -> None:
        """Release the lock; uncommitted changes are dropped."""
        self._journal.close()
        if self._lock_fd is not None:
            release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self._tables.data)

    # -- meta: small named values (cursors, last digest, first run) ------------------
    def meta(self, name: str, default: Any = None) -> Any:
        return self._tables.meta(name, default)

    def set_meta(self, name: str, value: Any) -> None:
        self._tables.set_meta(name, value)
        self._unsaved_meta[name] = value

    # -- records -----------------------------------------------------------------------
    def get(self, cls: type[R], key: str) -> R | None:
        doc = self._tables.get(TABLES[cls][0], key)
        return cls.from_doc(doc) if doc is not None else None  # type: ignore[attr-defined]

    def has(self, cls: type, key: str) -> bool:
        return key in self._tables.records(cls)

    def all(self, cls: type[R]) -> list[R]:
        docs = self._tables.records(cls).values()
        return [cls.from_doc(d) for d in docs]  # type: ignore[attr-defined]

    def count(self, cls: type) -> int:
        return len(self._tables.records(cls))

    def put(self, record: Any) -> None:
        self.put_many([record])

    def put_many(self, records: Iterable[Any]) -> None:
        """Upsert records by key (durable with the next commit)."""
        tables = self._tables
        for record in records:
            name, key_of = TABLES[type(record)]
            doc = tables.share(record.to_doc())
            key = key_of(doc)
            tables.put(name, key, doc)
            self._unsaved.setdefault(name, {})[key] = doc

    def delete(self, cls: type, keys: Iterable[str]) -> int:
        name, _ = TABLES[cls]
        deleted = 0
        for key in keys:
            if self._tables.delete(name, key):
                self._unsaved.setdefault(name, {})[key] = None
                deleted += 1
        return deleted

    def keys(self, cls: type) -> set[str]:
        """The keys of every stored record of a type (cheap: no records are built)."""
        return set(self._tables.records(cls))

    def select(self, cls: type[R], where: Callable[[Mapping[str, Any]], bool]) -> list[R]:
        """Records whose stored document satisfies ``where``; only matches are built."""
        docs = self._tables.records(cls).values()
        return [cls.from_doc(doc) for doc in docs if where(doc)]  # type: ignore[attr-defined]

    def field_values(self, cls: type, name: str,
                     where: Callable[[Mapping[str, Any]], bool]) -> list[Any]:
        """One field's stored value of each record whose document satisfies ``where``
        (no records are built: e.g. to count them by that field)."""
        docs = self._tables.records(cls).values()
        return [doc[name] for doc in docs if where(doc)]

    # -- durable at once -----------------------------------------------------------------
    def mark_sent(self, mail: OutgoingMail) -> None:
        """Record a mail as sent, durably at once, apart from any uncommitted change. On a
        full disk the mark goes into the room the reserve kept, and then
        :class:`StoreFullError` stops the pass: a mail once sent is never sent again."""
        if self._failed is not None:
            raise StoreFullError(str(self._failed))
        self.put(mail)
        doc = self._unsaved["outbox"].pop(mail.key)
        line = journal_line({"tables": {"outbox": {mail.key: doc}}})
        try:
            self._guarded(lambda: self._append(line, "marking a mail sent"))
        except StoreFullError:
            if not generations.release_reserve(self.path):
                raise
            self._append(line, "marking a mail sent, in the room of the reserve")
            self._failed = StoreFullError(
                f"{self.path}: the disk is full: mail {mail.key} was sent and marked sent in "
                f"the room kept for it ({generations.reserve_path(self.path).name}); this "
                "pass stops here, and the next one goes on once there is room")
            raise self._failed from None
