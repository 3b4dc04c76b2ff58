"""What the person wrote now: a reply's text without quoted history or signature.

Finnish and English clients are covered: Outlook's header blocks (``Lähettäjä:`` /
``Lähetetty:`` / ``Aihe:``, ``From:`` / ``Sent:`` / ``Subject:``) and separators
(``-----Alkuperäinen viesti-----``, ``-----Original Message-----``, a line of
underscores), attributions (``On ... wrote:``, ``... kirjoitti:``, also wrapped over two
lines), ``>`` quoted lines, the ``-- `` signature separator and phone signatures
(``Lähetetty iPhonesta``, ``Sent from my iPhone``, ``Hanki Outlook for Android``...).

Forwarded mail is NOT history: a coordinator may forward a colleague's sign-up, so the
forwarded header and text are kept (``---------- Forwarded message ---------``,
``Välitetty viesti``, ``Begin forwarded message:``, and an Outlook header block whose
subject starts with ``VL:`` / ``FW:`` / ``Fwd:``). Only the forwarded message's own quoted
history is dropped.

Bottom-posting is understood: an attribution followed by ``>`` lines drops just the
attribution and the quote, so text written below the quote survives; an attribution or
header block followed by unquoted text (Outlook style) ends the new text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["split_new_text"]

_SEPARATOR = re.compile(
    r"^\s*-{2,}\s*(alkuperäinen viesti|original message|ursprüngliche nachricht"
    r"|ursprungligt meddelande|originalmeddelande)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_UNDERSCORES = re.compile(r"^\s*_{20,}\s*$")
_FORWARD = re.compile(
    r"^\s*(-{2,}\s*(forwarded message|välitetty viesti|vidarebefordrat meddelande)\s*-{2,}"
    r"|begin forwarded message:?|välitetty viesti alkaa:?|aloita välitetty viesti:?"
    r"|alku välitetty viesti:?|-{2,}\s*välitetty viesti\s*:?.*)\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(from|lähettäjä|från|von)\s*:\*?\s*\S", re.IGNORECASE)
_OTHER_HEADER_NAMES = (
    "sent|date|to|cc|subject|lähetetty|päivämäärä|päiväys|vastaanottaja|kopio"
    "|aihe|skickat|datum|till|ämne|gesendet|an|betreff"
)
_HEADER_OTHER = re.compile(rf"^\s*\*?({_OTHER_HEADER_NAMES})\s*:\*?", re.IGNORECASE)
_HEADER_SUBJECT = re.compile(r"^\s*\*?(subject|aihe|ämne|betreff)\s*:\*?\s*(.*)$", re.IGNORECASE)
_FORWARD_SUBJECT = re.compile(r"^(vl|fw|fwd|wg|tr|vs\s*:\s*vl)\s*:", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(\bwrote|\bkirjoitti|\bskrev|\bschrieb|\ba écrit)\b[^\n]{0,60}:\s*$", re.IGNORECASE
)
_ATTRIBUTION_HINT = re.compile(r"@|\d")
#: how the first half of a wrapped attribution looks: "On ...", "ma 3.10.2016 klo ...", "... <"
_ATTRIBUTION_START = re.compile(
    r"^(on|am|le|den|el)\s|^(ma|ti|ke|to|pe|la|su)\s+\d|^\d{1,2}\.\d{1,2}\.\d{2,4}|[<,]$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^--\s*$")
_PHONE = re.compile(
    r"^\s*(lähetetty (iphonesta|ipadista|android-puhelimesta|mobiililaitteesta"
    r"|samsung galaxy -älypuhelimesta|.{0,40}(puhelimesta|älypuhelimesta|tabletista))"
    r"|sent from (my )?(iphone|ipad|android|samsung|mobile|outlook|mail for windows).*"
    r"|(hanki|get) outlook (for|para|-sovellus) ?(android|ios).*"
    r"|lähetetty windowsin sähköposti.*|skickat från min .*)\s*\.?\s*$",
    re.IGNORECASE,
)
_MAX_LINE_FOR_ATTRIBUTION = 300


def _is_quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _header_block(lines: list[str], start: int) -> tuple[bool, bool]:
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
        if _HEADER_OTHER.match(line):
            others += 1
            subject = _HEADER_SUBJECT.match(line)
            if subject and _FORWARD_SUBJECT.match(subject.group(2).strip()):
                forward = True
        else:
            break
    return others >= 1, forward


def _attribution(lines: list[str], i: int) -> int:
    """Lines taken by an ``On ... wrote:`` attribution starting at ``i`` (0 if none)."""
    line = lines[i].strip()
    if not line or len(line) > _MAX_LINE_FOR_ATTRIBUTION or _is_quoted(line):
        return 0
    if _ATTRIBUTION_END.search(line) and _ATTRIBUTION_HINT.search(line):
        return 1
    if i + 1 < len(lines):
        nxt = lines[i + 1].strip()
        joined = f"{line} {nxt}"
        nxt_complete = bool(_ATTRIBUTION_HINT.search(nxt))
        if (
            nxt
            and not _is_quoted(nxt)
            and len(joined) <= _MAX_LINE_FOR_ATTRIBUTION
            and _ATTRIBUTION_END.search(nxt)
            and _ATTRIBUTION_HINT.search(joined)
            and not _ATTRIBUTION_END.search(line)
            and (not nxt_complete or _ATTRIBUTION_START.search(line))
        ):
            return 2
    return 0


def _next_content(lines: list[str], i: int) -> str:
    for line in lines[i:]:
        if line.strip():
            return line
    return ""


def _history_start(lines: list[str], i: int, hints: str = "fshap") -> tuple[str, int]:
    """Classify line ``i``: ("cut"|"forward"|"skip"|"sig"|"phone"|"", lines consumed).

    hints: which checks can match at all (see :func:`_scan`); the others are skipped."""
    line = lines[i]
    if "f" in hints and _FORWARD.match(line):
        return "forward", 1
    if "s" in hints and (_SEPARATOR.match(line) or _UNDERSCORES.match(line)):
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if nxt is not None and _HEADER_FROM.match(lines[nxt]) and _header_block(lines, nxt)[1]:
            return "forward", 1
        return "cut", 1
    if "h" in hints and _HEADER_FROM.match(line):
        is_block, forward = _header_block(lines, i)
        if is_block:
            return ("forward", 0) if forward else ("cut", 1)
    taken = _attribution(lines, i) if "a" in hints else 0
    if taken:
        if _is_quoted(_next_content(lines, i + taken)):
            return "skip", taken
        return "cut", taken
    if "s" in hints and _SIGNATURE.match(line):
        return "sig", 1
    if "p" in hints and _PHONE.match(line):
        return "phone", 1
    return "", 0


_QUOTED_LINE = re.compile(r"\n[^\S\n]*>[^\n]*")  # as _is_quoted, after a line break
_MASK = ">"  # what a quoted line becomes in the masked text
#: What a line needs for a history check to match it, in lower case (a superset: the
#: check decides). f: _FORWARD; s: _SEPARATOR, _UNDERSCORES, _SIGNATURE; a: an
#: attribution on this line or the next; p: _PHONE; h: see _HEADER_FROM_BLOCK.
_HINT_WORDS = (
    ("f", ("forward", "välitetty", "vidarebefordrat")),
    ("s", ("--", "__")),
    ("a", ("wrote", "kirjoitti", "skrev", "schrieb", "a écrit")),
    ("p", ("lähetetty", "sent from", "outlook", "skickat från")),
)
#: _HEADER_FROM on a line whose first non-blank line among the next 11 matches
#: _HEADER_OTHER: what _header_block needs to call it a block (lower case, a superset).
_HEADER_FROM_BLOCK = re.compile(
    r"\n[^\S\n]*\*?(?:from|lähettäjä|från|von)[^\S\n]*:(?=\*?[^\S\n]*\S[^\n]*\n"
    rf"(?:[^\S\n]*\n){{0,10}}[^\S\n]*\*?(?:{_OTHER_HEADER_NAMES})\s*:)"
)
#: the only characters that match a letter of the words above under re.IGNORECASE
#: without lower-casing to it (found by trying every code point)
_IGNORECASE_ONLY = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _folded(text: str) -> str:
    """``text`` lower-cased as re.IGNORECASE compares it with the hint words; line breaks
    stay where they were (no case mapping makes or eats one)."""
    if any(c in text for c in "\u0130\u0131\u017f"):
        text = text.translate(_IGNORECASE_ONLY)
    return text.lower()


_QUOTED_RUNS = re.compile(r"\n[^\S\n]*>[^\n]*(?:\n[^\S\n]*>[^\n]*)*")  # after a break


def _any_hint(low: str) -> bool:
    """Could any history check match a line of ``low`` (folded, starting with a line
    break)? On the text without its quoted lines this is never False where _hints of
    the masked text finds something: a from-line's next lines only come closer."""
    return bool(_HEADER_FROM_BLOCK.search(low)) or any(
        word in low for _, words in _HINT_WORDS for word in words
    )


def _hints(masked: str) -> dict[int, str]:
    """Line index -> the checks (letters as in _HINT_WORDS) that may match on that line.

    ``masked`` starts with a line break (line i follows the i-th one) and has its quoted
    lines masked. str.find per word: the regex engine under IGNORECASE is ten times slower.
    """
    low = _folded(masked)
    found: list[tuple[int, str]] = []
    for kind, words in _HINT_WORDS:
        for word in words:
            at = low.find(word)
            while at >= 0:
                found.append((at, kind))
                at = low.find("\n", at)  # one hit a line is enough
                at = low.find(word, at) if at >= 0 else -1
    found.extend((m.start() + 1, "h") for m in _HEADER_FROM_BLOCK.finditer(low))
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
    text = "\n" + text.replace("\r\n", "\n").replace("\r", "\n")
    unquoted = _QUOTED_RUNS.sub("", text)
    if not _any_hint(_folded(unquoted)):  # the common case: new text and quotes only
        return _tidy([unquoted])
    masked_text = _QUOTED_LINE.sub("\n" + _MASK, text)
    hints = _hints(masked_text)
    masked = masked_text.split("\n")[1:]  # a quoted line is _MASK, the others as they are
    lines = text.split("\n")[1:]
    stops = sorted(hints)
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
        kind, taken = _history_start(lines, i, line_hints)
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
