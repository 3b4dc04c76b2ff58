"""The store's writes at the OS boundary: the one place where a full disk shows.

Every byte the store writes (journal lines, compactions, the marker and the reserve)
goes through a :class:`Disk`, so a test can hand the store one that fills up, and a full
disk becomes :class:`~mailflow.core.errors.StoreFullError` naming the file and the room
it needed, never an ``OSError`` traceback.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from mailflow.core.errors import StoreFullError

__all__ = ["DISK", "Disk", "DiskWriter", "full_disk", "is_full", "size_text"]

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})


class Disk:
    """The real disk: ``os.write`` and ``statvfs``."""

    def write(self, fd: int, data: memoryview) -> int:
        """Write some of ``data`` to ``fd``; how much (as ``os.write``)."""
        return os.write(fd, data)

    def free_bytes(self, folder: Path) -> int:
        """Room left for an ordinary user in ``folder``'s filesystem."""
        try:
            st = os.statvfs(folder)
        except OSError:
            return -1
        return st.f_bavail * st.f_frsize


#: the disk every store writes to unless it is given another
DISK = Disk()


def write_all(disk: Disk, fd: int, data: bytes) -> None:
    """Write all of ``data``, however many calls it takes."""
    view = memoryview(data)
    while view:
        view = view[disk.write(fd, view):]


class DiskWriter:
    """A binary file handle's ``write``, over a descriptor and a :class:`Disk`."""

    def __init__(self, disk: Disk, fd: int) -> None:
        self.disk, self.fd = disk, fd

    def write(self, data: bytes) -> int:
        write_all(self.disk, self.fd, data)
        return len(data)


def is_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota) is full."""
    return isinstance(exc, OSError) and exc.errno in _FULL


def size_text(count: int) -> str:
    """``count`` bytes for a person: 812 bytes, 14.2 kB, 1.9 MB."""
    if count < 1000:
        return f"{count} bytes"
    if count < 1_000_000:
        return f"{count / 1000:.1f} kB"
    return f"{count / 1_000_000:.1f} MB"


def full_disk(disk: Disk, path: Path, needed: int, what: str) -> StoreFullError:
    """The one line a full disk is reported as: which file, how much room it needed."""
    free = disk.free_bytes(path.parent)
    room = f", {size_text(free)} free" if free >= 0 else ""
    return StoreFullError(
        f"{path}: the disk is full: {what} needs {size_text(needed)}{room}; nothing of it "
        "was kept, and the next pass does it again once there is room"
    )
