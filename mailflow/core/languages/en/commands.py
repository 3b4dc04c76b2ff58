"""The facilitator's command words in English: verb (:data:`mailflow.core.commands.VERBS`)
-> the words that name it; the first is the one shown in help and in the digest's links."""

from __future__ import annotations

__all__ = ["COMMANDS"]

COMMANDS: dict[str, tuple[str, ...]] = {
    "help": ("HELP",),
    "days": ("DAYS",),
    "people": ("PEOPLE", "PARTICIPANTS"),
    "costs": ("COSTS",),
    "announce": ("ANNOUNCE", "ANNOUNCEMENT"),
    "invite": ("INVITE",),
    "handled": ("HANDLED", "DONE"),
    "offer": ("OFFER",),
    "retry": ("RETRY",),
    "remove": ("REMOVE",),
    "cancel_day": ("CANCEL",),
}
