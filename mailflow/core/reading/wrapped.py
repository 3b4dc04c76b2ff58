"""Attributions a mail client wrapped over several lines, put back on one line.

Clients wrap a long ``On <date>, <name> <address> wrote:`` where they like: the address
alone on a line, ``a écrit :`` on the next, even ``> wrote:`` quoted after blank lines
(seen from Gmail, Outlook for iOS and Google Inbox in German, French, Dutch,
Portuguese and Russian). :func:`join_wrapped` puts each such attribution on its first
line and leaves its other lines blank, so the line count stays and the line checks of
``quotes`` see it whole.

An attribution is joined only when it ends (on a line ending in ``:``) with one of the
known attribution verbs and starts on a line that looks like an attribution's start: an
opener word, a weekday or a date with a year in it, or the verb itself beside an
address. Text lines in between are never taken (at most five lines; quoted lines only as
the short last one, ``> wrote:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Wrapping", "join_wrapped"]

_SPAN = 5  # lines an attribution may take before its last line
_MAX_LENGTH = 300
_MAX_QUOTED_END = 30  # "> wrote:", ">:"
_COLON_END = re.compile(r":[^\S\n]*(?=\n|\Z)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HINT = re.compile(r"@|\d")
_SENTENCE_END = re.compile(r"[.!?]\s*$")


@dataclass(frozen=True)
class Wrapping:
    """The patterns join_wrapped needs (built by quotes from the language data)."""

    end: re.Pattern[str]  # "... wrote:" at the end of a (joined) line
    lead: re.Pattern[str]  # an opener word, a weekday or a digit at a line's start
    verb: re.Pattern[str]  # a verb anywhere in a line


def _start_ok(line: str, w: Wrapping) -> bool:
    """Could an attribution start on ``line``?"""
    if not line or line.startswith(">"):
        return False
    if _YEAR.search(line) and w.lead.match(line) and not _SENTENCE_END.search(line):
        return True
    return bool(w.verb.search(line) and _HINT.search(line))


def _joined(lines: list[str], k: int, j: int) -> str:
    parts = [line.strip() for line in lines[k:j]]
    parts.append(lines[j].strip().lstrip(">").strip())
    return " ".join(part for part in parts if part)


def _span(lines: list[str], j: int, w: Wrapping) -> int:
    """Where an attribution ending on line ``j`` starts (-1 if there is none to join)."""
    last = lines[j].strip()
    if last.startswith(">") and len(last) > _MAX_QUOTED_END:
        return -1
    complete = not last.startswith(">") and bool(w.end.search(last) and _HINT.search(last))
    first = j - 1 if complete else max(0, j - _SPAN)
    for k in range(first, j):
        between = lines[k + 1 : j]
        if any(line.lstrip().startswith(">") for line in between):
            continue
        start = lines[k].strip()
        if not _start_ok(start, w) or (k < j - 1 and w.end.search(start)):
            continue
        joined = _joined(lines, k, j)
        if len(joined) <= _MAX_LENGTH and w.end.search(joined) and _HINT.search(joined):
            return k
    return -1


def join_wrapped(text: str, w: Wrapping) -> str:
    """``text`` (lines after a leading line break) with each wrapped attribution on one
    line. Only lines ending in ":" are looked at (found by one regex scan: a look for
    every verb of every language first would cost more than that on a long quote)."""
    ends = [m.start() for m in _COLON_END.finditer(text)]
    if not ends:
        return text
    lines = text.split("\n")
    line, pos = 0, 0
    for at in ends:
        line += text.count("\n", pos, at)
        pos = at
        k = _span(lines, line, w)
        if k >= 0:
            lines[k] = _joined(lines, k, line)
            lines[k + 1 : line + 1] = [""] * (line - k)
    return "\n".join(lines)
