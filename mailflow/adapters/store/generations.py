"""The files beside the main one that let a damaged store be rebuilt, and tell that a
store existed at all.

- ``mailflow.json.id``: written when the store is created; while it (or a journal, or a
  previous generation) is there, a missing or empty main file is damage, never a new store
- ``mailflow.json.previous``: the main file as of the compaction before the last one
  (one generation, 0600), and ``mailflow.json.journal.previous``: the journal the last
  compaction folded in. The previous file plus both journals replay to the current state,
  so ``mailflow store recover`` can rebuild a damaged main file from them. A compaction
  that rewrites the store (a new store, a migration, forgetting a person) keeps a copy of
  its result as the previous file instead, and no previous journal.
- ``mailflow.json.reserve``: room kept free on the disk for marking a mail sent when the
  disk has filled up meanwhile (a mail already sent must never be sent again).

Replaying a journal over a state that already holds it changes nothing, so every crash
between the steps of a compaction leaves files that still replay to the right state.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from mailflow.adapters.store.disk import DISK, Disk, is_full, write_all
from mailflow.adapters.store.journal import journal_path, legacy_sent_path

__all__ = [
    "RESERVE_BYTES", "id_path", "keep_previous", "markers", "previous_journal_path",
    "previous_path", "release_reserve", "reserve_path", "set_aside", "store_files",
    "way_back", "write_marker", "write_reserve",
]

#: room kept for marking a mail sent on a full disk (one journal line is a few kB)
RESERVE_BYTES = 64 * 1024


def _beside(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def id_path(path: Path) -> Path:
    return _beside(path, ".id")


def previous_path(path: Path) -> Path:
    return _beside(path, ".previous")


def previous_journal_path(path: Path) -> Path:
    return _beside(path, ".journal.previous")


def reserve_path(path: Path) -> Path:
    return _beside(path, ".reserve")


def markers(path: Path) -> list[Path]:
    """The files that say a store existed here (besides the main file)."""
    found = (id_path(path), journal_path(path), previous_path(path),
             previous_journal_path(path), legacy_sent_path(path))
    return [p for p in found if p.exists()]


def store_files(path: Path) -> list[Path]:
    """Every file of the store that exists (the lock and the reserve aside)."""
    return [p for p in (path, *markers(path)) if p.exists()]


def way_back(path: Path) -> str:
    """What the operator can do about a damaged or missing main file."""
    fresh = "`mailflow init --force` starts an empty store, keeping the old files aside"
    if previous_path(path).exists():
        return (f"`mailflow store recover` rebuilds it from {previous_path(path).name} and "
                f"the journals (or {fresh})")
    return (f"there is no {previous_path(path).name} to rebuild it from: restore the file "
            f"from a backup (or {fresh})")


def write_marker(path: Path, disk: Disk = DISK) -> None:
    """``mailflow.json.id``: a store exists here."""
    marker = id_path(path)
    text = json.dumps({"mailflow_store": path.name,
                       "note": "a store exists here; keep this file beside it"}) + "\n"
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        write_all(disk, fd, text.encode())
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        marker.unlink(missing_ok=True)
        raise
    os.close(fd)


def keep_previous(path: Path) -> None:
    """Before a compaction replaces the main file: keep it as the previous generation
    (a second name for the same file: no copy, no room needed)."""
    if not path.exists():
        return
    link = path.with_name(f".{path.name}.previous.tmp")
    link.unlink(missing_ok=True)
    os.link(path, link)
    os.replace(link, previous_path(path))


def set_aside(path: Path, suffix: str) -> list[Path]:
    """Rename every file of the store with ``suffix``; the new names (the reserve, which
    holds nothing, is dropped)."""
    moved = []
    for old in store_files(path):
        new = _beside(old, suffix)
        os.replace(old, new)
        moved.append(new)
    release_reserve(path)
    return moved


def write_reserve(path: Path, disk: Disk = DISK) -> bool:
    """Make sure the reserve is there; False when the disk has no room for it now."""
    reserve = reserve_path(path)
    with contextlib.suppress(FileNotFoundError):
        if reserve.stat().st_size >= RESERVE_BYTES:
            return True
    fd = os.open(reserve, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        write_all(disk, fd, os.urandom(RESERVE_BYTES))  # zeros might be compressed away
        os.fsync(fd)
    except OSError as exc:
        reserve.unlink(missing_ok=True)
        if not is_full(exc):
            raise
        return False
    finally:
        os.close(fd)
    return True


def release_reserve(path: Path) -> bool:
    """Free the reserve's room; whether there was one."""
    try:
        reserve_path(path).unlink()
    except FileNotFoundError:
        return False
    return True
