"""What reading one message costs: parsing, and parsing with understanding, per message.

CPU time (``time.process_time``) of each message of the own corpus (tests/data/*.eml) and
of the unseen mails (tests/data/unseen/**/*.eml): ``parse_message`` alone, and
``parse_message`` + ``understand`` against the corpus test's network state; beside them the
naive parse of bench/intake.py's "naive" column (``email.message_from_bytes(raw,
policy=policy.default)``, the parse half of its fetch-and-parse figure; the fetch is I/O,
not CPU, and is the same for both). With ``--rev REV`` the same is measured for the code of
that revision (exported with ``git archive``, as bench/idle_tick.py does), each round in a
fresh process taking turns with this tree's, so both see the same machine. Each message's
figure is its median over the rounds; the table gives the median and the 90th percentile
over the messages, in microseconds, and the messages a second one core reads at the median.

Usage: python bench/message_cost.py [--rounds 5] [--rev main]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

#: What one fresh process runs: a warm-up pass (imports, compiled patterns, caches), then
#: one timed pass; it prints {corpus: {file: [naive, parse, parse+understand]}} as JSON.
CHILD = r"""
import json, sys, time
from email import message_from_bytes, policy
from pathlib import Path
from mailflow.core.organisations import OrgDirectory
from mailflow.core.reading.parse import parse_message
from mailflow.core.understanding.intents import understand
from tests.unit.test_corpus import ALIASES, DOMAIN, OWN, network_state

corpora = json.loads(sys.argv[1])
state = network_state()
orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
clock = time.process_time

def costs(raw):
    started = clock()
    message_from_bytes(raw, policy=policy.default)
    naive = clock() - started
    started = clock()
    msg = parse_message(raw, own_address=OWN)
    parsed = clock() - started
    if msg.robot is None:
        understand(msg, state, orgs, own_address=OWN, network_domain=DOMAIN)
    return [naive, parsed, clock() - started]

raws = {name: {f: Path(f).read_bytes() for f in files} for name, files in corpora.items()}
for files in raws.values():
    for raw in files.values():
        costs(raw)
print(json.dumps({name: {f: costs(raw) for f, raw in files.items()}
                  for name, files in raws.items()}))
"""
COLUMNS = ("naive parse", "parse", "parse + understand")


def export(rev: str, folder: Path) -> Path:
    """The tree of ``rev`` (mailflow, what it reads, and the corpus test's state) in
    ``folder``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "mailflow", "config",
                           "templates", "tests/__init__.py", "tests/unit"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder


def one_round(tree: Path, corpora: dict[str, list[str]]) -> dict[str, dict[str, list[float]]]:
    """One fresh process of the code in ``tree`` over ``corpora``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(corpora)], env=env,
                         cwd=tree, check=True, capture_output=True, text=True).stdout
    result: dict[str, dict[str, list[float]]] = json.loads(out)
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(rounds: list[dict[str, dict[str, list[float]]]], corpus: str,
            column: int) -> tuple[float, float]:
    """(median, p90) over the messages of each one's median over the rounds, in µs."""
    files = rounds[0][corpus]
    per_message = [statistics.median(r[corpus][f][column] for r in rounds) * 1e6
                   for f in files]
    return statistics.median(per_message), percentile(per_message, 0.9)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rev", default="main", help="also measure this revision ('' not)")
    args = parser.parse_args()
    corpora = {"corpus": sorted(str(p) for p in DATA.glob("*.eml")),
               "unseen": sorted(str(p) for p in (DATA / "unseen").rglob("*.eml"))}
    with tempfile.TemporaryDirectory(prefix="mailflow-message-cost-") as tmp:
        trees = {"now": ROOT}
        if args.rev:
            short = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.rev],
                                   check=True, capture_output=True, text=True).stdout.strip()
            trees = {f"{args.rev} ({short})": export(args.rev, Path(tmp)), **trees}
        results: dict[str, list[dict[str, dict[str, list[float]]]]] = {t: [] for t in trees}
        for _ in range(args.rounds):
            for label, tree in trees.items():
                results[label].append(one_round(tree, corpora))
    counts = ", ".join(f"{name} {len(files)}" for name, files in corpora.items())
    print(f"CPU time per message (time.process_time), µs: messages {counts}; each the "
          f"median of {args.rounds} rounds, fresh processes taking turns")
    print(f"{'code':<18} {'what':<20} {'corpus median':>14} {'p90':>8} {'msg/s':>7} "
          f"{'unseen median':>14} {'p90':>8} {'msg/s':>7}")
    first = next(iter(results))
    rows = [(first, 0), *((label, column) for label in results for column in (1, 2))]
    for label, column in rows:
        cells = []
        for corpus in corpora:
            median, p90 = summary(results[label], corpus, column)
            cells.append(f"{median:>14.0f} {p90:>8.0f} {1e6 / median:>7.0f}")
        code = "email (stdlib)" if column == 0 else label
        print(f"{code:<18} {COLUMNS[column]:<20} {' '.join(cells)}")


if __name__ == "__main__":
    main()
