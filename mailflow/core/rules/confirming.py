"""The confirmation round trip: a change the server did not vouch for waits for a token
mailed to the registered address (see :mod:`mailflow.core.rules.confirm`)."""

from __future__ import annotations

import json
from datetime import timedelta

from mailflow.core.languages.registry import pack
from mailflow.core.model import (
    PendingAction,
)
from mailflow.core.rules.confirm import intent_to_doc, make_token
from mailflow.core.rules.text import (
    clean,
    short_hash,
)
from mailflow.core.rules.work import (
    Work,
    language_of,
)
from mailflow.core.values import (
    Intent,
)

__all__ = ["ask_confirmation"]


def ask_confirmation(w: Work, address: str, intent: Intent, detail: str) -> bool:
    """Unless authenticated: store the change, mail a token to ``address``; True if asked."""
    if w.intent.authenticated:
        return False
    doc = intent_to_doc(intent)
    seed = f"{intent.kind}:{address}:{short_hash(json.dumps(doc, sort_keys=True, default=str))}"
    token = make_token(w.rules.secret, seed)
    w.put(PendingAction(
        token=token, address=address, intent=doc, created_at=w.now,
        expires_at=w.now + timedelta(hours=w.rules.confirm_hours),
    ))
    language = language_of(intent.language, w.rules)
    context = {
        "action": _action(language, intent.kind, detail),
        "token": token,
        "subject": clean(w.intent.subject),
    }
    w.mail(f"confirm-request:{token}", address, "confirm_request", context, language=language)
    what = _NOUNS.get(intent.kind, intent.kind)
    w.done.append(f"{what} waits for {address} to confirm")
    return True


_NOUNS = {"cancel": "cancellation", "substitute": "substitution", "commit": "commitment",
          "correction": "correction", "forget_request": "erasure"}


def _action(language: str, kind: str, detail: str) -> str:
    """What a confirmation request asks the person to confirm, in their language."""
    return pack(language).says.actions.get(kind, kind).format(detail=detail)

