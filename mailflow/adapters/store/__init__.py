"""The TinyDB store: one file of records, a journal of commits beside it, an OS lock.

- ``layout``: the main file, TinyDB's JSON one record a line, written and read in chunks
- ``journal``: one fsynced line a commit beside it, replayed on open
- ``lock``: the OS lock that lets one pass at a time write
- ``tables``: which table holds each record type, and the documents in memory
- ``migrations``: the schema version and the steps from older ones (:data:`MIGRATIONS`)
- ``store``: :class:`Store`, the state of one pass, under the lock
- ``snapshot``: :class:`Snapshot`, the last commit, read without the lock
- ``storages``: TinyDB storages over the store, e.g. :class:`JournalledStorage`
- ``generations``: the files beside the main one: the marker that a store exists, the
  previous generation and its journal, the reserve kept for a full disk
- ``recovery``: rebuilding a damaged main file from the previous generation and journals
- ``disk``: every write at the OS boundary, where a full disk becomes ``StoreFullError``

A record becomes a document by :mod:`mailflow.core.documents`.
"""

from typing import TYPE_CHECKING, Any

from mailflow.adapters.store.migrations import MIGRATIONS, SCHEMA_VERSION
from mailflow.adapters.store.snapshot import Snapshot
from mailflow.adapters.store.store import Store

if TYPE_CHECKING:
    from mailflow.adapters.store.storages import (
        AtomicJSONStorage,
        JournalledStorage,
        ReadOnlyStoreError,
    )

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "JournalledStorage",
    "ReadOnlyStoreError",
    "Snapshot",
    "Store",
]

_STORAGES = ("AtomicJSONStorage", "JournalledStorage", "ReadOnlyStoreError")


def __getattr__(name: str) -> Any:
    """The TinyDB storages, imported when asked for: a pass never needs TinyDB itself."""
    if name in _STORAGES:
        from mailflow.adapters.store import storages

        return getattr(storages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
