"""What the person wrote now: a reply's text without quoted history or signature.

The wording comes from every registered language pack (a mail's language is not known
yet) and from ``languages/clients.py``, the wording of mail clients set to other
languages (Swedish, German, French, Spanish, Norwegian, Danish, Dutch, Polish, Russian,
...; measured with ``bench/discourse_trim.py`` on Discourse's trimmer fixtures): Outlook's
header blocks (``Lähettäjä:`` / ``Lähetetty:`` / ``Aihe:``, ``From:`` /
``Sent:`` / ``Subject:``) and separators (``-----Alkuperäinen viesti-----``,
``-----Original Message-----``, a line of underscores), attributions (``On ... wrote:``,
``... kirjoitti:``, also wrapped over two lines), ``>`` quoted lines, the ``-- ``
signature separator and phone signatures (``Lähetetty iPhonesta``, ``Sent from my
iPhone``, ``Hanki Outlook for Android``...). The patterns are built on first use.

Forwarded mail is NOT history: a coordinator may forward a colleague's sign-up, so the
forwarded header and text are kept (``---------- Forwarded message ---------``,
``Välitetty viesti``, ``Begin forwarded message:``, and an Outlook header block whose
subject starts with ``VL:`` / ``FW:`` / ``Fwd:``). Only the forwarded message's own quoted
history is dropped.

Each line a check may match is classified: a ``>`` quote; a rule line (``--``,
``______``, ``ᐧ``, ``—``, ``=====``): a signature, or history for a long underscore line
(what htmltext writes where a big client's history container starts); a header block;
an attribution (also wrapped over several lines, see ``wrapped.py``, and Gmail's dated
ones without a verb); a phone signature; a forward line; else text.

Bottom-posting is understood: an attribution followed by ``>`` lines drops just the
attribution and the quote, so text written below the quote survives; an attribution or
header block followed by unquoted text (Outlook style) ends the new text, unless nothing
came above it (then the text below is the reply). A mail of nothing but a plain quote
(no history marks in it) keeps the quote as its new text: understanding reads the whole
text then anyway. Quotes between the person's own lines are dropped (Discourse keeps
them): what the history says is not what the person says now.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import fold, needles
from mailflow.core.reading.wrapped import Wrapping, join_wrapped

__all__ = ["split_new_text"]

_MAX_LINE_FOR_ATTRIBUTION = 300
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")
_SIGNATURE = re.compile(r"^--\s*$")
#: a line of nothing but rule characters: a signature or a notification's footer starts
#: ("ᐧ" is what Gmail add-ons leave, "—" GitHub's and GitLab's footers)
_DELIMITER = re.compile(r"^[^\S\n]*(?:[-_=+~*,]{3,}|[ᐧ—]+)[^\S\n]*$")
_DELIMITER_WORDS = ("--", "__", "==", "**", "~~", "++", ",,,", "ᐧ", "—")
_ATTRIBUTION_HINT = re.compile(r"@|\d")
#: Gmail's attributions without a verb: "2016-03-03 17:21 GMT+01:00 Name" and
#: "2013/7/20 Name <name@example.com>" (the address maybe wrapped to the next line)
_DATED_SENDER = re.compile(
    r"^\s*(?:19|20)\d\d[-/]\d{1,2}[-/]\d{1,2}\s.{0,100}?"
    r"(?:\bGMT[+-]\d\d:?\d\d\b|<[^<>\s@]+@[^<>\s]+>:?\s*$|<\s*$)", re.I)
_DATED_HINT = re.compile(r"\n[^\S\n]*(?:19|20)\d\d[-/]\d")


@dataclass(frozen=True)
class _Patterns:
    """The history checks for the quote and forward wording of every registered pack."""

    separator: re.Pattern[str]  # -----Alkuperäinen viesti-----
    forward: re.Pattern[str]  # ---------- Forwarded message ---------
    header_from: re.Pattern[str]  # From: / Lähettäjä: with a value
    header_other: re.Pattern[str]  # Sent: / Aihe: ...
    header_subject: re.Pattern[str]  # Subject: / Aihe: (its value)
    forward_subject: re.Pattern[str]  # VL: / Fw:
    attribution_end: re.Pattern[str]  # ... wrote:
    attribution_start: re.Pattern[str]  # the first half of a wrapped attribution
    attribution_open: re.Pattern[str]  # "On ... wrote" with no colon ("---- On ... wrote ----")
    wrapping: Wrapping  # attributions wrapped over several lines
    phone: re.Pattern[str]  # Lähetetty iPhonesta / Sent from my iPhone
    #: (check, words a line needs for it to match, in lower case; a superset): see _hints
    hint_words: tuple[tuple[str, tuple[str, ...]], ...]
    #: _HEADER_FROM on a line whose first non-blank line among the next 11 matches
    #: header_other: what _header_block needs to call it a block (lower case, a superset).
    header_from_block: re.Pattern[str]


def _hint_words(alternatives: tuple[str, ...]) -> tuple[str, ...]:
    """Words one of which each alternative's every match holds, folded ("" when none is
    known: the check may then match any line)."""
    words: list[str] = []
    for alternative in alternatives:
        clauses = needles(fold(alternative))
        words.extend(clauses[0] if clauses else ("",))
    return _shortest(words)


def _shortest(words: list[str]) -> tuple[str, ...]:
    """``words`` without those that hold another of them (a line holding "schrieben"
    holds "schrieb"): each word left is one more pass over a mail."""
    unique = sorted(dict.fromkeys(words), key=len)
    kept: list[str] = []
    for word in unique:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    def names(field: str) -> str:
        return "|".join(lexicon.alternatives(field)) or "(?!)"

    others = names("other_headers")
    verbs, openers = names("attribution_verbs"), names("attribution_openers")
    folded_from, folded_others = fold(names("from_headers")), fold(others)
    return _Patterns(
        separator=re.compile(
            rf"^\s*\*?\s*-{{2,}}\s*(?:{names('original_separators')})\s*-{{2,}}\s*\*?\s*$", re.I),
        forward=re.compile(rf"^\s*(?:{names('forward_lines')})\s*$", re.I),
        header_from=re.compile(rf"^\s*\*?(?:{names('from_headers')})\s*:\*?\s*\S", re.I),
        header_other=re.compile(rf"^\s*\*?(?:{others})\s*:\*?", re.I),
        header_subject=re.compile(rf"^\s*\*?(?:{names('subject_headers')})\s*:\*?\s*(.*)$",
                                  re.I),
        forward_subject=lexicon.forward_subject,
        attribution_end=re.compile(rf"\b(?:{verbs})(?!\w)[^\n]{{0,60}}:\s*$", re.I),
        attribution_start=re.compile(
            rf"^(?:{openers})\s|^(?:{names('weekday_abbreviations')})\s+\d"
            r"|^\d{1,2}\.\d{1,2}\.\d{2,4}|[<,]$", re.I),
        attribution_open=re.compile(
            rf"^[\s>-]*(?:{openers})\s.*\b(?:{verbs})(?!\w)[\s:>-]*$", re.I),
        wrapping=Wrapping(
            end=re.compile(rf"\b(?:{verbs})(?!\w)[^\n]{{0,60}}:\s*$", re.I),
            lead=re.compile(rf"^[\s-]*(?:(?:{openers})\s|\d|\w{{2,12}}\.?,\s)", re.I),
            verb=re.compile(rf"\b(?:{verbs})(?!\w)", re.I),
        ),
        phone=re.compile(rf"^\s*(?:{names('phone_signature_lines')})\s*\.?\s*$", re.I),
        hint_words=(
            ("f", _hint_words(lexicon.alternatives("forward_lines"))),
            ("s", _DELIMITER_WORDS),
            ("a", _shortest([fold(w) for w in lexicon.alternatives("attribution_verbs")])),
            ("p", _hint_words(lexicon.alternatives("phone_signature_lines"))),
        ),
        header_from_block=re.compile(
            rf"\n[^\S\n]*\*?(?:{folded_from})[^\S\n]*:(?=\*?[^\S\n]*\S[^\n]*\n"
            rf"(?:[^\S\n]*\n){{0,10}}[^\S\n]*\*?(?:{folded_others})\s*:)"
        ),
    )




def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _header_block(lines: list[str], start: int, p: _Patterns) -> tuple[bool, bool]:
    """(is a header block, is a forward) for an Outlook-style block at ``start``."""
    others = 0
    forward = False
    seen = 0
    for line in lines[start + 1 : start + 12]:
        if not line.strip():
            continue
        seen += 1
        if seen > 8:
            break
        if p.header_other.match(line):
            others += 1
            subject = p.header_subject.match(line)
            if subject and p.forward_subject.match(subject.group(1).strip()):
                forward = True
        else:
            break
    return others >= 1, forward


def _attribution(lines: list[str], i: int, p: _Patterns) -> int:
    """Lines taken by an ``On ... wrote:`` attribution starting at ``i`` (0 if none)."""
    line = lines[i].strip()
    if not line or len(line) > _MAX_LINE_FOR_ATTRIBUTION or _is_quoted(line):
        return 0
    if (p.attribution_end.search(line) or p.attribution_open.match(line)) and (
            _ATTRIBUTION_HINT.search(line)):
        return 1
    if _DATED_SENDER.match(line):
        return 1
    if i + 1 < len(lines):
        nxt = lines[i + 1].strip()
        joined = f"{line} {nxt}"
        nxt_complete = bool(_ATTRIBUTION_HINT.search(nxt))
        if (
            nxt
            and not _is_quoted(nxt)
            and len(joined) <= _MAX_LINE_FOR_ATTRIBUTION
            and p.attribution_end.search(nxt)
            and _ATTRIBUTION_HINT.search(joined)
            and not p.attribution_end.search(line)
            and (not nxt_complete or p.attribution_start.search(line))
        ):
            return 2
    return 0


def _next_content(lines: list[str], i: int) -> str:
    for line in lines[i:]:
        if line.strip():
            return line
    return ""


def _history_start(
    lines: list[str], i: int, hints: str, p: _Patterns, *, first: bool = False
) -> tuple[str, int]:
    """Classify line ``i``: ("cut"|"forward"|"skip"|"sig"|"phone"|"", lines consumed).

    hints: which checks can match at all (see :func:`_scan`); the others are skipped.
    first: line ``i`` is the mail's first line of text."""
    line = lines[i]
    if "f" in hints and p.forward.match(line):
        return "forward", 1
    if "s" in hints and (p.separator.match(line) or _UNDERSCORES.match(line)):
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if nxt is not None and p.forward.match(lines[nxt]):
            return "skip", 1  # a forward line comes next: it is read as one
        if nxt is not None and p.header_from.match(lines[nxt]) and (
                _header_block(lines, nxt, p)[1]):
            return "forward", 1
        return "cut", 1
    if "h" in hints and p.header_from.match(line):
        is_block, forward = _header_block(lines, i, p)
        if is_block:
            return ("forward", 0) if forward else ("cut", 1)
    taken = _attribution(lines, i, p) if "a" in hints else 0
    if taken:
        # an attribution with nothing above it: the text below is the reply (the
        # client put it under the history); ">" lines below it: bottom-posting
        if first or _is_quoted(_next_content(lines, i + taken)):
            return "skip", taken
        return "cut", taken
    if "s" in hints and (_SIGNATURE.match(line) or _DELIMITER.match(line)):
        return "sig", 1
    if "p" in hints and p.phone.match(line):
        return "phone", 1
    return "", 0


_QUOTED_LINE = re.compile(r"\n[^\S\n]*>[^\n]*")  # as _is_quoted, after a line break
_MASK = ">"  # what a quoted line becomes in the masked text
#: the only characters that match a letter of the hint words under re.IGNORECASE
#: without lower-casing to it (found by trying every code point against a-z, ä, ö, å)
_IGNORECASE_ONLY = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """``text`` lower-cased as re.IGNORECASE compares it with the hint words, and folded
    as they are (ä as a); line breaks stay where they were (no case mapping makes or
    eats one)."""
    if any(c in text for c in "\u0130\u0131\u017f"):
        text = text.translate(_IGNORECASE_ONLY)
    return fold(text)


_LINE_BREAK = re.compile("\n")
_QUOTED_RUNS = re.compile(r"\n[^\S\n]*>[^\n]*(?:\n[^\S\n]*>[^\n]*)*")  # after a break


def _any_hint(low: str, p: _Patterns) -> bool:
    """Could any history check match a line of ``low`` (folded, starting with a line
    break)? On the text without its quoted lines this is never False where _hints of
    the masked text finds something: a from-line's next lines only come closer."""
    return bool(p.header_from_block.search(low) or _DATED_HINT.search(low)) or any(
        word in low for _, words in p.hint_words for word in words
    )


def _hints(masked: str, p: _Patterns) -> dict[int, str]:
    """Line index -> the checks (letters as in hint_words) that may match on that line.

    ``masked`` starts with a line break (line i follows the i-th one) and has its quoted
    lines masked. str.find per word: the regex engine under IGNORECASE is ten times slower.
    """
    low = _folded(masked)
    found: list[tuple[int, str]] = []
    for kind, words in p.hint_words:
        for word in words:
            if not word:  # nothing known: the check may match on every line
                found.extend((m.start() + 1, kind) for m in _LINE_BREAK.finditer(low))
                continue
            at = low.find(word)
            while at >= 0:
                found.append((at, kind))
                at = low.find("\n", at)  # one hit a line is enough
                at = low.find(word, at) if at >= 0 else -1
    found.extend((m.start() + 1, "h") for m in p.header_from_block.finditer(low))
    found.extend((m.start() + 1, "a") for m in _DATED_HINT.finditer(low))
    hints: dict[int, str] = {}
    line = -1  # the leading line break
    pos = 0
    for at, kind in sorted(found):
        line += low.count("\n", pos, at)
        pos = at
        hints[line] = hints.get(line, "") + kind
        if kind == "a" and line:
            hints[line - 1] = hints.get(line - 1, "") + kind
    return hints


_BLANK_LINES = re.compile(r"\n{3,}")
_QUOTE_MARKS = re.compile(r"\n[^\S\n]*(?:>[^\S\n]?)+")


def _only_quoted(text: str, p: _Patterns) -> str:
    """The new text of a mail of nothing but ">" lines: "" when they hold history (an
    attribution, a header block, a separator), else the quote as it is: understanding
    reads a mail's whole text when its new text is empty, so this shows what it reads."""
    if _any_hint(_folded(_QUOTE_MARKS.sub("\n", text)), p):
        return ""
    return _tidy([text])


def _tidy(lines: list[str]) -> str:
    """Lines without trailing space, no blank line at either end, none twice in a row.

    (An item may hold several lines.)"""
    text = "\n".join([line.rstrip() for line in "\n".join(lines).split("\n")])
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


def split_new_text(text: str) -> str:
    """The new text of a message body: no quoted history, no signature. Pure; never raises.

    Linear in the text: one pass masks the quoted lines, one finds the lines where a
    history check could match; only those are checked one by one, the lines between
    them are kept (or dropped in a signature) in bulk.
    """
    p = _patterns(known())
    text = "\n" + text.replace("\r\n", "\n").replace("\r", "\n")
    text = join_wrapped(text, p.wrapping)
    unquoted = _QUOTED_RUNS.sub("", text)
    if not unquoted.strip():
        return _only_quoted(text, p)
    if not _any_hint(_folded(unquoted), p):  # the common case: new text and quotes only
        return _tidy([unquoted])
    return _trimmed(text, p)


def _trimmed(text: str, p: _Patterns) -> str:
    """split_new_text's line by line part, for a text (after a leading line break) where
    some history check may match."""
    masked_text = _QUOTED_LINE.sub("\n" + _MASK, text)
    hints = _hints(masked_text, p)
    masked = masked_text.split("\n")[1:]  # a quoted line is _MASK, the others as they are
    lines = text.split("\n")[1:]
    stops = sorted(hints)
    first = next((j for j, m in enumerate(masked) if m.strip() and m != _MASK), -1)
    kept: list[str] = []
    in_signature = False
    in_forward_header = False
    header_seen = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if in_forward_header:  # the forwarded header block: kept up to its first blank line
            kept.append(line)
            header_seen = header_seen or bool(line.strip())
            in_forward_header = bool(line.strip()) or not header_seen
            i += 1
            continue
        line_hints = hints.get(i)
        if line_hints is None:  # no check can match up to the next hint: quoted lines
            at = bisect_right(stops, i)  # are skipped, the others kept (not in a signature)
            stop = stops[at] if at < len(stops) else len(lines)
            if not in_signature:
                kept.extend(m for m in masked[i:stop] if m != _MASK)
            i = stop
            continue
        if _is_quoted(line):  # no history pattern matches a quoted line
            i += 1
            continue
        kind, taken = _history_start(lines, i, line_hints, p, first=i == first)
        if kind == "cut":
            break
        if kind == "forward":
            in_signature = False
            in_forward_header = True
            header_seen = False
            if taken:
                kept.append(line)
                i += taken
            continue
        i += max(taken, 1)
        if kind == "sig":
            in_signature = True
        elif kind in ("skip", "phone") or in_signature:
            continue
        else:
            kept.append(line)
    return _tidy(kept)
