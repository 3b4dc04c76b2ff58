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
_HEADER_OTHER = re.compile(
    r"^\s*\*?(sent|date|to|cc|subject|lähetetty|päivämäärä|päiväys|vastaanottaja|kopio"
    r"|aihe|skickat|datum|till|ämne|gesendet|an|betreff)\s*:\*?",
    re.IGNORECASE,
)
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


def _history_start(lines: list[str], i: int) -> tuple[str, int]:
    """Classify line ``i``: ("cut"|"forward"|"skip"|"sig"|"phone"|"", lines consumed)."""
    line = lines[i]
    if _FORWARD.match(line):
        return "forward", 1
    if _SEPARATOR.match(line) or _UNDERSCORES.match(line):
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if nxt is not None and _HEADER_FROM.match(lines[nxt]) and _header_block(lines, nxt)[1]:
            return "forward", 1
        return "cut", 1
    if _HEADER_FROM.match(line):
        is_block, forward = _header_block(lines, i)
        if is_block:
            return ("forward", 0) if forward else ("cut", 1)
    taken = _attribution(lines, i)
    if taken:
        if _is_quoted(_next_content(lines, i + taken)):
            return "skip", taken
        return "cut", taken
    if _SIGNATURE.match(line):
        return "sig", 1
    if _PHONE.match(line):
        return "phone", 1
    return "", 0


def _tidy(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def split_new_text(text: str) -> str:
    """The new text of a message body: no quoted history, no signature. Pure; never raises."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
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
        if _is_quoted(line):  # no history pattern matches a quoted line: skip it cheaply
            i += 1
            continue
        kind, taken = _history_start(lines, i)
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
        elif kind in ("skip", "phone") or in_signature or _is_quoted(line):
            continue
        else:
            kept.append(line)
    return _tidy(kept)
