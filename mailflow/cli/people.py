"""``mailflow people`` and ``mailflow orgs``: who is coming, and each organisation's
places, waitlist, role coverage and commitment. Tables on a terminal, CSV with ``--csv``."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any

from mailflow.cli.common import Subcommands, labels_of, print_csv, settings_of, table
from mailflow.core.commands.reports import people_rows
from mailflow.core.errors import EXIT_OK
from mailflow.core.languages.labels import Labels
from mailflow.core.model import Organisation, OutgoingMail
from mailflow.core.values import NetworkState
from mailflow.core.writing.formatting import role_label
from mailflow.run.bootstrap import open_store
from mailflow.run.tick import load_state

__all__ = ["add_orgs", "add_people"]

#: The roles whose coverage ``orgs`` shows, in this order.
_COVERED_ROLES = ("management", "supervisor", "staff")
#: how much of the server's answer the "mail" cell shows
_ERROR_CHARS = 60
_REPLY_CODE = re.compile(r"\b[45]\d\d\b")


def cmd_people(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
        refused = _refused(store.all(OutgoingMail))
    labels = labels_of(settings)
    rows = people_rows(state, args.org, settings.network.language, refused)
    _show(labels.people_columns, rows, args.csv, labels.no_people)
    return EXIT_OK


def _refused(outbox: list[OutgoingMail]) -> dict[str, str]:
    """Address -> why its latest mail that was sent or refused for good was refused
    (addresses whose latest such mail went through are left out)."""
    latest: dict[str, OutgoingMail] = {}
    for mail in sorted(outbox, key=lambda m: m.created_at):
        if mail.status in ("sent", "failed"):
            latest[mail.to] = mail
    return {to: _server_answer(m.last_error) for to, m in latest.items() if m.status == "failed"}


def _server_answer(error: str) -> str:
    """The error from its SMTP reply code on ("550 5.1.1 No such user"), on one line."""
    found = _REPLY_CODE.search(error)
    return " ".join(error[found.start() if found else 0:].split())[:_ERROR_CHARS]


def cmd_orgs(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        state = load_state(store)
    labels = labels_of(settings)
    cap = settings.network.max_per_org
    rows = [_org_row(org, state, cap, labels)
            for org in sorted(state.organisations.values(), key=lambda o: o.name.lower())]
    _show(labels.orgs_columns, rows, args.csv, labels.no_orgs)
    return EXIT_OK


def _org_row(org: Organisation, state: NetworkState, cap: int,
             labels: Labels) -> tuple[Any, ...]:
    members = [p for p in state.people.values() if p.org == org.key]
    registered = [p for p in members if p.status == "registered"]
    roles = {p.role for p in registered}
    coverage = " ".join(
        ("+" if role in roles else "-") + role_label(role, "en") for role in _COVERED_ROLES
    )
    return (org.name, f"{len(registered)}/{cap}",
            sum(1 for p in members if p.status == "waitlisted"), coverage,
            labels.yes if org.committed else labels.no)


def _show(headers: Sequence[str], rows: Sequence[Sequence[Any]], as_csv: bool,
          empty: str) -> None:
    if as_csv:
        print_csv(headers, rows)
    else:
        print(table(headers, rows) if rows else empty)


def add_people(sub: Subcommands) -> None:
    """``mailflow people``."""
    p = sub.add_parser("people", help="everyone known, by organisation")
    p.add_argument("--org", help="only this organisation (key or name)")
    p.add_argument("--csv", action="store_true")
    p.set_defaults(func=cmd_people)


def add_orgs(sub: Subcommands) -> None:
    """``mailflow orgs``."""
    p = sub.add_parser("orgs", help="organisations: places, waitlist, role coverage, commitment")
    p.add_argument("--csv", action="store_true")
    p.set_defaults(func=cmd_orgs)
