"""Writing a file whole and durably, shared by the file outbox and the spool."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["fsync_folder", "write_file_atomically"]


def fsync_folder(folder: Path) -> None:
    """Make a rename into ``folder`` durable (POSIX); a no-op where folders cannot be
    opened or synced."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomically(target: Path, data: bytes) -> None:
    """``data`` as the file ``target``, whole or not at all: written to a temporary file in
    the same folder, fsynced, then renamed over ``target`` (the folder is not synced: call
    :func:`fsync_folder` once for a batch of renames)."""
    import tempfile  # only when a file is written: not on an idle pass

    fd, temp = tempfile.mkstemp(prefix=".tmp-", suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
