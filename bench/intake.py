"""Intake figures: mailflow's whole pass on a big IMAP INBOX, against fetching and parsing alone.

For each mailbox size (default 1,000 and 10,000 messages of 2-20 KB), fills a loopback
Dovecot (tests/dovecot.py) with a realistic mix: sign-ups, RSVPs, LÄHETÄ / EI KIITOS,
out-of-office replies, bounces, questions, Outlook HTML-only mail and replies carrying a
long quoted history. The Maildir is copied once indexed, and put back before every run,
so each run starts from the same INBOX. Then, each in a fresh child process (so its peak
RSS is its own):

  raw     - plain IMAPClient: SEARCH, FETCH BODY.PEEK[] in chunks of --batch-size
  naive   - the same fetch + email.message_from_bytes(raw, policy=policy.default)
  intake  - run_tick on that INBOX, timed inside its intake step: fetch, parse, classify,
            understand, decide, record, commit and move; the answers are decided and
            recorded but not rendered or sent (a stand-in renderer and sender). Outside
            that step, and not in the figure: opening the store, the schedule (digest,
            reminders) and the compaction at the end
  pass    - run_tick again on the same INBOX, whole: the answers rendered and written as
            .eml files to a file outbox (fsynced). "render s" is the time inside
            Renderer.render, "send s" the time writing the files. In a backlog mailflow
            parses and understands in a worker process: "worker own" is the memory that
            process does not share with the pass (its private pages as it ends).

With --repeat N (default 3) raw, naive and intake run N times each, in turn (raw, naive,
intake, raw, ...), and the table gives each one's median msg/s, with "intake / naive"
the median of the N ratios of runs side by side: a machine whose speed drifts from
minute to minute (a shared VM) moves a single run by a third, and both sides alike.

Peak memory is the child's max RSS (MiB) and, with --tracemalloc, the peak of Python
allocations in a second run (slower). The store grows with what a pass records (every
message, mail and person), and any later pass holds it too: "store RSS" is a fresh
process that only opens the store the run left and loads the state, and "pass - store"
what the pass needed beyond that. Figures, not pass/fail.
Usage: python bench/intake.py [--sizes 1000,10000] [--profile 1000]
"""

from __future__ import annotations

import argparse
import cProfile
import email
import hashlib
import multiprocessing
import os
import pstats
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _timing import timed

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.adapters.imap import ImapMailbox
from mailflow.adapters.ports import SendResult
from mailflow.adapters.store import Store
from mailflow.config.loader import MailboxSettings, NetworkSettings, OutboxSettings, Settings
from mailflow.config.resources import templates_dir
from mailflow.core.model import NetworkDay
from mailflow.core.writing.render import RenderedMail, Renderer
from mailflow.intake.backlog_worker import BacklogWorker
from mailflow.intake.pipelined import PipelinedIntake
from mailflow.intake.port import BatchSizes, Intake
from mailflow.intake.preparer import Preparer
from mailflow.run.bootstrap import reader_of
from mailflow.run.one_pass import Pass
from mailflow.run.tick import Services, TickReport, load_state, run_tick
from tests.dovecot import Dovecot
from tests.mailgen import FIRST, LAST, ORGS, signup

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 10, tzinfo=UTC)
DAY = NetworkDay(id="2026-12-09", date=datetime(2026, 12, 9).date(),
                 start=datetime(2026, 1, 1, 10).time(), end=datetime(2026, 1, 1, 16).time(),
                 place="Kuntatalo, Helsinki", title="Verkostopäivä")
HISTORY = (
    "> Lähettäjä: Kehittämisverkosto <verkosto@example.org>\n"
    "> Lähetetty: 2. marraskuuta 2026 8.00\n"
    "> Vastaanottaja: {address}\n"
    "> Aihe: Verkostopäivä 9.12.2026 – ilmoittautuminen\n>\n"
    "> Tervetuloa verkostopäivään Kuntatalolle keskiviikkona 9.12.2026 klo 10–16.\n"
    "> Vastaathan tähän viestiin, osallistutko (kyllä / en pääse). Kerro myös\n"
    "> mahdollinen erityisruokavaliosi.\n>\n"
)


# -- the mix ------------------------------------------------------------------------------
def _person(n: int) -> tuple[str, str, str]:
    name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"
    org, domain = ORGS[n % len(ORGS)]
    return name, org, f"henkilo{n}@{domain}"


def _mail(n: int, sender: str, subject: str, text: str, *, html: bool = False,
          headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Kehittämisverkosto <verkosto@example.org>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(SINCE + timedelta(minutes=n))
    msg["Message-ID"] = f"<bench-{n}@mail.test>"
    for name, value in (headers or {}).items():
        msg[name] = value
    if html:
        paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line)
        msg.set_content(f"<html><head><style>p{{margin:0}}</style></head><body>"
                        f"<div class=WordSection1>{paragraphs}</div></body></html>",
                        subtype="html")
    else:
        msg.set_content(text)
    return bytes(msg)


def _history(address: str, target: int) -> str:
    block = HISTORY.format(address=address)
    return "\n" + block * max(1, target // len(block.encode()))


def _bounce(n: int, rng: random.Random) -> bytes:
    """A Postfix delivery status notification for someone written to earlier."""
    _, _, address = _person(rng.randrange(n + 1))
    boundary = f"bounce-{n}"
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n"
        "To: verkosto@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        f"Date: {format_datetime(SINCE + timedelta(minutes=n))}\r\n"
        f"Message-ID: <bench-{n}@mx.example.org>\r\nAuto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status;"
        f' boundary="{boundary}"\r\n\r\n--{boundary}\r\n'
        "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        "This is the mail system at host mx.example.org.\r\n\r\n"
        f"<{address}>: host mx.omnia.test said: 550 5.1.1 User unknown\r\n\r\n"
        f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.org\r\n\r\n"
        f"Final-Recipient: rfc822; {address}\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
        f"--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"From: Kehittämisverkosto <verkosto@example.org>\r\nTo: {address}\r\n"
        "Subject: Verkostopäivä 9.12.2026\r\n\r\n"
        f"--{boundary}--\r\n"
    ).encode()


def message(n: int, rng: random.Random) -> bytes:
    """The n-th message of the mix; 2-20 KB."""
    name, org, address = _person(n)
    sender = f"{name} <{address}>"
    target = rng.randint(1_500, 19_000)
    kind = n % 20
    if kind < 5:
        return signup(n, padding=target)
    if kind < 8:
        answer = ["Kyllä, osallistun verkostopäivään 9.12.", "Valitettavasti en pääse 9.12.",
                  "Tulen paikan päälle. Erityisruokavalio: laktoositon."][kind - 5]
        return _mail(n, sender, "VS: Verkostopäivä 9.12.2026 – ilmoittautuminen",
                     f"{answer}\n\nTerveisin\n{name}\n{org}\n" + _history(address, target))
    if kind < 10:
        word = "LÄHETÄ" if kind == 8 else "EI KIITOS"
        return _mail(n, sender, word, f"{word}\n" + _history(address, target // 4))
    if kind < 12:
        return _mail(n, sender, "Automaattinen vastaus: Verkostopäivä 9.12.2026",
                     "Olen poissa toimistosta 30.11. asti. Vastaan viesteihin palattuani.\n"
                     + _history(address, target // 2),
                     headers={"Auto-Submitted": "auto-replied",
                              "X-MS-Exchange-Generated-Message-Source": "Mailbox Rules Agent"})
    if kind == 12:
        return _bounce(n, rng)
    if kind < 15:
        return _mail(n, sender, "Kysymys",
                     "Hei,\n\nvoisitteko kertoa, paljonko jatkopäivät maksavat organisaatiota "
                     f"kohden? Entä onko Kuntatalolla pysäköintiä?\n\n{name}\n"
                     + _history(address, target // 2))
    if kind < 17:
        text = (f"Hei,\n\nilmoittaudun verkostopäivään 9.12.2026.\n\nNimi: {name}\n"
                f"Organisaatio: {org}\nRooli: koordinaattori\n\nTerveisin\n{name}\n")
        return _mail(n, sender, "Ilmoittautuminen", text + _history(address, target // 2),
                     html=True)
    answer = ["Peruutan ilmoittautumiseni 9.12.", "Kyllä, tulen.",
              f"En pääse, sijaiseni on Kaisa Koskinen (kaisa.koskinen{n}@omnia.test)."][kind - 17]
    return _mail(n, sender, "Vs: VS: Verkostopäivä 9.12.2026",
                 f"{answer}\n\n{name}\n" + _history(address, target))


def fill(server: Dovecot, count: int, *, first: int = 0, last: int | None = None) -> int:
    """Deliver messages ``first`` to ``last`` (default: all) of the mix of ``count``."""
    rng = random.Random(count)
    total = 0
    for n in range(count if last is None else last):
        raw = message(n, rng)
        if n < first:
            continue
        total += len(raw)
        server.deliver(raw, received_at=SINCE + timedelta(seconds=n),
                       name=f"{1790000000 + n}.M{n}.bench")
    return total


def into_kept_store(size: int, batch_size: int, backlog: int) -> tuple[float, float]:
    """The same end as a pass over ``size`` messages into an empty store, reached the way
    a running network reaches it: earlier passes handled the first ``size - backlog``
    messages, then a pass meets a backlog of ``backlog``. Its (peak RSS, store alone)."""
    server = Dovecot().start()
    work = Path(tempfile.mkdtemp(prefix="mailflow-bench-"))
    try:
        fill(server, size, last=size - backlog)
        in_child(partial(mailflow_tick, server, work, batch_size))  # the earlier passes
        fill(server, size, first=size - backlog)
        measured = in_child(partial(mailflow_tick, server, work, batch_size))
        alone = in_child(partial(store_alone, work))
        assert measured[0]["handled"] == backlog
        return measured[2], alone[2]
    finally:
        server.cleanup()
        shutil.rmtree(work, ignore_errors=True)


# -- the runs -----------------------------------------------------------------------------
def raw_fetch(server: Dovecot, batch_size: int, parse: bool) -> int:
    with server.client(timeout=300) as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search()
        count = 0
        for start in range(0, len(uids), batch_size):
            fetched = client.fetch(uids[start:start + batch_size], ["BODY.PEEK[]"])
            for item in fetched.values():
                if parse:
                    email.message_from_bytes(item[b"BODY[]"], policy=policy.default)
                count += 1
        return count


class _MeasuredWorker(BacklogWorker):
    """Notes the worker process's own memory (MiB) before it ends: the pages it does not
    share with the pass (a forked worker shares most of the pass's pages, which its RSS
    would count again)."""

    peak_mib = 0.0

    def close(self) -> None:
        process = self._process
        if process is not None and process.pid is not None:
            rollup = Path(f"/proc/{process.pid}/smaps_rollup")
            own = sum(int(line.split()[1]) for line in
                      (rollup.read_text().splitlines() if rollup.exists() else [])
                      if line.startswith(("Private_Clean:", "Private_Dirty:")))
            _MeasuredWorker.peak_mib = max(_MeasuredWorker.peak_mib, own / 1024)
        super().close()


def store_alone(folder: Path) -> int:
    """What a later pass holds of the store the run left: open it and load the state."""
    with Store(folder / "mailflow.json") as store:
        return len(load_state(store).people)


class _Unrendered(Renderer):
    """Answers decided and recorded, but not rendered: a stand-in a few bytes long."""

    def render(self, request: Any, *args: Any, **kwargs: Any) -> RenderedMail:
        message_id = f"<{hashlib.sha256(request.key.encode()).hexdigest()[:24]}@example.org>"
        raw = f"Message-ID: {message_id}\r\n\r\n.\r\n".encode()
        return RenderedMail(message_id, request.key[:40], request.to, raw, "", "")


class _Unsent:
    """A sender that accepts each mail and keeps nothing."""

    resends_replace = True

    def send(self, raw: bytes, sender: str, recipients: list[str]) -> SendResult:
        return SendResult()

    def close(self) -> None:
        pass


def mailflow_tick(server: Dovecot, folder: Path, batch_size: int,
                  answers: bool = True) -> dict[str, float]:
    """A whole pass; with ``answers`` False, intake alone: the answers are decided and
    recorded, not rendered or sent."""
    settings = Settings(
        network=NetworkSettings(address="verkosto@example.org", facilitator="vetaja@example.org",
                                max_per_org=4),
        mailbox=MailboxSettings(kind="imap", batch_size=batch_size,
                                handle_since=SINCE.isoformat()),
        outbox=OutboxSettings(path=str(folder / "outbox")),
    )
    store_path = folder / "mailflow.json"
    if not store_path.exists():  # a new network: its one day (not loaded again later: the
        with Store(store_path) as store:  # pass's peak memory is the pass's own)
            store.put(DAY)
            store.commit()
    sizes = BatchSizes.of(batch_size, settings.mailbox.max_message_bytes)
    preparer = Preparer(reader_of(settings))

    def open_intake(open_mailbox: Callable[[], Any]) -> Intake:
        """The pipelined intake, as the composition root builds it, with a measured worker."""
        return PipelinedIntake(open_mailbox, preparer, sizes, fork_reader=True,
                               worker=_MeasuredWorker(preparer.reader, backlog=sizes.first))

    services = Services(
        settings=settings,
        open_store=lambda: Store(store_path),
        open_mailbox=lambda: ImapMailbox(lambda: server.client(timeout=300), "INBOX",
                                         processed_folder="processed",
                                         attention_folder="attention"),
        open_sender=(lambda: FileOutbox(folder / "outbox")) if answers else _Unsent,
        renderer=(Renderer if answers else _Unrendered)(
            templates_dir(), settings.network, settings.tz),
        open_intake=open_intake,
    )
    spent = {"render": 0.0, "send": 0.0}
    with timed(Pass, "take_in", spent), timed(Renderer, "render", spent), \
            timed(FileOutbox, "send", spent):
        report = run_tick(services, NOW, report=TickReport(keep=0))  # as `mailflow tick` does
    return {"handled": report.counts["handled"], "queued": report.counts["queued"],
            "render": spent["render"], "send": spent["send"],
            "worker": _MeasuredWorker.peak_mib, "intake": spent["take_in"]}


def _child(job: Callable[[], Any], traced: bool, out: Any) -> None:
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    result = job()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / (1 << 20) if traced else 0.0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.send((result, seconds, rss, peak))


def in_child(job: Callable[[], Any], traced: bool = False) -> tuple[Any, float, float, float]:
    """Run ``job`` in a forked process: (its result, seconds, max RSS MiB, traced peak MiB)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(job, traced, send))
    process.start()
    figures: tuple[Any, float, float, float] = receive.recv()
    process.join()
    return figures


class Bench:
    """One filled Dovecot whose indexed Maildir is put back before each run."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.server = Dovecot().start()
        self.work = Path(tempfile.mkdtemp(prefix="mailflow-bench-"))
        self.runs = 0
        try:
            started = time.perf_counter()
            self.bytes = fill(self.server, size)
            self.fill_seconds = time.perf_counter() - started
            with self.server.client(timeout=600) as client:
                client.select_folder("INBOX", readonly=True)  # Dovecot builds its index
            self.server.stop()
            self.snapshot = self.work / "snapshot"
            shutil.copytree(self.server.maildir_path, self.snapshot, symlinks=True)
            self.server.start()
        except BaseException:
            self.close()  # never leave a Dovecot running
            raise

    def reset(self) -> Path:
        """The INBOX as filled, and a fresh folder for the store and outbox."""
        self.server.stop()
        shutil.rmtree(self.server.maildir_path)
        shutil.copytree(self.snapshot, self.server.maildir_path, symlinks=True)
        if os.geteuid() == 0:
            for path in [self.server.maildir_path, *self.server.maildir_path.rglob("*")]:
                os.chown(path, self.server.uid, self.server.gid, follow_symlinks=False)
        self.server.start()
        self.runs += 1
        folder = self.work / f"run{self.runs}"
        folder.mkdir()
        return folder

    def close(self) -> None:
        self.server.cleanup()
        shutil.rmtree(self.work, ignore_errors=True)


def profile(size: int, batch_size: int, top: int) -> None:
    bench = Bench(size)
    try:
        folder = bench.reset()
        profiler = cProfile.Profile()
        profiler.runcall(mailflow_tick, bench.server, folder, batch_size)
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
    finally:
        bench.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="mailbox sizes, comma-separated")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also measure the peak of Python allocations (a second run)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="instead: profile mailflow's pass on N messages (cProfile)")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of raw, naive and intake each, in turn; medians shown")
    parser.add_argument("--backlog", type=int, default=1000,
                        help="also: a pass over the last BACKLOG messages into a store that "
                             "holds the others (0: not)")
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.batch_size, args.top)
        return

    rows = []
    kept: list[tuple[int, float, float, float, float]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        bench = Bench(size)
        try:
            server = bench.server
            raws, naives, intakes = [], [], []
            for _ in range(max(1, args.repeat)):
                bench.reset()
                raws.append(in_child(partial(raw_fetch, server, args.batch_size, parse=False)))
                bench.reset()
                naives.append(in_child(partial(raw_fetch, server, args.batch_size, parse=True)))
                intakes.append(in_child(partial(mailflow_tick, server, bench.reset(),
                                                args.batch_size, answers=False)))
            raw_rate = statistics.median(size / r[1] for r in raws)
            naive_rate = statistics.median(size / n[1] for n in naives)
            intake_rate = statistics.median(size / i[0]["intake"] for i in intakes)
            ratio = statistics.median(n[1] / i[0]["intake"] for n, i in
                                      zip(naives, intakes, strict=True))
            naive_rss = max(n[2] for n in naives)
            folder = bench.reset()
            flow = in_child(partial(mailflow_tick, server, folder, args.batch_size))
            alone = in_child(partial(store_alone, folder))
            traced = 0.0
            if args.tracemalloc:
                traced = in_child(partial(mailflow_tick, server, bench.reset(),
                                          args.batch_size), traced=True)[3]
        finally:
            bench.close()
        rows.append((size, bench.bytes / (1 << 20), raw_rate, naive_rate, naive_rss, intake_rate,
                     ratio, flow, alone, traced))
        if 0 < args.backlog < size:
            kept.append((size, flow[2], alone[2],
                         *into_kept_store(size, args.batch_size, args.backlog)))

    print(f"batch size {args.batch_size}; each run in a fresh process; "
          f"msg/s: the median of {max(1, args.repeat)} runs; RSS = its max RSS in MiB")
    header = ("messages", "MiB", "raw msg/s", "naive msg/s", "naive RSS",
              "intake msg/s", "intake / naive", "pass msg/s", "render s", "send s", "mailflow RSS",
              "worker own", "store RSS", "pass - store", "handled", "answers"
              ) + (("traced peak",) if args.tracemalloc else ())
    print(" | ".join(f"{h:>14}" for h in header))
    for size, mib, raw, naive, naive_rss, intake, ratio, flow, alone, traced in rows:
        result, seconds = flow[0], flow[1]
        cells = [f"{size:,}", f"{mib:.1f}", f"{raw:,.0f}", f"{naive:,.0f}",
                 f"{naive_rss:.0f}", f"{intake:,.0f}", f"{ratio:.2f}", f"{size / seconds:,.0f}",
                 f"{result['render']:.1f}", f"{result['send']:.1f}", f"{flow[2]:.0f}",
                 f"{result['worker']:.0f}", f"{alone[2]:.0f}", f"{flow[2] - alone[2]:.0f}",
                 f"{result['handled']:,}", f"{result['queued']:,}"]
        if args.tracemalloc:
            cells.append(f"{traced:.1f}")
        print(" | ".join(f"{c:>14}" for c in cells))
    if kept:
        print(f"\nThe same store at the end, reached with a backlog of all the messages or of "
              f"the last {args.backlog:,} (earlier passes handled the others):")
        print(" | ".join(f"{h:>26}" for h in (
            "messages", "backlog of all: peak RSS", "store alone", f"backlog of {args.backlog:,}: peak",
            "store alone")))
        for size, peak, peak_alone, kept_peak, kept_alone in kept:
            print(" | ".join(f"{c:>26}" for c in (
                f"{size:,}", f"{peak:.0f}", f"{peak_alone:.0f}", f"{kept_peak:.0f}",
                f"{kept_alone:.0f}")))


if __name__ == "__main__":
    main()
