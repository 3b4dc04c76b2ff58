"""``mailflow costs DAY [--csv]``: how a follow-up day's costs are shared between the
organisations, as a table or as the CSV for Finnish Excel the cost summary mail carries."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from mailflow.cli.common import Subcommands, day_of, labels_of, settings_of, table
from mailflow.core.errors import EXIT_OK
from mailflow.core.schedule.costs import (
    CENT,
    attendee_counts,
    cost_csv,
    money_text,
    participating_organisations,
    split_costs,
)
from mailflow.core.writing.formatting import format_day
from mailflow.run.bootstrap import open_store
from mailflow.run.tick import load_state

__all__ = ["add_costs"]


def cmd_costs(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
    day = day_of(state, args.day)
    total = Decimal("0.00") if day.sponsor else day.price.quantize(CENT)  # as the mail does
    orgs = participating_organisations(day, state, settings.network.cost_split)
    shares = split_costs(total, orgs, attendee_counts(day, state))
    if args.csv:
        sys.stdout.buffer.write(cost_csv(day, shares, settings.network.language))
        return EXIT_OK
    labels = labels_of(settings)
    print(f"{day.id} {format_day(day, 'fi')}, {day.place}")
    if day.sponsor:
        print(labels.costs_sponsored.format(sponsor=day.sponsor))
    for item in day.cost_items:
        print(f"  {item.label}: {money_text(item.amount)}")
    print("  " + labels.costs_total.format(total=money_text(total), count=len(shares),
                                           split=settings.network.cost_split))
    print(table(labels.costs_columns, [(s.org_name, s.attendees, s.amount_text) for s in shares]))
    return EXIT_OK


def add_costs(sub: Subcommands) -> None:
    """``mailflow costs``."""
    p = sub.add_parser("costs", help="how a day's costs are shared")
    p.add_argument("day")
    p.add_argument("--csv", action="store_true", help="the CSV for Finnish Excel")
    p.set_defaults(func=cmd_costs)
