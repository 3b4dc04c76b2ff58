"""Raw bytes to compat32's message tree, with the work on hostile input capped.

Beyond ``MAX_PARSE_BYTES`` only the start is parsed; long base64 runs are cut before
parsing; more than ``MAX_BOUNDARIES`` boundaries mean headers only. A clean single-part
message skips the parser's line-by-line body scan (:func:`simple_tree`).
"""

from __future__ import annotations

import re
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from mailflow.core.reading.body import MAX_TEXT_BYTES

__all__ = ["note_defects", "parse_tree", "simple_tree"]

MAX_PARSE_BYTES = 8 * 1024 * 1024  # beyond this only the start is parsed


MAX_BOUNDARIES = 60  # more "boundary" parameters than this: hostile; headers only


_COMPACT_ABOVE = 2 * 1024 * 1024


_MAX_BASE64_RUN = MAX_TEXT_BYTES // 45 + 100  # lines of a 1 MB part (60-char lines) and a margin


_BASE64_CHARS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r"


_BOUNDARY = re.compile(rb"boundary", re.I)


def _drop_long_base64(raw: bytes) -> tuple[bytes, bool]:
    """Cut every run of base64 lines after ``_MAX_BASE64_RUN`` lines.

    Attachments are never decoded, and no text part is read beyond MAX_TEXT_BYTES, so
    the rest of a long run is dead weight that would cost the parser seconds."""
    out: list[bytes] = []
    run = 0
    dropped = False
    for line in raw.split(b"\n"):
        if 40 <= len(line) <= 100 and not line.translate(None, _BASE64_CHARS):
            run += 1
            if run > _MAX_BASE64_RUN:
                dropped = True
                continue
        else:
            run = 0
        out.append(line)
    return (b"\n".join(out), True) if dropped else (raw, False)


def _too_many_boundaries(data: bytes) -> bool:
    """Nested multiparts make the parser check every line against every open boundary."""
    return any(count > MAX_BOUNDARIES for count, _ in enumerate(_BOUNDARY.finditer(data), 1))


_HEADER_END = re.compile(rb"\n\r?\n")


_HEADER_FIELD = re.compile(r"[\041-\071\073-\176]+:")


_SIMPLE_MAX_BYTES = 1024 * 1024


def simple_tree(raw: bytes) -> Message | None:
    """compat32's tree of a single-part message, without its line-by-line body scan.

    For a message that is not multipart or message/*, with a clean header block (every
    line a ``Name:`` field or a continuation, no lone CR, no Unix ``From `` line), the
    feedparser's result is exactly these raw header items and the rest of the bytes as
    the payload; reading the body line by line is most of its cost. None for anything
    else: the full parser reads it then, defects and all.
    """
    if len(raw) > _SIMPLE_MAX_BYTES:
        return None
    end = _HEADER_END.search(raw)
    if end is None:
        return None
    head = raw[: end.start() + 1]
    if head.count(b"\r") != head.count(b"\r\n"):
        return None
    lines = head.decode("ascii", "surrogateescape").split("\n")
    lines.pop()  # "" after the last line break
    items: list[list[str]] = []
    for line in lines:
        if line[:1] in (" ", "\t"):
            if not items:
                return None
            items[-1].append(line + "\n")
        elif _HEADER_FIELD.match(line):
            items.append([line + "\n"])
        else:
            return None
    msg = Message()
    for source in items:
        name, value = source[0].split(":", 1)
        msg.set_raw(name, (value.lstrip(" \t") + "".join(source[1:])).rstrip("\r\n"))
    if msg.get_content_maintype() in ("multipart", "message"):
        return None
    msg.set_payload(raw[end.end() :].decode("ascii", "surrogateescape"))
    return msg


def parse_tree(raw: bytes, problems: list[str]) -> Message:
    """compat32's tree of ``raw``; what was cut or skipped is added to ``problems``."""
    simple = simple_tree(raw)
    if simple is not None:
        return simple
    parser = BytesParser(policy=compat32)
    data = raw
    if len(data) > _COMPACT_ABOVE:
        data, dropped = _drop_long_base64(data)
        if dropped:
            problems.append("long base64 content skipped")
    if len(data) > MAX_PARSE_BYTES:
        data = data[:MAX_PARSE_BYTES]
        problems.append("message too large: only its start was read")
    if _too_many_boundaries(data):
        problems.append("too many MIME boundaries: body not read")
        return parser.parsebytes(data, headersonly=True)
    try:
        return parser.parsebytes(data)
    except Exception as exc:  # RecursionError on absurd nesting, and the like
        problems.append(f"MIME structure unreadable ({type(exc).__name__})")
        return parser.parsebytes(data, headersonly=True)


def note_defects(msg: Message, problems: list[str]) -> None:
    """Name the first MIME defect the parser found, if any, among ``problems``."""
    defects = getattr(msg, "note_defects", [])
    if defects:
        problems.append(f"MIME defect: {type(defects[0]).__name__}")

