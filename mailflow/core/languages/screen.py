"""Language-neutral helpers for the patterns of the language packs (no language data).

:func:`fold` is how every pack's phrases are matched: lower case with ä, ö and å written
as a, o and a, so a message typed without Finnish letters ("lahetan", "en paase") reads
the same as one with them. :class:`Screened` is a regex of alternatives that looks for
cheap literals (:func:`needles`) before it runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

__all__ = ["Clauses", "Screened", "any_of", "fold", "holds", "needles"]

_FOLD = (("ä", "a"), ("ö", "o"), ("å", "a"), ("é", "e"), ("ü", "u"))


def fold(text: str) -> str:
    """Lower case, Finnish letters folded to ASCII look-alikes (same length as the input).

    str.replace per letter: str.translate with a table costs ten times as much on a mail.
    """
    folded = text.lower()
    if folded.isascii():
        return folded
    for letter, plain in _FOLD:
        folded = folded.replace(letter, plain)
    return folded


def any_of(*patterns: str) -> re.Pattern[str]:
    """One regex matching any of ``patterns`` (tried in order)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


Clauses = tuple[tuple[str, ...], ...]


def needles(alternative: str) -> Clauses:
    """Literals every match of the regex ``alternative`` contains, as clauses: a match
    holds one literal of each clause. () when nothing is known.

    Read outside groups and classes only: each run of 3 or more plain letters (a letter
    followed by ``?``, ``*`` or ``{`` is optional and ends the run without it) is a
    clause of one; a group ``(?:aaa...|bbb...)`` that is not optional, whose every
    branch starts with 3 or more plain letters, is a clause of those starts. Nothing is
    known of an alternative with a ``|`` of its own outside groups.
    """
    clauses: list[tuple[str, ...]] = []
    run = ""
    depth = 0
    at = 0
    while at < len(alternative):
        char = alternative[at]
        step = 2 if char == "\\" else 1
        if char == "\\" or depth or char in "()[.^$|":
            if char == "|" and not depth:
                return ()
            if char == "[":
                step = alternative.index("]", at + 2) + 1 - at
            if char == "(" and not depth:
                clauses.append(_group_starts(alternative, at))
            depth += {"(": 1, ")": -1}.get(char, 0)
            clauses.append((run,))
            run = ""
        elif char in "?*{":
            clauses.append((run[:-1],))
            run = ""
        elif char.isalpha() or char == "'":
            run += char
        elif char != "+":  # "+" repeats the last letter: the run holds anyway
            clauses.append((run,))
            run = ""
        at += step
    clauses.append((run,))
    kept = dict.fromkeys(c for c in clauses if c and all(len(n) >= 3 for n in c))
    # the most telling first: one long literal rules a text out fastest
    return tuple(sorted(kept, key=lambda c: (len(c), -min(len(n) for n in c))))


_LEADING = re.compile(r"[a-z']*")


def _group_starts(pattern: str, at: int) -> tuple[str, ...]:
    """The leading plain letters of each branch of the non-optional group at ``at``."""
    if not pattern.startswith("(?:", at):
        return ()
    depth, branches, start = 0, [], at + 3
    for end in range(at, len(pattern)):
        char = pattern[end]
        if pattern[end - 1] == "\\":
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 1:
            branches.append(pattern[start:end])
            start = end + 1
        elif depth == 0:
            branches.append(pattern[start:end])
            if end + 1 < len(pattern) and pattern[end + 1] in "?*{":
                return ()
            break
    starts = []
    for branch in branches:
        lead = _LEADING.match(branch)
        letters = lead.group(0) if lead else ""
        if lead and branch[lead.end():lead.end() + 1] in ("?", "*", "{"):
            letters = letters[:-1]
        starts.append(letters)
    return tuple(starts)


def holds(clauses: Clauses, text: str) -> bool:
    """True when ``text`` holds one literal of each clause."""
    for clause in clauses:  # plain loops: this runs ~150 times per message
        for literal in clause:
            if literal in text:
                break
        else:
            return False
    return True


class Screened:
    """A regex of alternatives that looks for cheap literals before it runs.

    ``search`` and ``sub`` answer as ``pattern.search`` and ``pattern.sub`` would, but
    leave out the alternatives that cannot match: those with needles none of which is in
    the text (alternatives without needles always count). ``pattern`` is the whole regex.
    """

    def __init__(self, *alternatives: str) -> None:
        self.alternatives = alternatives
        self.pattern = any_of(*alternatives)
        self._clauses = tuple(needles(a) for a in alternatives)
        grouped: dict[Clauses, list[str]] = {}
        for alternative, clauses in zip(alternatives, self._clauses, strict=True):
            grouped.setdefault(clauses, []).append(alternative)
        self._screen = tuple((clauses, any_of(*alts)) for clauses, alts in grouped.items())

    def search(self, text: str) -> bool:
        """True when ``pattern.search(text)`` finds a match."""
        for clauses, regex in self._screen:
            if holds(clauses, text) and regex.search(text) is not None:
                return True
        return False

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """``pattern.sub(repl, text)``."""
        chosen = tuple(i for i, clauses in enumerate(self._clauses) if holds(clauses, text))
        return self._subset(chosen).sub(repl, text) if chosen else text

    @lru_cache(maxsize=256)  # noqa: B019 (a few dozen Screened objects, built once)
    def _subset(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        return any_of(*(self.alternatives[i] for i in chosen))


