"""What a meeting from the facilitator's calendar costs: reading it, deciding on it, and
rendering her answer with its iTIP REPLY, per fixture in tests/data/meetings/.

"calendar part" is ``read_calendar`` of the text/calendar bytes alone (icalendar's parse,
the reply fields and the whole event); "whole mail" is ``parse_message`` (MIME, text,
quotes, robots and that calendar part); "decide" is ``decide_meeting`` on a new meeting
(costs read from the description); "render" is her answer with its REPLY part. Best of
--repeat runs of --number calls each; figures, not pass/fail.

Usage: python bench/meetings.py [--number 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from email import message_from_bytes
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mailflow.config.resources import templates_dir
from mailflow.core.commands.meetings import MeetingRules, decide_meeting
from mailflow.core.reading.calendar import read_calendar
from mailflow.core.reading.parse import parse_message
from mailflow.core.settings import NetworkSettings
from mailflow.core.state import apply_decision
from mailflow.core.values import NetworkState
from mailflow.core.writing.render import Renderer

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "meetings"
NETWORK = "verkosto@example.org"
TZ = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
FIXTURES = ("outlook_desktop_request.eml", "outlook_web_request.eml", "google_request.eml")


def best_ms(call: Callable[[], object], number: int, repeat: int) -> float:
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number * 1000


def calendar_bytes(raw: bytes) -> bytes:
    for part in message_from_bytes(raw).walk():
        if part.get_content_type() == "text/calendar":
            data = part.get_payload(decode=True)
            assert isinstance(data, bytes)
            return data
    raise SystemExit("no text/calendar part")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--number", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rules = MeetingRules(network_address=NETWORK, tz=TZ, language="fi")
    renderer = Renderer(templates_dir(), NetworkSettings(address=NETWORK,
                                                         facilitator="vetaja@example.org"), TZ)
    print(f"{'fixture':30} {'calendar part':>13} {'whole mail':>10} {'decide':>8} {'render':>8}")
    for name in FIXTURES:
        times = _row((DATA / name).read_bytes(), rules, renderer, args.number, args.repeat)
        print(f"{name:30} {times[0]:10.3f} ms {times[1]:7.3f} ms {times[2]:5.3f} ms "
              f"{times[3]:5.3f} ms")


def _row(raw: bytes, rules: MeetingRules, renderer: Renderer, number: int, repeat: int,
         ) -> tuple[float, ...]:
    data = calendar_bytes(raw)
    message = parse_message(raw, own_address=NETWORK)
    event = message.event
    assert event is not None
    decision = decide_meeting(event, message, NetworkState(), NOW, rules)
    state = apply_decision(NetworkState(), decision)
    [request] = decision.mails
    day = state.days[request.day]
    return (
        best_ms(lambda: read_calendar(data), number, repeat),
        best_ms(lambda: parse_message(raw, own_address=NETWORK), number, repeat),
        best_ms(lambda: decide_meeting(event, message, NetworkState(), NOW, rules), number,
                repeat),
        best_ms(lambda: renderer.render(request, now=NOW, day=day), number, repeat),
    )

if __name__ == "__main__":
    main()
