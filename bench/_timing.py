"""Timing helpers shared by the benchmark scripts (kept light: the benches fork children
whose memory is measured, so nothing heavy is imported here)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_MISSING = object()


@contextmanager
def timed(owner: Any, name: str, totals: dict[str, float]) -> Iterator[None]:
    """Add the seconds spent in ``owner.name`` to ``totals[name]``."""
    original = getattr(owner, name)
    saved = vars(owner).get(name, _MISSING)  # as defined on ``owner`` (a descriptor stays one)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - started

    setattr(owner, name, wrapper)
    try:
        yield
    finally:
        if saved is _MISSING:
            delattr(owner, name)  # it came from a base class
        else:
            setattr(owner, name, saved)
