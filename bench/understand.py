"""How fast and how right mailflow reads mail: parse + understand over tests/data, and worst cases.

Prints (1) the corpus: files, how many are understood as their .expected.json says, per
intent kind; (2) parse + understand throughput over the corpus; (3) a coordinator's list of
N people and hostile bodies (long lines of separators, thousands of commitment words),
each with its time, so a quadratic rule shows as a figure that grows 100x for 10x input.

Usage: python bench/understand.py [--rounds N] [--sizes 100,1000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailflow.core.organisations import OrgDirectory  # noqa: E402
from mailflow.core.reading.parse import parse_message  # noqa: E402
from mailflow.core.understanding.intents import understand  # noqa: E402
from mailflow.core.values import ParsedMessage  # noqa: E402
from tests.unit.test_corpus import ALIASES, CASES, DOMAIN, OWN, network_state  # noqa: E402


def _understand(raw: bytes) -> tuple[ParsedMessage, str]:
    msg = parse_message(raw, own_address=OWN)
    if msg.robot is not None:
        return msg, "robot"
    state = network_state()
    orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
    return msg, understand(msg, state, orgs, own_address=OWN, network_domain=DOMAIN).kind


def corpus(rounds: int) -> None:
    raws = [(p, p.read_bytes()) for p in CASES]
    kinds: Counter[str] = Counter()
    right = 0
    for path, raw in raws:
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        _, kind = _understand(raw)
        kinds[kind] += 1
        right += kind == (expected.get("intent") or "robot")
    print(f"corpus: {len(raws)} files, {right} understood as expected "
          f"({100 * right / len(raws):.1f} %)")
    print("  " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    start = time.perf_counter()
    for _ in range(rounds):
        for _, raw in raws:
            _understand(raw)
    spent = time.perf_counter() - start
    count = rounds * len(raws)
    print(f"parse + understand: {count} messages in {spent:.2f} s, "
          f"{count / spent:,.0f} msg/s, {1000 * spent / count:.2f} ms each")


def _mail(body: str) -> bytes:
    return (
        "From: Anna Aalto <anna.aalto@stadi.test>\r\nTo: verkosto@example.org\r\n"
        "Subject: Osallistujat\r\nMessage-ID: <b@stadi.test>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body
    ).encode()


def worst_cases(sizes: list[int]) -> None:
    print(f"{'body':<44}{'n':>8}{'ms':>10}{'kind':>12}{'people':>8}")
    makers: dict[str, Callable[[int], str]] = {
        "coordinator list of n people": lambda n: "Ilmoitan seuraavat henkilöt:\n\n" + "".join(
            f"Etu{i} Suku{i}, opettaja, etu{i}.suku{i}@stadi.test\n" for i in range(n)),
        "one line of n ', ' cells": lambda n: "Ilmoittaudun: " + ", ".join(["Aa Bb"] * n),
        "n 'sitoudumme' without a full stop": lambda n: "sitoudumme " * n,
        "n 'jos sitoudumme?' sentences": lambda n: "Jos sitoudumme?\n" * n,
        "n '| ' table cells in one row": lambda n: "Nimi | Sähköposti\n" + "| x " * n,
    }
    for label, make in makers.items():
        for n in sizes:
            raw = _mail(make(n))
            start = time.perf_counter()
            msg = parse_message(raw, own_address=OWN)
            state = network_state()
            orgs = OrgDirectory.from_settings(ALIASES, state.organisations)
            intent = understand(msg, state, orgs, own_address=OWN, network_domain=DOMAIN)
            ms = 1000 * (time.perf_counter() - start)
            print(f"{label:<44}{n:>8}{ms:>10.1f}{intent.kind:>12}{len(intent.people):>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--sizes", default="100,1000")
    args = parser.parse_args()
    corpus(args.rounds)
    worst_cases([int(s) for s in args.sizes.split(",")])


if __name__ == "__main__":
    main()
