"""The outgoing side away for days (a clock passed in): mail waits for its lifetime, the
server's return sends the whole queue in order in one pass, and what expires is shown to
the facilitator. ``bench/outage.py`` prints the same figures at a finer step."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.outage import run_outage

STEP = timedelta(hours=1)  # a pass an hour: past the server's longest backoff (10 minutes)


def test_a_relay_down_for_3_days_loses_nothing_and_its_return_sends_the_queue_in_order(
    tmp_path: Path,
) -> None:
    outage = run_outage(tmp_path, down_days=3, step=STEP)
    assert outage.queued > 20, outage.line()
    assert (outage.sent, outage.expired, outage.duplicates) == (outage.queued, 0, 0), \
        outage.line()
    assert outage.in_order, outage.line()  # the oldest first: a confirmation before a digest
    assert outage.first_pass == outage.pending_at_return == outage.queued, outage.line()


def test_a_relay_down_for_6_days_gives_up_the_oldest_and_shows_each_to_the_facilitator(
    tmp_path: Path,
) -> None:
    outage = run_outage(tmp_path, down_days=6, step=STEP)
    assert outage.expired > 0, outage.line()
    assert outage.duplicates == 0, outage.line()
    assert outage.sent + outage.expired == outage.queued, outage.line()
    assert outage.in_order, outage.line()
    assert outage.first_pass == outage.pending_at_return, outage.line()
    # each expired mail is on the attention list and in a digest, with its recipient
    assert outage.attention_to == outage.expired_to, outage.line()
    shown = "\n".join(outage.digests)
    assert all(address in shown for address in outage.expired_to), outage.line()


def test_a_full_disk_for_3_days_loses_nothing_from_the_file_outbox(tmp_path: Path) -> None:
    outage = run_outage(tmp_path, down_days=3, step=STEP, kind="file")
    assert (outage.sent, outage.expired, outage.duplicates) == (outage.queued, 0, 0), \
        outage.line()
    assert outage.in_order, outage.line()
    assert outage.first_pass == outage.queued, outage.line()
