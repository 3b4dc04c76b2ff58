"""Outage figures: the outgoing side away for days, a relay that hangs, a burst's journal.

1. A relay (aiosmtpd on loopback, 421 to MAIL for the first half of the outage, then 451
   to DATA) down for 3 and for 6 simulated days, and the file outbox's disk full for 3
   days (ENOSPC at the adapter's OS boundary), with a sign-up every 3 hours and a pass
   every --step minutes on a clock passed in (tests/outage.py). Figures: mails queued
   during the outage, sent, expired (each on the attention list and in a digest),
   duplicates, whether they went in queued order, and how many of the waiting mails the
   first pass after the return sent.
2. A relay that takes the data and then hangs --hang seconds (smtp.timeout_seconds:
   --timeout): while one `mailflow tick` waits for it, a sign-up arrives every second
   and a `mailflow tick` and a `mailflow people` run; the longest each took.
3. A burst of --burst sign-ups in one pass: the journal's size and its largest line,
   beside the bodies kept in the spool instead.
Usage: python bench/outage.py [--step 10] [--hang 75] [--timeout 30] [--burst 500]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiosmtpd.smtp import SMTP, Envelope, Session

from mailflow.config.loader import load_settings
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.factories import TZ, RecordingSmtp, signup_mail, smtp_server, write_smtp_config
from tests.mailgen import deliver
from tests.outage import run_outage

NOW = "2026-11-02T10:00:00+02:00"


def outages(step: timedelta) -> None:
    print(f"{'outage':<28} figures (a pass every {step.total_seconds() / 60:g} min)")
    for label, days, kind in (("relay down 3 days", 3, "smtp"), ("relay down 6 days", 6, "smtp"),
                              ("outbox disk full 3 days", 3, "file")):
        with tempfile.TemporaryDirectory() as folder:
            outage = run_outage(Path(folder), down_days=days, step=step, kind=kind)
            shown = "\n".join(outage.digests)
            listed = sum(1 for to in outage.expired_to if to in shown)
            print(f"{label:<28} {outage.line()}")
            if outage.expired:
                print(f"{'':<28} expired: {outage.expired} on the attention list "
                      f"({len(outage.attention_to)}), {listed} named in a digest")


@dataclass
class HangingRelay(RecordingSmtp):
    """Takes the data, then answers after ``hang`` seconds (``hanging`` is set meanwhile)."""

    hang: float = 75.0
    hanging: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.hanging.set()
        await asyncio.sleep(self.hang)
        return await super().handle_DATA(server, session, envelope)


def _signup(n: int) -> bytes:
    return signup_mail(f"p{n}@omnia.test", f"Henkilö {n}", "Omnia", "opettaja",
                       datetime(2026, 11, 2, 9, 0, tzinfo=TZ) + timedelta(seconds=n),
                       f"<s{n}@x.test>")


def _timed(config: Path, *args: str) -> tuple[float, int]:
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mailflow", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=600, check=False)
    return time.perf_counter() - began, done.returncode


def hanging(hang: float, timeout: float) -> None:
    relay = HangingRelay(hang=hang)
    with tempfile.TemporaryDirectory() as folder, smtp_server(relay) as port:
        root = Path(folder)
        config = write_smtp_config(root, port, max_per_org=100_000)
        config.write_text(config.read_text().replace("timeout_seconds = 10",
                                                     f"timeout_seconds = {timeout:g}"))
        mail = str(root / "mail")
        deliver(mail, [_signup(0)])
        began = time.perf_counter()
        first = subprocess.Popen(
            [sys.executable, "-m", "mailflow", "--config", str(config), "tick", "--now", NOW],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not relay.hanging.wait(120):
            raise SystemExit("the first tick never reached DATA")
        ticks: list[tuple[float, int]] = []
        people: list[tuple[float, int]] = []
        n = 1
        while first.poll() is None:
            deliver(mail, [_signup(n)])
            n += 1
            ticks.append(_timed(config, "tick", "--now", NOW))
            people.append(_timed(config, "people"))
            time.sleep(max(0.0, 1.0 - ticks[-1][0] - people[-1][0]))
        held = time.perf_counter() - began
    print(f"relay hanging {hang:g} s after DATA, smtp.timeout_seconds = {timeout:g}: the "
          f"sending tick took {held:.1f} s (exit {first.returncode})")
    for label, runs in (("`mailflow tick` (intake)", ticks), ("`mailflow people`", people)):
        codes = sorted({code for _, code in runs})
        print(f"  meanwhile {len(runs)} x {label:<25} longest {max(t for t, _ in runs):.2f} s, "
              f"median {sorted(t for t, _ in runs)[len(runs) // 2]:.2f} s, exit codes {codes}")


def burst(count: int) -> None:
    """The journal's lines during a burst, measured by wrapping the journal's append (the
    end of the pass folds the journal into the file, so the file alone would not show
    them)."""
    from mailflow.adapters.store.journal import Journal

    lines: list[int] = []
    append = Journal.append

    def measured(journal: Journal, line: bytes) -> None:
        append(journal, line)
        lines.append(len(line))

    relay = RecordingSmtp()
    with tempfile.TemporaryDirectory() as folder, smtp_server(relay) as port:
        root = Path(folder)
        config = write_smtp_config(root, port, max_per_org=100_000)
        services = build_services(load_settings(config))
        run_tick(services, datetime.fromisoformat(NOW))  # the store exists before the burst
        deliver(str(root / "mail"), [_signup(n) for n in range(count)])
        relay.data_reply = "451 4.3.0 Try again later"  # the bodies stay queued
        Journal.append = measured  # type: ignore[method-assign,assignment]
        try:
            run_tick(services, datetime.fromisoformat(NOW))
        finally:
            Journal.append = append  # type: ignore[method-assign]
        files = list((root / "mailflow.json.spool").glob("*.eml"))
        bodies = sum(p.stat().st_size for p in files)
    print(f"a burst of {count} sign-ups, the relay away: {len(lines)} commits wrote "
          f"{sum(lines):,} B to the journal (largest line {max(lines):,} B); the {len(files)} "
          f"bodies ({bodies:,} B, {bodies // max(len(files), 1):,} B each) are in the "
          "spool, not the journal")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", type=float, default=10, help="minutes between passes")
    parser.add_argument("--hang", type=float, default=75)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--burst", type=int, default=500)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # the outage's warnings are figures here, not news
    outages(timedelta(minutes=args.step))
    print()
    hanging(args.hang, args.timeout)
    print()
    burst(args.burst)


if __name__ == "__main__":
    main()
