"""TinyDB storages over mailflow's store, for TinyDB itself (``TinyDB(path, storage=...)``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from mailflow.adapters.store.layout import load_store, replace_atomically, write_store
from mailflow.adapters.store.snapshot import committed_tables
from mailflow.core.errors import StoreError

__all__ = ["AtomicJSONStorage", "JournalledStorage", "ReadOnlyStoreError"]


class AtomicJSONStorage(Storage):
    """The main file alone, in mailflow's layout: replaced atomically, readable only by
    its owner. It does not see commits still in the journal (see :class:`JournalledStorage`)."""

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


class ReadOnlyStoreError(StoreError):
    """Something tried to write the store through a read-only view of it."""


class JournalledStorage(Storage):
    """The store as mailflow sees it, read-only: the main file with its journal replayed,
    read afresh for every query, without the lock (a commit being appended at that moment
    is not seen). ``TinyDB(path, storage=JournalledStorage)`` then answers ``Query()``
    searches exactly as mailflow would; record tables are numbered 1, 2, ... as a
    compaction would write them. Writing raises :class:`ReadOnlyStoreError`: only mailflow
    writes the store, under its lock and through its journal."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        tables = committed_tables(self.path)
        if not tables.data:
            return None
        return {name: dict(docs) for name, docs in tables.layout()}

    def write(self, data: dict[str, Any]) -> None:
        raise ReadOnlyStoreError(
            f"{self.path}: JournalledStorage is read-only; change the store through mailflow, "
            "which holds its lock and journals each commit"
        )

    def close(self) -> None:
        pass
