"""The background mailbox: reads in order one batch ahead, moves coalesced, never lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from mailflow.adapters.ports import Batch, IncomingMessage
from mailflow.intake.background import BackgroundMailbox

NOW = datetime(2026, 11, 2, tzinfo=UTC)


class Box:
    """An in-memory mailbox of numbered messages; records its moves and which thread
    touched it."""

    def __init__(self, count: int, batch: int) -> None:
        self.count, self.batch = count, batch
        self.moves: list[tuple[str, list[str]]] = []
        self.threads: set[str] = set()
        self.closed = False
        self.first_move_done = threading.Event()

    @property
    def history_count(self) -> int:
        return 0

    def fetch_new(self, cursor: dict[str, Any], since: datetime, batch_size: int,
                  max_bytes: int, *, first_size: int = 0) -> Iterator[Batch]:
        for start in range(0, self.count, self.batch):
            self.threads.add(threading.current_thread().name)
            refs = range(start, min(start + self.batch, self.count))
            yield Batch(tuple(IncomingMessage(str(n), b"x", 1, NOW) for n in refs),
                        {"last": refs[-1]})

    def move(self, refs: list[str], folder: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.moves.append((folder, list(refs)))
        self.first_move_done.set()

    def connect(self) -> None:
        pass

    def move_again(self, refs: list[str], folder: str) -> None:
        self.move(refs, folder)

    def erase_from(self, address: str) -> int:
        return 0

    def close(self) -> None:
        self.closed = True


def test_batches_come_in_order_each_with_what_was_made_of_it_on_the_reading_thread() -> None:
    box = Box(10, 3)
    mover = Box(0, 1)
    mailbox = BackgroundMailbox(box, open_mover=lambda: mover)
    assert threading.active_count() == 1  # nothing started before the first read
    seen, made_on = [], []
    for batch, made in mailbox.batches({}, NOW, 3, 100, lambda b: threading.current_thread().name):
        seen.append([m.ref for m in batch.messages])
        made_on.append(made)
    mailbox.close()
    assert seen == [["0", "1", "2"], ["3", "4", "5"], ["6", "7", "8"], ["9"]]
    # the first batch on the pass's thread (nothing can be done before it), then ahead
    assert made_on == ["MainThread"] + ["mailbox-read"] * 3
    assert box.threads == {"MainThread", "mailbox-read"}
    assert box.closed
    assert mover.moves == [], "no move asked: no second mailbox opened"
    assert not mover.closed, "no move asked: no second mailbox opened"


def test_moves_asked_while_the_mover_rests_go_together_and_hurry_ends_the_rest() -> None:
    box, mover = Box(0, 1), Box(0, 1)
    # a duty of almost nothing: the mover rests "forever" after a move
    mailbox = BackgroundMailbox(box, open_mover=lambda: mover, move_duty=1e-9)
    first = mailbox.move({"processed": ["1"]})
    first.result(timeout=10)
    assert mover.first_move_done.wait(10)
    later = [mailbox.move({"processed": ["2"], "attention": ["3"]}),
             mailbox.move({"processed": ["4"]})]
    assert not later[0].done()  # the mover is resting
    mailbox.hurry_moves()
    for done in later:
        done.result(timeout=10)
    mailbox.close()
    assert mover.moves == [("processed", ["1"]), ("processed", ["2", "4"]),
                           ("attention", ["3"])]
    assert mover.threads == {"mailbox-move"}
    assert mover.closed
    assert box.closed


def test_a_failed_move_is_reported_to_every_move_it_carried() -> None:
    class Failing(Box):
        def move(self, refs: list[str], folder: str) -> None:
            raise OSError("connection lost")

    mailbox = BackgroundMailbox(Box(0, 1), open_mover=lambda: Failing(0, 1))
    done = mailbox.move({"processed": ["1"]})
    with pytest.raises(OSError, match="connection lost"):
        done.result(timeout=10)
    mailbox.close()
