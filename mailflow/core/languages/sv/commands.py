"""The facilitator's command words in Swedish: verb (:data:`mailflow.core.commands.VERBS`)
-> the words that name it; the first is the one shown in help and in the digest's links."""

from __future__ import annotations

__all__ = ["COMMANDS"]

COMMANDS: dict[str, tuple[str, ...]] = {
    "help": ("HJÄLP",),
    "days": ("DAGAR",),
    "people": ("DELTAGARE",),
    "costs": ("KOSTNADER",),
    "announce": ("MEDDELANDE",),
    "invite": ("BJUD IN", "INBJUD"),
    "handled": ("KLART", "HANTERAD"),
    "offer": ("ERBJUD",),
    "retry": ("FÖRSÖK IGEN",),
    "remove": ("TA BORT",),
    "cancel_day": ("STÄLL IN",),
}
