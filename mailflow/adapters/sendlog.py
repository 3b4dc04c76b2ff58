"""The sending lock and the log of what sending did, kept apart from the store.

Mail is sent without the store's lock, so a slow server holds up neither intake nor the
facilitator's commands. Instead one sender at a time holds ``mailflow.json.sending.lock``
and notes each result in ``mailflow.json.sending`` (one JSON line each, fsynced as the
sender says) as soon as the server has answered; whoever next holds both locks folds the
lines into the store, commits, and only then empties the log. So a mail the server
accepted is never sent again once its line is written, whoever holds the store meanwhile;
replaying lines already folded changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mailflow.adapters.store.lock import acquire_lock, release_lock

__all__ = ["SendLog", "sendlog_path"]


def sendlog_path(store_path: Path) -> Path:
    """``mailflow.json.sending`` beside ``mailflow.json``."""
    return store_path.with_name(store_path.name + ".sending")


class SendLog:
    """The sending lock (held while the object is open) and its log of results."""

    def __init__(self, path: Path, lock_fd: int) -> None:
        self.path = path
        self._lock_fd: int | None = lock_fd
        self._unsynced = False

    @classmethod
    def try_open(cls, store_path: Path, timeout: float = 0.0) -> SendLog | None:
        """The log under its lock, or None while another process is sending."""
        from mailflow.core.errors import StoreLockedError

        path = sendlog_path(Path(store_path))
        try:
            fd = acquire_lock(path, timeout)
        except StoreLockedError:
            return None
        return cls(path, fd)

    def entries(self) -> Iterator[dict[str, Any]]:
        """The whole lines written so far (a line cut short by a crash is not one)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        for line in data.split(b"\n"):
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if isinstance(entry, dict):
                    yield entry

    def append(self, entry: dict[str, Any], *, sync: bool = True) -> None:
        """Note one result; durable at once with ``sync``, else at :meth:`sync`."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            if self.path.stat().st_size and not self._ends_with_newline():
                os.write(fd, b"\n")  # after a line cut short by a crash
            os.write(fd, line.encode("utf-8"))
            if sync:
                os.fsync(fd)
            else:
                self._unsynced = True
        finally:
            os.close(fd)

    def sync(self) -> None:
        if self._unsynced:
            fd = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            self._unsynced = False

    def clear(self) -> None:
        """Empty the log, once its lines are committed to the store."""
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Let the next sender in."""
        if self._lock_fd is not None:
            release_lock(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> SendLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ends_with_newline(self) -> bool:
        with open(self.path, "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
