"""Exactly once, end to end: ``run_tick`` on a real Dovecot INBOX.

Each test runs passes with Services built by hand (a store in tmp, an ``ImapMailbox`` on
the loopback Dovecot, a file outbox, the real renderer) and then counts what a user would:
handled-message records in the store, answers in the outbox per person, and messages in
the INBOX and the processed and attention folders.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.parser import BytesHeaderParser
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.adapters.imap import ImapMailbox
from mailflow.adapters.store import Store
from mailflow.config.loader import MailboxSettings, NetworkSettings, OutboxSettings, Settings
from mailflow.config.resources import templates_dir
from mailflow.core.errors import TemporaryServerError
from mailflow.core.model import ProcessedMessage
from mailflow.core.writing.render import Renderer
from mailflow.run.bootstrap import open_intake
from mailflow.run.tick import PENDING_MOVES_META, Services, TickReport, run_tick
from tests.dovecot import Dovecot
from tests.mailgen import signup

pytestmark = pytest.mark.dovecot

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
NOW = datetime(2026, 11, 2, 10, tzinfo=UTC)
FACILITATOR = "vetaja@example.org"


def person(n: int) -> str:
    """The address of the n-th generated sign-up (tests/mailgen.py)."""
    return str(BytesHeaderParser().parsebytes(signup(n))["From"]).split("<")[1].rstrip(">")


def asker(n: int) -> str:
    return f"kysyja{n}@keuda.test"


def question(n: int) -> bytes:
    return (
        f"From: Kysyjä <{asker(n)}>\r\nTo: verkosto@example.org\r\n"
        f"Subject: Kysymys {n}\r\nMessage-ID: <question-{n}@keuda.test>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hei, onko Kuntatalolla pysäköintipaikkoja vieraille?\r\n"
    ).encode()


class World:
    """A Dovecot INBOX, a store and an outbox; passes of the tick over them."""

    def __init__(self, server: Dovecot, root: Path, folder: str = "INBOX") -> None:
        self.server = server
        self.root = root
        self.folder = folder
        self.store_path = root / "mailflow.json"
        self.outbox = root / "outbox"
        self.delivered = 0
        self.mailboxes: list[ImapMailbox] = []

    def deliver(self, raws: list[bytes]) -> None:
        for raw in raws:
            self.server.deliver(raw, received_at=SINCE + timedelta(minutes=self.delivered))
            self.delivered += 1

    def services(self, batch_size: int,
                 mailbox_class: type[ImapMailbox] = ImapMailbox) -> Services:
        settings = Settings(
            network=NetworkSettings(address="verkosto@example.org", facilitator=FACILITATOR,
                                    max_per_org=100),
            mailbox=MailboxSettings(kind="imap", batch_size=batch_size,
                                    handle_since=SINCE.isoformat()),
            outbox=OutboxSettings(path=str(self.outbox)),
        )

        def open_mailbox() -> ImapMailbox:
            box = mailbox_class(self.server.client, self.folder,
                                processed_folder="processed", attention_folder="attention")
            self.mailboxes.append(box)
            return box

        return Services(
            settings=settings,
            open_store=lambda: Store(self.store_path),
            open_mailbox=open_mailbox,
            open_sender=lambda: FileOutbox(self.outbox),
            renderer=Renderer(templates_dir(), settings.network, settings.tz),
            open_intake=partial(open_intake, settings),
        )

    def tick(self, batch_size: int = 2, progress: Callable[[int], None] | None = None,
             mailbox_class: type[ImapMailbox] = ImapMailbox,
             now: datetime = NOW) -> TickReport:
        return run_tick(self.services(batch_size, mailbox_class), now, progress=progress)

    # -- what a user counts -------------------------------------------------------------
    def processed_records(self) -> Counter[str]:
        with Store(self.store_path) as store:
            return Counter(m.sender for m in store.all(ProcessedMessage))

    def answers(self) -> Counter[str]:
        """Mails in the outbox per recipient (the facilitator's digest left out)."""
        found: Counter[str] = Counter()
        for path in self.outbox.glob("*.eml"):
            to = str(BytesHeaderParser().parsebytes(path.read_bytes())["To"])
            address = to.split("<")[-1].rstrip(">").strip()
            if address != FACILITATOR:
                found[address] += 1
        return found

    def count(self, folder: str) -> int:
        with self.server.client() as client:
            if not client.folder_exists(folder):
                return 0
            return int(client.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"])

    def meta(self, name: str) -> Any:
        with Store(self.store_path) as store:
            return store.meta(name)

    def close(self) -> None:
        for box in self.mailboxes:
            box.close()


@pytest.fixture
def world(dovecot: Dovecot, tmp_path: Path) -> Iterator[World]:
    made = World(dovecot, tmp_path)
    yield made
    made.close()


def assert_each_once(world: World, signups: list[int], questions: int = 0) -> None:
    """Every message handled once; every sign-up confirmed once and every question
    acknowledged once; the INBOX empty."""
    records = world.processed_records()
    assert sum(records.values()) == len(signups) + questions
    assert all(n == 1 for n in records.values()), records
    expected = Counter({person(n): 1 for n in signups})
    expected.update(asker(n) for n in range(1, questions + 1))
    assert world.answers() == expected
    assert world.count("INBOX") == 0
    assert world.count("processed") == len(signups)
    assert world.count("attention") == questions


def test_one_pass_handles_everything_once(world: World) -> None:
    world.deliver([signup(n) for n in range(5)] + [question(1)])
    report = world.tick(batch_size=2)
    assert len(report.handled) == 6
    assert_each_once(world, list(range(5)), questions=1)
    again = world.tick()
    assert again.handled == []
    assert again.queued == []
    assert_each_once(world, list(range(5)), questions=1)


def test_mail_arriving_during_a_pass_is_handled_by_the_next(world: World) -> None:
    world.deliver([signup(n) for n in range(4)])

    def arrive(count: int) -> None:
        if world.delivered == 4:  # after the first batch
            world.deliver([signup(4), signup(5)])

    first = world.tick(batch_size=2, progress=arrive)
    assert {h.sender for h in first.handled} == {person(n) for n in range(4)}
    assert world.count("INBOX") == 2
    second = world.tick(batch_size=2)
    assert {h.sender for h in second.handled} == {person(4), person(5)}
    assert_each_once(world, list(range(6)))


@pytest.mark.parametrize("cut_after", [1, 2], ids=["first-batch", "second-batch"])
def test_a_connection_cut_mid_pass_loses_and_repeats_nothing(
    world: World, cut_after: int
) -> None:
    """Dovecot is killed after the tick handled a batch, before it commits and moves it.

    The pass reads ahead and moves in the background over a second connection, so how
    far it gets depends on timing: it commits the batch in hand, and maybe later ones
    read before the cut, until a move fails. Whatever it got to, nothing is lost and
    nothing is handled twice."""
    world.deliver([signup(n) for n in range(5)] + [question(1), question(2)])
    batches = 0

    def crash(count: int) -> None:
        nonlocal batches
        batches += 1
        if batches == cut_after:
            world.server.kill()

    with pytest.raises(TemporaryServerError):
        world.tick(batch_size=2, progress=crash)
    world.server.start()
    recorded = sum(world.processed_records().values())  # committed batches
    assert recorded >= 2  # the batch in hand at the cut at least
    pending = world.meta(PENDING_MOVES_META)
    assert pending, "the committed batches' moves wait for the next pass"

    report = world.tick(batch_size=2)
    assert report.replayed_moves == sum(len(refs) for refs in pending.values())
    assert len(report.handled) == 7 - recorded
    assert_each_once(world, list(range(5)), questions=2)
    assert world.meta(PENDING_MOVES_META) == {}


class _KilledWhileFetching(ImapMailbox):
    """Fetches two messages per FETCH; Dovecot dies as the third FETCH of bodies starts.

    The first batch (two messages) is yielded once the second FETCH brought the third
    message; reading the second batch needs the third FETCH, which meets a dead server.
    The pass reads that batch ahead, so it fails while the first is being handled."""

    server: Dovecot | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, fetch_chunk=2, **kwargs)
        self.reads = 0

    def _read_bodies(self, *args: Any, **kwargs: Any) -> Any:
        self.reads += 1
        if self.reads == 3 and _KilledWhileFetching.server is not None:
            _KilledWhileFetching.server.kill()
            _KilledWhileFetching.server = None
        return super()._read_bodies(*args, **kwargs)


def test_a_connection_cut_while_fetching_loses_and_repeats_nothing(world: World) -> None:
    world.deliver([signup(0), signup(1), signup(2), signup(3), question(1)])
    _KilledWhileFetching.server = world.server
    with pytest.raises(TemporaryServerError):
        world.tick(batch_size=2, mailbox_class=_KilledWhileFetching)
    world.server.start()
    assert sum(world.processed_records().values()) == 2  # the first batch, committed
    assert world.count("INBOX") in (3, 5)  # its move, on its own connection, raced the cut
    assert len(world.meta(PENDING_MOVES_META)["processed"]) == 2

    report = world.tick(batch_size=2)
    assert report.replayed_moves == 2
    assert {h.sender for h in report.handled} == {person(2), person(3), asker(1)}
    assert_each_once(world, [0, 1, 2, 3], questions=1)
    assert world.meta(PENDING_MOVES_META) == {}


def test_dovecot_restarted_between_passes_is_reconnected_to(world: World) -> None:
    world.deliver([signup(0), signup(1)])
    assert len(world.tick().handled) == 2
    world.server.restart()
    world.deliver([signup(2), question(1)])
    assert len(world.tick().handled) == 2
    world.server.kill()
    world.server.start()
    assert world.tick().handled == []
    assert_each_once(world, [0, 1, 2], questions=1)


class _CrashOnceBeforeMove(ImapMailbox):
    """A mailbox whose first move dies, as a process killed after the commit would."""

    crashes = 0

    def move(self, refs: list[str], folder: str) -> None:
        if _CrashOnceBeforeMove.crashes == 0:
            _CrashOnceBeforeMove.crashes += 1
            raise RuntimeError("simulated crash between commit and move")
        super().move(refs, folder)


def test_a_crash_between_commit_and_move_replays_only_the_move(world: World) -> None:
    world.deliver([signup(0), signup(1), signup(2), question(1)])
    _CrashOnceBeforeMove.crashes = 0
    with pytest.raises(RuntimeError, match="simulated crash"):
        world.tick(batch_size=10, mailbox_class=_CrashOnceBeforeMove)
    assert sum(world.processed_records().values()) == 4  # committed
    assert world.count("INBOX") == 4  # but not moved
    pending = world.meta(PENDING_MOVES_META)
    assert sorted(pending) == ["attention", "processed"]
    assert len(pending["processed"]) == 3
    assert len(pending["attention"]) == 1

    report = world.tick()
    assert report.replayed_moves == 4
    assert report.handled == []
    assert_each_once(world, [0, 1, 2], questions=1)


def test_a_recreated_mailbox_with_a_new_uidvalidity_replays_nothing(
    dovecot: Dovecot, tmp_path: Path
) -> None:
    """The watched folder is deleted and made again (a restore): its UIDs start over."""
    world = World(dovecot, tmp_path, folder="verkosto")
    raws = [signup(n) for n in range(3)] + [question(1)]
    with dovecot.client() as client:
        client.create_folder("verkosto")
        for n, raw in enumerate(raws):
            client.append("verkosto", raw, msg_time=SINCE + timedelta(minutes=n))
        before = client.folder_status("verkosto", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    try:
        assert len(world.tick(batch_size=2).handled) == 4
        with dovecot.client() as client:
            client.delete_folder("verkosto")
            client.create_folder("verkosto")
            for n, raw in enumerate(raws):
                client.append("verkosto", raw, msg_time=SINCE + timedelta(minutes=n))
            after = client.folder_status("verkosto", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
        assert after != before

        report = world.tick(batch_size=2)
        assert report.handled == []
        assert report.queued == []
        assert report.replayed_moves == 4
        assert world.count("verkosto") == 0
        expected = Counter({person(0): 1, person(1): 1, person(2): 1, asker(1): 1})
        assert world.processed_records() == expected
        assert world.answers() == expected
    finally:
        world.close()
