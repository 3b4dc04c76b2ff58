"""Applying a Decision to a NetworkState: pure, returns a new state."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    NetworkDay,
    Organisation,
    PendingAction,
    Person,
    Rsvp,
    normalise_address,
)
from mailflow.core.tables import GONE, PeopleTable, Table
from mailflow.core.values import Decision, NetworkState

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
        organisations=Table({o.key: o for o in orgs}, owned=True),
        people=PeopleTable({p.address: p for p in people}, owned=True),
        days=Table({d.id: d for d in days}, owned=True),
        rsvps=Table({(r.day_id, r.address): r for r in rsvps}, owned=True),
        interest=Table({i.address: i for i in interest}, owned=True),
        attention=Table({a.id: a for a in attention}, owned=True),
        pending=Table({p.token: p for p in pending}, owned=True),
    )


_TABLE_OF: dict[type, tuple[str, Callable[[Any], Any]]] = {
    Organisation: ("organisations", lambda r: r.key),
    Person: ("people", lambda r: r.address),
    NetworkDay: ("days", lambda r: r.id),
    Rsvp: ("rsvps", lambda r: (r.day_id, r.address)),
    InterestSubscription: ("interest", lambda r: r.address),
    AttentionItem: ("attention", lambda r: r.id),
    PendingAction: ("pending", lambda r: r.token),
}


def apply_decision(state: NetworkState, decision: Decision) -> NetworkState:
    """A new state: ``decision.records`` upserted by key, ``decision.forget`` erased.

    Records that are not part of a NetworkState (e.g. ProcessedMessage) are left to the
    shell and ignored here. ``state`` is left as it was; the cost is that of the records
    (and, for a forgotten address, of the tables that may mention it), not of the state.
    """
    changes: dict[str, dict[Any, Any]] = {}
    for record in decision.records:
        where = _TABLE_OF.get(type(record))
        if where is not None:
            changes.setdefault(where[0], {})[where[1](record)] = record
    for address in {normalise_address(a) for a in decision.forget}:
        _forget(state, address, changes)
    if not changes:
        return state
    tables = {
        name: _table(state, name).updated(changed) for name, changed in changes.items()
    }
    return NetworkState(**{name: _table(state, name) for name in _TABLES} | tables)


_TABLES = ("organisations", "people", "days", "rsvps", "interest", "attention", "pending")


def _table(state: NetworkState, name: str) -> Table[Any, Any]:
    table = getattr(state, name)
    assert isinstance(table, Table)
    return table


def _forget(state: NetworkState, address: str, changes: dict[str, dict[Any, Any]]) -> None:
    """Mark everything about ``address`` GONE in ``changes`` (over the changes so far)."""
    def view(name: str) -> dict[Any, Any]:
        return {**getattr(state, name), **changes.get(name, {})}

    def gone(name: str, keys: Iterable[Any]) -> None:
        changes.setdefault(name, {}).update(dict.fromkeys(keys, GONE))

    gone("people", [address] if address in view("people") else [])
    gone("interest", [address] if address in view("interest") else [])
    gone("rsvps", [k for k, r in view("rsvps").items()
                   if r is not GONE and normalise_address(r.address) == address])
    gone("attention", [k for k, a in view("attention").items()
                       if a is not GONE and normalise_address(a.sender) == address])
    gone("pending", [k for k, p in view("pending").items()
                     if p is not GONE and _mentions(p, address)])


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
