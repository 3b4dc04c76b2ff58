"""Recovery after a crash with a big batch in flight: how long replaying its moves holds up
the next new mail.

On a loopback Dovecot (tests/dovecot.py): a processed folder already holding --kept
messages, an INBOX of --pending handled messages whose moves a crashed pass had committed
and not finished, --copied of them (a share) already copied into the processed folder by a
MOVE cut short (Dovecot's MOVE on Maildir copies, then expunges), and one new sign-up
behind them. Then one pass (``run_tick``, IMAP in, a file outbox out) on a store holding
those pending moves, timed:

  replay s     - the replay of the pending moves (``move_again``)
  new mail s   - from the start of the pass until the new sign-up is handled
  pass s       - the whole pass
  dovecot cpu  - CPU seconds of Dovecot's processes during the pass (sampled from /proc)

and checked: the INBOX ends empty, the processed folder holds each message once.
``--code DIR`` takes mailflow from DIR instead of this checkout, to measure another
version on the same setup (e.g. ``git archive main | tar -x -C /tmp/main`` for "before").
Figures, not pass/fail.
Usage: python bench/replay_moves.py [--pending 2400] [--kept 5000] [--copied 0.5] [--code DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.dovecot import Dovecot, _descendants
from tests.mailgen import signup

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
max_per_org = 100000
[mailbox]
kind = "imap"
handle_since = "2026-01-01T00:00:00+00:00"
[imap]
host = "127.0.0.1"
port = {port}
tls = "none"
username = "tester"
password_env = "BENCH_IMAP_PASSWORD"
[outbox]
kind = "file"
path = "{root}/outbox"
[store]
path = "{root}/mailflow.json"
"""


class CpuSampler(threading.Thread):
    """Samples the CPU time of a process's descendants every 20 ms; keeps each one's last."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.ticks = os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.sample()

    def sample(self) -> None:
        for child in _descendants(self.pid):
            try:
                fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            self.seen[child] = (int(fields[11]) + int(fields[12])) / self.ticks

    def total(self) -> float:
        return sum(self.seen.values())


def fill(server: Dovecot, pending: int, kept: int, copied: float) -> list[str]:
    """The folders as the crash left them; returns the refs of the pending moves."""
    for n in range(kept):
        server.deliver(signup(100_000 + n), received_at=NOW - timedelta(days=30, minutes=-n),
                       folder="processed")
    for n in range(pending):
        server.deliver(signup(n), received_at=NOW - timedelta(hours=1, minutes=-n / 100))
    with server.client(timeout=600) as client:
        validity = int(client.select_folder("INBOX")[b"UIDVALIDITY"])
        uids = sorted(client.search())
        cut = uids[:int(len(uids) * copied)]
        if cut:
            client.copy(cut, "processed")  # the MOVE cut short: copied, not expunged
        client.select_folder("processed", readonly=True)  # index it, as a pass would have
    return [f"{validity}:{uid}" for uid in uids]


def prepare_store(root: Path, refs: list[str]) -> None:
    """A store as the crashed pass left it: the batch committed, its moves pending."""
    from mailflow.adapters.store import Store
    from mailflow.run.records import CURSOR_META, FIRST_RUN_META, PENDING_MOVES_META

    validity, _, last = refs[-1].partition(":")
    with Store(root / "mailflow.json") as store:
        store.set_meta(FIRST_RUN_META, (NOW - timedelta(days=60)).isoformat())
        store.set_meta(CURSOR_META, {"uidvalidity": int(validity), "last_uid": int(last)})
        store.set_meta(PENDING_MOVES_META, {"processed": refs})  # a role and a folder name
        store.commit()


def run_pass(root: Path, server: Dovecot) -> dict[str, float]:
    from _timing import timed

    from mailflow.adapters.imap import ImapMailbox
    from mailflow.config.loader import load_settings
    from mailflow.run.bootstrap import build_services
    from mailflow.run.tick import TickReport, run_tick

    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(port=server.port, root=root))
    os.environ["BENCH_IMAP_PASSWORD"] = server.password
    figures: dict[str, float] = {}
    began = time.perf_counter()

    def listener(kind: str, item: Any) -> None:
        if kind == "handled" and "new mail s" not in figures:
            figures["new mail s"] = time.perf_counter() - began

    sampler = CpuSampler(server.pid or 0)
    sampler.start()
    totals: dict[str, float] = {}
    with timed(ImapMailbox, "move_again", totals):
        began = time.perf_counter()
        report = run_tick(build_services(load_settings(config)), NOW,
                          report=TickReport(keep=0, listener=listener))
        figures["pass s"] = time.perf_counter() - began
    sampler.stop.set()
    sampler.join()
    sampler.sample()
    figures["replay s"] = totals.get("move_again", 0.0)
    figures["dovecot cpu s"] = sampler.total()
    figures["replayed"] = report.replayed_moves
    return figures


def check(server: Dovecot) -> str:
    with server.client(timeout=600) as client:
        inbox = len(client.select_folder("INBOX", readonly=True) and client.search())
        client.select_folder("processed", readonly=True)
        uids = sorted(client.search())
        fetched: dict[int, Any] = {}
        for start in range(0, len(uids), 2000):  # a command line has a limit
            fetched.update(client.fetch(uids[start:start + 2000],
                                        ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]))
    ids = Counter(item[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].strip() for item in fetched.values())
    twice = sum(1 for count in ids.values() if count > 1)
    return f"inbox left {inbox}, processed {len(fetched)}, held twice {twice}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pending", type=int, default=2400)
    parser.add_argument("--kept", type=int, default=5000)
    parser.add_argument("--copied", type=float, default=0.5)
    parser.add_argument("--code", default="", help="take mailflow from this folder")
    args = parser.parse_args()
    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    import mailflow

    where = Path(mailflow.__file__).resolve().parents[1]
    with Dovecot() as server, tempfile.TemporaryDirectory(prefix="mailflow-replay-") as tmp:
        root = Path(tmp)
        refs = fill(server, args.pending, args.kept, args.copied)
        prepare_store(root, refs)
        server.deliver(signup(900_000), received_at=NOW - timedelta(minutes=1))
        figures = run_pass(root, server)
        result = check(server)
    print(f"mailflow from {where}")
    print(f"{args.pending} pending moves ({args.copied:.0%} already copied), "
          f"{args.kept} messages kept in the processed folder, 1 new mail")
    print(f"{'replay s':>9} {'new mail s':>11} {'pass s':>8} {'dovecot cpu s':>14} {'replayed':>9}")
    print(f"{figures['replay s']:9.2f} {figures.get('new mail s', float('nan')):11.2f} "
          f"{figures['pass s']:8.2f} {figures['dovecot cpu s']:14.2f} "
          f"{int(figures['replayed']):9d}")
    print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
