"""Needs-attention reasons worded for a reader, and older stores' English reasons read back.

A reason is a value (:class:`~mailflow.core.model.Reason`: a code and its parameters),
made where it arises and worded only when shown: ``reason_text`` asks the reader's
language pack (``Wording.reasons``). The log and ``mailflow inspect`` show English, the
digest and ``mailflow attention`` the facilitator's language. Several reasons of one
message are worded one by one and joined.

Before reasons were values, the store kept them as English text. ``legacy_reasons``
reads such text back into values with the patterns of the reasons that older mailflow
wrote (used by the store's migration); a part no pattern knows stays a ``legacy``
reason, shown as written.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from functools import cache

from mailflow.core.languages.registry import pack
from mailflow.core.model import Reason, ReasonCode

__all__ = ["LOG_LANGUAGE", "legacy_reasons", "reason_text"]

#: The language of the log and of ``mailflow inspect``.
LOG_LANGUAGE = "en"


def reason_text(reasons: Reason | Iterable[Reason] | None, lang: str) -> str:
    """``reasons`` worded in ``lang`` (the default language's pack when none is registered
    under it), joined by the pack's separator; "" for none."""
    if reasons is None:
        return ""
    listed = (reasons,) if isinstance(reasons, Reason) else tuple(reasons)
    says = pack(lang).says
    return says.reason_separator.join(says.reasons[r.code](r.values) for r in listed)


# --- older stores: English text back into values -------------------------------------------

_SEPARATOR = "; "
#: At most this many "; "-separated parts are tried as one reason (the oversize reason holds
#: one "; ", a name may hold a few); it keeps reading a long list of problems linear.
_MAX_JOINED = 4

_Params = Callable[[dict[str, str]], dict[str, str]]


def _same(params: dict[str, str]) -> dict[str, str]:
    return params


def _nobody(params: dict[str, str]) -> dict[str, str]:
    """Older mailflow wrote "a person" when nobody was named."""
    return {"who": "" if params["who"] == "a person" else params["who"]}


def _kind(params: dict[str, str]) -> dict[str, str]:
    """"unknown intent kind 'x'" held the kind's repr."""
    try:
        return {"kind": str(ast.literal_eval(params["kind"]))}
    except (ValueError, SyntaxError):
        return params


def _partstat(params: dict[str, str]) -> dict[str, str]:
    partstat = "" if params["partstat"] == "without PARTSTAT" else params["partstat"]
    return {"partstat": partstat, "day": params["day"]}


def _kinds(params: dict[str, str]) -> dict[str, str]:
    return {"kinds": " ".join(params["kinds"].split(" and "))}


_ENGLISH: tuple[tuple[str, ReasonCode, _Params], ...] = (
    (r"unknown intent kind (?P<kind>.+)", "unknown_kind", _kind),
    (r"the sender's address is not a usable mail address", "sender_unusable", _same),
    (r"sign-up for (?P<who>.+) without an address", "signup_no_address", _nobody),
    (r"sign-up for (?P<who>.+) with an unusable address", "signup_bad_address", _nobody),
    (r"sign-up for (?P<who>.+) without an organisation", "signup_no_org", _same),
    (r"RSVP that names no network day", "rsvp_no_day", _same),
    (r"RSVP for an unknown network day \((?P<day>.*)\)", "rsvp_unknown_day", _same),
    (r"RSVP for a cancelled network day \((?P<day>.*)\)", "rsvp_cancelled_day", _same),
    (r"RSVP from an address that is not registered", "rsvp_not_registered", _same),
    (r"RSVP from a person who is (?P<status>.+), not registered", "rsvp_status", _same),
    (r"cancellation from an address that is not registered", "cancel_not_registered", _same),
    (r"substitute named by an address that is not registered", "substitute_by_unregistered",
     _same),
    (r"substitute without a usable address", "substitute_unusable", _same),
    (r"the substitute named is the sender themself", "substitute_is_sender", _same),
    (r"the substitute (?P<address>.+) is already (?P<status>\w+)", "substitute_already", _same),
    (r"commitment to the follow-up work from an address that is not registered",
     "commit_not_registered", _same),
    (r"correction from an address that is not registered", "correction_not_registered", _same),
    (r"correction names another address \(address changes are for the facilitator\)",
     "correction_other_address", _same),
    (r"correction without any change that could be understood", "correction_no_change", _same),
    (r"unknown or expired token", "token_unknown", _same),
    (r"confirmation token from the wrong address", "token_wrong_address", _same),
    (r"the confirmed change could not be read", "confirmed_unreadable", _same),
    (r"the message was not understood", "not_understood", _same),
    (r"robot mail \((?P<robot>.+)\) reached intent rules", "robot", _same),
    (r"mail from mailflow's own address", "own_address", _same),
    (r"calendar answer (?P<partstat>.+?) for day (?P<day>.+): neither yes nor no",
     "calendar_neither", _partstat),
    (r"withdraws or changes the commitment to the follow-up work", "commitment_withdrawn",
     _same),
    (r"a question for the facilitator", "question", _same),
    (r"commitment mentioned but not declared \(a condition or a negation\)",
     "commitment_not_declared", _same),
    (r"no intent recognised", "no_intent", _same),
    (r"several intents: (?P<kinds>.+)", "several_intents", _kinds),
    (r"rsvp but no network day could be determined", "rsvp_day_undetermined", _same),
    (r"sign-up lists people but no mail address for any of them", "signup_no_addresses",
     _same),
    (r"substitute named without a mail address", "substitute_without_address", _same),
    (r"a correction but no corrected detail found", "correction_nothing_found", _same),
    (r"message of (?P<size>\d+) bytes is over the size cap of (?P<cap>\d+) bytes; not parsed",
     "oversize", _same),
)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], ReasonCode, _Params], ...]:
    """Compiled on first use only: opening a current store never needs them."""
    return tuple((re.compile(p, re.DOTALL), code, params) for p, code, params in _ENGLISH)


def _one(part: str) -> Reason | None:
    for pattern, code, params in _patterns():
        match = pattern.fullmatch(part)
        if match is not None:
            return Reason.of(code, **params(match.groupdict()))
    return None


def legacy_reasons(text: str) -> tuple[Reason, ...]:
    """An older store's English reason text as values.

    Problems joined with "; " are read one by one: each part alone if a pattern knows it,
    else with the next parts (up to ``_MAX_JOINED``), so a reason that itself holds "; " (or
    a name that does) stays whole. A part no pattern knows becomes a ``legacy`` reason.
    """
    parts = text.split(_SEPARATOR) if text else []
    out: list[Reason] = []
    i = 0
    while i < len(parts):
        for j in range(i + 1, min(len(parts), i + _MAX_JOINED) + 1):
            reason = _one(_SEPARATOR.join(parts[i:j]))
            if reason is not None:
                out.append(reason)
                i = j
                break
        else:
            out.append(Reason.of("legacy", text=parts[i]))
            i += 1
    return tuple(out)
