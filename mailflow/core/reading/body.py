"""A mail's MIME tree walked for its text, attachments and calendar part.

At most ``MAX_PARTS`` parts are walked, ``MAX_DEPTH`` levels deep; text parts are cut at
``MAX_TEXT_BYTES``; attachments are never decoded, only named. A forwarded
message/rfc822 part becomes text marked with ``FORWARD_MARKER`` (quotes.py keeps it).
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass, field
from email.message import Message

from mailflow.core.reading.calendar import MAX_CALENDAR_BYTES, CalendarError, read_calendar
from mailflow.core.reading.charsets import decode_bytes
from mailflow.core.reading.headers import Headers, header_text
from mailflow.core.reading.htmltext import html_to_text
from mailflow.core.values import CalendarEvent, CalendarReply

__all__ = ["FORWARD_MARKER", "MAX_ATTACHMENTS", "MAX_TEXT_BYTES", "Body", "read_body"]

MAX_PARTS = 200


MAX_DEPTH = 20


MAX_TEXT_BYTES = 1024 * 1024


MAX_ATTACHMENTS = 50


#: how a forwarded message/rfc822 part is introduced in ``text`` (quotes.py keeps it)
FORWARD_MARKER = "---------- Forwarded message ---------"


_TEXT_CTES = frozenset({"", "7bit", "8bit", "binary", "base64", "quoted-printable"})


@dataclass
class Body:
    """What walking the MIME tree collects."""

    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    calendar: CalendarReply | None = None
    event: CalendarEvent | None = None  # the whole event of a REQUEST or CANCEL
    calendar_seen: bool = False
    forwards: list[str] = field(default_factory=list)
    parts: int = 0
    problems: list[str] = field(default_factory=list)

    def note(self, problem: str) -> None:
        """Note a problem of the message once (a parser's note, shown by ``inspect``)."""
        if problem not in self.problems:
            self.problems.append(problem)

    def absorb(self, sub: Body) -> None:
        """Take over a sub-walk's counters, attachments, calendar and problems (not text)."""
        self.parts = sub.parts
        self.calendar_seen = sub.calendar_seen
        self.calendar = self.calendar or sub.calendar
        self.event = self.event or sub.event
        self.attachments.extend(sub.attachments)
        for problem in sub.problems:
            self.note(problem)

    def readable(self) -> tuple[str, bool]:
        """(main text, came from HTML only): the plain parts, else the HTML ones as text."""
        plain = "\n\n".join(t.strip("\n") for t in self.plain if t.strip())
        if plain:
            return plain, False
        return "\n\n".join(html_to_text(h) for h in self.html), bool(self.html)


def _payload_bytes(part: Message, body: Body, limit: int) -> bytes:
    """The decoded payload of a leaf part, cut at ``limit`` bytes (noted as a problem)."""
    # Not get_payload(): for 8-bit bodies compat32 re-decodes it with the declared
    # charset and errors="replace", losing the bytes a mislabelled charset needs.
    payload = getattr(part, "_payload", None)
    if not isinstance(payload, str):
        return b""
    cte = str(part.get("content-transfer-encoding", "")).strip().lower()
    encoded_limit = limit * 4 // 3 + 4096 if cte == "base64" else limit * 3 + 4096
    if len(payload) > encoded_limit:
        payload = payload[:encoded_limit]
        body.note("text part truncated")
    data = payload.encode("ascii", "surrogateescape") if payload.isascii() else (
        payload.encode("utf-8", "surrogateescape")
    )
    if cte == "base64":
        data = _base64(data, body)
    elif cte == "quoted-printable":
        data = binascii.a2b_qp(data)
    elif cte not in _TEXT_CTES:
        body.note("unknown Content-Transfer-Encoding")
    if len(data) > limit:
        body.note("text part truncated")
        data = data[:limit]
    return data


def _base64(data: bytes, body: Body) -> bytes:
    try:
        return binascii.a2b_base64(data)  # lenient: skips line breaks and stray characters
    except (binascii.Error, ValueError):
        pass
    body.note("broken base64")
    cleaned = re.sub(rb"[^A-Za-z0-9+/]", b"", data)
    cleaned = cleaned[: len(cleaned) - (1 if len(cleaned) % 4 == 1 else 0)]
    try:
        return binascii.a2b_base64(cleaned + b"=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        return b""


def _filename(part: Message) -> str:
    disposition = part.get("content-disposition")
    ctype = part.get("content-type")
    if disposition is None and (ctype is None or (
        isinstance(ctype, str) and "name" not in ctype.lower()
    )):
        return ""  # no header that could carry a filename= or name= parameter
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    return header_text(name)[:200] if name else ""


def _is_attachment(part: Message, name: str) -> bool:
    """name: the part's _filename."""
    disposition = str(part.get("content-disposition", "")).strip().lower()
    return disposition.startswith("attachment") or bool(name)


_PLAIN_CONTENT_TYPE = re.compile(
    r"[ \t]*[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+-]+[ \t]*"
    r"(?:;[ \t]*(?i:charset)=(\"?)([a-zA-Z0-9_.:+-]+)\1[ \t]*)?;?[ \t]*"
)


def _charset(part: Message) -> str | None:
    ctype = part.get("content-type")
    plain = _PLAIN_CONTENT_TYPE.fullmatch(ctype) if isinstance(ctype, str) else None
    if plain is not None:  # "type/sub" with at most a charset: as get_content_charset
        return plain.group(2).lower() if plain.group(2) else None
    try:
        charset = part.get_content_charset()
    except Exception:
        return None
    return str(charset) if charset else None


def _leaf_text(part: Message, body: Body) -> str:
    text, problem = decode_bytes(_payload_bytes(part, body, MAX_TEXT_BYTES), _charset(part))
    if problem:
        body.note(problem)
    return text


def _calendar(part: Message, body: Body) -> None:
    if body.calendar_seen:
        return
    body.calendar_seen = True
    try:
        body.calendar, body.event = read_calendar(
            _payload_bytes(part, body, MAX_CALENDAR_BYTES + 1))
    except CalendarError as exc:
        body.note(f"calendar: {exc}")


def _forwarded_text(part: Message, body: Body, depth: int) -> None:
    """A message/rfc822 forward: its headers and text, marked as a forward (kept as new)."""
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if not isinstance(inner, Message):
        return
    headers = Headers.of(inner)
    sub = Body(parts=body.parts, calendar_seen=body.calendar_seen)
    _walk(inner, sub, depth + 1)
    body.absorb(sub)
    lines = [FORWARD_MARKER]
    for label, name in (("From", "from"), ("Date", "date"), ("Subject", "subject"), ("To", "to")):
        if headers.text(name):
            lines.append(f"{label}: {headers.text(name)}")
    body.forwards.append("\n".join(lines) + "\n\n" + sub.readable()[0])
    body.forwards.extend(sub.forwards)


def _walk(part: Message, body: Body, depth: int) -> None:
    if body.parts >= MAX_PARTS:
        body.note("too many MIME parts")
        return
    if depth > MAX_DEPTH:
        body.note("MIME nesting too deep")
        return
    body.parts += 1
    ctype = part.get_content_type()
    # Not get_payload() on a leaf: compat32 decodes 8-bit text there (a wasted pass, and a
    # TypeError on an RFC 2231 charset*= parameter); the leaf's bytes are read once, later.
    payload = part.get_payload() if part.is_multipart() else None
    if ctype == "message/rfc822" or (ctype.startswith("message/") and isinstance(payload, list)):
        if ctype == "message/rfc822":
            _forwarded_text(part, body, depth)
        return
    if part.is_multipart() and isinstance(payload, list):
        children = [p for p in payload if isinstance(p, Message)]
        if ctype == "multipart/alternative":
            _alternative(children, body, depth)
        else:
            for child in children:
                _walk(child, body, depth + 1)
        return
    _leaf(part, ctype, body)


def _alternative(children: list[Message], body: Body, depth: int) -> None:
    """Walk every alternative (calendars, attachments), but keep one text: plain first."""
    trial: list[Body] = []
    for child in children:
        sub = Body(parts=body.parts, calendar_seen=body.calendar_seen)
        _walk(child, sub, depth + 1)
        body.absorb(sub)
        trial.append(sub)
    with_plain = [s for s in trial if any(t.strip() for t in s.plain)]
    with_html = [s for s in trial if s.html]
    chosen = with_plain[0] if with_plain else (with_html[-1] if with_html else None)
    if chosen is not None:
        body.plain.extend(chosen.plain)
        body.html.extend(chosen.html)
        body.forwards.extend(chosen.forwards)


def _leaf(part: Message, ctype: str, body: Body) -> None:
    name = _filename(part)
    if ctype == "text/calendar" or ctype == "application/ics" or name.lower().endswith(".ics"):
        _calendar(part, body)
        if name or _is_attachment(part, name):
            body.attachments.append(name or ctype)
        return
    if ctype in ("text/plain", "text/html") and not _is_attachment(part, name):
        (body.plain if ctype == "text/plain" else body.html).append(_leaf_text(part, body))
        return
    if ctype == "text/plain" and not part.get("content-type") and not name:
        body.plain.append(_leaf_text(part, body))
        return
    if len(body.attachments) < MAX_ATTACHMENTS:
        body.attachments.append(name or ctype)


def read_body(msg: Message, problems: list[str]) -> tuple[str, bool, Body]:
    """(the readable text with forwards, came from HTML only, what the walk found)."""
    body = Body()
    try:
        _walk(msg, body, 0)
    except Exception as exc:
        body.note(f"MIME body unreadable ({type(exc).__name__})")
    problems.extend(p for p in body.problems if p not in problems)
    main, html_only = body.readable()
    text = "\n\n".join(t for t in (main, *body.forwards) if t.strip())
    return text, html_only, body

