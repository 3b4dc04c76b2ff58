"""Which language a mail is written in: every registered pack scores it.

A pack's score is how many of the mail's words are its common words (or end in one of
its common endings). The default language (:data:`~mailflow.core.languages.registry.DEFAULT`)
is the answer unless another pack clearly outscores it: at least one hit and more than
twice the default's; among several such, the highest score (the first registered on a tie).
"""

from __future__ import annotations

import re

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.registry import DEFAULT, packs

__all__ = ["detect_language"]

_WORD = re.compile(r"[\w']+")


def detect_language(text: str) -> str:
    """The code of the language ``text`` is written in (e.g. "fi", "en")."""
    words = _WORD.findall(text.lower())
    default = 0
    best, best_score = DEFAULT, 0
    for language, (common, endings) in zip(packs(), known().common_words, strict=True):
        score = sum(1 for w in words if w in common or w.endswith(endings))
        if language.code == DEFAULT:
            default = score
        elif score > best_score:
            best, best_score = language.code, score
    return best if best_score >= 1 and best_score > 2 * default else DEFAULT
