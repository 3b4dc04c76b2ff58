"""Applying a Decision to a NetworkState: pure, returns a new state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mailflow.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Rsvp,
    normalise_address,
)
from mailflow.values import Decision, NetworkState

__all__ = ["apply_decision", "state_from_records"]


def state_from_records(
    orgs: Iterable[Organisation],
    people: Iterable[Person],
    days: Iterable[NetworkDay],
    rsvps: Iterable[Rsvp],
    interest: Iterable[InterestSubscription],
    attention: Iterable[AttentionItem],
    pending: Iterable[PendingAction],
) -> NetworkState:
    """A NetworkState holding the given records, each under its key."""
    return NetworkState(
        organisations={o.key: o for o in orgs},
        people={p.address: p for p in people},
        days={d.id: d for d in days},
        rsvps={(r.day_id, r.address): r for r in rsvps},
        interest={i.address: i for i in interest},
        attention={a.id: a for a in attention},
        pending={p.token: p for p in pending},
    )


def apply_decision(state: NetworkState, decision: Decision) -> NetworkState:
    """A new state: ``decision.records`` upserted by key, ``decision.forget`` erased.

    Records that are not part of a NetworkState (e.g. ProcessedMessage) are left to the
    shell and ignored here.
    """
    orgs = dict(state.organisations)
    people = dict(state.people)
    days = dict(state.days)
    rsvps = dict(state.rsvps)
    interest = dict(state.interest)
    attention = dict(state.attention)
    pending = dict(state.pending)
    for record in decision.records:
        _upsert(record, orgs, people, days, rsvps, interest, attention, pending)
    for address in {normalise_address(a) for a in decision.forget}:
        people.pop(address, None)
        interest.pop(address, None)
        rsvps = {k: r for k, r in rsvps.items() if normalise_address(r.address) != address}
        attention = {
            k: a for k, a in attention.items() if normalise_address(a.sender) != address
        }
        pending = {k: p for k, p in pending.items() if not _mentions(p, address)}
    return NetworkState(
        organisations=orgs,
        people=people,
        days=days,
        rsvps=rsvps,
        interest=interest,
        attention=attention,
        pending=pending,
    )


def _upsert(
    record: Any,
    orgs: dict[str, Organisation],
    people: dict[str, Person],
    days: dict[str, NetworkDay],
    rsvps: dict[tuple[str, str], Rsvp],
    interest: dict[str, InterestSubscription],
    attention: dict[str, AttentionItem],
    pending: dict[str, PendingAction],
) -> None:
    if isinstance(record, Organisation):
        orgs[record.key] = record
    elif isinstance(record, Person):
        people[record.address] = record
    elif isinstance(record, NetworkDay):
        days[record.id] = record
    elif isinstance(record, Rsvp):
        rsvps[(record.day_id, record.address)] = record
    elif isinstance(record, InterestSubscription):
        interest[record.address] = record
    elif isinstance(record, AttentionItem):
        attention[record.id] = record
    elif isinstance(record, PendingAction):
        pending[record.token] = record


def _mentions(action: PendingAction, address: str) -> bool:
    """Does the pending action concern ``address`` (as requester or as a person named)?"""
    if normalise_address(action.address) == address:
        return True
    if normalise_address(str(action.intent.get("sender", ""))) == address:
        return True
    people = action.intent.get("people", ())
    return any(
        isinstance(p, dict) and normalise_address(str(p.get("address", ""))) == address
        for p in people
    )
