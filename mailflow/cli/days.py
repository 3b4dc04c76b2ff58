"""``mailflow days add|change|cancel|list``: the network days.

A change the attendees see (date, times, place, title) or a cancellation raises the
day's sequence, so the next tick sends everyone registered the update, once.
"""

from __future__ import annotations

import argparse
from datetime import date, time
from decimal import Decimal, InvalidOperation
from typing import Any

from mailflow.cli.common import Subcommands, day_of, labels_of, settings_of, table
from mailflow.config.loader import Settings
from mailflow.core.errors import EXIT_OK, UsageError
from mailflow.core.model import CostItem, NetworkDay
from mailflow.core.schedule.costs import money_text
from mailflow.core.values import NetworkState
from mailflow.core.writing.formatting import format_day
from mailflow.run.bootstrap import open_store
from mailflow.run.tick import load_state

__all__ = ["add_days"]

#: The fields of a day its attendees see: changing one sends them the update.
_ATTENDEE_FACING = {"date", "start", "end", "place", "title"}


def cmd_days(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
        if args.action == "list":
            print(_day_list(state, settings))
            return EXIT_OK
        if not args.id:
            raise UsageError(f"days {args.action} needs the day's id, e.g. 2026-12-09")
        if args.action == "add":
            day, message = _added(state, args)
        elif args.action == "cancel":
            day, message = _cancelled(day_of(state, args.id))
        else:
            day, message = _changed(day_of(state, args.id), args)
        store.put(day)
        store.commit()
    print(message)
    return EXIT_OK


def _day_list(state: NetworkState, settings: Settings) -> str:
    labels = labels_of(settings)
    rows = [
        (d.id, format_day(d, settings.network.language), d.place,
         labels.day_cancelled if d.cancelled else (labels.day_follow_up if d.follow_up else ""),
         d.sponsor or (money_text(d.price) if d.cost_items else ""),
         sum(1 for r in state.rsvps.values() if r.day_id == d.id and r.answer == "yes"))
        for d in sorted(state.days.values(), key=lambda d: (d.date, d.start))
    ]
    return table(labels.days_columns, rows)


def _added(state: NetworkState, args: argparse.Namespace) -> tuple[NetworkDay, str]:
    if args.id in state.days:
        raise UsageError(f"network day {args.id!r} exists; use `days change`")
    if not (args.date and args.start and args.end and args.place):
        raise UsageError("days add needs --date, --start, --end and --place")
    day = NetworkDay(
        id=args.id, date=_parse_date(args.date), start=_parse_time(args.start),
        end=_parse_time(args.end), place=args.place, title=args.title or "",
        sponsor=args.sponsor or "", cost_items=_parse_costs(args.cost),
        follow_up=args.follow_up,
    )
    _check_times(day)
    return day, f"added {day.id}: {format_day(day, 'fi')}, {day.place}"


def _cancelled(day: NetworkDay) -> tuple[NetworkDay, str]:
    if day.cancelled:
        raise UsageError(f"network day {day.id!r} is already cancelled")
    return (day.replace(cancelled=True, sequence=day.sequence + 1),
            f"cancelled {day.id}; the cancellation goes to everyone registered")


def _changed(day: NetworkDay, args: argparse.Namespace) -> tuple[NetworkDay, str]:
    changes = _changes(args)
    if not changes:
        raise UsageError("days change: nothing to change (give --date, --place ...)")
    attendee_facing = bool(_ATTENDEE_FACING & changes.keys())
    day = day.replace(**changes, sequence=day.sequence + (1 if attendee_facing else 0))
    _check_times(day)
    return day, f"changed {day.id}: {', '.join(sorted(changes))}" + (
        "; the update goes to everyone registered" if attendee_facing else "")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields ``days change`` was given, parsed."""
    changes: dict[str, Any] = {}
    if args.date:
        changes["date"] = _parse_date(args.date)
    if args.start:
        changes["start"] = _parse_time(args.start)
    if args.end:
        changes["end"] = _parse_time(args.end)
    for name in ("place", "title", "sponsor"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.cost is not None:
        changes["cost_items"] = _parse_costs(args.cost)
    return changes


def _check_times(day: NetworkDay) -> None:
    if day.end <= day.start:
        raise UsageError(f"network day {day.id!r} would end ({day.end:%H:%M}) before it "
                         f"starts ({day.start:%H:%M})")


def _parse_costs(values: list[str] | None) -> tuple[CostItem, ...]:
    items = []
    for value in values or []:
        label, _, amount = value.rpartition("=")
        try:
            items.append(CostItem(label=label.strip(), amount=Decimal(amount.replace(",", "."))))
        except InvalidOperation:
            raise UsageError(f"--cost: expected LABEL=EUROS such as 'Catering=450,50', "
                             f"got {value!r}") from None
        if not label.strip():
            raise UsageError(f"--cost: the item needs a label: {value!r}")
    return tuple(items)


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _parse_time(value: str) -> time:
    """``10``, ``9:30``, ``9.30`` (the Finnish way) or ``09:30``."""
    hours, _, minutes = value.strip().replace(".", ":").partition(":")
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        raise UsageError(f"expected a time as HH:MM, got {value!r}") from None


def add_days(sub: Subcommands) -> None:
    """``mailflow days``."""
    p = sub.add_parser("days", help="network days: add, change, cancel, list")
    p.add_argument("action", choices=("add", "change", "cancel", "list"))
    p.add_argument("id", nargs="?", default="", help="the day's id, e.g. 2026-12-09")
    p.add_argument("--date", help="YYYY-MM-DD")
    p.add_argument("--start", help="HH:MM local time")
    p.add_argument("--end", help="HH:MM local time")
    p.add_argument("--place")
    p.add_argument("--title")
    p.add_argument("--sponsor", help="who pays (then nothing is shared)")
    p.add_argument("--cost", action="append", metavar="LABEL=EUROS",
                   help="a cost item to share, e.g. 'Asiantuntijapalkkio=1200' (repeatable)")
    p.add_argument("--follow-up", action="store_true", help="a follow-up day (costs shared)")
    p.set_defaults(func=cmd_days)
