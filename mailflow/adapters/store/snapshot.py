"""The store as last committed, read without the lock: for readers that must not wait."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from mailflow.adapters.store.tables import Tables, load_existing, replay_journals

__all__ = ["Snapshot", "committed_tables"]

R = TypeVar("R")


def committed_tables(path: Path) -> Tables:
    """The main file with its journal replayed, as of the last whole commit; nothing on
    disk is changed (a commit being appended at that moment is not seen: its line is not
    whole yet)."""
    tables = Tables()
    load_existing(path, tables)  # a missing or damaged one where a store existed: refused
    replay_journals(path, tables, repair=False)
    return tables


class Snapshot:
    """The store as last committed, read without the lock and never written.

    For read-only commands (``mailflow inspect``) that must not wait for a running pass.
    A commit being appended at that moment is not seen (its line is not whole yet).
    """

    def __init__(self, path: str | Path) -> None:
        self._tables = committed_tables(Path(path))

    def all(self, cls: type[R]) -> list[R]:
        docs = self._tables.records(cls).values()
        return [cls.from_doc(d) for d in docs]  # type: ignore[attr-defined]

    def meta(self, name: str, default: Any = None) -> Any:
        return self._tables.meta(name, default)
