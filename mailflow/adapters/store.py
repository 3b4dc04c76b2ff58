"""The store: TinyDB in one JSON file plus an append-only journal, one writer at a time.

- The main file is TinyDB's JSON, replaced atomically (temporary file, fsync, rename,
  fsync of the folder) and private to its owner (0600).
- A commit appends one line to a journal beside it (``mailflow.json.journal``) holding
  every record and meta value changed since the last commit, and fsyncs it: a commit
  costs what changed, not the size of the history. The journal is folded into the main
  file (a *compaction*) when it grows past the file's size (:meth:`Store.checkpoint`, at
  the end of a pass) or, during a long pass, past twice the file's size.
- Opening replays the journal over the file. A line cut short by a crash was never
  acknowledged: it is dropped, and so is that commit. Replaying a journal that is
  already in the file (a crash between a compaction's rename and the journal's removal)
  changes nothing: each line sets records to what they were at its commit.
- :class:`Store` holds an OS file lock for its whole life (one pass) and keeps the data
  in memory (TinyDB's ``CachingMiddleware``); records are read and written straight in
  that cache by key, because TinyDB's ``Table`` copies a whole table on every write.
- The file carries a schema version; :data:`MIGRATIONS` brings older files up to date.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from mailflow.errors import StoreError, StoreLockedError
from mailflow.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    PendingAction,
    Person,
    ProcessedMessage,
    Rsvp,
)

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "AtomicJSONStorage", "Snapshot", "Store"]

SCHEMA_VERSION = 1

#: a pass compacts mid-way only when the journal outgrows this and twice the file
JOURNAL_LIMIT = 64 * 1024 * 1024

R = TypeVar("R")

# record type -> (table name, the function giving a stored document's key)
_TABLES: dict[type, tuple[str, Callable[[Mapping[str, Any]], str]]] = {
    Organisation: ("organisations", lambda d: d["key"]),
    Person: ("people", lambda d: d["address"]),
    NetworkDay: ("days", lambda d: d["id"]),
    Rsvp: ("rsvps", lambda d: f"{d['day_id']}|{d['address']}"),
    InterestSubscription: ("interest", lambda d: d["address"]),
    ProcessedMessage: ("messages", lambda d: d["key"]),
    AttentionItem: ("attention", lambda d: d["id"]),
    OutgoingMail: ("outbox", lambda d: d["key"]),
    PendingAction: ("pending", lambda d: d["token"]),
}
_CLASS_OF: dict[str, type] = {name: cls for cls, (name, _) in _TABLES.items()}
_META_TABLE = "settings"

# one journal line: {"tables": {table: {key: document or null (deleted)}}, "meta": {name: value}}
Changes = dict[str, dict[str, dict[str, Any] | None]]


class AtomicJSONStorage(Storage):
    """A TinyDB storage whose file is replaced atomically and readable only by its owner."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the store ({exc.strerror})") from None
        if not text.strip():
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StoreError(f"{self.path}: the store is not valid JSON ({exc})") from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.path}: the store is not a TinyDB file")
        return data

    def write(self, data: dict[str, Any]) -> None:
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def close(self) -> None:
        pass


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``: temp file in the same folder, fsync, rename, 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _TickCache(CachingMiddleware):
    """CachingMiddleware that writes only when told to (on compaction)."""

    WRITE_CACHE_SIZE = 2**62


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 files (before versioning) had no meta table and no sent journal."""
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 1}
    return data


#: from-version -> function turning a file of that version into the next version
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}


def _schema_version(data: dict[str, Any]) -> int:
    meta = data.get("meta") or {}
    for doc in meta.values():
        if "schema_version" in doc:
            return int(doc["schema_version"])
    return 0


# -- the journal, as lines on disk ---------------------------------------------------------
def journal_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".journal")


def _legacy_sent_path(store_path: Path) -> Path:
    """Before the journal, only mails marked sent were journalled, one document a line."""
    return store_path.with_name(store_path.name + ".sent")


def _read_journal(path: Path, *, repair: bool) -> list[dict[str, Any]]:
    """The whole lines of a journal, oldest first. A last line cut short by a crash is
    dropped (and, with ``repair``, cut off the file so the next line starts cleanly)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the journal ({exc.strerror})") from None
    whole = data.rfind(b"\n") + 1
    if whole < len(data) and repair:
        os.truncate(path, whole)
    entries = []
    for number, line in enumerate(data[:whole].splitlines(), 1):
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise StoreError(
                f"{path}: line {number} is damaged; mailflow will not guess what it held "
                "(move the journal aside to go back to the last compaction)"
            ) from None
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def _legacy_entries(path: Path) -> list[dict[str, Any]]:
    """The lines of an old ``.sent`` journal as journal entries (torn lines dropped)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    entries = []
    for line in lines:
        try:
            doc = json.loads(line)
            entries.append({"tables": {"outbox": {doc["key"]: doc}}})
        except (json.JSONDecodeError, KeyError, TypeError):
            continue  # torn by a crash: never acknowledged, so its mail may be sent again
    return entries


class _Tables:
    """The store's documents in memory, by table and key, over TinyDB's cached data."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._indexes: dict[str, dict[str, int]] = {}
        self._next_ids: dict[str, int] = {}

    def raw(self, name: str) -> dict[str, Any]:
        table: dict[str, Any] = self.data.setdefault(name, {})
        return table

    def index(self, name: str) -> dict[str, int]:
        index = self._indexes.get(name)
        if index is None:
            key_of = _TABLES[_CLASS_OF[name]][1]
            index = {key_of(doc): int(doc_id) for doc_id, doc in self.raw(name).items()}
            self._indexes[name] = index
        return index

    def get(self, name: str, key: str) -> dict[str, Any] | None:
        doc_id = self.index(name).get(key)
        return None if doc_id is None else self.raw(name).get(str(doc_id))

    def put(self, name: str, key: str, doc: dict[str, Any]) -> None:
        index = self.index(name)
        doc_id = index.get(key)
        if doc_id is None:
            doc_id = self._next_id(name)
            index[key] = doc_id
        self.raw(name)[str(doc_id)] = doc

    def delete(self, name: str, key: str) -> bool:
        doc_id = self.index(name).pop(key, None)
        if doc_id is None:
            return False
        self.raw(name).pop(str(doc_id), None)
        return True

    def apply(self, changes: Mapping[str, Mapping[str, dict[str, Any] | None]]) -> None:
        for name, docs in changes.items():
            if name not in _CLASS_OF:
                continue  # a table this version does not know: nothing reads it
            for key, doc in docs.items():
                if doc is None:
                    self.delete(name, key)
                else:
                    self.put(name, key, doc)

    def set_meta(self, name: str, value: Any) -> None:
        table = self.raw(_META_TABLE)
        for doc in table.values():
            if doc.get("name") == name:
                doc["value"] = value
                return
        next_id = max((int(i) for i in table), default=0) + 1
        table[str(next_id)] = {"name": name, "value": value}

    def meta(self, name: str, default: Any = None) -> Any:
        for doc in self.raw(_META_TABLE).values():
            if doc.get("name") == name:
                return doc["value"]
        return default

    def replay(self, entries: Iterable[Mapping[str, Any]]) -> None:
        for entry in entries:
            self.apply(entry.get("tables") or {})
            for name, value in (entry.get("meta") or {}).items():
                self.set_meta(name, value)

    def _next_id(self, name: str) -> int:
        next_id = self._next_ids.get(name)
        if next_id is None:
            next_id = max((int(i) for i in self.raw(name)), default=0) + 1
        self._next_ids[name] = next_id + 1
        return next_id


class Store:
    """The network's state for one pass: opened under the lock, committed, closed.

    Records are upserted by their natural key (``put``), looked up with ``get`` and
    listed with ``all``. Nothing reaches the disk until :meth:`commit`; uncommitted
    changes are dropped on :meth:`close`.
    """

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = _acquire_lock(self.path, lock_timeout)
        self._cache: Any = _TickCache(AtomicJSONStorage)  # type: ignore[no-untyped-call]
        TinyDB(self.path, storage=self._cache)  # the middleware opens the file
        self._tables = _Tables({})
        self._unsaved: Changes = {}  # in memory, not yet in the journal
        self._unsaved_meta: dict[str, Any] = {}
        self._rewrite = False  # the main file itself must be written (new or migrated)
        self._journal_fd: int | None = None
        self._journal_bytes = 0
        self._file_bytes = 0
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    @property
    def journal_path(self) -> Path:
        return journal_path(self.path)

    # -- lifecycle ---------------------------------------------------------------
    def _open(self) -> None:
        # Temporary files of compactions cut short by a crash; safe to remove under the lock.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        data = self._cache.read()  # fills the cache from the file
        if data is None:
            data = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
            self._rewrite = True
        else:
            self._file_bytes = self.path.stat().st_size
        replayed = _Tables(data)  # the journal is replayed before any migration
        legacy = _legacy_entries(_legacy_sent_path(self.path))
        replayed.replay(legacy)
        replayed.replay(_read_journal(self.journal_path, repair=True))
        self._rewrite = self._rewrite or bool(legacy)
        with contextlib.suppress(FileNotFoundError):
            self._journal_bytes = self.journal_path.stat().st_size
        version = _schema_version(data)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this mailflow "
                f"understands ({SCHEMA_VERSION}); upgrade mailflow"
            )
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version = _schema_version(data)
            self._rewrite = True
        self._tables = _Tables(data)  # indexed afresh over the (maybe migrated) data
        self._cache.cache = data

    def commit(self) -> None:
        """Make every change since the last commit durable: one fsynced journal line."""
        if self._rewrite:
            self._compact()
            return
        if not (self._unsaved or self._unsaved_meta):
            return
        entry: dict[str, Any] = {"tables": self._unsaved}
        if self._unsaved_meta:
            entry["meta"] = self._unsaved_meta
        self._append(entry)
        self._unsaved, self._unsaved_meta = {}, {}
        if self._journal_bytes > max(JOURNAL_LIMIT, 2 * self._file_bytes):
            self._compact()

    def checkpoint(self) -> None:
        """Commit, and fold the journal into the main file once replaying it would cost
        more than loading the file (the end of a pass calls this)."""
        self.commit()
        if self._journal_bytes > self._file_bytes:
            self._compact()

    def _compact(self) -> None:
        """Write the whole store to the main file atomically, then drop the journal."""
        self._cache.storage.write(self._cache.cache)
        self._file_bytes = self.path.stat().st_size
        self._close_journal()
        self.journal_path.unlink(missing_ok=True)
        _legacy_sent_path(self.path).unlink(missing_ok=True)
        self._journal_bytes = 0
        self._unsaved, self._unsaved_meta = {}, {}
        self._rewrite = False

    def scrub(self) -> None:
        """Make the next commit rewrite the main file and drop the journal, so nothing
        deleted since the last compaction survives in an older journal line (forgetting
        a person must leave no copy of their data on disk)."""
        self._rewrite = True

    def close(self) -> None:
        """Release the lock; uncommitted changes are dropped."""
        self._close_journal()
        if self._lock_fd is not None:
            _release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return _schema_version(self._cache.cache)

    # -- meta: small named values (cursors, last digest, first run) ------------------
    def meta(self, name: str, default: Any = None) -> Any:
        return self._tables.meta(name, default)

    def set_meta(self, name: str, value: Any) -> None:
        self._tables.set_meta(name, value)
        self._unsaved_meta[name] = value

    # -- records -----------------------------------------------------------------------
    def get(self, cls: type[R], key: str) -> R | None:
        doc = self._tables.get(_TABLES[cls][0], key)
        return cls.from_doc(dict(doc)) if doc is not None else None  # type: ignore[attr-defined]

    def has(self, cls: type, key: str) -> bool:
        return key in self._tables.index(_TABLES[cls][0])

    def all(self, cls: type[R]) -> list[R]:
        name, _ = _TABLES[cls]
        return [cls.from_doc(dict(d)) for d in self._tables.raw(name).values()]  # type: ignore[attr-defined]

    def count(self, cls: type) -> int:
        return len(self._tables.index(_TABLES[cls][0]))

    def put(self, record: Any) -> None:
        self.put_many([record])

    def put_many(self, records: Iterable[Any]) -> None:
        """Upsert records by key (durable with the next commit)."""
        for record in records:
            name, key_of = _TABLES[type(record)]
            doc = record.to_doc()
            key = key_of(doc)
            self._tables.put(name, key, doc)
            self._unsaved.setdefault(name, {})[key] = doc

    def delete(self, cls: type, keys: Iterable[str]) -> int:
        name, _ = _TABLES[cls]
        deleted = 0
        for key in keys:
            if self._tables.delete(name, key):
                self._unsaved.setdefault(name, {})[key] = None
                deleted += 1
        return deleted

    def keys(self, cls: type) -> set[str]:
        """The keys of every stored record of a type (cheap: no records are built)."""
        return set(self._tables.index(_TABLES[cls][0]))

    def select(self, cls: type[R], where: Callable[[Mapping[str, Any]], bool]) -> list[R]:
        """Records whose stored document satisfies ``where``; only matches are built."""
        name, _ = _TABLES[cls]
        return [
            cls.from_doc(dict(doc))  # type: ignore[attr-defined]
            for doc in self._tables.raw(name).values() if where(doc)
        ]

    # -- durable at once -----------------------------------------------------------------
    def mark_sent(self, mail: OutgoingMail) -> None:
        """Record a mail as sent, durably at once, apart from any uncommitted change."""
        self.put(mail)
        doc = self._unsaved["outbox"].pop(mail.key)
        self._append({"tables": {"outbox": {mail.key: doc}}})

    def _append(self, entry: dict[str, Any]) -> None:
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        if self._journal_fd is None:
            self._journal_fd = os.open(
                self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
            )
        view = memoryview(line)
        while view:
            written = os.write(self._journal_fd, view)
            view = view[written:]
        os.fsync(self._journal_fd)
        self._journal_bytes += len(line)

    def _close_journal(self) -> None:
        if self._journal_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._journal_fd)
            self._journal_fd = None


def _lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


def _acquire_lock(store_path: Path, timeout: float) -> int:
    path = _lock_path(store_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the lock file ({exc.strerror})") from None
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise
        if time.monotonic() >= deadline:
            os.close(fd)
            raise StoreLockedError(
                f"another mailflow run holds {path} (waited {timeout:g} s); try again later"
            )
        time.sleep(0.05)


def _release_lock(fd: int) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


class Snapshot:
    """The store as last committed, read without the lock and never written.

    For read-only commands (``mailflow inspect``) that must not wait for a running pass.
    A commit being appended at that moment is not seen (its line is not whole yet).
    """

    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        self._tables = _Tables(AtomicJSONStorage(path).read() or {})
        self._tables.replay(_legacy_entries(_legacy_sent_path(path)))
        self._tables.replay(_read_journal(journal_path(path), repair=False))

    def all(self, cls: type[R]) -> list[R]:
        name, _ = _TABLES[cls]
        return [cls.from_doc(dict(d)) for d in self._tables.raw(name).values()]  # type: ignore[attr-defined]

    def meta(self, name: str, default: Any = None) -> Any:
        return self._tables.meta(name, default)
