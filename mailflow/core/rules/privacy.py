"""Privacy requests: a person's data exported to them, or erased."""

from __future__ import annotations

import json

from mailflow.core.rules.confirming import ask_confirmation
from mailflow.core.rules.places import (
    fill_places,
)
from mailflow.core.rules.work import (
    Work,
)

__all__ = ["export_data", "forget"]


def export_data(w: Work) -> None:
    address = w.sender
    state = w.state
    person = state.people.get(address)
    interest = state.interest.get(address)
    data = {
        "address": address,
        "person": person.to_doc() if person else None,
        "rsvps": [r.to_doc() for r in state.rsvps.values() if r.address == address],
        "interest": interest.to_doc() if interest else None,
        "attention": [a.to_doc() for a in state.attention.values() if a.sender == address],
        "pending_confirmations": [
            p.to_doc() for p in state.pending.values() if p.address == address
        ],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
    w.mail(f"export:{w.intent.answer_to}", address, "data_export",
           {"address": address, "data_json": text})
    w.done.append(f"data of {address} exported to {address}")


def forget(w: Work) -> None:
    address = w.sender
    if ask_confirmation(w, address, w.intent, ""):
        return
    person = w.people.pop(address)
    w.forget.append(address)
    w.mail(f"forget:{w.intent.answer_to}", address, "forget_done", {"address": address})
    w.done.append(f"everything about {address} to be erased")
    if person is not None:
        fill_places(w, person.org)

