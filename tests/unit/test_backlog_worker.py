"""Parsing a backlog in a worker process: the same results, and the pass never depends on it."""

from __future__ import annotations

import logging
import os
import signal
from datetime import UTC, datetime

import pytest

from mailflow.parse import parse_message
from mailflow.parse_pool import ParsePool, parse_all
from mailflow.ports import Batch, IncomingMessage
from tests.mailgen import signup

OWN = "verkosto@example.org"
NOW = datetime(2026, 11, 2, 10, tzinfo=UTC)


def batch(first: int, count: int, *, oversize: int | None = None) -> Batch:
    return Batch(tuple(
        IncomingMessage(ref=str(n), raw=None if n == oversize else signup(n, padding=2000),
                        size=1, received_at=NOW)
        for n in range(first, first + count)
    ), {})


def test_parse_all_is_parse_message_on_each_and_leaves_an_unread_message_unread() -> None:
    raws = [signup(1), None, b"not a mail at all"]
    parsed = parse_all(raws, OWN, "")
    assert parsed[0] == parse_message(signup(1), own_address=OWN)
    assert parsed[1] is None
    assert parsed[2] == parse_message(b"not a mail at all", own_address=OWN)


def test_a_backlog_is_parsed_in_the_worker_exactly_as_in_the_pass() -> None:
    pool = ParsePool(OWN, "", backlog=5)
    try:
        first = batch(0, 5)
        assert pool.submit(first) is None  # parsed in the pass while the worker starts
        assert pool.started
        tickets = []
        for start in (5, 10):
            later = batch(start, 5, oversize=7)
            tickets.append((pool.submit(later), later))
            assert tickets[-1][0] is not None
            ticket, sent = tickets.pop()
            assert pool.parsed(ticket) == parse_all([m.raw for m in sent.messages], OWN, "")
    finally:
        pool.close()


def test_a_pass_over_a_few_messages_starts_no_process() -> None:
    pool = ParsePool(OWN, "", backlog=200)
    assert pool.submit(batch(0, 3)) is None
    assert pool.submit(batch(3, 199)) is None
    assert not pool.started
    pool.close()


def test_a_worker_that_dies_leaves_the_parsing_to_the_pass(
    caplog: pytest.LogCaptureFixture,
) -> None:
    pool = ParsePool(OWN, "", backlog=2)
    try:
        pool.submit(batch(0, 2))
        assert pool._process is not None and pool._process.pid is not None
        os.kill(pool._process.pid, signal.SIGKILL)
        pool._process.join()
        with caplog.at_level(logging.WARNING):
            ticket = pool.submit(batch(2, 2))
            assert pool.parsed(ticket) is None  # the pass parses this batch itself
        assert "parsing in a worker process failed" in caplog.text
        assert pool.submit(batch(4, 2)) is None  # and every later one
    finally:
        pool.close()
