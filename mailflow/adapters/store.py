"""The store: TinyDB in one JSON file, written atomically, one writer at a time.

- :class:`AtomicJSONStorage` writes a temporary file in the same folder, fsyncs it and
  renames it over the old one, so the file is never half-written; it is created 0600.
- :class:`Store` holds an OS file lock for its whole life (one tick), keeps every change
  in memory (TinyDB's ``CachingMiddleware``) and writes them together on :meth:`Store.commit`:
  TinyDB rewrites the whole file on every write, so a write per record would be quadratic.
- Mails marked sent between commits are also appended to a small journal beside the
  file (fsynced per line) and replayed on open, so a crash after a send never resends.
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
from collections.abc import Callable, Iterable, Mapping, MutableMapping
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
    """CachingMiddleware that writes only when told to (on commit)."""

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


class Store:
    """The network's state for one tick: opened under the lock, committed, closed.

    Records are upserted by their natural key (``put``), looked up with ``get`` and
    listed with ``all``. Nothing reaches the disk until :meth:`commit`.
    """

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = _acquire_lock(self.path, lock_timeout)
        self._cache: Any = _TickCache(AtomicJSONStorage)  # type: ignore[no-untyped-call]
        self._db = TinyDB(self.path, storage=self._cache)  # the middleware opens the file
        self._indexes: dict[str, dict[str, int]] = {}
        self._pending: dict[str, dict[str, dict[str, Any]]] = {}
        self._dirty = False
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    # -- lifecycle ---------------------------------------------------------------
    def _open(self) -> None:
        # Temporary files of commits cut short by a crash; safe to remove under the lock.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        middleware = self._cache
        data = middleware.read()  # fills the cache from the file
        if data is None:
            middleware.cache = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
            self._dirty = True
        else:
            version = _schema_version(data)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema version {version} is newer than this mailflow "
                    f"understands ({SCHEMA_VERSION}); upgrade mailflow"
                )
            while version < SCHEMA_VERSION:
                data = MIGRATIONS[version](data)
                version = _schema_version(data)
                self._dirty = True
            middleware.cache = data
        self._replay_sent_journal()

    def commit(self) -> None:
        """Write every change since the last commit to disk, atomically."""
        self._write_pending()
        if self._dirty:
            self._cache.storage.write(self._cache.cache)
            self._dirty = False
        self._journal_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Release the lock; uncommitted changes are dropped."""
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
        for doc in self._db.table("settings").all():
            if doc.get("name") == name:
                return doc["value"]
        return default

    def set_meta(self, name: str, value: Any) -> None:
        table = self._db.table("settings")
        docs = [d for d in table.all() if d.get("name") == name]
        if docs:
            table.update({"value": value}, doc_ids=[docs[0].doc_id])
        else:
            table.insert({"name": name, "value": value})
        self._dirty = True

    # -- records -----------------------------------------------------------------------
    # Writes are queued per table (``_pending``) and reach TinyDB in one grouped write
    # before the next scan or commit: TinyDB copies a whole table on every write, so one
    # write per record would make a pass quadratic in the size of the history.
    def get(self, cls: type[R], key: str) -> R | None:
        name, _ = _TABLES[cls]
        doc: Mapping[str, Any] | None = self._pending.get(name, {}).get(key)
        if doc is None:
            doc_id = self._index(name).get(key)
            doc = self._raw(name).get(str(doc_id)) if doc_id is not None else None
        return cls.from_doc(dict(doc)) if doc is not None else None  # type: ignore[attr-defined]

    def has(self, cls: type, key: str) -> bool:
        name = _TABLES[cls][0]
        return key in self._pending.get(name, {}) or key in self._index(name)

    def all(self, cls: type[R]) -> list[R]:
        name, _ = _TABLES[cls]
        self._write_pending(name)
        return [cls.from_doc(dict(d)) for d in self._raw(name).values()]  # type: ignore[attr-defined]

    def count(self, cls: type) -> int:
        name = _TABLES[cls][0]
        self._write_pending(name)
        return len(self._index(name))

    def put(self, record: Any) -> None:
        self.put_many([record])

    def put_many(self, records: Iterable[Any]) -> None:
        """Upsert records by key (queued; written with the next scan or commit)."""
        for record in records:
            name, key_of = _TABLES[type(record)]
            doc = record.to_doc()
            self._pending.setdefault(name, {})[key_of(doc)] = doc
            self._dirty = True

    def _write_pending(self, name: str | None = None) -> None:
        """Write queued upserts to TinyDB: new ones in one insert, changed ones in one pass."""
        for table_name in [name] if name else list(self._pending):
            docs = self._pending.pop(table_name, None)
            if not docs:
                continue
            key_of = _TABLES[_CLASS_OF[table_name]][1]
            index = self._index(table_name)
            table = self._db.table(table_name)
            changed = {k: d for k, d in docs.items() if k in index}
            new_docs = {k: d for k, d in docs.items() if k not in index}
            if changed:
                table.update(_replacer(changed, key_of), doc_ids=[index[k] for k in changed])
            if new_docs:
                ids = table.insert_multiple(new_docs.values())
                index.update(zip(new_docs, ids, strict=True))

    def delete(self, cls: type, keys: Iterable[str]) -> int:
        name, _ = _TABLES[cls]
        self._write_pending(name)
        index = self._index(name)
        ids = [index.pop(k) for k in keys if k in index]
        if ids:
            self._db.table(name).remove(doc_ids=ids)
            self._dirty = True
        return len(ids)

    def keys(self, cls: type) -> set[str]:
        """The keys of every stored record of a type (cheap: no records are built)."""
        name = _TABLES[cls][0]
        self._write_pending(name)
        return set(self._index(name))

    def select(self, cls: type[R], where: Callable[[Mapping[str, Any]], bool]) -> list[R]:
        """Records whose stored document satisfies ``where``; only matches are built."""
        name, _ = _TABLES[cls]
        self._write_pending(name)
        return [
            cls.from_doc(dict(doc))  # type: ignore[attr-defined]
            for doc in self._raw(name).values() if where(doc)
        ]

    def _raw(self, name: str) -> Mapping[str, Mapping[str, Any]]:
        """A table's stored documents by id, read-only, straight from the cache.

        TinyDB's ``Table.all()`` wraps every document in a ``Document``; on a history of
        50,000 records that is most of an idle tick, so scans read the cached data instead.
        """
        tables = self._cache.cache or {}
        table: Mapping[str, Mapping[str, Any]] = tables.get(name, {})
        return table

    def _index(self, name: str) -> dict[str, int]:
        if name not in self._indexes:
            key_of = _TABLES[_CLASS_OF[name]][1]
            self._indexes[name] = {
                key_of(doc): int(doc_id) for doc_id, doc in self._raw(name).items()
            }
        return self._indexes[name]

    # -- the sent journal ----------------------------------------------------------------
    @property
    def _journal_path(self) -> Path:
        return self.path.with_name(self.path.name + ".sent")

    def mark_sent(self, mail: OutgoingMail) -> None:
        """Record a mail as sent now, durably, without rewriting the whole store."""
        self.put(mail)
        line = json.dumps(mail.to_doc(), ensure_ascii=False) + "\n"
        fd = os.open(self._journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def _replay_sent_journal(self) -> None:
        try:
            lines = self._journal_path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        mails = []
        for line in lines:
            try:
                mails.append(OutgoingMail.from_doc(json.loads(line)))
            except (json.JSONDecodeError, KeyError, ValueError):
                continue  # a line torn by a crash was never acknowledged: its mail may resend
        if mails:
            self.put_many(mails)


def _replacer(
    fresh: dict[str, dict[str, Any]], key_of: Callable[[Mapping[str, Any]], str]
) -> Callable[[MutableMapping[str, Any]], None]:
    """A TinyDB update that swaps each document for its fresh version, in one pass."""

    def replace(doc: MutableMapping[str, Any]) -> None:
        new = fresh[key_of(doc)]
        doc.clear()
        doc.update(new)

    return replace


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
    """

    def __init__(self, path: str | Path) -> None:
        self._data = AtomicJSONStorage(path).read() or {}

    def all(self, cls: type[R]) -> list[R]:
        name, _ = _TABLES[cls]
        docs = self._data.get(name) or {}
        return [cls.from_doc(dict(d)) for d in docs.values()]  # type: ignore[attr-defined]
