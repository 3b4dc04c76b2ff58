"""MIME entities written straight to bytes (pure), for the mail mailflow sends.

Every body is 7-bit: text as quoted-printable UTF-8, files as base64, lines ending in CRLF,
so the message needs no 8BITMIME and reads the same through any relay. Header fields come
ready-made from :mod:`mailflow.core.writing.headers`. Boundaries are given by the caller;
one starting with ``=_`` can never occur in a quoted-printable or base64 body.

This replaces ``email.message.EmailMessage`` + ``policy.SMTP`` for writing (whose header
parsing and refolding cost ~2 ms a mail): the same structure, parsed back the same by
``email``; bench/render_speed.py measures it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass

from mailflow.core.writing.headers import HEADER_WIDTH

__all__ = ["Entity", "content_header", "file_part", "message_bytes", "multipart", "text_part"]

CRLF = b"\r\n"


@dataclass(frozen=True)
class Entity:
    """A MIME entity: ``headers`` are whole (folded) header fields without their line end;
    ``body`` is encoded, with CRLF line ends."""

    headers: tuple[str, ...]
    body: bytes

    def to_bytes(self) -> bytes:
        return "\r\n".join(self.headers).encode("ascii") + CRLF + CRLF + self.body


def _param(name: str, value: str) -> list[str]:
    """``name="value"``; a value too long for one line is cut into RFC 2231 sections."""
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    if len(name) + len(quoted) + 4 < HEADER_WIDTH:
        return [f'{name}="{quoted}"']
    size = HEADER_WIDTH - len(name) - 12
    chunks = [value[i: i + size] for i in range(0, len(value), size)]
    return [
        f'{name}*{n}="' + chunk.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for n, chunk in enumerate(chunks)
    ]


def content_header(name: str, value: str, params: Iterable[tuple[str, str]] = ()) -> str:
    """``Name: value; p="v"; ...`` folded before a parameter where the line is full.

    ``value`` and the parameters are ASCII chosen by mailflow (types, charsets, safe names).
    """
    words = [value]
    for key, param_value in params:
        words += _param(key, param_value)
    line, lines = f"{name}: {words[0]}", []
    for word in words[1:]:
        if len(line) + 2 + len(word) > HEADER_WIDTH:
            lines.append(line + ";")
            line = " " + word
        else:
            line += "; " + word
    lines.append(line)
    return "\r\n".join(lines)


def text_part(subtype: str, text: str, params: Iterable[tuple[str, str]] = ()) -> Entity:
    """A ``text/SUBTYPE`` part in UTF-8, quoted-printable.

    Line ends of ``text`` (LF, CRLF or a lone CR) become CRLF and the text ends with one,
    as ``EmailMessage.set_content`` does.
    """
    data = b"\n".join(text.encode("utf-8").splitlines()) + b"\n"
    body = binascii.b2a_qp(data, istext=True).replace(b"\n", CRLF)
    return Entity(
        (content_header("Content-Type", f"text/{subtype}", (("charset", "utf-8"), *params)),
         "Content-Transfer-Encoding: quoted-printable"),
        body,
    )


def file_part(content_type: str, data: bytes, filename: str,
              params: Iterable[tuple[str, str]] = ()) -> Entity:
    """An attachment: ``data`` base64-encoded, with ``filename`` (ASCII) in its disposition."""
    return Entity(
        (content_header("Content-Type", content_type, params),
         "Content-Transfer-Encoding: base64",
         content_header("Content-Disposition", "attachment", (("filename", filename),))),
        base64.encodebytes(data).replace(b"\n", CRLF),
    )


def multipart(subtype: str, parts: Iterable[Entity], boundary: str) -> Entity:
    """A ``multipart/SUBTYPE`` entity holding ``parts``, delimited by ``boundary``."""
    delimiter = b"--" + boundary.encode("ascii")
    body = delimiter + CRLF + (CRLF + delimiter + CRLF).join(p.to_bytes() for p in parts)
    return Entity(
        (content_header("Content-Type", f"multipart/{subtype}", (("boundary", boundary),)),),
        body + CRLF + delimiter + b"--" + CRLF,
    )


def message_bytes(headers: Iterable[str], entity: Entity) -> bytes:
    """The whole message: ``headers``, MIME-Version, then ``entity`` (its headers and body)."""
    return Entity((*headers, "MIME-Version: 1.0", *entity.headers), entity.body).to_bytes()
