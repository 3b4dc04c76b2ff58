"""Why a message waits for the facilitator, as a value: a code and its parameters.

Made where the reason arises (the rules, understanding, the pass) and worded only when
shown, in the reader's language (:func:`mailflow.core.languages.reasons.reason_text`);
stored as ``{"code": ..., "params": {...}}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

__all__ = ["REASON_CODES", "Reason", "ReasonCode"]

#: Why a message waits for the facilitator. Each code is worded by every language pack
#: (``Wording.reasons``); its parameters are named in the comment after it.
ReasonCode = Literal[
    # the rules (decide)
    "unknown_kind",  # kind
    "sender_unusable",
    "signup_no_address",  # who ("" for nobody named)
    "signup_bad_address",  # who ("" for nobody named)
    "signup_no_org",  # who
    "signup_past_day",  # day
    "signup_cancelled_day",  # day
    "rsvp_no_day",
    "rsvp_unknown_day",  # day
    "rsvp_cancelled_day",  # day
    "rsvp_not_registered",
    "rsvp_status",  # status
    "cancel_not_registered",
    "substitute_by_unregistered",
    "substitute_unusable",
    "substitute_is_sender",
    "substitute_already",  # address, status
    "commit_not_registered",
    "correction_not_registered",
    "correction_other_address",
    "correction_no_change",
    "token_unknown",
    "token_wrong_address",
    "confirmed_unreadable",
    "not_understood",
    # understanding (intents)
    "robot",  # robot
    "own_address",
    "language_nobody",  # a language change from an address not on record
    "form_without_address",  # address: a web form's mail that names nobody's address
    "calendar_neither",  # partstat ("" when missing), day
    "commitment_withdrawn",
    "question",
    "commitment_not_declared",
    "no_intent",
    "several_intents",  # kinds (space-separated intent kinds)
    "rsvp_day_undetermined",
    "signup_no_addresses",
    "substitute_without_address",
    "cancel_for_unnamed",  # a cancellation of someone else's, naming no address of theirs
    "correction_nothing_found",
    # the facilitator's mail (commands)
    # the pass (tick)
    "oversize",  # size, cap (bytes)
    # the outbox
    "mail_expired",  # to, subject, days, error: a mail refused for now for its whole lifetime
    # a reason stored as English text by an older mailflow that no pattern knew
    "legacy",  # text
]
REASON_CODES: tuple[ReasonCode, ...] = get_args(ReasonCode)


@dataclass(frozen=True)
class Reason:
    """Why a message waits for the facilitator: a code and its parameters, worded only when
    shown, in the reader's language (:func:`mailflow.core.languages.reasons.reason_text`).

    params: (name, value) pairs, values as text (a day id, an address, a byte count).
    """

    code: ReasonCode
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: ReasonCode, **params: str) -> Reason:
        """``Reason.of("rsvp_unknown_day", day="2026-12-09")``."""
        return cls(code, tuple(params.items()))

    @property
    def values(self) -> dict[str, str]:
        """The parameters by name."""
        return dict(self.params)

    def to_doc(self) -> dict[str, Any]:
        """The stored form: ``{"code": ..., "params": {name: value}}``."""
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_doc(cls, doc: dict[str, Any] | str) -> Reason:
        """A stored reason; English text (an older store's) is kept as a "legacy" reason."""
        if isinstance(doc, str):
            return cls.of("legacy", text=doc)
        params = doc.get("params") or {}
        return cls(doc["code"], tuple((str(k), str(v)) for k, v in params.items()))
