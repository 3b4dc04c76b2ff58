"""A process that commits store generations as fast as it can, until it is killed.

Generation g: 60 people all named "gen<g>", the meta value "generation" = g, and
g * 10 handled-message records; each generation is one commit (a journal line), and
every 4th is also a checkpoint (the journal folded into the main file, which rewrites
the file). Used by test_store_kill.py.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from mailflow.adapters.store import Store
from mailflow.core.model import Person, ProcessedMessage

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def main(path: str) -> None:
    store = Store(path, lock_timeout=30)
    generation = int(store.meta("generation", 0))
    print("ready", flush=True)
    while True:
        generation += 1
        store.put_many(Person(address=f"p{n}@omnia.test", name=f"gen{generation}", org="omnia")
                       for n in range(60))
        store.put_many(
            ProcessedMessage(key=f"<g{generation}.{n}@omnia.test>", received_at=NOW,
                             handled_at=NOW, sender="p1@omnia.test", outcome="handled")
            for n in range(10)
        )
        store.set_meta("generation", generation)
        store.commit()
        if generation % 4 == 0:
            store.checkpoint()


if __name__ == "__main__":
    main(sys.argv[1])
