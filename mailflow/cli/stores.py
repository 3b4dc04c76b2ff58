"""``mailflow init`` and ``mailflow store recover|check``: creating a store on purpose,
and the way back from a damaged one.

mailflow never takes a missing, empty or damaged store file for a new store when a store
existed (its marker, journal or previous generation is beside it): the pass stops with
exit 2 and says which of these commands to run.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from mailflow.cli.common import Subcommands, settings_of, table
from mailflow.core.errors import EXIT_OK, UsageError

__all__ = ["add_init", "add_store"]


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _store_path(args: argparse.Namespace) -> tuple[Path, float]:
    settings = settings_of(args)
    return settings.resolve(settings.store.path), settings.store.lock_timeout_seconds


def cmd_init(args: argparse.Namespace) -> int:
    from mailflow.adapters.store import Store
    from mailflow.adapters.store.generations import store_files

    path, timeout = _store_path(args)
    existing = store_files(path)
    if existing and not args.force:
        names = ", ".join(p.name for p in existing)
        raise UsageError(
            f"{path}: a store exists here ({names}); `mailflow init` creates one only where "
            "there is none (`--force` starts an empty one, keeping these files aside)")
    discard_as = f".discarded-{_stamp()}" if existing else None
    with Store(path, lock_timeout=timeout, discard_as=discard_as) as store:
        store.commit()
        for kept in store.discarded:
            print(f"kept aside: {kept}")
    print(f"{path}: a new, empty store")
    return EXIT_OK


def cmd_store(args: argparse.Namespace) -> int:
    path, timeout = _store_path(args)
    if args.action == "check":
        return _check(path)
    from mailflow.adapters.store.disk import size_text
    from mailflow.adapters.store.recovery import recover_store

    result = recover_store(path, _stamp(), lock_timeout=timeout)
    if not result.rebuilt:
        print(f"{path}: the store is whole; nothing to recover")
        return EXIT_OK
    print(f"{path}: rebuilt ({result.damage.removeprefix(f'{path}: ')})")
    print("  from: " + ", ".join(p.name for p in result.sources))
    if result.kept_as is not None:
        print(f"  the damaged file is kept as {result.kept_as.name}")
    counts = ", ".join(f"{name} {count}" for name, count in result.counts.items()
                       if name not in ("meta", "settings"))
    print(f"  records: {counts or 'none'} ({size_text(path.stat().st_size)})")
    return EXIT_OK


def _check(path: Path) -> int:
    from mailflow.adapters.store.disk import size_text
    from mailflow.adapters.store.recovery import describe_files

    rows = [(file.name, "-" if size is None else size_text(size), state)
            for file, size, state in describe_files(path)]
    print(f"{path.parent}:")
    print(table(("file", "size", "what it holds"), rows))
    return EXIT_OK


def add_init(sub: Subcommands) -> None:
    """``mailflow init``."""
    p = sub.add_parser("init", help="create an empty store (only where there is none)")
    p.add_argument("--force", action="store_true",
                   help="start an empty store even where one exists (its files kept aside)")
    p.set_defaults(func=cmd_init)


def add_store(sub: Subcommands) -> None:
    """``mailflow store``."""
    p = sub.add_parser("store", help="the store's files: check them, or recover a damaged one")
    p.add_argument("action", choices=("check", "recover"),
                   help="check: what each file holds; recover: rebuild a damaged main file "
                   "from the previous generation and the journals")
    p.set_defaults(func=cmd_store)
