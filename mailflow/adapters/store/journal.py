"""The journal beside the main file: one fsynced line a commit, replayed on open.

A line is ``{"tables": {table: {key: document or null (deleted)}}, "meta": {name: value}}``
with every record and meta value changed since the commit before. A last line cut short
by a crash was never acknowledged and is dropped (and logged, with the tables and the
keys it held). An append that fails (a full disk) is cut off again, so the journal never
holds half a line before a whole one. Before the journal, only mails marked
sent were journalled, one document a line, in ``mailflow.json.sent``; such a file is still
replayed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mailflow.adapters.store.disk import DISK, Disk, write_all
from mailflow.adapters.store.layout import encode
from mailflow.core.errors import StoreError

__all__ = ["Journal", "describe_torn", "journal_line", "journal_path", "legacy_entries",
           "legacy_sent_path", "read_journal"]

log = logging.getLogger(__name__)

#: tables whose keys say nothing of a person (the others are keyed by an address or a
#: token): a torn line's keys are logged for these, only counted for the others
_KEYS_SHOWN = frozenset({"messages", "outbox", "days", "organisations", "attention"})
_KEYS_PER_TABLE = 5
_DECODER = json.JSONDecoder()


def journal_path(store_path: Path) -> Path:
    """``mailflow.json.journal`` beside ``mailflow.json``."""
    return store_path.with_name(store_path.name + ".journal")


def legacy_sent_path(store_path: Path) -> Path:
    """Before the journal, only mails marked sent were journalled, one document a line."""
    return store_path.with_name(store_path.name + ".sent")


def read_journal(path: Path, *, repair: bool) -> Iterator[dict[str, Any]]:
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
                if repair:  # a reader without the lock may see a commit being appended
                    log.warning("%s: dropped line %d, cut short by a crash (never "
                                "acknowledged, %d bytes): %s", path, number, len(line),
                                describe_torn(line))
                break  # torn by a crash: never acknowledged
            whole += len(line)
            entry = _decode_line(path, number, line)
            if isinstance(entry, dict):
                yield entry
        size = os.fstat(handle.fileno()).st_size
    if repair:
        _cut_torn_end(path, whole, size)


def _decode_line(path: Path, number: int, line: bytes) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise StoreError(
            f"{path}: line {number} is damaged; mailflow will not guess what it held "
            "(moving the journal aside goes back to the last compaction, without the commits "
            "since; `mailflow store check` shows each file)"
        ) from None


def _cut_torn_end(path: Path, whole: int, size: int) -> None:
    if whole == 0:
        path.unlink(missing_ok=True)
    elif whole < size:
        os.truncate(path, whole)


def describe_torn(line: bytes) -> str:
    """What a torn journal line held, as far as it goes: each table with its number of
    records and, where they say nothing of a person, their keys."""
    found = _torn_tables(line.decode("utf-8", errors="replace"))
    if not found:
        return "nothing readable"
    parts = []
    for table, keys in found.items():
        shown = ""
        if table in _KEYS_SHOWN and keys:
            more = ", ..." if len(keys) > _KEYS_PER_TABLE else ""
            shown = " (" + ", ".join(keys[:_KEYS_PER_TABLE]) + more + ")"
        parts.append(f"{table} {len(keys)}{shown}")
    return "; ".join(parts)


def _torn_tables(text: str) -> dict[str, list[str]]:
    """``{table: [record key, ...]}`` of the start of a journal line, up to where it
    was cut (a key whose document was cut counts)."""
    found: dict[str, list[str]] = {}
    prefix = '{"tables":{'
    if not text.startswith(prefix):
        return found
    at = len(prefix)
    with contextlib.suppress(IndexError, ValueError):
        while text[at] == '"':
            table, at = _DECODER.raw_decode(text, at)
            keys = found.setdefault(table, [])
            at += 2  # ':{'
            while text[at] == '"':
                key, at = _DECODER.raw_decode(text, at)
                keys.append(key)
                _, at = _DECODER.raw_decode(text, at + 1)  # ':' then the document
                at += text[at] == ","
            at += 1  # '}'
            at += text[at] == ","
    return found


def journal_line(entry: dict[str, Any]) -> bytes:
    """A commit as its journal line."""
    return (encode(entry) + "\n").encode()


def legacy_entries(path: Path) -> list[dict[str, Any]]:
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


class Journal:
    """Appending to a store's journal: each line written whole and fsynced, or not at all."""

    def __init__(self, path: Path, disk: Disk = DISK) -> None:
        self.path = path
        self.disk = disk
        self._fd: int | None = None
        #: the journal's size (what replaying it costs), as of :meth:`measure`
        self.size = 0

    def measure(self) -> None:
        """Take the size of the journal on disk (after it was read and repaired)."""
        self.size = 0
        with contextlib.suppress(FileNotFoundError):
            self.size = self.path.stat().st_size

    def append(self, line: bytes) -> None:
        """Write ``line`` (:func:`journal_line`) and fsync it: the commit is durable on
        return. On failure (``OSError``: a full disk) what was written of it is cut off
        again, so the journal ends with its last whole line."""
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        fd = self._fd
        start = os.fstat(fd).st_size
        try:
            write_all(self.disk, fd, line)
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)
            raise
        self.size += len(line)

    def rotate(self, to: Path) -> None:
        """Keep the journal as ``to`` (its lines are in the main file now)."""
        self.close()
        if self.path.exists():
            os.replace(self.path, to)
        else:
            to.unlink(missing_ok=True)
        self.size = 0

    def remove(self) -> None:
        """Drop the journal (its lines are in the main file now)."""
        self.close()
        self.path.unlink(missing_ok=True)
        self.size = 0

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
