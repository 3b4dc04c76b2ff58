"""The TinyDB store: one file of records, a journal of commits beside it, an OS lock.

- ``layout``: the main file, TinyDB's JSON one record a line, written and read in chunks
- ``journal``: one fsynced line a commit beside it, replayed on open
- ``lock``: the OS lock that lets one pass at a time write
- ``tables``: which table holds each record type, and the documents in memory
- ``migrations``: the schema version and the steps from older ones (:data:`MIGRATIONS`)
- ``store``: :class:`Store`, the state of one pass, under the lock
- ``snapshot``: :class:`Snapshot`, the last commit, read without the lock
- ``storages``: TinyDB storages over the store, e.g. :class:`JournalledStorage`

A record becomes a document by :mod:`mailflow.core.documents`.
"""

from mailflow.adapters.store.migrations import MIGRATIONS, SCHEMA_VERSION
from mailflow.adapters.store.snapshot import Snapshot
from mailflow.adapters.store.storages import (
    AtomicJSONStorage,
    JournalledStorage,
    ReadOnlyStoreError,
)
from mailflow.adapters.store.store import Store

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "JournalledStorage",
    "ReadOnlyStoreError",
    "Snapshot",
    "Store",
]
