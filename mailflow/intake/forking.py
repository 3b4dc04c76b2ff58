"""Forking a helper process from a pass: when it is safe, and what the child lets go of.

A plain fork copies the whole process at once and costs a few milliseconds, but it is
safe only while the process has one thread (``mailflow tick`` from cron). The child
should hold nothing of its parent's but its own pipe: :func:`let_go` closes every other
inherited file (the store's lock, the parent's mailbox connection, its log file) and
leaves a stop to the parent.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

__all__ = ["end", "fork_child", "let_go", "may_fork"]


def may_fork() -> bool:
    """A plain fork is safe only while the process has one thread."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def let_go(keep: int) -> None:
    """In a forked child: close every inherited file but ``keep`` and the standard ones,
    and leave signals to their defaults (the parent handles a stop; the child ends when
    its pipe closes)."""
    os.closerange(3, keep)
    os.closerange(keep + 1, _max_fd())
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def fork_child(target: Callable[..., Any], args: tuple[Any, ...], name: str,
               ) -> tuple[Connection, BaseProcess]:
    """Fork a daemonic child running ``target(conn, *args)`` on its end of a duplex pipe;
    return the parent's end and the process. The objects the parent holds are frozen out
    of the garbage collector meanwhile, so the child's collections never touch (and so
    copy) their pages. The child should call :func:`let_go` first."""
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe(duplex=True)
    process = context.Process(target=target, args=(theirs, *args), daemon=True, name=name)
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()
        theirs.close()
    return mine, process


def end(process: BaseProcess, timeout: float) -> None:
    """Wait up to ``timeout`` seconds for ``process`` to end (its pipe closed), then kill it."""
    process.join(timeout=timeout)
    if process.is_alive():
        process.kill()
        process.join()


def _max_fd() -> int:
    try:
        return int(os.sysconf("SC_OPEN_MAX"))
    except (ValueError, OSError):
        return 65536
