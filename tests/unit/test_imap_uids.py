"""UIDs, refs and the cursor of the IMAP mailbox (pure; the Dovecot tests run the rest)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailflow.adapters.imap_uids import (
    Meta,
    body_groups,
    chunks,
    cursor_of,
    last_uid_of,
    uid_of,
    uid_set,
    uids_for,
)

WHEN = datetime(2026, 11, 20, 8, tzinfo=UTC)


def test_the_first_fetch_is_no_bigger_than_the_first_batch() -> None:
    uids = list(range(1, 251))
    assert [len(c) for c in chunks(uids, 100, first_size=50)] == [50, 100, 100]
    assert [len(c) for c in chunks(uids, 100)] == [100, 100, 50]
    assert list(chunks([], 100)) == []


def test_a_fetch_of_bodies_stays_within_its_budget_and_skips_what_is_over_the_cap() -> None:
    metas = [Meta(1, 40, WHEN), Meta(2, 40, WHEN), Meta(3, 500, WHEN), Meta(4, 40, WHEN)]
    groups = body_groups(metas, max_bytes=100, budget=100)
    assert [[m.uid for m in g] for g in groups] == [[1, 2, 3], [4]]


@pytest.mark.parametrize(("cursor", "expected"), [
    ({}, 0),
    ({"uidvalidity": 7, "last_uid": 41}, 41),
    ({"uidvalidity": 8, "last_uid": 41}, 0),  # the folder was recreated: read again
    ({"uidvalidity": "x"}, 0),  # malformed: read again, never crash
])
def test_the_cursor_says_where_to_go_on(cursor: dict[str, object], expected: int) -> None:
    assert last_uid_of(cursor, 7, "INBOX") == expected


def test_refs_carry_their_uidvalidity() -> None:
    assert cursor_of(7, 41) == {"uidvalidity": 7, "last_uid": 41}
    assert uid_of("7:41") == 41
    assert uids_for(["7:41", "8:42", "43", "7:x"], 7) == [41, 43]


def test_a_batch_of_uids_goes_in_one_short_uid_set() -> None:
    assert uid_set([7, 1, 2, 3, 9, 10, 3]) == "1:3,7,9:10"
    assert uid_set([5]) == "5"
    assert uid_set([]) == ""
    assert len(uid_set(range(1, 2401))) == len("1:2400")
