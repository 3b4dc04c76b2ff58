"""Store files as they are on disk: every record type as a document, the bytes an older
mailflow wrote (tests/data/store/, written by 127a846 at schema version 1), and TinyDB
reading the store through ``JournalledStorage``.

Schema version 2 changed one thing: an attention item keeps ``reasons`` (codes and their
parameters) where version 1 kept one English ``reason`` text. Version 3 keeps pending
moves by the folder's role, not its name (these files hold none); version 4 lets go of a
pending mail's own backoff (none here is pending and tried). Later, with no new schema
version (an older document reads them as their defaults), a network day gained the
meeting it was made from (``calendar_uid``, ``calendar_sequence``). :func:`at_schema_2`
makes the bytes version 1 wrote into the bytes the current version writes for the same
records; every other byte must be as 127a846 wrote it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, Self

import pytest
from tinydb import Query, TinyDB

from mailflow.adapters.store import JournalledStorage, ReadOnlyStoreError, Store
from mailflow.adapters.store.layout import encode
from mailflow.adapters.store.migrations import SCHEMA_VERSION
from mailflow.adapters.store.tables import TABLES
from mailflow.core.model import (
    AttentionItem,
    CostItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    OutgoingMail,
    PendingAction,
    Person,
    ProcessedMessage,
    Reason,
    Rsvp,
)

OLD = Path(__file__).resolve().parents[1] / "data" / "store"
HELSINKI = timezone(timedelta(hours=2))
AT = datetime(2026, 11, 27, 9, 30, 15, 250000, tzinfo=UTC)
LOCAL = datetime(2026, 11, 27, 11, 30, tzinfo=HELSINKI)


OLD_REASON = "unknown_intent:x=1"  # a text no pattern of the old reasons knows
REASONS = (Reason.of("legacy", text=OLD_REASON),)


def at_schema_2(old: bytes, *, rewritten: bool = True) -> bytes:
    """What 127a846's bytes become at schema version 2 and later (see the module's
    docstring); ``rewritten`` False: the documents as an older file holds them (a day
    read from one is kept as it was stored until it changes)."""
    reasons = encode({"reasons": [r.to_doc() for r in REASONS]})[1:-1]
    current = (old.replace(b'"schema_version":1', f'"schema_version":{SCHEMA_VERSION}'.encode())
                  .replace(f'"reason":"{OLD_REASON}"'.encode(), reasons.encode()))
    if not rewritten:
        return current
    # a network day's document ends with its sequence, which only days have
    return re.sub(rb'("sequence":\d+)}', rb'\1,"calendar_uid":"","calendar_sequence":0}', current)


class Record(Protocol):
    """What the store keeps: a record that turns into its document and back."""

    def to_doc(self) -> dict[str, Any]: ...

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Self: ...


def records(n: int) -> list[Record]:
    """Every record type, once with every field set and once with the defaults."""
    return [
        Organisation(key=f"omnia{n}", name=f"Omnia {n}", aliases=("omnia.fi", "Espoon seudun"),
                     committed=True, committed_at=LOCAL),
        Organisation(key=f"plain{n}", name="Kesäyliopisto"),
        Person(address=f"maija{n}@omnia.test", name="Maija Mällikäs \"M\"", org=f"omnia{n}",
               role="supervisor", status="waitlisted", waitlist_position=2, language="en",
               diet="gluteeniton", registered_at=AT, days=("2026-10-05", ""), failing=True),
        Person(address=f"pekka{n}@omnia.test", name="Pekka", org=""),
        NetworkDay(id=f"2026-10-0{n}", date=date(2026, 10, n), start=time(9, 0),
                   end=time(15, 30, 5), place="Espoo", title="Jatkotyöskentely", sponsor="",
                   cost_items=(CostItem("asiantuntijapalkkio", Decimal("1200.50")),
                               CostItem("tila", Decimal("300"))),
                   follow_up=True, cancelled=True, sequence=3),
        NetworkDay(id=f"plain{n}", date=date(2026, 12, 1), start=time(10, 0), end=time(12, 0),
                   place=""),
        Rsvp(day_id=f"2026-10-0{n}", address=f"maija{n}@omnia.test", answer="no", at=AT,
             source="itip"),
        InterestSubscription(address=f"i{n}@omnia.test", subscribed=False, at=LOCAL,
                             language="en"),
        ProcessedMessage(key=f"<m{n}@omnia.test>", received_at=AT, handled_at=LOCAL,
                         sender=f"maija{n}@omnia.test", outcome="attention", intent="cancel",
                         folder="attention"),
        AttentionItem(id=f"a{n}", message_key=f"<m{n}@omnia.test>", sender="x@omnia.test",
                      subject="Re: ✓", reasons=REASONS, excerpt="rivi\nrivi 2",
                      at=AT, handled=True),
        OutgoingMail(key=f"confirm:<m{n}@omnia.test>", to="maija@omnia.test", subject="Kiitos",
                     message_id=f"<c{n}@example.org>", created_at=AT, status="failed",
                     attempts=4, next_attempt_at=LOCAL, sent_at=AT, last_error="550 no",
                     raw="From: x\r\n\r\nhi", kind="confirm",
                     extra_recipients=("a@b.test", "c@d.test")),
        OutgoingMail(key=f"plain:{n}", to="p@omnia.test", subject="", message_id=f"<p{n}@x>",
                     created_at=AT),
        PendingAction(token=f"VAHVISTA-0000000{n}", address=f"maija{n}@omnia.test",
                      intent={"kind": "cancel", "sender": "maija@omnia.test", "people": ["a", 1]},
                      created_at=AT, expires_at=LOCAL, done=True),
    ]


def write_the_old_commits(path: Path) -> None:
    """The commits that wrote tests/data/store/ at 127a846: a new file, then two journal lines."""
    with Store(path) as store:
        store.put_many(records(1))
        store.set_meta("first_run", "2026-11-01T08:00:00+00:00")
        store.commit()  # a new file: written whole
        store.put_many(records(2))
        store.set_meta("first_run", "2026-11-02T08:00:00+00:00")
        store.commit()  # journal line 1
        store.delete(Person, ["pekka1@omnia.test"])
        store.put(Person(address="maija1@omnia.test", name="Maija 2", org="omnia1"))
        store.commit()  # journal line 2


def old_store(folder: Path) -> Path:
    for name in ("mailflow.json", "mailflow.json.journal"):
        shutil.copy(OLD / name, folder / name)
    return folder / "mailflow.json"


def test_every_record_type_converts_both_ways_as_127a846_stored_it() -> None:
    file_lines = at_schema_2((OLD / "compacted.json").read_bytes()).decode().splitlines()
    stored = {line.partition(":")[2].rstrip(",") for line in file_lines if line.startswith('"')}
    samples = records(2)
    assert {type(r) for r in samples} == set(TABLES)
    for record in samples:
        doc = record.to_doc()
        assert encode(doc) in stored, record  # the very bytes of that mailflow's file
        assert type(record).from_doc(doc) == record
    cost = CostItem("tila", Decimal("300.10"))
    assert cost.to_doc() == {"label": "tila", "amount": "300.10"}
    assert CostItem.from_doc(cost.to_doc()) == cost


def test_documents_from_older_versions_read_their_missing_fields_as_before() -> None:
    assert Person.from_doc({"address": "a@omnia.test"}) == Person(
        address="a@omnia.test", name="", org="")
    day = NetworkDay.from_doc({"id": "d", "date": "2026-10-05", "start": "09:00",
                               "end": "15:00"})
    assert (day.place, day.cost_items, day.sequence) == ("", (), 0)
    item = AttentionItem.from_doc({"id": "a", "message_key": "<m>", "reasons": [],
                                   "at": AT.isoformat()})
    assert (item.sender, item.subject, item.excerpt, item.handled) == ("", "", "", False)
    mail = OutgoingMail.from_doc({"key": "k", "to": "t@omnia.test", "message_id": "<x>",
                                  "created_at": AT.isoformat(), "sent_at": ""})
    assert (mail.subject, mail.sent_at, mail.extra_recipients) == ("", None, ())
    with pytest.raises(KeyError, match="at"):
        AttentionItem.from_doc({"id": "a", "message_key": "<m>", "reasons": []})


def test_the_same_commits_write_the_bytes_127a846_wrote(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    write_the_old_commits(path)
    assert path.read_bytes() == at_schema_2((OLD / "mailflow.json").read_bytes())
    assert path.with_name("mailflow.json.journal").read_bytes() == \
        at_schema_2((OLD / "mailflow.json.journal").read_bytes())


def test_a_store_written_by_127a846_opens_unchanged(tmp_path: Path) -> None:
    path = old_store(tmp_path)
    changed = ("pekka1@omnia.test", "maija1@omnia.test")  # deleted, replaced by the journal
    expected = [r for r in [*records(1), *records(2)]
                if not (isinstance(r, Person) and r.address in changed)]
    expected.append(Person(address="maija1@omnia.test", name="Maija 2", org="omnia1"))
    with Store(path) as store:
        assert store.meta("first_run") == "2026-11-02T08:00:00+00:00"
        found: list[object] = []
        for cls in TABLES:
            found.extend(store.all(cls))
        store.scrub()
        store.commit()  # folds the journal in
    assert sorted(map(repr, found)) == sorted(map(repr, expected))
    assert path.read_bytes() == at_schema_2((OLD / "compacted.json").read_bytes(),
                                            rewritten=False)


# -- TinyDB reading the store as mailflow sees it ------------------------------------------
def query_people(path: Path, name: str) -> list[str]:
    db = TinyDB(path, storage=JournalledStorage)
    try:
        return [doc["address"] for doc in db.table("people").search(Query().name == name)]
    finally:
        db.close()


def test_tinydb_through_journalled_storage_finds_commits_still_in_the_journal(
        tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    with Store(path) as store:
        store.put(Person(address="a@omnia.test", name="Aino", org="omnia"))
        store.commit()  # the new file
        store.put(Person(address="b@omnia.test", name="Bertta", org="omnia"))
        store.put(Person(address="a@omnia.test", name="Aino Uusi", org="omnia"))
        store.commit()  # only in the journal
        assert path.with_name("mailflow.json.journal").exists()
        assert query_people(path, "Bertta") == ["b@omnia.test"]  # while the writer holds the lock
        assert query_people(path, "Aino") == []  # the journal's newer name wins
        plain = TinyDB(path)  # TinyDB alone reads the file without the journal: a stale state
        assert plain.table("people").search(Query().name == "Bertta") == []
        plain.close()
        store.delete(Person, ["b@omnia.test"])
        store.scrub()
        store.commit()  # compacted: the journal is gone
    assert not path.with_name("mailflow.json.journal").exists()
    assert query_people(path, "Aino Uusi") == ["a@omnia.test"]
    assert query_people(path, "Bertta") == []


def test_journalled_storage_reads_the_meta_table_and_an_old_store(tmp_path: Path) -> None:
    path = old_store(tmp_path)
    db = TinyDB(path, storage=JournalledStorage)
    try:
        settings = db.table("settings").search(Query().name == "first_run")
        assert [doc["value"] for doc in settings] == ["2026-11-02T08:00:00+00:00"]
        assert len(db.table("outbox").search(Query().status == "failed")) == 2
        assert db.table("people").get(Query().address == "pekka1@omnia.test") is None
    finally:
        db.close()


def test_journalled_storage_refuses_to_write_and_changes_nothing(tmp_path: Path) -> None:
    path = old_store(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    db = TinyDB(path, storage=JournalledStorage)
    with pytest.raises(ReadOnlyStoreError, match="read-only; change the store through mailflow"):
        db.table("people").insert({"address": "x@omnia.test"})
    db.close()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_journalled_storage_on_a_missing_store_is_empty(tmp_path: Path) -> None:
    db = TinyDB(tmp_path / "mailflow.json", storage=JournalledStorage)
    assert db.tables() == set()
    db.close()
    assert list(tmp_path.iterdir()) == []
