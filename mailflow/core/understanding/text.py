"""The text of a mail that understanding reads, and the plain pieces found in any text.

:func:`reading_of` picks what intent words are looked for in; the rest finds mail
addresses, the closing line ("Terveisin", "Best regards") and the signature under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from mailflow.core.languages.lexicon import Lexicon, known
from mailflow.core.languages.screen import fold
from mailflow.core.values import ParsedMessage

__all__ = [
    "ADDRESS", "CAP_WORD", "NAME", "Reading", "addresses_in", "closing_index", "one_line",
    "own_part", "reading_of", "signature_lines",
]

ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
NAME = re.compile(r"^[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3}$")
CAP_WORD = re.compile(r"^[A-ZÅÄÖ][\w'’-]+$")


@dataclass(frozen=True)
class Reading:
    """The text intent words are looked for in, and where it came from."""

    text: str  # as written
    folded: str  # lexicon.fold(text + subject when the subject counts)
    lines: tuple[str, ...]
    forwarded: bool
    #: the folded part of the text one of several requests is read from (its days are
    #: looked for there only); "" for the whole text
    only: str = ""

    @cached_property
    def folded_text(self) -> str:
        """lexicon.fold(text), without the subject (``only`` when set)."""
        return self.only or fold(self.text)

    @cached_property
    def body(self) -> tuple[str, ...]:
        """The lines above the closing ("Terveisin"), or all lines when there is none."""
        return self.lines[: closing_index(self.lines)]


def reading_of(msg: ParsedMessage) -> Reading:
    """What of ``msg`` intent words are looked for in: the new text, and the subject unless
    the mail is a reply; the forwarded mail whole when it is a forward."""
    lexicon = known()
    forwarded = bool(lexicon.forward_subject.match(msg.subject))
    # a reply with nothing of its own (an empty phone reply) says nothing: its history
    # is not what the person says now
    text = msg.new_text.strip() or own_part(msg.text)
    if _written_afresh(msg, lexicon) and len(own_part(msg.text).strip()) > len(text):
        # no history to trim: a line of dashes in a web form's mail is no signature
        text = own_part(msg.text).strip()
    if forwarded and msg.text.strip():
        # the forwarded mail is the request; only its own ">" history is left out
        text = "\n".join(line for line in msg.text.splitlines() if not line.startswith(">"))
    folded = fold(text)
    if forwarded:
        folded = f"{fold(lexicon.forward_subject.sub('', msg.subject))}\n{folded}"
    elif not lexicon.reply_subject.match(msg.subject):
        folded = f"{fold(msg.subject)}\n{folded}"
    lines = tuple(line.rstrip() for line in text.splitlines())
    return Reading(text=text, folded=folded, lines=lines, forwarded=forwarded)


def _written_afresh(msg: ParsedMessage, lexicon: Lexicon) -> bool:
    """True when ``msg`` answers nothing and forwards nothing: a new mail, all its own."""
    return not (msg.in_reply_to or msg.references or lexicon.reply_subject.match(msg.subject)
                or lexicon.forward_subject.match(msg.subject))


def addresses_in(text: str) -> list[str]:
    """The mail addresses in ``text``, lower case, each once, in order."""
    return list(dict.fromkeys(a.lower().rstrip(".") for a in ADDRESS.findall(text)))


def one_line(value: str, limit: int = 200) -> str:
    """Whitespace (CR/LF included) collapsed, length capped: safe for headers and logs."""
    return " ".join(value.split())[:limit]


def closing_index(lines: tuple[str, ...]) -> int:
    """Index of the closing line ("Terveisin"), or len(lines) when there is none."""
    lexicon = known()
    for i in range(len(lines) - 1, max(-1, len(lines) - 14), -1):
        if _is_closing(lines[i], lexicon):
            return i
    return len(lines)


@lru_cache(maxsize=4096)
def _is_closing(line: str, lexicon: Lexicon) -> bool:
    line = line.strip()
    return bool(lexicon.closings.match(fold(line)) or lexicon.signed_closing.match(line))


def signature_lines(lines: tuple[str, ...]) -> list[str]:
    """The lines under the closing: name, title, organisation (phones and links dropped).

    Without a closing, a short last paragraph that starts with a name counts.
    """
    lexicon = known()
    at = closing_index(lines)
    if at < len(lines):
        inline = known().closing_start.sub("", lines[at].strip())
        rest = [inline] if inline and inline != lines[at].strip() else []
        rest += [line.strip() for line in lines[at + 1:]]
    else:
        blank = max((i for i, line in enumerate(lines) if not line.strip()), default=-1)
        rest = [line.strip() for line in lines[blank + 1:]]
        if not (1 < len(rest) <= 5 and NAME.match(rest[0])):
            return []
    return [
        line for line in rest
        if line and not lexicon.phone_signature.search(line)
        and not lexicon.phone_line.search(line)
        and "@" not in line and "http" not in line and not line.startswith(("--", "__"))
    ][:6]


def own_part(text: str) -> str:
    """The text above the first line that starts quoted history."""
    cut = known().history_start.search(text)
    return text[: cut.start()] if cut else text
