"""The pure core's cost per message: parse, understand, decide, apply, over the intake mix.

Runs the messages of bench/intake.py (sign-ups, RSVPs, LÄHETÄ / EI KIITOS, out-of-office
replies, bounces, questions, Outlook HTML-only mail, replies with long quoted history;
2-20 KB) through the same steps as one pass, without any I/O, and prints the time per
message of each step, and beside it what ``email.message_from_bytes`` costs on the same
bytes with ``policy.default`` (the naive parse of issue 3) and with ``compat32``.
The state grows as it would in a pass, so a step whose cost grows with the number of
people shows as a figure that grows from the smaller size to the bigger one.

Usage: python bench/core_speed.py [--sizes 1000,10000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import email
import pstats
import random
import sys
import time
from collections import defaultdict
from email import policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from intake import DAY, NOW, message

from mailflow.core.organisations import DirectoryCache
from mailflow.core.reading.parse import parse_message
from mailflow.core.rules.decide import Rules, decide, decide_robot
from mailflow.core.state import apply_decision, state_from_records
from mailflow.core.understanding.intents import understand

OWN = "verkosto@example.org"
RULES = Rules(max_per_org=4, network_address=OWN, facilitator="vetaja@example.org",
              secret="bench-secret")


def run(raws: list[bytes]) -> dict[str, float]:
    """Seconds spent in each step over ``raws``, as one pass would take them."""
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    state = state_from_records(orgs=[], people=[], days=[DAY], rsvps=[], interest=[],
                               attention=[], pending=[])
    orgs = DirectoryCache(())  # as a pass does: rebuilt when the organisations change
    for raw in raws:
        t0 = clock()
        parsed = parse_message(raw, own_address=OWN)
        t1 = clock()
        spent["parse"] += t1 - t0
        if parsed.robot is not None:
            decision = decide_robot(parsed, state, NOW)
            t2 = t3 = clock()
            spent["decide"] += t3 - t1
        else:
            intent = understand(parsed, state, orgs.of(state.organisations), own_address=OWN,
                                network_domain="example.org")
            t2 = clock()
            decision = decide(intent, state, NOW, RULES)
            t3 = clock()
            spent["understand"] += t2 - t1
            spent["decide"] += t3 - t2
        state = apply_decision(state, decision)
        spent["apply"] += clock() - t3
    spent["people at the end"] = len(state.people)
    return spent


def baseline(raws: list[bytes]) -> dict[str, float]:
    out = {}
    for name, pol in (("email policy.default", policy.default),
                      ("email compat32", policy.compat32)):
        start = time.perf_counter()
        for raw in raws:
            email.message_from_bytes(raw, policy=pol)
        out[name] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--profile", action="store_true",
                        help="profile the first size instead (cProfile, top 40)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.profile:
        run([message(n, random.Random(n)) for n in range(5)])  # compile the patterns first
        rng = random.Random(sizes[0])
        raws = [message(n, rng) for n in range(sizes[0])]
        profiler = cProfile.Profile()
        profiler.runcall(run, raws)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
        return
    warm_up = time.perf_counter()
    run([message(n, random.Random(n)) for n in range(5)])
    print(f"the language packs' patterns, compiled on first use: "
          f"{1000 * (time.perf_counter() - warm_up):.1f} ms once per process")
    print(f"{'messages':>9} {'step':<22} {'ms/msg':>8}")
    for size in sizes:
        rng = random.Random(size)
        raws = [message(n, rng) for n in range(size)]
        spent = run(raws)
        people = int(spent.pop("people at the end"))
        core = sum(spent.values())
        for name, seconds in [*spent.items(), ("core in all", core),
                              *baseline(raws).items()]:
            print(f"{size:>9,} {name:<22} {1000 * seconds / size:>8.3f}")
        print(f"{size:>9,} {'people at the end':<22} {people:>8,}")


if __name__ == "__main__":
    main()
