"""Header fields of a mail: its identity, RFC 2047 words, addresses, the date, Message-IDs.

Values come out as safe single lines: unfolded, decoded, without control characters.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email import utils
from email.header import decode_header
from email.message import Message

from mailflow.core.reading.charsets import decode_bytes, unsurrogate

__all__ = [
    "MAX_ADDRESSES", "Headers", "addresses", "date_of", "header_text", "message_ids",
    "message_key", "sender",
]

MAX_ADDRESSES = 100


MAX_HEADER_CHARS = 16 * 1024  # of one raw header value


_HEADER_SCAN_BYTES = 256 * 1024


_MESSAGE_ID = re.compile(rb"^message-id[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.I | re.M)


_FOLD = re.compile(r"\r?\n(?=[ \t])")


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")


_WSP = re.compile(r"\s+")


_MSGID_IN = re.compile(r"<([^<>]+)>")


_ANGLE_ADDR = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>")


_PLAUSIBLE_ADDRESS = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")


def _header_block(raw: bytes) -> bytes:
    head = raw[:_HEADER_SCAN_BYTES]
    ends = [i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0]
    return head[: min(ends)] if ends else head


def _clean_message_id(value: str) -> str:
    match = _MSGID_IN.search(value)
    inner = match.group(1) if match else value
    return _WSP.sub("", inner).strip("<>")


def _message_id_field(block: bytes) -> re.Match[bytes] | None:
    """_MESSAGE_ID.search(block), with the line starts found by bytes.find (the regex
    engine tries a case-insensitive ^ at every byte)."""
    low = block.lower()
    at = low.find(b"message-id")
    while at >= 0:
        if at == 0 or low[at - 1] == 0x0A:
            match = _MESSAGE_ID.match(block, at)
            if match:
                return match
        at = low.find(b"message-id", at + 1)
    return None


#: header fields a relay adds or rewrites on the way (RFC 5321 trace fields and their
#: kin): a second delivery of the same mail differs in them and nowhere else
TRACE_FIELDS = frozenset({
    b"received", b"return-path", b"delivered-to", b"x-original-to", b"dkim-signature",
    b"authentication-results",
})


def message_key(raw: bytes) -> str:
    """The message's identity: its Message-ID without brackets and whitespace, or
    ``sha256:<hex>`` of the raw bytes without the trace fields (:data:`TRACE_FIELDS`,
    ``ARC-*``) when it has none, so a relay's retry with another ``Received:`` line is the
    same message. Scans the header block only."""
    block = _header_block(raw)
    match = _message_id_field(block)
    if match:
        message_id = _clean_message_id(match.group(1).decode("latin-1"))
        if message_id:
            return message_id
    digest = hashlib.sha256()
    for line in _untraced_lines(block):
        digest.update(line)
    digest.update(raw[len(block):])
    return "sha256:" + digest.hexdigest()


def _untraced_lines(block: bytes) -> list[bytes]:
    """The header block's lines (with their line ends) without the trace fields'."""
    kept: list[bytes] = []
    dropping = False
    for line in block.splitlines(keepends=True):
        if line[:1] not in (b" ", b"\t"):  # a field's first line (else: its continuation)
            name = line.split(b":", 1)[0].strip().lower()
            dropping = name in TRACE_FIELDS or name.startswith(b"arc-")
        if not dropping:
            kept.append(line)
    return kept


def _decode_words(value: str) -> str:
    """RFC 2047 decoding that falls back to the raw value on broken encoded words."""
    if "=?" not in value:
        return value
    try:
        chunks = decode_header(value)
    except Exception:  # broken encoded words: keep the raw text
        return value
    out: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset:
            out.append(decode_bytes(chunk, charset)[0])
        else:
            out.append(decode_bytes(chunk, "utf-8")[0])
    # decode_header keeps unencoded parts with their spaces; encoded-word runs are joined.
    text = ""
    for i, piece in enumerate(out):
        if i and _needs_space(chunks[i - 1][1], chunks[i][1], text, piece):
            text += " "
        text += piece
    return text


def _needs_space(before: str | None, charset: str | None, text: str, piece: str) -> bool:
    """Between an encoded word and plain text (either way round) a space is kept, unless
    one is already there; ``before``/``charset``: the charsets of the two chunks."""
    if before and charset is None:
        return not piece.startswith(" ")
    return before is None and bool(charset) and not text.endswith(" ")


def header_text(value: str) -> str:
    """A raw header value as one safe line: unfolded, decoded, no control characters."""
    if value.isascii() and value.isprintable() and "  " not in value and "=?" not in value:
        return value.strip()  # nothing below would change it
    value = _FOLD.sub("", unsurrogate(value))
    return _WSP.sub(" ", _CONTROL.sub(" ", _decode_words(value))).strip()


@dataclass
class Headers:
    """Raw header values by lower-case name, in order (compat32's raw items)."""

    values: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, msg: Message) -> Headers:
        values: dict[str, list[str]] = {}
        for name, value in msg.raw_items():
            values.setdefault(str(name).strip().lower(), []).append(str(value)[:MAX_HEADER_CHARS])
        return cls(values)

    def raw(self, name: str) -> str:
        found = self.values.get(name)
        return _FOLD.sub("", unsurrogate(found[0])) if found else ""

    def raw_all(self, name: str) -> str:
        return ", ".join(_FOLD.sub("", unsurrogate(v)) for v in self.values.get(name, []))

    def text(self, name: str) -> str:
        found = self.values.get(name)
        return header_text(found[0]) if found else ""

    def all_text(self, name: str) -> list[str]:
        return [header_text(v) for v in self.values.get(name, [])]


def _plausible(address: str) -> str:
    """The address lower-cased if it looks like one (``local@domain.tld``), else ""."""
    address = _CONTROL.sub("", address).strip().lower()
    return address if _PLAUSIBLE_ADDRESS.match(address) else ""


_DOT_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"


#: one mailbox, ``addr`` or ``name <addr>``, whose address getaddresses reads as written
_ONE_MAILBOX = re.compile(
    rf"[ \t]*(?:[^\"<>,;:()\\@\[\]]*<({_DOT_ATOM}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>"
    rf"|({_DOT_ATOM}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))[ \t]*"
)


def addresses(raw: str) -> tuple[str, ...]:
    """The plausible addresses of an address-list header, lower case, each once."""
    if not raw:
        return ()
    one = _ONE_MAILBOX.fullmatch(raw)
    if one is not None:  # the usual case, without getaddresses' pure-Python parser
        address = _plausible(one.group(1) or one.group(2))
        return (address,) if address else ()
    try:
        pairs = utils.getaddresses([raw])
    except Exception:
        return ()
    found = [_plausible(a) for _, a in pairs[:MAX_ADDRESSES]]
    return tuple(dict.fromkeys(a for a in found if a))


def sender(headers: Headers) -> tuple[str, str]:
    """(address, display name). The angle-addr wins: an encoded display name may hold a
    colon or a comma that would make parseaddr read a group or a list."""
    raw = headers.raw("from")
    angle = _ANGLE_ADDR.findall(raw)
    if angle:
        name = raw[: raw.rfind("<")].strip().strip('"').strip()
        return _plausible(angle[-1]), header_text(name)
    try:
        name, address = utils.parseaddr(raw)
    except Exception:
        name, address = "", ""
    if not _plausible(address) and "=?" in raw:
        return _encoded_sender(raw)
    return _plausible(address), header_text(name)


def _encoded_sender(raw: str) -> tuple[str, str]:
    """A client that wraps all of ``Name <addr>`` in one encoded word (Exchange bounces
    seen so): the address read from the decoded text, if it holds exactly one."""
    decoded = header_text(raw)
    angle = _ANGLE_ADDR.findall(decoded)
    if len(angle) != 1:
        return "", header_text(raw)
    return _plausible(angle[0]), decoded[: decoded.rfind("<")].strip().strip('"').strip()


_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


_RFC5322_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ?)?(\d{1,2}) ([A-Z][a-z]{2}) ([1-9]\d{3}) "
    r"([01]\d|2[0-3]):([0-5]\d):([0-5]\d) ([+-])([01]\d|2[0-3])([0-5]\d)"
)


def _plain_date(raw: str) -> datetime | None:
    """The common ``Sun, 01 Nov 2026 08:00:00 +0200`` as parsedate_to_datetime reads it."""
    found = _RFC5322_DATE.fullmatch(raw)
    month = _MONTHS.get(found.group(2), 0) if found else 0
    if not found or not month:
        return None
    day, _, year, hour, minute, second, sign, tz_hours, tz_minutes = found.groups()
    offset = timedelta(hours=int(tz_hours), minutes=int(tz_minutes))
    try:
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second),
                        tzinfo=timezone(-offset if sign == "-" else offset))
    except ValueError:
        return None  # e.g. 31 Feb: the full parser names the problem


def date_of(headers: Headers, problems: list[str]) -> datetime | None:
    """The Date header as an aware datetime (UTC when it names no zone), or None."""
    raw = headers.text("date")
    if not raw:
        return None
    plain = _plain_date(raw)
    if plain is not None:
        return plain
    try:
        when = utils.parsedate_to_datetime(raw)
    except Exception:
        problems.append("unreadable Date header")
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def message_ids(value: str) -> tuple[str, ...]:
    """The ``<...>`` Message-IDs in a header value, without brackets and whitespace."""
    return tuple(_WSP.sub("", m) for m in _MSGID_IN.findall(value))[:MAX_ADDRESSES]

