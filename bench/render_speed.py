"""Rendering and file-outbox speed: per-mail times, and what they are in a whole intake pass.

1. ``Renderer.render`` per mail (best of --repeat runs of --number renders) for a sign-up
   confirmation, a day reminder with its calendar part (+ invite.ics) and the facilitator's
   digest of a realistic network (tests.factories.sample_network).
2. ``FileOutbox.send`` per mail into a temporary folder: as it runs (file and folder
   fsynced), and with ``os.fsync`` stubbed out to show what the durability costs.
3. One ``run_tick`` on --intake sign-ups delivered into a local Maildir with a file outbox
   (as /tmp-style profiling scripts do, but unprofiled): the pass's msg/s, and the seconds
   spent inside ``Renderer.render`` and ``FileOutbox.send``.

Figures, not pass/fail.  Usage: python bench/render_speed.py [--number 300] [--intake 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _timing import timed

from mailflow.adapters.fileoutbox import FileOutbox
from mailflow.config.loader import NetworkSettings, load_settings
from mailflow.config.resources import templates_dir
from mailflow.core.model import Organisation, Person
from mailflow.core.schedule.due import ScheduleRules, due_mails
from mailflow.core.values import MailRequest
from mailflow.core.writing.render import Renderer
from mailflow.run.bootstrap import build_services
from mailflow.run.tick import run_tick
from tests.factories import (
    FACILITATOR,
    NETWORK,
    NETWORK_NAME,
    TZ,
    sample_network,
    write_maildir_config,
)
from tests.mailgen import deliver, signup


def best_ms(action: Callable[[], Any], number: int, repeat: int) -> float:
    """The best of ``repeat`` runs, in milliseconds per call."""
    action()
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            action()
        best = min(best, (time.perf_counter() - started) / number)
    return best * 1000


def render_figures(number: int, repeat: int) -> None:
    sample = sample_network()
    state, now = sample.state, sample.now
    network = NetworkSettings(name=NETWORK_NAME, address=NETWORK, facilitator=FACILITATOR)
    renderer = Renderer(templates_dir(), network, TZ)
    person = Person("maija.makinen@omnia.test", "Maija Mäkinen", "omnia", role="management",
                    diet="gluteeniton")
    day = next(iter(state.days.values()))
    confirmation = MailRequest(
        key="signup:maija.makinen@omnia.test", to=person.address, to_name=person.name,
        template="signup_confirmation", in_reply_to="<signup-1@omnia.test>",
        context={"person": person, "organisation": Organisation("omnia", "Omnia"),
                 "days": [day]},
    )
    reminder = MailRequest(
        key=f"reminder:{day.id}:{person.address}", to=person.address, to_name=person.name,
        template="day_reminder", calendar="request", day=day.id, auto="auto-generated",
        context={"person": person, "day": day, "days_before": 7},
    )
    rules = ScheduleRules(facilitator=FACILITATOR, tz=TZ, language="fi")
    (digest,) = [m for m in due_mails(state, now, rules, last_digest_at=sample.last_digest_at,
                                      failed_mails=sample.failed_mails)
                 if m.template == "digest"]
    print(f"Renderer.render, ms per mail (best of {repeat} x {number}):")
    for label, request, its_day in (
        ("sign-up confirmation", confirmation, None),
        ("day reminder + calendar", reminder, day),
        ("facilitator's digest", digest, None),
    ):
        size = len(renderer.render(request, now=now, day=its_day).raw)
        n = max(1, number // 10) if request is digest else number
        ms = best_ms(partial(renderer.render, request, now=now, day=its_day), n, repeat)
        print(f"  {label:26s} {ms:7.3f} ms  ({size} bytes)")
    raw = renderer.render(confirmation, now=now).raw
    with tempfile.TemporaryDirectory() as folder:
        outbox = FileOutbox(Path(folder))

        def send() -> None:
            outbox.send(raw, NETWORK, [person.address])

        synced = best_ms(send, number, repeat)
        with mock.patch("os.fsync"):
            unsynced = best_ms(send, number, repeat)
    print("FileOutbox.send, ms per mail (same Message-ID: replaces its file):")
    print(f"  with fsync of file and folder {synced:7.3f} ms")
    print(f"  fsync stubbed out             {unsynced:7.3f} ms")


def intake_figures(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        config = write_maildir_config(root)
        deliver(str(root / "mail"), [signup(n, padding=2000) for n in range(count)])
        services = build_services(load_settings(config))
        now = datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Helsinki"))
        totals: dict[str, float] = {}
        started = time.perf_counter()
        with timed(Renderer, "render", totals), timed(FileOutbox, "send", totals):
            report = run_tick(services, now)
        elapsed = time.perf_counter() - started
    render_s, send_s = totals.get("render", 0.0), totals.get("send", 0.0)
    print(f"run_tick on {count} sign-ups (Maildir in, file outbox out): {elapsed:.2f} s, "
          f"{count / elapsed:.0f} msg/s; {len(report.handled)} handled, "
          f"{len(report.sent)} sent")
    print(f"  inside Renderer.render {render_s:6.2f} s ({render_s / count * 1000:.2f} ms/mail), "
          f"FileOutbox.send {send_s:6.2f} s ({send_s / count * 1000:.2f} ms/mail); "
          f"the rest {(elapsed - render_s - send_s) / count * 1000:.2f} ms/mail")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--number", type=int, default=300, help="renders per timing run")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (the best counts)")
    parser.add_argument("--intake", type=int, default=2000, help="sign-ups in the pass (0: skip)")
    args = parser.parse_args()
    render_figures(args.number, args.repeat)
    if args.intake:
        intake_figures(args.intake)
    return 0


if __name__ == "__main__":
    sys.exit(main())
