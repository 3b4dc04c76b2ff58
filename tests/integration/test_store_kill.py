"""SIGKILL a process writing the store at random moments: it always opens as one whole commit."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailflow.adapters.store import Store
from mailflow.core.model import Person, ProcessedMessage

WRITER = Path(__file__).with_name("store_writer.py")
ROUNDS = int(os.environ.get("MAILFLOW_KILL_ROUNDS", "200"))


@pytest.mark.slow
def test_the_store_survives_200_kills_mid_write(tmp_path: Path) -> None:
    path = tmp_path / "mailflow.json"
    rng = random.Random(20261127)
    generations_seen = []
    cut_mid_write = 0  # kills that fell mid-append (a torn journal line) or mid-compaction
    for _ in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)], stdout=subprocess.PIPE, text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.05))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        journal = path.with_name(path.name + ".journal")
        torn = journal.exists() and not journal.read_bytes().endswith(b"\n")
        if torn or any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            cut_mid_write += 1

        with Store(path, lock_timeout=5) as store:  # loads: never half-written
            generation = int(store.meta("generation", 0))
            names = {p.name for p in store.all(Person)}
            messages = store.count(ProcessedMessage)
        # exactly the state after some whole commit: nothing of a later one
        if generation:
            assert names == {f"gen{generation}"}
        assert messages == generation * 10
        generations_seen.append(generation)
        # opening under the lock swept the temp file of a cut compaction, cut a torn line
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert not journal.exists() or journal.read_bytes().endswith(b"\n")

    # the kills fell at different moments, and the writers made progress between them
    assert len(set(generations_seen)) > ROUNDS // 2
    assert generations_seen == sorted(generations_seen)
    assert cut_mid_write > 0
    print(f"\n{ROUNDS} kills, {cut_mid_write} of them mid-write, "
          f"{generations_seen[-1]} commits in all, every one whole")
