"""How an idle tick's time, memory and the store's size grow with the history it keeps.

For each size (1,000 to 100,000 handled messages, each with the answer that was sent, spread
over the last three years) it builds a store (50 organisations, 200 people) and runs two
ticks in fresh processes, once without pruning (``store.retention_days`` far beyond the
history) and once with the default 365 days: the first tick of a day prunes, the second
shows what every later tick pays. Prints one table.

Usage: python bench/growth.py [--sizes 1000,10000,30000,100000] [--span-days 1095]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tick_idle import NOW, build_store, measure_tick, store_counts, write_config

NO_PRUNING = 100_000  # days: longer than any history here


def run(size: int, retention_days: int, span_days: float) -> tuple[list[dict[str, float]], int,
                                                                   int, int]:
    with tempfile.TemporaryDirectory(prefix="mailflow-growth-") as folder:
        root = Path(folder)
        config = write_config(root, retention_days)
        build_store(root / "mailflow.json", size, span_days=span_days)
        runs = [measure_tick(config, NOW + timedelta(minutes=2 * n)) for n in range(2)]
        size_after = (root / "mailflow.json").stat().st_size
        kept, mails = store_counts(root / "mailflow.json")
    return runs, size_after, kept, mails


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,30000,100000")
    parser.add_argument("--span-days", type=float, default=3 * 365)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"growth: idle tick on a store with N handled messages (+ N sent mails) over "
          f"{args.span_days:.0f} days; 50 organisations, 200 people")
    print(f"{'messages':>9} {'retention':>10} {'kept':>8} {'store MB':>9} {'1st tick s':>11} "
          f"{'next tick s':>12} {'next process s':>15} {'peak MB':>8}")
    began = time.perf_counter()
    for size in sizes:
        for retention in (NO_PRUNING, 365):
            runs, size_after, kept, _mails = run(size, retention, args.span_days)
            label = "none" if retention == NO_PRUNING else f"{retention} d"
            print(f"{size:>9,} {label:>10} {kept:>8,} {size_after / 1e6:>9.1f} "
                  f"{runs[0]['tick_seconds']:>11.2f} {runs[1]['tick_seconds']:>12.2f} "
                  f"{runs[1]['process_seconds']:>15.2f} {runs[1]['peak_mb']:>8.0f}")
    print(f"(measured in {time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
