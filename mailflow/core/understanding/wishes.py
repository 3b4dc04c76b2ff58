"""A person asking to be written to in another language from now on
("kirjoittakaa minulle jatkossa ruotsiksi", "skriv till mig på finska", "please write to me
in English"): a request word and a language's name in the same sentence of the new text.

The wish rides on whatever else the mail asks (``Intent.wants_language``); a mail that asks
nothing else is kind "language_change". The patterns are the packs'
(``Knowledge.language_requests`` and ``language_names``), for every registered pack.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from mailflow.core.languages.knowledge import Knowledge
from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import Screened
from mailflow.core.values import Intent

__all__ = ["asked_language", "with_language_wish"]

_SENTENCE = re.compile(r"[^.!?\n]+")


def asked_language(folded: str) -> tuple[str, str]:
    """(the pack code asked for, the words that asked) in ``folded`` text, or ("", "")."""
    request, names, any_name = _patterns(known().knows)
    if not any_name.search(folded):  # cheap first: most mail names no language
        return "", ""
    for sentence in _SENTENCE.findall(folded):
        asked = request.search(sentence)
        if asked is None:
            continue
        for code, name in names:
            found = name.search(sentence)
            if found is not None:
                return code, f"{asked.group(0)} ... {found.group(0)}"
    return "", ""


def with_language_wish(intent: Intent, folded: str) -> Intent:
    """``intent`` carrying the language the mail asks for; a mail that asks only that (read
    as "no intent") becomes kind "language_change"."""
    code, words = asked_language(folded)
    if not code:
        return intent
    notes = (*intent.notes, f"asks to be written to in {code} ({words})")
    lone = intent.kind == "attention" and (
        intent.reason is not None and intent.reason.code in ("no_intent", "question"))
    if lone:
        return replace(intent, kind="language_change", reason=None, wants_language=code,
                       notes=notes)
    return replace(intent, wants_language=code, notes=notes)


@cache
def _patterns(
    knows: tuple[Knowledge, ...],
) -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...], Screened]:
    """(a request to write, ((code, that language's name), ...), any language's name) of
    the packs ``knows``."""
    requests = [a for k in knows for a in k.language_requests]
    request = re.compile("|".join(f"(?:{a})" for a in requests) or "(?!)")
    by_code: dict[str, list[str]] = {}
    for knowledge in knows:
        for code, alternatives in knowledge.language_names.items():
            by_code.setdefault(code, []).extend(alternatives)
    names = tuple((code, re.compile("|".join(f"(?:{a})" for a in alts)))
                  for code, alts in by_code.items())
    every = [a for alts in by_code.values() for a in alts]
    return request, names, Screened(*every)
