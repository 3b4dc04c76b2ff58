"""Rebuilding a damaged main file from the previous generation and the journals
(``mailflow store recover``), under the store's lock.

The previous file plus the journal the last compaction folded in plus the current journal
replay to the state the main file plus its journal held (:mod:`.generations`). Nothing is
deleted: the damaged file is kept beside the rebuilt one as ``mailflow.json.damaged-<when>``.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from mailflow.adapters.store import generations
from mailflow.adapters.store.disk import DISK, Disk, full_disk, is_full
from mailflow.adapters.store.journal import journal_path, read_journal
from mailflow.adapters.store.layout import replace_atomically, write_store
from mailflow.adapters.store.lock import acquire_lock, release_lock
from mailflow.adapters.store.migrations import migrate
from mailflow.adapters.store.snapshot import committed_tables
from mailflow.adapters.store.tables import MainFileDamaged, Tables, load_tables
from mailflow.core.errors import StoreError

__all__ = ["Recovery", "describe_files", "rebuilt_tables", "recover_store"]


@dataclass(frozen=True)
class Recovery:
    """What ``recover_store`` did.

    ``rebuilt``: whether the main file was rebuilt (False: it was whole; nothing done);
    ``damage``: what was wrong with it; ``kept_as``: where the damaged file now is (None
    when there was none); ``sources``: the files it was rebuilt from; ``counts``: the
    records of each table in the rebuilt store."""

    rebuilt: bool
    damage: str = ""
    kept_as: Path | None = None
    sources: tuple[Path, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)


def rebuilt_tables(path: Path) -> Tables:
    """The store as the previous generation and both journals replay to (nothing on disk
    changes). Raises :class:`StoreError` when there is no previous generation, or it or
    a journal is damaged."""
    previous = generations.previous_path(path)
    tables = Tables()
    if not load_tables(previous, tables):
        raise StoreError(
            f"{path}: there is no previous generation ({previous.name}) to rebuild the "
            "store from: restore the file from a backup (or `mailflow init --force` starts "
            "an empty store, keeping the old files aside)")
    tables.replay(read_journal(generations.previous_journal_path(path), repair=False))
    tables.data, _ = migrate(tables.data, previous)  # a copy kept at a migration is older
    tables.replay(read_journal(journal_path(path), repair=False))
    return tables


def recover_store(path: Path, stamp: str, *, lock_timeout: float = 30.0,
                  disk: Disk = DISK) -> Recovery:
    """Rebuild ``path`` from its previous generation and the journals, if it is damaged
    or missing; ``stamp`` names the damaged file's copy (``.damaged-<stamp>``)."""
    lock = acquire_lock(path, lock_timeout)
    try:
        try:
            committed_tables(path)
            return Recovery(rebuilt=False)
        except MainFileDamaged as exc:
            damage = str(exc).split("; ", 1)[0]
        tables = rebuilt_tables(path)
        kept_as = _keep_damaged(path, stamp)
        _write(path, tables, disk)
        if not generations.id_path(path).exists():
            generations.write_marker(path, disk)
        sources = (generations.previous_path(path), generations.previous_journal_path(path),
                   journal_path(path))
        return Recovery(
            rebuilt=True, damage=damage, kept_as=kept_as,
            sources=tuple(p for p in sources if p.exists()),
            counts={name: len(docs) for name, docs in tables.data.items()},
        )
    finally:
        release_lock(lock)


def _keep_damaged(path: Path, stamp: str) -> Path | None:
    """A second name for the damaged file, so rebuilding it deletes nothing."""
    if not path.exists():
        return None
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    with contextlib.suppress(FileNotFoundError):
        kept.unlink()
    os.link(path, kept)
    return kept


def _write(path: Path, tables: Tables, disk: Disk) -> None:
    try:
        replace_atomically(path, lambda handle: write_store(handle, tables.layout()), disk)
    except OSError as exc:
        if not is_full(exc):
            raise
        previous = generations.previous_path(path)
        raise full_disk(disk, path, previous.stat().st_size, "rebuilding the store") from None


def describe_files(path: Path) -> list[tuple[Path, int | None, str]]:
    """Each file of the store: its size (None: missing) and what it holds, read without
    the lock and changing nothing (``mailflow store check``)."""
    rows: list[tuple[Path, int | None, str]] = []
    journals = (journal_path(path), generations.previous_journal_path(path))
    for file in (path, generations.previous_path(path), *journals, generations.id_path(path)):
        size = file.stat().st_size if file.exists() else None
        if size is None:
            state = "missing"
        elif file in journals:
            state = _journal_state(file)
        elif file == generations.id_path(path):
            state = "a store exists here"
        else:
            state = _file_state(file)
        rows.append((file, size, state))
    return rows


def _file_state(file: Path) -> str:
    tables = Tables()
    try:
        if not load_tables(file, tables):
            return "empty"
    except StoreError as exc:
        return str(exc).removeprefix(f"{file}: ")
    counts = [f"{name} {len(docs)}" for name, docs in tables.data.items()
              if name not in ("meta", "settings")]
    return "whole: " + (", ".join(counts) or "no records")


def _journal_state(file: Path) -> str:
    whole = torn = 0
    with file.open("rb") as handle:
        for line in handle:
            if line.endswith(b"\n"):
                whole += 1
            else:
                torn = 1
    try:
        for _ in read_journal(file, repair=False):
            pass
    except StoreError as exc:
        return str(exc).removeprefix(f"{file}: ").split(";", 1)[0]
    return f"{whole} whole lines" + (", the last cut short (dropped)" if torn else "")
