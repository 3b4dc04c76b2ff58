"""``mailflow export ADDRESS`` and ``mailflow forget ADDRESS``: everything stored about a
person, and erasing it everywhere (the store, and their kept messages in the mailbox)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from mailflow.adapters.store import Store
from mailflow.cli.common import Subcommands, settings_of
from mailflow.core.errors import EXIT_OK
from mailflow.core.model import (
    AttentionItem,
    InterestSubscription,
    OutgoingMail,
    Person,
    Rsvp,
    normalise_address,
)
from mailflow.run.bootstrap import build_services, open_store
from mailflow.run.tick import erase_person

__all__ = ["add_export", "add_forget", "person_data"]


def person_data(store: Store, address: str) -> dict[str, Any]:
    """Everything the store holds about one address, as JSON-safe data."""
    address = normalise_address(address)
    person = store.get(Person, address)
    interest = store.get(InterestSubscription, address)
    return {
        "address": address,
        "person": person.to_doc() if person else None,
        "rsvps": [r.to_doc() for r in store.all(Rsvp) if r.address == address],
        "interest_list": interest.to_doc() if interest else None,
        "attention": [a.to_doc() for a in store.all(AttentionItem) if a.sender == address],
        "mail_sent_to": [
            {"key": m.key, "subject": m.subject, "status": m.status,
             "sent_at": m.sent_at.isoformat() if m.sent_at else None}
            for m in store.all(OutgoingMail) if m.to == address
        ],
    }


def cmd_export(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        data = person_data(store, args.address)
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    address = normalise_address(args.address)
    services = build_services(settings)
    with open_store(settings) as store:
        erased = erase_person(store, address)
        store.commit()
    mailbox = services.open_mailbox()
    try:
        kept = mailbox.erase_from(address)
    finally:
        mailbox.close()
    parts = ", ".join(f"{n} {table}" for table, n in erased.items() if n)
    print(f"forgot {address}: {parts or 'nothing in the store'}; "
          f"{kept} kept message(s) deleted from the mailbox")
    return EXIT_OK


def add_export(sub: Subcommands) -> None:
    """``mailflow export``."""
    p = sub.add_parser("export", help="everything stored about one address, as JSON")
    p.add_argument("address")
    p.set_defaults(func=cmd_export)


def add_forget(sub: Subcommands) -> None:
    """``mailflow forget``."""
    p = sub.add_parser("forget", help="erase one address everywhere, kept messages included")
    p.add_argument("address")
    p.set_defaults(func=cmd_forget)
