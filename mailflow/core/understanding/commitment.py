"""Whether a mail declares the commitment to the follow-up work, or only mentions it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from mailflow.core.languages.lexicon import known

__all__ = ["declares_commitment"]

_SENTENCE_END = re.compile(r"[.!?\n]")


def declares_commitment(folded: str) -> bool:
    """True when a sentence states the commitment: not asked, not conditional, not denied.

    "Sitoudumme jatkoon." and "Omnia sitoutuu" count; "Jos sitoudumme, ...",
    "Emme vielä sitoudu" (or "... sitoutuneet"), "We cannot commit ..." and any
    sentence that is a question do not.
    """
    lexicon = known()
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    for match in lexicon.intent_patterns["commit"].finditer(folded):
        at = bisect_right(ends, match.start())
        start = ends[at - 1] if at else 0
        later = bisect_left(ends, match.end() + 1)
        end = ends[later] if later < len(ends) else len(folded)
        sentence = folded[start:end]
        before = folded[start:match.end()]
        if lexicon.question.search(sentence) or lexicon.condition.search(sentence):
            continue
        if lexicon.negation.search(before):
            continue
        return True
    return False

