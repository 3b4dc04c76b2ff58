"""The store's main file: TinyDB's JSON one record a line, loaded a chunk at a time, read by
TinyDB itself; files in other layouts load and are laid out again."""

from __future__ import annotations

import json
import stat
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from mailflow.adapters.store import SCHEMA_VERSION, AtomicJSONStorage, Store, layout
from mailflow.core.errors import StoreError
from mailflow.core.model import OutgoingMail, Person, ProcessedMessage
from tests.unit.test_store import NOW, compacted, pending_mail, person


def message(n: int, at: datetime = NOW) -> ProcessedMessage:
    return ProcessedMessage(key=f"<m{n}@omnia.test>", received_at=at, handled_at=at,
                            sender=f"p{n % 7}@omnia.test", outcome="handled", intent="signup")


ODD = "Kysymys – \"lainaus\"\n}\n\"1\":{}\u2028\\ 🎉"  # newline, quotes, a closing brace, U+2028


def test_the_file_holds_one_record_a_line_and_tinydb_reads_it(tmp_path: Path) -> None:
    path = compacted(tmp_path / "mailflow.json",
                     [person(1), person(2, name=ODD), *(message(n) for n in range(3))])
    lines = path.read_bytes().split(b"\n")
    assert lines[0] == b"{"
    assert lines[-2:] == [b"}", b""]
    people = [json.loads(b"{" + line.rstrip(b",") + b"}") for line in lines
              if b'"address":"p' in line and b'"org"' in line]
    assert [doc for one in people for doc in one.values()] == [person(1).to_doc(),
                                                                person(2, name=ODD).to_doc()]
    db = TinyDB(path)
    try:
        assert db.table("people").all() == [person(1).to_doc(), person(2, name=ODD).to_doc()]
        assert len(db.table("messages")) == 3
    finally:
        db.close()
    with Store(path) as store:
        assert store.get(Person, "p2@omnia.test") == person(2, name=ODD)
        assert store.all(ProcessedMessage) == [message(n) for n in range(3)]


def test_records_cross_chunk_boundaries_and_long_lines(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    big = pending_mail().replace(raw="x" * 700_000)  # one line longer than a chunk
    records: list[object] = [message(n) for n in range(2500)]
    records[1200:1200] = [big, person(1)]
    path = compacted(tmp_path / "mailflow.json", records)
    for chunk in (layout.CHUNK_BYTES, 64, 1):  # chunks end at every kind of line
        monkeypatch.setattr(layout, "CHUNK_BYTES", chunk)
        with Store(path) as store:
            assert store.count(ProcessedMessage) == 2500
            assert store.get(OutgoingMail, big.key) == big
            assert store.get(Person, "p1@omnia.test") == person(1)
            assert store.get(ProcessedMessage, "<m2499@omnia.test>") == message(2499)


def test_compaction_numbers_the_records_afresh(tmp_path: Path) -> None:
    path = compacted(tmp_path / "mailflow.json", [person(n) for n in range(1, 6)])
    with Store(path) as store:
        store.delete(Person, ["p1@omnia.test", "p3@omnia.test"])
        store.put(person(9))
        store.scrub()
        store.commit()
    people = json.loads(path.read_text(encoding="utf-8"))["people"]
    assert {i: d["address"] for i, d in people.items()} == {
        "1": "p2@omnia.test", "2": "p4@omnia.test", "3": "p5@omnia.test", "4": "p9@omnia.test"}


@pytest.mark.parametrize("layout", ["one line", "tinydb", "tinydb indented", "hand edited"])
def test_files_in_other_layouts_load_and_are_laid_out_again(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "mailflow.json"
    data = {"meta": {"1": {"schema_version": SCHEMA_VERSION}},
            "people": {"4": person(1).to_doc(), "9": person(2, name=ODD).to_doc()}}
    if layout == "one line":  # what mailflow wrote before this layout
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    elif layout.startswith("tinydb"):
        db = TinyDB(path, **({"indent": 2} if layout.endswith("indented") else {}))
        db.table("meta").insert(data["meta"]["1"])
        db.table("people").insert_multiple(data["people"].values())
        db.close()
    else:  # starts like this layout, then is not
        path.write_text('{\n"people":{\n"4":' + json.dumps(person(1).to_doc()) + ",\n"
                        '"9":' + json.dumps(person(2, name=ODD).to_doc()) + "\n},"
                        '"meta": {"1": {"schema_version": 1}}}', encoding="utf-8")
    with Store(path) as store:
        assert store.all(Person) == [person(1), person(2, name=ODD)]
        store.scrub()
        store.commit()
    assert path.read_bytes().startswith(b'{\n"')
    with Store(path) as store:
        assert store.all(Person) == [person(1), person(2, name=ODD)]


@pytest.mark.parametrize("damage", ["cut short", "cut at a line", "a record", "a header",
                                    "a lost comma", "not utf-8"])
def test_a_damaged_file_in_this_layout_is_a_clear_error(tmp_path: Path, damage: str) -> None:
    path = compacted(tmp_path / "mailflow.json", [person(n) for n in range(50)])
    text = path.read_bytes()
    lines = text.split(b"\n")
    if damage == "cut short":
        text = text[: len(text) // 2]
    elif damage == "cut at a line":
        text = b"\n".join(lines[:30]) + b"\n"
    elif damage == "a record":
        text = text.replace(b'"p7@omnia.test"', b'"p7@omnia.test', 1)
    elif damage == "a header":
        text = text.replace(b'"people":{', b'"people":[', 1)
    elif damage == "a lost comma":
        assert b'},\n"2":' in text
        text = text.replace(b'},\n"2":', b'}\n"2":', 1)
    else:
        text = text.replace("Henkilö 7".encode(), b"Henkil\xf6 7", 1)
    path.write_bytes(text)
    with pytest.raises(StoreError, match=r"mailflow\.json: the store is not (valid JSON|UTF-8)"):
        Store(path)
    with pytest.raises(StoreError):  # not StoreLockedError: the failed open let go of the lock
        Store(path, lock_timeout=0.1)


def test_a_document_that_is_not_a_record_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    path.write_text('{"people": {"1": {"name": "no address"}}}', encoding="utf-8")
    with pytest.raises(StoreError, match=r"mailflow\.json: table 'people' holds a document"):
        Store(path)


def test_equal_strings_are_one_object_from_the_file_the_journal_and_new_records(
    tmp_path: Path,
) -> None:
    path = compacted(tmp_path / "mailflow.json", [message(n) for n in range(100)])
    with Store(path) as store:
        store.put_many(message(n) for n in range(100, 200))  # journalled
        store.commit()
    with Store(path) as store:  # 100 from the file, 100 from the journal
        store.put_many(message(n) for n in range(200, 300))  # and 100 new ones
        docs: list[Mapping[str, Any]] = []

        def collect(doc: Mapping[str, Any]) -> bool:
            docs.append(doc)
            return False  # select nothing: only see every document

        store.select(ProcessedMessage, collect)
    assert len(docs) == 300
    for field in ("handled_at", "sender", "outcome", "intent", "folder"):
        values = [doc[field] for doc in docs]
        assert len({id(v) for v in values}) == len(set(values)), field
    assert len({id(doc["key"]) for doc in docs}) == 300


def test_atomic_json_storage_serves_tinydb_itself(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("people").insert_multiple([person(1).to_doc(), person(2, name=ODD).to_doc()])
    db.close()
    assert path.read_bytes().startswith(b'{\n"people":{\n"1":')
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = TinyDB(path, storage=AtomicJSONStorage)
    assert again.table("people").all() == [person(1).to_doc(), person(2, name=ODD).to_doc()]
    again.close()
