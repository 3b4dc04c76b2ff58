"""A small chaos run (bench/chaos.py): kills, Dovecot restarts and SMTP faults, then quiet.

The bench prints the figures for 200 rounds; this runs 30 and asserts the invariants a
user relies on: every message handled exactly once and recorded once, every mail marked
sent received (copies only right after a killed tick), nothing refused for good retried,
and the store agreeing with the mailbox.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.dovecot]

BENCH = Path(__file__).resolve().parents[2] / "bench" / "chaos.py"


def _chaos_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_chaos", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.usefixtures("dovecot_factory")  # skips (or fails under CI) without Dovecot
def test_a_chaos_run_keeps_every_invariant(tmp_path: Path) -> None:
    chaos = _chaos_module()
    figures = chaos.Chaos(rounds=30, seed=7, workdir=tmp_path).run()
    chaos.print_table(figures)
    assert figures["ticks killed"] >= 1, "the run must actually kill some ticks"
    assert figures["messages appended"] >= 30
    assert figures["left in INBOX"] == 0
    assert figures["in processed+attention"] == figures["messages appended"]
    assert figures["copies in folders beyond one"] == 0
    assert figures["recorded (ProcessedMessage)"] == figures["in processed+attention"]
    assert figures["in folders not recorded"] == figures["recorded not in folders"] == 0
    assert figures["pending left"] == 0
    assert figures["sent"] >= 1
    assert figures["sent but not received"] == 0
    assert figures["received but unknown"] == 0
    assert figures["duplicates outside a kill window"] == 0
    assert figures["offered again after a 550"] == 0
    assert figures["of them not failed"] == 0
    assert figures["ok"] is True
