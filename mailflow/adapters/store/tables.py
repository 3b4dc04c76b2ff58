"""The store's tables in memory: which table holds each record type, keyed how, and the
documents themselves, filled from the main file and the journal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from operator import itemgetter
from pathlib import Path
from typing import Any

from mailflow.adapters.store.journal import (
    journal_path,
    legacy_entries,
    legacy_sent_path,
    read_journal,
)
from mailflow.adapters.store.layout import load_store
from mailflow.core.errors import StoreError
from mailflow.core.model import (
    AttentionItem,
    CommandEntry,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    PendingAction,
    Person,
    ProcessedMessage,
    Rsvp,
)

__all__ = ["META_TABLE", "TABLES", "Changes", "MainFileDamaged", "Tables", "load_existing",
           "load_tables", "replay_journals"]

# record type -> (table name, the function giving a stored document's key)
# (itemgetter: the key is read in C when a file's 10,000 documents are loaded)
TABLES: dict[type, tuple[str, Callable[[Mapping[str, Any]], str]]] = {
    Organisation: ("organisations", itemgetter("key")),
    Person: ("people", itemgetter("address")),
    NetworkDay: ("days", itemgetter("id")),
    Rsvp: ("rsvps", lambda d: f"{d['day_id']}|{d['address']}"),
    InterestSubscription: ("interest", itemgetter("address")),
    ProcessedMessage: ("messages", itemgetter("key")),
    AttentionItem: ("attention", itemgetter("id")),
    OutgoingMail: ("outbox", itemgetter("key")),
    PendingAction: ("pending", itemgetter("token")),
    CommandEntry: ("commands", itemgetter("id")),
}
_KEY_OF: dict[str, Callable[[Mapping[str, Any]], str]] = {
    name: key_of for name, key_of in TABLES.values()
}
#: small named values (cursors, last digest, first run): documents {"name": .., "value": ..}
META_TABLE = "settings"

#: strings up to this long are shared between documents (longer ones rarely repeat)
SHARED_STRING_CHARS = 100

#: the record changes of one commit: {table: {key: document or None (deleted)}}
Changes = dict[str, dict[str, dict[str, Any] | None]]


class _BadDocument(Exception):
    """A document of the file is not an object, or lacks its record's key."""


class Tables:
    """The store's documents in memory. A record table maps each record's key to its
    document; any other table (the meta table, or one this version does not know) keeps
    the file's document ids. Equal short strings are shared through one memo."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}
        self._memo: dict[str, str] = {}

    def records(self, cls: type) -> dict[str, Any]:
        """The documents of a record type by key (do not change it)."""
        return self.data.get(TABLES[cls][0], {})

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
        table = self.table(META_TABLE)
        for doc in table.values():
            if doc.get("name") == name:
                doc["value"] = value
                return
        next_id = max((int(i) for i in table), default=0) + 1
        table[str(next_id)] = {"name": name, "value": value}

    def meta(self, name: str, default: Any = None) -> Any:
        for doc in self.data.get(META_TABLE, {}).values():
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


def load_tables(path: Path, tables: Tables) -> bool:
    """Fill ``tables`` from the main file; False when there is none (or it is empty)."""
    try:
        return load_store(path, tables.add_file_docs, tables.clear)
    except _BadDocument as exc:
        raise StoreError(
            f"{path}: table {exc.args[0]!r} holds a document that is not a mailflow record"
        ) from None


class MainFileDamaged(StoreError):
    """The main file is damaged, or missing or empty where a store existed: mailflow
    never takes that for a new store (the message says the way back)."""


def load_existing(path: Path, tables: Tables) -> bool:
    """Fill ``tables`` from the main file; False only when no store existed here at all
    (no main file, or an empty one, and none of the files beside it that a store leaves:
    :func:`.generations.markers`). A damaged file, or a missing or empty one where a store
    existed, raises :class:`MainFileDamaged` naming the file and the way back."""
    from mailflow.adapters.store.generations import markers, way_back

    try:
        if load_tables(path, tables):
            return True
    except MainFileDamaged:
        raise
    except StoreError as exc:
        raise MainFileDamaged(f"{exc}; {way_back(path)}") from None
    found = markers(path)
    if not found:
        return False
    state = "empty" if path.exists() else "missing"
    raise MainFileDamaged(
        f"{path}: the store file is {state}, but a store existed here "
        f"({', '.join(p.name for p in found)} beside it); mailflow does not start a new one "
        f"on its own: {way_back(path)}"
    )


def replay_journals(path: Path, tables: Tables, *, repair: bool) -> bool:
    """Replay the store's journal (and an old ``.sent`` one first) over ``tables``;
    whether there was an old one. ``repair``: see :func:`read_journal`."""
    legacy = legacy_entries(legacy_sent_path(path))
    tables.replay(legacy)
    tables.replay(read_journal(journal_path(path), repair=repair))
    return bool(legacy)
