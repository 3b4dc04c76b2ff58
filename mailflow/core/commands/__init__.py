"""The facilitator's commands by mail: who may command, what a command says, what it does.

A mail from one of ``network.facilitators`` is never a person's sign-up, RSVP or question:
it is a command (a verb from :data:`VERBS`, written in any registered language; the words
live in each pack's ``Knowledge.commands``), a meeting from her calendar, an answer to a
person (the network's address in Cc or Bcc), or the confirmation of a command that waited
for one. Pure: data in, a decision out. May import the rest of the core.
"""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

__all__ = ["VERBS", "Verb", "item_ref"]

#: What the facilitator can ask for by mail.
Verb = Literal[
    "help",        # what she can write, with examples
    "days",        # the network days
    "people",      # who is coming [organisation]: text and a CSV
    "costs",       # a follow-up day's cost split: text and a CSV
    "announce",    # an announcement (the mail's body) to everyone: preview, then confirm
    "invite",      # a guest <address> to a <day>
    "handled",     # attention item(s) <#ref ...> marked handled
    "offer",       # a waitlisted <address> offered a place
    "retry",       # a bounced <address> tried again
    "remove",      # a person <address> forgotten: preview, then confirm
    "cancel_day",  # a <day> cancelled: preview, then confirm
]
VERBS: tuple[Verb, ...] = get_args(Verb)

_REF_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (i, l, o, 0, 1)


def item_ref(item_id: str) -> str:
    """The short reference of an attention item, as the digest shows it and a command
    quotes it back ("#k3m9qa"): six letters derived from the item's id."""
    number = int.from_bytes(hashlib.sha256(item_id.encode("utf-8")).digest()[:5], "big")
    letters = []
    for _ in range(6):
        number, index = divmod(number, len(_REF_ALPHABET))
        letters.append(_REF_ALPHABET[index])
    return "#" + "".join(letters)
