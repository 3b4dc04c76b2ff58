"""How a mailbox cuts what it reads into batches: by count (the first batch smaller when
asked) and by bytes, never leaving a message out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from mailflow.adapters.batching import BatchFill, aware, read_cost
from mailflow.adapters.ports import IncomingMessage

WHEN = datetime(2026, 11, 20, 8, tzinfo=UTC)


def message(n: int, size: int = 10) -> IncomingMessage:
    return IncomingMessage(ref=str(n), raw=b"x" * size, size=size, received_at=WHEN)


def cut(fill: BatchFill, messages: list[IncomingMessage]) -> list[list[str]]:
    """Batches as a mailbox makes them: take when full or when the next would overflow."""
    batches = []
    for m in messages:
        if fill.full or fill.overflows(m.size):
            batches.append([x.ref for x in fill.take()])
        fill.add(m)
    if fill.messages:
        batches.append([x.ref for x in fill.take()])
    return batches


def test_the_first_batch_is_smaller_when_asked_then_batch_size() -> None:
    assert cut(BatchFill(3, first_size=1), [message(n) for n in range(6)]) == [
        ["0"], ["1", "2", "3"], ["4", "5"]]
    assert cut(BatchFill(3), [message(n) for n in range(4)]) == [["0", "1", "2"], ["3"]]


def test_a_batch_stays_within_its_bytes_unless_it_holds_one_message() -> None:
    fill = BatchFill(10, batch_bytes=25)
    assert cut(fill, [message(0), message(1), message(2), message(3, size=100),
                      message(4)]) == [["0", "1"], ["2"], ["3"], ["4"]]


def test_a_message_over_the_cap_costs_its_batch_nothing() -> None:
    assert (read_cost(100, max_bytes=100), read_cost(101, max_bytes=100)) == (100, 0)


def test_times_become_utc_instants() -> None:
    helsinki = datetime(2026, 11, 20, 10, tzinfo=timezone(timedelta(hours=2)))
    assert aware(helsinki) == WHEN
    assert aware(helsinki).tzinfo is UTC
    assert aware(datetime(2026, 11, 20, 8)) == WHEN
