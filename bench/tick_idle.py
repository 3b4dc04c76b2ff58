"""An idle tick on a big store: what cron pays every two minutes when no mail comes.

Builds a store with 50 organisations, 200 people and 50,000 handled messages (each with
the one answer mailflow sent, as in a real history), an empty Maildir and a file outbox,
then runs ``mailflow tick`` in fresh processes and prints, per run: the whole process's wall
time, the pass itself (``run_tick``), peak memory (VmHWM) and the store's size. The first
run also prunes (once a day); the second is the steady state.

Usage: python bench/tick_idle.py [--messages 50000] [--people 200] [--retention-days 365]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailflow.adapters.store import Store  # noqa: E402
from mailflow.core.model import Organisation, OutgoingMail, Person, ProcessedMessage  # noqa: E402
from mailflow.run.tick import FIRST_RUN_META, LAST_DIGEST_META  # noqa: E402

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)

CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
[mailbox]
path = "{root}/mail"
[outbox]
path = "{root}/outbox"
[store]
path = "{root}/mailflow.json"
retention_days = {retention_days}
"""


def build_store(path: Path, messages: int, people: int = 200, orgs: int = 50,
                span_days: float = 365.0) -> None:
    """A store with a history of ``messages`` handled over the last ``span_days``."""
    step = timedelta(days=span_days) / max(messages, 1)
    with Store(path) as store:
        store.put_many(Organisation(key=f"org{i}", name=f"Organisaatio {i}") for i in range(orgs))
        store.put_many(
            Person(address=f"p{i}@org{i % orgs}.test", name=f"Henkilö {i}", org=f"org{i % orgs}",
                   role="staff", registered_at=NOW - timedelta(days=30))
            for i in range(people)
        )
        when = [NOW - step * (messages - n) for n in range(messages)]
        store.put_many(
            ProcessedMessage(key=f"<{n:08d}.hist@org{n % orgs}.test>", received_at=when[n],
                             handled_at=when[n], sender=f"p{n % people}@org{n % orgs}.test",
                             outcome="handled", intent="rsvp_yes", folder="processed")
            for n in range(messages)
        )
        store.put_many(
            OutgoingMail(key=f"rsvp:{n:08d}.hist@org{n % orgs}.test", to=f"p{n % people}@org{n % orgs}.test",
                         subject="Osallistumisesi on kirjattu", message_id=f"<{n:08d}.out@example.org>",
                         created_at=when[n], status="sent", sent_at=when[n], attempts=1,
                         kind="auto-replied:rsvp_confirmation")
            for n in range(messages)
        )
        store.set_meta(FIRST_RUN_META, (NOW - timedelta(days=span_days + 1)).isoformat())
        store.set_meta(LAST_DIGEST_META, (NOW - timedelta(hours=1)).isoformat())
        store.commit()


def write_config(root: Path, retention_days: int) -> Path:
    for sub in ("tmp", "new", "cur"):
        (root / "mail" / sub).mkdir(parents=True, exist_ok=True)
    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(root=root, retention_days=retention_days))
    return config


def child(config: str, now: str) -> None:
    """In a fresh process: time one run_tick; print JSON with seconds and VmHWM."""
    from mailflow.config.loader import load_settings
    from mailflow.run.bootstrap import build_services
    from mailflow.run.tick import run_tick

    services = build_services(load_settings(Path(config)))
    began = time.perf_counter()
    report = run_tick(services, datetime.fromisoformat(now))
    seconds = time.perf_counter() - began
    hwm = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
    print(json.dumps({"tick_seconds": seconds, "peak_mb": int(hwm.group(1)) / 1024 if hwm else 0,
                      "handled": len(report.handled), "queued": len(report.queued)}))


def measure_tick(config: Path, now: datetime) -> dict[str, float]:
    """One tick in a fresh process: process wall time, run_tick time, peak memory."""
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(config), now.isoformat()],
        capture_output=True, text=True, check=True,
    ).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - began
    return figures


def store_counts(path: Path) -> tuple[int, int]:
    with Store(path) as store:
        return store.count(ProcessedMessage), store.count(OutgoingMail)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--retention-days", type=int, default=365)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="mailflow-idle-") as folder:
        root = Path(folder)
        config = write_config(root, args.retention_days)
        began = time.perf_counter()
        build_store(root / "mailflow.json", args.messages, args.people, span_days=300)
        built = time.perf_counter() - began
        size_before = (root / "mailflow.json").stat().st_size
        print(f"idle tick: 50 organisations, {args.people} people, {args.messages:,} handled "
              f"messages + as many sent mails over 300 days (store {size_before / 1e6:.1f} MB, "
              f"built in {built:.1f} s)")
        print(f"{'run':<24} {'process s':>10} {'run_tick s':>11} {'peak MB':>8} {'store MB':>9} "
              f"{'messages':>9}")
        for n, label in enumerate(["first (prunes, daily)", "second (steady state)",
                                   "third"]):
            figures = measure_tick(config, NOW + timedelta(minutes=2 * n))
            size = (root / "mailflow.json").stat().st_size
            messages, _mails = store_counts(root / "mailflow.json")
            print(f"{label:<24} {figures['process_seconds']:>10.2f} "
                  f"{figures['tick_seconds']:>11.2f} {figures['peak_mb']:>8.0f} "
                  f"{size / 1e6:>9.1f} {messages:>9,}")


if __name__ == "__main__":
    main()
