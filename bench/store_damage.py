"""The store's damage cases and a full disk under a burst of mail: what mailflow says,
and that nothing is reset, lost or done twice.

Damage: a store of 41 people (20 in the main file and its previous generation, 21 in the
journal) is damaged each way in ``tests/store_faults.py``; then ``mailflow tick``,
``mailflow store recover`` and ``mailflow tick`` again run on it (in-process, through
``mailflow.cli.main``). The table shows each command's exit code, whether the tick left
the store's files as they were, and the people the store holds at the end.

Full disk: the store's disk (simulated at the store's OS boundary, ``SmallDisk``) is
filled while 5 people are known and ``--burst`` sign-ups arrive; a pass runs every 10 s
for a minute (each stops at the first commit without room), then room returns and two
passes run. Figures: messages waiting, the journal, its largest line, what was handled,
answered and sent, and duplicates.
Usage: python bench/store_damage.py [--burst 120]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailflow.adapters.store import Store
from mailflow.adapters.store.disk import size_text
from mailflow.cli.common import table
from mailflow.cli.main import main as mailflow
from mailflow.config.loader import load_settings
from mailflow.core.errors import StoreError, StoreFullError
from mailflow.core.model import OutgoingMail, Person, ProcessedMessage
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import Services, run_tick
from tests.factories import write_maildir_config
from tests.mailgen import deliver, signup
from tests.store_faults import DAMAGES, SmallDisk, build_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def run(*argv: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = mailflow(list(argv))
    return code, err.getvalue().strip()


def files_of(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in root.glob("mailflow.json*")
            if not p.name.endswith((".lock", ".reserve"))}


def people_in(path: Path) -> str:
    try:
        with Store(path) as store:
            return f"{store.count(Person)} people"
    except StoreError as exc:
        return f"refused ({type(exc).__name__})"


def damage_case(name: str, root: Path) -> tuple[list[object], str]:
    path = root / "mailflow.json"
    build_store(path, people=41)
    config = str(write_maildir_config(root))
    DAMAGES[name](path)
    before = files_of(root)
    tick, said = run("tick", "--config", config)
    after_tick = "untouched" if files_of(root) == before else people_in(path)
    recover, _ = run("store", "recover", "--config", config)
    again, _ = run("tick", "--config", config)
    return [name, tick, after_tick, recover, again, people_in(path)], said


def damages() -> None:
    rows, said = [], []
    for name in DAMAGES:
        with tempfile.TemporaryDirectory() as tmp:
            row, message = damage_case(name, Path(tmp))
        rows.append(row)
        said.append(f"  {name}: {message.replace(tmp, '$VAR') or '(nothing)'}")
    print("store damage (a store of 41 people): mailflow tick, store recover, tick")
    print(table(("case", "tick exit", "the store after it", "recover exit", "tick exit",
                 "at the end"), rows))
    print("what the first tick said (stderr):")
    print("\n".join(said))


CONFIG = """
[network]
address = "verkosto@example.org"
facilitator = "vetaja@example.org"
[mailbox]
path = "{root}/mail"
handle_since = "2026-01-01T00:00:00+02:00"
batch_size = 20
[outbox]
path = "{root}/outbox"
max_auto_replies_per_day = 1000
[store]
path = "{root}/var/mailflow.json"
"""


def services_on(root: Path, disk: SmallDisk) -> Services:
    config = root / "mailflow.toml"
    config.write_text(CONFIG.format(root=root))
    services = build_services(load_settings(config), pipelined=False)
    return replace(services, open_store=lambda: Store(root / "var" / "mailflow.json",
                                                      disk=disk))


def largest_line(root: Path) -> int:
    journals = [root / "var" / "mailflow.json.journal",
                root / "var" / "mailflow.json.journal.previous"]
    return max((len(line) for j in journals if j.exists()
                for line in j.read_bytes().splitlines(keepends=True)), default=0)


def journal_size(root: Path) -> int:
    journal = root / "var" / "mailflow.json.journal"
    return journal.stat().st_size if journal.exists() else 0


def full_disk(burst: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "var").mkdir()
        disk = SmallDisk(root / "var")
        services = services_on(root, disk)
        deliver(str(root / "mail"), [signup(n) for n in range(5)])
        run_tick(services, NOW)
        disk.fill(leave=250_000)
        deliver(str(root / "mail"), [signup(n) for n in range(5, 5 + burst)])
        rows: list[list[object]] = []
        said = ""
        for second in range(0, 61, 10):
            try:
                run_tick(services, NOW + timedelta(seconds=second))
                outcome = "done"
            except StoreFullError as exc:
                outcome, said = "StoreFullError (exit 1)", str(exc).replace(tmp, "$VAR")
            rows.append([f"+{second} s, disk full", outcome, len(list((root / "mail" / "new")
                         .iterdir())), size_text(journal_size(root)),
                         size_text(largest_line(root))])
        disk.capacity = None
        for minute in (2, 3):
            report = run_tick(services, NOW + timedelta(minutes=minute))
            rows.append([f"+{minute} min, room again",
                         f"handled {len(report.handled)}, sent {len(report.sent)}",
                         len(list((root / "mail" / "new").iterdir())),
                         size_text(journal_size(root)), size_text(largest_line(root))])
        with Store(root / "var" / "mailflow.json") as store:
            handled = store.count(ProcessedMessage)
            mails = store.all(OutgoingMail)
        files = list((root / "outbox").glob("*.eml"))
    print(f"\nfull disk for a minute under a burst of {burst} sign-ups (5 people before)")
    print(table(("pass", "outcome", "waiting in inbox", "journal", "largest journal line"),
                rows))
    print(f"the passes said: {said}")
    print(f"handled {handled} of {burst + 5} messages once each; {len(mails)} answers "
          f"recorded, {sum(m.status == 'sent' for m in mails)} sent, {len(files)} mail files "
          f"written, duplicates {len(files) - len({m.key for m in mails})}")


def cli() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--burst", type=int, default=120)
    args = parser.parse_args()
    damages()
    full_disk(args.burst)
    return 0


if __name__ == "__main__":
    sys.exit(cli())
