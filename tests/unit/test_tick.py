"""The one pass, on the embedded default (Maildir in, .eml files out): what a user sees."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailflow.adapters.ports import Batch, Mailbox
from mailflow.adapters.store import Snapshot, Store
from mailflow.config.loader import load_settings
from mailflow.core.languages.reasons import reason_text
from mailflow.core.model import (
    AttentionItem,
    NetworkDay,
    Outcome,
    OutgoingMail,
    ProcessedMessage,
)
from mailflow.core.values import Intent, NetworkState, ParsedMessage
from mailflow.intake.backlog_worker import BacklogWorker, Ticket
from mailflow.intake.pipelined import PipelinedIntake
from mailflow.intake.port import BatchSizes, Intake
from mailflow.intake.preparer import Preparer
from mailflow.intake.sequential import SequentialIntake
from mailflow.run.bootstrap import build_services, reader_of
from mailflow.run.tick import OutboxKeys, Services, TickReport, erase_person, run_tick
from tests.mailgen import deliver, signup

HKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 2, 10, 0, tzinfo=HKI)

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
[mailbox]
path = "{root}/mail"
handle_since = "2026-01-01T00:00:00+02:00"
max_message_bytes = 200000
[outbox]
path = "{root}/outbox"
max_auto_replies_per_day = 3
[store]
path = "{root}/mailflow.json"
retention_days = 30
"""


@pytest.fixture(params=["pipelined", "sequential"])
def services(tmp_path: Path, request: pytest.FixtureRequest) -> Services:
    """The services of the embedded default, with each intake in turn: the same cases
    have the same outcome through both."""
    config = tmp_path / "mailflow.toml"
    config.write_text(CONFIG.format(root=tmp_path))
    return build_services(load_settings(config), pipelined=request.param == "pipelined")


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.exists() else []


def test_a_sign_up_is_confirmed_once_and_moved(services: Services, tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(1)])
    report = run_tick(services, NOW)
    assert [h.understood.split(":")[0] for h in report.handled] == ["signup"]
    assert [m.key.split(":")[0] for m in report.sent] == ["confirm"]
    assert len(files(tmp_path / "outbox")) == 1
    assert not files(tmp_path / "mail" / "new")
    assert len(files(tmp_path / "mail" / ".processed" / "cur")) == 1

    again = run_tick(services, NOW)  # the same moment again: nothing new
    assert (again.handled, again.queued, again.sent) == ([], [], [])
    assert len(files(tmp_path / "outbox")) == 1


def test_the_same_message_delivered_twice_is_handled_once(services: Services,
                                                          tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(1), signup(1)])
    report = run_tick(services, NOW)
    assert len(report.handled) == 1
    assert report.replayed_moves == 1
    assert len(files(tmp_path / "outbox")) == 1
    assert len(files(tmp_path / "mail" / ".processed" / "cur")) == 2  # both out of the inbox


def test_a_dry_run_changes_nothing(services: Services, tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(1)])
    report = run_tick(services, NOW, dry_run=True)
    assert len(report.handled) == 1
    assert len(report.queued) == 1
    assert not report.sent
    assert not files(tmp_path / "outbox")
    assert len(files(tmp_path / "mail" / "new")) == 1
    assert not (tmp_path / "mailflow.json").exists()


def test_an_oversized_message_goes_to_attention_unparsed(services: Services,
                                                         tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(1, padding=300_000)])
    report = run_tick(services, NOW)
    assert report.handled[0].folder == "attention"
    assert "over the size cap" in report.handled[0].understood
    assert not files(tmp_path / "outbox")  # no answer to what was not read
    items = Snapshot(tmp_path / "mailflow.json").all(AttentionItem)
    assert reason_text(items[0].reasons, "en").startswith("message of ")
    assert len(files(tmp_path / "mail" / ".attention" / "cur")) == 1


def test_answers_to_one_address_stop_at_the_daily_cap(services: Services,
                                                      tmp_path: Path) -> None:
    raws = [signup(1).replace(b"<signup-1@", f"<signup-1-{n}@".encode()) for n in range(8)]
    raws = [r.replace(b"Ilmoittautuminen verkostoon", f"Kysymys {n}?".encode())
            .replace(b"ilmoittaudun mukaan verkostoon", b"voisitteko kertoa lisaa")
            for n, r in enumerate(raws)]
    deliver(str(tmp_path / "mail"), raws)
    report = run_tick(services, NOW)
    assert len(report.handled) == 8
    answers = [m for m in report.sent if m.to.startswith("henkilo1@")]
    assert len(answers) == 3
    assert report.capped == 5
    # the next day the cap starts again
    deliver(str(tmp_path / "mail"), [raws[0].replace(b"<signup-1-0@", b"<later@")
                                     .replace(b"Kysymys 0?", b"Uusi kysymys?")])
    later = run_tick(services, NOW + timedelta(days=1, hours=1))
    assert any(m.to.startswith("henkilo1@") for m in later.sent)


def test_old_records_are_pruned_after_the_retention(services: Services, tmp_path: Path) -> None:
    deliver(str(tmp_path / "mail"), [signup(n) for n in range(5)])
    run_tick(services, NOW)
    with Store(tmp_path / "mailflow.json") as store:
        assert store.count(ProcessedMessage) == 5
        sent_keys = store.keys(OutgoingMail)
    deliver(str(tmp_path / "mail"), [signup(9)])
    run_tick(services, NOW + timedelta(days=31))
    with Store(tmp_path / "mailflow.json") as store:
        assert store.keys(ProcessedMessage) == {"signup-9@taitotalo.test"}
        kept = store.keys(OutgoingMail)
    assert not {k for k in sent_keys if k.startswith("confirm:")} & kept
    assert any(k.startswith("confirm:signup-9@") for k in kept)


def test_a_forgotten_persons_sent_mail_keeps_no_address_yet_is_never_sent_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mailflow.json"
    key = "confirm:<signup-0@omnia.test>:maija@omnia.test"
    with Store(path) as store:
        store.put(OutgoingMail(key=key, to="maija@omnia.test", subject="Kiitos",
                               message_id="<x@example.org>", created_at=NOW, status="sent"))
        store.commit()
        erase_person(store, "Maija@Omnia.test")
        store.commit()
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("mailflow.json*"))
    assert b"maija" not in on_disk
    with Store(path) as store:
        secret = store.meta("secret")
        known = OutboxKeys(store.keys(OutgoingMail), secret)
        assert key in known
        assert "confirm:<signup-1@omnia.test>:liisa@omnia.test" not in known
        assert key not in OutboxKeys(store.keys(OutgoingMail), "another secret")


class _PatientWorker(BacklogWorker):
    """Waits for its process before taking a batch, so which batches the worker prepares
    does not depend on how fast the process starts."""

    def submit(self, batch: Batch) -> Ticket | None:
        if self.started:
            assert self.wait_ready(60)
        return super().submit(batch)


class _CountingPreparer(Preparer):
    """Counts the messages the pass understands itself."""

    understood = 0

    def understand(self, parsed: ParsedMessage, state: NetworkState) -> Intent:
        self.understood += 1
        return super().understand(parsed, state)


def _yes(n: int) -> bytes:
    """A yes from the n-th sign-up's sender: an RSVP once registered, else a sign-up."""
    raw = signup(n)
    head = raw[:raw.index(b"\n\n")].decode()
    sender = next(line for line in head.splitlines() if line.startswith("From:"))
    return (f"{sender}\r\nTo: verkosto@example.org\r\nSubject: Vs: Verkostopäivä\r\n"
            f"Message-ID: <yes-{n}@mail.test>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0200\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nKyllä, tulen.\r\n").encode()


def _pass_over(root: Path, raws: list[bytes], batch_size: int, *,
               worker: bool) -> tuple[dict[str, tuple[str, Outcome, str]], int]:
    """A pass over ``raws`` through the sequential intake, or the pipelined one with a
    worker process: each message's (intent, outcome, folder), and how many messages the
    pass understood itself (the worker process understood the rest)."""
    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(root=root).replace(
        "max_message_bytes", f"batch_size = {batch_size}\nmax_message_bytes"))
    deliver(str(root / "mail"), raws)
    with Store(root / "mailflow.json") as store:  # the one coming day: a yes is for it
        store.put(NetworkDay("2026-12-09", date(2026, 12, 9), time(10), time(16), "Kuntatalo"))
        store.commit()
    services = build_services(load_settings(config))
    settings = services.settings
    sizes = BatchSizes.of(batch_size, settings.mailbox.max_message_bytes)
    preparer = _CountingPreparer(reader_of(settings))

    def open_intake(open_mailbox: Callable[[], Mailbox]) -> Intake:
        if not worker:
            return SequentialIntake(open_mailbox, preparer, sizes)
        return PipelinedIntake(open_mailbox, preparer, sizes,
                               worker=_PatientWorker(preparer.reader, backlog=sizes.first))

    run_tick(replace(services, open_intake=open_intake), NOW)
    with Store(root / "mailflow.json") as store:
        outcomes = {m.key: (m.intent, m.outcome, m.folder) for m in store.all(ProcessedMessage)}
    return outcomes, preparer.understood


def test_a_backlog_prepared_by_a_worker_process_has_the_same_outcome(tmp_path: Path) -> None:
    raws = [signup(n, padding=1000) for n in range(100)]
    raws[7] = b"From: robot@example.org\r\nAuto-Submitted: auto-replied\r\n\r\nPoissa."
    raws[90] = signup(3)  # a duplicate: handled once
    # a yes from people who signed up in the batch before: the worker prepared it against
    # a view where they were strangers (a sign-up), so the pass must understand it again
    raws[30:40] = [_yes(n) for n in range(20, 30)]
    raws[60:65] = [_yes(n) for n in range(50, 55)]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one_batch, alone = _pass_over(tmp_path / "a", raws, 500, worker=False)
    batches, in_pass = _pass_over(tmp_path / "b", raws, 10, worker=True)
    assert batches == one_batch
    assert len(batches) == 99
    assert batches["signup-3@varia.test"][0] == "signup"
    assert [batches[f"yes-{n}@mail.test"][0] for n in (20, 29, 50, 54)] == ["rsvp_yes"] * 4
    assert alone == 98  # without a worker the pass understands each (the robot aside)
    assert 9 <= in_pass < 98  # the first batch in the pass; the worker's work held for most


def test_a_report_can_keep_few_details_yet_count_and_tell_everything(
    services: Services, tmp_path: Path,
) -> None:
    deliver(str(tmp_path / "mail"), [signup(n) for n in range(5)])
    heard: list[tuple[str, str]] = []
    report = TickReport(keep=2, listener=lambda kind, item: heard.append((kind, item.key)))
    assert run_tick(services, NOW, report=report) is report
    assert report.counts == {"handled": 5, "queued": 5, "sent": 5, "failed": 0}
    assert len(report.handled) == len(report.queued) == len(report.sent) == 2
    assert [kind for kind, _ in heard].count("handled") == 5
    assert {key for kind, key in heard if kind == "sent"} == {
        key for kind, key in heard if kind == "queued"}
    assert report.summary().startswith("5 message(s) handled, 5 mail(s) queued, 5 sent")


IDLE_TICK = """
import sys
from mailflow.cli.main import main
code = main(["--config", sys.argv[1], "tick", "--now", "2026-11-02T10:00:00+02:00"])
stages = ("mailflow.core.reading", "mailflow.core.understanding", "mailflow.core.rules",
          "mailflow.core.writing.render", "jinja2", "icalendar",
          # nor the facilitator's commands, the digest (not due), the language packs, TinyDB
          # itself, or the backlog machinery for a Maildir holding less than a backlog
          "mailflow.cli.attention", "mailflow.cli.days", "mailflow.cli.demo",
          "mailflow.cli.people", "mailflow.cli.inspect", "mailflow.core.schedule.digest",
          "mailflow.core.languages.fi", "mailflow.core.languages.en", "tinydb",
          "mailflow.intake.pipelined", "mailflow.intake.backlog_worker", "multiprocessing",
          "mailflow.intake.prepare", "mailflow.core.organisations")
print(sorted(name for name in sys.modules
            if any(name == s or name.startswith(s + ".") for s in stages)))
"""


def test_a_tick_with_nothing_new_loads_only_what_an_idle_pass_needs(
    tmp_path: Path,
) -> None:
    """From cron most ticks find nothing: they never import the stages that compile
    hundreds of patterns (timed in bench/idle_tick.py)."""
    config = tmp_path / "mailflow.toml"
    config.write_text(CONFIG.format(root=tmp_path))
    (tmp_path / "mail" / "new").mkdir(parents=True)
    done = subprocess.run([sys.executable, "-c", IDLE_TICK, str(config)], capture_output=True,
                          text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    assert done.stdout.splitlines()[-1] == "[]"
    assert done.stdout.splitlines()[0].startswith("0 message(s) handled")
