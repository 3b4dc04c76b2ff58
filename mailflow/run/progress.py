"""A one-line progress display for a long intake backlog, on a terminal only.

``run_tick(progress=...)`` reports each batch's message count; the backlog's size is not
known in advance (the mailbox streams it), so the line shows how many messages are
handled and how fast, redrawn in place with ``\\r``, and cleared at the end. When the
stream is not a terminal (cron, systemd, a pipe) there is no display at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["IntakeProgress"]


class IntakeProgress:
    """Call with each batch's message count; ``close()`` clears the line."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.handled = 0
        self._drawn = False

    @classmethod
    def for_terminal(cls, stream: TextIO) -> IntakeProgress | None:
        """A display on ``stream`` when it is a terminal, else None."""
        isatty = getattr(stream, "isatty", None)
        return cls(stream) if isatty is not None and isatty() else None

    def __call__(self, count: int) -> None:
        self.handled += count
        elapsed = max(self.clock() - self.started, 1e-6)
        rate = self.handled / elapsed
        self.stream.write(f"\r\x1b[Kmailflow: {self.handled:,} message(s) handled "
                          f"({rate:,.0f}/s) ...")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
