"""The network's rules: ``(intent, state, now, rules) -> Decision``. Pure: no clock, no I/O.

Every answer is a ``MailRequest`` whose key makes it idempotent (deciding the same
intent on the same state twice yields the same keys), using the template names and
context keys of :mod:`mailflow.core.catalogue`. Anything that cannot be applied becomes one
``AttentionItem`` with its reasons (:class:`~mailflow.core.model.Reason` values, worded when
shown) and one ``attention_ack`` per thread.
Changes to an existing registration need the registered address's confirmation unless
the mail was authenticated (see :mod:`mailflow.core.rules.confirm`).

This module dispatches on the intent's kind; the rules of each family live beside it:
:mod:`~mailflow.core.rules.registration` (sign-ups, cancellations),
:mod:`~mailflow.core.rules.places` (the cap per organisation, the waitlist),
:mod:`~mailflow.core.rules.participation` (RSVPs, the interest list, commitment),
:mod:`~mailflow.core.rules.changes` (substitutes, corrections),
:mod:`~mailflow.core.rules.privacy` (export, erasure),
:mod:`~mailflow.core.rules.confirming` (the confirmation round trip) and
:mod:`~mailflow.core.rules.work` (the decision being built and the records it writes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from mailflow.core.model import Reason, normalise_address
from mailflow.core.rules.changes import correction, substitute
from mailflow.core.rules.confirm import find_token, intent_from_doc
from mailflow.core.rules.participation import commitment, interest, rsvp
from mailflow.core.rules.preferences import change_language, remember_language
from mailflow.core.rules.privacy import export_data, forget
from mailflow.core.rules.registration import cancel, signup
from mailflow.core.rules.several import decide_several
from mailflow.core.rules.text import clean, is_address
from mailflow.core.rules.work import Rules, Work
from mailflow.core.values import Decision, Intent, NetworkState, ParsedMessage

__all__ = ["Rules", "decide", "decide_robot"]


def decide(intent: Intent, state: NetworkState, now: datetime, rules: Rules) -> Decision:
    """What to record and which mails to send for one understood message (each of its
    requests in turn when it asks several, :mod:`~mailflow.core.rules.several`)."""
    if intent.also:
        return decide_several(intent, state, now, rules, decide)
    work = Work(intent, state, now, rules)
    handler = _HANDLERS.get(intent.kind)
    if handler is None:
        work.problem(Reason.of("unknown_kind", kind=intent.kind))
    elif intent.kind != "attention" and not is_address(work.sender):
        work.problem(Reason.of("sender_unusable"))
    else:
        handler(work)
        remember_language(work)
    return work.finish()


def decide_robot(parsed: ParsedMessage, state: NetworkState, now: datetime) -> Decision:
    """Robots are never answered; a bounce marks each known bounced address failing."""
    sender = clean(parsed.from_addr) or "unknown sender"
    if parsed.robot != "bounce":
        kind = parsed.robot or "robot"
        return Decision(summary=f"{kind} from {sender}: nothing recorded, no answer")
    marked = []
    for address in dict.fromkeys(normalise_address(a) for a in parsed.bounced):
        person = state.people.get(address)
        if person is not None and not person.failing:
            marked.append(person.replace(failing=True))
    names = ", ".join(p.address for p in marked)
    what = f"{len(marked)} address(es) marked failing" + (f" ({names})" if names else "")
    return Decision(records=tuple(marked), summary=clean(f"bounce: {what}; 0 mails", 500))


def _confirm(w: Work) -> None:
    token = find_token(w.intent.token) or ""
    pending = w.state.pending.get(token)
    if pending is None or pending.done or w.now >= pending.expires_at:
        w.problem(Reason.of("token_unknown"))
        return
    if normalise_address(pending.address) != w.sender:
        w.problem(Reason.of("token_wrong_address"))
        return
    stored = intent_from_doc(pending.intent)
    if stored is None or stored.kind in ("confirm", "attention"):
        w.problem(Reason.of("confirmed_unreadable"))
        return
    w.put(pending.replace(done=True))
    w.done.append(f"{token} confirmed by {w.sender}")
    w.intent = dataclasses.replace(
        stored, authenticated=True, answer_to=w.intent.answer_to or stored.answer_to
    )
    w.sender = normalise_address(stored.person)
    _HANDLERS[stored.kind](w)


def _attention_intent(w: Work) -> None:
    w.problem(w.intent.reason or Reason.of("not_understood"))


_HANDLERS: dict[str, Callable[[Work], None]] = {
    "signup": signup,
    "interest_join": lambda w: interest(w, True),
    "interest_leave": lambda w: interest(w, False),
    "rsvp_yes": lambda w: rsvp(w, "yes"),
    "rsvp_no": lambda w: rsvp(w, "no"),
    "cancel": cancel,
    "substitute": substitute,
    "commit": commitment,
    "correction": correction,
    "export_request": export_data,
    "forget_request": forget,
    "confirm": _confirm,
    "language_change": change_language,
    "attention": _attention_intent,
}

