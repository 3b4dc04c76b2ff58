"""The outbox's spool: rendered mail bodies, one file a mail, beside the store.

A queued mail's body is written here (fsynced, renamed into place, the folder fsynced)
before the commit that queues the mail, so the store and its journal keep only the
mail's record, not its body: a commit costs what changed. The folder is
``mailflow.json.spool`` beside ``mailflow.json``, private to its owner (0700, files
0600: bodies hold people's names and addresses). A file is named by a hash of the
mail's key, so the name gives nothing away. A file whose mail is sent, failed or pruned
is removed; one left by a crash before its commit is swept by :meth:`Spool.sweep`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from mailflow.adapters.durable import fsync_folder, write_file_atomically
from mailflow.core.errors import TemporaryServerError

__all__ = ["Spool", "spool_path"]


def spool_path(store_path: Path) -> Path:
    """``mailflow.json.spool`` beside ``mailflow.json``."""
    return store_path.with_name(store_path.name + ".spool")


def _name(key: str) -> str:
    import hashlib  # only when a body is written or read: not on an idle pass

    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".eml"


class Spool:
    """Mail bodies by outbox key."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def beside(cls, store_path: Path) -> Spool:
        return cls(spool_path(Path(store_path)))

    def write(self, key: str, raw: bytes) -> None:
        """Keep ``raw`` as the body of ``key``, durably, before the commit that queues it.
        A disk that refuses it (full, read-only) is a passing fault: the pass stops before
        that commit, and the next one handles the same messages again."""
        try:
            self._write(key, raw)
        except OSError as exc:
            raise TemporaryServerError(
                f"cannot keep the body of a queued mail in {self.path} ({exc.strerror}; "
                f"{len(raw):,} bytes needed); the messages wait in the inbox until there is room"
            ) from None

    def _write(self, key: str, raw: bytes) -> None:
        self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_file_atomically(self.path / _name(key), raw)
        fsync_folder(self.path)

    def read(self, key: str) -> bytes | None:
        """The body of ``key``, or None when there is none."""
        try:
            return (self.path / _name(key)).read_bytes()
        except FileNotFoundError:
            return None

    def remove(self, keys: Iterable[str]) -> None:
        """Drop the bodies of mails that are done with (sent, failed, pruned)."""
        for key in keys:
            with contextlib.suppress(FileNotFoundError):
                (self.path / _name(key)).unlink()

    def sweep(self, pending: Iterable[str]) -> int:
        """Remove every body that belongs to no pending mail (left by a crash before the
        commit that would have queued it, or by a dry run); return how many."""
        keep = {_name(k) for k in pending}
        removed = 0
        with contextlib.suppress(FileNotFoundError), os.scandir(self.path) as entries:
            for entry in entries:
                if entry.name not in keep and entry.name.endswith(".eml"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                        removed += 1
        return removed

