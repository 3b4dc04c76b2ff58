"""The journal beside the main file: one fsynced line a commit, replayed on open.

A line is ``{"tables": {table: {key: document or null (deleted)}}, "meta": {name: value}}``
with every record and meta value changed since the commit before. A last line cut short
by a crash was never acknowledged and is dropped. Before the journal, only mails marked
sent were journalled, one document a line, in ``mailflow.json.sent``; such a file is still
replayed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mailflow.adapters.store.layout import encode
from mailflow.core.errors import StoreError

__all__ = ["Journal", "journal_path", "legacy_entries", "legacy_sent_path", "read_journal"]


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
            "(move the journal aside to go back to the last compaction)"
        ) from None


def _cut_torn_end(path: Path, whole: int, size: int) -> None:
    if whole == 0:
        path.unlink(missing_ok=True)
    elif whole < size:
        os.truncate(path, whole)


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
    """Appending to a store's journal: each line written whole and fsynced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        #: the journal's size (what replaying it costs), as of :meth:`measure`
        self.size = 0

    def measure(self) -> None:
        """Take the size of the journal on disk (after it was read and repaired)."""
        self.size = 0
        with contextlib.suppress(FileNotFoundError):
            self.size = self.path.stat().st_size

    def append(self, entry: dict[str, Any]) -> None:
        """Write ``entry`` as one line and fsync it: the commit is durable on return."""
        line = (encode(entry) + "\n").encode()
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)
        self.size += len(line)

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
