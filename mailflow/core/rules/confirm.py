"""Confirmation tokens: how a change by mail is protected against a forged From.

The anti-spoofing design. Anyone can write any From address, so a mail that changes or
ends an existing registration (cancel, substitute, correction, forget) applies at once
only when our own mail server vouched for the From domain: a trusted
Authentication-Results header says DMARC or aligned DKIM passed
(``ParsedMessage.authenticated``, copied to ``Intent.authenticated``). Otherwise
mailflow does not apply the change: it stores a ``PendingAction`` and mails the
REGISTERED address a token (``VAHVISTA-XXXXXXXX``); the change applies only when that
token comes back *from that address* within ``Rules.confirm_hours``. A stranger who
forges From never receives the token, so cannot complete the change; the real person
sees a request they did not make and can ignore it.

Tokens are ``HMAC-SHA256(secret, seed)`` cut to 40 bits and written in a 32-letter
alphabet without look-alikes (no I, O, 0, 1): deterministic for one message (deciding
it twice yields the same token), unguessable without the store's secret.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
from typing import Any

from mailflow.core.values import INTENT_KINDS, Intent, PersonDetails, Reason

__all__ = ["PREFIX", "find_token", "intent_from_doc", "intent_to_doc", "make_token"]

PREFIX = "VAHVISTA-"
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_LENGTH = 8
_TOKEN = re.compile(
    r"(?<![A-Z0-9])VAHVISTA\s*-?\s*([ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{8})(?![A-Z0-9])",
    re.IGNORECASE,
)


def make_token(secret: str, seed: str) -> str:
    """The token for ``seed`` (e.g. "cancel:<message-id>:<address>") under ``secret``."""
    digest = hmac.new(secret.encode("utf-8"), seed.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest[:5], "big")  # 40 bits = 8 letters of 5 bits
    letters = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_LENGTH))]
    return PREFIX + "".join(letters)


def find_token(text: str) -> str | None:
    """The first token in ``text``, upper-cased (``VAHVISTA-XXXXXXXX``), or None."""
    found = _TOKEN.search(text or "")
    return PREFIX + found.group(1).upper() if found else None


def intent_to_doc(intent: Intent) -> dict[str, Any]:
    """The intent as a JSON-safe dict, for ``PendingAction.intent``."""
    doc = dataclasses.asdict(intent)
    doc["reason"] = intent.reason.to_doc() if intent.reason else ""  # "": none, as always
    doc["people"] = [dict(p) for p in doc["people"]]
    doc["notes"] = list(doc["notes"])
    doc["copy_to"] = list(doc["copy_to"])
    doc.pop("also", None)  # a confirmed change is one request (rules/several.py)
    return doc


def intent_from_doc(doc: dict[str, Any]) -> Intent | None:
    """The intent stored by :func:`intent_to_doc`, or None when the doc is not one."""
    try:
        if doc.get("kind") not in INTENT_KINDS:
            return None
        names = {f.name for f in dataclasses.fields(Intent)} - {"also"}
        person_names = {f.name for f in dataclasses.fields(PersonDetails)}
        values = {k: v for k, v in doc.items() if k in names}
        values["people"] = tuple(
            PersonDetails(**{k: v for k, v in p.items() if k in person_names})
            for p in doc.get("people", ())
        )
        values["notes"] = tuple(str(n) for n in doc.get("notes", ()))
        values["copy_to"] = tuple(str(a) for a in doc.get("copy_to", ()))
        values["reason"] = Reason.from_doc(doc["reason"]) if doc.get("reason") else None
        return Intent(**values)
    except (TypeError, AttributeError, ValueError, KeyError):
        return None
