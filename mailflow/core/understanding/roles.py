"""Job titles to network roles, by the title words every registered pack knows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import fold
from mailflow.core.model import Role

__all__ = ["role_from_title"]

_ROLE_RANK: tuple[Role, ...] = ("management", "supervisor", "staff", "guest")
_WORD = re.compile(r"[\w'-]+")


def role_from_title(title: str) -> Role:
    """The network role a job title means.

    Each word is matched by its ending, so Finnish compounds count ("koulutuspäällikkö"
    ends with "päällikkö"); the longest matching ending decides a word
    ("lähijohtaja" is a supervisor, not a "johtaja"). When several words match, the most
    senior role wins: management, supervisor, staff, guest. "johtava asiantuntija" is
    staff: "johtava" (leading) is an adjective, not "johtaja" (director).
    """
    return _role_of_folded(fold(title), known())


@dataclass(frozen=True)
class _RoleTables:
    """The role words of one lexicon, ready to match."""

    phrases: tuple[tuple[Role, tuple[str, ...]], ...]  # words with a space, matched anywhere
    of_ending: dict[str, Role]  # a single word -> its role
    #: The endings reversed, longest first: a match on the reversed word is its longest ending.
    ending: re.Pattern[str]


@cache
def _tables(lexicon: Lexicon) -> _RoleTables:
    words = lexicon.role_words
    of_ending = {w: role for role, ws in words.items() for w in ws if " " not in w}
    return _RoleTables(
        phrases=tuple((role, tuple(w for w in ws if " " in w)) for role, ws in words.items()),
        of_ending=of_ending,
        ending=re.compile("|".join(
            re.escape(w[::-1]) for w in sorted(of_ending, key=len, reverse=True)
        ) or "(?!)"),
    )


@lru_cache(maxsize=4096)
def _role_of_folded(folded: str, lexicon: Lexicon) -> Role:
    tables = _tables(lexicon)
    found: set[str] = set()
    for role, words in tables.phrases:
        if any(w in folded for w in words):
            found.add(role)
    for written in _WORD.findall(folded):
        word = lexicon.title_case.sub("", written)
        ending = tables.ending.match(word[::-1])
        if ending:
            found.add(tables.of_ending[ending.group(0)[::-1]])
    for role in _ROLE_RANK:
        if role in found:
            return role
    return "unknown"
