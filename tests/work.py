"""Counting work instead of timing it: a loaded machine must not fail a test.

:func:`calls` counts the Python and C function calls one call of ``fn`` makes (with
``sys.setprofile``); :func:`assert_linear` checks that doubling the input at most doubles
that count (plus a constant), so work that grows faster than the input fails on any
machine. The wall-clock figures live in ``bench/hostile_input.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def calls(fn: Callable[[Any], object], arg: Any) -> int:
    """How many function calls ``fn(arg)`` makes, its own and the ones it causes."""
    count = 0

    def profile(_frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn(arg)
    finally:
        sys.setprofile(None)
    return count


def assert_linear(fn: Callable[[Any], object], make: Callable[[int], Any], n: int) -> None:
    """``fn`` on ``make(2 * n)`` does at most about twice the work it does on ``make(n)``."""
    once, twice = calls(fn, make(n)), calls(fn, make(2 * n))
    assert twice <= 2.1 * once + 100, (once, twice)
