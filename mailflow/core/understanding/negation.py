"""Negation scope: words of a request that the sentence denies ("en peru", "I am not
cancelling", "jag avbokar inte") ask for nothing.

Only kinds asked for by a positive verb are denied so (:data:`NEGATABLE`); a "no" is
itself a negation ("en pääse", "I can't come") and is left alone, as is leaving the list
in words that carry their own negation ("en halua enää viestejä" matches as a whole).
"""

from __future__ import annotations

import re

from mailflow.core.languages.lexicon import each_known

__all__ = ["NEGATABLE", "negated"]

#: Kinds whose words a negation before them (or right after their verb) takes back.
NEGATABLE = frozenset({"cancel", "signup", "interest_leave", "forget_request", "substitute"})
#: Where a clause ends: a negation in the clause before does not reach past it.
_CLAUSE_END = re.compile(r"[,;:.!?\n]")
#: How many words before a request's words a negation denies them ("emme halua perua").
_REACH = 2


def negated(folded: str, kind: str, span: tuple[int, int]) -> bool:
    """True when the ``kind`` request's words at ``span`` of ``folded`` are denied, in the
    language they are written in: a negation among the two words before them in their
    clause ("en peru", "do not cancel", "vill inte avboka"), or the word right after their
    verb ("avbokar inte")."""
    start, end = span
    ends = [m.end() for m in _CLAUSE_END.finditer(folded, max(0, start - 80), start)]
    words = folded[ends[-1] if ends else max(0, start - 80):start].split()[-_REACH:]
    words += _CLAUSE_END.split(folded[start:start + 60], maxsplit=1)[0].split()[1:2]
    said = folded[start:end]
    return any(
        any(lexicon.negation.search(word) for word in words)
        for lexicon in each_known()
        if kind in lexicon.intent_patterns and lexicon.intent_patterns[kind].search(said))
