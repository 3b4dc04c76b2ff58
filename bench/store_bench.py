"""Store figures: load a big store; record 1,000 new messages into it in one tick's commit.

Builds a store with 10,000 handled messages and 2,000 people (50 organisations), then
measures, each in a fresh process so peak memory (max RSS) is its own:
  load   - open the store (lock, read, index) and list the people
  record - open, record 1,000 new handled messages (one put_many), commit, close
  compact- open, then rewrite the whole main file (what a pass's checkpoint does once
           the journal outgrows the file), close
  tick   - a whole `run_tick` that handles 1,000 new sign-up mails from a Maildir into
           that store (parse, understand, decide, record, answer into a file outbox)
  lock   - a second writer while another process holds the lock for 0.5 s: how long it
           waits with a long lock_timeout, and how long before it gives up at 0.5 s
Prints a table. Usage: python bench/store_bench.py [--messages 10000] [--people 2000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailflow.adapters.store import Store
from mailflow.core.errors import StoreLockedError
from mailflow.core.model import Organisation, Person, ProcessedMessage

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def message(n: int) -> ProcessedMessage:
    return ProcessedMessage(
        key=f"<{n:08d}.bench@omnia.test>", received_at=NOW, handled_at=NOW,
        sender=f"p{n % 2000}@org{n % 50}.test", outcome="handled", intent="signup",
    )


def build(path: Path, messages: int, people: int) -> None:
    with Store(path) as store:
        store.put_many(Organisation(key=f"org{i}", name=f"Organisaatio {i}") for i in range(50))
        store.put_many(
            Person(address=f"p{i}@org{i % 50}.test", name=f"Henkilö {i}", org=f"org{i % 50}",
                   role="staff", registered_at=NOW)
            for i in range(people)
        )
        store.put_many(message(n) for n in range(messages))
        store.commit()




def tick_child(path: str) -> None:
    from mailflow.config.loader import load_settings
    from mailflow.run.bootstrap import build_services
    from mailflow.run.tick import run_tick
    from tests.factories import write_maildir_config

    root = Path(path).parent
    config = write_maildir_config(root, name="tick.toml")
    services = build_services(load_settings(config))
    began = time.perf_counter()
    report = run_tick(services, NOW)
    seconds = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024,
                      "count": len(report.handled)}))


def hold_child(path: str, milliseconds: int) -> None:
    with Store(path):
        print("ready", flush=True)
        time.sleep(milliseconds / 1000)


def lock_wait(path: Path, hold_ms: int, timeout: float) -> float:
    """Seconds a second writer spends in Store() while another process holds the lock
    for ``hold_ms`` (from the moment the holder has it)."""
    holder = subprocess.Popen([sys.executable, __file__, "--child", "hold", str(path),
                               str(hold_ms)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline() == "ready\n"
    began = time.perf_counter()
    try:
        with Store(path, lock_timeout=timeout):
            pass
    except StoreLockedError:
        pass
    waited = time.perf_counter() - began
    holder.wait()
    holder.stdout.close()
    return waited


def child(mode: str, path: str, start: int) -> None:
    if mode == "hold":
        hold_child(path, start)
        return
    if mode == "tick":
        tick_child(path)
        return
    began = time.perf_counter()
    if mode == "baseline":
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"seconds": 0.0, "peak_mb": peak_kb / 1024, "count": 0}))
        return
    with Store(path) as store:
        if mode == "load":
            count = len(store.all(Person))
        elif mode == "compact":
            store.scrub()
            store.commit()
            count = store.count(ProcessedMessage)
        else:
            store.put_many(message(n) for n in range(start, start + 1000))
            store.commit()
            count = store.count(ProcessedMessage)
    seconds = time.perf_counter() - began
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "count": count}))


def measure(mode: str, path: Path, start: int = 0) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), str(start)],
        capture_output=True, text=True, check=True,
    ).stdout
    figures: dict[str, float] = json.loads(out)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mailflow.json"
        build(path, args.messages, args.people)
        size_mb = path.stat().st_size / 1e6
        baseline = measure("baseline", path)
        load = measure("load", path)
        record = measure("record", path, args.messages)
        compact = measure("compact", path)
        from tests.mailgen import deliver, signup  # not in the children measured above

        deliver(str(path.parent / "mail"), [signup(n, padding=2000) for n in range(1000)])
        tick = measure("tick", path)
        lock_path = Path(folder) / "lock" / "mailflow.json"
        waited_for_holder = lock_wait(lock_path, 500, 10.0)
        gave_up_after = lock_wait(lock_path, 2000, 0.5)
        print(f"store: {args.messages:,} handled messages, {args.people:,} people, "
              f"{size_mb:.1f} MB on disk")
        print(f"{'operation':<44} {'seconds':>8} {'peak MB':>8}")
        print(f"{'load the store and list the people':<44} {load['seconds']:>8.3f} "
              f"{load['peak_mb']:>8.1f}")
        print(f"{'record 1,000 new messages, commit':<44} {record['seconds']:>8.3f} "
              f"{record['peak_mb']:>8.1f}")
        print(f"{'open, rewrite the whole file (compaction)':<44} {compact['seconds']:>8.3f} "
              f"{compact['peak_mb']:>8.1f}")
        print(f"{'a tick handling 1,000 new sign-up mails':<44} {tick['seconds']:>8.3f} "
              f"{tick['peak_mb']:>8.1f}")
        print(f"{'(baseline: Python with mailflow imported)':<44} {'':>8} "
              f"{baseline['peak_mb']:>8.1f}")
        print(f"after: {int(record['count']):,} messages in the store")
        print(f"lock: a second writer waited {waited_for_holder:.2f} s for a 0.5 s holder; "
              f"gave up after {gave_up_after:.2f} s at lock_timeout 0.5 s")


if __name__ == "__main__":
    main()
