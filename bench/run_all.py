"""Run every benchmark script in bench/ and print their tables (``make bench``).

Each ``bench/*.py`` (but this one) runs in its own process, one after another, so their
timings and memory figures do not disturb each other. The chaos run uses a small count
here (``--rounds 30``); ``--full`` gives every script its own defaults (chaos: 200 rounds);
``--quick`` also shrinks the slow ones (intake at 1,000 messages, growth to 30,000, ...).
A script that fails is reported with the end of its stderr and the run goes on; the exit
status is 1 when any failed.

Usage: python bench/run_all.py [--full | --quick] [--only NAME[,NAME...]] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_ARGS: dict[str, list[str]] = {"chaos": ["--rounds", "30"]}
QUICK_ARGS: dict[str, list[str]] = {
    **DEFAULT_ARGS,
    "intake": ["--sizes", "1000"],
    "intake_fetch": ["--sizes", "1000"],
    "core_speed": ["--sizes", "1000"],
    "growth": ["--sizes", "1000,10000,30000"],
    "latency": ["--samples", "2"],
    "outage": ["--step", "30", "--hang", "10", "--timeout", "5", "--burst", "200"],
}


def scripts(only: set[str]) -> list[Path]:
    found = sorted(p for p in BENCH.glob("*.py")
                   if p.name != Path(__file__).name and not p.name.startswith("_"))
    return [p for p in found if not only or p.stem in only]


def main() -> int:
    parser = argparse.ArgumentParser()
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--full", action="store_true", help="each script's own defaults")
    size.add_argument("--quick", action="store_true", help="small sizes for the slow scripts")
    parser.add_argument("--only", default="", help="comma-separated script names")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    only = {name.strip().removesuffix(".py") for name in args.only.split(",") if name.strip()}
    results: list[tuple[str, float, str]] = []
    for script in scripts(only):
        chosen = {} if args.full else QUICK_ARGS if args.quick else DEFAULT_ARGS
        extra = chosen.get(script.stem, [])
        command = [sys.executable, str(script), *extra]
        print(f"\n=== {script.name} {' '.join(extra)}".rstrip(), flush=True)
        began = time.perf_counter()
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout,
                                  cwd=BENCH.parent)
            status = "ok" if done.returncode == 0 else f"exit {done.returncode}"
            print(done.stdout.rstrip(), flush=True)
            if done.returncode != 0:
                print("\n".join(done.stderr.rstrip().splitlines()[-15:]), flush=True)
        except subprocess.TimeoutExpired:
            status = f"timed out after {args.timeout:.0f} s"
        results.append((script.name, time.perf_counter() - began, status))
    width = max((len(name) for name, _s, _st in results), default=10)
    print(f"\n{'script':<{width}}  {'seconds':>8}  status")
    for name, seconds, status in results:
        print(f"{name:<{width}}  {seconds:>8.1f}  {status}")
    return 0 if all(status == "ok" for _n, _s, status in results) else 1


if __name__ == "__main__":
    sys.exit(main())
