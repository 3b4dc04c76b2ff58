"""A person's name in its base form, as their mail address spells it.

Finnish inflects names in running text: "ilmoitan opettaja Marko Lahtisen
(marko.lahtinen@gradia.test)", "Kivimäen osoite on ...". The address beside the name
almost always spells the base form, so a name part that shares its stem with a part of
the address takes the address's ending: "Lahtisen" + "lahtinen" -> "Lahtinen",
"Kivimäen" + "kivimaki" -> "Kivimäki" (the written stem keeps its ä and ö).

When the address spells the whole written stem ("Jannen", "janne"), what is left over
must be a case ending the language packs know (``Knowledge.name_endings``), so
"Annamari" is never cut to "Anna".

A lemmatiser was measured for this first (``bench/lemmatiser.py``): simplemma turns 13
of 16 inflected name and title forms back (libvoikko 11, Finnish only), but loading its
Finnish data costs 3.7 s per process, more than a whole pass over a small inbox, and it
changed no reading of the tuning set or the own corpus; so the address decides.
"""

from __future__ import annotations

import re

from mailflow.core.languages.lexicon import known
from mailflow.core.languages.screen import fold

__all__ = ["base_name", "name_spelled_by"]

_LOCAL_PARTS = re.compile(r"[^a-zåäö]+")  # "rinne72" spells "rinne"
#: The shortest stem a name part and an address part must share (before the ending).
_MIN_STEM = 4


def base_name(name: str, address: str) -> str:
    """``name`` with each inflected part turned to the base form ``address`` spells."""
    local = [p for p in _LOCAL_PARTS.split(address.partition("@")[0].lower()) if p]
    return " ".join(_base_part(part, local) for part in name.split())


_CAPITALISED_PAIR = re.compile(r"(?=\b([A-ZÅÄÖ][\w'’-]+\s+[A-ZÅÄÖ][\w'’-]+)\b)")


def name_spelled_by(text: str, address: str) -> str:
    """The name in ``text`` that ``address`` spells ("Laitan Marko Lahtisen tilalleni" and
    marko.lahtinen@... -> "Marko Lahtinen"), in its base form; "" when none.

    Two capitalised words in a row whose base forms are the address's local parts, in
    either order: the address ties a name in running text to its person."""
    local = sorted(p for p in _LOCAL_PARTS.split(address.partition("@")[0].lower()) if p)
    if len(local) < 2:
        return ""
    for match in _CAPITALISED_PAIR.finditer(text):
        name = base_name(match.group(1), address)
        if sorted(fold(name).split()) == local:
            return name
    return ""


def _base_part(part: str, local: list[str]) -> str:
    folded = fold(part)
    if not part[:1].isupper() or folded in local:
        return part
    for spelled in local:
        stem = _common_prefix(folded, spelled)
        # the same stem, a different ending, and not a different name ("Anna"/"Annika")
        if stem < max(_MIN_STEM, len(spelled) - 3) or len(folded) - stem > 4:
            continue
        if spelled[stem:] or folded[stem:] in known().name_endings:
            return part[:stem] + spelled[stem:]
    return part


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
