"""The store: TinyDB in one JSON file plus an append-only journal, one writer at a time.

- The main file is TinyDB's JSON laid out one record a line (:func:`write_store`), written
  in chunks straight to a temporary file and replaced atomically (fsync, rename, fsync of
  the folder), private to its owner (0600). It is loaded a few hundred records at a time
  (:func:`load_store`), so neither a compaction nor an open holds the whole text; a file
  in any other layout (TinyDB's own, an older mailflow's single line, a hand edit) is read
  whole, and the next compaction lays it out again.
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
  in memory, each record table as one dict from a record's key to its document (the
  file's TinyDB document ids are not kept: a compaction numbers the records afresh).
  Equal short strings in documents (timestamps of one pass, statuses, kinds, addresses)
  are one object, shared through a memo for the store's life.
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
from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, TypeVar

from tinydb.storages import Storage

from mailflow.core.errors import StoreError, StoreLockedError
from mailflow.core.languages.reasons import legacy_reasons
from mailflow.core.model import (
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

__all__ = [
    "MIGRATIONS", "SCHEMA_VERSION", "AtomicJSONStorage", "Snapshot", "Store",
    "load_store", "write_store",
]

SCHEMA_VERSION = 2

#: a pass compacts mid-way only when the journal outgrows this and twice the file
JOURNAL_LIMIT = 64 * 1024 * 1024

#: bytes of the main file read or written at a time
CHUNK_BYTES = 256 * 1024

#: strings up to this long are shared between documents (longer ones rarely repeat)
SHARED_STRING_CHARS = 100

R = TypeVar("R")

# record type -> (table name, the function giving a stored document's key)
# (itemgetter: the key is read in C when a file's 10,000 documents are loaded)
_TABLES: dict[type, tuple[str, Callable[[Mapping[str, Any]], str]]] = {
    Organisation: ("organisations", itemgetter("key")),
    Person: ("people", itemgetter("address")),
    NetworkDay: ("days", itemgetter("id")),
    Rsvp: ("rsvps", lambda d: f"{d['day_id']}|{d['address']}"),
    InterestSubscription: ("interest", itemgetter("address")),
    ProcessedMessage: ("messages", itemgetter("key")),
    AttentionItem: ("attention", itemgetter("id")),
    OutgoingMail: ("outbox", itemgetter("key")),
    PendingAction: ("pending", itemgetter("token")),
}
_CLASS_OF: dict[str, type] = {name: cls for cls, (name, _) in _TABLES.items()}
_KEY_OF: dict[str, Callable[[Mapping[str, Any]], str]] = {
    name: key_of for name, key_of in _TABLES.values()
}
_META_TABLE = "settings"

# one journal line: {"tables": {table: {key: document or null (deleted)}}, "meta": {name: value}}
Changes = dict[str, dict[str, dict[str, Any] | None]]

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _not_json(value: object) -> None:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# json's C encoder called straight, one document at a time, without JSONEncoder.encode's
# setup per call (a fifth of the time of writing 27,000 documents)
_ENCODE_PARTS: Callable[[Any, int], list[str]] | None = (
    None if c_make_encoder is None else
    c_make_encoder(None, _not_json, encode_basestring, None, ":", ",", False, False, True)
)


def _encode_doc(doc: Any) -> str:
    if _ENCODE_PARTS is None:
        return _ENCODE(doc)
    return "".join(_ENCODE_PARTS(doc, 0))


# -- the main file, one record a line --------------------------------------------------------
#
#   {
#   "people":{
#   "1":{"address":"a@omnia.test",...},
#   "2":{"address":"b@omnia.test",...}
#   },
#   "messages":{
#   }
#   }
#
# which is exactly the JSON TinyDB reads: tables of document id -> document.
def write_store(handle: IO[bytes], tables: Iterable[tuple[str, Iterable[tuple[str, Any]]]]) -> None:
    """Write ``(table name, (document id, document)...)...`` to ``handle`` as TinyDB JSON,
    one document a line, a chunk of lines at a time (never the whole text at once)."""
    parts: list[str] = ["{"]
    size = 0
    for number, (name, docs) in enumerate(tables):
        parts.append(f"{',' if number else ''}\n{_ENCODE(name)}:{{")
        separator = "\n"
        for doc_id, doc in docs:
            line = f"{separator}{_ENCODE(doc_id)}:{_encode_doc(doc)}"
            parts.append(line)
            separator = ",\n"
            size += len(line)
            if size >= CHUNK_BYTES:
                handle.write("".join(parts).encode())
                parts, size = [], 0
        parts.append("\n}")
    parts.append("\n}\n")
    handle.write("".join(parts).encode())


class _NotLineLayout(Exception):
    """The file is not (or no longer, from here on) in :func:`write_store`'s layout."""


def _line_batches(handle: IO[bytes]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table name, {document id: document})`` batches of a file in :func:`write_store`'s
    layout, a chunk of lines at a time (the first line ``{`` already read). Raises
    :class:`_NotLineLayout` at the first line that does not fit."""
    # what the next line may be: a header, a record, a table's end ("}"), the file's end
    may: frozenset[str] = _HEADER_OR_END
    table = ""
    for lines in iter(lambda: handle.readlines(CHUNK_BYTES), []):
        start = 0
        while start < len(lines):
            line = lines[start]
            if line[:1] == b"}":
                if line == b"}\n" and "end" in may:
                    may = _NOTHING
                elif line in (b"}\n", b"},\n") and "close" in may:
                    may = _HEADER if line == b"},\n" else _END
                else:
                    raise _NotLineLayout
                start += 1
            elif "header" in may:
                name = _decode_json(line[:-3]) if line.endswith(b":{\n") else None
                if not isinstance(name, str):
                    raise _NotLineLayout
                table, may = name, _RECORD_OR_CLOSE
                yield table, {}  # the table exists even when it holds no document
                start += 1
            elif "record" in may:  # a run of documents, parsed as one object
                end = start
                while end < len(lines) and lines[end][:1] != b"}":
                    end += 1
                run = lines[start:end]
                if run[-1].endswith(b",\n"):
                    run[-1], may = run[-1][:-2], _RECORD
                else:
                    may = _CLOSE
                docs = _decode_json(b"".join([b"{", *run, b"}"]))
                if not isinstance(docs, dict):
                    raise _NotLineLayout
                yield table, docs
                start = end
            else:
                raise _NotLineLayout
    if may is not _NOTHING:
        raise _NotLineLayout


_HEADER_OR_END = frozenset({"header", "end"})
_HEADER = frozenset({"header"})
_END = frozenset({"end"})
_RECORD_OR_CLOSE = frozenset({"record", "close"})
_RECORD = frozenset({"record"})
_CLOSE = frozenset({"close"})
_NOTHING: frozenset[str] = frozenset()


def _decode_json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _NotLineLayout from None


def load_store(path: Path, add: Callable[[str, dict[str, Any]], None],
               clear: Callable[[], None]) -> bool:
    """Feed the main file's documents to ``add(table, {document id: document})``, a batch
    at a time; False when there is no file or it is empty. A file in another layout is
    read whole (after ``clear()`` undoes what a first attempt added). Damage raises
    :class:`StoreError` naming the file."""
    try:
        handle = open(path, "rb")  # closed below; read twice on fallback
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None
    with handle:
        try:
            if handle.read(2) == b"{\n":
                for name, docs in _line_batches(handle):
                    add(name, docs)
                return True
        except _NotLineLayout:
            clear()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None
        handle.seek(0)
        data = _decode_whole(path, handle)
    if data is None:
        return False
    for name, docs in data.items():
        add(name, docs)
    return True


def _decode_whole(path: Path, handle: IO[bytes]) -> dict[str, Any] | None:
    try:
        text = handle.read().decode("utf-8")  # the bytes are dropped before parsing
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: the store is not UTF-8 ({exc.reason} at byte {exc.start})") \
            from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror})") from None
    if not text.strip():
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}: the store is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(f"{path}: the store is not a TinyDB file")
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB storage over mailflow's layout: replaced atomically, readable only by its
    owner (for TinyDB itself, e.g. ``TinyDB(path, storage=AtomicJSONStorage)``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        data: dict[str, Any] = {}
        found = load_store(self.path, lambda name, docs: data.setdefault(name, {}).update(docs),
                           data.clear)
        return data if found else None

    def write(self, data: dict[str, Any]) -> None:
        replace_atomically(self.path, lambda handle: write_store(
            handle, ((name, table.items()) for name, table in data.items())))

    def close(self) -> None:
        pass


def replace_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Replace ``path`` with what ``write`` writes to a file handle: a temporary file in
    the same folder, fsync, 0600, rename, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
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


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 files (before versioning) had no meta table and no sent journal."""
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 1}
    return data


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept an attention item's reasons as English text ("; "-joined); version 2
    keeps each as a code and its parameters, read back with the patterns of the reasons
    older mailflow wrote (text no pattern knows stays a "legacy" reason, shown as written)."""
    for doc in (data.get("attention") or {}).values():
        if "reasons" not in doc:
            doc["reasons"] = [r.to_doc() for r in legacy_reasons(doc.pop("reason", ""))]
    data.setdefault("meta", {})
    data["meta"]["1"] = {"schema_version": 2}
    return data


#: from-version -> function turning a store of that version into the next version; it gets
#: and returns {table: {id: document}}, record tables keyed by the record's key
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1, 1: _migrate_1_to_2,
}


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


def _read_journal(path: Path, *, repair: bool) -> Iterator[dict[str, Any]]:
    """The whole lines of a journal, oldest first, read and decoded one at a time (a pass
    over a backlog leaves megabytes of them). A last line cut short by a crash is dropped
    (and, with ``repair``, cut off the file once read, so the next line starts cleanly; a
    journal without one whole line, from a crash in its first append, is removed)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the journal ({exc.strerror})") from None
    whole = 0
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break  # torn by a crash: never acknowledged
            whole += len(line)
            try:
                entry = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise StoreError(
                    f"{path}: line {number} is damaged; mailflow will not guess what it held "
                    "(move the journal aside to go back to the last compaction)"
                ) from None
            if isinstance(entry, dict):
                yield entry
        size = os.fstat(handle.fileno()).st_size
    if repair and whole == 0:
        path.unlink(missing_ok=True)
    elif repair and whole < size:
        os.truncate(path, whole)


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


class _BadDocument(Exception):
    """A document of the file is not an object, or lacks its record's key."""


class _Tables:
    """The store's documents in memory. A record table maps each record's key to its
    document; any other table (the meta table, or one this version does not know) keeps
    the file's document ids. Equal short strings are shared through one memo."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}
        self._memo: dict[str, str] = {}

    def records(self, cls: type) -> dict[str, Any]:
        """The documents of a record type by key (do not change it)."""
        return self.data.get(_TABLES[cls][0], {})

    def table(self, name: str) -> dict[str, Any]:
        table = self.data.get(name)
        if table is None:
            table = self.data[name] = {}
        return table

    def share(self, doc: dict[str, Any]) -> dict[str, Any]:
        """``doc`` with its short strings (and those of its lists) replaced by equal ones
        already held, so that 10,000 records of one pass hold its timestamp once."""
        self._share_all((doc,))
        return doc

    def _share_all(self, docs: Iterable[dict[str, Any]]) -> None:
        keep = self._memo.setdefault
        limit = SHARED_STRING_CHARS
        for doc in docs:
            for field, value in doc.items():
                if type(value) is str:
                    if len(value) <= limit:
                        doc[field] = keep(value, value)
                elif type(value) is list and value:
                    doc[field] = [keep(v, v) if type(v) is str and len(v) <= limit else v
                                  for v in value]

    def add_file_docs(self, name: str, docs: Mapping[str, Any]) -> None:
        """Documents read from the main file (``{document id: document}``)."""
        table = self.table(name)
        key_of = _KEY_OF.get(name)
        if key_of is None:
            table.update(docs)
            return
        try:
            self._share_all(docs.values())
            table.update(zip(map(key_of, docs.values()), docs.values(), strict=True))
        except (AttributeError, KeyError, TypeError):
            raise _BadDocument(name) from None

    def clear(self) -> None:
        self.data.clear()

    def get(self, name: str, key: str) -> dict[str, Any] | None:
        table = self.data.get(name)
        return None if table is None else table.get(key)

    def put(self, name: str, key: str, doc: dict[str, Any]) -> None:
        self.table(name)[key] = doc

    def delete(self, name: str, key: str) -> bool:
        table = self.data.get(name)
        return table is not None and table.pop(key, None) is not None

    def apply(self, changes: Mapping[str, Mapping[str, dict[str, Any] | None]]) -> None:
        for name, docs in changes.items():
            if name not in _KEY_OF:
                continue  # a table this version does not know: nothing reads it
            for key, doc in docs.items():
                if doc is None:
                    self.delete(name, key)
                else:
                    self.put(name, key, self.share(doc))

    def set_meta(self, name: str, value: Any) -> None:
        table = self.table(_META_TABLE)
        for doc in table.values():
            if doc.get("name") == name:
                doc["value"] = value
                return
        next_id = max((int(i) for i in table), default=0) + 1
        table[str(next_id)] = {"name": name, "value": value}

    def meta(self, name: str, default: Any = None) -> Any:
        for doc in self.data.get(_META_TABLE, {}).values():
            if doc.get("name") == name:
                return doc["value"]
        return default

    def replay(self, entries: Iterable[Mapping[str, Any]]) -> None:
        for entry in entries:
            self.apply(entry.get("tables") or {})
            for name, value in (entry.get("meta") or {}).items():
                self.set_meta(name, value)

    def layout(self) -> Iterator[tuple[str, Iterable[tuple[str, Any]]]]:
        """The tables as TinyDB stores them: record tables numbered 1, 2, ... afresh."""
        for name, table in self.data.items():
            if name in _KEY_OF:
                yield name, ((str(n), doc) for n, doc in enumerate(table.values(), 1))
            else:
                yield name, table.items()


def _load_tables(path: Path, tables: _Tables) -> bool:
    try:
        return load_store(path, tables.add_file_docs, tables.clear)
    except _BadDocument as exc:
        raise StoreError(
            f"{path}: table {exc.args[0]!r} holds a document that is not a mailflow record"
        ) from None


class Store:
    """The network's state for one pass: opened under the lock, committed, closed.

    Records are upserted by their natural key (``put``), looked up with ``get`` and
    listed with ``all``. Nothing reaches the disk until :meth:`commit`; uncommitted
    changes are dropped on :meth:`close`.
    """

    def __init__(self, path: str | Path, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = _acquire_lock(self.path, lock_timeout)
        self._tables = _Tables()
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
        tables = self._tables
        if _load_tables(self.path, tables):
            self._file_bytes = self.path.stat().st_size
        else:
            tables.data = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
            self._rewrite = True
        legacy = _legacy_entries(_legacy_sent_path(self.path))
        tables.replay(legacy)  # the journal is replayed before any migration
        tables.replay(_read_journal(self.journal_path, repair=True))
        self._rewrite = self._rewrite or bool(legacy)
        with contextlib.suppress(FileNotFoundError):
            self._journal_bytes = self.journal_path.stat().st_size
        version = _schema_version(tables.data)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this mailflow "
                f"understands ({SCHEMA_VERSION}); upgrade mailflow"
            )
        while version < SCHEMA_VERSION:
            tables.data = MIGRATIONS[version](tables.data)
            version = _schema_version(tables.data)
            self._rewrite = True

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
        replace_atomically(self.path, lambda handle: write_store(handle, self._tables.layout()))
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
        return _schema_version(self._tables.data)

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
        return key in self._tables.records(cls)

    def all(self, cls: type[R]) -> list[R]:
        docs = self._tables.records(cls).values()
        return [cls.from_doc(dict(d)) for d in docs]  # type: ignore[attr-defined]

    def count(self, cls: type) -> int:
        return len(self._tables.records(cls))

    def put(self, record: Any) -> None:
        self.put_many([record])

    def put_many(self, records: Iterable[Any]) -> None:
        """Upsert records by key (durable with the next commit)."""
        tables = self._tables
        for record in records:
            name, key_of = _TABLES[type(record)]
            doc = tables.share(record.to_doc())
            key = key_of(doc)
            tables.put(name, key, doc)
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
        return set(self._tables.records(cls))

    def select(self, cls: type[R], where: Callable[[Mapping[str, Any]], bool]) -> list[R]:
        """Records whose stored document satisfies ``where``; only matches are built."""
        docs = self._tables.records(cls).values()
        return [cls.from_doc(dict(doc)) for doc in docs if where(doc)]  # type: ignore[attr-defined]

    def field_values(self, cls: type, name: str,
                     where: Callable[[Mapping[str, Any]], bool]) -> list[Any]:
        """One field's stored value of each record whose document satisfies ``where``
        (no records are built: e.g. to count them by that field)."""
        docs = self._tables.records(cls).values()
        return [doc[name] for doc in docs if where(doc)]

    # -- durable at once -----------------------------------------------------------------
    def mark_sent(self, mail: OutgoingMail) -> None:
        """Record a mail as sent, durably at once, apart from any uncommitted change."""
        self.put(mail)
        doc = self._unsaved["outbox"].pop(mail.key)
        self._append({"tables": {"outbox": {mail.key: doc}}})

    def _append(self, entry: dict[str, Any]) -> None:
        line = (_ENCODE(entry) + "\n").encode()
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
        self._tables = _Tables()
        _load_tables(path, self._tables)
        self._tables.replay(_legacy_entries(_legacy_sent_path(path)))
        self._tables.replay(_read_journal(journal_path(path), repair=False))

    def all(self, cls: type[R]) -> list[R]:
        docs = self._tables.records(cls).values()
        return [cls.from_doc(dict(d)) for d in docs]  # type: ignore[attr-defined]

    def meta(self, name: str, default: Any = None) -> Any:
        return self._tables.meta(name, default)
