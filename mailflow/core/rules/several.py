"""Several requests in one mail (``Intent.also``): carried out in turn, or not at all.

Each request is decided against the state the one before it left, and the mail's
decision is theirs together: every record (the latest version of a key wins) and every
answer mail, each under its own key (a later request's answer whose key an earlier one
took gets its number after it, so a "no" and a "yes" answered under one Message-ID are
two mails, and deciding the mail again yields the same keys: nothing is sent twice).
When one of them cannot be carried out at once (it needs the facilitator, or a
confirmation token while a later request would build on it), none is: the whole mail
goes to the facilitator with the kinds asked for and the reasons, so no request is ever
dropped silently. A token asked for by the last request is fine: nothing after it
depends on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from mailflow.core.model import AttentionItem, PendingAction, Reason
from mailflow.core.rules.work import Rules, record_key
from mailflow.core.state import apply_decision
from mailflow.core.values import Decision, Intent, MailRequest, NetworkState

__all__ = ["decide_several"]

DecideOne = Callable[[Intent, NetworkState, datetime, Rules], Decision]


def decide_several(
    intent: Intent, state: NetworkState, now: datetime, rules: Rules, decide_one: DecideOne,
) -> Decision:
    """``intent`` and each of its ``also`` decided in turn by ``decide_one``, or the whole
    mail to the facilitator when one of them cannot be carried out."""
    parts = (dataclasses.replace(intent, also=()), *intent.also)
    decisions: list[Decision] = []
    current = state
    for number, part in enumerate(parts, 1):
        decision = decide_one(part, current, now, rules)
        if not _carried(decision, last=number == len(parts)):
            return _to_facilitator(intent, decision, state, now, rules, decide_one)
        decisions.append(decision)
        current = apply_decision(current, decision)
    return _together(decisions)


def _carried(decision: Decision, *, last: bool) -> bool:
    """True when ``decision`` did what was asked: nothing for the facilitator, and a
    confirmation token only when no later request builds on the change."""
    return not any(isinstance(r, AttentionItem) or (isinstance(r, PendingAction) and not last)
                   for r in decision.records)


def _to_facilitator(
    intent: Intent, failed: Decision, state: NetworkState, now: datetime, rules: Rules,
    decide_one: DecideOne,
) -> Decision:
    kinds = " ".join(i.kind for i in (intent, *intent.also))
    reasons = [Reason.of("several_intents", kinds=kinds)]
    reasons += [reason for r in failed.records if isinstance(r, AttentionItem)
                for reason in r.reasons]
    whole = dataclasses.replace(intent, kind="attention", also=(), reason=reasons[0],
                                notes=(*intent.notes, f"not carried: {failed.summary}"))
    decision = decide_one(whole, state, now, rules)
    return dataclasses.replace(decision, records=tuple(
        dataclasses.replace(r, reasons=tuple(dict.fromkeys(reasons)))
        if isinstance(r, AttentionItem) else r for r in decision.records))


def _together(decisions: list[Decision]) -> Decision:
    records: dict[tuple[str, str], Any] = {}
    for decision in decisions:
        records.update((record_key(r), r) for r in decision.records)
    mails: dict[str, MailRequest] = {}
    for number, decision in enumerate(decisions, 1):
        for mail in decision.mails:  # two answers under one key ("rsvp:<id>") stay two
            key = mail.key if mail.key not in mails else f"{mail.key}:{number}"
            mails[key] = dataclasses.replace(mail, key=key)
    return Decision(
        records=tuple(records.values()),
        forget=tuple(dict.fromkeys(a for d in decisions for a in d.forget)),
        mails=tuple(mails.values()),
        summary=" | ".join(d.summary for d in decisions),
    )
