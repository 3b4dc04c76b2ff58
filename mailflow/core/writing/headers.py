"""Safe header values from untrusted text (pure).

User text (names, organisations, subjects) reaches headers only through
:func:`clean_header_text`, which leaves one harmless line: no CR, LF or other control
characters, no encoded-word (``=?charset?q?...?=``) that a mail client would decode back
into a line break or a fake header.

The ``*_header`` functions write whole header fields for a message that mailflow sends:
ASCII only (RFC 2047 encoded-words in UTF-8 for anything else), folded at 78 columns with
CRLF + space. They are plain string work, far cheaper than ``email.headerregistry``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.headerregistry import Address

from mailflow.core.errors import MailflowError

__all__ = [
    "HEADER_WIDTH",
    "InvalidAddressError",
    "address_header",
    "clean_address",
    "clean_header_text",
    "clean_message_ids",
    "format_address",
    "make_message_id",
    "phrase_header",
    "structured_header",
    "unstructured_header",
]

_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_SPACES = re.compile(r"\s+")
_UNPRINTABLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# characters outside printable ASCII and the Latin letters (U+00AD is the soft hyphen, Cf):
# only these need a look at their Unicode category
_MAYBE_UNPRINTABLE = re.compile("[^ -~\u00a0-\u00ac\u00ae-\u02ff]")
_ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"\\]+@[A-Za-z0-9.-]+")
# an id longer than a header line is junk, and would have to be broken to be sent
_MSG_ID = re.compile(r"<[^<>\s@\"\\]{1,200}@[^<>\s@\"\\]{1,200}>")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")

HEADER_WIDTH = 78  # RFC 5322 2.1.1: lines SHOULD be at most 78 characters
_EW_OPEN, _EW_CLOSE = "=?utf-8?q?", "?="
_EW_TEXT = 75 - len(_EW_OPEN) - len(_EW_CLOSE)  # RFC 2047 2: an encoded-word is <= 75 chars
_EW_MIN_TEXT = 9  # fewer free columns than this on a line: start the encoded-word on the next
# RFC 2047 5(3): the characters an encoded-word in a phrase may carry as they are; a space
# is "_", everything else =XX. The same set is safe in unstructured text too.
_Q_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")
_Q_BYTE = tuple(
    "_" if b == 0x20 else chr(b) if b in _Q_SAFE else f"={b:02X}" for b in range(256)
)
_Q_CHAR = {chr(c): "".join(_Q_BYTE[b] for b in chr(c).encode("utf-8")) for c in range(0x300)}
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")  # RFC 5322 atext
_PRINTABLE_ASCII = re.compile(r"[ -~]+")
_LONGEST_WORD = HEADER_WIDTH - 1  # a word that fits on a continuation line after its space


class InvalidAddressError(MailflowError, ValueError):
    """An address that cannot be put in a header as it is."""


def _decode_encoded_words(text: str) -> str:
    if not _ENCODED_WORD.search(text):
        return text
    try:
        return str(make_header(decode_header(text)))
    except (UnicodeError, LookupError, ValueError):  # unknown charset, bad base64...
        return _ENCODED_WORD.sub(" ", text)


def _unprintable_to_space(match: re.Match[str]) -> str:
    char = match.group()
    return " " if unicodedata.category(char) in _UNPRINTABLE else char


def _printable(text: str) -> str:
    """Control, format and separator characters other than a plain space become spaces."""
    return _MAYBE_UNPRINTABLE.sub(_unprintable_to_space, text)


def clean_header_text(text: str, max_len: int = 200) -> str:
    """One harmless line of at most ``max_len`` characters, made from untrusted ``text``.

    Encoded-words are decoded and their result cleaned too; whatever still looks like
    the start of one (``=?``) is broken up, so no client decodes it later.
    """
    line = _printable(_decode_encoded_words(_printable(str(text))))
    line = _SPACES.sub(" ", line).strip().replace("=?", "= ?")
    if len(line) > max_len:
        line = line[: max_len - 1].rstrip() + "…"
    return line


def clean_address(address: str) -> str:
    """``address`` as a bare addr-spec, or raise :class:`InvalidAddressError`."""
    candidate = address.strip()
    if not _ADDRESS.fullmatch(candidate) or candidate.count("@") != 1:
        raise InvalidAddressError(f"not a usable mail address: {clean_header_text(address, 80)!r}")
    return candidate


def format_address(name: str, address: str) -> str:
    """``"Name" <address>`` for a header, the name cleaned and quoted as needed.

    Built with :class:`email.headerregistry.Address`, so specials in a name (``,`` ``"``
    ``<``) stay inside the quoted display name; a message with ``policy=SMTP`` writes a
    non-ASCII name as an RFC 2047 encoded-word.
    """
    display = clean_header_text(name, 100)
    local, domain = clean_address(address).rsplit("@", 1)
    return str(Address(display_name=display, username=local, domain=domain))


def clean_message_ids(*values: str) -> tuple[str, ...]:
    """The well-formed ``<id@host>`` tokens in untrusted header values, in order, once each
    (each side of the ``@`` at most 200 characters)."""
    found: list[str] = []
    for value in values:
        for token in _MSG_ID.findall(value or ""):
            if token not in found:
                found.append(token)
    return tuple(found)


def make_message_id(key: str, domain: str, day: str = "") -> str:
    """A deterministic Message-ID for an idempotency key: a resend carries the same one.

    ``<hash.day-ID@domain>`` when the mail is about network day ``ID`` (RSVP replies are
    matched by ``.day-ID@`` in References), else ``<hash@domain>``.
    """
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    host = _ID_UNSAFE.sub("", domain) or "mailflow.invalid"
    if day:
        return f"<{digest}.day-{_ID_UNSAFE.sub('_', day)}@{host}>"
    return f"<{digest}@{host}>"


# -- writing header fields ----------------------------------------------------------------
# A header value is a list of items separated by one space: (text, False) is written as it
# is and never broken; (text, True) becomes encoded-words, split between characters where
# the line is full. Whitespace between two encoded-words is not part of the text (RFC 2047
# 6.2), so consecutive words to encode must be one item, their spaces encoded inside.
_Item = tuple[str, bool]


def _q_pieces(text: str) -> list[str]:
    """Each character of ``text`` as RFC 2047 Q-encoded UTF-8."""
    if text.isascii():
        return [_Q_BYTE[ord(c)] for c in text]
    return [_Q_CHAR.get(c) or "".join([_Q_BYTE[b] for b in c.encode("utf-8")]) for c in text]


def _fold(name: str, items: list[_Item]) -> str:
    """``Name: value``, folded with CRLF + space before an item or between encoded-words."""
    if not any(encode for _, encode in items):
        value = " ".join(text for text, _ in items)
        if len(name) + 2 + len(value) <= HEADER_WIDTH and _PRINTABLE_ASCII.fullmatch(value) \
                and "=?" not in value:
            return f"{name}: {value}"  # the common case: one line as it is
    folded = _Folded(done=[], line=name + ":")
    for text, encode in items:
        if encode or not _PRINTABLE_ASCII.fullmatch(text) or "=?" in text:
            # never a raw control, CR/LF, 8-bit or encoded-word lookalike
            _fold_encoded(folded, _q_pieces(text))
        else:
            _fold_plain(folded, text)
    return "\r\n".join([*folded.done, folded.line])


@dataclass
class _Folded:
    """A header being folded: the finished lines and the one being filled."""

    done: list[str]
    line: str
    has_word: bool = False  # the current line carries part of the value

    def break_line(self) -> None:
        self.done.append(self.line)
        self.line, self.has_word = "", False

    def add(self, text: str) -> None:
        self.line += " " + text
        self.has_word = True


def _fold_plain(folded: _Folded, text: str) -> None:
    """Add ``text`` unbroken, on a fresh line when it would overflow this one."""
    if len(folded.line) + 1 + len(text) > HEADER_WIDTH and (
        folded.has_word or (not folded.done and len(text) < HEADER_WIDTH)
    ):
        folded.break_line()
    folded.add(text)


def _fold_encoded(folded: _Folded, pieces: list[str]) -> None:
    """Add the Q-encoded ``pieces`` as encoded-words, cut after a space where a line is full."""
    start = 0
    while start < len(pieces):
        room = min(_EW_TEXT, HEADER_WIDTH - len(folded.line) - 1 - len(_EW_OPEN) - len(_EW_CLOSE))
        if room < max(_EW_MIN_TEXT, len(pieces[start])) and (folded.has_word or not folded.done):
            folded.break_line()
            room = _EW_TEXT
        end = _pieces_that_fit(pieces, start, room)
        if end < len(pieces):  # the run goes on: cut after a space, so words stay whole
            if "_" not in pieces[start + 1:end] and folded.has_word:
                folded.break_line()  # no space to cut at: a fresh line has more room
                continue
            end = _after_last_space(pieces, start, end)
        end = max(end, start + 1)
        folded.add(_EW_OPEN + "".join(pieces[start:end]) + _EW_CLOSE)
        start = end


def _pieces_that_fit(pieces: list[str], start: int, room: int) -> int:
    """The end of the longest run of ``pieces`` from ``start`` that fits in ``room``."""
    end, used = start, 0
    while end < len(pieces) and used + len(pieces[end]) <= room:
        used += len(pieces[end])
        end += 1
    return end


def _after_last_space(pieces: list[str], start: int, end: int) -> int:
    """Just after the last encoded space in ``pieces[start + 1:end]``, else ``end``."""
    for cut in range(end - 1, start, -1):
        if pieces[cut] == "_":
            return cut + 1
    return end


def _word_items(text: str, plain: re.Pattern[str]) -> list[_Item]:
    """The words of ``text``: those matching ``plain`` as they are, runs of others encoded."""
    items: list[_Item] = []
    run: list[str] = []
    for word in text.split():
        if plain.fullmatch(word) and "=?" not in word and len(word) <= _LONGEST_WORD:
            if run:
                items.append((" ".join(run), True))
                run = []
            items.append((word, False))
        else:
            run.append(word)
    if run:
        items.append((" ".join(run), True))
    return items


def _phrase_items(text: str) -> list[_Item]:
    """A display name as a phrase: atoms, a quoted-string, or encoded-words."""
    if not text.isascii():
        return _word_items(text, _ATOM)
    words = text.split()
    if all(_ATOM.fullmatch(word) and len(word) <= _LONGEST_WORD for word in words):
        return [(word, False) for word in words]
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if len(quoted) <= _LONGEST_WORD:
        return [(quoted, False)]
    return [(text, True)]


def unstructured_header(name: str, text: str) -> str:
    """``Name: text`` for free text such as Subject (clean it first)."""
    return _fold(name, _word_items(text, _PRINTABLE_ASCII))


def structured_header(name: str, value: str) -> str:
    """``Name: value`` for an ASCII value (ids, dates, tokens), folded only at its spaces."""
    return _fold(name, [(word, False) for word in value.split()])


def phrase_header(name: str, phrase: str, tail: str) -> str:
    """``Name: phrase tail``, e.g. a List-Id: ``phrase`` is cleaned, ``tail`` is ASCII."""
    return _fold(name, [*_phrase_items(clean_header_text(phrase, 100)), (tail, False)])


def address_header(name: str, display_name: str, address: str) -> str:
    """``Name: display name <address>`` (the name cleaned, quoted or encoded as needed), or
    the bare address when the name is empty; raise InvalidAddressError for a bad address."""
    addr = clean_address(address)
    display = clean_header_text(display_name, 100)
    if not display:
        return _fold(name, [(addr, False)])
    return _fold(name, [*_phrase_items(display), (f"<{addr}>", False)])
