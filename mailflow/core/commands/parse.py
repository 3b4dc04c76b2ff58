"""Reading a facilitator's command: the verb in the subject or the first lines, and its
arguments.

The verb is one of each pack's ``Knowledge.commands`` words, matched on folded text (case
and ä/ö/å do not matter), at the start of the subject (after Re:/VS:/SV:/AW:/Fwd:
prefixes) or of one of the first non-empty lines of the new text. What follows the word
on its line is the command's arguments; the text after that line is its body (an
announcement's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mailflow.core.commands import VERBS, Verb
from mailflow.core.languages.registry import packs
from mailflow.core.languages.screen import fold

__all__ = ["Arguments", "Command", "arguments", "read_command"]

#: how many non-empty lines of the new text may hold the command ("Hei," may come first)
FIRST_LINES = 3
_PREFIX = re.compile(r"^\s*((re|vs|sv|aw|fw|fwd|vl|ve|vb)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_REF = re.compile(r"#([a-z2-9]{6})(?![a-z0-9])", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_FINNISH_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d])")
_TRIM = " \t:;,.-–—!?*>\"'()[]"


@dataclass(frozen=True)
class Command:
    """A command as written: verb, the word she used and its pack's language, the whole
    command line, what followed the word on it (``args``) and the text after that line
    (``body``)."""

    verb: Verb
    word: str
    language: str
    line: str
    args: str = ""
    body: str = ""


@dataclass(frozen=True)
class Arguments:
    """A command's arguments: addresses (lower case), attention references ("#k3m9qa"),
    dates written as 9.12. / 9.12.2026 / 2026-12-09 (``year`` 0 when not written, as
    ``(year, month, day)``), the words that are none of these (``rest``: an organisation,
    a day's id)."""

    addresses: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    dates: tuple[tuple[int, int, int], ...] = ()
    rest: str = ""


def read_command(subject: str, text: str) -> Command | None:
    """The command in the subject, else in the first non-empty lines of ``text``; None
    when neither starts with a command word."""
    found = _match(_PREFIX.sub("", subject or ""))
    if found is not None:
        return _command(found, _PREFIX.sub("", subject).strip(), (text or "").strip())
    lines = (text or "").replace("\r\n", "\n").split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _match(line)
        if found is not None:
            return _command(found, line.strip(), "\n".join(lines[index + 1:]).strip())
        seen += 1
        if seen >= FIRST_LINES:
            break
    return None


def arguments(args: str) -> Arguments:
    """The arguments in what followed the command word."""
    addresses = tuple(dict.fromkeys(a.lower().strip(".") for a in _ADDRESS.findall(args)))
    rest = _ADDRESS.sub(" ", args)
    refs = tuple(dict.fromkeys("#" + r.lower() for r in _REF.findall(rest)))
    rest = _REF.sub(" ", rest)
    dates = [(int(y), int(m), int(d)) for y, m, d in _ISO_DATE.findall(rest)]
    rest = _ISO_DATE.sub(" ", rest)
    dates += [(int(y or 0), int(m), int(d)) for d, m, y in _FINNISH_DATE.findall(rest)]
    rest = _FINNISH_DATE.sub(" ", rest)
    return Arguments(addresses, refs, tuple(_valid(dates)), " ".join(rest.split()).strip(_TRIM))


def _valid(dates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    kept = []
    for year, month, day in dates:
        try:
            date(year or 2000, month, day)  # 2000: a leap year, so 29.2. passes
        except ValueError:
            continue
        kept.append((year, month, day))
    return kept


def _words() -> tuple[tuple[tuple[str, ...], Verb, str, int], ...]:
    """(folded words, verb, language, words) for every pack's command words, longest first."""
    table = []
    for language in packs():
        for verb, words in language.knows.commands.items():
            if verb not in VERBS:
                continue
            for word in words:
                table.append((tuple(fold(word).split()), verb, language.code, len(word.split())))
    table.sort(key=lambda entry: -len(entry[0]))
    return tuple(table)


def _match(line: str) -> tuple[Verb, str, int] | None:
    """(verb, language, words) when ``line`` starts with a command word."""
    tokens = [fold(t).strip(_TRIM) for t in line.split()]
    tokens = [t for t in tokens if t]
    for words, verb, language, count in _words():
        if tuple(tokens[:len(words)]) == words:
            return verb, language, count
    return None


def _command(found: tuple[Verb, str, int], line: str, body: str) -> Command:
    verb, language, count = found
    parts = line.split(None, count)
    word = " ".join(parts[:count]).strip(_TRIM)
    args = parts[count] if len(parts) > count else ""
    return Command(verb=verb, word=word, language=language, line=" ".join(line.split())[:300],
                   args=args.strip(), body=body)
