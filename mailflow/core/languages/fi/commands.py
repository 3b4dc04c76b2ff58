"""The facilitator's command words in Finnish: verb (:data:`mailflow.core.commands.VERBS`)
-> the words that name it; the first is the one shown in help and in the digest's links."""

from __future__ import annotations

__all__ = ["COMMANDS"]

COMMANDS: dict[str, tuple[str, ...]] = {
    "help": ("APUA", "OHJE", "OHJEET"),
    "days": ("PÄIVÄT",),
    "people": ("OSALLISTUJAT", "OSALLISTUJALISTA"),
    "costs": ("KUSTANNUKSET",),
    "announce": ("TIEDOTE",),
    "invite": ("KUTSU",),
    "handled": ("KÄSITELTY",),
    "offer": ("TARJOA",),
    "retry": ("UUDELLEEN",),
    "remove": ("POISTA",),
    "cancel_day": ("PERU",),
}
