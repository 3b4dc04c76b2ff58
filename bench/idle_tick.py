"""An idle tick from cron: what `mailflow tick` costs when nothing is new and nothing is due.

Builds the demo's store (`mailflow demo` in a temporary folder), runs one tick to settle
what the day has due, then runs `mailflow --config .../mailflow.toml tick` --runs times,
each in a fresh process, beside `python -c pass`, and prints each one's median wall time
and peak memory (VmHWM, read by the process itself as it ends). With --rev REV the same ticks also
run on the code of that revision (exported with `git archive`, taking turns with this
tree's, so a machine whose load drifts moves both alike), on the same store.

Usage: python bench/idle_tick.py [--runs 15] [--rev 127a846]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: runs ``python -m mailflow ARGS`` (or nothing, without ARGS) in this process, then writes
#: its peak memory (VmHWM, kB) to stderr: measured inside, so the bench's own memory (which
#: a forked child's max RSS would count) stays out of it
MEASURED = """
import sys
try:
    if len(sys.argv) > 1:
        import runpy
        sys.argv = ["mailflow", *sys.argv[1:]]
        runpy.run_module("mailflow", run_name="__main__", alter_sys=True)
finally:
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\nVmHWM {peak}\\n")
"""


def run_once(args: list[str], env: dict[str, str] | None = None,
             cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one fresh process: ``python -m mailflow
    ARGS`` (no ARGS: a Python that does nothing)."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, *args], env=env, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - began
    last = done.stderr.rstrip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode != 0 or not last.startswith("VmHWM "):
        raise RuntimeError(f"mailflow {' '.join(args)} exited {done.returncode}: "
                           f"{done.stderr[-500:]!r}")
    return seconds, int(last.split()[1]) / 1024


def _mkdir(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


def build_demo(folder: Path, tree: Path = ROOT) -> Path:
    """The demo's store and config in ``folder``, made by the code of ``tree``; returns
    the config's path."""
    subprocess.run([sys.executable, "-m", "mailflow", "demo"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, env=_env(tree))
    return folder / "var" / "demo" / "mailflow.toml"


def export(rev: str, folder: Path) -> Path:
    """The tree of ``rev`` (its mailflow package and what it reads) in ``folder``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "mailflow", "config",
                           "templates"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder


def _env(tree: Path) -> dict[str, str]:
    """Run the mailflow of ``tree`` (PYTHONPATH comes before the installed package), with
    its bytecode cached as in any installation (the first run writes it)."""
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(tree)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rev", help="also time the tick of this revision, e.g. 127a846")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mailflow-idle-tick-") as tmp:
        folder = Path(tmp)
        trees = {"mailflow tick (this tree)": ROOT}
        if args.rev:
            trees[f"mailflow tick ({args.rev})"] = export(args.rev, folder / "before")
        # each tree on its own demo store, made by its own code (store schemas differ)
        stores = {label: build_demo(_mkdir(folder / f"store-{n}"), tree)
                  for n, (label, tree) in enumerate(trees.items())}
        ticks = {label: ["--config", str(config), "tick"] for label, config in stores.items()}
        for label, tree in trees.items():  # settles what is due today (later ticks are
            # idle) and writes the bytecode caches
            run_once(ticks[label], _env(tree), cwd=stores[label].parent)
        rows: dict[str, list[tuple[float, float]]] = {"python -c pass": []}
        rows.update({label: [] for label in trees})
        for _ in range(args.runs):
            rows["python -c pass"].append(run_once([], _env(ROOT)))
            for label, tree in trees.items():
                rows[label].append(run_once(ticks[label], _env(tree),
                                            cwd=stores[label].parent))
        print(f"idle tick on the demo's store: {args.runs} fresh processes each, taking turns")
        print(f"{'command':<32} {'median ms':>10} {'min ms':>8} {'peak MB':>8}")
        for label, runs in rows.items():
            seconds = [s for s, _ in runs]
            peak = statistics.median(m for _, m in runs)
            print(f"{label:<32} {statistics.median(seconds) * 1000:>10.0f} "
                  f"{min(seconds) * 1000:>8.0f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
