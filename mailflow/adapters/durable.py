"""Making a rename durable: the folder's own fsync, shared by the outboxes and the spool."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["fsync_folder"]


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
