"""Faults of the store's disk, for tests and bench scripts: a disk that fills up, and the
ways a store file gets damaged.

:class:`SmallDisk` is the store's :class:`~mailflow.adapters.store.disk.Disk` with a
capacity: every file under its folder counts, and a write past the capacity writes what
fits and then fails with ``ENOSPC``, as a real filesystem does.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from mailflow.adapters.store import Store
from mailflow.adapters.store.disk import Disk
from mailflow.core.model import Person

__all__ = ["DAMAGES", "SmallDisk", "build_store", "journal_lines", "person"]


class SmallDisk(Disk):
    """A disk of ``capacity`` bytes holding ``folder`` (None: unlimited)."""

    def __init__(self, folder: Path, capacity: int | None = None) -> None:
        self.folder = folder
        self.capacity = capacity
        self.refused = 0  # writes refused for want of room

    def used(self) -> int:
        total = 0
        for file in self.folder.rglob("*"):
            with contextlib.suppress(FileNotFoundError):
                if file.is_file():
                    total += file.stat().st_size
        return total

    def fill(self, leave: int = 0) -> None:
        """Make the disk full but for ``leave`` bytes."""
        self.capacity = self.used() + leave

    def write(self, fd: int, data: memoryview) -> int:
        if self.capacity is None:
            return os.write(fd, data)
        room = self.capacity - self.used()
        if room <= 0:
            self.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.write(fd, data[:room])

    def free_bytes(self, folder: Path) -> int:
        return 10**12 if self.capacity is None else max(0, self.capacity - self.used())


def person(n: int, name: str = "") -> Person:
    return Person(address=f"p{n}@omnia.test", name=name or f"Henkilö {n}", org="omnia")


def build_store(path: Path, people: int = 41) -> None:
    """A store as a season leaves it: a compaction behind it (so a previous generation
    and its journal), and commits since in the journal; ``people`` people in all."""
    with Store(path) as store:
        for n in range(people // 2):
            store.put(person(n))
            store.commit()
        store.checkpoint()  # the journal outgrew the file: folded in
        for n in range(people // 2, people):
            store.put(person(n))
            store.commit()


def journal_lines(path: Path) -> list[bytes]:
    journal = path.with_name(path.name + ".journal")
    return journal.read_bytes().splitlines(keepends=True) if journal.exists() else []


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _deleted(path: Path) -> None:
    path.unlink()


def _zero_filled(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def _journal_cut(path: Path) -> None:
    journal = path.with_name(path.name + ".journal")
    data = journal.read_bytes()
    journal.write_bytes(data + data.splitlines(keepends=True)[-1][:40])  # a torn last line


def _journal_garbled(path: Path) -> None:
    journal = path.with_name(path.name + ".journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[2] = b'{"tables":{"people":\x00\x00\x00garbled\n'
    journal.write_bytes(b"".join(lines))


#: how a store gets damaged: name -> what does it to the store at a path
DAMAGES: dict[str, Callable[[Path], None]] = {
    "main file empty": _empty,
    "main file half": _half,
    "main file deleted, journal kept": _deleted,
    "main file zero-filled": _zero_filled,
    "journal cut (torn last line)": _journal_cut,
    "journal garbled (line 3)": _journal_garbled,
}
