"""What a facilitator's command costs: reading it and deciding it, and rendering her answer.

On the sample network (12 organisations, 45 people, two days, four attention items; the
builder is ``tests.factories.sample_network``), each command as she would write it is read
and decided (``core.commands.route.decide_facilitator``) and her answer rendered with its
CSV, --repeat times; the table gives the median per command in milliseconds. A pass
imports ``core.commands`` only at the first mail from a facilitator; the import's cost is
printed once. Figures, not pass/fail.

    .venv/bin/python bench/commands.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailflow.config.resources import templates_dir
from mailflow.core.rules.work import Rules
from mailflow.core.settings import NetworkSettings
from mailflow.core.values import ParsedMessage
from mailflow.core.writing.render import Renderer
from tests.factories import FACILITATOR, NETWORK, TZ, sample_network

COMMANDS = ("APUA", "PÄIVÄT", "OSALLISTUJAT", "OSALLISTUJAT Omnia", "KUSTANNUKSET 20.1.",
            "TIEDOTE Joulu\n\nTervetuloa!", "KÄSITELTY #aaaaaa", "PERU 9.12.", "tuntematon")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    from mailflow.core.commands.route import decide_facilitator
    from mailflow.core.commands.session import CommandRules

    print(f"import core.commands: {(time.perf_counter() - started) * 1000:.1f} ms")
    sample = sample_network()
    rules = CommandRules(rules=Rules(max_per_org=4, network_address=NETWORK,
                                     facilitator=FACILITATOR, secret="x" * 64),
                         facilitators=(FACILITATOR,))
    renderer = Renderer(templates_dir(), NetworkSettings(NETWORK, FACILITATOR), TZ)
    print(f"{'command':<28} {'decide ms':>10} {'render ms':>10}")
    for line in COMMANDS:
        subject, _, body = line.partition("\n\n")
        parsed = ParsedMessage(message_id="c@example.org", key="c@example.org",
                               from_addr=FACILITATOR, to=(NETWORK,), subject=subject,
                               text=body, new_text=body, authenticated=True)
        decide, render = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            decision = decide_facilitator(parsed, sample.state, sample.now, rules)
            middle = time.perf_counter()
            for request in decision.mails:
                renderer.render(request, now=sample.now)
            decide.append(middle - start)
            render.append(time.perf_counter() - middle)
        print(f"{line.splitlines()[0]:<28} {statistics.median(decide) * 1000:>10.3f} "
              f"{statistics.median(render) * 1000:>10.3f}")


if __name__ == "__main__":
    main()
