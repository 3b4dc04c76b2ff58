"""The OS lock that lets one pass at a time write the store (``mailflow.json.lock``)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from pathlib import Path

from mailflow.adapters.store.disk import is_full
from mailflow.core.errors import StoreError, StoreFullError, StoreLockedError

__all__ = ["acquire_lock", "lock_path", "release_lock"]

#: how often a waiting writer tries the lock again
RETRY_SECONDS = 0.05


def lock_path(store_path: Path) -> Path:
    """``mailflow.json.lock`` beside ``mailflow.json``."""
    return store_path.with_name(store_path.name + ".lock")


def acquire_lock(store_path: Path, timeout: float) -> int:
    """Hold the store's lock (an ``flock`` on the lock file), waiting up to ``timeout``
    seconds for another holder; the open descriptor is the lock. Raises
    :class:`StoreLockedError` when the wait is over."""
    path = lock_path(store_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        if is_full(exc):  # a passing state of the disk, not the operator's mistake
            raise StoreFullError(f"{path}: the disk is full: cannot create the lock file; "
                                 "the next pass tries again") from None
        raise StoreError(f"{path}: cannot open the lock file ({exc.strerror})") from None
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise StoreLockedError(
                f"another mailflow run holds {path} (waited {timeout:g} s); try again later"
            )
        time.sleep(RETRY_SECONDS)
    return fd


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            os.close(fd)
            raise
        return False


def release_lock(fd: int) -> None:
    """Let the next writer in."""
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
