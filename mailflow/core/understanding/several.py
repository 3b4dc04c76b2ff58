"""Several requests in one mail ("cancel me for 9.12., but sign me up for 10.2."):
each read from its own part of the text.

The text is cut between the requests' words, at the last clause break (a sentence's end,
a comma, a dash) before the second one; each part is read as a mail of its own for its
day, so the cancellation's day is not the sign-up's. The requests must be of kinds the
rules can carry out one after the other (:data:`COMBINABLE`) and must not contradict
each other (a yes and a no for the same day); otherwise the mail is not split, and it
goes to the facilitator whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from mailflow.core.languages.lexicon import known
from mailflow.core.understanding.days import month_only_days, named_days
from mailflow.core.understanding.text import Reading
from mailflow.core.values import Intent, IntentKind, NetworkState

__all__ = ["COMBINABLE", "several_intent"]

#: Kinds the rules carry out one after another, each against the state the previous left.
COMBINABLE = frozenset({"signup", "rsvp_yes", "rsvp_no", "cancel", "commit", "interest_join",
                        "interest_leave"})
#: The words that may have named a kind: a yes from someone not registered is read as a
#: sign-up, a day's cancellation as that day's no.
_NAMED_BY = {"signup": ("signup", "rsvp_yes"), "rsvp_no": ("rsvp_no", "cancel"),
             "rsvp_yes": ("rsvp_yes", "signup")}
#: Kinds about one day or some days, which two requests must not answer both ways.
_DAY_KINDS = {"rsvp_yes": "yes", "rsvp_no": "no", "cancel": "no", "signup": "yes"}
_CLAUSE_BREAK = re.compile(r"[!?;,:\n–]|(?<!\d)\.(?=\s|$)|\s-\s")

Complete = Callable[[Intent, Reading], Intent]


def several_intent(
    kinds: list[str], base: Intent, reading: Reading, state: NetworkState, complete: Complete,
) -> Intent | None:
    """The first request with the others in ``Intent.also``, each completed by ``complete``
    from its own part of ``reading``; None when the requests cannot be told apart or
    carried out one after the other."""
    if len(kinds) != 2 or not set(kinds) <= COMBINABLE:
        return None
    parts = _parts(kinds, reading.folded_text)
    if parts is None:
        return None
    intents = [complete(replace(base, kind=cast(IntentKind, kind)), _scoped(reading, text, state))
               for kind, text in parts]
    if any(i.kind == "attention" for i in intents) or _contradict(intents):
        return None
    first, *rest = intents
    note = "also: " + ", ".join(f"{i.kind} {i.day or ' '.join(i.days)}".strip() for i in rest)
    return replace(first, also=tuple(rest), notes=(*first.notes, note))


def _parts(kinds: list[str], folded: str) -> list[tuple[str, str]] | None:
    """Each kind with the part of ``folded`` that asks for it, in the text's order; a kind
    whose words are not found (a person named beside a commitment) reads the whole text."""
    starts = _first_matches(folded)
    at = {kind: min((starts[k] for k in _NAMED_BY.get(kind, (kind,)) if k in starts),
                    default=None) for kind in kinds}
    found = sorted((start, kind) for kind, start in at.items() if start is not None)
    if not found or len({start for start, _ in found}) < len(found):
        return None
    if len(found) == 1:
        lone = next(kind for kind in kinds if at[kind] is None)
        return [(found[0][1], folded), (lone, folded)]
    (first_at, first), (second_at, second) = found
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(folded, first_at, second_at)]
    cut = breaks[-1] if breaks else second_at
    return [(first, folded[:cut]), (second, folded[cut:])]


def _first_matches(folded: str) -> dict[str, int]:
    """Where each intent kind's words first stand in ``folded``, the stronger kinds'
    matches blanked first (as understanding finds them)."""
    starts: dict[str, int] = {}
    for kind, rule in known().intent_rules:
        for match in rule.pattern.finditer(folded):
            starts.setdefault(kind, match.start())
        folded = rule.pattern.sub(lambda m: " " * len(m.group(0)), folded)
    return starts


def _scoped(reading: Reading, part: str, state: NetworkState) -> Reading:
    """``reading`` with the days looked for in ``part`` only; a month named alone ("the
    February day") stands for the one network day in it."""
    if not named_days(part, state):
        month = month_only_days(part, state)
        if len(month) == 1:
            day = state.days[month[0]].date
            part = f"{part} {day.day}.{day.month}.{day.year}"
    return replace(reading, folded=part, only=part)


def _contradict(intents: list[Intent]) -> bool:
    """True when two requests answer the same day both ways for the same person; one
    that names no day answers every day ("perun 9.12., ilmoittaudun mukaan" leaves open
    which days). A sign-up is about the people it names, the rest about the sender."""
    answers: dict[tuple[str, str], set[str]] = {}
    for intent in intents:
        answer = _DAY_KINDS.get(intent.kind)
        if answer is None:
            continue
        people = [p.address or intent.person for p in intent.people] if (
            intent.kind == "signup" and intent.people) else [intent.person]
        for person in people:
            for day in intent.days or (intent.day,):
                answers.setdefault((person, day), set()).add(answer)
    return any(len(given | answers.get((person, ""), set())) > 1
               for (person, _), given in answers.items())
