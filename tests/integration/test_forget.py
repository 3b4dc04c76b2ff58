"""`mailflow forget ADDRESS`: erased from the store and from the kept mail in the mailbox.

Maildir through the CLI on the default layout; IMAP through ``ImapMailbox.erase_from``
against a real Dovecot on loopback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from pathlib import Path

import pytest

from mailflow.adapters.imap import ImapMailbox
from mailflow.adapters.maildir import MaildirMailbox
from mailflow.adapters.store import Snapshot, Store
from mailflow.cli.main import main
from mailflow.config.loader import load_settings
from mailflow.core.model import AttentionItem, InterestSubscription, Person, ProcessedMessage
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.dovecot import Dovecot
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup

NOW = datetime(2026, 11, 2, 10, tzinfo=UTC)
FORGOTTEN = "henkilo0@omnia.test"
OTHER = "henkilo1@stadi.test"



def question(n: int, sender: str, subject: str = "Kysymys pysäköinnistä") -> bytes:
    return (
        f"From: Kysyjä <{sender}>\r\nTo: verkosto@example.org\r\nSubject: {subject}\r\n"
        f"Message-ID: <question-{n}@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0200\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hei, onko Kuntatalolla pysäköintipaikkoja vieraille?\r\n"
    ).encode()


def senders(folder: Path) -> list[str]:
    """The From header of every message file in a Maildir folder (new/ and cur/)."""
    found = []
    for sub in ("new", "cur"):
        for path in sorted((folder / sub).glob("*")) if (folder / sub).is_dir() else []:
            found.append(str(BytesHeaderParser().parsebytes(path.read_bytes())["From"]))
    return found


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_maildir_config(tmp_path)


def export(config: Path, address: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["--config", str(config), "export", address]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_forget_erases_the_person_from_the_store_and_the_kept_mail(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings(config)
    mail = tmp_path / "mail"
    deliver(str(mail), [signup(0), signup(1), question(1, FORGOTTEN)])
    report = run_tick(build_services(settings), NOW)
    assert len(report.handled) == 3
    # Mail from the person that arrives after the pass is unhandled: forget leaves it.
    deliver(str(mail), [question(2, FORGOTTEN, "Toinen kysymys")])

    before = export(config, FORGOTTEN, capsys)
    assert before["person"] is not None
    assert before["attention"], "the question waits for the facilitator"
    assert before["mail_sent_to"], "the sign-up was confirmed"
    assert any(FORGOTTEN in s for s in senders(mail / ".processed"))
    assert any(FORGOTTEN in s for s in senders(mail / ".attention"))

    assert main(["--config", str(config), "forget", FORGOTTEN.upper()]) == 0
    out = capsys.readouterr().out
    assert f"forgot {FORGOTTEN}" in out
    assert "2 kept message(s) deleted from the mailbox" in out

    files = [*tmp_path.glob("mailflow.json*"), *tmp_path.glob("mailflow.json*/*")]
    on_disk = b"".join(p.read_bytes() for p in files
                       if p.is_file())  # the store, its journal, the spool's bodies
    assert FORGOTTEN.encode() not in on_disk, "no copy in the store file or its journal"
    after = export(config, FORGOTTEN, capsys)
    assert after["person"] is None
    assert after["attention"] == []
    assert after["rsvps"] == []
    assert after["interest_list"] is None
    assert after["mail_sent_to"] == []
    with Store(settings.resolve(settings.store.path)) as store:
        assert store.get(Person, FORGOTTEN) is None
        assert store.get(InterestSubscription, FORGOTTEN) is None
        assert not [m for m in store.all(ProcessedMessage) if m.sender == FORGOTTEN]
        assert not [a for a in store.all(AttentionItem) if a.sender == FORGOTTEN]
        assert store.get(Person, OTHER) is not None, "nobody else is forgotten"
    kept = senders(mail / ".processed") + senders(mail / ".attention")
    assert not any(FORGOTTEN in s for s in kept)
    assert any(OTHER in s for s in kept)
    assert [s for s in senders(mail) if FORGOTTEN in s], "the inbox is left alone"


def test_forget_of_an_unknown_address_changes_nothing(
    config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deliver(str(tmp_path / "mail"), [signup(0)])
    run_tick(build_services(load_settings(config)), NOW)
    people_before = Snapshot(tmp_path / "mailflow.json").all(Person)
    assert main(["--config", str(config), "forget", "nobody@example.org"]) == 0
    assert "nothing in the store; 0 kept message(s)" in capsys.readouterr().out
    assert senders(tmp_path / "mail" / ".processed") != []
    assert Snapshot(tmp_path / "mailflow.json").all(Person) == people_before


# -- IMAP -------------------------------------------------------------------------------
@pytest.fixture
def imap_box(dovecot: Dovecot) -> Iterator[ImapMailbox]:
    box = ImapMailbox(dovecot.client, processed_folder="processed",
                      attention_folder="attention")
    yield box
    box.close()


def _folder_senders(server: Dovecot, folder: str) -> list[str]:
    with server.client() as client:
        if not client.folder_exists(folder):
            return []
        client.select_folder(folder, readonly=True)
        uids = client.search()
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (FROM)]"]) if uids else {}
        return sorted(item[b"BODY[HEADER.FIELDS (FROM)]"].decode().strip()
                      for item in fetched.values())


@pytest.mark.dovecot
def test_imap_erase_from_deletes_only_that_senders_kept_mail(
    dovecot: Dovecot, imap_box: ImapMailbox
) -> None:
    # "henkilo0@omnia.test" is a substring of the lookalike's address: SEARCH FROM alone
    # would match it, the exact check must not.
    lookalike = "xhenkilo0@omnia.test"
    raws = [question(1, FORGOTTEN), question(2, lookalike), question(3, OTHER),
            question(4, FORGOTTEN), question(5, FORGOTTEN)]
    for n, raw in enumerate(raws):
        dovecot.deliver(raw, received_at=NOW + timedelta(minutes=n))
    batches = list(imap_box.fetch_new({}, NOW - timedelta(days=1), 100, 1 << 20))
    refs = [m.ref for b in batches for m in b.messages]
    imap_box.move(refs[:2], "processed")
    imap_box.move(refs[2:4], "attention")  # refs[4] stays in the INBOX: unhandled

    assert imap_box.erase_from(FORGOTTEN.upper()) == 2

    assert _folder_senders(dovecot, "processed") == [f"From: Kysyjä <{lookalike}>"]
    assert _folder_senders(dovecot, "attention") == [f"From: Kysyjä <{OTHER}>"]
    assert _folder_senders(dovecot, "INBOX") == [f"From: Kysyjä <{FORGOTTEN}>"]
    # The mailbox still reads and moves its INBOX after selecting the kept folders.
    imap_box.move([refs[4]], "processed")
    assert len(_folder_senders(dovecot, "INBOX")) == 0
    assert imap_box.erase_from(FORGOTTEN) == 1


@pytest.mark.dovecot
def test_imap_erase_from_without_kept_folders_is_zero(imap_box: ImapMailbox) -> None:
    assert imap_box.erase_from(FORGOTTEN) == 0


def test_maildir_erase_from_matches_the_whole_address_only(tmp_path: Path) -> None:
    box = MaildirMailbox(tmp_path / "mail")
    deliver(str(tmp_path / "mail"), [question(1, FORGOTTEN), question(2, "x" + FORGOTTEN),
                                     b"Subject: no From at all\r\n\r\nhei\r\n",
                                     b"From: <<<@@\x00\r\n\r\nhei\r\n"])
    batches = list(box.fetch_new({}, datetime(2000, 1, 1, tzinfo=UTC), 100, 1 << 20))
    box.move([m.ref for b in batches for m in b.messages], "processed")
    assert box.erase_from(FORGOTTEN) == 1
    left = senders(tmp_path / "mail" / ".processed")
    assert len(left) == 3
    assert not any(f"<{FORGOTTEN}>" in s for s in left)
