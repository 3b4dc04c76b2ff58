"""The Maildir mailbox: reads without marking read, skips history, caps size, moves idempotently."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailflow.adapters.maildir import MaildirMailbox
from mailflow.adapters.ports import IncomingMessage
from mailflow.core.errors import ConfigError

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
CAP = 10 * 1024 * 1024


def mail(number: int, body: str = "Ilmoittaudun verkostopäivään.") -> bytes:
    return (
        f"From: Osallistuja {number} <osallistuja{number}@omnia.test>\r\n"
        f"To: verkosto@example.org\r\n"
        f"Subject: Ilmoittautuminen {number}\r\n"
        f"Message-ID: <{number}@omnia.test>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def deliver(maildir: Path, raw: bytes, at: datetime, name: str, sub: str = "new") -> Path:
    path = maildir / sub / name
    path.write_bytes(raw)
    os.utime(path, (at.timestamp(), at.timestamp()))
    return path


def fetch_all(box: MaildirMailbox, batch_size: int = 100, max_bytes: int = CAP,
              since: datetime = SINCE) -> list[IncomingMessage]:
    return [m for batch in box.fetch_new({}, since, batch_size, max_bytes) for m in batch.messages]


def test_fetch_yields_delivered_mail_oldest_first_without_touching_the_files(maildir: Path) -> None:
    t0 = SINCE + timedelta(days=1)
    later = deliver(maildir, mail(2), t0 + timedelta(minutes=5), "1790000002.M2P1.host")
    earlier = deliver(maildir, mail(1), t0, "1790000001.M1P1.host")
    seen = deliver(maildir, mail(3), t0 + timedelta(minutes=9), "1790000003.M3P1.host:2,S", "cur")
    before = sorted(p.name for p in maildir.rglob("*") if p.is_file())

    got = fetch_all(MaildirMailbox(maildir))

    assert [m.raw for m in got] == [mail(1), mail(2), mail(3)]
    assert [m.ref for m in got] == ["1790000001.M1P1.host", "1790000002.M2P1.host",
                                    "1790000003.M3P1.host"]
    assert got[0].received_at == t0
    assert got[0].received_at.tzinfo is not None
    assert got[0].size == len(mail(1))
    assert sorted(p.name for p in maildir.rglob("*") if p.is_file()) == before
    assert earlier.exists()
    assert later.exists()
    assert seen.exists()  # nothing marked read or moved


def test_batches_hold_at_most_batch_size_and_an_empty_cursor(maildir: Path) -> None:
    for n in range(7):
        deliver(maildir, mail(n), SINCE + timedelta(minutes=n), f"17900000{n:02d}.M{n}.host")
    batches = list(MaildirMailbox(maildir).fetch_new({}, SINCE, 3, CAP))
    assert [len(b.messages) for b in batches] == [3, 3, 1]
    assert all(b.cursor == {} for b in batches)
    assert [m.raw for b in batches for m in b.messages] == [mail(n) for n in range(7)]
    ramped = list(MaildirMailbox(maildir).fetch_new({}, SINCE, 3, CAP, first_size=1))
    assert [len(b.messages) for b in ramped] == [1, 3, 3]  # a pass gets going sooner


def test_batches_are_also_cut_by_bytes(maildir: Path) -> None:
    for n in range(4):
        deliver(maildir, mail(n, "x" * 1000), SINCE + timedelta(minutes=n), f"1790.M{n}.host")
    box = MaildirMailbox(maildir, batch_bytes=2500)
    batches = list(box.fetch_new({}, SINCE, 100, CAP))
    assert [len(b.messages) for b in batches] == [2, 2]


def test_mail_older_than_since_is_counted_and_left_alone(maildir: Path) -> None:
    old = deliver(maildir, mail(1), SINCE - timedelta(days=30), "1700000001.M1.host")
    deliver(maildir, mail(2), SINCE - timedelta(seconds=1), "1700000002.M2.host:2,S", "cur")
    deliver(maildir, mail(3), SINCE, "1790000003.M3.host")
    box = MaildirMailbox(maildir)
    got = fetch_all(box)
    assert [m.raw for m in got] == [mail(3)]
    assert box.history_count == 2
    assert old.exists()


def test_a_message_over_the_cap_comes_without_bytes(maildir: Path) -> None:
    big = mail(1, "iso liite " * 500)
    deliver(maildir, big, SINCE, "1790000001.M1.host")
    deliver(maildir, mail(2), SINCE + timedelta(seconds=1), "1790000002.M2.host")
    got = fetch_all(MaildirMailbox(maildir), max_bytes=1000)
    assert got[0].raw is None
    assert got[0].size == len(big)
    assert got[1].raw == mail(2)


def test_move_creates_the_folder_and_renames_into_its_cur(maildir: Path) -> None:
    deliver(maildir, mail(1), SINCE, "1790000001.M1.host")
    deliver(maildir, mail(2), SINCE, "1790000002.M2.host:2,FS", "cur")
    box = MaildirMailbox(maildir)
    refs = [m.ref for m in fetch_all(box)]

    box.move(refs, "processed")

    folder = maildir / ".processed"
    assert (folder / "maildirfolder").exists()
    assert (folder / "new").is_dir()
    assert sorted(p.name for p in (folder / "cur").iterdir()) == [
        "1790000001.M1.host:2,", "1790000002.M2.host:2,FS"]
    assert (folder / "cur" / "1790000001.M1.host:2,").read_bytes() == mail(1)
    assert list((maildir / "new").iterdir()) == []
    assert list((maildir / "cur").iterdir()) == []
    assert fetch_all(box) == []


def test_move_is_idempotent_and_ignores_unknown_refs(maildir: Path) -> None:
    deliver(maildir, mail(1), SINCE, "1790000001.M1.host")
    box = MaildirMailbox(maildir)
    refs = [m.ref for m in fetch_all(box)]
    box.move(refs, "attention")
    box.move(refs, "attention")  # replayed after a crash: not an error
    MaildirMailbox(maildir).move([*refs, "no-such-key", "../escape"], "attention")
    assert [p.name for p in (maildir / ".attention" / "cur").iterdir()] == [
        "1790000001.M1.host:2,"]


def test_a_message_renamed_by_a_mail_client_after_fetch_is_still_moved(maildir: Path) -> None:
    path = deliver(maildir, mail(1), SINCE, "1790000001.M1.host")
    box = MaildirMailbox(maildir)
    refs = [m.ref for m in fetch_all(box)]
    path.rename(maildir / "cur" / "1790000001.M1.host:2,S")  # someone read it meanwhile
    box.move(refs, "processed")
    assert (maildir / ".processed" / "cur" / "1790000001.M1.host:2,S").exists()


def test_mail_delivered_during_a_pass_comes_in_the_next_pass(maildir: Path) -> None:
    for n in range(4):
        deliver(maildir, mail(n), SINCE + timedelta(minutes=n), f"17900000{n:02d}.M{n}.host")
    box = MaildirMailbox(maildir)
    first_pass: list[IncomingMessage] = []
    for batch in box.fetch_new({}, SINCE, 2, CAP):
        first_pass.extend(batch.messages)
        deliver(maildir, mail(9), SINCE + timedelta(hours=1), "1790000099.M9.host")
        box.move([m.ref for m in batch.messages], "processed")
    assert [m.raw for m in first_pass] == [mail(n) for n in range(4)]
    assert [m.raw for m in fetch_all(box)] == [mail(9)]


def test_a_file_gone_before_it_is_read_is_skipped(maildir: Path) -> None:
    for n in range(3):
        deliver(maildir, mail(n), SINCE + timedelta(minutes=n), f"17900000{n:02d}.M{n}.host")
    box = MaildirMailbox(maildir)
    batches = box.fetch_new({}, SINCE, 1, CAP)
    first = next(batches)
    (maildir / "new" / "1790000001.M1.host").unlink()  # e.g. moved away by hand
    rest = list(batches)
    assert [m.raw for b in [first, *rest] for m in b.messages] == [mail(0), mail(2)]


def test_dotfiles_tmp_and_subfolders_are_not_inbox_mail(maildir: Path) -> None:
    deliver(maildir, mail(1), SINCE, ".hidden")
    (maildir / "tmp" / "1790000002.M2.host").write_bytes(mail(2))
    box = MaildirMailbox(maildir)
    deliver(maildir, mail(3), SINCE, "1790000003.M3.host")
    box.move(["1790000003.M3.host"], "processed")
    assert fetch_all(box) == []


def test_a_missing_maildir_is_created(tmp_path: Path) -> None:
    root = tmp_path / "var" / "mail"
    assert fetch_all(MaildirMailbox(root)) == []
    assert all((root / sub).is_dir() for sub in ("tmp", "new", "cur"))


def test_an_inbox_folder_reads_that_subfolder(maildir: Path) -> None:
    box = MaildirMailbox(maildir, "verkosto")
    sub = maildir / ".verkosto"
    assert fetch_all(box) == []
    deliver(sub, mail(1), SINCE, "1790000001.M1.host")
    deliver(maildir, mail(2), SINCE, "1790000002.M2.host")
    assert [m.raw for m in fetch_all(box)] == [mail(1)]


@pytest.mark.parametrize("name", ["../etc", ".hidden", "a/../b", "", "x\ny"])
def test_folder_names_that_could_escape_are_refused(maildir: Path, name: str) -> None:
    box = MaildirMailbox(maildir)
    if name == "":
        box.move(["whatever"], name)  # the inbox itself: nothing to do
        return
    with pytest.raises(ConfigError):
        box.move(["whatever"], name)


def test_delivery_time_falls_back_to_the_unique_names_timestamp(maildir: Path) -> None:
    path = maildir / "new" / "1795000000.M1.host"
    path.write_bytes(mail(1))
    os.utime(path, (0, 0))
    got = fetch_all(MaildirMailbox(maildir))
    assert got[0].received_at == datetime.fromtimestamp(1795000000, tz=UTC)
